// Canvas LMS, a teacher's Gradebook (`/courses/:id/gradebook`). The grid renders only the rows and
// columns in view, so it is read through `readRemote` from the same REST API the gradebook loads its
// data from: assignment groups with their assignments, the students (with their enrollment's current
// grade) and every student's submissions, page by page.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, type FetchSameOrigin, safeMatches, withReader } from './adapter';
import type { Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import {
  type CanvasAssignment, type CanvasAssignmentGroup, type CanvasSubmission, canvasLocalDate, idOf, isProblem,
  parseCanvasJson, pointsPossibleOf, readCanvasEnv, readCanvasSubmission,
} from './canvas-data';
import { collapse, capRaw } from '../core/text';

const GRADEBOOK_PATH = /^\/courses\/(\d+)\/gradebook\/?$/;
/** Pages of 100 fetched at most per list (10 000 students or submissions); more is reported, not read. */
const MAX_PAGES = 100;
const text = (value: unknown): string => (typeof value === 'string' ? collapse(value) : '');
const asArray = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

/** The request paths, as the Canvas REST API documents them (`page` counts from 1). */
export const canvasTeacherPaths = {
  course: (courseId: string) => `/api/v1/courses/${courseId}`,
  groups: (courseId: string) => `/api/v1/courses/${courseId}/assignment_groups?include[]=assignments&per_page=100`,
  students: (courseId: string, page: number) => `/api/v1/courses/${courseId}/users?enrollment_type[]=student&include[]=enrollments&per_page=100&page=${page}`,
  submissions: (courseId: string, page: number) => `/api/v1/courses/${courseId}/students/submissions?student_ids[]=all&per_page=100&page=${page}`,
};

interface CanvasEnrollment {
  type?: string;
  course_id?: string | number;
  grades?: { current_score?: number | null; current_grade?: string | null };
}

interface CanvasUser {
  id?: string | number;
  name?: string;
  enrollments?: CanvasEnrollment[];
}

class LoadError extends Error {}

async function getJson(fetchSameOrigin: FetchSameOrigin, path: string): Promise<unknown> {
  try {
    return parseCanvasJson(await fetchSameOrigin(path, 'text'));
  } catch (error) {
    throw new LoadError(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Every item of a paginated list: pages of 100 until an empty (or short) page. */
async function getAllPages<T>(fetchSameOrigin: FetchSameOrigin, pathOf: (page: number) => string, problems: ReadingProblem[]): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const answer = await getJson(fetchSameOrigin, pathOf(page));
    if (!Array.isArray(answer)) throw new LoadError(`${pathOf(page)}: Canvas answered with something other than a list`);
    items.push(...(answer as T[]));
    if (answer.length < 100) return items;
  }
  problems.push({ where: pathOf(MAX_PAGES + 1), reason: `more than ${MAX_PAGES} pages of 100: the rest was not read` });
  return items;
}

function readStudents(users: CanvasUser[], courseId: string, problems: ReadingProblem[]): { students: ReadingStudent[]; overall: ReadingOverall[] } {
  const students: ReadingStudent[] = [];
  const overall: ReadingOverall[] = [];
  users.forEach((user, index) => {
    const key = idOf(user.id);
    const name = text(user.name);
    if (!key || !name || students.some((s) => s.key === key)) {
      problems.push({ where: `student ${index + 1}`, reason: 'a student without a unique id or a name', raw: capRaw(name) });
      return;
    }
    students.push({ key, name, vendorId: key });
    const enrollment = asArray<CanvasEnrollment>(user.enrollments)
      .find((e) => e.type === 'StudentEnrollment' && (e.course_id === undefined || idOf(e.course_id) === courseId));
    const percent = enrollment?.grades?.current_score;
    const letter = text(enrollment?.grades?.current_grade) || undefined;
    if (typeof percent === 'number' && Number.isFinite(percent)) {
      overall.push({ studentKey: key, percent, letter, raw: letter ? `${percent}% (${letter})` : `${percent}%` });
    }
  });
  return { students, overall };
}

function readAssignments(groups: CanvasAssignmentGroup[], timeZone: string | undefined, problems: ReadingProblem[]) {
  const assignments: Array<ReadingAssignment & { omitted: boolean }> = [];
  for (const group of groups) {
    for (const assignment of asArray<CanvasAssignment>(group.assignments)) {
      const key = idOf(assignment.id);
      const name = text(assignment.name);
      if (!key || !name || assignments.some((a) => a.key === key)) {
        problems.push({ where: `assignment group ${text(group.name) || idOf(group.id)}`, reason: 'an assignment without a unique id or a name: skipped', raw: capRaw(name) });
        continue;
      }
      assignments.push({
        key, name, category: text(group.name) || undefined, dueDate: canvasLocalDate(assignment.due_at, timeZone),
        pointsPossible: pointsPossibleOf(assignment), omitted: assignment.omit_from_final_grade === true,
      });
    }
  }
  return assignments;
}

function readCells(submissions: CanvasSubmission[], students: ReadingStudent[], assignments: ReturnType<typeof readAssignments>, problems: ReadingProblem[]): ReadingCell[] {
  const studentNames = new Map(students.map((s) => [s.key, s.name]));
  const byKey = new Map(assignments.map((a) => [a.key, a]));
  const cells: ReadingCell[] = [];
  const seen = new Set<string>();
  let unknown = 0;
  for (const submission of submissions) {
    const studentKey = idOf(submission.user_id);
    const assignment = byKey.get(idOf(submission.assignment_id));
    if (!studentNames.has(studentKey) || !assignment) {
      unknown += 1;
      continue;
    }
    if (seen.has(`${studentKey}|${assignment.key}`)) continue;
    seen.add(`${studentKey}|${assignment.key}`);
    const read = readCanvasSubmission(submission, assignment.pointsPossible, assignment.omitted);
    const where = `cell ${studentNames.get(studentKey)} × ${assignment.name}`;
    if (!read) problems.push({ where, reason: 'a submission with neither a state nor a score' });
    else if (read.score.unreadable) problems.push({ where, reason: read.score.unreadable, raw: capRaw(read.raw) });
    else cells.push({ studentKey, assignmentKey: assignment.key, ...read });
  }
  if (unknown > 0) problems.push({ where: 'submissions', reason: `${unknown} submissions are for students or assignments not in the lists read (inactive students, unpublished work?): skipped` });
  return cells;
}

async function courseName(fetchSameOrigin: FetchSameOrigin, courseId: string, doc: Document, problems: ReadingProblem[]): Promise<string> {
  try {
    const course = await getJson(fetchSameOrigin, canvasTeacherPaths.course(courseId)) as { name?: unknown } | null;
    const name = text(course?.name);
    if (name) return name;
  } catch (error) {
    problems.push({ where: 'course', reason: `the course name was not loaded: ${error instanceof Error ? error.message : String(error)}` });
  }
  return collapse(doc.title) || `Canvas course ${courseId}`;
}

async function readRemote(doc: Document, url: URL, now: number, fetchSameOrigin: FetchSameOrigin): Promise<AdapterResult> {
  const courseId = GRADEBOOK_PATH.exec(url.pathname)?.[1];
  if (!courseId) return { readings: [], problems: [{ where: 'page', reason: 'not a Canvas Gradebook page (/courses/:id/gradebook)' }] };
  const problems: ReadingProblem[] = [];
  try {
    const groups = await getJson(fetchSameOrigin, canvasTeacherPaths.groups(courseId));
    if (!Array.isArray(groups)) return { readings: [], problems: [{ where: canvasTeacherPaths.groups(courseId), reason: 'Canvas answered with something other than a list of assignment groups' }] };
    const users = await getAllPages<CanvasUser>(fetchSameOrigin, (page) => canvasTeacherPaths.students(courseId, page), problems);
    const submissions = await getAllPages<CanvasSubmission>(fetchSameOrigin, (page) => canvasTeacherPaths.submissions(courseId, page), problems);
    const env = readCanvasEnv(doc);
    const timeZone = isProblem(env) ? undefined : text(env.CONTEXT_TIMEZONE) || text(env.TIMEZONE) || undefined;
    const name = await courseName(fetchSameOrigin, courseId, doc, problems);
    const { students, overall } = readStudents(users, courseId, problems);
    const assignments = readAssignments(groups as CanvasAssignmentGroup[], timeZone, problems);
    const cells = readCells(submissions, students, assignments, problems);
    const reading: Reading = {
      adapterId: canvasTeacherInfo.id, view: canvasTeacherInfo.view, url: url.href, readAt: now,
      section: { key: courseId, name }, students, assignments: assignments.map(({ omitted: _omitted, ...a }) => a), cells, overall, problems,
    };
    return { readings: [reading], problems: [] };
  } catch (error) {
    const reason = error instanceof LoadError ? `could not load the gradebook data: ${error.message}` : `unexpected error while reading: ${error instanceof Error ? error.message : String(error)}`;
    return { readings: [], problems: [...problems, { where: 'page', reason }] };
  }
}

/** Without its data the gradebook page shows only the rows in view: say so rather than read a part. */
function readPage(): AdapterResult {
  return { readings: [], problems: [{ where: 'page', reason: 'Canvas Gradebook is read from its own data, not the visible rows' }] };
}

const FIXTURES = 'local:canvas/';
const cases: AdapterCase[] = [
  {
    fixture: `${FIXTURES}gradebook-page.html`,
    url: 'https://lakeviewhs.instructure.com/courses/2201/gradebook',
    payloads: {
      [canvasTeacherPaths.course('2201')]: `${FIXTURES}api-course.json`,
      [canvasTeacherPaths.groups('2201')]: `${FIXTURES}api-teacher-assignment-groups.json`,
      [canvasTeacherPaths.students('2201', 1)]: `${FIXTURES}api-students-page1.json`,
      [canvasTeacherPaths.students('2201', 2)]: `${FIXTURES}api-empty-page.json`,
      [canvasTeacherPaths.submissions('2201', 1)]: `${FIXTURES}api-submissions-page1.json`,
      [canvasTeacherPaths.submissions('2201', 2)]: `${FIXTURES}api-empty-page.json`,
    },
    expect: {
      readings: 1, sectionName: 'Biology 1 — Period 3', students: 3, assignments: 3,
      cells: [
        { student: 'Jordan Ellis', assignment: 'Unit 1 Test', raw: '42/50', points: 42, outOf: 50, percent: 84 },
        { student: 'Jordan Ellis', assignment: 'Osmosis Lab', raw: 'missing', missing: true },
        { student: 'Priya Raman', assignment: 'Osmosis Lab', raw: '20/20', late: true, percent: 100 },
        { student: 'Priya Raman', assignment: 'Reading Check 1', raw: 'EX', excused: true },
        { student: 'Sam Okafor', assignment: 'Reading Check 1', raw: 'submitted', notGraded: true, missing: false },
        // "do not count this assignment towards the final grade"
        { student: 'Sam Okafor', assignment: 'Unit 1 Test', raw: '35/50', excused: true },
      ],
      overall: [{ student: 'Jordan Ellis', percent: 71.2, letter: 'C-' }, { student: 'Priya Raman', percent: 96.5, letter: 'A' }],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const canvasTeacherInfo: AdapterInfo = {
  id: 'canvas-teacher',
  label: 'Canvas (Gradebook)',
  view: 'teacher-grid',
  status: 'unverified',
  // Every Canvas page carries its inline `ENV = {…}` script; the gradebook's path alone could be another system's.
  matches: safeMatches((url, doc) => GRADEBOOK_PATH.test(url.pathname)
    && Array.from(doc.querySelectorAll('script:not([src])')).some((s) => /\bENV\s*=\s*\{/.test(s.textContent ?? ''))),
};

export const canvasTeacher: Adapter = /* @__PURE__ */ withReader(canvasTeacherInfo, readPage, cases, { readRemote });
