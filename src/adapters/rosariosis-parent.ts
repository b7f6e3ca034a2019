// RosarioSIS "Gradebook Grades" for parents and students (`Modules.php?modname=Grades/StudentGrades.php`):
// the Totals list (one row per course: percent and letter), one course's assignments (`&id=N`) and
// every course's assignments at once (`&id=all`). One Reading per course shown.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingSection, ReadingStudent } from '../core/types';
import { normaliseName, parsePercent, parseScore } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on rosariosis/parent-student-grades.html, -algebra.html, -all.html and
// student-student-grades.html (RosarioSIS 12.0, 2024).
/** Classes asked of elements directly (`classList`), each part of a selector below. Tags are told by `tagName`
 * (upper-case in an HTML page): in Chromium it costs less than `localName`, and these tests run for every cell. */
const CLASSES = { list: 'list-outer', header: 'header', details: 'hide', totalsTeacher: 'list-column-teacher', assignmentPoints: 'list-column-points' } as const;

const SELECTORS = {
  /** each course (or the Totals) is a `div.list-outer` after a `table.header` naming it */
  list: `div.${CLASSES.list}`,
  table: 'table.list',
  /** "15 assignments were found." */
  foundCount: 'table.list-nav span.size-1',
  /** direct rows only: each title cell nests the details' own tables */
  row: ':scope > tbody > tr',
  totalsTitleHeader: 'th.list-column-title',
  /** the Totals and a course's assignments are told apart by these header cells */
  totalsTeacherHeader: `th.${CLASSES.totalsTeacher}`,
  assignmentPointsHeader: `th.${CLASSES.assignmentPoints}`,
  assignmentCategoryHeader: 'th.list-column-category',
  header: `table.${CLASSES.header}`,
  headerBold: 'td.header2 b',
  /** the side menu's script names the student shown (`menuStudentID`) and the signed-in staff member */
  inlineScript: 'script:not([src])',
  /** a parent picks the child here; the signed-in student has no such select */
  childSelect: 'select#student_id',
  signedInUser: 'span.username',
  /** the assignment's hidden details (colorbox popup): dates, course, teacher, full title */
  details: `div.${CLASSES.details}`,
  detailField: 'td.header2',
  assignmentLink: 'a[href^="#ASSIGNMENT_"]',
  /** a long title is cut to 33 characters with the full one in `title` */
  fullTitle: 'span[title]',
  /** RosarioSIS draws a missing grade (no grade row) as a red 0 and adds a red "No Grade" comment */
  missingPoints: 'span[style*="red"]',
} as const;

/** `var menuStudentID="1", menuStaffID="3", …` in the side menu's script: who is shown and who is signed in. */
const MENU_STUDENT = /\bmenuStudentID\s*=\s*"(\d+)"/;
const MENU_STAFF = /\bmenuStaffID\s*=\s*"(\d*)"/;
const ISO_DATE = /\b(\d{4}-\d{2}-\d{2})\b/;
const LIST_COLUMN = /\blist-column-(\w+)/;
const FOUND_COUNT = /^(\d+)\s/;
const ASSIGNMENT_HREF = /^#ASSIGNMENT_(\d+)$/;
/** "Period 2 - Elena Marsh": the teacher after the dash */
const HEADER_TEACHER = /\s-\s(.+)$/;
const COMMENT_NODE = 8;

/** Text as a person sees it: without the hidden details popup and without scripts. */
function shownText(element: Element | null | undefined): string {
  if (!element) return '';
  // Most cells hold text alone, or one element alone (`<b>D</b>`, a link): their text is read whole, not
  // node by node (in Chromium each DOM call costs about as much as reading a cell's text).
  const first = element.firstElementChild;
  if (first === null) return collapse(element.textContent);
  if (element.firstChild === first && first.nextSibling === null && !isHidden(first)) return shownText(first);
  return collapse(shownWords(element));
}

/** The shown text before collapsing its spaces; each element's text set off by spaces ("Points:" "<b>10</b>"). */
function shownWords(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.nodeValue ?? '';
    else if (node.nodeType === 1 && !isHidden(node as Element)) text += ` ${shownWords(node as Element)} `;
  }
  return text;
}

