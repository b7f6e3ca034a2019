// Canvas LMS, a student's (or observing parent's) Grades page for one course (`/courses/:id/grades`).
// The page carries its grade data in an inline `ENV = {…}` script: assignment groups with ids, points and
// due dates but no titles, and the student's submissions. Titles come from the rendered rows when the
// page has them. `readRemote` asks the REST API the page itself uses, whose assignments have titles.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, type FetchSameOrigin, safeMatches, withReader } from './adapter';
import type { Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { parsePercent } from '../core/score-parse';
import {
  type CanvasAssignment, type CanvasAssignmentGroup, type CanvasSubmission, canvasLocalDate, idOf, isProblem, parseCanvasJson,
  pointsPossibleOf, readCanvasEnv, readCanvasSubmission,
} from './canvas-data';
import { collapse, capRaw } from '../core/text';

// The ENV keys were checked on canvas/student-grades-env.js (2020); the rendered rows (`tr.student_assignment
// #submission_<assignment id>`, `th.title a`, the group in `th.title .context`, the total in
// `tr.final_grade .grade`) follow Canvas's grades page template and are not in that fixture.
const SELECTORS = {
  assignmentRow: 'tr.student_assignment[id^="submission_"]',
  title: 'th.title a',
  group: 'th.title .context',
  total: 'tr.final_grade .grade',
} as const;

const COURSE_PATH = /^\/courses\/(\d+)\/grades(?:\/(\d+))?\/?$/;

/** Everything a reading is built from, whether it came from ENV or the API. */
interface CourseData {
  courseId: string;
  courseName: string;
  student: ReadingStudent | undefined;
  groups: CanvasAssignmentGroup[];
  submissions: CanvasSubmission[];
  timeZone?: string;
  /** assignment id → title and group shown in the rendered rows */
  rows: Map<string, { title: string; group: string }>;
  overallText?: string;
}

const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? value as Record<string, unknown> : {});
const text = (value: unknown): string => (typeof value === 'string' ? collapse(value) : '');

function renderedRows(doc: Document): CourseData['rows'] {
  const rows: CourseData['rows'] = new Map();
  for (const row of Array.from(doc.querySelectorAll(SELECTORS.assignmentRow))) {
    const title = collapse(row.querySelector(SELECTORS.title)?.textContent);
    if (title) rows.set(row.id.replace('submission_', ''), { title, group: collapse(row.querySelector(SELECTORS.group)?.textContent) });
  }
  return rows;
}

/** The student the page is about: ENV names them in `students` (and the page's `student_id`). */
function envStudent(env: Record<string, unknown>): ReadingStudent | undefined {
  const id = idOf(env.student_id) || idOf(asRecord(env.current_user).id);
  const listed = asArray<Record<string, unknown>>(env.students).find((s) => idOf(s.id) === id);
  const name = text(listed?.name) || (idOf(asRecord(env.current_user).id) === id ? text(asRecord(env.current_user).display_name) : '');
  return id && name ? { key: id, name, vendorId: id } : undefined;
}

function envCourseName(env: Record<string, unknown>, courseId: string): string {
  const course = asArray<Record<string, unknown>>(env.courses_with_grades).find((c) => idOf(c.id) === courseId);
  return text(course?.nickname) || text(course?.name);
}

function fromEnv(env: Record<string, unknown>, doc: Document, courseId: string): CourseData {
  return {
    courseId,
    courseName: envCourseName(env, courseId) || collapse(doc.title) || `Canvas course ${courseId}`,
    student: envStudent(env),
    groups: asArray<CanvasAssignmentGroup>(env.assignment_groups),
    submissions: asArray<CanvasSubmission>(env.submissions),
    timeZone: text(env.CONTEXT_TIMEZONE) || text(env.TIMEZONE) || undefined,
    rows: renderedRows(doc),
    overallText: env.exclude_total === true ? undefined : collapse(doc.querySelector(SELECTORS.total)?.textContent) || undefined,
  };
}

