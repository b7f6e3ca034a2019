// Skyward Family/Student Access (SMS 2.0), the student gradebook (`sfgradebook001.w`): every class ×
// every term, with each class's assignments under it. The page draws that grid by script from data in
// an inline script, `sff.sv('sf_gridObjects', $.extend(…, {'stuGradesGrid_<student>_<entity>': {…}}))`,
// whose rows and cells are HTML strings; skyward-grid.ts reads that literal as data (never runs it), and
// the few cells read here (headers, class grades, each assignment's name and grade) are parsed one by one,
// without building a DOM of the grid.
// One Reading per class; the overall is the current (highlighted) term's grade, else the latest term's.
// Term grades other than that have no place in a Reading yet.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingSection, ReadingStudent } from '../core/types';
import { parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { type GridObject, type GridRow, cellNodes, gridObjects, gridRows, isRecord } from './skyward-grid';
import { type HtmlElement, type HtmlNode, attributeOf, findElement, textOf } from './cell-html';
import { collapse, capRaw } from '../core/text';

// Checked on skyward/gradebook-student.html (2019): one grid, 28 term columns (PC1 … S2, Q3 highlighted),
// 8 class rows and 317 rows under them (309 assignments and 8 "show more" rows).
const SELECTORS = {
  gridWrap: '[id^="grid_stuGradesGrid_"]',
  studentName: '#sf_StudentLabel',
  /** `grid_classDesc_<student>_<course>_<track>_<section>`: the class name, period and teacher, outside the grid data */
  classDesc: (group: string) => `grid_classDesc_${group}`,
  className: '.bld',
  classRow: 'tr',
  /** grid rows: a class has `group-parent="<group>"`, its assignments `group-child="<group>"` */
  parentRow: 'group-parent',
  childRow: 'group-child',
  /** in an assignment row: `<a name="showAssignmentInfo" data-aId="…">`, its due date in a `span` beside it */
  assignmentLink: (element: HtmlElement, doc: Document) => element.name === 'a' && attributeOf(element, 'name', doc) === 'showAssignmentInfo',
  assignmentId: 'data-aid',
  due: (element: HtmlElement) => element.name === 'span',
  /** the class of the current term's header */
  currentTerm: 'sf_highlightYellow',
  missingModule: '#grid_missingAssignmentsModule',
  missingLink: '[data-aId]',
} as const;

const GRID_KEY = /^stuGradesGrid_(\d+)_\w+$/;
/** "01/30/2019&nbsp;&nbsp;(PR6)": due date and the term whose column holds the grade. White space (the page's
 * `&nbsp;`) is taken anywhere around them, so that the text is matched as it is, not collapsed first. */
const DUE = /^\s*(\d{1,2}\/\d{1,2}\/\d{4})?\s*(?:\((\w+)\))?\s*$/;
const LETTER = /^[A-F][+-]?$/;

interface Term {
  index: number;
  label: string;
  current: boolean;
}

const isElement = (node: HtmlNode): node is HtmlElement => typeof node !== 'string';
const hasClass = (element: HtmlElement | undefined, name: string, doc: Document) => (attributeOf(element, 'class', doc) ?? '').split(/[\t\n\f\r ]+/).includes(name);

function readTerms(header: GridRow | undefined, doc: Document): Term[] {
  const terms: Term[] = [];
  header?.cells.forEach((_, index) => {
    const nodes = cellNodes(header, index, doc);
    const th = nodes.find(isElement);
    const label = collapse(textOf(nodes));
    // Citizenship marks (PC1, QC1, …) are conduct, not grades.
    if (index === 0 || !label || /^Citizen/i.test(attributeOf(th, 'tooltip', doc) ?? '')) return;
    terms.push({ index, label, current: hasClass(th, SELECTORS.currentTerm, doc) });
  });
  return terms;
}

function readSection(doc: Document, group: string, key: string, problems: ReadingProblem[]): ReadingSection {
  const desc = doc.getElementById(SELECTORS.classDesc(group));
  const rows = Array.from(desc?.querySelectorAll(SELECTORS.classRow) ?? []);
  const name = collapse(rows[0]?.querySelector(SELECTORS.className)?.textContent);
  if (!name) problems.push({ where: `class ${key}`, reason: 'the class name, period and teacher were not found; the class id stands in for the name' });
  // "Period" label, then "1", then "(7:25 AM - 8:12 AM)" in a span: the period is the bare text
  const periodCell = rows.map((row) => row.querySelector('td:has(> label)')).find(Boolean);
  const period = collapse(Array.from(periodCell?.childNodes ?? []).filter((node) => node.nodeType === 3).map((node) => node.textContent).join(' '));
  const teacher = collapse(rows[2]?.querySelector('a')?.textContent);
  return { key, name: name || `Class ${key}`, teacher: teacher || undefined, period: period || undefined };
}

function readOverall(row: GridRow, terms: Term[], studentKey: string, doc: Document): ReadingOverall | undefined {
  const graded = (term: Term) => ({ term, text: collapse(textOf(cellNodes(row, term.index, doc))) });
  // the first current term with a grade, else the last term with one: the cells are read only until it is found
  let chosen = terms.filter((term) => term.current).map(graded).find((t) => t.text);
  for (let index = terms.length - 1; !chosen && index >= 0; index--) {
    const latest = graded(terms[index]!);
    if (latest.text) chosen = latest;
  }
  if (!chosen) return undefined;
  return { studentKey, percent: parsePercent(chosen.text), letter: LETTER.test(chosen.text) ? chosen.text : undefined, raw: capRaw(`${chosen.term.label} ${chosen.text}`) };
}

/** The grid shows each assignment's grade on the 0–100 scale (its points are in the popup), so a bare number is a percent. */
function readGrade(raw: string): ParsedScore {
  if (!raw) return { flags: { notGraded: true } };
  const score = parseScore(raw);
  if (score.points !== undefined && score.outOf === undefined) return { percent: score.points, flags: score.flags };
  return score;
}

/** The assignment link of a row (in its first cell, where Skyward puts it), and the nodes of the cell holding it. */
function findLink(row: GridRow, doc: Document): { link: HtmlElement; cell: HtmlNode[] } | undefined {
  for (let index = 0; index < row.cells.length; index++) {
    const cell = cellNodes(row, index, doc);
    const link = findElement(cell, (element) => SELECTORS.assignmentLink(element, doc));
    if (link) return { link, cell };
  }
  return undefined;
}

/** A due date (MM/DD/YYYY) as an ISO date, read once for all the assignments due that day. */
function dueDateOf(grid: Grid, date: string): string | undefined {
  if (!grid.dueDates.has(date)) grid.dueDates.set(date, parseUsDate(date));
  return grid.dueDates.get(date);
}

/** An assignment row's assignment and cell; undefined for a row that is not one (reported unless it is the
 * empty "show more / show less" row under each class). */
function readAssignment(row: GridRow, grid: Grid, student: ReadingStudent, missing: Set<string>, problems: ReadingProblem[], doc: Document): { assignment: ReadingAssignment; cell?: ReadingCell } | undefined {
  const found = findLink(row, doc);
  const key = attributeOf(found?.link, SELECTORS.assignmentId, doc) ?? '';
  const name = collapse(found ? textOf(found.link.children) : '');
  if (!found || !key || !name) {
    const text = collapse(row.cells.map((_, index) => textOf(cellNodes(row, index, doc))).join(''));
    if (found || text) problems.push({ where: 'gradebook', reason: 'assignment row without an id or a name', raw: capRaw(text) });
    return undefined;
  }
  // the first span in the link's parent element (the row itself when the link stands alone in its cell)
  const beside = found.link.parent?.children ?? row.cells.flatMap((_, index) => cellNodes(row, index, doc));
  const dueText = textOf(findElement(beside, SELECTORS.due)?.children ?? []);
  const due = DUE.exec(dueText);
  const [, date, termLabel] = due ?? [];
  const dueDate = date ? dueDateOf(grid, date) : undefined;
  if (!due) problems.push({ where: `assignment ${name}`, reason: 'the due date and term are not understood', raw: capRaw(collapse(dueText)) });
  const assignment: ReadingAssignment = { key, name, dueDate };
  const where = `cell ${student.name} × ${name}`;
  const term = grid.terms.find((t) => t.label === termLabel);
  if (!term) {
    problems.push({ where, reason: 'the assignment names no term column of the grid', raw: capRaw(collapse(dueText)) });
    return { assignment };
  }
  if (term.index >= row.cells.length) {
    problems.push({ where, reason: 'the row is cut short: it has no cell for its term (page cut off?)' });
    return { assignment };
  }
  const raw = collapse(textOf(cellNodes(row, term.index, doc)));
  const score = readGrade(raw);
  if (score.unreadable) {
    problems.push({ where, reason: score.unreadable, raw: capRaw(raw) });
    return { assignment };
  }
  if (missing.has(key)) score.flags.missing = true;
  return { assignment, cell: { studentKey: student.key, assignmentKey: key, raw, score } };
}

/** Assignment ids the "Missing Assignments" box lists; rows it cannot tie to an assignment are reported. */
function readMissing(doc: Document, problems: ReadingProblem[]): Set<string> {
  const ids = new Set<string>();
  for (const row of Array.from(doc.querySelectorAll(`${SELECTORS.missingModule} tr`))) {
    const links = Array.from(row.querySelectorAll(SELECTORS.missingLink)).map((a) => a.getAttribute('data-aId') ?? '').filter(Boolean);
    links.forEach((id) => ids.add(id));
    const text = collapse(row.textContent);
    if (links.length === 0 && text && !/^There are no Missing Assignments\.?$/i.test(text)) {
      problems.push({ where: 'missing assignments', reason: 'a listed missing assignment could not be tied to an assignment id', raw: capRaw(text) });
    }
  }
  return ids;
}

interface Grid {
  terms: Term[];
  /** assignment rows by the group of their class */
  children: Map<string, GridRow[]>;
  /** due dates read so far (MM/DD/YYYY → ISO): a class's assignments share a few */
  dueDates: Map<string, string | undefined>;
}

function readClass(doc: Document, grid: Grid, parent: GridRow, student: ReadingStudent, missing: Set<string>, url: URL, now: number): Reading {
  const group = attributeOf(parent.tr, SELECTORS.parentRow, doc) ?? '';
  const problems: ReadingProblem[] = [];
  const section = readSection(doc, group, group.slice(student.key.length + 1), problems);
  const assignments: ReadingAssignment[] = [];
  const cells: ReadingCell[] = [];
  const keys = new Set<string>();
  for (const row of grid.children.get(group) ?? []) {
    const read = readAssignment(row, grid, student, missing, problems, doc);
    if (!read) continue;
    if (keys.has(read.assignment.key)) {
      problems.push({ where: `assignment ${read.assignment.name}`, reason: 'the same assignment id is listed twice' });
      continue;
    }
    keys.add(read.assignment.key);
    assignments.push(read.assignment);
    if (read.cell) cells.push(read.cell);
  }
  const overall = readOverall(parent, grid.terms, student.key, doc);
  return { adapterId: skywardGradebook.id, view: skywardGradebook.view, url: url.href, readAt: now, section, students: [student], assignments, cells, overall: overall ? [overall] : [], problems };
}

function readGradebook(doc: Document, url: URL, now: number): AdapterResult {
  const objects = gridObjects(doc);
  if (typeof objects === 'string') return { readings: [], problems: [{ where: 'page', reason: objects }] };
  const studentName = collapse(doc.querySelector(SELECTORS.studentName)?.textContent);
  const grids = Object.entries(objects).filter(([id, grid]) => GRID_KEY.test(id) && isRecord(grid));
  if (grids.length === 0 || !studentName) return { readings: [], problems: [{ where: 'page', reason: 'the gradebook grid or the student was not found in the page data' }] };
  const problems: ReadingProblem[] = [];
  const missing = readMissing(doc, problems);
  const readings: Reading[] = [];
  for (const [id, data] of grids) {
    const studentId = GRID_KEY.exec(id)![1]!;
    const student: ReadingStudent = { key: studentId, name: studentName, vendorId: studentId };
    const head = gridRows((data as GridObject).th, doc);
    const rows = [...head, ...gridRows((data as GridObject).tb, doc)];
    const grid: Grid = { terms: readTerms(head[0], doc), children: new Map(), dueDates: new Map() };
    for (const row of rows) {
      const group = attributeOf(row.tr, SELECTORS.childRow, doc);
      if (group === undefined) continue;
      const siblings = grid.children.get(group);
      if (siblings) siblings.push(row);
      else grid.children.set(group, [row]);
    }
    const parents = rows.filter((row) => attributeOf(row.tr, SELECTORS.parentRow, doc) !== undefined);
    if (grid.terms.length === 0 || parents.length === 0) {
      problems.push({ where: `grid ${id}`, reason: 'the grid has no term columns or no classes' });
      continue;
    }
    readings.push(...parents.map((parent) => readClass(doc, grid, parent, student, missing, url, now)));
  }
  return { readings, problems };
}

const AVERY = 'Avery J. Stone';
const cases: AdapterCase[] = [
  {
    fixture: 'skyward/gradebook-student.html',
    url: 'https://lakeview.skyward.net/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w',
    expect: {
      readings: 8,
      sectionName: 'PHYSICS 2 AP',
      teacher: 'Lena Fischer',
      students: 8,
      assignments: 309,
      cells: [
        { student: AVERY, assignment: 'Electrostatics 2.6 Parallel Se', raw: '', notGraded: true, missing: false },
        { student: AVERY, assignment: 'FRQ: Unit 3', raw: '', notGraded: true },
      ],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const skywardGradebookInfo: AdapterInfo = {
  id: 'skyward-gradebook',
  label: 'Skyward (student gradebook)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => /\/sfgradebook001\.w$/i.test(url.pathname) && doc.querySelector(SELECTORS.gridWrap) !== null),
};

export const skywardGradebook: Adapter = /* @__PURE__ */ withReader(skywardGradebookInfo, readGradebook, cases);
