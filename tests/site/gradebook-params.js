// Reads the demo page's URL parameters (see README "URLs"). Bad values fall back to the defaults,
// so a typo in a hand-typed URL still shows a gradebook.

const DEFAULT_WEEK = 6;
const WEEKS = 18;

/**
 * @typedef {object} PageParams
 * @property {{ seed?: number, sections?: number, studentsPerSection?: number, assignments?: number, termStart?: string }} classOptions
 * @property {string} sectionId
 * @property {number} week 1–18
 */

/**
 * @param {URL | string} url a URL or a path with a query (`/gradebook/?section=p1&week=4`)
 * @returns {PageParams}
 */
export function readPageParams(url) {
  const params = new URL(url, 'http://demo.invalid/').searchParams;
  /** @type {PageParams['classOptions']} */
  const classOptions = {};
  const seed = wholeNumber(params.get('seed'), 0, 2 ** 31);
  const sections = wholeNumber(params.get('sections'), 1, 12);
  const students = wholeNumber(params.get('students'), 1, 2000);
  const assignments = wholeNumber(params.get('assignments'), 1, 200);
  const start = params.get('start');
  if (seed !== undefined) classOptions.seed = seed;
  if (sections !== undefined) classOptions.sections = sections;
  if (students !== undefined) classOptions.studentsPerSection = students;
  if (assignments !== undefined) classOptions.assignments = assignments;
  if (start && /^\d{4}-\d{2}-\d{2}$/.test(start)) classOptions.termStart = start;
  return {
    classOptions,
    sectionId: params.get('section') || 'p1',
    week: wholeNumber(params.get('week'), 1, WEEKS) ?? DEFAULT_WEEK,
  };
}

/** @param {string | null} text @param {number} min @param {number} max */
function wholeNumber(text, min, max) {
  if (text === null || !/^\d+$/.test(text)) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}
