// The Heads-Up demo gradebook (tests/site): a teacher's grid of one section, students × assignments.
// Its markup is ours and written down in tests/site/README.md, so this adapter is the reference for
// what a teacher-grid reading looks like.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { CellFlags, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { parseExactScore, parsePercent, parseScore } from '../core/score-parse';
import { capRaw, collapse, isHtmlSpace } from '../core/text';

// Checked on the pages tests/site/gradebook-render.js draws (the contract in tests/site/README.md).
const SELECTORS = {
  page: 'main[data-gradebook="heads-up-demo"]',
  table: 'table#grade-grid',
  assignmentHeader: 'thead th.assignment',
  assignmentName: '.a-name',
  row: 'tbody tr.student-row',
  studentName: 'th.student-name',
  value: 'span.value',
  percent: 'span.pct',
  letter: 'span.letter',
} as const;

/** The classes of a row's cells and of a cell's value, told without queries (see readRowCells). */
const CLASSES = { score: 'score', overall: 'overall', value: 'value' } as const;

const TABLE_NOT_FOUND = 'grade table #grade-grid not found (page still loading?)';

/** The assignments in header order, and each one's position by key (cells are looked up by key). */
interface Columns {
  assignments: ReadingAssignment[];
  positions: Map<string, number>;
}

function readAssignments(table: Element, problems: ReadingProblem[]): Columns {
  const assignments: ReadingAssignment[] = [];
  const positions = new Map<string, number>();
  table.querySelectorAll(SELECTORS.assignmentHeader).forEach((th, index) => {
    const key = th.getAttribute('data-assignment-id')?.trim();
    const name = collapse(th.querySelector(SELECTORS.assignmentName)?.textContent);
    if (!key || !name || positions.has(key)) {
      problems.push({ where: `column ${index + 3}`, reason: 'assignment header without a unique id or a name', raw: capRaw(collapse(th.textContent)) });
      return;
    }
    const points = Number(th.getAttribute('data-points'));
    assignments.push({
      key,
      name,
      category: th.getAttribute('data-category') ?? undefined,
      dueDate: th.getAttribute('data-due') ?? undefined,
      pointsPossible: Number.isFinite(points) && points > 0 ? points : undefined,
    });
    positions.set(key, assignments.length - 1);
  });
  return { assignments, positions };
}

/** Is `name` one of the classes in a `class` attribute? What classList.contains answers, without asking the DOM for a classList. */
function hasClass(classes: string | null, name: string): boolean {
  if (classes === null) return false;
  if (classes === name) return true;
  for (let at = classes.indexOf(name); at >= 0; at = classes.indexOf(name, at + 1)) {
    const end = at + name.length;
    const startsToken = at === 0 || isHtmlSpace(classes.charCodeAt(at - 1));
    if (startsToken && (end === classes.length || isHtmlSpace(classes.charCodeAt(end)))) return true;
  }
  return false;
}

/** The `class` attribute (`className` is the cheap way to ask, but is not a string on SVG elements). */
function classesOf(element: Element): string | null {
  const classes: unknown = element.className;
  return typeof classes === 'string' ? classes : element.getAttribute('class');
}

/** The text of the cell's `span.value`, found by query, else the whole cell's: the way for cells that do not start with one. */
function queriedCellText(td: Element): string {
  return (td.querySelector(SELECTORS.value) ?? td).textContent ?? '';
}

const TEXT_NODE = 3;

/**
 * The score cell's shown value, as written: its `span.value`, else all its text. A cell whose one child
 * is its text, or a span with only text in it, says the same either way: its text is read without asking
 * the span for its class (most cells; the span's attributes are one more fetch from memory per cell).
 * Otherwise a first child `span.value` is taken without a query, else the query decides.
 */
function cellText(td: Element, spanType: typeof HTMLSpanElement | undefined): string {
  const only = td.firstChild;
  if (only !== null && only === td.lastChild) {
    // the span first: telling it costs no DOM call, and most cells hold one
    if (only.constructor === spanType && (only as Element).firstElementChild === null) return only.textContent ?? '';
    if (only.nodeType === TEXT_NODE) return only.textContent ?? '';
  }
  const first = td.firstElementChild;
  if (first !== null && first.constructor === spanType && hasClass(classesOf(first), CLASSES.value)) return first.textContent ?? '';
  return queriedCellText(td);
}

/**
 * The flags the page writes as classes on a score cell (`missing`, `late`, `excused`), set one by one:
 * setting them by a computed name gave every cell's flags its own shape, which cost more than the check.
 */
function addClassFlags(classes: string | null, flags: CellFlags): void {
  if (hasClass(classes, 'missing')) flags.missing = true;
  if (hasClass(classes, 'late')) flags.late = true;
  if (hasClass(classes, 'excused')) flags.excused = true;
}

