// Moodle's grader report (`/grade/report/grader/index.php?id=COURSE`): a teacher's grid of every
// student × grade item of one course, with category totals and the course total.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { parsePercent, parseScore } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on moodle/teacher-grader-report.html, -collapsed.html and -editing.html (Moodle 4.3, Boost).
/** Part of a selector below also checked on an element at hand. */
const PARTS = { overriddenClass: 'overridden' } as const;

const SELECTORS = {
  table: 'table#user-grades',
  /** category headers sit in rows above the item headers; the row nearest the items names each item's category */
  category: 'th.category',
  categoryName: '.gradeitemheader',
  itemHeaderRow: 'tr.heading',
  /** `th.item` = a grade item, `th.categoryitem` = a category total, `th.courseitem` = the course total */
  itemHeader: 'th[data-itemid]',
  itemName: 'a.gradeitemheader, span.gradeitemheader',
  row: 'tr.userrow[data-uid]',
  studentLink: 'a.username',
  /** the avatar initials inside the name link ("OF") */
  initials: '.userinitials',
  gradeCell: 'td.gradecell[data-itemid]',
  gradeValue: 'span.gradevalue',
  /** Edit mode: `<input name="grade[uid][itemid]">` instead of a value */
  gradeInput: 'input[name^="grade["]',
  /** the box of status icons in each cell ("Excluded", "Overridden"), each labelled by `aria-label` or `title` */
  iconBox: '.grade_icons',
  /** what is in the boxes: most are empty */
  inIconBox: '.grade_icons > *',
  icon: '[aria-label], [title]',
  /** a grade cell whose grade was changed in the gradebook rather than in its activity */
  overridden: `td.${PARTS.overriddenClass}`,
} as const;

/** What a column of the grader report holds. */
export type GraderColumnKind = 'item' | 'category' | 'course';

/** One grade cell of the grader report as shown, before it is understood. */
export interface GraderCell {
  userId: string;
  itemId: string;
  kind: GraderColumnKind;
  /** the value as shown (`54.00`, `-`, `72.38 % (C-)`), or the input's value in Edit mode */
  raw: string;
  excluded: boolean;
  overridden: boolean;
}

/** An element's own text without what `skip` matches (avatar initials, action menus). */
function textWithout(element: Element | null | undefined, skip: string): string {
  if (!element) return '';
  return collapse(rawTextWithout(element, skip));
}

function rawTextWithout(element: Element, skip: string): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) text += node.nodeValue;
    else if (node.nodeType === 1 && !(node as Element).matches(skip)) text += rawTextWithout(node as Element, skip);
  }
  return text;
}

function kindOf(header: Element): GraderColumnKind {
  if (header.classList.contains('courseitem')) return 'course';
  return header.classList.contains('categoryitem') ? 'category' : 'item';
}

interface Column { itemId: string; kind: GraderColumnKind; name: string; category?: string }

/** Item headers in order, each with the category whose header spans it. */
function readColumns(table: Element): Column[] {
  const headerRow = table.querySelector(SELECTORS.itemHeaderRow);
  if (!headerRow) return [];
  // the table's own rows, not every `tr` below it: the header rows are its first few
  const rows = (table as HTMLTableElement).rows;
  let categoryRow: Element | undefined;
  for (let index = Array.prototype.indexOf.call(rows, headerRow) - 1; index >= 0 && !categoryRow; index -= 1) {
    if (rows[index]!.querySelector(SELECTORS.category)) categoryRow = rows[index];
  }
  const spans: Array<string | undefined> = [];
  for (const th of categoryRow ? Array.from(categoryRow.children) : []) {
    if (th.matches('[rowspan]:not([rowspan="1"])')) continue; // the top-left corner spans the name columns
    const name = th.matches(SELECTORS.category) ? collapse(th.querySelector(SELECTORS.categoryName)?.textContent) : undefined;
    for (let n = Math.max(1, Number(th.getAttribute('colspan')) || 1); n > 0; n -= 1) spans.push(name || undefined);
  }
  return ownCells(headerRow, SELECTORS.itemHeader).map((th, index) => ({
    itemId: th.getAttribute('data-itemid') ?? '',
    kind: kindOf(th),
    name: textWithout(th.querySelector(SELECTORS.itemName), 'img, .sr-only'),
    category: spans[index],
  }));
}