function readAssignments(data: CourseData, problems: ReadingProblem[]): Array<ReadingAssignment & { omitted: boolean }> {
  const assignments: Array<ReadingAssignment & { omitted: boolean }> = [];
  let untitled = 0;
  for (const group of data.groups) {
    for (const assignment of asArray<CanvasAssignment>(group.assignments)) {
      const key = idOf(assignment.id);
      if (!key || assignments.some((a) => a.key === key)) {
        problems.push({ where: `assignment group ${text(group.name) || idOf(group.id)}`, reason: 'an assignment without a unique id: skipped' });
        continue;
      }
      const row = data.rows.get(key);
      const name = text(assignment.name) || row?.title || `Assignment ${key}`;
      if (!text(assignment.name) && !row) untitled += 1;
      assignments.push({
        key, name, category: text(group.name) || row?.group || undefined,
        dueDate: canvasLocalDate(assignment.due_at, data.timeZone), pointsPossible: pointsPossibleOf(assignment),
        omitted: assignment.omit_from_final_grade === true,
      });
    }
  }
  if (untitled > 0) problems.push({ where: 'assignments', reason: `${untitled} assignments have no title in the page data (ENV) and no rendered row: named by their Canvas id` });
  return assignments;
}

function buildReading(data: CourseData, student: ReadingStudent, url: URL, now: number): Reading {
  const problems: ReadingProblem[] = [];
  const assignments = readAssignments(data, problems);
  const byKey = new Map(assignments.map((a) => [a.key, a]));
  const cells: ReadingCell[] = [];
  let unlisted = 0;
  for (const submission of data.submissions) {
    const assignment = byKey.get(idOf(submission.assignment_id));
    if (!assignment) {
      unlisted += 1;
      continue;
    }
    if (cells.some((c) => c.assignmentKey === assignment.key)) continue;
    const read = readCanvasSubmission(submission, assignment.pointsPossible, assignment.omitted);
    const where = `cell ${student.name} × ${assignment.name}`;
    if (!read) problems.push({ where, reason: 'a submission with neither a state nor a score', raw: capRaw(JSON.stringify(submission)) });
    else if (read.score.unreadable) problems.push({ where, reason: read.score.unreadable, raw: capRaw(read.raw) });
    else cells.push({ studentKey: student.key, assignmentKey: assignment.key, ...read });
  }
  if (unlisted > 0) problems.push({ where: 'submissions', reason: `${unlisted} submissions are for assignments the page does not list (not visible to the student?): skipped` });
  const overall: ReadingOverall[] = [];
  const percent = data.overallText ? parsePercent(data.overallText) : undefined;
  if (data.overallText && percent !== undefined) overall.push({ studentKey: student.key, percent, raw: capRaw(data.overallText) });
  return {
    adapterId: canvasStudentInfo.id, view: canvasStudentInfo.view, url: url.href, readAt: now,
    section: { key: data.courseId, name: data.courseName }, students: [student],
    assignments: assignments.map(({ omitted: _omitted, ...a }) => a), cells, overall, problems,
  };
}

function courseIdOf(url: URL): string | undefined {
  return COURSE_PATH.exec(url.pathname)?.[1];
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  const courseId = courseIdOf(url);
  if (!courseId) return { readings: [], problems: [{ where: 'page', reason: 'not a Canvas course grades page (/courses/:id/grades)' }] };
  const env = readCanvasEnv(doc);
  if (isProblem(env)) return { readings: [], problems: [env] };
  const data = fromEnv(env, doc, courseId);
  if (!Array.isArray(env.assignment_groups) || !Array.isArray(env.submissions)) {
    return { readings: [], problems: [{ where: 'page', reason: 'the Canvas ENV data holds no assignment groups or submissions (not a grades page?)' }] };
  }
  if (!data.student) return { readings: [], problems: [{ where: 'page', reason: 'the Canvas ENV data does not name the student' }] };
  return { readings: [buildReading(data, data.student, url, now)], problems: [] };
}

/** The API path the grades page loads its assignments and the student's submissions from. */
export const studentGroupsPath = (courseId: string) => `/api/v1/courses/${courseId}/assignment_groups?include[]=assignments&include[]=submission&per_page=100`;

