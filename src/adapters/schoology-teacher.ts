// Schoology's course Gradebook for teachers (`/course/<section id>/gradebook`). The grid is drawn by script
// from one same-origin JSON call the gradebook itself makes, `/iapi/grades/grader_header_data/<section id>`
// (the teacher's session cookie; no API key), so it is read through `readRemote` from that call: students,
// grade items, each cell's grade and exception, and each student's overall grade.
// Unverified: built from Schoology's own gradebook service code and public code that reads this call
// (see tests/adapters/fixtures/schoology-teacher/README.md); no saved response was available. The public
// REST API (`api.schoology.com/v1/sections/{id}/grades`) needs OAuth keys on another host: not usable here.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, type FetchSameOrigin, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { parsePercent, parseScore } from '../core/score-parse';
import { capRaw } from '../core/text';

/** The gradebook's own bootstrap call (GET; it returns only the current grading period's items). */
export const schoologyTeacherPaths = {
  graderHeader: (sectionId: string) => `/iapi/grades/grader_header_data/${sectionId}`,
};

const GRADEBOOK_PATH = /^\/course\/(\d+)\/gradebook\/?$/i;
/** The page title Schoology puts over every course page (the same header class as on the student Grades page). */
const PAGE_TITLE = 'h2.page-title';
/** Schoology's Drupal settings (`"s_common":{"csrf_key":…}`), for school domains that are not *.schoology.com. */
const SETTINGS_SCRIPT = 'script:not([src])';
/** Grading-period columns share the item list with assignments (`gp-<id>`, as Schoology's grader code tells them apart). */
const PERIOD_COLUMN = /^gp-\d/;
/** The gradebook's sample students (`sample_<n>`), shown to teachers of empty sections. */
const SAMPLE_STUDENT = /^sample_\d+$/;

/** Grade exceptions: 1 Excused, 2 Incomplete, 3 Missing, 4 Late (the codes the public grades API also uses). */
const EXCEPTIONS: Readonly<Record<number, { label: string; flag: keyof CellFlags }>> = {
  1: { label: 'Excused', flag: 'excused' },
  2: { label: 'Incomplete', flag: 'incomplete' },
  3: { label: 'Missing', flag: 'missing' },
  4: { label: 'Late', flag: 'late' },
};

interface GraderUser { enrollment_id?: unknown; name?: unknown; name_last_first?: unknown; grades?: { overall?: GraderGrade; all?: GraderGrade } }
interface GraderGrade { display?: unknown; numeric?: unknown }
interface GraderItem { id?: unknown; title?: unknown; max_points?: unknown; category_title?: unknown; grading_category_id?: unknown }
interface GraderCell { grade?: unknown; exception?: unknown; not_assigned?: unknown }
interface GraderHeader {
  uids?: unknown; user_data?: Record<string, GraderUser>; grade_item_nids?: unknown; grade_item_data?: Record<string, GraderItem>;
  grading_categories?: Array<{ id?: unknown; title?: unknown }>; grades?: Record<string, Record<string, GraderCell>>;
}

const collapse = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '').replace(/\s+/g, ' ').trim();
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
/** A number the JSON gives as a number or a numeric string. */
function numberOf(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(number) ? number : undefined;
}
/** `display` may carry markup around the grade: text only, never parsed as HTML. */
const withoutTags = (value: unknown) => collapse(collapse(value).replace(/<[^>]*>/g, ' '));

function idList(value: unknown, fallback: Record<string, unknown> | undefined): string[] {
  return (Array.isArray(value) ? value : Object.keys(fallback ?? {})).map(collapse).filter(Boolean);
}

function readStudents(header: GraderHeader, problems: ReadingProblem[]): ReadingStudent[] {
  const users = header.user_data ?? {};
  const students: ReadingStudent[] = [];
  for (const uid of idList(header.uids, users)) {
    if (SAMPLE_STUDENT.test(uid)) continue;
    const user = users[uid];
    const name = collapse(user?.name_last_first) || collapse(user?.name);
    if (!name || students.some((s) => s.key === uid)) {
      problems.push({ where: `student ${uid}`, reason: 'a student without a name, or listed twice: skipped' });
      continue;
    }
    // the Schoology user id is the one the student's own Grades page carries
    students.push({ key: uid, name, vendorId: uid });
  }
  return students;
}

