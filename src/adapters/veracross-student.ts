// Veracross student / parent portal, the assignments of one class enrollment. The portal renders them
// from JSON at `/{school}/{student|parent}/enrollment/{enrollment id}/assignments` on its embed host
// (portals-embed.veracross.com), which `readRemote` reads on the page's own host. From the portal's
// class page (`…/classes/{enrollment id}/assignments`, on portals.veracross.com) the same path is asked
// for; when that host does not serve it, the reading fails with a problem saying so.
// Trap: `percent_grade` is the percent × 100 without its decimal point ("8571%" = 85.71 %).
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, type FetchSameOrigin, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingProblem, ReadingStudent } from '../core/types';
import { parseScore, parseUsDate } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

const PAGE_PATH = /^\/([\w-]+)\/(student|parent)\/(?:enrollment|classes)\/(\d+)\/assignments\/?$/i;
export const assignmentsPath = (school: string, role: string, enrollmentId: string) => `/${school}/${role}/enrollment/${enrollmentId}/assignments`;

/** `completion_status` values → the flag they set; "Complete" and "Pending" set none; others are reported. */
const STATUS_FLAGS: Readonly<Record<string, keyof CellFlags | null>> = {
  complete: null,
  pending: null,
  'not turned in': 'missing',
  missing: 'missing',
  late: 'late',
  excused: 'excused',
  exempt: 'excused',
  incomplete: 'incomplete',
};

interface VeracrossAssignment {
  assignment_id?: number;
  id?: number;
  assignment_description?: string | null;
  assignment_type?: string | null;
  _date?: string | null;
  maximum_score?: number | null;
  points_possible?: number | null;
  /** a string: "25", "" when nothing is entered */
  raw_score?: string | number | null;
  /** percent × 100 with a % sign: "8571%" = 85.71 % */
  percent_grade?: string | null;
  completion_status?: string | null;
  include_in_calculated_grade?: number | null;
  display_score?: number | null;
}

/** "8571%" → 85.71: Veracross writes the percent times 100, without its decimal point. */
export function veracrossPercent(text: unknown): number | undefined {
  const match = typeof text === 'string' ? /^\s*(\d+)\s*%\s*$/.exec(text) : null;
  return match ? Number(match[1]) / 100 : undefined;
}

function readScore(item: VeracrossAssignment, outOf: number | undefined): { raw: string; score: ParsedScore } {
  const raw = collapse(item.raw_score === null || item.raw_score === undefined ? '' : String(item.raw_score));
  let score: ParsedScore;
  if (raw && item.display_score !== 0) score = parseScore(outOf ? `${raw}/${outOf}` : raw);
  else {
    // the score is hidden or not entered: the percent, when shown, is all there is
    const percent = veracrossPercent(item.percent_grade);
    score = percent === undefined ? { flags: { notGraded: true } } : { percent, flags: {} };
  }
  if (outOf && score.outOf === undefined && !score.unreadable) score.outOf = outOf;
  return { raw: raw || collapse(item.completion_status) || '', score };
}

function readAssignments(items: VeracrossAssignment[], student: ReadingStudent, problems: ReadingProblem[]) {
  const assignments: ReadingAssignment[] = [];
  const cells: ReadingCell[] = [];
  const unknownStatuses = new Set<string>();
  items.forEach((item, index) => {
    const key = String(item.assignment_id ?? item.id ?? '');
    const name = collapse(item.assignment_description);
    if (!/^\d+$/.test(key) || !name || assignments.some((a) => a.key === key)) {
      problems.push({ where: `assignment ${index + 1}`, reason: 'an assignment without a unique id or a name', raw: capRaw(name) });
      return;
    }
    const outOf = typeof item.maximum_score === 'number' && item.maximum_score > 0 ? item.maximum_score : undefined;
    const possible = typeof item.points_possible === 'number' && item.points_possible > 0 ? item.points_possible : outOf;
    assignments.push({ key, name, category: collapse(item.assignment_type) || undefined, dueDate: parseUsDate(collapse(item._date)), pointsPossible: possible });
    const { raw, score } = readScore(item, outOf);
    const status = collapse(item.completion_status).toLowerCase();
    const flag = STATUS_FLAGS[status];
    if (flag) score.flags[flag] = true;
    else if (flag === undefined && status) unknownStatuses.add(collapse(item.completion_status));
    // left out of the calculated grade by the teacher: excused, as a "no count" mark is elsewhere
    if (item.include_in_calculated_grade === 0) score.flags.excused = true;
    if (score.unreadable) problems.push({ where: `cell ${student.name} × ${name}`, reason: score.unreadable, raw: capRaw(raw) });
    else cells.push({ studentKey: student.key, assignmentKey: key, raw, score });
  });
  for (const status of unknownStatuses) problems.push({ where: 'assignments', reason: 'unknown completion status; its meaning was not read', raw: capRaw(status) });
  return { assignments, cells };
}

