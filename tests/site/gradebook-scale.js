// The demo school's grading scale: what a letter counts for, and which letter a percent earns.

/** @type {Readonly<Record<string, number>>} The percent a letter-graded cell counts for in the overall grade. */
export const LETTER_SCALE = Object.freeze({
  'A+': 98, A: 95, 'A-': 91.5,
  'B+': 88, B: 85, 'B-': 81.5,
  'C+': 78, C: 75, 'C-': 71.5,
  'D+': 68, D: 65, 'D-': 61.5,
  F: 50,
});

/** Lowest percent for each overall letter, best first. */
const OVERALL_CUTOFFS = /** @type {const} */ ([
  [93, 'A'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'], [77, 'C+'],
  [73, 'C'], [70, 'C-'], [67, 'D+'], [63, 'D'], [60, 'D-'],
]);

/**
 * The overall letter for a percent (the report card has no A+).
 * @param {number} percent
 */
export function overallLetter(percent) {
  for (const [cutoff, letter] of OVERALL_CUTOFFS) if (percent >= cutoff) return letter;
  return 'F';
}

/**
 * The letter a teacher gives one piece of letter-graded work (an A+ exists for single pieces).
 * @param {number} percent
 */
export function workLetter(percent) {
  return percent >= 97 ? 'A+' : overallLetter(percent);
}