function readAssignments(header: GraderHeader, problems: ReadingProblem[]): ReadingAssignment[] {
  const items = header.grade_item_data ?? {};
  const categories = new Map((header.grading_categories ?? []).map((c) => [collapse(c.id), collapse(c.title)]));
  const assignments: ReadingAssignment[] = [];
  for (const id of idList(header.grade_item_nids, items)) {
    if (PERIOD_COLUMN.test(id)) continue;
    const item = items[id];
    const name = collapse(item?.title);
    if (!item || !name || assignments.some((a) => a.key === id)) {
      problems.push({ where: `grade item ${id}`, reason: 'a grade item without a title, or listed twice: skipped' });
      continue;
    }
    const category = collapse(item.category_title) || categories.get(collapse(item.grading_category_id)) || undefined;
    const maxPoints = numberOf(item.max_points);
    assignments.push({ key: id, name, category, pointsPossible: maxPoints && maxPoints > 0 ? maxPoints : undefined });
  }
  return assignments;
}

function readCell(cell: GraderCell, outOf: number | undefined, where: string, problems: ReadingProblem[]): { raw: string; score: ParsedScore } {
  const code = numberOf(cell.exception) ?? 0;
  const exception = EXCEPTIONS[code];
  if (code !== 0 && !exception) problems.push({ where, reason: 'unknown grade exception code; its meaning was not read', raw: String(code) });
  const grade = numberOf(cell.grade);
  // a number as entered; other text (a scale's letter, say) is parsed as a cell's text would be
  const gradeText = grade === undefined ? collapse(cell.grade) : String(grade);
  const raw = [gradeText, exception?.label].filter(Boolean).join(' ');
  // Points earned over the item's points; no grade is "not graded", unless an exception says more.
  const score: ParsedScore = gradeText ? parseScore(gradeText, outOf) : { outOf, flags: exception ? {} : { notGraded: true } };
  if (exception && !score.unreadable) score.flags[exception.flag] = true;
  return { raw, score };
}

function readCells(header: GraderHeader, students: ReadingStudent[], assignments: ReadingAssignment[], problems: ReadingProblem[]): ReadingCell[] {
  if (!isRecord(header.grades)) {
    if (students.length > 0 && assignments.length > 0) problems.push({ where: 'grades', reason: 'the gradebook data came without grades: nothing to read per student' });
    return [];
  }
  const cells: ReadingCell[] = [];
  for (const student of students) {
    const row = header.grades[student.key];
    if (!isRecord(row)) continue;
    for (const assignment of assignments) {
      const cell = row[assignment.key];
      if (!isRecord(cell) || cell.not_assigned === true) continue;
      const where = `cell ${student.name} × ${assignment.name}`;
      const read = readCell(cell as GraderCell, assignment.pointsPossible, where, problems);
      if (read.score.unreadable) problems.push({ where, reason: read.score.unreadable, raw: capRaw(read.raw) });
      else cells.push({ studentKey: student.key, assignmentKey: assignment.key, ...read });
    }
  }
  return cells;
}

/** The course grade as the gradebook's total column shows it (`display`), with its percent (`numeric`). */
function readOverall(header: GraderHeader, students: ReadingStudent[]): ReadingOverall[] {
  const overall: ReadingOverall[] = [];
  for (const student of students) {
    const grades = header.user_data?.[student.key]?.grades;
    const grade = grades?.overall ?? grades?.all;
    const percent = numberOf(grade?.numeric);
    const shown = withoutTags(grade?.display);
    if (percent === undefined && !shown) continue;
    const letter = /^([A-F][+-]?)(?![\w])/.exec(shown)?.[1];
    overall.push({ studentKey: student.key, percent: percent ?? parsePercent(shown), letter, raw: capRaw(shown || String(percent)) });
  }
  return overall;
}

function sectionName(doc: Document, sectionId: string): string {
  const title = collapse(doc.querySelector(PAGE_TITLE)?.textContent);
  return title && !/^gradebook$/i.test(title) ? title : `Section ${sectionId}`;
}

