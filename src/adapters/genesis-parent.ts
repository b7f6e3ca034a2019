// Genesis Parent Portal, Gradebook › Course Summary (`parents?tab1=studentdata&tab2=gradebook&tab3=
// coursesummary`): one student's assignments in one course and marking period, and the marking-period
// grade. One Reading per page.
// Trap: the category-weight and attendance tables sit inside the assignment table and use the same
// `listroweven`/`listrowodd` row classes; only the assignment table's own rows are assignments.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { normaliseName, parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on genesis/parent-course-summary-economics.html (2022): 11 assignment rows, then 3 weight
// rows and 2 attendance rows in nested `table.list`s.
const SELECTORS = {
  student: 'select#fldStudent option[selected]',
  /** value `<course code>:<section>`, text the course name */
  course: 'select#fldCourse option[selected]',
  list: 'table.list',
  /** a table's own rows (`:scope > tbody > tr`): the nested weight and attendance tables' rows must not count */
  ownRowParent: 'tbody',
  ownRow: 'tr',
  heading: 'tr.listheading',
  dataRow: 'tr.listroweven, tr.listrowodd',
  /** the assignment name; a description follows it in an italic div */
  assignmentName: 'b',
  /** hidden dialogs inside the Category and Assignment cells */
  dialog: 'div[id^="divDescription"], div[id^="divComments"]',
  percent: 'div',
  /** the marking-period grade line ("Marking Period 2 Grade: 96.5% A") is a div of its own */
  gradeLine: 'div',
} as const;

/** Header texts of the assignment table's columns. */
const HEADERS = { mp: 'MP', due: 'Due', teacher: 'Teacher', category: 'Category', assignment: 'Assignment', grade: 'Grade' } as const;
type Column = keyof typeof HEADERS;

/** The page's own legend: "E (Exempt) or A (Absent) do not impact a student's grade", "M (Missing)",
 * "I (Incomplete)". A bare `A` here is Absent, never the letter grade. */
const GENESIS_MARKS: Readonly<Record<string, CellFlags>> = {
  E: { excused: true },
  A: { excused: true },
  M: { missing: true },
  I: { incomplete: true },
};

const GRADE_LINE = /Grade:\s*([\d.]+%)?\s*([A-F][+-]?)?/;
const GRADE_LINE_START = /^Marking Period \d+ Grade:/;
const GRADE_OVER = /^(.*?)\s*\/\s*([\d.]+)$/;
const MONTH_DAY_AT_END = /(\d{1,2}\/\d{1,2})$/;
const US_DATES = /\d{1,2}\/\d{1,2}\/\d{2,4}/g;
const DIGITS = /^\d+$/;
const LEGEND = /do not impact a student/;
const [ELEMENT_NODE, TEXT_NODE, CDATA_NODE] = [1, 3, 4];
const DESCRIPTION_ID = /^div(?:Description|Comments)(\d+)$/;

/** Text of an element's own text nodes ("Homework" beside its hidden description dialog). */
function ownText(element: Element | undefined): string {
  const texts: Array<string | null> = [];
  for (let node = element?.firstChild; node; node = node.nextSibling) if (node.nodeType === TEXT_NODE) texts.push(node.textContent);
  return collapse(texts.join(' '));
}

/** A table's own rows (`:scope > tbody > tr`), walked rather than queried: the query would look through
 * every element of the nested tables. */
function ownRowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  for (let section = table.firstElementChild; section; section = section.nextElementSibling) {
    if (section.localName !== SELECTORS.ownRowParent) continue;
    for (let row = section.firstElementChild; row; row = row.nextElementSibling) if (row.localName === SELECTORS.ownRow) rows.push(row);
  }
  return rows;
}

interface AssignmentTable {
  table: Element;
  /** its own rows */
  rows: Element[];
  columns: Partial<Record<Column, number>>;
  width: number;
}

/** The assignment table: the `table.list` whose heading names an Assignment and a Grade column. */
function assignmentTable(doc: Document): AssignmentTable | undefined {
  const tables = doc.querySelectorAll(SELECTORS.list);
  for (let index = 0; index < tables.length; index++) {
    const table = tables[index]!;
    const rows = ownRowsOf(table);
    const heading = rows.find((row) => row.matches(SELECTORS.heading));
    const texts = Array.from(heading?.children ?? []).map((cell) => ownText(cell));
    const columns: Partial<Record<Column, number>> = {};
    for (const [column, text] of Object.entries(HEADERS) as Array<[Column, string]>) {
      const index = texts.indexOf(text);
      if (index >= 0) columns[column] = index;
    }
    if (columns.assignment !== undefined && columns.grade !== undefined) return { table, rows, columns, width: texts.length };
  }
  return undefined;
}