/** SELECTORS.details, told by tag (passed when already read) and class rather than `matches`. */
const isDetails = (element: Element, tag = element.tagName) => tag === 'DIV' && element.classList.contains(CLASSES.details);

/** `SELECTORS.details` or a script, told by name and class rather than `matches` on every element. */
function isHidden(element: Element): boolean {
  const tag = element.tagName;
  return tag === 'SCRIPT' || isDetails(element, tag);
}

/** The side menu's script (`var menuStudentID="1", …`) and the student it names: on every page seen the first
 * inline script (asked first: the query stops there, near the top), else the first inline script naming one. */
function menuScript(doc: Document): { text: string; studentId: string } | undefined {
  const first = doc.querySelector(SELECTORS.inlineScript)?.textContent ?? '';
  const studentId = MENU_STUDENT.exec(first)?.[1];
  if (studentId) return { text: first, studentId };
  const scripts = doc.querySelectorAll(SELECTORS.inlineScript);
  for (let index = 0; index < scripts.length; index++) {
    const text = scripts[index]!.textContent ?? '';
    const id = MENU_STUDENT.exec(text)?.[1];
    if (id) return { text, studentId: id };
  }
  return undefined;
}

function readStudent(doc: Document): ReadingStudent | undefined {
  const option = doc.querySelector(`${SELECTORS.childSelect} option[selected]`) ?? doc.querySelector(`${SELECTORS.childSelect} option`);
  if (option) {
    const id = option.getAttribute('value')?.trim();
    const name = collapse(option.textContent);
    return id && name ? { key: id, name, vendorId: id } : undefined;
  }
  const menu = menuScript(doc);
  // Only when no staff member is signed in is the signed-in user the student shown.
  const staffId = menu ? MENU_STAFF.exec(menu.text)?.[1] : undefined;
  const name = collapse(doc.querySelector(SELECTORS.signedInUser)?.textContent);
  return menu && staffId === '' && name ? { key: menu.studentId, name, vendorId: menu.studentId } : undefined;
}

/** The hidden details' fields that are read: each the `<b>` after its label. */
interface DetailFields { courseTitle?: Element; teacher?: Element; title?: Element; dueDate?: Element }

/** The labels of the fields that are read, lower-cased without their colon. */
const DETAIL_LABELS = new Map<string, keyof DetailFields>([['course title', 'courseTitle'], ['teacher', 'teacher'], ['title', 'title'], ['due date', 'dueDate']]);

/** Every label as RosarioSIS writes it (`Due Date: `) → the field it names, or null for a field not read:
 * most labels are found here, without normalising their text (seven labels in each of the rows). */
const SHOWN_LABELS = new Map<string, keyof DetailFields | null>([
  ['Due Date: ', 'dueDate'], ['Assigned Date: ', null], ['Course Title: ', 'courseTitle'], ['Teacher: ', 'teacher'],
  ['Title: ', 'title'], ['Category: ', null], ['Points: ', null],
]);

/** The field a label names (DETAIL_LABELS), for a label written otherwise than SHOWN_LABELS has it. */
function fieldOfLabel(label: string): keyof DetailFields | undefined {
  const text = collapse(label);
  return DETAIL_LABELS.get((text.endsWith(':') ? text.slice(0, -1) : text).toLowerCase());
}

/** The hidden details' labelled fields ("Course Title:", "Teacher:", "Title:", "Due Date:"); a label given twice, its last. */
function detailFields(details: Element | null): DetailFields {
  const fields: DetailFields = {};
  if (!details) return fields;
  const tds = details.querySelectorAll(SELECTORS.detailField);
  // by index: in Chromium, iterating a NodeList with for…of costs more than reading each label
  for (let index = 0; index < tds.length; index++) {
    const td = tds[index]!;
    const label = td.firstChild?.textContent ?? '';
    const shown = SHOWN_LABELS.get(label);
    const field = shown === undefined ? fieldOfLabel(label) : shown;
    const value = field ? firstBold(td) : null;
    if (field && value) fields[field] = value;
  }
  return fields;
}

/** The first `<b>` in a field: the field's first element on every page seen, else wherever the query finds it. */
function firstBold(field: Element): Element | null {
  const first = field.firstElementChild;
  return first?.tagName === 'B' ? first : field.querySelector('b');
}

