// Infinite Campus "Grade Book" (Campus Instruction), the teacher's grid of one section: students ×
// assignments. The page keeps each score in an input's `value` *property*, so only a live page shows
// scores; a saved copy of its markup has every box empty. It also draws rows lazily while the teacher
// scrolls (`td.unrendered`). Both are reported, never read as missing work.
// A later version should read the JSON the page itself loads (same-origin GET with the teacher's own
// session) instead of the half-drawn DOM; this version reads what the document shows.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingSection, ReadingStudent } from '../core/types';
import { parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on infinitecampus/teacher-gradebook-grid.html (2025-26): 46 `tr.studentTR` + a template row,
// 2 assignment headers + a template column, 46 `tr.gridTR` of which 23 are unrendered.
const SELECTORS = {
  studentTable: 'table#studentTable',
  assignTable: 'table#assignTable',
  studentRow: 'tr.studentTR',
  /** the link text is "Last, First M "; added students also hold a screen-reader "New Student" inside */
  studentName: '.studentName a',
  screenReaderOnly: '.sr-only',
  /** its title is "<name>\n<course> <code>\nSection 12\nPeriod 05" */
  studentHeader: '.studentHeader[title]',
  /** the grid also carries a hidden template column (`#assignTDTemplate`), not an assignment */
  assignmentHeader: 'td.assignTD[id^="assignTD"]:not(#assignTDTemplate)',
  /** the visible name is an abbreviation ("IA"); the full name sits in a screen-reader tooltip copy */
  assignmentFullName: '.assignmentLeft > .sr-only b',
  assignmentTooltip: '.assignmentLeft > .sr-only',
  assignmentShortName: '.assignmentName a',
  category: '.assignmentGroupDisplay',
  points: 'span.assignmentPoints',
  due: '.dueDate',
  /** "HQ1 (08/18/25 - 10/17/25)": the only place the page gives years for its MM/DD due dates */
  termOption: '#termSelector option',
  unrendered: 'td.unrendered',
  input: 'input',
} as const;

/** Element ids the grid builds from the section id, the person id and the assignment id. */
const IDS = {
  studentRow: /^studentTR(\d+)_(\d+)$/,
  template: 'studentTRTemplate',
  assignment: /^assignTD(\d+)$/,
  gridRow: (section: string, person: string) => `gridTR${section}_${person}`,
  score: (assignment: string, section: string, person: string) => `score${assignment}_${section}_${person}`,
  percent: (section: string, person: string) => `progressPctScoreInput_${section}_${person}`,
  grade: (section: string, person: string) => `progressGradeScoreInput_${section}_${person}`,
} as const;

/** Text of an element without its screen-reader-only parts (the "New Student" trap). */
function visibleText(element: Element): string {
  return collapse(textOutside(element, SELECTORS.screenReaderOnly));
}

/** The text of an element's nodes outside the parts `hidden` matches (walked: no copy of the element). */
function textOutside(element: Element, hidden: string): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3 || node.nodeType === 4) text += node.nodeValue ?? '';
    else if (node.nodeType === 1 && !(node as Element).matches(hidden)) text += textOutside(node as Element, hidden);
  }
  return text;
}

/** The school year's first and last days, from the term selector, to date `MM/DD` due dates. */
function schoolYear(doc: Document): [string, string] | undefined {
  const dates = Array.from(doc.querySelectorAll(SELECTORS.termOption))
    .flatMap((option) => collapse(option.textContent).match(/\d{1,2}\/\d{1,2}\/\d{2,4}/g) ?? [])
    .map(parseUsDate)
    .filter((date): date is string => date !== undefined)
    .sort();
  return dates.length > 0 ? [dates[0]!, dates[dates.length - 1]!] : undefined;
}

function dueDateOf(text: string, year: [string, string] | undefined): string | undefined {
  if (!year) return undefined;
  const candidates = [year[0], year[1]]
    .map((day) => parseUsDate(`${text}/${day.slice(0, 4)}`))
    .filter((date): date is string => date !== undefined && date >= year[0] && date <= year[1]);
  return candidates.length > 0 && candidates[0] === candidates[candidates.length - 1] ? candidates[0] : undefined;
}