/** "39 / 42" (with "92.9%" beneath), "M / 10", a bare mark, or nothing yet. */
function readGrade(cell: Element): { raw: string; score: ParsedScore } {
  const raw = ownText(cell);
  const over = GRADE_OVER.exec(raw);
  const mark = over ? over[1]! : raw;
  const outOf = over ? Number(over[2]) : undefined;
  const flags = GENESIS_MARKS[mark.toUpperCase()];
  if (flags) return { raw, score: { outOf, flags: { ...flags } } };
  if (mark === '') return { raw, score: { outOf, flags: { notGraded: true } } };
  const score = parseScore(raw);
  // The page rounds the percent it prints to tenths; prefer it when it agrees with the points.
  const shown = parsePercent(collapse(cell.querySelector(SELECTORS.percent)?.textContent));
  if (shown !== undefined && score.percent !== undefined && Math.abs(shown - score.percent) < 0.1) score.percent = shown;
  return { raw, score };
}

/** Due dates are "Tue 12/13": the year comes from the marking period's "11/15/22 to 01/26/23" (the
 * first of its two years that puts the date inside it). */
function dueDateOf(text: string, range: [string, string] | undefined): string | undefined {
  const monthDay = MONTH_DAY_AT_END.exec(text)?.[1];
  if (!monthDay || !range) return undefined;
  for (const day of range) {
    const date = parseUsDate(`${monthDay}/${day.slice(0, 4)}`);
    if (date !== undefined && date >= range[0] && date <= range[1]) return date;
  }
  return undefined;
}

function markingPeriodRange(firstRow: Element | undefined): [string, string] | undefined {
  const dates = (collapse(firstRow?.textContent).match(US_DATES) ?? []).map(parseUsDate);
  return dates[0] && dates[1] ? [dates[0], dates[1]] : undefined;
}

/** The first character of an element's text that is not white space ('' when none), found without reading all
 * of its text: most divs of the page hold whole tables. */
function firstShownChar(element: Node): string {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    // trimStart() drops what \s matches: the first character left is the first that is not white space
    const char = node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE ? node.nodeValue?.trimStart().charAt(0)
      : node.nodeType === ELEMENT_NODE ? firstShownChar(node) : undefined;
    if (char) return char;
  }
  return '';
}

function readOverall(doc: Document, studentKey: string): ReadingOverall | undefined {
  let line: string | undefined;
  const divs = doc.querySelectorAll(SELECTORS.gradeLine);
  // by index: in Chromium, iterating a NodeList (for…of, Array.from) costs more than this check of each div
  for (let index = 0; index < divs.length; index++) {
    const div = divs[index]!;
    if (firstShownChar(div) !== 'M') continue;
    const text = collapse(div.textContent);
    if (GRADE_LINE_START.test(text) && text.length < 120) {
      line = text;
      break;
    }
  }
  const match = line ? GRADE_LINE.exec(line) : null;
  if (!line || !match || (!match[1] && !match[2])) return undefined;
  return { studentKey, percent: match[1] ? parsePercent(match[1]) : undefined, letter: match[2], raw: capRaw(line.replace(/\s*Change Marking Period$/, '')) };
}

/** The assignment's Genesis id, from the first of the row's dialogs that carries one. The first dialog
 * (found without listing them all: the row holds whole tables) nearly always does. */
function dialogId(row: Element): string | undefined {
  const first = row.querySelector(SELECTORS.dialog);
  const id = first ? DESCRIPTION_ID.exec(first.id)?.[1] : undefined;
  if (id || !first) return id;
  return Array.from(row.querySelectorAll(SELECTORS.dialog)).map((div) => DESCRIPTION_ID.exec(div.id)?.[1]).find(Boolean);
}