/** The ISO date RosarioSIS writes in a comment before the shown date (`<!-- 2024-10-14 -->`): the first
 * comment below the element, in page order, that holds one. Walked by hand: the field is a few nodes, and
 * a TreeWalker costs more to create than the walk. */
function isoDateIn(element: Element | undefined): string | undefined {
  if (!element) return undefined;
  for (let node = element.firstChild; node; node = node.nextSibling) {
    const date = node.nodeType === COMMENT_NODE ? ISO_DATE.exec(node.nodeValue ?? '')?.[1] : node.nodeType === 1 ? isoDateIn(node as Element) : undefined;
    if (date) return date;
  }
  return undefined;
}

/**
 * Sections have no id on the Expand All page, so every view keys a course by its title and teacher,
 * the same on all three pages (a student does not take one course twice from one teacher).
 */
function sectionOf(course: string, teacher: string | undefined, period?: string): ReadingSection {
  return { key: teacher ? `${normaliseName(course)}|${normaliseName(teacher)}` : normaliseName(course), name: course, teacher, period };
}

interface ListBlock { header?: Element; list: Element; table: Element; rows: Element[]; headers: Element[] }

/** The `div.list-outer` blocks, with the table in each and the header before it. */
function listBlocks(doc: Document): ListBlock[] {
  const blocks: ListBlock[] = [];
  const lists = doc.querySelectorAll(SELECTORS.list);
  for (let index = 0; index < lists.length; index++) {
    const list = lists[index]!;
    const table = list.querySelector(SELECTORS.table);
    if (!table) continue;
    const previous = list.previousElementSibling;
    const header = previous?.tagName === 'TABLE' && previous.classList.contains(CLASSES.header) ? previous : undefined;
    blocks.push({ header, list, table, rows: dataRows(table), headers: headerCells(table) });
  }
  return blocks;
}

/** The list's own rows that hold a `td` (`:scope > tbody > tr`), by walking children. */
function dataRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let tbody = table.firstElementChild; tbody; tbody = tbody.nextElementSibling) {
    if (tbody.tagName !== 'TBODY') continue;
    for (let row = tbody.firstElementChild; row; row = row.nextElementSibling) {
      if (row.tagName === 'TR' && (hasChildNamed(row, 'TD') || row.querySelector('td'))) rows.push(row);
    }
  }
  return rows;
}

function hasChildNamed(element: Element, tag: string): boolean {
  for (let child = element.firstElementChild; child; child = child.nextElementSibling) if (child.tagName === tag) return true;
  return false;
}

/** An element's children of one tag (`TD`), up to `limit` of them: the list's own rows (`:scope > tbody > tr`,
 * `:scope > thead`) found by walking its children, not by a query through every details table nested in its cells. */
function childrenNamed(element: Element, tag: string, limit = Infinity): Element[] {
  const children: Element[] = [];
  for (let child = element.firstElementChild; child && children.length < limit; child = child.nextElementSibling) {
    if (child.tagName === tag) children.push(child);
  }
  return children;
}

/** The list's header cells (`:scope > thead th`). */
function headerCells(table: Element): Element[] {
  const cells: Element[] = [];
  for (const thead of childrenNamed(table, 'THEAD')) {
    const ths = thead.querySelectorAll('th');
    for (let index = 0; index < ths.length; index++) cells.push(ths[index]!);
  }
  return cells;
}

/** Each column's name by position (`list-column-title` → `title`; a name's first column is the one read),
 * and how many cells of a row reach the last column that is read. */
interface Columns { names: Array<string | undefined>; reach: number }

function listColumns(headers: Element[], read: readonly string[]): Columns {
  const names = headers.map((th) => LIST_COLUMN.exec(th.className)?.[1]);
  let reach = 0;
  for (const column of read) reach = Math.max(reach, names.indexOf(column) + 1);
  return { names, reach };
}

/** A row's cells up to the last column read (the rest are never looked at). */
const rowCells = (row: Element, columns: Columns) => childrenNamed(row, 'TD', columns.reach);

