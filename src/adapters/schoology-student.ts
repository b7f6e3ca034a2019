// Schoology's student "Grades" page (`/grades/grades`): every course the student takes, each a tree of
// grading periods › categories › assignments. One Reading per course.
// Period and category grades have no place in a Reading yet: the course grade (or, when the course
// shows none, the latest grading period's grade) is the overall; categories name the assignments'.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { CellFlags, ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent } from '../core/types';
import { normaliseName, parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { capRaw, collapse } from '../core/text';

// Checked on schoology/student-grades.html (2024-25, "unexpanded": rows are in the DOM, hidden):
// 7 courses, 28 period rows, 80 category rows, 156 item rows and 1 final (midterm) row.
const SELECTORS = {
  course: '.gradebook-course[id^="s-js-gradebook-course-"]',
  courseTitle: '.gradebook-course-title a',
  /** class of Schoology's screen-reader additions ("Course", "assignment", "Due ") */
  hiddenClass: 'visually-hidden',
  /** a course's rows, told apart by class (one query per course, not one per kind of row) */
  row: 'tr',
  courseRow: 'course-row',
  periodRow: 'period-row',
  categoryRow: 'category-row',
  /** assignments; a midterm/final hangs straight under its period as a `final-row` */
  itemRows: ['item-row', 'final-row'],
  title: 'th .title',
  link: 'th .title a',
  /** the title inside a row's header cell: a simple class query there finds what `th .title` finds first */
  titleInHeader: '.title',
  dueDate: '.due-date',
  gradeCell: 'td.grade-column',
  awarded: '.awarded-grade',
  roundedGrade: '.rounded-grade',
  numericInLetter: '.numeric-grade-value',
  maxGrade: '.max-grade',
  noGrade: '.no-grade',
  exceptionIcon: '.exception-icon',
  exceptionText: '.exception-text',
  /** the page's settings JSON (`"user":{…,"uid":…,"name":"…"}`) is the only place naming the student */
  inlineScript: 'script:not([src])',
} as const;

/** `.exception-icon` classes → the flag they set; others are reported. */
const EXCEPTION_FLAGS: Readonly<Record<string, keyof CellFlags>> = {
  missing: 'missing',
  incomplete: 'incomplete',
  excused: 'excused',
  late: 'late',
};

const ITEM_PREFIX = /^I-/;
const USER_JSON = /"user":\{[^{}]*?"uid":(\d+),"name":("(?:[^"\\]|\\.)*")/;

const [ELEMENT_NODE, TEXT_NODE, CDATA_NODE] = [1, 3, 4];
const HIDDEN = `.${SELECTORS.hiddenClass}`;

/** Text without Schoology's screen-reader additions. Most grade cells have none: their text is the element's own. */
function shownText(element: Element | null | undefined): string {
  if (!element) return '';
  return collapse(element.querySelector(HIDDEN) ? textWithoutHidden(element) : element.textContent);
}

/** An element's `textContent` without the text of the hidden elements in it (rather than a copy with them removed).
 * `classList` compares class names exactly, as the selector does on Schoology's standards-mode pages. */
function textWithoutHidden(element: Element): string {
  let text = '';
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === TEXT_NODE || node.nodeType === CDATA_NODE) text += node.nodeValue;
    else if (node.nodeType === ELEMENT_NODE && !(node as Element).classList.contains(SELECTORS.hiddenClass)) text += textWithoutHidden(node as Element);
  }
  return text;
}

/** A course's rows by kind, in page order. */
interface CourseRows {
  courseRow?: Element;
  periods: Element[];
  categories: Element[];
  items: Element[];
}

function courseRows(course: Element): CourseRows {
  const rows: CourseRows = { periods: [], categories: [], items: [] };
  const all = course.querySelectorAll(SELECTORS.row);
  // by index: in Chromium, iterating a NodeList (for…of, Array.from) costs more than reading the rows
  for (let index = 0; index < all.length; index++) {
    const row = all[index]!;
    const classes = row.classList;
    if (!rows.courseRow && classes.contains(SELECTORS.courseRow)) rows.courseRow = row;
    if (classes.contains(SELECTORS.periodRow)) rows.periods.push(row);
    if (classes.contains(SELECTORS.categoryRow)) rows.categories.push(row);
    if (SELECTORS.itemRows.some((name) => classes.contains(name))) rows.items.push(row);
  }
  return rows;
}

/**
 * The header cell a row starts with (every row on the saved page). Queries inside it find what the row-wide
 * selectors find first, scanning a few elements with simple class selectors, where `th .title a` on the row
 * checked the ancestors of its elements (the costliest query of a read, in Chromium); what the header does not
 * hold is looked for on the whole row.
 */
