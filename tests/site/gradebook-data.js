// The demo class: a deterministic teacher's gradebook generated from a seed, used by the demo page in
// the browser, by the tests and by the benchmarks. Plain data, no DOM, no Node APIs.
import { createRandom } from './seeded-random.js';
import { addDays, planAssignments } from './gradebook-assignments.js';
import { cellHistories, excused, missing, notEntered, pending, regraded, ROLES, scored } from './gradebook-cells.js';
import { drawStudentName, MARKUP_NAME, rosterSortKey } from './gradebook-names.js';
import { overallLetter } from './gradebook-scale.js';

export { ROLES, MARKUP_NAME };
export { LETTER_SCALE, overallLetter } from './gradebook-scale.js';

/** @typedef {import('./gradebook-assignments.js').DemoAssignment} DemoAssignment */
/** @typedef {import('./gradebook-cells.js').CellState} CellState */
/** @typedef {import('./gradebook-cells.js').CellFlags} CellFlags */
/** @typedef {import('./gradebook-cells.js').Role} Role */
/** @typedef {import('./seeded-random.js').Random} Random */

/** @typedef {{ id: string, name: string, role: Role }} DemoStudent */

/**
 * @typedef {object} DemoSection
 * @property {string} id e.g. `p1`
 * @property {string} name e.g. `English 9 — Period 1`
 * @property {string} teacher
 * @property {string} period
 * @property {DemoAssignment[]} assignments in due-date order
 * @property {DemoStudent[]} students in roster order (by last name)
 * @property {Record<string, Record<string, CellState[]>>} cells each cell's history: student id → assignment id → states
 */

/**
 * @typedef {object} DemoClass
 * @property {number} seed
 * @property {string} termStart ISO date, the Monday of week 1
 * @property {string} midterm ISO date of the midterm progress report
 * @property {string} termEnd ISO date
 * @property {number} weeks
 * @property {DemoSection[]} sections
 */

/** @typedef {{ text: string, flags: CellFlags }} ShownCell */

export const SCHOOL_NAME = 'Lakeview High School (demo)';
export const TEACHER_NAME = 'Dana Lee';

/**
 * @param {{ seed?: number, sections?: number, studentsPerSection?: number, assignments?: number,
 *   weeks?: number, termStart?: string }} [options]
 * @returns {DemoClass}
 */
export function generateClass({ seed = 20261, sections = 3, studentsPerSection = 28, assignments = 20, weeks = 18, termStart = defaultTermStart() } = {}) {
  const takenNames = new Set();
  const takenIds = new Set();
  const sectionList = [];
  for (let index = 0; index < sections; index++) {
    // one random stream per section, so a section does not change when another is added
    const random = createRandom(seed * 1009 + index * 7919);
    const id = `p${index + 1}`;
    const planned = planAssignments(random, { sectionId: id, count: assignments, weeks, termStart });
    const students = castStudents(random, { count: studentsPerSection, takenNames, takenIds, markupName: index === 0 });
    /** @type {Record<string, Record<string, CellState[]>>} */
    const cells = {};
    for (const student of students) cells[student.id] = cellHistories(random, student.role, planned);
    const section = { id, name: `English 9 — Period ${index + 1}`, teacher: TEACHER_NAME, period: String(index + 1), assignments: planned, students, cells };
    addShowcaseCells(section);
    section.students.sort((a, b) => (rosterSortKey(a.name) < rosterSortKey(b.name) ? -1 : 1));
    sectionList.push(section);
  }
  const midtermWeek = Math.ceil(weeks / 2);
  return {
    seed,
    termStart,
    midterm: addDays(termStart, (midtermWeek - 1) * 7 + 4),
    termEnd: addDays(termStart, (weeks - 1) * 7 + 4),
    weeks,
    sections: sectionList,
  };
}

/**
 * The Monday five weeks before this week's Monday, so that "now" is week 6 of the term.
 * @param {Date} [today]
 */
export function defaultTermStart(today = new Date()) {
  const daysSinceMonday = (today.getDay() + 6) % 7;
  const iso = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return addDays(iso, -daysSinceMonday - 35);
}

/**
 * Students in random order: the first ones take the roles, the rest are ordinary.
 * @param {Random} random
 * @param {{ count: number, takenNames: Set<string>, takenIds: Set<string>, markupName: boolean }} options
 * @returns {DemoStudent[]}
 */