async function readRemote(doc: Document, url: URL, now: number, fetchSameOrigin: FetchSameOrigin): Promise<AdapterResult> {
  const sectionId = GRADEBOOK_PATH.exec(url.pathname)?.[1];
  if (!sectionId) return { readings: [], problems: [{ where: 'page', reason: 'the address names no course section' }] };
  let answer: unknown;
  try {
    answer = await fetchSameOrigin(schoologyTeacherPaths.graderHeader(sectionId));
  } catch (error) {
    return { readings: [], problems: [{ where: 'page', reason: `could not load the gradebook data: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const body = isRecord(answer) && isRecord(answer.body) ? answer.body as GraderHeader : undefined;
  if (!body) return { readings: [], problems: [{ where: 'page', reason: 'Schoology answered with something other than gradebook data' }] };
  const problems: ReadingProblem[] = [];
  const students = readStudents(body, problems);
  const assignments = readAssignments(body, problems);
  if (students.length === 0) problems.push({ where: 'roster', reason: 'the gradebook data lists no students' });
  const cells = readCells(body, students, assignments, problems);
  const reading: Reading = {
    adapterId: schoologyTeacherInfo.id, view: schoologyTeacherInfo.view, url: url.href, readAt: now,
    section: { key: sectionId, name: sectionName(doc, sectionId) }, students, assignments, cells, overall: readOverall(body, students), problems,
  };
  return { readings: [reading], problems: [] };
}

/** The grid's rows are drawn by script from the data above: not read from the page. */
function readPage(): AdapterResult {
  return { readings: [], problems: [{ where: 'page', reason: 'the Schoology gradebook is read from its own data, not the visible grid' }] };
}

const FIXTURES = 'local:schoology-teacher/';
const SECTION = '7101';
const cases: AdapterCase[] = [
  {
    fixture: `${FIXTURES}gradebook-page.html`,
    url: `https://lakeview.schoology.com/course/${SECTION}/gradebook`,
    payloads: { [schoologyTeacherPaths.graderHeader(SECTION)]: `${FIXTURES}grader-header-data.json` },
    expect: {
      readings: 1, sectionName: 'Biology 1: Section 3', students: 3, assignments: 4, problems: 0,
      cells: [
        { student: 'Stone, Avery', assignment: 'Cell Structure Quiz', raw: '18', points: 18, outOf: 20, percent: 90 },
        { student: 'Okafor, Sam', assignment: 'Cell Structure Quiz', raw: '0 Missing', points: 0, missing: true },
        { student: 'Raman, Priya', assignment: 'Cell Structure Quiz', raw: '14 Late', points: 14, percent: 70, late: true },
        { student: 'Stone, Avery', assignment: 'Osmosis Lab Report', raw: 'Excused', excused: true, notGraded: false },
        { student: 'Okafor, Sam', assignment: 'Osmosis Lab Report', raw: 'Missing', missing: true },
        // handed in, not graded yet
        { student: 'Raman, Priya', assignment: 'Osmosis Lab Report', raw: '', notGraded: true, missing: false },
        { student: 'Okafor, Sam', assignment: 'Unit 1 Test', raw: '31.5 Incomplete', points: 31.5, outOf: 50 },
      ],
      overall: [{ student: 'Stone, Avery', percent: 92.5, letter: 'A' }, { student: 'Okafor, Sam', percent: 48.75, letter: 'F' }],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const schoologyTeacherInfo: AdapterInfo = {
  id: 'schoology-teacher',
  label: 'Schoology (course gradebook)',
  view: 'teacher-grid',
  status: 'unverified',
  matches: safeMatches((url, doc) => GRADEBOOK_PATH.test(url.pathname) && (/(^|\.)schoology\.com$/i.test(url.hostname)
    || Array.from(doc.querySelectorAll(SETTINGS_SCRIPT)).some((script) => (script.textContent ?? '').includes('"s_common"')))),
};

export const schoologyTeacher: Adapter = /* @__PURE__ */ withReader(schoologyTeacherInfo, readPage, cases, { readRemote });