function headerOf(row: Element): Element | null {
  const first = row.firstElementChild;
  return first?.localName === 'th' ? first : null;
}

/** `th .title`, looked for in the header first. */
function rowTitle(row: Element, header: Element | null): Element | null {
  return header?.querySelector(SELECTORS.titleInHeader) ?? row.querySelector(SELECTORS.title);
}

/** The assignment's name element: the link in its title (`th .title a`), else the title. */
function nameElement(row: Element, header: Element | null): Element | null {
  const title = rowTitle(row, header);
  // a title without a link: another title may hold the link the row-wide selector finds
  return title?.querySelector('a') ?? row.querySelector(SELECTORS.link) ?? title;
}

function readStudent(doc: Document): ReadingStudent | undefined {
  for (const script of Array.from(doc.querySelectorAll(SELECTORS.inlineScript))) {
    const match = USER_JSON.exec(script.textContent ?? '');
    if (!match?.[1] || !match[2]) continue;
    // A JSON string literal, decoded as JSON (never evaluated).
    const name = collapse(JSON.parse(match[2]) as string);
    if (name) return { key: match[1], name, vendorId: match[1] };
  }
  return undefined;
}

/** A number as the grade cell shows it (rounded; `title` holds more digits than the teacher sees). */
function shownNumber(element: Element | null): number | undefined {
  return parsePercent(collapse(element?.textContent));
}

const MAX_PREFIX = /^\/\s*/;

function readScore(cell: Element, where: string, problems: ReadingProblem[]): { raw: string; score: ParsedScore; outOf?: number } {
  const noGrade = cell.querySelector(SELECTORS.noGrade);
  // "0" and "Missing" are adjacent spans: read them as the two words the page draws
  const exception = cell.querySelector(SELECTORS.exceptionText);
  const raw = exception ? collapse(`${shownText(noGrade)} ${shownText(exception)}`) : shownText(cell);
  const max = parsePercent(collapse(cell.querySelector(SELECTORS.maxGrade)?.textContent).replace(MAX_PREFIX, ''));
  const awarded = cell.querySelector(SELECTORS.awarded);
  let score: ParsedScore;
  if (awarded) {
    const points = shownNumber(awarded.querySelector(SELECTORS.roundedGrade));
    score = points === undefined ? parseScore(shownText(awarded)) : parseScore(max ? `${points}/${max}` : String(points));
    // "B- 29 / 35": the teacher's letter shown beside the points
    const letter = awarded.querySelector(SELECTORS.numericInLetter) ? collapse(awarded.firstChild?.textContent) : '';
    if (letter && !score.unreadable) score.letter = letter;
  } else {
    score = parseScore(collapse(noGrade?.textContent), max);
  }
  // most cells have no exception mark: look for one before listing them all
  const icons = cell.querySelector(SELECTORS.exceptionIcon) ? Array.from(cell.querySelectorAll(SELECTORS.exceptionIcon)) : [];
  for (const icon of icons) {
    const kind = Array.from(icon.classList).find((name) => name !== 'exception-icon') ?? '';
    const flag = EXCEPTION_FLAGS[kind];
    if (flag) score.flags[flag] = true;
    else problems.push({ where, reason: 'unknown exception mark; its meaning was not read', raw: capRaw(kind) });
  }
  return { raw, score, outOf: max };
}

function readOverall({ courseRow, periods }: CourseRows, studentKey: string): ReadingOverall | undefined {
  const graded = (row: Element) => row.querySelector(`${SELECTORS.gradeCell} ${SELECTORS.awarded}`);
  const courseGrade = courseRow && graded(courseRow);
  // the latest graded period, when the course row shows no grade
  let row = courseGrade ? courseRow : undefined;
  let awarded = courseGrade;
  for (let index = periods.length - 1; index >= 0 && !awarded; index--) {
    awarded = graded(periods[index]!);
    row = periods[index];
  }
  if (!row || !awarded) return undefined;
  const letter = collapse(awarded.querySelector('.alpha-grade')?.textContent) || undefined;
  const label = row === courseRow ? '' : `${shownText(row.querySelector(SELECTORS.title))}: `;
  return { studentKey, letter, percent: shownNumber(awarded.querySelector(SELECTORS.roundedGrade)), raw: capRaw(`${label}${shownText(awarded)}`) };
}

