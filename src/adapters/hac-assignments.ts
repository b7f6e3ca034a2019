// Home Access Center (eSchoolPLUS) Classwork, `Assignments.aspx`: one student's courses for a marking
// period, each with its assignments and average. One Reading per course, keyed by the same section id as
// the Interim Progress Report so the two views meet.
// UNVERIFIED: built from public readers of the page and HAC's documentation, not a saved page (see
// tests/adapters/fixtures/hac/assignments.html for what it follows). The student comes from the HAC banner.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { normaliseName, parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { UNNAMED_REASON, UNNAMED_STUDENT, bannerStudent } from './hac-banner';
import { collapse, capRaw } from '../core/text';

const SELECTORS = {
  course: 'div.AssignmentClass',
  /** "2010B - 1    COMP SCI 3 DS KAP B", onclick `OpenClassPopUp('<section id>')` */
  heading: 'a.sg-header-heading',
  headerAverage: '[id^="plnMain_rptAssigmnetsByCourse_lblHdrAverage_"]',
  overallAverage: '[id^="plnMain_rptAssigmnetsByCourse_lblOverallAverage_"]',
  assignmentTable: 'table[id^="plnMain_rptAssigmnetsByCourse_dgCourseAssignments_"]',
  headerRow: 'tr.sg-asp-table-header-row',
  dataRow: 'tr.sg-asp-table-data-row',
  link: 'a',
} as const;

