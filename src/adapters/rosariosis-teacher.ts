// RosarioSIS teacher Gradebook › Grades (`Modules.php?modname=Grades/Grades.php`): the grid of every
// student × assignment ("All", or one category tab), and the Totals list that opens first.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { CellFlags, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingSection, ReadingStudent } from '../core/types';
import { parsePercent, parseScore } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on rosariosis/teacher-gradebook-algebra.html, -algebra-quizzes.html and -algebra-totals.html
// (RosarioSIS 12.0, 2024) and on the earlier teacher-grades-algebra-grid.html (same version).
/** Parts of the selectors below asked of elements directly (`className`, an `href`), where a query would try
 * its whole selector on every element. Tags are told by `tagName` (upper-case in an HTML page): in Chromium it
 * costs less than `localName`, and these tests run for every row; by PageTypes where a type has one tag. */
const PARTS = { repeatedHeader: 'thead-repeat', studentHref: 'student_id=' } as const;

const SELECTORS = {
  /** the list table; a copy of its header row repeats at the bottom of tbody as `tr.thead-repeat` */
  table: 'table.list',
  /** the header row's cells, walked */
  header: ':scope > thead > tr > th',
  /** grid columns are `th.list-column-g{assignment id}` */
  assignmentHeader: 'th[class*="list-column-g"]',
  totalsPercentHeader: 'th.list-column-percent-grade',
  totalsCommentHeader: 'th.list-column-comment',
  /** the list's own rows, walked */
  row: ':scope > tbody > tr',
  studentLink: `a[href*="${PARTS.studentHref}"]`,
  /** a saved grade: the input exists only as a string in a script until the teacher clicks */
  savedGrade: 'span.uld',
  /** a cell without a grade has a real, empty input named `values[student][assignment][POINTS]` */
  gradeInput: 'input[name^="values["]',
  /** "/ 10" after the value */
  pointsLabel: 'label',
  /** "28 students were found." */
  foundCount: 'table.list-nav span.size-1',
  coursePeriod: 'select#period option[selected]',
  categoryTab: 'select#type_id option[selected]',
  signedInUser: 'span.username',
} as const;

const GRID_COLUMN = /\blist-column-g(\d+)\b/;
const STUDENT_ID = /[?&]student_id=(\d+)/;
const FOUND_COUNT = /^(\d+)\s/;

/** Text as a person sees it, by lines split at `<br>` ("Homework<br>HW 3.6 Point-Slope Form"), without
 * script source (grid cells carry one). */
function shownLines(element: Element): string[] {
  const lines = [''];
  addShownLines(element, lines);
  return lines.map(collapse).filter(Boolean);
}

function addShownLines(node: Node, lines: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) lines.push(`${lines.pop() ?? ''}${child.nodeValue ?? ''}`);
    else if (child.nodeType !== 1) continue;
    else if ((child as Element).tagName === 'BR') lines.push('');
    else if ((child as Element).tagName !== 'SCRIPT') addShownLines(child, lines);
  }
}

/**
 * The shown lines joined by spaces: the same as collapsing the text with a space at each `<br>`. A cell of
 * text alone, or with one element that holds text alone (`<b>C+</b>`), shows its `textContent` unless that
 * element is a `<br>` or a script: read whole, not node by node (in Chromium each DOM call costs about as
 * much as reading a cell's text, and a query to look for a `<br>` more).
 */
function shownText(element: Element, types: PageTypes | undefined): string {
  const first = element.firstElementChild;
  if (first === null || (first.nextElementSibling === null && first.firstElementChild === null && isPlain(first, types))) return collapse(element.textContent);
  return collapse(shownWords(element));
}

/** Neither a `<br>` nor a script. */
function isPlain(element: Element, types: PageTypes | undefined): boolean {
  if (types) return element.constructor !== types.br && element.constructor !== types.script;
  const tag = element.tagName;
  return tag !== 'BR' && tag !== 'SCRIPT';
}

function shownWords(node: Node): string {
  let text = '';
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType !== 1) continue;
    else if ((child as Element).tagName === 'BR') text += ' ';
    else if ((child as Element).tagName !== 'SCRIPT') text += shownWords(child);
  }
  return text;
}

function readAssignments(headers: Element[], tabCategory: string | undefined, problems: ReadingProblem[]): Array<ReadingAssignment | undefined> {
  return headers.map((th, index) => {
    const key = GRID_COLUMN.exec(th.className)?.[1];
    const lines = shownLines(th);
    const name = lines[lines.length - 1];
    if (!key || !name) {
      problems.push({ where: `column ${index + 2}`, reason: 'assignment header without an id or a title', raw: capRaw(collapse(th.textContent)) });
      return undefined;
    }
    // On a category tab the header is the title alone; the tab names the category.
    return { key, name, category: lines.length > 1 ? lines[0] : tabCategory };
  });
}

