// What each grade cell shows over the term. A cell's history is a list of states, each shown from its
// week on: a score entered, a missing mark later replaced by late work, a regrade.
import { LETTER_SCALE, workLetter } from './gradebook-scale.js';

/** @typedef {import('./gradebook-assignments.js').DemoAssignment} DemoAssignment */
/** @typedef {import('./seeded-random.js').Random} Random */

/** @typedef {{ missing: boolean, late: boolean, excused: boolean }} CellFlags */

/**
 * @typedef {object} CellState
 * @property {number} week the term week from which the page shows this state
 * @property {string} text what the cell shows: `12`, `12/15`, `B+`, `M`, `EX`, `—`, `*`
 * @property {CellFlags} flags
 * @property {number} [earned] points the page's overall counts for this cell; absent when not counted
 */

/** Roles a student can play in the demo class; `ordinary` students only carry noise. */
export const ROLES = /** @type {const} */ (['sliding', 'missing-run', 'recovering', 'high-achiever']);
/** @typedef {typeof ROLES[number] | 'ordinary'} Role */

export const NOT_GRADED_TEXT = '—';
const NO_FLAGS = Object.freeze({ missing: false, late: false, excused: false });

/**
 * A score worth about `percent`, written the way the assignment displays scores.
 * @param {DemoAssignment} assignment
 * @param {number} week
 * @param {number} percent
 * @param {{ late?: boolean, atLeast?: number, extraCredit?: boolean }} [options]
 * @returns {CellState}
 */
export function scored(assignment, week, percent, { late = false, atLeast = 0, extraCredit = false } = {}) {
  const flags = { ...NO_FLAGS, late };
  if (assignment.display === 'letter') {
    const letter = workLetter(Math.max(percent, atLeast));
    return { week, text: letter, flags, earned: ((LETTER_SCALE[letter] ?? 0) * assignment.points) / 100 };
  }
  // long work is marked in half points, short work in whole points
  const step = assignment.points >= 50 ? 0.5 : 1;
  const toStep = (/** @type {number} */ pct, /** @type {(n: number) => number} */ round) =>
    round(((pct / 100) * assignment.points) / step) * step;
  const ceiling = extraCredit ? assignment.points + toStep(15, Math.ceil) : assignment.points;
  const earned = Math.min(ceiling, Math.max(0, toStep(percent, Math.round), toStep(atLeast, Math.ceil)));
  const text = assignment.display === 'fraction' ? `${earned}/${assignment.points}` : String(earned);
  return { week, text, flags, earned };
}

/** @param {DemoAssignment} assignment @param {number} [week] @returns {CellState} */
export function missing(assignment, week = assignment.week) {
  return { week, text: 'M', flags: { ...NO_FLAGS, missing: true }, earned: 0 };
}

/** @param {DemoAssignment} assignment @returns {CellState} */
export function excused(assignment) {
  return { week: assignment.week, text: 'EX', flags: { ...NO_FLAGS, excused: true } };
}

/** Score pending review: shown as `*`, not counted. @param {DemoAssignment} assignment @returns {CellState} */
export function pending(assignment) {
  return { week: assignment.week, text: '*', flags: { ...NO_FLAGS } };
}

/** Due but not entered yet. @param {DemoAssignment} assignment @returns {CellState} */
export function notEntered(assignment) {
  return { week: assignment.week, text: NOT_GRADED_TEXT, flags: { ...NO_FLAGS } };
}

/**
 * A score and, later, a regrade to a different score (up if it can go up, else down).
 * @param {DemoAssignment} assignment
 * @param {number} percent
 * @param {number} regradeWeek
 * @returns {CellState[]}
 */
export function regraded(assignment, percent, regradeWeek) {
  const first = scored(assignment, assignment.week, percent);
  const up = scored(assignment, regradeWeek, Math.min(100, percent + 12));
  return [first, up.text !== first.text ? up : scored(assignment, regradeWeek, percent - 12)];
}

/**
 * Solid in weeks 1–2, then lower each week: ≈ 92 % → ≈ 59 % by week 8.
 * @param {Random} random @param {DemoAssignment[]} assignments
 */
