// Understanding what a gradebook cell says: points, points over possible, a percent, a letter or a
// mark (missing, excused, …). Pure: text in, ParsedScore out; never throws, never guesses — text it
// cannot understand comes back with `unreadable` and the reason in plain words.
import type { CellFlags, ParsedScore } from './types';
import { isTidyAscii } from './text';

/** The percent a letter grade stands for when a letter is all a cell gives. */
export const LETTER_SCALE: Readonly<Record<string, number>> = Object.freeze({
  'A+': 98, A: 95, 'A-': 91.5,
  'B+': 88, B: 85, 'B-': 81.5,
  'C+': 78, C: 75, 'C-': 71.5,
  'D+': 68, D: 65, 'D-': 61.5,
  F: 50,
});

/** Lowest percent for each letter, best first; below the last one is an F. */
export const LETTER_CUTOFFS: ReadonlyArray<readonly [minPercent: number, letter: string]> = Object.freeze([
  [93, 'A'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'], [77, 'C+'],
  [73, 'C'], [70, 'C-'], [67, 'D+'], [63, 'D'], [60, 'D-'],
] as const);

/** Any number read from a cell beyond this (points, possible, percent) is a typo or garbage, not a score. */
export const MAX_SCORE_NUMBER = 1_000_000;

/** Longer text than this is not a score (it is a comment, or a page read wrongly). */
const MAX_SCORE_TEXT = 64;

export function letterForPercent(percent: number): string {
  for (const [min, letter] of LETTER_CUTOFFS) {
    if (percent >= min) return letter;
  }
  return 'F';
}

/** Marks written instead of a score, upper-cased. Missing marks carry no points: whether missing
 * counts as zero is the grade calculation's decision, not the parser's. */
const MARKS: ReadonlyMap<string, CellFlags> = new Map<string, CellFlags>([
  ...['M', 'MI', 'MSG', 'MISSING'].map((m): [string, CellFlags] => [m, { missing: true }]),
  ...['EX', 'EXC', 'EXCUSED', 'EXEMPT'].map((m): [string, CellFlags] => [m, { excused: true }]),
  ...['I', 'INC', 'INCOMPLETE'].map((m): [string, CellFlags] => [m, { incomplete: true }]),
  ...['L', 'LATE'].map((m): [string, CellFlags] => [m, { late: true }]),
  ...['', '—', '–', '-', '--', '---', '*', 'N/A', 'NA', 'NG'].map((m): [string, CellFlags] => [m, { notGraded: true }]),
]);

/** LETTER_SCALE as a map (a record's lookup would also find `constructor` and the like). */
const LETTERS: ReadonlyMap<string, number> = new Map(Object.entries(LETTER_SCALE));

/** A number as gradebooks write it: `12`, `12.5`, `12,5` (decimal comma), `.5`, `-2`, `1e-7`. */
const NUMBER = String.raw`[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?`;
/** What stands for "no score yet" in the points place of `--/10`. */
const NO_POINTS = String.raw`--?|—|–`;
const POINTS_ONLY = new RegExp(`^(${NUMBER})$`, 'i');
const POINTS_OVER = new RegExp(`^(${NUMBER}|${NO_POINTS})\\s*(?:/|out of)\\s*(${NUMBER})$`, 'i');
const PERCENT = new RegExp(`^(${NUMBER})\\s*%$`, 'i');
const PERCENT_OR_NUMBER = new RegExp(`^(${NUMBER})\\s*%?$`, 'i');
const NO_POINTS_ONLY = new RegExp(`^(?:${NO_POINTS})$`);
const LETTER = /^([A-D][+-]?|F)$/i;
const SPACES = /[\s\u00a0\u2007\u202f\u200b]+/g;

/** The plain-number fast path reads at most this many digits: below 2^53, so digits / 10^k rounds exactly as Number() does. */
const FAST_MAX_DIGITS = 15;
const POWERS_OF_TEN = [1, 10, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];
const DIGIT_0 = 48;
const DOT = 46;
const SLASH = 47;

/** Collapse all whitespace (incl. no-break and narrow spaces) to single spaces and trim. */
function collapseSpaces(text: string): string {
  return text.replace(SPACES, ' ').trim();
}

/** A number from gradebook text, or a reason it is not one. */
function readNumber(text: string): number | string {
  const value = Number(text.replace(',', '.'));
  if (!Number.isFinite(value)) return `the number ${text} is too large to be a score`;
  if (Math.abs(value) > MAX_SCORE_NUMBER) return `the number ${text} is too large to be a score`;
  return value;
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function unreadable(why: string): ParsedScore {
  return { flags: {}, unreadable: why };
}

function pointsOver(points: number, outOf: number): ParsedScore {
  const percent = round2((points / outOf) * 100);
  if (!Number.isFinite(percent) || Math.abs(percent) > MAX_SCORE_NUMBER) {
    return unreadable(`${points} out of ${outOf} is not a plausible score`);
  }
  return { points, outOf, percent, flags: {} };
}

function parseFraction(pointsText: string, outOfText: string): ParsedScore {
  const outOf = readNumber(outOfText);
  if (typeof outOf === 'string') return unreadable(outOf);
  if (outOf <= 0) return unreadable(`points possible is ${outOf}; a score needs more than zero points possible`);
  // `--/10`: the assignment is worth 10 but nothing has been entered yet.
  if (NO_POINTS_ONLY.test(pointsText)) return { outOf, flags: { notGraded: true } };
  const points = readNumber(pointsText);
  if (typeof points === 'string') return unreadable(points);
  return pointsOver(points, outOf);
}

function parsePoints(pointsText: string, pointsPossible: number | undefined): ParsedScore {
  const points = readNumber(pointsText);
  if (typeof points === 'string') return unreadable(points);
  return pointsOfPossible(points, pointsPossible);
}

function pointsOfPossible(points: number, pointsPossible: number | undefined): ParsedScore {
  const possible = pointsPossible !== undefined && Number.isFinite(pointsPossible) && pointsPossible > 0
    && pointsPossible <= MAX_SCORE_NUMBER ? pointsPossible : undefined;
  if (possible === undefined) return { points, flags: {} };
  return pointsOver(points, possible);
}

/**
 * The end of an unsigned decimal `12` or `12.5` starting at `start` (`start` when there is none), and
 * its value; `value` is NaN when the number is beyond the fast path (too many digits).
 */
function scanDecimal(text: string, start: number, out: { end: number; value: number }): void {
  let digits = 0;
  let mantissa = 0;
  let fraction = -1;
  let i = start;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const digit = code - DIGIT_0;
    if (digit >= 0 && digit <= 9) {
      mantissa = mantissa * 10 + digit;
      digits++;
      if (fraction >= 0) fraction++;
    } else if (code === DOT && fraction < 0 && digits > 0) {
      fraction = 0;
    } else break;
  }
  // `12.` is left to the full parser, as is anything with more digits than a double holds exactly
  const complete = digits > 0 && fraction !== 0 && digits <= FAST_MAX_DIGITS;
  out.end = complete ? i : start;
  out.value = complete ? mantissa / POWERS_OF_TEN[Math.max(fraction, 0)]! : Number.NaN;
}

/** Scratch for scanDecimal, reused so that the hot path allocates nothing but its result. */
const scanned = { end: 0, value: 0 };

/**
 * Most cells of a teacher's grid are plain `12`, `12.5` or `12/15`: read those without regexes or
 * copies of the text. Anything else (spaces, commas, signs, marks, out-of-range numbers) returns
 * undefined and takes the full path, which reads it the same way.
 */
function parsePlainPoints(text: string, pointsPossible: number | undefined): ParsedScore | undefined {
  scanDecimal(text, 0, scanned);
  const points = scanned.value;
  if (scanned.end === 0 || points > MAX_SCORE_NUMBER) return undefined;
  if (scanned.end === text.length) return pointsOfPossible(points, pointsPossible);
  if (text.charCodeAt(scanned.end) !== SLASH) return undefined;
  const outOfStart = scanned.end + 1;
  scanDecimal(text, outOfStart, scanned);
  const outOf = scanned.value;
  if (scanned.end === outOfStart || scanned.end !== text.length || outOf > MAX_SCORE_NUMBER || outOf <= 0) return undefined;
  return pointsOver(points, outOf);
}

/**
 * The score of text written exactly as most cells write one — `12`, `12.5`, `12/15`, `M`, `EX`, `—`,
 * `B+`: no spaces, marks and letters in capitals — read without regexes or copies; undefined for
 * anything else (which parseScore reads in full, the same way). Text it reads has nothing to collapse,
 * so an adapter that calls it first can skip collapsing the cells it reads.
 */
export function parseExactScore(raw: string, pointsPossible?: number): ParsedScore | undefined {
  if (raw.length > MAX_SCORE_TEXT) return undefined;
  const plain = parsePlainPoints(raw, pointsPossible);
  if (plain) return plain;
  const mark = MARKS.get(raw);
  if (mark) return { flags: { ...mark } };
  const letterPercent = LETTERS.get(raw);
  if (letterPercent !== undefined) return { letter: raw, percent: letterPercent, flags: {} };
  return undefined;
}

/**
 * Understand a score cell's text. `pointsPossible` (from the assignment) turns plain points into a
 * percent; a cell's own `x/y` wins over it.
 */
export function parseScore(raw: string, pointsPossible?: number): ParsedScore {
  if (typeof raw !== 'string') return unreadable('the cell has no text');
  const exact = parseExactScore(raw, pointsPossible);
  if (exact) return exact;
  const text = collapseSpaces(raw);
  if (text.length > MAX_SCORE_TEXT) return unreadable('the text is too long to be a score');
  const mark = MARKS.get(text.toUpperCase());
  if (mark) return { flags: { ...mark } };

  const over = POINTS_OVER.exec(text);
  if (over) return parseFraction(over[1] ?? '', over[2] ?? '');
  const plain = POINTS_ONLY.exec(text);
  if (plain) return parsePoints(plain[1] ?? '', pointsPossible);
  const percentMatch = PERCENT.exec(text);
  if (percentMatch) {
    const percent = readNumber(percentMatch[1] ?? '');
    return typeof percent === 'string' ? unreadable(percent) : { percent, flags: {} };
  }
  if (LETTER.test(text)) {
    const letter = text.toUpperCase();
    return { letter, percent: LETTER_SCALE[letter], flags: {} };
  }
  return unreadable('not a score: expected points (12 or 12/15), a percent, a letter grade, or a mark such as M or EX');
}

/** A percent or number written plainly (`65.32%`, `10`): most of those pages show, read by one regex. */
const PLAIN_PERCENT = /^(\d{1,6}(?:\.\d+)?)%?$/;

/** A percent as a page shows it: `87.2%`, `87,2 %`, `103%`, or a bare number from a percent column. */
export function parsePercent(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const plain = PLAIN_PERCENT.exec(text);
  if (plain) return Number(plain[1]);
  const match = PERCENT_OR_NUMBER.exec(collapseSpaces(text));
  if (!match) return undefined;
  const value = readNumber(match[1] ?? '');
  return typeof value === 'number' ? value : undefined;
}

const ASCII_ONLY = /^[\x00-\x7f]*$/;
const COMBINING_MARKS = /\p{M}/gu;

/** The identity form of a name, for pages without ids: `  Zoë\u00a0 O'Neil ` → `zoe o'neil`. */
export function normaliseName(name: string): string {
  // most names are plain ASCII already collapsed: lower-casing is all they need
  if (typeof name === 'string' && isTidyAscii(name)) return name.toLowerCase();
  const collapsed = collapseSpaces(name);
  // ASCII has no accents to strip: most names skip the Unicode decomposition
  return (ASCII_ONLY.test(collapsed) ? collapsed : collapsed.normalize('NFD').replace(COMBINING_MARKS, '')).toLowerCase();
}

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})$/;

