// Sentences and words of a message, with their offsets, from the built-in Intl.Segmenter (Unicode
// UAX #29), plus whole-word pattern matching for the rule tables.

export interface Span {
  text: string;
  start: number;
  end: number;
}

/**
 * Sentences with offsets (trimmed; blank ones dropped). Intl.Segmenter breaks after any "X. Y", so a
 * break right after a known abbreviation ("Ms. Rivera", "Oct. 9") is undone.
 */
export function sentencesOf(text: string, language: string, abbreviations: readonly string[]): Span[] {
  const abbreviation = new RegExp(`(?<![\\p{L}])(?:${abbreviations.join('|')})\\.\\s*$`, 'iu');
  const raw: Span[] = [];
  for (const s of new Intl.Segmenter(language, { granularity: 'sentence' }).segment(text)) {
    const previous = raw[raw.length - 1];
    const start = s.index;
    const end = s.index + s.segment.length;
    if (previous && abbreviation.test(text.slice(previous.start, previous.end)) && !/\n\s*$/.test(previous.text)) {
      previous.end = end;
      previous.text = text.slice(previous.start, end);
    } else {
      raw.push({ text: s.segment, start, end });
    }
  }
  return raw
    .map((s) => {
      const lead = s.text.length - s.text.trimStart().length;
      const trimmed = s.text.trim();
      return { text: trimmed, start: s.start + lead, end: s.start + lead + trimmed.length };
    })
    .filter((s) => /[\p{L}\p{N}]/u.test(s.text));
}

/** Words (segments with a letter in them) with offsets. */
export function wordsOf(text: string, language: string): Span[] {
  const words: Span[] = [];
  for (const s of new Intl.Segmenter(language, { granularity: 'word' }).segment(text)) {
    if (s.isWordLike && /\p{L}/u.test(s.segment)) words.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return words;
}

/** A rule pattern as a whole-word, case-insensitive regular expression; ' also matches ’. */
export function wordPattern(patterns: readonly string[], caseSensitive = false): RegExp {
  const body = patterns.map((p) => p.replace(/'/g, "['’]")).join('|');
  return new RegExp(`(?<![\\p{L}\\p{N}_])(?:${body})(?![\\p{L}\\p{N}_])`, caseSensitive ? 'gu' : 'giu');
}

/** Every match of the patterns in the text. */
export function matchesOf(text: string, pattern: RegExp): Span[] {
  pattern.lastIndex = 0;
  return [...text.matchAll(pattern)].filter((m) => m[0].length > 0).map((m) => ({ text: m[0], start: m.index, end: m.index + m[0].length }));
}

export const contains = (text: string, pattern: RegExp) => matchesOf(text, pattern).length > 0;
