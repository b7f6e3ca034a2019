// Skyward SMS 2.0 Educator Access, the teacher's Gradebook main screen for one class: students × grading
// periods and assignments. One Reading per class grid.
// UNVERIFIED: no saved teacher page was found. Built from Skyward's teacher guides and the SMS 2.0 markup
// of the saved Family Access pages (see tests/adapters/fixtures/skyward/teacher-gradebook.html): the grid
// id, the row and cell attributes and the flags in cell tooltips are assumptions to check on a real page.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { ParsedScore, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { type GridObject, gridObjects, isRecord, rebuildGrid } from './skyward-grid';
import { collapse, capRaw } from '../core/text';

const SELECTORS = {
  gridWrap: '[id^="grid_gradebookGrid_"]',
  /** as on the Family Access popup: `<a>PHYSICS 2 AP</a> (Period <b>2</b>)` */
  heading: 'h2.gb_heading',
  headingLink: 'a',
  period: 'b',
  headerCell: 'thead tr:first-child > th',
  currentTerm: '.sf_highlightYellow',
  studentRow: 'tbody > tr',
  studentLink: 'a[data-sId]',
} as const;

const GRID_KEY = /^gradebookGrid_(\w+)$/;
/** Grading-period columns carry a tooltip "Term 9", "Semester 1 Exam", …; assignment columns a data-aId. */
const TERM_TOOLTIP = /^(Term|Semester)\b/i;
const DUE = /Due:\s*(\d{1,2}\/\d{1,2}\/\d{4})/;
const OUT_OF = /Out of:\s*([\d.]+)/;
/** Flags a score cell's tooltip names (Skyward's Missing, No Count and Excused). */
const TOOLTIP_FLAGS = [[/\bMissing\b/i, 'missing'], [/\bNo Count\b|\bExcused\b/i, 'excused']] as const;

interface Columns {
  terms: Array<{ index: number; label: string; current: boolean }>;
  assignments: Array<{ index: number; assignment: ReadingAssignment }>;
}

function readColumns(grid: ParentNode, problems: ReadingProblem[]): Columns {
  const columns: Columns = { terms: [], assignments: [] };
  grid.querySelectorAll(SELECTORS.headerCell).forEach((th, index) => {
    const tooltip = th.getAttribute('tooltip') ?? '';
    const label = collapse(th.textContent);
    const key = th.getAttribute('data-aId');
    if (TERM_TOOLTIP.test(tooltip)) columns.terms.push({ index, label, current: th.matches(SELECTORS.currentTerm) });
    else if (key !== null) {
      if (!key || !label || columns.assignments.some((c) => c.assignment.key === key)) {
        problems.push({ where: `assignment column ${index + 1}`, reason: 'assignment header without a unique id or a name', raw: capRaw(label) });
        return;
      }
      const due = DUE.exec(tooltip)?.[1];
      const outOf = Number(OUT_OF.exec(tooltip)?.[1]);
      columns.assignments.push({ index, assignment: { key, name: label, dueDate: due ? parseUsDate(due) : undefined, pointsPossible: outOf > 0 ? outOf : undefined } });
    }
  });
  return columns;
}

function readScore(cell: Element, pointsPossible: number | undefined): { raw: string; score: ParsedScore } {
  const raw = collapse(cell.textContent);
  // "*": Skyward's star, an assignment not scored yet (parseScore reads it as not graded)
  const score = parseScore(raw, pointsPossible);
  const tooltip = cell.getAttribute('tooltip') ?? '';
  for (const [pattern, flag] of TOOLTIP_FLAGS) if (pattern.test(tooltip)) score.flags[flag] = true;
  return { raw, score };
}

function readOverall(row: Element, terms: Columns['terms'], studentKey: string): ReadingOverall | undefined {
  const graded = terms.map((term) => ({ term, text: collapse(row.children[term.index]?.textContent) })).filter((t) => t.text);
  const chosen = graded.find((t) => t.term.current) ?? graded[graded.length - 1];
  if (!chosen) return undefined;
  return { studentKey, percent: parsePercent(chosen.text), raw: capRaw(`${chosen.term.label} ${chosen.text}`) };
}