async function readRemote(doc: Document, url: URL, now: number, fetchSameOrigin: FetchSameOrigin): Promise<AdapterResult> {
  const courseId = courseIdOf(url);
  if (!courseId) return { readings: [], problems: [{ where: 'page', reason: 'not a Canvas course grades page (/courses/:id/grades)' }] };
  const path = studentGroupsPath(courseId);
  let groups: CanvasAssignmentGroup[];
  try {
    const answer = parseCanvasJson(await fetchSameOrigin(path, 'text'));
    if (!Array.isArray(answer)) return { readings: [], problems: [{ where: path, reason: 'Canvas answered with something other than a list of assignment groups' }] };
    groups = answer as CanvasAssignmentGroup[];
  } catch (error) {
    return { readings: [], problems: [{ where: path, reason: `could not load the course's assignments: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  // The page's ENV (when there) names the student and the course; the API's submissions carry the user id.
  const env = readCanvasEnv(doc);
  const base = isProblem(env) ? undefined : fromEnv(env, doc, courseId);
  const submissions = groups.flatMap((g) => asArray<CanvasAssignment>(g.assignments))
    .filter((a) => a.submission).map((a) => ({ ...a.submission, assignment_id: a.id }));
  const userId = idOf(submissions.find((s) => idOf(s.user_id))?.user_id);
  const problems: ReadingProblem[] = [];
  let student = base?.student;
  if (!student) {
    if (!userId) return { readings: [], problems: [{ where: path, reason: 'no submission names the student (no user id)' }] };
    student = { key: userId, name: `Canvas user ${userId}`, vendorId: userId };
    problems.push({ where: 'page', reason: "the student's name was not found in the page: shown by Canvas user id" });
  }
  const data: CourseData = {
    courseId, courseName: base?.courseName ?? (collapse(doc.title) || `Canvas course ${courseId}`), student,
    groups, submissions, timeZone: base?.timeZone, rows: base?.rows ?? new Map(), overallText: base?.overallText,
  };
  return { readings: [buildReading(data, student, url, now)], problems };
}

const PAGE_URL = 'https://lakeviewhs.instructure.com/courses/110/grades';
const AVERY = 'Avery Stone';
const cases: AdapterCase[] = [
  {
    fixture: 'local:canvas/student-grades.html',
    url: PAGE_URL,
    expect: {
      readings: 1, sectionName: 'S100 - Biology', students: 1, assignments: 90,
      cells: [
        { student: AVERY, assignment: 'Assignment 2844', raw: '94/100', points: 94, outOf: 100, percent: 94 },
        { student: AVERY, assignment: 'Assignment 2851', raw: '10/10', points: 10, percent: 100 },
        // submitted, not yet graded
        { student: AVERY, assignment: 'Assignment 2903', raw: 'submitted', notGraded: true, missing: false },
        { student: AVERY, assignment: 'Assignment 1694', excused: false },
      ],
      // untitled assignments; the bare {assignment_id} submission; 47 submissions of unlisted assignments
      problems: 3,
    },
  },
  {
    fixture: 'local:canvas/student-grades.html',
    payloads: { [studentGroupsPath('110')]: 'local:canvas/api-student-assignment-groups.json' },
    url: PAGE_URL,
    expect: {
      readings: 1, sectionName: 'S100 - Biology', students: 1, assignments: 4,
      cells: [
        { student: AVERY, assignment: 'Cell Structure Quiz', raw: '8.5/10', points: 8.5, outOf: 10, percent: 85 },
        { student: AVERY, assignment: 'Lab Report: Osmosis', raw: 'missing', missing: true, notGraded: true },
        { student: AVERY, assignment: 'Photosynthesis Worksheet', raw: '18/20', late: true, percent: 90 },
        { student: AVERY, assignment: 'Field Trip Reflection', raw: 'EX', excused: true },
      ],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const canvasStudentInfo: AdapterInfo = {
  id: 'canvas-student',
  label: 'Canvas (student grades)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => COURSE_PATH.test(url.pathname)
    && Array.from(doc.querySelectorAll('script:not([src])')).some((s) => /\bENV\s*=\s*\{/.test(s.textContent ?? ''))),
};

export const canvasStudent: Adapter = /* @__PURE__ */ withReader(canvasStudentInfo, readPage, cases, { readRemote });