function castStudents(random, { count, takenNames, takenIds, markupName }) {
  const students = [];
  for (let i = 0; i < count; i++) {
    let id;
    do id = `s${random.int(10000, 99999)}`;
    while (takenIds.has(id));
    takenIds.add(id);
    /** @type {Role} */
    const role = ROLES[i] ?? 'ordinary';
    const name = markupName && i === ROLES.length ? MARKUP_NAME : drawStudentName(random, takenNames);
    students.push({ id, name, role });
  }
  return students;
}

/**
 * Makes sure every section shows, by week 4, each kind of mark, and that advancing from week 4 to
 * week 5 changes earlier cells (a regrade, a late entry, a pending score resolved), whatever the seed.
 * @param {DemoSection} section
 */
function addShowcaseCells(section) {
  const ordinary = section.students.filter((s) => s.role === 'ordinary' && s.name !== MARKUP_NAME);
  const early = section.assignments.filter((a) => a.week <= 4 && !a.letterGraded);
  const week4 = early.filter((a) => a.week === 4).at(-1);
  const week3 = early.filter((a) => a.week >= 2 && a.week <= 3 && a !== week4).at(-1);
  const fraction = early.find((a) => a.display === 'fraction');
  if (ordinary.length < 8 || !week4 || !week3) return;
  /** @param {number} i @param {DemoAssignment} a @param {CellState[]} history */
  const set = (i, a, history) => {
    const student = /** @type {DemoStudent} */ (ordinary[i]);
    /** @type {Record<string, CellState[]>} */ (section.cells[student.id])[a.id] = history;
  };
  set(0, week4, regraded(week4, 76, 5));
  set(1, week4, [notEntered(week4), scored(week4, 5, 85)]);
  set(2, week4, [pending(week4), scored(week4, 5, 88)]);
  set(3, week3, [excused(week3)]);
  set(4, week3, [scored(week3, week3.week, 74, { late: true })]);
  set(5, week4, [missing(week4), scored(week4, 8, 70, { late: true })]);
  set(6, week3, [pending(week3)]);
  if (fraction) set(7, fraction, [scored(fraction, fraction.week, 110, { extraCredit: true })]);
}

/**
 * @param {DemoSection} section @param {string} studentId @param {string} assignmentId @param {number} week
 * @returns {CellState | undefined} the state the page shows that week, if the assignment is due by then
 */
function stateAt(section, studentId, assignmentId, week) {
  const history = section.cells[studentId]?.[assignmentId];
  if (!history) throw new Error(`no cell ${studentId} × ${assignmentId} in section ${section.id}`);
  let shown;
  for (const state of history) if (state.week <= week) shown = state;
  return shown;
}

/**
 * What the page shows in one cell as of a term week; `—` for work not yet due or not yet entered.
 * @param {DemoSection} section @param {string} studentId @param {string} assignmentId @param {number} week
 * @returns {ShownCell}
 */
export function cellAt(section, studentId, assignmentId, week) {
  const state = stateAt(section, studentId, assignmentId, week);
  if (!state) return { text: '—', flags: { missing: false, late: false, excused: false } };
  return { text: state.text, flags: { ...state.flags } };
}

/**
 * The page's own overall grade: points earned / possible over graded work (missing counts as zero;
 * excused, pending and not-yet-graded work is left out; a letter counts at its scale value).
 * @param {DemoSection} section @param {string} studentId @param {number} week
 * @returns {{ percent: number | null, letter: string }} percent rounded to 0.1; null before any graded work
 */
export function overallAt(section, studentId, week) {
  let earned = 0;
  let possible = 0;
  for (const assignment of section.assignments) {
    if (assignment.week > week) continue;
    const state = stateAt(section, studentId, assignment.id, week);
    if (state?.earned === undefined) continue;
    earned += state.earned;
    possible += assignment.points;
  }
  if (possible === 0) return { percent: null, letter: '' };
  const percent = Math.round((earned / possible) * 1000) / 10;
  return { percent, letter: overallLetter(percent) };
}

/**
 * The students playing each role in one section, so tests can name them.
 * @param {DemoClass} klass @param {string} sectionId
 */
export function roleStudents(klass, sectionId) {
  const section = klass.sections.find((s) => s.id === sectionId);
  if (!section) throw new Error(`no section ${sectionId}`);
  const byRole = (/** @type {Role} */ role) => section.students.find((s) => s.role === role);
  return { sliding: byRole('sliding'), missingRun: byRole('missing-run'), recovering: byRole('recovering'), highAchiever: byRole('high-achiever') };
}

/**
 * Monday and Friday of a term week.
 * @param {DemoClass} klass @param {number} week
 */
export function weekDates(klass, week) {
  return { start: addDays(klass.termStart, (week - 1) * 7), end: addDays(klass.termStart, (week - 1) * 7 + 4) };
}
