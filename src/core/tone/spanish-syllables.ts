// Syllables of a Spanish word, for the Fernández-Huerta reading ease. No maintained browser-ready package
// does this (npm `silabea` is CommonJS, unmaintained, keeps global state and ships mocha as a runtime
// dependency), so this counts syllable nuclei by the standard rules of Spanish orthography:
// - every syllable has one vowel nucleus; adjacent vowels share a nucleus (diphthong, triphthong) unless
//   they form a hiatus;
// - hiatus: two strong vowels (a e o, accented or not: le-er, po-e-ta, a-é-re-o), or a weak vowel with a
//   written accent next to any vowel (dí-a, pa-ís, o-í-do);
// - weak + weak (ui, iu) and weak + strong either way form a diphthong (ciu-dad, bue-no, hoy);
// - u is silent in que qui gue gui (gue-rra, qui-so); ü is heard (pin-güi-no);
// - y is a vowel at the end of a word or before a consonant (hoy, muy, y), else a consonant (ma-yo).
// Counting is what readability needs; splitting is not attempted.

const STRONG = new Set('aeoáéó');
const WEAK = new Set('iuü');
const ACCENTED_WEAK = new Set('íú');

type VowelClass = 'strong' | 'weak' | 'accented-weak';

/** A letter's class as a vowel at `index`, or undefined for a consonant (or a silent u). */
function vowelClass(word: string, index: number): VowelClass | undefined {
  const ch = word[index]!;
  if (STRONG.has(ch)) return 'strong';
  if (ACCENTED_WEAK.has(ch)) return 'accented-weak';
  if (ch === 'u' && (word[index - 1] === 'q' || word[index - 1] === 'g') && 'eiéí'.includes(word[index + 1] ?? '')) return undefined;
  if (WEAK.has(ch)) return 'weak';
  if (ch === 'y') {
    const next = word[index + 1];
    const atEnd = next === undefined;
    const beforeConsonant = next !== undefined && vowelClassOfLetter(next) === undefined;
    // `y` alone, at the end (hoy, muy) or before a consonant: a vowel (weak).
    if (atEnd || beforeConsonant) return index === 0 && !atEnd ? undefined : 'weak';
  }
  return undefined;
}

const vowelClassOfLetter = (ch: string): VowelClass | undefined =>
  STRONG.has(ch) ? 'strong' : ACCENTED_WEAK.has(ch) ? 'accented-weak' : WEAK.has(ch) ? 'weak' : undefined;

/** Two adjacent vowels that belong to different syllables. */
function isHiatus(a: VowelClass, b: VowelClass): boolean {
  if (a === 'strong' && b === 'strong') return true;
  return a === 'accented-weak' || b === 'accented-weak';
}

/** The number of syllables of one Spanish word (letters only; at least 1 for a word with letters). */
export function spanishSyllables(word: string): number {
  const w = word.toLowerCase().normalize('NFC').replace(/[^a-záéíóúüñ]/g, '');
  if (w === '') return 0;
  let count = 0;
  let previous: VowelClass | undefined;
  for (let i = 0; i < w.length; i++) {
    const current = vowelClass(w, i);
    if (current === undefined) {
      previous = undefined;
      continue;
    }
    if (previous === undefined || isHiatus(previous, current)) count++;
    previous = current;
  }
  return Math.max(count, 1);
}