function readRows(rows: Element[], columns: Partial<Record<Column, number>>, width: number, student: ReadingStudent, range: [string, string] | undefined, problems: ReadingProblem[]) {
  const assignments: ReadingAssignment[] = [];
  const keys = new Set<string>();
  const cells: ReadingCell[] = [];
  rows.forEach((row, index) => {
    const children = row.children;
    const at = (column: Column) => (columns[column] === undefined ? undefined : children[columns[column]!]);
    const nameCell = at('assignment');
    const name = collapse(nameCell?.querySelector(SELECTORS.assignmentName)?.textContent);
    const dueText = collapse(at('due')?.textContent);
    const key = dialogId(row) ?? (name ? normaliseName(`${name} ${dueText}`) : '');
    if (!name || !key || keys.has(key)) {
      problems.push({ where: `assignment row ${index + 1}`, reason: 'assignment row without a unique id or a name', raw: capRaw(collapse(row.textContent)) });
      return;
    }
    keys.add(key);
    const dueDate = dueDateOf(dueText, range);
    if (dueText && !dueDate) problems.push({ where: `assignment ${name}`, reason: 'the due date has no year the marking period can place', raw: capRaw(dueText) });
    const assignment: ReadingAssignment = { key, name, category: ownText(at('category')) || undefined, dueDate };
    assignments.push(assignment);
    const gradeCell = at('grade');
    const where = `cell ${student.name} × ${name}`;
    if (!gradeCell || children.length < width) {
      problems.push({ where, reason: 'the row is cut short: it has no Grade column (page cut off?)' });
      return;
    }
    const { raw, score } = readGrade(gradeCell);
    if (score.unreadable) {
      problems.push({ where, reason: score.unreadable, raw: capRaw(raw) });
      return;
    }
    if (score.outOf) assignment.pointsPossible = score.outOf;
    cells.push({ studentKey: student.key, assignmentKey: key, raw, score });
  });
  return { assignments, cells };
}

function readCourseSummary(doc: Document, url: URL, now: number): AdapterResult {
  const studentOption = doc.querySelector(SELECTORS.student);
  const courseOption = doc.querySelector(SELECTORS.course);
  const found = assignmentTable(doc);
  const studentName = collapse(studentOption?.textContent);
  const courseName = collapse(courseOption?.textContent);
  if (!studentName || !courseName || !found) {
    return { readings: [], problems: [{ where: 'page', reason: 'the Course Summary assignment table, course or student was not found (page still loading?)' }] };
  }
  const studentId = studentOption?.getAttribute('value') ?? '';
  const student: ReadingStudent = DIGITS.test(studentId) ? { key: studentId, name: studentName, vendorId: studentId } : { key: normaliseName(studentName), name: studentName };
  const problems: ReadingProblem[] = [];
  const rows = found.rows.filter((row) => row.matches(SELECTORS.dataRow));
  const { assignments, cells } = readRows(rows, found.columns, found.width, student, markingPeriodRange(found.rows[0]), problems);
  // Genesis lists a marking period without work as an empty table: no rows and no closing legend is a cut page.
  if (rows.length === 0 && !LEGEND.test(found.table.textContent ?? '')) {
    problems.push({ where: 'assignment table', reason: 'no assignment rows (page cut off?)' });
  }
  const overall = readOverall(doc, student.key);
  if (!overall) problems.push({ where: 'course grade', reason: 'the marking-period grade was not found' });
  const teachers = new Set(rows.map((row) => found.columns.teacher === undefined ? '' : collapse(row.children[found.columns.teacher]?.textContent)).filter(Boolean));
  const section = {
    key: courseOption?.getAttribute('value') || normaliseName(courseName),
    name: courseName,
    teacher: teachers.size === 1 ? [...teachers][0] : undefined,
  };
  const reading = { adapterId: genesisParent.id, view: genesisParent.view, url: url.href, readAt: now, section, students: [student], assignments, cells, overall: overall ? [overall] : [], problems };
  return { readings: [reading], problems: [] };
}

const AVERY = 'Stone, Avery';
const cases: AdapterCase[] = [
  {
    fixture: 'genesis/parent-course-summary-economics.html',
    url: 'https://parents.lakeview.org/genesis/parents?tab1=studentdata&tab2=gradebook&tab3=coursesummary&studentid=100001&action=form',
    expect: {
      readings: 1,
      sectionName: 'Fundamental Economics & Wealth Management (H)',
      teacher: 'Lee, Dana',
      students: 1,
      // 11 assignments: the Homework/Quizzes/Tests weight rows and the attendance rows are not assignments
      assignments: 11,
      cells: [
        { student: AVERY, assignment: 'Supply and Demand Quiz', raw: '39 / 42', points: 39, outOf: 42, percent: 92.9, missing: false },
        { student: AVERY, assignment: 'Supply Curve Group Quiz', raw: '13.5 / 14', points: 13.5, outOf: 14, percent: 96.4 },
      ],
      overall: [{ student: AVERY, percent: 96.5, letter: 'A' }],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const genesisParentInfo: AdapterInfo = {
  id: 'genesis-parent',
  label: 'Genesis (parent course summary)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => /\/genesis\/parents$/i.test(url.pathname)
        && url.searchParams.get('tab3') === 'coursesummary'
        && doc.querySelector(SELECTORS.course) !== null),
};

export const genesisParent: Adapter = /* @__PURE__ */ withReader(genesisParentInfo, readCourseSummary, cases);