/** The row's student link (SELECTORS.studentLink): on every page seen the first element in its first cell,
 * which is then the first the query would find. Asked by tag and `href` first: in Chromium a query (or
 * `matches`) per row costs about a fifth of a Totals row. */
function studentLinkOf({ row, firstCell }: ListRow, types: PageTypes | undefined): { link: Element | null; href: string } {
  const first = firstCell?.firstElementChild;
  const isLink = first && (types ? first.constructor === types.link : first.tagName === 'A');
  const href = isLink ? first.getAttribute('href') : null;
  if (href?.includes(PARTS.studentHref)) return { link: first!, href };
  const link = row.querySelector(SELECTORS.studentLink);
  return { link, href: link?.getAttribute('href') ?? '' };
}

function studentOf(listRow: ListRow, index: number, problems: ReadingProblem[], types: PageTypes | undefined): ReadingStudent | undefined {
  const { link, href } = studentLinkOf(listRow, types);
  const id = STUDENT_ID.exec(href)?.[1];
  const name = link ? collapse(link.textContent) : '';
  if (!id || !name) {
    problems.push({ where: `row ${index + 1}`, reason: 'student row without a student id link or a name', raw: capRaw(shownText(listRow.row, types)) });
    return undefined;
  }
  return { key: id, name, vendorId: id };
}

/** The page's own types of `tr`, `a`, `br` and `script` elements (one tag each), to tell them by `constructor`
 * rather than by `tagName`: in Chromium the comparison costs no DOM call (Totals rows 7% faster). Undefined
 * for a document without a window (none that is shown), whose tags are asked. Cells keep their tag: `td`
 * and `th` share one type. */
interface PageTypes { row: typeof HTMLTableRowElement; link: typeof HTMLAnchorElement; br: typeof HTMLBRElement; script: typeof HTMLScriptElement }

function pageTypesOf(doc: Document): PageTypes | undefined {
  const view = doc.defaultView;
  return view ? { row: view.HTMLTableRowElement, link: view.HTMLAnchorElement, br: view.HTMLBRElement, script: view.HTMLScriptElement } : undefined;
}

/** A list row that holds a `td`, with its first element when that is a `td` (every row seen): the readers
 * start from that cell rather than ask the row again (in Chromium each DOM call costs about as much as
 * the test it serves). */
interface ListRow { row: Element; firstCell: Element | null }

/** The list's rows that hold a cell (`:scope > tbody > tr`, walked), without the repeated header row. */
function listRows(table: HTMLTableElement, types: PageTypes | undefined): ListRow[] {
  const rows: ListRow[] = [];
  const bodies = table.tBodies;
  for (let index = 0; index < bodies.length; index++) {
    for (let row = bodies[index]!.firstElementChild; row; row = row.nextElementSibling) {
      if (!(types ? row.constructor === types.row : row.tagName === 'TR') || isRepeatedHeader(row)) continue;
      const first = row.firstElementChild;
      const firstCell = first?.tagName === 'TD' ? first : null;
      if (firstCell || row.querySelector('td')) rows.push({ row, firstCell });
    }
  }
  return rows;
}

/** The copy of the header row at the bottom of tbody; most rows have no class at all. */
const isRepeatedHeader = (row: Element) => row.className !== '' && row.classList.contains(PARTS.repeatedHeader);

/** A row's `td` children, up to `limit` of them (walked, not `Array.from(row.children)`: cheaper on these short rows). */
function cellsOf(row: Element, limit = Infinity): Element[] {
  const cells: Element[] = [];
  for (let child = row.firstElementChild; child && cells.length < limit; child = child.nextElementSibling) {
    if (child.tagName === 'TD') cells.push(child);
  }
  return cells;
}

interface GridCell { raw: string; saved: boolean; td: Element }

/** A grid cell as shown: a saved grade, an empty input, or nothing (student not enrolled then). */
function gridCell(td: Element): GridCell | undefined {
  const saved = td.querySelector(SELECTORS.savedGrade);
  if (saved) return { raw: collapse(saved.textContent), saved: true, td };
  const input = td.querySelector(SELECTORS.gradeInput);
  return input ? { raw: collapse(input.getAttribute('value')), saved: false, td } : undefined;
}

const OUT_OF = /\/\s*(\d+(?:\.\d+)?)/;