const HEADERS = { due: 'Date Due', name: 'Assignment', category: 'Category', score: 'Score', total: 'Total Points' } as const;
type Column = keyof typeof HEADERS;
const HEADING = /^(\S+\s+-\s+\S+)\s+(.+)$/;
const SECTION_ID = /\('(\d+)'/;
/** Score codes are district settings; these three are the common ones. Any other code is reported, since a
 * bare `C` would otherwise read as a letter grade. */
const HAC_MARKS: Readonly<Record<string, CellFlags>> = { M: { missing: true }, I: { incomplete: true }, E: { excused: true } };

/** The quoted arguments of an `onclick` call, as the assignment's id. */
function callArguments(onclick: string | null | undefined): string {
  return Array.from((onclick ?? '').matchAll(/'([^']*)'/g), (match) => match[1]).join('|');
}

function readScore(raw: string, pointsPossible: number | undefined): ParsedScore {
  const flags = HAC_MARKS[raw.toUpperCase()];
  if (flags) return { outOf: pointsPossible, flags: { ...flags } };
  if (raw === '') return { outOf: pointsPossible, flags: { notGraded: true } };
  if (/^[A-Z]{1,3}$/i.test(raw)) return { flags: {}, unreadable: `the score code ${raw} is a district setting whose meaning is not known` };
  return parseScore(raw, pointsPossible);
}

function readRows(table: Element, student: ReadingStudent, problems: ReadingProblem[]) {
  const header = table.querySelector(SELECTORS.headerRow);
  const texts = Array.from(header?.children ?? []).map((cell) => collapse(cell.textContent));
  const index = Object.fromEntries((Object.entries(HEADERS) as Array<[Column, string]>).map(([column, text]) => [column, texts.indexOf(text)])) as Record<Column, number>;
  const assignments: ReadingAssignment[] = [];
  const cells: ReadingCell[] = [];
  if (index.name < 0 || index.score < 0) {
    problems.push({ where: 'assignment table', reason: 'the table has no Assignment or Score column' });
    return { assignments, cells };
  }
  table.querySelectorAll(SELECTORS.dataRow).forEach((row, position) => {
    const children = Array.from(row.children);
    const text = (column: Column) => (index[column] < 0 ? '' : collapse(children[index[column]]?.textContent));
    const link = children[index.name]?.querySelector(SELECTORS.link);
    const name = collapse(link?.textContent) || text('name');
    const dueText = text('due');
    const key = callArguments(link?.getAttribute('onclick')) || (name ? normaliseName(`${name} ${dueText}`) : '');
    if (!name || !key || assignments.some((a) => a.key === key)) {
      problems.push({ where: `assignment row ${position + 1}`, reason: 'assignment row without a unique id or a name', raw: capRaw(collapse(row.textContent)) });
      return;
    }
    const dueDate = parseUsDate(dueText);
    if (dueText && !dueDate) problems.push({ where: `assignment ${name}`, reason: 'the due date is not a date', raw: capRaw(dueText) });
    const total = parsePercent(text('total'));
    const assignment: ReadingAssignment = { key, name, category: text('category') || undefined, dueDate, pointsPossible: total && total > 0 ? total : undefined };
    assignments.push(assignment);
    const where = `cell ${student.name} × ${name}`;
    if (children.length < texts.length) {
      problems.push({ where, reason: 'the row is cut short (page cut off?)' });
      return;
    }
    const raw = text('score');
    const score = readScore(raw, assignment.pointsPossible);
    if (score.unreadable) problems.push({ where, reason: score.unreadable, raw: capRaw(raw) });
    else cells.push({ studentKey: student.key, assignmentKey: key, raw, score });
  });
  return { assignments, cells };
}

function readOverall(course: Element, studentKey: string): ReadingOverall | undefined {
  const shown = collapse(course.querySelector(SELECTORS.headerAverage)?.textContent);
  const exact = parsePercent(collapse(course.querySelector(SELECTORS.overallAverage)?.textContent));
  const percent = exact ?? parsePercent(/([\d.]+)\s*%?$/.exec(shown)?.[1] ?? '');
  if (percent === undefined) return undefined;
  return { studentKey, percent, raw: capRaw(shown || String(percent)) };
}

function readCourse(course: Element, student: ReadingStudent, url: URL, now: number): Reading {
  const problems: ReadingProblem[] = [];
  const heading = course.querySelector(SELECTORS.heading);
  const title = collapse(heading?.textContent);
  const [, code, courseName] = HEADING.exec(title) ?? [];
  const name = courseName ?? title;
  const key = SECTION_ID.exec(heading?.getAttribute('onclick') ?? '')?.[1] ?? normaliseName(code ?? title);
  const table = course.querySelector(SELECTORS.assignmentTable);
  if (!table) problems.push({ where: `course ${name}`, reason: 'the assignment table was not found (page cut off?)' });
  const { assignments, cells } = table ? readRows(table, student, problems) : { assignments: [], cells: [] };
  const overall = readOverall(course, student.key);
  return { adapterId: hacAssignments.id, view: hacAssignments.view, url: url.href, readAt: now, section: { key, name }, students: [student], assignments, cells, overall: overall ? [overall] : [], problems };
}

function readClasswork(doc: Document, url: URL, now: number): AdapterResult {
  const courses = Array.from(doc.querySelectorAll(SELECTORS.course)).filter((course) => collapse(course.querySelector(SELECTORS.heading)?.textContent));
  if (courses.length === 0) return { readings: [], problems: [{ where: 'page', reason: 'no course was found on the Classwork page (page still loading?)' }] };
  const named = bannerStudent(doc);
  const problems: ReadingProblem[] = named ? [] : [{ where: 'page', reason: UNNAMED_REASON }];
  const student = named ?? UNNAMED_STUDENT;
  return { readings: courses.map((course) => readCourse(course, student, url, now)), problems };
}

const STUDENT = UNNAMED_STUDENT.name;
const cases: AdapterCase[] = [
  {
    fixture: 'local:hac/assignments.html',
    url: 'https://hac.lakeviewisd.org/HomeAccess/Content/Student/Assignments.aspx',
    expect: {
      readings: 2,
      sectionName: 'COMP SCI 3 DS KAP B',
      students: 2,
      assignments: 5,
      cells: [
        { student: STUDENT, assignment: 'Lab 7: Sorting', raw: '105.00', points: 105, outOf: 100, percent: 105 },
        { student: STUDENT, assignment: 'Quiz: Recursion', raw: 'M', missing: true },
        { student: STUDENT, assignment: 'Project: Search Engine', raw: '', notGraded: true, missing: false },
        { student: STUDENT, assignment: 'Reading Log 12', raw: 'E', excused: true },
      ],
      // read outside the HAC frame: the student is unnamed, and that is reported
      problems: 1,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const hacAssignmentsInfo: AdapterInfo = {
  id: 'hac-assignments',
  label: 'Home Access Center (classwork)',
  view: 'student-detail',
  status: 'unverified',
  matches: safeMatches((url, doc) => /\/Assignments\.aspx$/i.test(url.pathname) && doc.querySelector(SELECTORS.assignmentTable) !== null),
};

export const hacAssignments: Adapter = /* @__PURE__ */ withReader(hacAssignmentsInfo, readClasswork, cases);