/** A row's cell in the named column (its `td` children by position). */
function cellIn(tds: Element[], columns: Columns, column: string): Element | undefined {
  const index = columns.names.indexOf(column);
  return index < 0 ? undefined : tds[index];
}

function checkCount(block: ListBlock, where: string, problems: ReadingProblem[]): void {
  const found = Number(FOUND_COUNT.exec(collapse(block.list.querySelector(SELECTORS.foundCount)?.textContent))?.[1]);
  if (Number.isFinite(found) && found !== block.rows.length) problems.push({ where, reason: `the page says ${found} rows, ${block.rows.length} were read (page cut off?)` });
}

/** The columns read on the Totals and on an assignment list. */
const TOTALS_COLUMNS = ['title', 'teacher', 'percent', 'grade'] as const;
const ASSIGNMENT_COLUMNS = ['title', 'category', 'points'] as const;

type ReadingBase = Omit<Reading, 'section' | 'assignments' | 'cells' | 'overall' | 'problems'>;

/** Totals: Course Title (linked `&id=N`) / Teacher / Ungraded / Percent / Letter → one Reading per course. */
function readTotals(block: ListBlock, base: ReadingBase, problems: ReadingProblem[]): Reading[] {
  checkCount(block, 'course list', problems);
  const columns = listColumns(block.headers, TOTALS_COLUMNS);
  const readings: Reading[] = [];
  block.rows.forEach((row, index) => {
    const reading = readCourseTotal(rowCells(row, columns), columns, base);
    if (reading) readings.push(reading);
    else problems.push({ where: `course row ${index + 1}`, reason: 'course row without a title', raw: capRaw(shownText(row)) });
  });
  return readings;
}

/** One course of the Totals; undefined for a row without a course title. */
function readCourseTotal(tds: Element[], columns: Columns, base: ReadingBase): Reading | undefined {
  const course = shownText(cellIn(tds, columns, 'title'));
  if (!course) return undefined;
  const section = sectionOf(course, shownText(cellIn(tds, columns, 'teacher')) || undefined);
  const percentText = shownText(cellIn(tds, columns, 'percent'));
  const letter = shownText(cellIn(tds, columns, 'grade')) || undefined;
  const percent = parsePercent(percentText);
  const overall: ReadingOverall[] = percent === undefined && (letter === undefined || letter === 'N/A') ? []
    : [{ studentKey: base.students[0]!.key, percent, letter: letter === 'N/A' ? undefined : letter, raw: capRaw(percentText && letter ? `${percentText} ${letter}` : percentText || letter || '') }];
  return { ...base, section, assignments: [], cells: [], overall, problems: [] };
}

/** `6 / 10` → `6`, `10`: the text before the first slash and up to the next, as splitting at slashes gives
 * them; trimmed, which collapses them as the whole is collapsed already. */
function pointsAndPossible(raw: string): [string, string] {
  const slash = raw.indexOf('/');
  if (slash < 0) return [raw.trim(), ''];
  const next = raw.indexOf('/', slash + 1);
  return [raw.slice(0, slash).trim(), raw.slice(slash + 1, next < 0 ? undefined : next).trim()];
}

/** Points / Possible as shown: `6 / 10`, `* / 25` (excused), red `0 / 10` (no grade entered: missing). */
function readPoints(td: Element, possible: number | undefined, pointsText: string): ParsedScore {
  const outOf = possible !== undefined && possible > 0 ? possible : undefined;
  if (pointsText === '*') return { outOf, flags: { excused: true } };
  // Assignments reach this list only once past due (or graded), and RosarioSIS counts a missing grade as 0.
  // Most points cells are text alone: only one with elements can hold the red span.
  if (td.firstElementChild && td.querySelector(SELECTORS.missingPoints)) return { outOf, flags: { missing: true } };
  // extra credit (0 points possible) has points but no percent
  return parseScore(pointsText, outOf);
}

interface AssignmentRow { assignment: ReadingAssignment; cell: Omit<ReadingCell, 'studentKey'>; fields: DetailFields }

/** The title cell's hidden details: its first child on every page seen, else wherever the query finds it. */
function detailsIn(titleCell: Element | undefined): Element | null {
  const first = titleCell?.firstElementChild;
  if (first && isDetails(first)) return first;
  return titleCell?.querySelector(SELECTORS.details) ?? null;
}

