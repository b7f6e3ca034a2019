// The assignments of one English 9 section, spread over the term the way a teacher sets them:
// homework most weeks, quizzes, a seminar, essays and unit tests.

/** @typedef {'points' | 'fraction' | 'letter'} ScoreDisplay */

/**
 * @typedef {object} DemoAssignment
 * @property {string} id the page's own id, e.g. `p1-a03`
 * @property {string} name
 * @property {string} category
 * @property {string} due ISO date
 * @property {number} points points possible
 * @property {number} week the term week it is due in (1-based)
 * @property {boolean} [letterGraded] the cells show a letter (`A-`) instead of points
 * @property {ScoreDisplay} display how the page writes a score: `12`, `12/15` or `B+`
 */

/**
 * @typedef {object} AssignmentKind
 * @property {string} category
 * @property {readonly string[]} titles numbered in turn ("Reading Log 1", "Reading Log 2"…)
 * @property {readonly number[]} points
 * @property {readonly ScoreDisplay[]} displays
 * @property {number} weekday days after Monday it is due
 * @property {boolean} [numbered] false for titles used once each (essays)
 */

/** @type {Record<string, AssignmentKind>} */
const KINDS = {
  homework: { category: 'Homework', titles: ['Reading Log', 'Vocabulary Set', 'Annotation Check'], points: [10, 15], displays: ['fraction', 'points'], weekday: 1 },
  quiz: { category: 'Quizzes', titles: ['Reading Quiz', 'Grammar Quiz'], points: [20, 25], displays: ['fraction'], weekday: 2 },
  seminar: { category: 'Participation', titles: ['Socratic Seminar'], points: [20], displays: ['points'], weekday: 3 },
  essay: {
    category: 'Essays',
    titles: ['Personal Narrative', 'Argument Essay', 'Literary Analysis', 'Compare & Contrast Essay', 'Poetry Portfolio', 'Research Paper'],
    points: [50, 100], displays: ['points'], weekday: 4, numbered: false,
  },
  test: { category: 'Tests', titles: ['Unit Test'], points: [100], displays: ['points'], weekday: 4 },
};

/** The order work comes in; the seminar sits early so the first weeks already show a letter grade. */
const CYCLE = ['homework', 'homework', 'quiz', 'seminar', 'homework', 'essay', 'homework', 'quiz', 'homework', 'test'];

/**
 * @param {import('./seeded-random.js').Random} random
 * @param {{ sectionId: string, count: number, weeks: number, termStart: string }} plan
 * @returns {DemoAssignment[]}
 */
export function planAssignments(random, { sectionId, count, weeks, termStart }) {
  /** @type {Map<string, number>} */
  const used = new Map();
  const assignments = [];
  for (let i = 0; i < count; i++) {
    const kindName = /** @type {string} */ (CYCLE[i % CYCLE.length]);
    const kind = /** @type {AssignmentKind} */ (KINDS[kindName]);
    const week = 1 + Math.floor((i * weeks) / count);
    const uses = used.get(kindName) ?? 0;
    used.set(kindName, uses + 1);
    assignments.push({
      id: '',
      name: titleFor(kind, uses),
      category: kind.category,
      due: addDays(termStart, (week - 1) * 7 + kind.weekday),
      points: random.pick(kind.points),
      week,
      display: random.pick(kind.displays),
      kindName,
    });
  }
  markLetterGraded(random, assignments);
  assignments.sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0));
  const digits = String(count).length < 2 ? 2 : String(count).length;
  return assignments.map(({ kindName, ...assignment }, index) => ({
    ...assignment,
    id: `${sectionId}-a${String(index + 1).padStart(digits, '0')}`,
  }));
}

/** @param {AssignmentKind} kind @param {number} uses */
function titleFor(kind, uses) {
  const title = kind.titles[uses % kind.titles.length];
  const round = Math.floor(uses / kind.titles.length) + 1;
  return kind.numbered === false && round === 1 ? `${title}` : `${title} ${round}`;
}

/**
 * The first seminar is always letter-graded, and now and then one essay too (1–2 per section).
 * @param {import('./seeded-random.js').Random} random
 * @param {Array<DemoAssignment & { kindName: string }>} assignments
 */
function markLetterGraded(random, assignments) {
  const seminar = assignments.find((a) => a.kindName === 'seminar');
  const essays = assignments.filter((a) => a.kindName === 'essay');
  const chosen = [seminar];
  if (essays.length > 0 && random.chance(0.6)) chosen.push(random.pick(essays));
  for (const assignment of chosen) {
    if (!assignment) continue;
    assignment.letterGraded = true;
    assignment.display = 'letter';
  }
}

/**
 * @param {string} isoDate `YYYY-MM-DD`
 * @param {number} days
 */
export function addDays(isoDate, days) {
  const [year, month, day] = isoDate.split('-').map(Number);
  const date = new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days));
  return date.toISOString().slice(0, 10);
}
