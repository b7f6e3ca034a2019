// Google Classroom's "Grades" tab for teachers (`classroom.google.com/c/<course id>/gb`, also under `/u/<n>/`):
// students down, assignments across, an "Overall grade" column where the class has a grading system.
// Classroom's class names are generated and change with every release, so nothing here reads a class name:
// only ARIA roles (grid, row, column and row headers, cells), the ids inside the app's own links
// (`/c/<course>/a/<item>/…` for an assignment, as the Classroom API's `alternateLink` and public tools show
// them) and a student id from a `data-student-id` attribute or a link to the student's work (`/sp/<id>/`).
// Unverified: built from Google's Classroom help and API documentation and public tools that read Classroom
// pages (see tests/adapters/fixtures/google-classroom/README.md); no saved Grades page was available.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { parsePercent, parseScore } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

const GRADES_PATH = /^(?:\/u\/\d+)?\/c\/([A-Za-z0-9_-]+)\/gb(?:\/|$)/;
const SELECTORS = {
  grid: '[role="grid"], table',
  row: '[role="row"], tr',
  /** header and body cells in document order; a native table's cells carry these roles implicitly */
  cell: '[role="columnheader"], [role="rowheader"], [role="gridcell"], th, td',
  columnHeader: '[role="columnheader"], th:not([role])',
  rowHeader: '[role="rowheader"]',
  assignmentLink: 'a[href*="/a/"]',
  studentId: '[data-student-id]',
  studentLink: 'a[href*="/sp/"]',
} as const;
const ASSIGNMENT_IN_HREF = /\/c\/[^/]+\/a\/([^/?#]+)/;
const STUDENT_IN_HREF = /\/sp\/([^/?#]+)/;
/** The header's points line ("out of 100"). */
const OUT_OF = /\bout of\s+(\d+(?:\.\d+)?)/i;
const OVERALL_HEADER = /^overall grade\b/i;
/** The grid's first body row averages the class; it is not a student. */
const CLASS_AVERAGE = /^class average\b/i;

/** Status words Classroom writes in a cell beside or instead of the grade. */
const STATUS_FLAGS: ReadonlyArray<readonly [RegExp, CellFlags]> = [
  [/\bmissing\b/i, { missing: true }],
  [/\b(?:done late|turned in late|late)\b/i, { late: true }],
  [/\bexcused\b/i, { excused: true }],
];
/** Words that say where the work is, not what it scored; with no grade they mean "not graded". */
const STATUS_WORDS = /\b(?:missing|done late|turned in late|late|excused|draft|turned in|handed in|assigned|returned|not turned in|done)\b/gi;

interface Column { kind: 'student' | 'overall' | 'assignment' | 'other'; assignment?: ReadingAssignment; header: string }

/** Text as drawn: Classroom's markup has no spaces between its blocks ("14/20" then "Done late"), so a space
 * goes between two text pieces only where a word would otherwise run into the next. */
function shownText(element: Element | null | undefined): string {
  if (!element) return '';
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  let text = '';
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const piece = collapse(node.nodeValue);
    if (piece) text += (/[\p{L}\p{N}]$/u.test(text) && /^[\p{L}\p{N}]/u.test(piece) ? ' ' : '') + piece;
  }
  return text;
}
const cellsOf = (row: Element) => Array.from(row.querySelectorAll(SELECTORS.cell)).filter((cell) => cell.closest(SELECTORS.row) === row);

function readColumns(headerRow: Element, problems: ReadingProblem[]): Column[] {
  return cellsOf(headerRow).map((cell, index): Column => {
    const header = shownText(cell);
    const link = cell.querySelector(SELECTORS.assignmentLink);
    const key = ASSIGNMENT_IN_HREF.exec(link?.getAttribute('href') ?? '')?.[1];
    if (key) {
      const name = shownText(link) || header;
      const pointsPossible = Number(OUT_OF.exec(header)?.[1]) || undefined;
      return { kind: 'assignment', assignment: { key, name, pointsPossible }, header };
    }
    if (OVERALL_HEADER.test(header)) return { kind: 'overall', header };
    if (index === 0) return { kind: 'student', header };
    if (header) problems.push({ where: `column ${index + 1}`, reason: 'a column without an assignment link (no assignment id): skipped', raw: capRaw(header) });
    return { kind: 'other', header };
  });
}

function readStudent(row: Element, nameCell: Element | undefined): ReadingStudent | undefined {
  const name = shownText(nameCell);
  const id = row.getAttribute('data-student-id') ?? row.querySelector(SELECTORS.studentId)?.getAttribute('data-student-id')
    ?? STUDENT_IN_HREF.exec(row.querySelector(SELECTORS.studentLink)?.getAttribute('href') ?? '')?.[1];
  return name && id ? { key: id, name, vendorId: id } : undefined;
}

function readCell(cell: Element, outOf: number | undefined): { raw: string; score: ParsedScore } {
  const raw = shownText(cell);
  const grade = collapse(raw.replace(STATUS_WORDS, ' '));
  const score = parseScore(grade, outOf);
  if (score.unreadable) return { raw, score };
  for (const [word, flags] of STATUS_FLAGS) if (word.test(raw)) Object.assign(score.flags, flags);
  // "Missing" or "Excused" with no grade is that mark, not an empty cell
  if (score.flags.missing || score.flags.excused) delete score.flags.notGraded;
  return { raw, score };
}

function readOverall(cell: Element, studentKey: string): ReadingOverall | undefined {
  const raw = shownText(cell);
  if (!raw || /^[-–—]+$/.test(raw)) return undefined;
  const letter = /^([A-F][+-]?)(?![\w])/.exec(raw)?.[1];
  const percent = parsePercent(/(\d+(?:[.,]\d+)?)\s*%/.exec(raw)?.[1] ?? (letter ? '' : raw));
  return { studentKey, percent, letter, raw: capRaw(raw) };
}

function readRow(row: Element, columns: Column[], reading: Reading, index: number): void {
  const { problems } = reading;
  const cells = cellsOf(row);
  const nameCell = row.querySelector(SELECTORS.rowHeader) ?? cells[0];
  if (CLASS_AVERAGE.test(shownText(nameCell))) return;
  const student = readStudent(row, nameCell ?? undefined);
  if (!student || reading.students.some((s) => s.key === student.key)) {
    problems.push({ where: `row ${index + 1}`, reason: 'a row without a student id or a name, or a student listed twice: skipped', raw: capRaw(shownText(nameCell)) });
    return;
  }
  reading.students.push(student);
  if (cells.length < columns.length) problems.push({ where: `row of ${student.name}`, reason: `${columns.length - cells.length} of ${columns.length} cells missing (page cut off or still loading?)` });
  cells.forEach((cell, column) => {
    const { kind, assignment } = columns[column] ?? { kind: 'other' };
    if (kind === 'overall') {
      const overall = readOverall(cell, student.key);
      if (overall) reading.overall.push(overall);
    }
    if (kind !== 'assignment' || !assignment) return;
    const read = readCell(cell, assignment.pointsPossible);
    const where = `cell ${student.name} × ${assignment.name}`;
    if (read.score.unreadable) problems.push({ where, reason: read.score.unreadable, raw: capRaw(read.raw) });
    else reading.cells.push({ studentKey: student.key, assignmentKey: assignment.key, ...read } satisfies ReadingCell);
  });
}

/** The class name from the page title ("Biology 7 - Grades" or the like), else the course id. */
function courseName(doc: Document, courseId: string): string {
  const title = collapse(doc.title).replace(/\s*[-–|]\s*(?:grades|google classroom|classroom)\b.*$/i, '');
  return title && !/^(?:grades|google classroom|classroom)$/i.test(title) ? title : `Class ${courseId}`;
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  const courseId = GRADES_PATH.exec(url.pathname)?.[1];
  if (!courseId) return { readings: [], problems: [{ where: 'page', reason: 'the address names no class' }] };
  const grid = Array.from(doc.querySelectorAll(SELECTORS.grid)).find((candidate) => candidate.querySelector(SELECTORS.assignmentLink));
  if (!grid) return { readings: [], problems: [{ where: 'page', reason: 'no grades grid with assignments found (page still loading, or no assignments yet?)' }] };
  const rows = Array.from(grid.querySelectorAll(SELECTORS.row));
  const headerIndex = rows.findIndex((row) => row.querySelector(SELECTORS.columnHeader) && row.querySelector(SELECTORS.assignmentLink));
  if (headerIndex < 0) return { readings: [], problems: [{ where: 'grid', reason: 'the grid has no header row naming its assignments' }] };
  const problems: ReadingProblem[] = [];
  const columns = readColumns(rows[headerIndex]!, problems);
  const assignments: ReadingAssignment[] = [];
  for (const column of columns) {
    if (column.assignment && !assignments.some((a) => a.key === column.assignment!.key)) assignments.push(column.assignment);
  }
  const reading: Reading = {
    adapterId: googleClassroomInfo.id, view: googleClassroomInfo.view, url: url.href, readAt: now,
    section: { key: courseId, name: courseName(doc, courseId) },
    students: [], assignments, cells: [], overall: [], problems,
  };
  rows.slice(headerIndex + 1).forEach((row, index) => readRow(row, columns, reading, index));
  if (reading.students.length === 0) problems.push({ where: 'grid', reason: 'no student rows found (page cut off or still loading?)' });
  return { readings: [reading], problems: [] };
}

const FIXTURES = 'local:google-classroom/';
const cases: AdapterCase[] = [
  {
    fixture: `${FIXTURES}grades-tab.html`,
    url: 'https://classroom.google.com/u/0/c/NzM4MjEwMjM0MTI2/gb',
    expect: {
      readings: 1, sectionName: 'Biology 7', students: 3, assignments: 4, problems: 0,
      cells: [
        { student: 'Avery Stone', assignment: 'Cell Structure Quiz', raw: '18/20', points: 18, outOf: 20, percent: 90 },
        { student: 'Sam Okafor', assignment: 'Cell Structure Quiz', raw: 'Missing', missing: true, notGraded: false },
        { student: 'Priya Raman', assignment: 'Cell Structure Quiz', raw: '14/20 Done late', points: 14, late: true },
        // a draft grade: given, not yet returned to the student
        { student: 'Avery Stone', assignment: 'Osmosis Lab', raw: '9/10 Draft', points: 9, outOf: 10 },
        { student: 'Sam Okafor', assignment: 'Osmosis Lab', raw: 'Excused', excused: true, notGraded: false },
        { student: 'Priya Raman', assignment: 'Osmosis Lab', raw: 'Turned in', notGraded: true, missing: false },
        { student: 'Sam Okafor', assignment: 'Unit 1 Test', raw: '0/50 Missing', points: 0, missing: true },
        { student: 'Avery Stone', assignment: 'Reading Log', raw: '', notGraded: true },
      ],
      overall: [{ student: 'Avery Stone', percent: 92.5 }, { student: 'Sam Okafor', percent: 41.2 }],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const googleClassroomInfo: AdapterInfo = {
  id: 'google-classroom',
  label: 'Google Classroom (Grades tab)',
  view: 'teacher-grid',
  status: 'unverified',
  matches: safeMatches((url) => url.hostname === 'classroom.google.com' && GRADES_PATH.test(url.pathname)),
};

export const googleClassroom: Adapter = /* @__PURE__ */ withReader(googleClassroomInfo, readPage, cases);