function slidingCells(random, assignments) {
  return assignments.map((a) => {
    const target = a.week <= 2 ? 92 : Math.max(50, 92 - 5.5 * (a.week - 2));
    return [scored(a, a.week, target + 1.2 * random.noise())];
  });
}

/**
 * Ordinary until week 4, then four assignments in a row missing, then middling work.
 * @param {Random} random @param {DemoAssignment[]} assignments
 */
function missingRunCells(random, assignments) {
  const runStart = assignments.findIndex((a) => a.week >= 4);
  return assignments.map((a, index) => {
    if (runStart >= 0 && index >= runStart && index < runStart + 4) return [missing(a)];
    return [scored(a, a.week, (a.week < 4 ? 81 : 72) + 3 * random.noise())];
  });
}

/**
 * Missing and low work in weeks 2–4, strong work after, and the missing work handed in late from
 * week 5 on (so an `M` turns into a late score as the weeks advance).
 * @param {Random} random @param {DemoAssignment[]} assignments
 */
function recoveringCells(random, assignments) {
  let rough = 0;
  let madeUp = 0;
  return assignments.map((a) => {
    if (a.week < 2) return [scored(a, a.week, 80 + 3 * random.noise())];
    if (a.week > 4) return [scored(a, a.week, 91 + 2 * random.noise())];
    if (rough++ % 2 === 1) return [scored(a, a.week, 56 + 3 * random.noise())];
    const handedIn = Math.max(5, a.week + 2) + madeUp++;
    return [missing(a), scored(a, handedIn, 84 + 2 * random.noise(), { late: true })];
  });
}

/** 95 %+ on everything. @param {Random} random @param {DemoAssignment[]} assignments */
function highAchieverCells(random, assignments) {
  return assignments.map((a) => [scored(a, a.week, 98 + random.noise(), { atLeast: 95 })]);
}

/**
 * Noise around the student's usual level, with the marks a real grid has now and then.
 * @param {Random} random @param {DemoAssignment[]} assignments
 */
function ordinaryCells(random, assignments) {
  const usual = Math.min(97, Math.max(60, 82 + 4.5 * random.noise()));
  return assignments.map((a) => ordinaryCell(random, a, usual + 5 * random.noise()));
}

/** @param {Random} random @param {DemoAssignment} a @param {number} percent @returns {CellState[]} */
function ordinaryCell(random, a, percent) {
  const roll = random.next();
  const later = () => a.week + random.int(1, 3);
  if (roll < 0.03) return random.chance(0.4) ? [missing(a), scored(a, later(), percent - 10, { late: true })] : [missing(a)];
  if (roll < 0.07) return [scored(a, a.week, percent - 10, { late: true })];
  if (roll < 0.09) return [excused(a)];
  if (roll < 0.1) return random.chance(0.5) ? [pending(a), scored(a, a.week + 1, percent)] : [pending(a)];
  if (roll < 0.12) return [notEntered(a), scored(a, a.week + 1, percent)];
  if (roll < 0.14) return regraded(a, percent, later());
  if (roll < 0.15 && a.display === 'fraction') return [scored(a, a.week, 110, { extraCredit: true })];
  return [scored(a, a.week, percent)];
}

/** @type {Record<Role, (random: Random, assignments: DemoAssignment[]) => CellState[][]>} */
const CELLS_BY_ROLE = {
  ordinary: ordinaryCells,
  sliding: slidingCells,
  'missing-run': missingRunCells,
  recovering: recoveringCells,
  'high-achiever': highAchieverCells,
};

/**
 * Every cell's history for one student, keyed by assignment id.
 * @param {Random} random @param {Role} role @param {DemoAssignment[]} assignments
 * @returns {Record<string, CellState[]>}
 */
export function cellHistories(random, role, assignments) {
  const histories = CELLS_BY_ROLE[role](random, assignments);
  return Object.fromEntries(assignments.map((a, i) => [a.id, /** @type {CellState[]} */ (histories[i])]));
}
