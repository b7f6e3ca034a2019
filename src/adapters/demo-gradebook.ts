// The Heads-Up demo gradebook (tests/site): a teacher's grid of one section, students × assignments.
// Its markup is ours and written down in tests/site/README.md, so this adapter is the reference for
// what a teacher-grid reading looks like.
import type { Adapter, AdapterCase, AdapterResult } from './adapter';
import type { CellFlags, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { parsePercent, parseScore } from '../core/score-parse';

// Checked on the pages tests/site/gradebook-render.js draws (the contract in tests/site/README.md).
const SELECTORS = {
  page: 'main[data-gradebook="heads-up-demo"]',
  table: 'table#grade-grid',
  assignmentHeader: 'thead th.assignment',
  assignmentName: '.a-name',
  row: 'tbody tr.student-row',
  studentName: 'th.student-name',
  scoreCell: 'td.score',
  value: 'span.value',
  overall: 'td.overall',
  percent: 'span.pct',
  letter: 'span.letter',
} as const;

/** Flags the page writes as classes on a score cell. */
const FLAG_CLASSES = ['missing', 'late', 'excused'] as const satisfies ReadonlyArray<keyof CellFlags>;
const MAX_RAW = 80;
const TABLE_NOT_FOUND = 'grade table #grade-grid not found (page still loading?)';

const collapse = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();
const capRaw = (text: string) => (text.length > MAX_RAW ? `${text.slice(0, MAX_RAW - 1)}…` : text);

function readAssignments(table: Element, problems: ReadingProblem[]): ReadingAssignment[] {
  const assignments: ReadingAssignment[] = [];
  table.querySelectorAll(SELECTORS.assignmentHeader).forEach((th, index) => {
    const key = th.getAttribute('data-assignment-id')?.trim();
    const name = collapse(th.querySelector(SELECTORS.assignmentName)?.textContent);
    if (!key || !name || assignments.some((a) => a.key === key)) {
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
  });
  return assignments;
}

function readCells(row: Element, student: ReadingStudent, assignments: ReadingAssignment[], cells: ReadingCell[], problems: ReadingProblem[]): void {
  const seen = new Set<string>();
  for (const td of Array.from(row.querySelectorAll(SELECTORS.scoreCell))) {
    const assignment = assignments.find((a) => a.key === td.getAttribute('data-assignment-id'));
    const raw = collapse(td.querySelector(SELECTORS.value)?.textContent ?? td.textContent);
    const where = `cell ${student.name} × ${assignment?.name ?? td.getAttribute('data-assignment-id') ?? '?'}`;
    if (!assignment || seen.has(assignment.key)) {
      problems.push({ where, reason: 'score cell for an unknown or repeated assignment', raw: capRaw(raw) });
      continue;
    }
    seen.add(assignment.key);
    const score = parseScore(raw, assignment.pointsPossible);
    if (score.unreadable) {
      problems.push({ where, reason: score.unreadable, raw: capRaw(raw) });
      continue;
    }
    for (const flag of FLAG_CLASSES) if (td.classList.contains(flag)) score.flags[flag] = true;
    cells.push({ studentKey: student.key, assignmentKey: assignment.key, raw, score });
  }
  // a row with fewer cells than columns is a page cut off or still being drawn: say so, guess nothing
  if (seen.size < assignments.length) {
    problems.push({ where: `row ${student.name}`, reason: `cells for ${seen.size} of ${assignments.length} assignments (page cut off?)` });
  }
}

function readOverall(row: Element, studentKey: string): ReadingOverall | undefined {
  const td = row.querySelector(SELECTORS.overall);
  if (!td) return undefined;
  const letter = collapse(td.querySelector(SELECTORS.letter)?.textContent);
  return {
    studentKey,
    percent: parsePercent(collapse(td.querySelector(SELECTORS.percent)?.textContent)),
    letter: letter || undefined,
    raw: capRaw(collapse(td.textContent)),
  };
}

function readGrid(doc: Document, url: URL, now: number): AdapterResult {
  const table = doc.querySelector(SELECTORS.table);
  const rows = table ? Array.from(table.querySelectorAll(SELECTORS.row)) : [];
  const sectionKey = table?.getAttribute('data-section-id')?.trim();
  if (!table || rows.length === 0 || !sectionKey) return { readings: [], problems: [{ where: 'table', reason: TABLE_NOT_FOUND }] };

  const problems: ReadingProblem[] = [];
  const assignments = readAssignments(table, problems);
  const students: ReadingStudent[] = [];
  const cells: ReadingCell[] = [];
  const overall: ReadingOverall[] = [];
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    const id = row.getAttribute('data-student-id')?.trim() ?? '';
    // The page's student id is the vendor's own: it identifies the person across views.
    const student = { key: id, name: collapse(row.querySelector(SELECTORS.studentName)?.textContent), vendorId: id };
    if (!student.key || !student.name || seen.has(student.key)) {
      problems.push({ where: `row ${index + 1}`, reason: 'student row without a unique id or a name', raw: capRaw(collapse(row.textContent)) });
      return;
    }
    seen.add(student.key);
    students.push(student);
    readCells(row, student, assignments, cells, problems);
    const grade = readOverall(row, student.key);
    if (grade) overall.push(grade);
  });
  const attribute = (name: string) => table.getAttribute(name) ?? undefined;
  const section = { key: sectionKey, name: attribute('data-section-name') ?? sectionKey, teacher: attribute('data-teacher'), period: attribute('data-period') };
  const reading = { adapterId: demoGradebook.id, view: demoGradebook.view, url: url.href, readAt: now, section, students, assignments, cells, overall, problems };
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

export const demoGradebook: Adapter = {
  id: 'demo-gradebook',
  label: 'Heads-Up demo gradebook',
  view: 'teacher-grid',
  status: 'verified',
  matches: (_url, doc) => doc.querySelector(SELECTORS.page) !== null,
  read(doc, url, now) {
    try {
      return readGrid(doc, url, now);
    } catch (error) {
      const reason = `the demo gradebook could not be read: ${error instanceof Error ? error.message : String(error)}`;
      return { readings: [], problems: [{ where: 'page', reason }] };
    }
  },
  cases,
};
