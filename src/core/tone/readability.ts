// Reading level, with a formula suited to each language (aim: grades 6–8, DESIGN.md principle 6).
// - English: Flesch–Kincaid grade level (`flesch-kincaid`), syllables by `syllable` (both wooorm's,
//   ESM, browser-safe, the ones retext-readability uses).
// - Spanish: Fernández-Huerta reading ease, L = 206.84 − 0.60·P − 1.02·F (P syllables per 100 words,
//   F words per sentence), syllables by spanish-syllables.ts. Its usual scale: 70–80 "fairly easy" ≈
//   grade 6, 60–70 "normal" ≈ grades 7–8, 50–60 "fairly difficult" ≈ grades 9–10.
import { fleschKincaid } from 'flesch-kincaid';
import { syllable } from 'syllable';
import { spanishSyllables } from './spanish-syllables';
import { type Span, sentencesOf, wordsOf } from './text-units';
import type { ToneRules } from './types';

/** Shorter messages are not scored: the formulas are noise on a few sentences. */
export const MIN_WORDS_FOR_READABILITY = 30;
/** English: flag above this grade. */
export const MAX_GRADE = 9;
/** Spanish: flag below this reading ease (harder than about grade 9). */
export const MIN_FERNANDEZ_HUERTA = 60;

export interface ReadingLevel {
  formula: 'flesch-kincaid' | 'fernandez-huerta';
  /** FK: grade level; FH: reading ease 0–100+ */
  score: number;
  /** the US grade it corresponds to (FH: from its published scale) */
  grade: number;
  tooHard: boolean;
  words: number;
  /** the sentence with the most words, where a rewrite helps most */
  longest: Span;
}

/** Fernández-Huerta's scale as US grades (lower bound of each band). */
function fernandezHuertaGrade(score: number): number {
  if (score >= 90) return 4;
  if (score >= 80) return 5;
  if (score >= 70) return 6;
  if (score >= 60) return 7;
  if (score >= 50) return 9;
  if (score >= 30) return 11;
  return 13;
}

export function fernandezHuerta(counts: { sentence: number; word: number; syllable: number }): number {
  return 206.84 - 0.6 * ((100 * counts.syllable) / counts.word) - 1.02 * (counts.word / counts.sentence);
}

export function readingLevel(text: string, language: string, rules: ToneRules): ReadingLevel | undefined {
  const sentences = sentencesOf(text, language, rules.abbreviations);
  const words = wordsOf(text, language);
  if (words.length < MIN_WORDS_FOR_READABILITY || sentences.length === 0) return undefined;
  const countSyllables = rules.readability === 'fernandez-huerta' ? spanishSyllables : syllable;
  const counts = {
    sentence: sentences.length,
    word: words.length,
    syllable: words.reduce((sum, w) => sum + Math.max(1, countSyllables(w.text)), 0),
  };
  let longest = sentences[0]!;
  let longestWords = 0;
  for (const s of sentences) {
    const n = wordsOf(s.text, language).length;
    if (n > longestWords) [longest, longestWords] = [s, n];
  }
  if (rules.readability === 'fernandez-huerta') {
    const score = fernandezHuerta(counts);
    return { formula: 'fernandez-huerta', score, grade: fernandezHuertaGrade(score), tooHard: score < MIN_FERNANDEZ_HUERTA, words: words.length, longest };
  }
  const grade = fleschKincaid(counts);
  return { formula: 'flesch-kincaid', score: grade, grade, tooHard: grade > MAX_GRADE, words: words.length, longest };
}
