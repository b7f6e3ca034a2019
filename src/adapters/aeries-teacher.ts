// Aeries teacher Gradebook, "Scores by Class" (`/teacher/gradebook/<gradebook>/<term>/ScoresByClass`): the
// students of one gradebook down the left, a grid of assignment scores on the right. One Reading per page.
// UNVERIFIED: built from Aeries's documentation and public notes on the page's markup, not from a saved
// page (see tests/adapters/fixtures/aeries/teacher-scores-by-class.html for what it follows).
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

const SELECTORS = {
  /** "5 - Intro Stats - Spring": period, then the class */
  gradebookName: 'a[data-dropcontent="gradebooks"]',
  studentRow: 'table.students tr.row[data-sn]',
  studentName: 'a.student-name-link',
  percent: 'td[data-column-name="CurrentPercentage"]',
  mark: 'td[data-column-name="CurrentMark"]',
  assignmentHeader: 'th[data-an]',
  /** the full name; the header's visible name is cut short ("Homework 1.4 Samplin...") */
  assignmentEdit: 'a.assignment-edit[data-assignment-name]',
  infoDialog: '.assignmentInfoDialog',
  scoreRow: 'table.assignments tr.row[data-sn]',
  scoreCell: 'td[data-col-name="mk"][data-an]',
} as const;

const PATH = /\/teacher\/gradebook\/(\d+)\/(\w+)\/ScoresByClass\/?$/i;
/** "03/06/2025 #3 : 20": due date, assignment number, what the score is out of */
const HEADER_INFO = /(\d{1,2}\/\d{1,2}\/\d{4})?\s*#\d+\s*:\s*([\d.]+)/;
/** Aeries's marks, which differ from the generic ones: NA is "does not count", not "not graded", and TX is
 * "temporarily excused": shown as missing but not counted. */
const AERIES_MARKS: Readonly<Record<string, CellFlags>> = {
  MI: { missing: true },
  EX: { excused: true },
  NA: { excused: true },
  TX: { missing: true, excused: true },
  INS: { incomplete: true },
};
const TRUNCATED = /(\.\.\.|…)$/;

/** Header text without its hidden info dialog. */
function shownText(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  copy.querySelectorAll(SELECTORS.infoDialog).forEach((dialog) => dialog.remove());
  return collapse(copy.textContent);
}

function readAssignments(doc: Document, problems: ReadingProblem[]): ReadingAssignment[] {
  const assignments: ReadingAssignment[] = [];
  doc.querySelectorAll(SELECTORS.assignmentHeader).forEach((th, index) => {
    const key = th.getAttribute('data-an') ?? '';
    const shownName = collapse(th.firstElementChild?.textContent);
    const fullName = collapse(th.querySelector(SELECTORS.assignmentEdit)?.getAttribute('data-assignment-name'));
    const name = shownName && !TRUNCATED.test(shownName) ? shownName : fullName || shownName;
    if (!key || !name || assignments.some((a) => a.key === key)) {
      problems.push({ where: `assignment column ${index + 1}`, reason: 'assignment header without a unique number or a name', raw: capRaw(shownText(th)) });
      return;
    }
    const [, due, outOf] = HEADER_INFO.exec(shownText(th)) ?? [];
    const category = /Category:\s*(\S+)/.exec(collapse(th.querySelector(SELECTORS.infoDialog)?.textContent))?.[1];
    const pointsPossible = outOf ? Number(outOf) : undefined;
    assignments.push({ key, name, category, dueDate: due ? parseUsDate(due) : undefined, pointsPossible: pointsPossible && pointsPossible > 0 ? pointsPossible : undefined });
  });
  return assignments;
}

function readScore(raw: string, pointsPossible: number | undefined): ParsedScore {
  const flags = AERIES_MARKS[raw.toUpperCase()];
  if (flags) return { outOf: pointsPossible, flags: { ...flags } };
  return parseScore(raw, pointsPossible);
}

function readOverall(row: Element, studentKey: string): ReadingOverall | undefined {
  const percentText = collapse(row.querySelector(SELECTORS.percent)?.textContent);
  const mark = collapse(row.querySelector(SELECTORS.mark)?.textContent);
  if (!percentText && !mark) return undefined;
  return { studentKey, percent: parsePercent(percentText), letter: mark || undefined, raw: capRaw(collapse(`${percentText} ${mark}`)) };
}

