// The tone check's data shapes: what it reads, what it finds, and the rule tables per language.
import type { Channel, ContactKind } from '../types';

export type ToneCategory =
  | 'trigger-word'
  | 'absolute'
  | 'deficit'
  | 'blame'
  | 'compliment-sandwich'
  | 'shouting'
  | 'sarcasm'
  | 'no-specifics'
  | 'no-next-step'
  | 'no-invitation'
  | 'too-long'
  | 'reading-level';

export const TONE_CATEGORIES: readonly ToneCategory[] = [
  'trigger-word', 'absolute', 'deficit', 'blame', 'compliment-sandwich', 'shouting', 'sarcasm',
  'no-specifics', 'no-next-step', 'no-invitation', 'too-long', 'reading-level',
];

export interface ToneInput {
  text: string;
  /** BCP 47 tag; a language without rules is checked with the English ones */
  language: string;
  channel: Channel;
  kind: ContactKind;
  /** the proposal's assignment names: naming one of them counts as being specific */
  assignmentNames?: readonly string[];
}

/** One thing the tone check noticed, explained, with a rewrite where one exists. */
export interface Finding {
  category: ToneCategory;
  /** the rule's id within its category, e.g. `lazy`, `caps`, `flesch-kincaid` */
  rule: string;
  /** UTF-16 offsets into the text: the flagged span [start, end); start = end marks where something is missing */
  start: number;
  end: number;
  /** why it matters, in a sentence */
  message: string;
  /** replacement text for [start, end) (an insertion when start = end); absent when no rewrite fits */
  suggestion?: string;
}

/** Categories a word rule may belong to (the others are structural). */
export type WordCategory = 'trigger-word' | 'absolute' | 'deficit' | 'blame' | 'sarcasm';

/**
 * A Vale-style existence rule with substitutions: any of `patterns` (regular-expression sources, matched
 * case-insensitively as whole words; a straight apostrophe also matches a curly one) is flagged.
 * `suggestion`: one replacement for every match, or a replacement per matched phrase (lower case).
 */
export interface WordRule {
  rule: string;
  category: WordCategory;
  patterns: readonly string[];
  message: string;
  suggestion?: string | Readonly<Record<string, string>>;
}

/** Phrase lists (regular-expression sources, whole words, case-insensitive) for the structural checks. */
export interface ToneRules {
  language: string;
  wordRules: readonly WordRule[];
  /** a sentence with one of these (and no concern) is praise */
  praise: readonly string[];
  /** a sentence with one of these states a concern */
  concern: readonly string[];
  /** words that turn a sentence ("great in class, but …"): praise before one is its own unit */
  turns: readonly string[];
  /** naming a piece of work or its date: CASE-SENSITIVE patterns, so that "Essay Draft" counts and "an essay" does not */
  specifics: readonly string[];
  nextStep: readonly string[];
  /** besides any question (a sentence ending in ? or opening with ¿) */
  invitation: readonly string[];
  /** upper-case words that are not shouting (acronyms) */
  acronyms: readonly string[];
  /** abbreviations after which a period does not end a sentence ("Ms.", "Oct.") */
  abbreviations: readonly string[];
  /** a line that starts the sign-off: missing sentences are suggested just before it */
  signOff: readonly string[];
  /** sentences offered for what is missing */
  insert: { nextStep: string; invitation: string };
  readability: 'flesch-kincaid' | 'fernandez-huerta';
}
