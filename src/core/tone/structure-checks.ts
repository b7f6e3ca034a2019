// The tone checks that look at a message's shape rather than its words: the compliment sandwich,
// shouting, scare quotes, the missing pieces (specifics, next step, invitation), length for the channel
// and reading level. Explanations are for the teacher (English), in MESSAGES.
import { fillTemplate } from '../compose/format';
import { smsSegments, SMS_WARN_AFTER_SEGMENTS } from '../sms';
import { readingLevel } from './readability';
import { type Span, contains, matchesOf, wordPattern, wordsOf } from './text-units';
import type { Finding, ToneInput, ToneRules } from './types';

/** An email longer than this many words is long for a family to read (concerns aim for ~120). */
export const EMAIL_MAX_WORDS = 200;
/** A single upper-case word this long is shouting even alone ("MISSING"); shorter ones only in pairs. */
const SHOUTED_WORD_LENGTH = 4;

const MESSAGES = {
  sandwich:
    'Praise, then the concern, then praise again hides the real issue (a "compliment sandwich"). Say the concern plainly first; what is going well can follow it, once.',
  caps: 'Capitals read as shouting. Use normal case; let the facts carry the weight.',
  exclaim: 'Repeated "!" or "?!" reads as alarm or anger in a message.',
  scareQuotes: 'Quotation marks around an ordinary word read as sarcasm ("scare quotes").',
  specifics: 'No assignment is named. Say which work (and its date), so the family knows exactly what to look at.',
  nextStep: 'No next step. Offer one concrete way to help at home, or what you will do next.',
  invitation: 'No invitation to answer. Ask how you can work together, or what works at home.',
  textLong: 'This text takes {segments} SMS segments ({encoding}); past 2 it may arrive in pieces. Keep texts short and plain.',
  emailLong: 'This email has {words} words; past {max} families often stop reading. Keep the facts, the next step and the question.',
  fk: 'Reading level about grade {grade} (Flesch–Kincaid); aim for grades 6–8. The longest sentence is flagged: shorter sentences and everyday words help.',
  fh: 'Reading ease {score} (Fernández-Huerta), about grade {grade}; aim for 60 or more (grades 6–8). The longest sentence is flagged: shorter sentences and everyday words help.',
} as const;

const isConcernKind = (kind: ToneInput['kind']) => kind === 'heads-up' || kind === 'follow-up';

/** Sentences cut before each turn word, so "great in class, but missing Lab 2" is praise then concern. */
function clausesOf(sentences: Span[], rules: ToneRules): Span[] {
  const turn = wordPattern(rules.turns);
  return sentences.flatMap((s) => {
    const cuts = [0, ...matchesOf(s.text, turn).map((m) => m.start).filter((at) => at > 0), s.text.length];
    return cuts.slice(0, -1).map((from, i) => ({ text: s.text.slice(from, cuts[i + 1]), start: s.start + from, end: s.start + cuts[i + 1]! }));
  });
}

export function complimentSandwich(input: ToneInput, rules: ToneRules, allSentences: Span[]): Finding[] {
  if (!isConcernKind(input.kind)) return [];
  const sentences = clausesOf(allSentences, rules);
  const praise = wordPattern(rules.praise);
  const concern = wordPattern(rules.concern);
  const kinds = sentences.map((s) => (contains(s.text, concern) ? 'concern' : contains(s.text, praise) ? 'praise' : 'other'));
  const firstConcern = kinds.indexOf('concern');
  const lastConcern = kinds.lastIndexOf('concern');
  if (firstConcern === -1) return [];
  const before = kinds.slice(0, firstConcern).indexOf('praise');
  const after = kinds.lastIndexOf('praise');
  if (before === -1 || after < lastConcern) return [];
  const start = sentences[before]!.start;
  const end = sentences[after]!.end;
  // The rewrite drops the opening praise: the concern comes first, what is going well after it.
  const concernFirst = input.text.slice(sentences[firstConcern]!.start, end).replace(new RegExp(`^(?:${rules.turns.join('|')})[,\\s]+`, 'iu'), '');
  const suggestion = concernFirst.charAt(0).toUpperCase() + concernFirst.slice(1);
  return [{ category: 'compliment-sandwich', rule: 'praise-concern-praise', start, end, message: MESSAGES.sandwich, suggestion }];
}