function readAssignmentRow(row: Element, columns: Columns, where: string, problems: ReadingProblem[]): AssignmentRow | undefined {
  const tds = rowCells(row, columns);
  const cell = (column: string) => cellIn(tds, columns, column);
  const titleCell = cell('title');
  const fields = detailFields(detailsIn(titleCell));
  const link = titleCell?.querySelector(SELECTORS.assignmentLink);
  const name = collapse(fields.title?.textContent) || collapse(link?.querySelector(SELECTORS.fullTitle)?.getAttribute('title')) || shownText(titleCell);
  const pointsCell = cell('points');
  if (!name || !pointsCell) {
    problems.push({ where, reason: 'assignment row without a title or a points cell', raw: capRaw(shownText(row)) });
    return undefined;
  }
  const id = ASSIGNMENT_HREF.exec(link?.getAttribute('href') ?? '')?.[1];
  const raw = shownText(pointsCell);
  const [pointsText, possibleText] = pointsAndPossible(raw);
  const pointsPossible = parsePercent(possibleText);
  const score = readPoints(pointsCell, pointsPossible, pointsText);
  if (score.unreadable) {
    problems.push({ where: `${where} (${name})`, reason: score.unreadable, raw: capRaw(raw) });
    return undefined;
  }
  const assignment: ReadingAssignment = {
    key: id ?? normaliseName(name), name, category: shownText(cell('category')) || undefined,
    dueDate: isoDateIn(fields.dueDate), pointsPossible,
  };
  return { assignment, cell: { assignmentKey: assignment.key, raw, score }, fields };
}

/** The first course title (or teacher) the rows' details show: every assignment of a course repeats them. */
function firstField(rows: AssignmentRow[], field: 'courseTitle' | 'teacher'): string | undefined {
  for (const row of rows) {
    const text = collapse(row.fields[field]?.textContent);
    if (text) return text;
  }
  return undefined;
}

/** One course's assignments: Title / Category / Points / Possible / Percent / Letter / Comment. */
function readCourse(block: ListBlock, expandAll: boolean, base: ReadingBase, problems: ReadingProblem[]): Reading | undefined {
  const readingProblems: ReadingProblem[] = [];
  const columns = listColumns(block.headers, ASSIGNMENT_COLUMNS);
  const rows = block.rows.map((row, index) => readAssignmentRow(row, columns, `assignment row ${index + 1}`, readingProblems)).filter((row): row is AssignmentRow => row !== undefined);
  // Expand All heads each course "Period 2 - Elena Marsh"; one course's page "Algebra 1 - Algebra 1".
  const headerBold = collapse(block.header?.querySelector(SELECTORS.headerBold)?.textContent) || undefined;
  const headerTeacher = () => HEADER_TEACHER.exec(shownText(block.header?.querySelector('td.header2')))?.[1];
  const course = firstField(rows, 'courseTitle') ?? (expandAll ? undefined : headerBold);
  const teacher = firstField(rows, 'teacher') ?? (expandAll ? headerTeacher() : undefined);
  if (!course) {
    problems.push({ where: `course ${headerBold ?? '?'}`, reason: 'the course title is not shown (no assignment details): course skipped' });
    return undefined;
  }
  checkCount(block, `course ${course}`, readingProblems);
  const assignments: ReadingAssignment[] = [];
  const keys = new Set<string>();
  const cells: ReadingCell[] = [];
  for (const row of rows) {
    if (keys.has(row.assignment.key)) {
      readingProblems.push({ where: `assignment ${row.assignment.name}`, reason: 'listed twice: second row skipped' });
      continue;
    }
    keys.add(row.assignment.key);
    assignments.push(row.assignment);
    cells.push({ studentKey: base.students[0]!.key, ...row.cell });
  }
  const section = sectionOf(course, teacher, expandAll ? headerBold : undefined);
  return { ...base, section, assignments, cells, overall: [], problems: readingProblems };
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  const blocks = listBlocks(doc);
  const student = readStudent(doc);
  if (blocks.length === 0 || !student) {
    return { readings: [], problems: [{ where: 'page', reason: blocks.length === 0 ? 'no grades list (table.list) on the page (page still loading, or no grades yet?)' : 'the student shown was not found (no student select, and the signed-in user is not a student)' }] };
  }
  const problems: ReadingProblem[] = [];
  const base = { adapterId: rosariosisParent.id, view: rosariosisParent.view, url: url.href, readAt: now, students: [student] };
  const readings: Reading[] = [];
  for (const block of blocks) {
    // the header cells only: a query over the whole list would go through every assignment's details
    const { headers } = block;
    if (headers.some((th) => th.classList.contains(CLASSES.totalsTeacher))) readings.push(...readTotals(block, base, problems));
    else if (headers.some((th) => th.classList.contains(CLASSES.assignmentPoints))) {
      const reading = readCourse(block, url.searchParams.get('id') === 'all', base, problems);
      if (reading) readings.push(reading);
    }
  }
  if (readings.length === 0) problems.push({ where: 'page', reason: 'no course could be read' });
  return { readings, problems };
}