function readGrid(doc: Document, id: string, data: GridObject, url: URL, now: number) {
  const problems: ReadingProblem[] = [];
  const grid = rebuildGrid(doc, data);
  const columns = readColumns(grid, problems);
  if (columns.assignments.length === 0) problems.push({ where: 'grid', reason: 'no assignment columns (page cut off, or a class without assignments)' });
  const students: ReadingStudent[] = [];
  const cells: ReadingCell[] = [];
  const overall: ReadingOverall[] = [];
  grid.querySelectorAll(SELECTORS.studentRow).forEach((row, index) => {
    const link = row.querySelector(SELECTORS.studentLink);
    const key = link?.getAttribute('data-sId') ?? '';
    const name = collapse(link?.textContent);
    if (!key || !name || students.some((s) => s.key === key)) {
      problems.push({ where: `student row ${index + 1}`, reason: 'student row without a unique student id or a name', raw: capRaw(collapse(row.textContent)) });
      return;
    }
    students.push({ key, name, vendorId: key });
    const grade = readOverall(row, columns.terms, key);
    if (grade) overall.push(grade);
    for (const { index: column, assignment } of columns.assignments) {
      const cell = row.children[column];
      const where = `cell ${name} × ${assignment.name}`;
      if (!cell) {
        problems.push({ where, reason: 'the row is cut short (page cut off?)' });
        continue;
      }
      const { raw, score } = readScore(cell, assignment.pointsPossible);
      if (score.unreadable) problems.push({ where, reason: score.unreadable, raw: capRaw(raw) });
      else cells.push({ studentKey: key, assignmentKey: assignment.key, raw, score });
    }
  });
  const heading = doc.querySelector(SELECTORS.heading);
  const sectionKey = GRID_KEY.exec(id)![1]!;
  const section = {
    key: sectionKey,
    name: collapse(heading?.querySelector(SELECTORS.headingLink)?.textContent) || `Class ${sectionKey}`,
    period: collapse(heading?.querySelector(SELECTORS.period)?.textContent) || undefined,
  };
  const assignments = columns.assignments.map((c) => c.assignment);
  return { adapterId: skywardTeacher.id, view: skywardTeacher.view, url: url.href, readAt: now, section, students, assignments, cells, overall, problems };
}

function readTeacherGradebook(doc: Document, url: URL, now: number): AdapterResult {
  const objects = gridObjects(doc);
  if (typeof objects === 'string') return { readings: [], problems: [{ where: 'page', reason: objects }] };
  const grids = Object.entries(objects).filter(([id, grid]) => GRID_KEY.test(id) && isRecord(grid));
  if (grids.length === 0) return { readings: [], problems: [{ where: 'page', reason: 'the class gradebook grid was not found in the page data' }] };
  return { readings: grids.map(([id, data]) => readGrid(doc, id, data as GridObject, url, now)), problems: [] };
}

const cases: AdapterCase[] = [
  {
    fixture: 'local:skyward/teacher-gradebook.html',
    url: 'https://lakeview.skyward.net/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w',
    skipChecks: [{
      check: 'markup-names',
      reason: 'every student and assignment name lives only in the grid data of an inline script, so no text node of the page holds one (tests/adapters/skyward-teacher.test.ts puts markup into the data instead)',
    }],
    expect: {
      readings: 1,
      sectionName: 'PHYSICS 2 AP',
      students: 4,
      assignments: 3,
      cells: [
        { student: 'Abbott, Jamie', assignment: 'Lab 12: Circuits', raw: '45', points: 45, outOf: 50, percent: 90 },
        { student: 'Baker-Lopez, Ana', assignment: 'Lab 12: Circuits', raw: '*', notGraded: true, missing: false },
        { student: 'Baker-Lopez, Ana', assignment: 'Quiz 11', raw: '0', points: 0, missing: true },
        { student: 'Chen, Li', assignment: 'Lab 12: Circuits', raw: '52', percent: 104 },
        { student: 'Chen, Li', assignment: 'Quiz 11', raw: '*', excused: true },
        { student: 'Diaz, Marco', assignment: 'Homework 11.2', raw: '*', excused: true, notGraded: true },
      ],
      overall: [{ student: 'Baker-Lopez, Ana', percent: 62 }, { student: 'Diaz, Marco', percent: 81 }],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const skywardTeacherInfo: AdapterInfo = {
  id: 'skyward-teacher',
  label: 'Skyward (teacher gradebook)',
  view: 'teacher-grid',
  status: 'unverified',
  matches: safeMatches((url, doc) => /\/wsisa\.dll\//i.test(url.pathname) && doc.querySelector(SELECTORS.gridWrap) !== null),
};

export const skywardTeacher: Adapter = /* @__PURE__ */ withReader(skywardTeacherInfo, readTeacherGradebook, cases);