/** A cell's status icons ("Excluded", "Overridden"), lower-cased. The box first, then its icons:
 * `.grade_icons [title]` over a whole cell would climb the ancestors of every titled menu item, and the
 * box is empty in most cells. */
function iconLabels(td: Element): string[] {
  const box = td.querySelector(SELECTORS.iconBox);
  if (!box?.firstElementChild) return [];
  return Array.from(box.querySelectorAll(SELECTORS.icon), (icon) => collapse(icon.getAttribute('aria-label') ?? icon.getAttribute('title')).toLowerCase());
}

/**
 * What the whole table shows, asked once so that a cell takes one query instead of three: whether it is in
 * Edit mode (any grade input at all), and which grade cells hold an icon box with something in it (few do;
 * every grade cell around one is counted). A cell with neither is read as the full queries would read it.
 */
interface TableMarks { editMode: boolean; cellsWithIcons: Set<Element> }

function tableMarks(table: Element): TableMarks {
  // what is in the boxes rather than every box: one query through the table finds the few that hold something
  const cellsWithIcons = new Set<Element>();
  const inBoxes = table.querySelectorAll(SELECTORS.inIconBox);
  for (let index = 0; index < inBoxes.length; index += 1) {
    const box = inBoxes[index]!.parentElement;
    for (let cell = box?.closest(SELECTORS.gradeCell); cell; cell = cell.parentElement?.closest(SELECTORS.gradeCell) ?? null) cellsWithIcons.add(cell);
  }
  return { editMode: table.querySelector(SELECTORS.gradeInput) !== null, cellsWithIcons };
}

/**
 * What `selector` matches among the own rows of a table or the own cells of a row, which are few, where a
 * query would go through every element inside them too; if none matches there, what the query finds (rows
 * or cells a script put inside something else).
 */
function ownMatching(rowsOrCells: HTMLCollection, root: Element, selector: string): Element[] {
  const found: Element[] = [];
  for (let index = 0; index < rowsOrCells.length; index += 1) {
    const element = rowsOrCells[index]!;
    if (element.matches(selector)) found.push(element);
  }
  return found.length > 0 ? found : Array.from(root.querySelectorAll(selector));
}

const userRows = (table: Element) => ownMatching((table as HTMLTableElement).rows, table, SELECTORS.row);
const ownCells = (row: Element, selector: string) => ownMatching(row.children, row, selector);

/** Is the cell overridden? Its class, read once: classList is asked only when the class is in it. */
const isOverridden = (td: Element) => td.className.includes(PARTS.overriddenClass) && td.classList.contains(PARTS.overriddenClass);

function graderCellsOf(rows: Element[], columns: Column[], marks: TableMarks): GraderCell[] {
  const kinds = new Map(columns.map((column) => [column.itemId, column.kind]));
  const cells: GraderCell[] = [];
  for (const row of rows) {
    const userId = row.getAttribute('data-uid') ?? '';
    for (const td of ownCells(row, SELECTORS.gradeCell)) {
      const itemId = td.getAttribute('data-itemid') ?? '';
      const input = marks.editMode ? td.querySelector(SELECTORS.gradeInput) : null;
      const raw = input ? collapse(input.getAttribute('value')) : collapse(td.querySelector(SELECTORS.gradeValue)?.textContent);
      const icons = marks.cellsWithIcons.has(td) ? iconLabels(td) : [];
      cells.push({ userId, itemId, kind: kinds.get(itemId) ?? 'item', raw, excluded: icons.includes('excluded'), overridden: isOverridden(td) || icons.includes('overridden') });
    }
  }
  return cells;
}

/** Every grade cell of the report as shown, totals included (also used to check all cells in tests). */
export function readGraderCells(doc: Document): GraderCell[] {
  const table = doc.querySelector(SELECTORS.table);
  return table ? graderCellsOf(userRows(table), readColumns(table), tableMarks(table)) : [];
}