const SITE = 'http://127.0.0.1:8089/Modules.php?modname=Grades/StudentGrades.php';
const MARCUS = 'Marcus Bell';
// One reading per course, all of the same student: the per-course overall grades are asserted in
// tests/adapters/rosariosis-parent.test.ts (the generic check expects one overall per student name).
const totalsFacts: AdapterCase['expect'] = { readings: 3, students: 3, assignments: 0, problems: 0, sectionName: 'Algebra 1', teacher: 'Elena Marsh' };

const cases: AdapterCase[] = [
  {
    fixture: 'rosariosis/parent-student-grades.html',
    url: SITE,
    expect: { ...totalsFacts },
  },
  {
    fixture: 'rosariosis/student-student-grades.html',
    url: SITE,
    expect: { ...totalsFacts },
  },
  {
    fixture: 'rosariosis/parent-student-grades-algebra.html',
    url: `${SITE}&id=1`,
    expect: {
      readings: 1, sectionName: 'Algebra 1', teacher: 'Elena Marsh', students: 1, assignments: 15, problems: 0,
      cells: [
        { student: MARCUS, assignment: 'HW 3.5 Slope-Intercept Form', raw: '0 / 10', missing: true, outOf: 10 },
        { student: MARCUS, assignment: 'Unit 2 Test: Linear Functions', raw: '50 / 100', points: 50, outOf: 100, percent: 50, missing: false },
        { student: MARCUS, assignment: 'HW 3.6 Point-Slope Form', raw: '6 / 10', points: 6, percent: 60 },
        { student: MARCUS, assignment: 'Unit 1 Test: Equations', raw: '62 / 100', points: 62 },
      ],
    },
  },
  {
    fixture: 'rosariosis/parent-student-grades-all.html',
    url: `${SITE}&id=all`,
    expect: {
      readings: 3, students: 3, assignments: 15 + 12 + 6, problems: 0, teacher: 'David Okafor', sectionName: 'Biology',
      cells: [
        { student: MARCUS, assignment: 'Lab 3: Osmosis in Potato Cells', raw: '* / 25', excused: true, outOf: 25 },
        { student: MARCUS, assignment: 'HW 3.5 Slope-Intercept Form', raw: '0 / 10', missing: true },
        // cut to 33 characters on the page; the full title comes from the assignment's details
        { student: MARCUS, assignment: 'Reading Response: Of Mice and Men, Ch. 1-3', raw: '10 / 10', points: 10, percent: 100 },
      ],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const rosariosisParentInfo: AdapterInfo = {
  id: 'rosariosis-parent',
  label: 'RosarioSIS (parent/student gradebook grades)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => {
    if (!/\/Modules\.php$/i.test(url.pathname) || url.searchParams.get('modname') !== 'Grades/StudentGrades.php') return false;
    const table = doc.querySelector(SELECTORS.table);
    return table !== null && (table.querySelector(SELECTORS.totalsTitleHeader) !== null || table.querySelector(SELECTORS.assignmentCategoryHeader) !== null);
  }),
};

export const rosariosisParent: Adapter = /* @__PURE__ */ withReader(rosariosisParentInfo, readPage, cases);