/** One enrollment's assignments JSON as a reading (pure). */
export function readAssignmentsJson(data: unknown, enrollmentId: string, doc: Document, url: URL, now: number): AdapterResult {
  const items = (data as { assignments?: unknown } | null)?.assignments;
  if (!Array.isArray(items)) return { readings: [], problems: [{ where: 'assignments data', reason: 'the answer holds no assignments list' }] };
  // The data names neither the student nor the class: the enrollment (one student in one class) keys both.
  const student: ReadingStudent = { key: `enrollment-${enrollmentId}`, name: `Student (enrollment ${enrollmentId})` };
  const problems: ReadingProblem[] = [{ where: 'assignments data', reason: 'the assignments data names neither the student nor the class: shown by enrollment id' }];
  const { assignments, cells } = readAssignments(items as VeracrossAssignment[], student, problems);
  const reading: Reading = {
    adapterId: veracrossStudentInfo.id, view: veracrossStudentInfo.view, url: url.href, readAt: now,
    section: { key: enrollmentId, name: collapse(doc.title) || `Veracross class (enrollment ${enrollmentId})` },
    students: [student], assignments, cells, overall: [], problems,
  };
  return { readings: [reading], problems: [] };
}

async function readRemote(doc: Document, url: URL, now: number, fetchSameOrigin: FetchSameOrigin): Promise<AdapterResult> {
  const match = PAGE_PATH.exec(url.pathname);
  if (!match) return { readings: [], problems: [{ where: 'page', reason: 'not a Veracross class assignments page' }] };
  const [, school, role, enrollmentId] = match as unknown as [string, string, string, string];
  const path = assignmentsPath(school, role.toLowerCase(), enrollmentId);
  try {
    return readAssignmentsJson(await fetchSameOrigin(path, 'json'), enrollmentId, doc, url, now);
  } catch (error) {
    return { readings: [], problems: [{ where: path, reason: `could not load the class's assignments: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

function readPage(): AdapterResult {
  return { readings: [], problems: [{ where: 'page', reason: 'Veracross assignments are read from the portal data, not the page' }] };
}

const ENROLLMENT = '1190337';
const STUDENT = `Student (enrollment ${ENROLLMENT})`;
const cases: AdapterCase[] = [
  {
    fixture: 'local:veracross/class-assignments-page.html',
    url: `https://portals-embed.veracross.com/lakeview/student/enrollment/${ENROLLMENT}/assignments`,
    payloads: { [assignmentsPath('lakeview', 'student', ENROLLMENT)]: 'veracross/student-assignments-english.json' },
    expect: {
      readings: 1, students: 1, assignments: 72,
      cells: [
        { student: STUDENT, assignment: 'Rotation 21 Class Participation', raw: '25', points: 25, outOf: 25, percent: 100 },
        // percent_grade "8571%" is 85.71 %
        { student: STUDENT, assignment: 'All American Boys Essay', raw: '60', points: 60, outOf: 70, percent: 85.71 },
        // extra credit above the maximum
        { student: STUDENT, assignment: 'RC6 LOF CH12', raw: '12', points: 12, outOf: 10, percent: 120 },
        { student: STUDENT, assignment: 'RC2 City of Thieves R1', raw: '4', percent: 40, missing: false },
      ],
      // the data names neither the student nor the class
      problems: 1,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const veracrossStudentInfo: AdapterInfo = {
  id: 'veracross-student',
  label: 'Veracross (class assignments)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url) => /(^|\.)veracross\.com$/i.test(url.hostname) && PAGE_PATH.test(url.pathname)),
};

export const veracrossStudent: Adapter = /* @__PURE__ */ withReader(veracrossStudentInfo, readPage, cases, { readRemote });