interface Column extends ReadingAssignment {
  /** scores the header's statistics count ("Count: 38"), if shown */
  scoredCount?: number;
}

function readColumns(doc: Document, problems: ReadingProblem[]): Column[] {
  const year = schoolYear(doc);
  const columns: Column[] = [];
  doc.querySelectorAll(SELECTORS.assignmentHeader).forEach((th, index) => {
    const key = IDS.assignment.exec(th.id)?.[1];
    const name = collapse(th.querySelector(SELECTORS.assignmentFullName)?.textContent)
      || collapse(th.querySelector(SELECTORS.assignmentShortName)?.textContent);
    if (!key || !name || columns.some((c) => c.key === key)) {
      problems.push({ where: `assignment column ${index + 1}`, reason: 'assignment header without a unique id or a name', raw: capRaw(th.id) });
      return;
    }
    const dueText = collapse(th.querySelector(SELECTORS.due)?.textContent);
    const dueDate = dueText ? dueDateOf(dueText, year) : undefined;
    if (dueText && !dueDate) problems.push({ where: `assignment ${name}`, reason: 'the due date has no year the term list can place', raw: capRaw(dueText) });
    const points = Number(collapse(th.querySelector(SELECTORS.points)?.textContent));
    const count = /Count:\s*(\d+)/.exec(collapse(th.querySelector(SELECTORS.assignmentTooltip)?.textContent))?.[1];
    columns.push({
      key,
      name,
      category: collapse(th.querySelector(SELECTORS.category)?.textContent) || undefined,
      dueDate,
      pointsPossible: Number.isFinite(points) && points > 0 ? points : undefined,
      scoredCount: count === undefined ? undefined : Number(count),
    });
  });
  return columns;
}

function readSection(row: Element, sectionKey: string, problems: ReadingProblem[]): ReadingSection {
  const lines = (row.querySelector(SELECTORS.studentHeader)?.getAttribute('title') ?? '').split('\n').map(collapse);
  const course = lines[1];
  const number = lines.find((line) => /^Section\s/.test(line));
  const period = lines.find((line) => /^Period\s/.test(line))?.replace(/^Period\s+/, '');
  if (!course) problems.push({ where: 'student header', reason: 'the course name was not found; the section id stands in for it' });
  return { key: sectionKey, name: course ? [course, number].filter(Boolean).join(', ') : `Section ${sectionKey}`, period };
}

function inputValue(doc: Document, id: string): string {
  const input = doc.getElementById(id);
  return collapse(input && 'value' in input ? String((input as HTMLInputElement).value) : '');
}

function readOverall(doc: Document, section: string, person: string): ReadingOverall | undefined {
  const percentText = inputValue(doc, IDS.percent(section, person));
  const letter = inputValue(doc, IDS.grade(section, person));
  if (!percentText && !letter) return undefined;
  return { studentKey: person, percent: parsePercent(percentText), letter: letter || undefined, raw: capRaw(collapse(`${percentText} ${letter}`)) };
}

