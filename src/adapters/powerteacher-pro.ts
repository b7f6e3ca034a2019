// PowerSchool PowerTeacher Pro, the teacher's Scoresheet for one section (`/teachers/index.html#/?sectionId=N`).
// The app renders from same-origin JSON (PowerSchool's `/ws/xte/` API), so it is read through `readRemote`
// from the same two calls: the roster and the section's assignments with their scores.
// Unverified: built from PowerSchool's XTE API reference and public code that calls it from inside the app
// (see tests/adapters/fixtures/powerteacher/README.md); no saved response was available.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, type FetchSameOrigin, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingProblem, ReadingStudent } from '../core/types';
import { parseScore } from '../core/score-parse';
import { capRaw } from '../core/text';

/** The calls the app makes, as `readRemote` asks them (GET, the teacher's own session). */
export const powerTeacherPaths = {
  roster: (sectionId: string) => `/ws/xte/student?section_ids=${sectionId}&status=A,P`,
  assignments: (sectionId: string) => `/ws/xte/section/assignment/?section_ids=${sectionId}`,
};

/** The section comes from the app's hash route: `#/?sectionId=4101`, `#/score_assignment?sectionId=4101&assignmentId=…`. */
const SECTION_IN_HASH = /[?&]sectionId=(\d+)/;

interface PtpStudent { dcid?: unknown; studentnumber?: unknown; lastfirst?: unknown; firstname?: unknown; lastname?: unknown }
interface PtpScore {
  studentsdcid?: unknown; actualscoreentered?: unknown; scorepoints?: unknown; scorepercent?: unknown; scorelettergrade?: unknown;
  ismissing?: unknown; islate?: unknown; isexempt?: unknown; isabsent?: unknown; isincomplete?: unknown; iscollected?: unknown;
}
interface PtpAssignmentSection {
  assignmentsectionid?: unknown; sectionsdcid?: unknown; name?: unknown; duedate?: unknown; totalpointvalue?: unknown;
  _assignmentcategoryassociations?: Array<{ isprimary?: unknown; _teachercategory?: { name?: unknown } }>;
  _assignmentscores?: PtpScore[];
}
interface PtpAssignment { assignmentid?: unknown; _assignmentsections?: PtpAssignmentSection[] }

const collapse = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '').replace(/\s+/g, ' ').trim();
const numberOf = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

function readStudents(roster: unknown, problems: ReadingProblem[]): ReadingStudent[] {
  if (!Array.isArray(roster)) {
    problems.push({ where: 'roster', reason: 'PowerTeacher Pro answered with something other than a list of students' });
    return [];
  }
  const students: ReadingStudent[] = [];
  (roster as PtpStudent[]).forEach((student, index) => {
    const key = collapse(student.dcid);
    const name = collapse(student.lastfirst) || [student.lastname, student.firstname].map(collapse).filter(Boolean).join(', ');
    if (!key || !name || students.some((s) => s.key === key)) {
      problems.push({ where: `roster entry ${index + 1}`, reason: 'a student without a unique DCID or a name: skipped' });
      return;
    }
    // the student number is the id a PowerSchool parent or student page shows
    students.push({ key, name, vendorId: collapse(student.studentnumber) || undefined });
  });
  return students;
}

/** PowerTeacher Pro's flags: Missing, Late, Exempt, Absent (incomplete because absent), Incomplete, Collected. */
function flagsOf(score: PtpScore): CellFlags {
  const flags: CellFlags = {};
  if (score.ismissing === true) flags.missing = true;
  if (score.islate === true) flags.late = true;
  if (score.isexempt === true) flags.excused = true;
  if (score.isincomplete === true || score.isabsent === true) flags.incomplete = true;
  return flags;
}

function readScore(score: PtpScore, outOf: number | undefined): { raw: string; score: ParsedScore } {
  const raw = collapse(score.actualscoreentered);
  const points = numberOf(score.scorepoints);
  const percent = numberOf(score.scorepercent);
  const letter = collapse(score.scorelettergrade) || undefined;
  const flags = flagsOf(score);
  // The computed points and percent are what the Scoresheet shows; the entered text may be a percent or a code.
  if (points !== undefined || percent !== undefined) {
    return { raw, score: { points, outOf: points !== undefined ? outOf : undefined, percent, letter, flags } };
  }
  if (raw) {
    const parsed = parseScore(raw, outOf);
    return { raw, score: parsed.unreadable ? parsed : { ...parsed, flags: { ...parsed.flags, ...flags } } };
  }
  // Collected (handed in) or nothing entered: not graded yet, unless a flag says otherwise.
  return { raw, score: { outOf, flags: Object.keys(flags).length > 0 ? flags : { notGraded: true } } };
}