function readCourse(course: Element, rows: CourseRows, student: ReadingStudent, url: URL, now: number): Reading {
  const problems: ReadingProblem[] = [];
  const sectionKey = course.id.replace('s-js-gradebook-course-', '');
  const name = shownText(course.querySelector(SELECTORS.courseTitle)) || sectionKey;
  const categories = new Map(rows.categories.map((row) => [row.getAttribute('data-id') ?? '', shownText(rowTitle(row, headerOf(row)))]));
  const assignments: ReadingAssignment[] = [];
  const keys = new Set<string>();
  const cells: ReadingCell[] = [];
  rows.items.forEach((row, index) => {
    const key = (row.getAttribute('data-id') ?? '').replace(ITEM_PREFIX, '');
    const header = headerOf(row);
    const assignmentName = shownText(nameElement(row, header));
    if (!key || !assignmentName || keys.has(key)) {
      problems.push({ where: `${name} row ${index + 1}`, reason: 'assignment row without a unique id or a name', raw: capRaw(collapse(row.textContent)) });
      return;
    }
    keys.add(key);
    const dueText = shownText(header?.querySelector(SELECTORS.dueDate) ?? row.querySelector(SELECTORS.dueDate));
    const dueDate = dueText ? parseUsDate(dueText.split(' ')[0] ?? '') : undefined;
    if (dueText && !dueDate) problems.push({ where: `assignment ${assignmentName}`, reason: 'the due date is not a date', raw: capRaw(dueText) });
    const assignment: ReadingAssignment = { key, name: assignmentName, category: categories.get(row.getAttribute('data-parent-id') ?? '') || undefined, dueDate };
    assignments.push(assignment);
    const gradeCell = row.querySelector(SELECTORS.gradeCell);
    const where = `cell ${student.name} × ${assignmentName}`;
    if (!gradeCell) {
      problems.push({ where, reason: 'the row has no grade cell (page cut off?)' });
      return;
    }
    const { raw, score, outOf } = readScore(gradeCell, where, problems);
    if (outOf) assignment.pointsPossible = outOf;
    if (score.unreadable) problems.push({ where, reason: score.unreadable, raw: capRaw(raw) });
    else cells.push({ studentKey: student.key, assignmentKey: key, raw, score });
  });
  const overall = readOverall(rows, student.key);
  const section = { key: sectionKey || normaliseName(name), name };
  return { adapterId: schoologyStudent.id, view: schoologyStudent.view, url: url.href, readAt: now, section, students: [student], assignments, cells, overall: overall ? [overall] : [], problems };
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  const courses = Array.from(doc.querySelectorAll(SELECTORS.course));
  if (courses.length === 0) return { readings: [], problems: [{ where: 'page', reason: 'no course grade report found (page still loading?)' }] };
  const student = readStudent(doc);
  if (!student) return { readings: [], problems: [{ where: 'page', reason: "the student's name was not found in the page settings" }] };
  const rows = courses.map(courseRows);
  const readings = courses.map((course, index) => readCourse(course, rows[index]!, student, url, now));
  // A course cut off before its rows is a reading with nothing in it: say so.
  const problems = courses.filter((_, index) => !rows[index]!.courseRow)
    .map((course) => ({ where: `course ${shownText(course.querySelector(SELECTORS.courseTitle))}`, reason: 'the course has no grade rows (page cut off?)' }));
  return { readings, problems };
}

const AVERY = 'Avery Stone';
const cases: AdapterCase[] = [
  {
    fixture: 'schoology/student-grades.html',
    url: 'https://lakeview.schoology.com/grades/grades',
    expect: {
      readings: 7,
      sectionName: 'Accelerated Math 6/7A: Section 18',
      students: 7,
      assignments: 157,
      cells: [
        { student: AVERY, assignment: '1.3 order of operation', raw: '5 / 5', points: 5, outOf: 5, percent: 100 },
        { student: AVERY, assignment: '11.5 Concept Practice', raw: '0 Missing', points: 0, missing: true },
        { student: AVERY, assignment: 'Ch 2 Review', raw: '— Incomplete', notGraded: true, missing: false },
        { student: AVERY, assignment: 'Nouns Quiz', raw: '16.5 / 17', points: 16.5, outOf: 17, percent: 97.06 },
        { student: AVERY, assignment: 'Locate the adjectives', raw: '0 Missing', missing: true },
        // the midterm hangs under its period, with a hidden "Midterm or final" label
        { student: AVERY, assignment: 'Chapter 10 & 11', raw: '—', notGraded: true },
      ],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const schoologyStudentInfo: AdapterInfo = {
  id: 'schoology-student',
  label: 'Schoology (student grades)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => /^\/grades\/grades\/?$/i.test(url.pathname) && doc.querySelector(SELECTORS.course) !== null),
};

export const schoologyStudent: Adapter = /* @__PURE__ */ withReader(schoologyStudentInfo, readPage, cases);