function readGrid(doc: Document, url: URL, now: number): AdapterResult {
  const rows = Array.from(doc.querySelectorAll(`${SELECTORS.studentTable} ${SELECTORS.studentRow}`)).filter((row) => row.id !== IDS.template);
  const first = rows.map((row) => IDS.studentRow.exec(row.id)).find(Boolean);
  if (!first?.[1]) return { readings: [], problems: [{ where: 'page', reason: 'the Grade Book student table was not found (page still loading?)' }] };
  const sectionKey = first[1];
  const problems: ReadingProblem[] = [];
  const section = readSection(rows[0]!, sectionKey, problems);
  const columns = readColumns(doc, problems);
  const students: ReadingStudent[] = [];
  const seen = new Set<string>();
  const pending: Array<{ column: Column; cell: ReadingCell }> = [];
  const overall: ReadingOverall[] = [];
  let unrendered = 0;
  rows.forEach((row, index) => {
    const [, rowSection, person] = IDS.studentRow.exec(row.id) ?? [];
    const link = row.querySelector(SELECTORS.studentName);
    const name = link ? visibleText(link) : '';
    if (!person || rowSection !== sectionKey || !name || seen.has(person)) {
      problems.push({ where: `student row ${index + 1}`, reason: 'student row without a unique person id or a name', raw: capRaw(row.id) });
      return;
    }
    const student = { key: person, name, vendorId: person };
    seen.add(person);
    students.push(student);
    const gridRow = doc.getElementById(IDS.gridRow(sectionKey, person));
    if (!gridRow) {
      problems.push({ where: `row ${name}`, reason: 'the row of score boxes is not on the page (page cut off?)' });
      return;
    }
    // Rows the grid has not drawn yet hold no inputs: unknown, not missing.
    if (gridRow.querySelector(SELECTORS.unrendered)) {
      unrendered += 1;
      return;
    }
    for (const column of columns) {
      const input = doc.getElementById(IDS.score(column.key, sectionKey, person))?.querySelector(SELECTORS.input);
      if (!input) {
        problems.push({ where: `cell ${name} × ${column.name}`, reason: 'no score box for this assignment (page cut off?)' });
        continue;
      }
      const raw = collapse((input as HTMLInputElement).value);
      const score = parseScore(raw, column.pointsPossible);
      if (score.unreadable) problems.push({ where: `cell ${name} × ${column.name}`, reason: score.unreadable, raw: capRaw(raw) });
      else pending.push({ column, cell: { studentKey: person, assignmentKey: column.key, raw, score } });
    }
    const grade = readOverall(doc, sectionKey, person);
    if (grade) overall.push(grade);
  });
  if (unrendered > 0) {
    problems.push({ where: 'grid', reason: `rows not rendered yet: scroll or wait (${unrendered} of ${students.length} students have no score boxes drawn)` });
  }
  const cells: ReadingCell[] = [];
  for (const column of columns) {
    const own = pending.filter((p) => p.column === column).map((p) => p.cell);
    // The header counts scores the boxes do not show: a saved copy, whose boxes lost their values.
    if (column.scoredCount && own.length > 0 && own.every((cell) => cell.raw === '')) {
      problems.push({ where: `assignment ${column.name}`, reason: `the header counts ${column.scoredCount} scores but none of the ${own.length} drawn score boxes holds one (a saved copy of the page?)` });
      continue;
    }
    cells.push(...own);
  }
  const assignments = columns.map(({ scoredCount: _count, ...assignment }) => assignment);
  const reading = { adapterId: infinitecampusTeacher.id, view: infinitecampusTeacher.view, url: url.href, readAt: now, section, students, assignments, cells, overall, problems };
  return { readings: [reading], problems: [] };
}

const cases: AdapterCase[] = [
  {
    fixture: 'infinitecampus/teacher-gradebook-grid.html',
    url: 'https://lakeviewca.infinitecampus.org/campus/apps/gradebook',
    expect: {
      readings: 1,
      sectionName: 'FRSH/SOPH P.E. PFF200, Section 12',
      students: 46,
      assignments: 2,
      cells: [
        // W8/29 has no scores anywhere ("Count: 0"): its empty boxes are not graded, not missing
        { student: 'Abbott Brook, Adrian', assignment: 'W8/29', raw: '', notGraded: true, missing: false },
        // "New Student" is screen-reader text inside the link, not part of the name
        { student: 'Fairbanks Hale, Fiona', assignment: 'W8/29', raw: '', notGraded: true },
      ],
      // rows not rendered (23 of 46); Intro Assignment counts 38 scores the saved boxes lost
      problems: 2,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const infinitecampusTeacherInfo: AdapterInfo = {
  id: 'infinitecampus-teacher',
  label: 'Infinite Campus (teacher Grade Book)',
  view: 'teacher-grid',
  status: 'verified',
  matches: safeMatches((url, doc) => /\/campus\//i.test(url.pathname)
        && doc.querySelector(`${SELECTORS.studentTable} ${SELECTORS.studentRow}`) !== null
        && doc.querySelector(SELECTORS.assignTable) !== null),
};

export const infinitecampusTeacher: Adapter = /* @__PURE__ */ withReader(infinitecampusTeacherInfo, readGrid, cases);
