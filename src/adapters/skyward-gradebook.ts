// Skyward Family/Student Access (SMS 2.0), the student gradebook (`sfgradebook001.w`): every class ×
// every term, with each class's assignments under it. The page draws that grid by script from data in
// an inline script, `sff.sv('sf_gridObjects', $.extend(…, {'stuGradesGrid_<student>_<entity>': {…}}))`,
// whose rows and cells are HTML strings; skyward-grid.ts reads that literal as data (never runs it) and
// rebuilds the rows in an inert <template>, read here like a page.
// One Reading per class; the overall is the current (highlighted) term's grade, else the latest term's.
// Term grades other than that have no place in a Reading yet.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingSection, ReadingStudent } from '../core/types';
import { parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { type GridObject, gridObjects, isRecord, rebuildGrid } from './skyward-grid';

// Checked on skyward/gradebook-student.html (2019): one grid, 28 term columns (PC1 … S2, Q3 highlighted),
// 8 class rows and 317 rows under them (309 assignments and 8 "show more" rows).
const SELECTORS = {
  gridWrap: '[id^="grid_stuGradesGrid_"]',
  studentName: '#sf_StudentLabel',
  /** `grid_classDesc_<student>_<course>_<track>_<section>`: the class name, period and teacher, outside the grid data */
  classDesc: (group: string) => `grid_classDesc_${group}`,
  className: '.bld',
  classRow: 'tr',
  parentRow: 'tr[group-parent]',
  childRow: (group: string) => `tr[group-child="${group}"]`,
  assignmentLink: 'a[name="showAssignmentInfo"]',
  due: 'span',
  currentTerm: '.sf_highlightYellow',
  missingModule: '#grid_missingAssignmentsModule',
  missingLink: '[data-aId]',
} as const;

const GRID_KEY = /^stuGradesGrid_(\d+)_\w+$/;
/** "01/30/2019  (PR6)": due date and the term whose column holds the grade */
const DUE = /^(\d{1,2}\/\d{1,2}\/\d{4})?\s*(?:\((\w+)\))?$/;
const LETTER = /^[A-F][+-]?$/;
const MAX_RAW = 80;
const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const capRaw = (text: string) => (text.length > MAX_RAW ? `${text.slice(0, MAX_RAW - 1)}…` : text);

interface Term {
  index: number;
  label: string;
  current: boolean;
}

function readTerms(grid: DocumentFragment): Term[] {
  const headers = Array.from(grid.querySelector('thead tr')?.children ?? []);
  // Citizenship marks (PC1, QC1, …) are conduct, not grades.
  return headers.map((th, index) => ({ index, label: collapse(th.textContent), current: th.matches(SELECTORS.currentTerm), tooltip: th.getAttribute('tooltip') ?? '' }))
    .filter((term) => term.index > 0 && term.label && !/^Citizen/i.test(term.tooltip))
    .map(({ index, label, current }) => ({ index, label, current }));
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

function readOverall(row: Element, terms: Term[], studentKey: string): ReadingOverall | undefined {
  const graded = terms.map((term) => ({ term, text: collapse(row.children[term.index]?.textContent) })).filter((t) => t.text);
  const chosen = graded.find((t) => t.term.current) ?? graded[graded.length - 1];
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

function readAssignment(row: Element, terms: Term[], student: ReadingStudent, missing: Set<string>, problems: ReadingProblem[]): { assignment: ReadingAssignment; cell?: ReadingCell } | undefined {
  const link = row.querySelector(SELECTORS.assignmentLink);
  const key = link?.getAttribute('data-aId') ?? '';
  const name = collapse(link?.textContent);
  if (!key || !name) {
    problems.push({ where: 'gradebook', reason: 'assignment row without an id or a name', raw: capRaw(collapse(row.textContent)) });
    return undefined;
  }
  const dueText = collapse(link?.parentElement?.querySelector(SELECTORS.due)?.textContent);
  const [, date, termLabel] = DUE.exec(dueText) ?? [];
  const dueDate = date ? parseUsDate(date) : undefined;
  if (dueText && !DUE.test(dueText)) problems.push({ where: `assignment ${name}`, reason: 'the due date and term are not understood', raw: capRaw(dueText) });
  const assignment: ReadingAssignment = { key, name, dueDate };
  const where = `cell ${student.name} × ${name}`;
  const term = terms.find((t) => t.label === termLabel);
  if (!term) {
    problems.push({ where, reason: 'the assignment names no term column of the grid', raw: capRaw(dueText) });
    return { assignment };
  }
  const cellElement = row.children[term.index];
  if (!cellElement) {
    problems.push({ where, reason: 'the row is cut short: it has no cell for its term (page cut off?)' });
    return { assignment };
  }
  const raw = collapse(cellElement.textContent);
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

function readClass(doc: Document, grid: DocumentFragment, parent: Element, terms: Term[], student: ReadingStudent, missing: Set<string>, url: URL, now: number): Reading {
  const group = parent.getAttribute('group-parent') ?? '';
  const problems: ReadingProblem[] = [];
  const section = readSection(doc, group, group.slice(student.key.length + 1), problems);
  const assignments: ReadingAssignment[] = [];
  const cells: ReadingCell[] = [];
  for (const row of Array.from(grid.querySelectorAll(SELECTORS.childRow(group)))) {
    // the "show more / show less" row under each class
    if (!row.querySelector(SELECTORS.assignmentLink) && !collapse(row.textContent)) continue;
    const read = readAssignment(row, terms, student, missing, problems);
    if (!read) continue;
    if (assignments.some((a) => a.key === read.assignment.key)) {
      problems.push({ where: `assignment ${read.assignment.name}`, reason: 'the same assignment id is listed twice' });
      continue;
    }
    assignments.push(read.assignment);
    if (read.cell) cells.push(read.cell);
  }
  const overall = readOverall(parent, terms, student.key);
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
    const grid = rebuildGrid(doc, data as GridObject);
    const terms = readTerms(grid);
    const parents = Array.from(grid.querySelectorAll(SELECTORS.parentRow));
    if (terms.length === 0 || parents.length === 0) {
      problems.push({ where: `grid ${id}`, reason: 'the grid has no term columns or no classes' });
      continue;
    }
    readings.push(...parents.map((parent) => readClass(doc, grid, parent, terms, student, missing, url, now)));
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