/** Course total as shown outside Edit mode: `72.38 % (C-)`. */
const COURSE_TOTAL = /^(.+?%)\s*(?:\((.+)\))?$/;

function readOverall(cell: GraderCell): ReadingOverall | undefined {
  const match = COURSE_TOTAL.exec(cell.raw);
  const percent = match ? parsePercent(match[1]!) : undefined;
  if (percent === undefined) return undefined;
  return { studentKey: cell.userId, percent, letter: match?.[2] ? collapse(match[2]) : undefined, raw: capRaw(cell.raw) };
}

/**
 * A grade item's cell. `-` is "no grade": the report shows no due dates, so missing work and work
 * not yet graded look the same here, and neither is guessed. An "Excluded" icon = excused.
 */
function readCell(cell: GraderCell, where: () => string, problems: ReadingProblem[]): ReadingCell | undefined {
  // Edit mode shows an ungraded cell as an empty input; read it as the `-` the report shows.
  const score = parseScore(cell.raw || '-');
  if (score.unreadable) {
    problems.push({ where: where(), reason: score.unreadable, raw: capRaw(cell.raw) });
    return undefined;
  }
  if (cell.excluded) {
    score.flags.excused = true;
    delete score.flags.notGraded;
  }
  return { studentKey: cell.userId, assignmentKey: cell.itemId, raw: cell.raw, score };
}

function readStudents(rows: Element[], problems: ReadingProblem[]): ReadingStudent[] {
  const students: ReadingStudent[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const id = row.getAttribute('data-uid')?.trim() ?? '';
    const name = textWithout(row.querySelector(SELECTORS.studentLink), SELECTORS.initials);
    if (!id || !name || seen.has(id)) {
      problems.push({ where: `row ${index + 1}`, reason: 'student row without a unique user id or a name', raw: capRaw(name) });
      return;
    }
    seen.add(id);
    students.push({ key: id, name, vendorId: id });
  });
  return students;
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  const table = doc.querySelector(SELECTORS.table);
  const columns = table ? readColumns(table) : [];
  const courseId = url.searchParams.get('id');
  if (!table || columns.length === 0 || !courseId) return { readings: [], problems: [{ where: 'page', reason: 'the grader report table #user-grades or its item headers were not found (page still loading?)' }] };
  const problems: ReadingProblem[] = [];
  const rows = userRows(table);
  const students = readStudents(rows, problems);
  const assignments: ReadingAssignment[] = columns.filter((c) => c.kind === 'item' && c.itemId && c.name).map((c) => ({ key: c.itemId, name: c.name, category: c.category }));
  for (const column of columns.filter((c) => c.kind === 'category')) {
    problems.push({ where: `column ${column.name || column.itemId}`, reason: 'a category total, not an assignment: skipped' });
  }
  const courseColumn = columns.find((c) => c.kind === 'course');
  const names = new Map(students.map((s) => [s.key, s.name]));
  const itemNames = new Map(columns.map((c) => [c.itemId, c.name]));
  const cells: ReadingCell[] = [];
  const overall: ReadingOverall[] = [];
  const assignmentKeys = new Set(assignments.map((a) => a.key));
  const graderCells = graderCellsOf(rows, columns, tableMarks(table));
  let totalsWithoutPercent = 0;
  for (const cell of graderCells) {
    if (!names.has(cell.userId)) continue;
    if (cell.kind === 'course') {
      const grade = readOverall(cell);
      if (grade) overall.push(grade);
      else if (cell.raw && cell.raw !== '-') totalsWithoutPercent += 1;
    } else if (cell.kind === 'item' && assignmentKeys.has(cell.itemId)) {
      const read = readCell(cell, () => `cell ${names.get(cell.userId)} × ${itemNames.get(cell.itemId) ?? cell.itemId}`, problems);
      if (read) cells.push(read);
    }
  }
  if (totalsWithoutPercent > 0) {
    problems.push({ where: `column ${itemNames.get(courseColumn?.itemId ?? '') || 'course total'}`, reason: `${totalsWithoutPercent} course totals shown as points without their range (Edit mode): no percent or letter read` });
  }
  const expected = students.length * columns.length;
  if (graderCells.length < expected) problems.push({ where: 'table', reason: `${graderCells.length} of ${expected} grade cells found (page cut off?)` });
  const courseName = collapse(table.querySelector(`th.catlevel1 ${SELECTORS.categoryName}`)?.textContent) || doc.title;
  const reading: Reading = {
    adapterId: moodleGrader.id, view: 'teacher-grid', url: url.href, readAt: now,
    section: { key: courseId, name: courseName }, students, assignments, cells, overall, problems,
  };
  return { readings: [reading], problems: [] };
}