export function shouting(input: ToneInput, rules: ToneRules): Finding[] {
  const findings: Finding[] = [];
  const allowed = new Set(rules.acronyms);
  const inNames = (word: string) => (input.assignmentNames ?? []).some((n) => new RegExp(`(?<![\\p{L}])${word}(?![\\p{L}])`, 'u').test(n));
  const caps = matchesOf(input.text, /(?<![\p{L}\p{N}])\p{Lu}{2,}(?![\p{L}\p{N}])/gu).filter(
    (w) => !allowed.has(w.text) && !/^[IVXL]+$/.test(w.text) && !inNames(w.text),
  );
  const shouted = caps.length >= 2 ? caps : caps.filter((w) => w.text.length >= SHOUTED_WORD_LENGTH);
  for (const w of shouted) {
    findings.push({ category: 'shouting', rule: 'caps', start: w.start, end: w.end, message: MESSAGES.caps, suggestion: w.text.toLowerCase() });
  }
  for (const m of matchesOf(input.text, /[!?]*![!?]*!+[!?]*|\?+!+[!?]*|!+\?+[!?]*/gu)) {
    findings.push({ category: 'shouting', rule: 'exclamations', start: m.start, end: m.end, message: MESSAGES.exclaim, suggestion: m.text.includes('?') ? '?' : '.' });
  }
  return findings;
}

/** "studying" in quotes: one or two ordinary lower-case words. Quoted titles (capitalised) are left alone. */
export function scareQuotes(input: ToneInput): Finding[] {
  return matchesOf(input.text, /["“«]\p{Ll}[\p{Ll}'’-]*(?: \p{Ll}[\p{Ll}'’-]*)?[.,]?["”»]/gu).map((m) => ({
    category: 'sarcasm' as const,
    rule: 'scare-quotes',
    start: m.start,
    end: m.end,
    message: MESSAGES.scareQuotes,
    suggestion: m.text.slice(1, -1),
  }));
}

function namesAnAssignment(input: ToneInput, rules: ToneRules): boolean {
  const text = input.text.toLowerCase();
  if ((input.assignmentNames ?? []).some((n) => n.trim() !== '' && text.includes(n.trim().toLowerCase()))) return true;
  return contains(input.text, wordPattern(rules.specifics, true));
}

/** Where a missing sentence goes: before the sign-off line when there is one, else at the end. */
function insertionPoint(text: string, rules: ToneRules): { at: number; before: string; after: string } {
  const signOff = new RegExp(`^[ \\t]*(?:${rules.signOff.join('|')})[,.!]?[ \\t]*$`, 'gimu');
  const lines = [...text.matchAll(signOff)];
  const last = lines[lines.length - 1];
  if (last) return { at: last.index, before: '', after: '\n\n' };
  return { at: text.length, before: /\s$/.test(text) || text === '' ? '' : ' ', after: '' };
}

export function missingPieces(input: ToneInput, rules: ToneRules): Finding[] {
  const findings: Finding[] = [];
  if (!namesAnAssignment(input, rules)) {
    findings.push({ category: 'no-specifics', rule: 'no-assignment-named', start: 0, end: 0, message: MESSAGES.specifics });
  }
  if (!isConcernKind(input.kind)) return findings;
  const place = insertionPoint(input.text, rules);
  if (!contains(input.text, wordPattern(rules.nextStep))) {
    findings.push({
      category: 'no-next-step', rule: 'no-next-step', start: place.at, end: place.at, message: MESSAGES.nextStep,
      suggestion: `${place.before}${rules.insert.nextStep}${place.after}`,
    });
  }
  if (!/[?¿]/.test(input.text) && !contains(input.text, wordPattern(rules.invitation))) {
    findings.push({
      category: 'no-invitation', rule: 'no-invitation', start: place.at, end: place.at, message: MESSAGES.invitation,
      suggestion: `${place.before}${rules.insert.invitation}${place.after}`,
    });
  }
  return findings;
}

export function tooLong(input: ToneInput): Finding[] {
  if (input.channel === 'text') {
    const count = smsSegments(input.text);
    if (count.segments <= SMS_WARN_AFTER_SEGMENTS) return [];
    const start = count.breaks[SMS_WARN_AFTER_SEGMENTS - 1]!;
    const message = fillTemplate(MESSAGES.textLong, { segments: count.segments, encoding: count.encoding });
    return [{ category: 'too-long', rule: 'sms-segments', start, end: input.text.length, message }];
  }
  if (input.channel === 'email') {
    const words = wordsOf(input.text, input.language);
    if (words.length <= EMAIL_MAX_WORDS) return [];
    const message = fillTemplate(MESSAGES.emailLong, { words: words.length, max: EMAIL_MAX_WORDS });
    return [{ category: 'too-long', rule: 'email-words', start: words[EMAIL_MAX_WORDS]!.start, end: input.text.length, message }];
  }
  return [];
}

export function readingLevelFindings(input: ToneInput, rules: ToneRules): Finding[] {
  const level = readingLevel(input.text, input.language, rules);
  if (!level?.tooHard) return [];
  const message =
    level.formula === 'flesch-kincaid'
      ? fillTemplate(MESSAGES.fk, { grade: level.grade.toFixed(1) })
      : fillTemplate(MESSAGES.fh, { score: level.score.toFixed(0), grade: level.grade });
  return [{ category: 'reading-level', rule: level.formula, start: level.longest.start, end: level.longest.end, message }];
}