function readScoresByClass(doc: Document, url: URL, now: number): AdapterResult {
  const studentRows = Array.from(doc.querySelectorAll(SELECTORS.studentRow));
  const path = PATH.exec(url.pathname);
  if (studentRows.length === 0 || !path) return { readings: [], problems: [{ where: 'page', reason: 'the Scores by Class student list was not found (page still loading?)' }] };
  const problems: ReadingProblem[] = [];
  const assignments = readAssignments(doc, problems);
  if (assignments.length === 0) problems.push({ where: 'score grid', reason: 'no assignment columns (page cut off, or a gradebook without assignments)' });
  const scoreRows = new Map(Array.from(doc.querySelectorAll(SELECTORS.scoreRow)).map((row) => [row.getAttribute('data-sn') ?? '', row]));
  const students: ReadingStudent[] = [];
  const cells: ReadingCell[] = [];
  const overall: ReadingOverall[] = [];
  studentRows.forEach((row, index) => {
    const number = row.getAttribute('data-sn') ?? '';
    const id = row.getAttribute('data-stuid') || number;
    const name = collapse(row.querySelector(SELECTORS.studentName)?.textContent);
    if (!number || !name || students.some((s) => s.key === id)) {
      problems.push({ where: `student row ${index + 1}`, reason: 'student row without a unique student number or a name', raw: capRaw(collapse(row.textContent)) });
      return;
    }
    const student = { key: id, name, vendorId: id };
    students.push(student);
    const grade = readOverall(row, id);
    if (grade) overall.push(grade);
    const scores = scoreRows.get(number);
    if (!scores) {
      problems.push({ where: `row ${name}`, reason: 'the row of scores is not on the page (page cut off?)' });
      return;
    }
    const byAssignment = new Map(Array.from(scores.querySelectorAll(SELECTORS.scoreCell)).map((cell) => [cell.getAttribute('data-an') ?? '', cell]));
    for (const assignment of assignments) {
      const cell = byAssignment.get(assignment.key);
      const where = `cell ${name} × ${assignment.name}`;
      if (!cell) {
        problems.push({ where, reason: 'no score cell for this assignment (page cut off?)' });
        continue;
      }
      const raw = collapse(cell.textContent);
      const score = readScore(raw, assignment.pointsPossible);
      if (score.unreadable) problems.push({ where, reason: score.unreadable, raw: capRaw(raw) });
      else cells.push({ studentKey: id, assignmentKey: assignment.key, raw, score });
    }
  });
  const title = collapse(doc.querySelector(SELECTORS.gradebookName)?.textContent);
  const [, period, className] = /^(\S+) - (.+)$/.exec(title) ?? [];
  const section = { key: `${path[1]}/${path[2]}`, name: className ?? (title || `Gradebook ${path[1]}`), period };
  const reading = { adapterId: aeriesTeacher.id, view: aeriesTeacher.view, url: url.href, readAt: now, section, students, assignments, cells, overall, problems };
  return { readings: [reading], problems: [] };
}

const cases: AdapterCase[] = [
  {
    fixture: 'local:aeries/teacher-scores-by-class.html',
    url: 'https://lakeview.aeries.net/teacher/gradebook/1219616/S/ScoresByClass',
    expect: {
      readings: 1,
      sectionName: 'Intro Stats - Spring',
      students: 4,
      assignments: 3,
      cells: [
        { student: 'Abbott, Jamie R.', assignment: 'Unit 2 Quiz', raw: '18', points: 18, outOf: 20, percent: 90 },
        { student: 'Baker-Lopez, Ana', assignment: 'Unit 2 Quiz', raw: 'MI', missing: true, excused: false },
        // TX: temporarily excused, shown as missing but not counted
        { student: 'Baker-Lopez, Ana', assignment: 'Group Project', raw: 'TX', missing: true, excused: true },
        { student: 'Chen, Li', assignment: 'Unit 2 Quiz', raw: '', notGraded: true, missing: false },
        { student: 'Chen, Li', assignment: 'Group Project', raw: '52', percent: 104 },
        // NA here means "does not count", not "not graded"
        { student: 'Diaz, Marco', assignment: 'Unit 2 Quiz', raw: 'NA', excused: true, notGraded: false },
        { student: 'Diaz, Marco', assignment: 'Homework 1.4 Sampling Methods', raw: 'INS' },
      ],
      overall: [{ student: 'Baker-Lopez, Ana', percent: 64, letter: 'D' }],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const aeriesTeacherInfo: AdapterInfo = {
  id: 'aeries-teacher',
  label: 'Aeries (teacher gradebook, scores by class)',
  view: 'teacher-grid',
  status: 'unverified',
  matches: safeMatches((url, doc) => PATH.test(url.pathname) && doc.querySelector(SELECTORS.studentRow) !== null),
};

export const aeriesTeacher: Adapter = /* @__PURE__ */ withReader(aeriesTeacherInfo, readScoresByClass, cases);