/** The points possible a cell's label shows ("/ 10"): read only until its column knows them. */
function outOfShown(td: Element): number | undefined {
  const outOfText = OUT_OF.exec(collapse(td.querySelector(SELECTORS.pointsLabel)?.textContent))?.[1];
  return outOfText === undefined ? undefined : Number(outOfText);
}

/**
 * Vendor quirk: RosarioSIS draws the same empty input for work that is missing and for work not
 * yet due, and this grid shows no due dates. Rule: an empty cell in a column where the teacher has
 * entered scores for others is missing (RosarioSIS's Totals count it as 0); a column nobody has a
 * score in is not graded yet; empty optional extra credit (0 points possible) costs nothing and is
 * not missing work. In the fixture every assignment is past due, so only extra credit is spared.
 */
function emptyFlags(assignment: ReadingAssignment, columnHasScores: boolean): CellFlags {
  return assignment.pointsPossible === 0 || !columnHasScores ? { notGraded: true } : { missing: true };
}

function readGridRows(rows: ListRow[], assignments: Array<ReadingAssignment | undefined>, problems: ReadingProblem[], types: PageTypes | undefined) {
  const students: ReadingStudent[] = [];
  const seen = new Set<string>();
  const shown: Array<{ student: ReadingStudent; column: number; cell: GridCell }> = [];
  rows.forEach((listRow, index) => {
    const student = studentOf(listRow, index, problems, types);
    if (!student || seen.has(student.key)) return;
    seen.add(student.key);
    students.push(student);
    // the cells after the name cell, up to one per column
    let column = -1;
    for (let child = listRow.row.firstElementChild; child && column < assignments.length; child = child.nextElementSibling) {
      if (child.tagName !== 'TD') continue;
      if (column >= 0) {
        const cell = gridCell(child);
        if (cell) shown.push({ student, column, cell });
      }
      column += 1;
    }
    const cellCount = Math.max(column, 0);
    if (cellCount < assignments.length) problems.push({ where: `row ${student.name}`, reason: `cells for ${cellCount} of ${assignments.length} columns (page cut off?)` });
  });
  return { students, shown };
}

function toCells(shown: ReturnType<typeof readGridRows>['shown'], assignments: Array<ReadingAssignment | undefined>, problems: ReadingProblem[]): ReadingCell[] {
  for (const { column, cell } of shown) {
    const assignment = assignments[column];
    if (assignment && assignment.pointsPossible === undefined) assignment.pointsPossible = outOfShown(cell.td);
  }
  const scoredColumns = new Set(shown.filter(({ cell }) => cell.saved).map(({ column }) => column));
  const cells: ReadingCell[] = [];
  for (const { student, column, cell } of shown) {
    const assignment = assignments[column];
    if (!assignment) continue;
    const ids = { studentKey: student.key, assignmentKey: assignment.key, raw: cell.raw };
    // RosarioSIS stores excused as -1 and shows it as `*`.
    if (cell.raw === '*') cells.push({ ...ids, score: { flags: { excused: true } } });
    else if (!cell.raw) cells.push({ ...ids, score: { flags: emptyFlags(assignment, scoredColumns.has(column)) } });
    else {
      const score = parseScore(cell.raw, assignment.pointsPossible);
      if (score.unreadable) problems.push({ where: `cell ${student.name} × ${assignment.name}`, reason: score.unreadable, raw: capRaw(cell.raw) });
      else cells.push({ ...ids, score });
    }
  }
  return cells;
}

/** A `td`, told by its upper-case `tagName`. */
const isCell = (element: Element | null | undefined): element is Element => element?.tagName === 'TD';

/** Points, Percent and Letter: the three `td`s after the first cell on every row seen, else the row's second
 * to fourth `td`, wherever they are. */
function totalsCells({ row, firstCell }: ListRow): Array<Element | undefined> {
  const points = firstCell?.nextElementSibling;
  const percent = points?.nextElementSibling;
  const letter = percent?.nextElementSibling;
  if (isCell(points) && isCell(percent) && isCell(letter)) return [points, percent, letter];
  return cellsOf(row, 4).slice(1);
}