/** The column a cell belongs to: cells come in header order, so the next column is tried before the lookup. */
function columnOf(id: string | null, expected: number, columns: Columns): number {
  if (id === null) return -1;
  if (columns.assignments[expected]?.key === id) return expected;
  return columns.positions.get(id) ?? -1;
}

const cellWhere = (student: ReadingStudent, assignment: string | null) => `cell ${student.name} × ${assignment ?? '?'}`;

/**
 * The page's own element types, to tell elements apart without asking the DOM (undefined when the page
 * has no window: tags are asked then). An element's `constructor` is compared, not `instanceof` or its
 * tag: in Chromium either costs as much per cell as a tenth of the whole read. An element of a subclass
 * (a customized built-in) is not taken for a cell.
 */
interface ElementTypes {
  cell: typeof HTMLTableCellElement;
  span: typeof HTMLSpanElement;
}

/** A table cell (`td` or `th`), told by its type when the page's types are known. */
function isTableCell(element: Element, types: ElementTypes | undefined): boolean {
  if (types) return element.constructor === types.cell;
  const tag = element.localName;
  return tag === 'td' || tag === 'th';
}

/** What reading the rows needs and yields. */
interface RowsRead {
  columns: Columns;
  types: ElementTypes | undefined;
  students: ReadingStudent[];
  cells: ReadingCell[];
  overall: ReadingOverall[];
  problems: ReadingProblem[];
}

/**
 * Reads one score cell of the row; returns the column it filled (-1 for none). `next` is the column
 * expected next, `filled` marks the row's columns already filled.
 */
function readScoreCell(td: Element, classes: string | null, student: ReadingStudent, read: RowsRead, filled: Uint8Array, next: number): number {
  const { assignments } = read.columns;
  const id = td.getAttribute('data-assignment-id');
  const column = columnOf(id, next, read.columns);
  const assignment = assignments[column];
  const shown = cellText(td, read.types?.span);
  // most cells are written exactly as a score (`12/15`, `M`): read as they are, with nothing to collapse
  const exact = assignment ? parseExactScore(shown, assignment.pointsPossible) : undefined;
  const raw = exact ? shown : collapse(shown);
  if (!assignment || filled[column]) {
    read.problems.push({ where: cellWhere(student, assignment?.name ?? id), reason: 'score cell for an unknown or repeated assignment', raw: capRaw(raw) });
    return -1;
  }
  filled[column] = 1;
  const score = exact ?? parseScore(raw, assignment.pointsPossible);
  if (score.unreadable) {
    read.problems.push({ where: cellWhere(student, assignment.name), reason: score.unreadable, raw: capRaw(raw) });
    return column;
  }
  if (classes !== CLASSES.score) addClassFlags(classes, score.flags);
  read.cells.push({ studentKey: student.key, assignmentKey: assignment.key, raw, score });
  return column;
}

/**
 * Reads the row's own cells in one walk of its children: its score cells (`.score`) and the first
 * `.overall`. Cells inside a cell (a table in a table) are not the row's: a walk, not a query, is both
 * what the grid means and far cheaper (a grid has thousands of cells).
 */
function readRowCells(row: Element, student: ReadingStudent, read: RowsRead): void {
  const { assignments } = read.columns;
  const filled = new Uint8Array(assignments.length);
  let filledCount = 0;
  let overall: Element | undefined;
  for (let td = row.firstElementChild; td; td = td.nextElementSibling) {
    if (!isTableCell(td, read.types)) continue;
    // a cell of the page's type has a string className; without the types, what it says is asked for
    const classes = read.types ? (td as HTMLTableCellElement).className : classesOf(td);
    if (hasClass(classes, CLASSES.score)) {
      if (readScoreCell(td, classes, student, read, filled, filledCount) >= 0) filledCount++;
    } else if (!overall && hasClass(classes, CLASSES.overall)) overall = td;
  }
  // a row with fewer cells than columns is a page cut off or still being drawn: say so, guess nothing
  if (filledCount < assignments.length) {
    read.problems.push({ where: `row ${student.name}`, reason: `cells for ${filledCount} of ${assignments.length} assignments (page cut off?)` });
  }
  if (overall) read.overall.push(readOverall(overall, student.key));
}

function readOverall(td: Element, studentKey: string): ReadingOverall {
  const letter = collapse(td.querySelector(SELECTORS.letter)?.textContent);
  return {
    studentKey,
    percent: parsePercent(collapse(td.querySelector(SELECTORS.percent)?.textContent)),
    letter: letter || undefined,
    raw: capRaw(collapse(td.textContent)),
  };
}

/** Reads the students, their cells and overall grades. */
function readRows(doc: Document, rows: Element[], columns: Columns): RowsRead {
  const view = doc.defaultView;
  const types = view ? { cell: view.HTMLTableCellElement, span: view.HTMLSpanElement } : undefined;
  const read: RowsRead = { columns, types, students: [], cells: [], overall: [], problems: [] };
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const id = row.getAttribute('data-student-id')?.trim() ?? '';
    // The page's student id is the vendor's own: it identifies the person across views.
    const student = { key: id, name: collapse(row.querySelector(SELECTORS.studentName)?.textContent), vendorId: id };
    if (!student.key || !student.name || seen.has(student.key)) {
      read.problems.push({ where: `row ${index + 1}`, reason: 'student row without a unique id or a name', raw: capRaw(collapse(row.textContent)) });
      return;
    }
    seen.add(student.key);
    read.students.push(student);
    readRowCells(row, student, read);
  });
  return read;
}