function readAssignments(data: unknown, sectionId: string, students: ReadingStudent[], problems: ReadingProblem[]) {
  const assignments: ReadingAssignment[] = [];
  const cells: ReadingCell[] = [];
  if (!Array.isArray(data)) {
    problems.push({ where: 'assignments', reason: 'PowerTeacher Pro answered with something other than a list of assignments' });
    return { assignments, cells };
  }
  const names = new Map(students.map((s) => [s.key, s.name]));
  let withScores = 0;
  let unknownStudents = 0;
  for (const assignment of data as PtpAssignment[]) {
    const section = assignment._assignmentsections?.find((s) => collapse(s.sectionsdcid) === sectionId) ?? assignment._assignmentsections?.[0];
    const key = collapse(assignment.assignmentid) || collapse(section?.assignmentsectionid);
    const name = collapse(section?.name);
    if (!section || !key || !name || assignments.some((a) => a.key === key)) {
      problems.push({ where: `assignment ${name || key || '?'}`, reason: 'an assignment without a unique id, a name or this section: skipped' });
      continue;
    }
    const categories = section._assignmentcategoryassociations ?? [];
    const category = collapse((categories.find((c) => c.isprimary === true) ?? categories[0])?._teachercategory?.name) || undefined;
    const pointsPossible = numberOf(section.totalpointvalue);
    const dueDate = /^\d{4}-\d{2}-\d{2}/.exec(collapse(section.duedate))?.[0];
    assignments.push({ key, name, category, dueDate, pointsPossible });
    if (Array.isArray(section._assignmentscores)) withScores += 1;
    for (const entry of section._assignmentscores ?? []) {
      const studentKey = collapse(entry.studentsdcid);
      if (!names.has(studentKey)) {
        unknownStudents += 1;
        continue;
      }
      const read = readScore(entry, pointsPossible);
      if (read.score.unreadable) problems.push({ where: `cell ${names.get(studentKey)} × ${name}`, reason: read.score.unreadable, raw: capRaw(read.raw) });
      else if (!cells.some((c) => c.studentKey === studentKey && c.assignmentKey === key)) cells.push({ studentKey, assignmentKey: key, ...read });
    }
  }
  if (assignments.length > 0 && withScores === 0) problems.push({ where: 'assignments', reason: 'the assignments came without their scores: nothing to read per student' });
  if (unknownStudents > 0) problems.push({ where: 'scores', reason: `${unknownStudents} scores for students not on the active roster (dropped students?): skipped` });
  return { assignments, cells };
}

async function readRemote(doc: Document, url: URL, now: number, fetchSameOrigin: FetchSameOrigin): Promise<AdapterResult> {
  const sectionId = SECTION_IN_HASH.exec(url.hash)?.[1];
  if (!sectionId) return { readings: [], problems: [{ where: 'page', reason: 'no section chosen (the address has no sectionId)' }] };
  const problems: ReadingProblem[] = [];
  try {
    const students = readStudents(await fetchSameOrigin(powerTeacherPaths.roster(sectionId)), problems);
    const { assignments, cells } = readAssignments(await fetchSameOrigin(powerTeacherPaths.assignments(sectionId)), sectionId, students, problems);
    const name = collapse(doc.title).replace(/^PowerTeacher Pro\s*[-–|:]?\s*/i, '') || `Section ${sectionId}`;
    const reading: Reading = {
      adapterId: powerteacherProInfo.id, view: powerteacherProInfo.view, url: url.href, readAt: now,
      section: { key: sectionId, name }, students, assignments, cells, overall: [], problems,
    };
    return { readings: [reading], problems: [] };
  } catch (error) {
    return { readings: [], problems: [...problems, { where: 'page', reason: `could not load the Scoresheet data: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** The Scoresheet's rows are drawn by script from the data above and only those in view exist: not read from the page. */
function readPage(): AdapterResult {
  return { readings: [], problems: [{ where: 'page', reason: 'PowerTeacher Pro is read from its own data, not the visible Scoresheet rows' }] };
}

const FIXTURES = 'local:powerteacher/';
const SECTION = '4101';
const cases: AdapterCase[] = [
  {
    fixture: `${FIXTURES}scoresheet-page.html`,
    url: `https://lakeview.powerschool.example/teachers/index.html#/?sectionId=${SECTION}`,
    payloads: {
      [powerTeacherPaths.roster(SECTION)]: `${FIXTURES}api-student.json`,
      [powerTeacherPaths.assignments(SECTION)]: `${FIXTURES}api-section-assignment.json`,
    },
    expect: {
      readings: 1, sectionName: `Section ${SECTION}`, students: 3, assignments: 3, problems: 0,
      cells: [
        { student: 'Stone, Avery', assignment: 'Unit 1 Test', raw: '42', points: 42, outOf: 50, percent: 84, letter: 'B' },
        { student: 'Okafor, Sam', assignment: 'Unit 1 Test', raw: '35', points: 35, late: true },
        { student: 'Raman, Priya', assignment: 'Unit 1 Test', raw: '52', percent: 104 },
        { student: 'Stone, Avery', assignment: 'Osmosis Lab', raw: '', missing: true, notGraded: false },
        { student: 'Okafor, Sam', assignment: 'Osmosis Lab', raw: '', excused: true },
        // Collected: handed in, not scored yet
        { student: 'Raman, Priya', assignment: 'Osmosis Lab', raw: '', notGraded: true, missing: false },
        // a Percent-type assignment: 90 entered = 9 of 10 points
        { student: 'Stone, Avery', assignment: 'Reading Check 1', raw: '90', points: 9, outOf: 10, percent: 90 },
        { student: 'Okafor, Sam', assignment: 'Reading Check 1', raw: '0', points: 0, missing: true },
      ],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const powerteacherProInfo: AdapterInfo = {
  id: 'powerteacher-pro',
  label: 'PowerSchool PowerTeacher Pro (Scoresheet)',
  view: 'teacher-grid',
  status: 'unverified',
  matches: safeMatches((url) => /^\/teachers\//i.test(url.pathname) && SECTION_IN_HASH.test(url.hash)),
};

export const powerteacherPro: Adapter = /* @__PURE__ */ withReader(powerteacherProInfo, readPage, cases, { readRemote });