/** Totals: Student / Points ("290.5 / 370") / Percent (category-weighted) / Letter. */
function readTotalsRows(rows: ListRow[], problems: ReadingProblem[], types: PageTypes | undefined) {
  const students: ReadingStudent[] = [];
  const seen = new Set<string>();
  const overall: ReadingOverall[] = [];
  for (let index = 0; index < rows.length; index++) {
    const student = studentOf(rows[index]!, index, problems, types);
    if (!student || seen.has(student.key)) continue;
    seen.add(student.key);
    students.push(student);
    const [points, percentCell, letterCell] = totalsCells(rows[index]!);
    const pointsText = points ? shownText(points, types) : '';
    const percentText = percentCell ? shownText(percentCell, types) : '';
    const letterText = letterCell ? shownText(letterCell, types) : '';
    const percent = percentCell ? parsePercent(percentText) : undefined;
    const letter = letterText || undefined;
    if (percent === undefined && letter === undefined) {
      problems.push({ where: `row ${student.name}`, reason: 'no percent or letter in the totals row (page cut off?)', raw: capRaw(shownText(rows[index]!.row, types)) });
      continue;
    }
    overall.push({ studentKey: student.key, percent, letter, raw: capRaw(`${pointsText} · ${percentText} · ${letterText}`) });
  }
  return { students, overall };
}

function readSection(doc: Document, url: URL): ReadingSection | undefined {
  const option = doc.querySelector(SELECTORS.coursePeriod);
  const key = option?.getAttribute('value') || url.searchParams.get('period');
  if (!key) return undefined;
  const course = option?.parentElement?.tagName === 'OPTGROUP' ? option.parentElement.getAttribute('label') ?? undefined : undefined;
  // Grades › Gradebook is a teacher's own program: the signed-in user is the section's teacher.
  const teacher = collapse(doc.querySelector(SELECTORS.signedInUser)?.textContent) || undefined;
  return { key, name: course ?? (collapse(option?.textContent) || key), period: collapse(option?.textContent) || undefined, teacher };
}

/** The grid's assignment headers: the `SELECTORS.header` cells with a GRID_COLUMN class, walked along the
 * table's header rows (a query of the table would try its selector on every element of the grid). */
function gridHeaders(table: HTMLTableElement): Element[] {
  const headers: Element[] = [];
  for (let row = table.tHead?.firstElementChild; row; row = row.nextElementSibling) {
    if (row.tagName !== 'TR') continue;
    for (let th = row.firstElementChild; th; th = th.nextElementSibling) if (th.tagName === 'TH' && GRID_COLUMN.test(th.className)) headers.push(th);
  }
  return headers;
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  const table = doc.querySelector<HTMLTableElement>(SELECTORS.table);
  const section = readSection(doc, url);
  if (!table || !section) return { readings: [], problems: [{ where: 'page', reason: 'the gradebook list (table.list) or the course period was not found (page still loading?)' }] };
  const problems: ReadingProblem[] = [];
  const types = pageTypesOf(doc);
  const rows = listRows(table, types);
  const headers = gridHeaders(table);
  let students: ReadingStudent[];
  let assignments: ReadingAssignment[] = [];
  let cells: ReadingCell[] = [];
  let overall: ReadingOverall[] = [];
  if (headers.length > 0) {
    const tabOption = doc.querySelector(SELECTORS.categoryTab);
    const columns = readAssignments(headers, tabOption?.getAttribute('value') ? collapse(tabOption.textContent) : undefined, problems);
    const grid = readGridRows(rows, columns, problems, types);
    students = grid.students;
    cells = toCells(grid.shown, columns, problems);
    assignments = columns.filter((a): a is ReadingAssignment => a !== undefined);
  } else {
    ({ students, overall } = readTotalsRows(rows, problems, types));
  }
  const found = Number(FOUND_COUNT.exec(collapse(doc.querySelector(SELECTORS.foundCount)?.textContent))?.[1]);
  if (Number.isFinite(found) && found !== students.length) problems.push({ where: 'table', reason: `the page says ${found} students, ${students.length} rows were read (page cut off?)` });
  if (students.length === 0) problems.push({ where: 'table', reason: 'no student rows' });
  const reading: Reading = { adapterId: rosariosisTeacher.id, view: 'teacher-grid', url: url.href, readAt: now, section, students, assignments, cells, overall, problems };
  return { readings: [reading], problems: [] };
}

const SITE = 'http://127.0.0.1:8089/Modules.php?modname=Grades/Grades.php&period=1';