const REPORT = 'http://127.0.0.1:8090/grade/report/grader/index.php?id=2';
const OWEN = 'Owen Fitzgerald';
const SKIPPED_TOTALS = 3;

const cases: AdapterCase[] = [
  {
    fixture: 'moodle/teacher-grader-report.html',
    url: REPORT,
    expect: {
      readings: 1, sectionName: 'Algebra 1 — Period 2', students: 28, assignments: 17, problems: SKIPPED_TOTALS,
      cells: [
        { student: OWEN, assignment: 'Unit 2 Test: Linear Functions', raw: '54.00', points: 54 },
        { student: OWEN, assignment: 'HW 1: Order of Operations', raw: '9.00', points: 9 },
        ...['HW 4: Inequalities', 'HW 6: Slope and Rate of Change', 'Quiz 4: Graphing Lines', 'HW 7: Slope-Intercept Form', 'Project: Linear Models in the Wild']
          .map((assignment) => ({ student: 'Tyler Jenkins', assignment, raw: '-', notGraded: true, missing: false })),
        { student: 'Jamal Carter', assignment: 'Quiz 2: Solving Equations', raw: '8.00', points: 8 },
        { student: 'Chloe Dubois', assignment: 'HW 5: Graphing Linear Equations', raw: '-', excused: true, notGraded: false },
        { student: 'Chloe Dubois', assignment: 'Quiz 3: Inequalities', raw: '3.00', points: 3, excused: true },
        { student: 'Samuel Ortiz', assignment: 'HW 4: Inequalities', raw: '0.00', points: 0, excused: false },
        { student: 'Priya Raman', assignment: 'Quiz 5: Systems of Equations', raw: '-', notGraded: true },
      ],
      overall: [{ student: OWEN, percent: 72.38, letter: 'C-' }, { student: 'Priya Raman', percent: 99.58, letter: 'A' }],
    },
  },
  {
    fixture: 'moodle/teacher-grader-report-collapsed.html',
    url: REPORT,
    expect: { readings: 1, students: 28, assignments: 0, problems: SKIPPED_TOTALS, overall: [{ student: 'Priya Raman', percent: 99.58, letter: 'A' }] },
  },
  {
    fixture: 'moodle/teacher-grader-report-editing.html',
    url: REPORT,
    expect: {
      readings: 1, students: 28, assignments: 17,
      // Edit mode shows course totals as bare points (72.38), without percent or letter: one problem
      problems: SKIPPED_TOTALS + 1,
      cells: [
        { student: OWEN, assignment: 'Unit 2 Test: Linear Functions', raw: '54.00', points: 54 },
        { student: 'Tyler Jenkins', assignment: 'HW 4: Inequalities', raw: '', notGraded: true },
        { student: 'Chloe Dubois', assignment: 'HW 5: Graphing Linear Equations', raw: '', excused: true },
      ],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const moodleGraderInfo: AdapterInfo = {
  id: 'moodle-grader',
  label: 'Moodle (grader report)',
  view: 'teacher-grid',
  status: 'verified',
  matches: safeMatches((url, doc) => /\/grade\/report\/grader\/index\.php$/i.test(url.pathname) && doc.querySelector(SELECTORS.table) !== null),
};

export const moodleGrader: Adapter = /* @__PURE__ */ withReader(moodleGraderInfo, readPage, cases);