function readGrid(doc: Document, url: URL, now: number): AdapterResult {
  const table = doc.querySelector(SELECTORS.table);
  const rows = table ? Array.from(table.querySelectorAll(SELECTORS.row)) : [];
  const sectionKey = table?.getAttribute('data-section-id')?.trim();
  if (!table || rows.length === 0 || !sectionKey) return { readings: [], problems: [{ where: 'table', reason: TABLE_NOT_FOUND }] };

  const headerProblems: ReadingProblem[] = [];
  const columns = readAssignments(table, headerProblems);
  const read = readRows(doc, rows, columns);
  const { students, cells, overall } = read;
  const problems = headerProblems.concat(read.problems);
  const attribute = (name: string) => table.getAttribute(name) ?? undefined;
  const section = { key: sectionKey, name: attribute('data-section-name') ?? sectionKey, teacher: attribute('data-teacher'), period: attribute('data-period') };
  const reading = { adapterId: demoGradebook.id, view: demoGradebook.view, url: url.href, readAt: now, section, students, assignments: columns.assignments, cells, overall, problems };
  return { readings: [reading], problems: [] };
}

const cases: AdapterCase[] = [
  {
    fixture: 'site:/gradebook/?section=p1&week=4',
    url: 'http://127.0.0.1:8080/gradebook/?section=p1&week=4',
    expect: {
      readings: 1, sectionName: 'English 9 — Period 1', teacher: 'Dana Lee', students: 28, assignments: 20, problems: 0,
      cells: [
        { student: 'Johnson, Ingrid', assignment: 'Reading Quiz 1', raw: 'M', missing: true },
        { student: 'de la Cruz, Kai', assignment: 'Reading Quiz 1', raw: '15/20', points: 15, outOf: 20, percent: 75, late: true },
        { student: 'Lee, Dmitri', assignment: 'Annotation Check 1', raw: '10', points: 10, outOf: 15, percent: 66.67, late: true },
        { student: 'Petrov, Mei "Lulu"', assignment: 'Reading Quiz 1', raw: 'EX', excused: true },
        { student: 'Brooks, Andrés', assignment: 'Annotation Check 1', raw: '—', notGraded: true },
        { student: 'Nguyen, Liam', assignment: 'Annotation Check 1', raw: '*', notGraded: true },
        { student: "O'Brien, Elif", assignment: 'Socratic Seminar 1', raw: 'A+', letter: 'A+', percent: 98 },
        { student: `O'Neil & Co, Ana <b>"Bea"</b>`, assignment: 'Reading Log 1', raw: '11/15', points: 11, outOf: 15, late: false },
      ],
      overall: [
        { student: "O'Brien, Elif", percent: 98.2, letter: 'A' },
        { student: 'Johnson, Ingrid', percent: 37.5, letter: 'F' },
        { student: `O'Neil & Co, Ana <b>"Bea"</b>`, percent: 85.7, letter: 'B' },
      ],
    },
  },
  {
    fixture: 'site:/gradebook/?section=p2&week=9',
    url: 'http://127.0.0.1:8080/gradebook/?section=p2&week=9',
    expect: {
      readings: 1, sectionName: 'English 9 — Period 2', students: 28, assignments: 20, problems: 0,
      cells: [
        { student: 'Müller, Sofía', assignment: 'Grammar Quiz 1', raw: 'M', missing: true },
        { student: 'Rahman, Leilani', assignment: 'Reading Quiz 1', raw: '18/20', percent: 90, late: true, missing: false },
        { student: 'Al-Sayed, Zoë', assignment: 'Unit Test 1', raw: '99.5', points: 99.5, outOf: 100, percent: 99.5 },
        { student: 'García-López, Ethan', assignment: 'Personal Narrative', raw: 'D', letter: 'D', percent: 65, late: true },
        { student: 'Müller, Sofía', assignment: 'Unit Test 2', raw: '—', notGraded: true },
      ],
      overall: [{ student: 'Achebe, Leilani', percent: 70.5, letter: 'C-' }, { student: 'Müller, Sofía', percent: 41.6, letter: 'F' }],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const demoGradebookInfo: AdapterInfo = {
  id: 'demo-gradebook',
  label: 'Heads-Up demo gradebook',
  view: 'teacher-grid',
  status: 'verified',
  matches: safeMatches((_url, doc) => doc.querySelector(SELECTORS.page) !== null),
};

export const demoGradebook: Adapter = /* @__PURE__ */ withReader(demoGradebookInfo, readGrid, cases);