const cases: AdapterCase[] = [
  {
    fixture: 'rosariosis/teacher-gradebook-algebra.html',
    url: `${SITE}&assignment_id=all`,
    expect: {
      readings: 1, sectionName: 'Algebra 1', teacher: 'Elena Marsh', students: 28, assignments: 16, problems: 0,
      cells: [
        { student: 'Priya Raman', assignment: 'Quiz 4: Graphing Lines', raw: '21', points: 21, outOf: 20, percent: 105 },
        { student: 'Sofia Marquez', assignment: 'Quiz 2: Solving Equations', raw: '*', excused: true, missing: false },
        { student: 'Sofia Marquez', assignment: 'HW 2.4 Literal Equations', raw: '*', excused: true },
        { student: 'Marcus Bell', assignment: 'HW 3.5 Slope-Intercept Form', raw: '', missing: true },
        { student: 'Marcus Bell', assignment: 'HW 3.6 Point-Slope Form', raw: '6', points: 6, outOf: 10, percent: 60 },
        ...['HW 2.1 One-Step Equations', 'HW 2.4 Literal Equations', 'Quiz 3: Functions', 'HW 3.3 Rate of Change and Slope', 'HW 3.6 Point-Slope Form']
          .map((assignment) => ({ student: 'Tyler Hughes', assignment, raw: '', missing: true })),
        // optional extra credit left empty is not missing work
        { student: 'Tyler Hughes', assignment: 'Extra Credit: Desmos Art Project', raw: '', missing: false, notGraded: true },
        { student: 'Noah Fischer', assignment: 'HW 2.2 Multi-Step Equations', raw: '0', points: 0, outOf: 10, percent: 0, missing: false },
        // extra credit: 0 points possible, so points without a percent
        { student: 'Benjamin Carter', assignment: 'Extra Credit: Desmos Art Project', raw: '3', points: 3 },
      ],
    },
  },
  {
    fixture: 'rosariosis/teacher-gradebook-algebra-quizzes.html',
    url: `${SITE}&type_id=2&assignment_id=all`,
    expect: {
      readings: 1, students: 28, assignments: 4, problems: 0,
      cells: [
        { student: 'Sofia Marquez', assignment: 'Quiz 2: Solving Equations', raw: '*', excused: true },
        { student: 'Tyler Hughes', assignment: 'Quiz 3: Functions', raw: '', missing: true },
        { student: 'Priya Raman', assignment: 'Quiz 4: Graphing Lines', raw: '21', percent: 105 },
      ],
    },
  },
  {
    fixture: 'rosariosis/teacher-gradebook-algebra-totals.html',
    url: SITE,
    expect: {
      readings: 1, students: 28, assignments: 0, problems: 0,
      overall: [
        { student: 'Priya Raman', percent: 99.53, letter: 'A+' },
        { student: 'Marcus Bell', percent: 65.32, letter: 'D' },
        { student: 'Tyler Hughes', percent: 56.37, letter: 'F' },
        { student: 'Sofia Marquez', percent: 85.19, letter: 'B' },
        { student: 'Lucia Romero', percent: 82.23, letter: 'B-' },
        // weighted by category, not Points ÷ possible (290.5 / 370 would be 78.51)
        { student: 'Aaliyah Johnson', percent: 78.36, letter: 'C+' },
      ],
    },
  },
  {
    // an earlier capture in which two assignments were not yet due: empty for everyone = not graded
    fixture: 'rosariosis/teacher-grades-algebra-grid.html',
    url: 'http://127.0.0.1:8189/Modules.php?modname=Grades/Grades.php&period=301&assignment_id=all',
    expect: {
      readings: 1, students: 28, assignments: 14, problems: 0,
      cells: [
        { student: 'Avery Stone', assignment: 'Quiz 5B Applications', raw: '5', points: 5, outOf: 20, percent: 25 },
        { student: 'Diego Nguyen', assignment: 'HW 4.2 Point-Slope', raw: '*', excused: true },
        { student: 'Jordan Rivera', assignment: 'HW 5.3 Elimination', raw: '', missing: true },
        { student: 'Avery Stone', assignment: 'HW 6.1 Inequalities', raw: '', missing: false, notGraded: true },
        { student: 'Jordan Rivera', assignment: 'Test Unit 5 Systems', raw: '', missing: false, notGraded: true },
      ],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const rosariosisTeacherInfo: AdapterInfo = {
  id: 'rosariosis-teacher',
  label: 'RosarioSIS (teacher gradebook grades)',
  view: 'teacher-grid',
  status: 'verified',
  matches: safeMatches((url, doc) => {
    const params = url.searchParams;
    if (!/\/Modules\.php$/i.test(url.pathname) || params.get('modname') !== 'Grades/Grades.php') return false;
    // one assignment (assignment_id=8) and one student (student_id=1) are other views of this program
    if (params.has('student_id') || !['', 'all'].includes(params.get('assignment_id') ?? '')) return false;
    const table = doc.querySelector(SELECTORS.table);
    if (!table) return false;
    const totals = table.querySelector(SELECTORS.totalsPercentHeader) !== null && table.querySelector(SELECTORS.totalsCommentHeader) === null;
    return totals || table.querySelector(SELECTORS.assignmentHeader) !== null;
  }),
};

export const rosariosisTeacher: Adapter = /* @__PURE__ */ withReader(rosariosisTeacherInfo, readPage, cases);