const isLeapYear = (year: number) => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Scratch for readDigits: the value and where the digits end. */
const digits = { value: 0, end: 0 };

/** Reads the run of ASCII digits at `start` into `digits` (its end is `start` when there is none). */
function readDigits(text: string, start: number): void {
  let value = 0;
  let i = start;
  for (; i < text.length; i++) {
    const digit = text.charCodeAt(i) - DIGIT_0;
    if (digit < 0 || digit > 9) break;
    value = value * 10 + digit;
  }
  digits.value = value;
  digits.end = i;
}

/**
 * A date written exactly `M/D/YY` or `MM/DD/YYYY` (no spaces), read without regexes or a Date: pages
 * list a due date per assignment, and this is most of them. Undefined for anything else (including
 * dates that are not real), which the full path reads the same way; `0099`-style years are left to it.
 */
function parsePlainUsDate(text: string): string | undefined {
  readDigits(text, 0);
  const month = digits.value;
  const monthLength = digits.end;
  if (monthLength < 1 || monthLength > 2 || text.charCodeAt(digits.end) !== SLASH) return undefined;
  readDigits(text, monthLength + 1);
  const day = digits.value;
  const dayLength = digits.end - monthLength - 1;
  if (dayLength < 1 || dayLength > 2 || text.charCodeAt(digits.end) !== SLASH) return undefined;
  const yearStart = digits.end + 1;
  readDigits(text, yearStart);
  const yearLength = digits.end - yearStart;
  if (digits.end !== text.length || (yearLength !== 2 && yearLength !== 4)) return undefined;
  const year = yearLength === 2 ? 2000 + digits.value : digits.value;
  if (year < 100 || month < 1 || month > 12 || day < 1) return undefined;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!)) return undefined;
  return `${year < 1000 ? `0${year}` : year}-${pad2(month)}-${pad2(day)}`;
}

/** A US `MM/DD/YYYY` date (or `MM/DD/YY`, taken as 20YY) as ISO `YYYY-MM-DD`; undefined when not a real date. */
export function parseUsDate(text: string): string | undefined {
  if (typeof text !== 'string') return undefined;
  const plain = parsePlainUsDate(text);
  if (plain) return plain;
  const match = US_DATE.exec(collapseSpaces(text));
  if (!match) return undefined;
  const month = Number(match[1]);
  const day = Number(match[2]);
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
