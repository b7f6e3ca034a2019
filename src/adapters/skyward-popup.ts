// Skyward Family/Student Access (SMS 2.0): the assignment-detail popup the student gradebook opens for
// one class and one term (S1, PR1, …). It is loaded into the gradebook page (`sfgradebook001.w`), so
// the page URL is the gradebook's and the popup's grids are what tell it apart.
// The term's grade breakdown (SE1 10 %, Q1 45 %, …) and category weights have no place in a Reading
// yet; the term grade is the overall and each assignment keeps its category.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem } from '../core/types';
import { parseExactScore, parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on skyward/popup-physics-s1.html (29 assignments in Major/Minor with Q1/Q2 subtotal rows)
// and skyward/popup-capstone-pr1.html (1 assignment; a category with "There are no … assignments").
const SELECTORS = {
  /** id `grid_stuGradeInfoGrid_<student id>_<course id>_<track>_<section>` */
  infoGrid: 'table[id^="grid_stuGradeInfoGrid_"]',
  studentName: '.sfTag .sf_fullname',
  /** course link, `(Period <b>5</b>)`, teacher link */
  heading: 'h2.gb_heading',
  headingLink: 'a',
  period: '.fXs b',
  termSummary: 'table[id^="grid_stuTermSummaryGrid_"]',
  assignmentTable: 'table[id^="grid_stuAssignmentSummaryGrid_"]',
  categoryRow: 'tr.sf_Section.cat',
  /** a term subtotal row ("Q2 (weighted at 70.00%)") inside a category, not a category */
  subtotalMark: 'span[tooltip]',
  assignmentLink: 'a[name="showAssignmentInfo"]',
  /** `:scope`: the popup's tables sit inside an outer grid table, whose tbody must not count */
  bodyRow: ':scope > tbody > tr',
  headCell: ':scope > thead > tr > th',
} as const;

const INFO_GRID_ID = /^grid_stuGradeInfoGrid_(\d+)_(\w+)$/;
/** Assignment-row columns after the two-column Due cell: Due, Assignment, Grade, Score (%), Points Earned, Missing, No Count, Absent. */
const COLUMN = { due: 0, name: 1, grade: 2, percent: 3, points: 4, missing: 5, noCount: 6 } as const;

/** Text of an element's own text nodes ("Major" of "Major<br/><span>weighted at …</span>"). */
function ownText(element: Element | undefined): string {
  const texts: Array<string | null> = [];
  for (let node = element?.firstChild; node; node = node.nextSibling) if (node.nodeType === 3) texts.push(node.textContent);
  return collapse(texts.join(' '));
}

const ZERO_POSSIBLE = /^(\*|[\d.]+) out of 0$/;
const POINTS_OUT_OF = /^([\d.]+) out of ([\d.]+)$/;
const TERM_GRADE_SUFFIX = /\s*Grade$/;
const LETTER_GRADE = /^([A-D][+-]?|F)$/;

/**
 * "82 out of 100" as Skyward writes it; `*` is "not graded", and "8 out of 0" is points added with nothing
 * possible. Plain points are read as `82/100`, which parseExactScore reads without the regexes parseScore
 * needs for "out of" (the same score); anything else is parseScore's.
 */
function readPoints(raw: string): ParsedScore {
  const zeroPossible = ZERO_POSSIBLE.exec(raw);
  if (zeroPossible) return zeroPossible[1] === '*' ? { flags: { notGraded: true } } : { points: Number(zeroPossible[1]), flags: {} };
  const outOf = POINTS_OUT_OF.exec(raw);
  return (outOf && parseExactScore(`${outOf[1]}/${outOf[2]}`)) || parseScore(raw);
}

/** Does the cell show anything? (What `collapse(text) !== ''` answers, without collapsing `&nbsp;`.) */
const showsText = (cell: Element | undefined) => (cell?.textContent ?? '').trim() !== '';

function readRow(row: Element, link: Element, category: string | undefined, student: string, problems: ReadingProblem[]): { assignment?: ReadingAssignment; cell?: ReadingCell } {
  const cells = row.children;
  const name = collapse(link?.textContent);
  const key = link?.getAttribute('data-aId') ?? '';
  if (!name || !key) {
    problems.push({ where: 'assignment table', reason: 'assignment row without an id or a name', raw: capRaw(collapse(row.textContent)) });
    return {};
  }
  const dueText = collapse(cells[COLUMN.due]?.textContent);
  const dueDate = parseUsDate(dueText);
  if (dueText && !dueDate) problems.push({ where: `assignment ${name}`, reason: 'the due date is not a date', raw: capRaw(dueText) });
  const assignment: ReadingAssignment = { key, name, category, dueDate };
  const where = `cell ${student} × ${name}`;
  const pointsCell = cells[COLUMN.points];
  if (!pointsCell) {
    problems.push({ where, reason: 'the row is cut short: it has no Points Earned column' });
    return { assignment };
  }
  const raw = collapse(pointsCell.textContent);
  const score = readPoints(raw);
  if (score.unreadable) {
    problems.push({ where, reason: score.unreadable, raw: capRaw(raw) });
    return { assignment };
  }
  if (score.outOf) assignment.pointsPossible = score.outOf;
  // The Missing and No Count columns hold a mark when set; Absent ("TEACHER TARDY") says nothing about the work.
  if (showsText(cells[COLUMN.missing])) score.flags.missing = true;
  if (showsText(cells[COLUMN.noCount])) score.flags.excused = true;
  return { assignment, cell: { studentKey: '', assignmentKey: key, raw, score } };
}

/** The table's own body rows (`SELECTORS.bodyRow`), walked rather than matched against every nested row. */
function bodyRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let section = table.firstElementChild; section; section = section.nextElementSibling) {
    if (section.localName !== 'tbody') continue;
    for (let row = section.firstElementChild; row; row = row.nextElementSibling) {
      if (row.localName === 'tr') rows.push(row);
    }
  }
  return rows;
}

function readOverall(doc: Document, studentKey: string): ReadingOverall | undefined {
  const table = doc.querySelector(SELECTORS.termSummary);
  const term = collapse(table?.querySelector(SELECTORS.headCell)?.firstChild?.textContent).replace(TERM_GRADE_SUFFIX, '');
  const [gradeCell, percentCell] = Array.from((table ? bodyRows(table)[0] : undefined)?.children ?? []);
  const grade = collapse(gradeCell?.textContent);
  const percentText = collapse(percentCell?.textContent);
  if (!grade && !percentText) return undefined;
  const letter = LETTER_GRADE.test(grade) ? grade : undefined;
  return { studentKey, percent: parsePercent(percentText), letter, raw: capRaw(collapse(`${term} ${grade} ${percentText}`)) };
}

function readPopup(doc: Document, url: URL, now: number): AdapterResult {
  const grid = doc.querySelector(SELECTORS.infoGrid);
  const ids = INFO_GRID_ID.exec(grid?.id ?? '');
  const heading = grid?.querySelector(SELECTORS.heading);
  const [courseLink, teacherLink] = Array.from(heading?.querySelectorAll(SELECTORS.headingLink) ?? []);
  const courseName = collapse(courseLink?.textContent);
  const studentName = collapse(doc.querySelector(SELECTORS.studentName)?.textContent);
  if (!ids?.[1] || !ids[2] || !courseName || !studentName) {
    return { readings: [], problems: [{ where: 'page', reason: 'the class heading or student of the assignment popup was not found (still loading?)' }] };
  }
  const student = { key: ids[1], name: studentName, vendorId: ids[1] };
  const problems: ReadingProblem[] = [];
  const table = doc.querySelector(SELECTORS.assignmentTable);
  // Even a class without work lists its categories ("There are no Major assignments"): no rows is a cut page.
  const rows = table ? bodyRows(table) : [];
  if (rows.length === 0) problems.push({ where: 'page', reason: 'the assignment table was not found or is empty (page cut off?)' });
  const assignments: ReadingAssignment[] = [];
  const cells: ReadingCell[] = [];
  let category: string | undefined;
  let categoryRows = 0;
  const checkCategoryListed = () => {
    if (categoryRows > 0) problems.push({ where: `category ${category ?? '?'}`, reason: 'the category lists no assignments and no notice (page cut off?)' });
  };
  const keys = new Set<string>();
  for (const row of rows) {
    if (row.matches(SELECTORS.categoryRow)) {
      const label = row.children[1];
      if (label && !label.querySelector(SELECTORS.subtotalMark)) {
        checkCategoryListed();
        category = ownText(label) || undefined;
      }
      categoryRows += 1;
      continue;
    }
    categoryRows = 0;
    const link = row.querySelector(SELECTORS.assignmentLink);
    if (!link) {
      // "There are no Major assignments" is one cell across the table; anything else is not understood
      if (row.children.length !== 1) problems.push({ where: 'assignment table', reason: 'a row that is neither an assignment nor a category', raw: capRaw(collapse(row.textContent)) });
      continue;
    }
    const { assignment, cell } = readRow(row, link, category, student.name, problems);
    if (assignment && keys.has(assignment.key)) {
      problems.push({ where: `assignment ${assignment.name}`, reason: 'the same assignment id appears twice' });
      continue;
    }
    if (assignment) {
      keys.add(assignment.key);
      assignments.push(assignment);
    }
    if (cell) cells.push({ ...cell, studentKey: student.key });
  }
  checkCategoryListed();
  const overall = readOverall(doc, student.key);
  if (!overall) problems.push({ where: 'term summary', reason: 'the term grade was not found' });
  const section = { key: ids[2], name: courseName, teacher: collapse(teacherLink?.textContent) || undefined, period: collapse(heading?.querySelector(SELECTORS.period)?.textContent) || undefined };
  const reading: Reading = { adapterId: skywardPopup.id, view: skywardPopup.view, url: url.href, readAt: now, section, students: [student], assignments, cells, overall: overall ? [overall] : [], problems };
  return { readings: [reading], problems: [] };
}

const PAGE_URL = 'https://lakeview.skyward.net/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w';
const AVERY = 'Avery J. Stone';
const cases: AdapterCase[] = [
  {
    fixture: 'skyward/popup-physics-s1.html',
    url: PAGE_URL,
    expect: {
      readings: 1, sectionName: 'PHYSICS 1 AP', teacher: 'Robin Park', students: 1, assignments: 29, problems: 0,
      cells: [
        { student: AVERY, assignment: 'TEST 171206 Forces I', raw: '82 out of 100', points: 82, outOf: 100, percent: 82 },
        { student: AVERY, assignment: 'Points Added from Class', raw: '* out of 0', notGraded: true },
        // points added with nothing possible: points, no percent
        { student: AVERY, assignment: 'Added Points from Class', raw: '8 out of 0', points: 8 },
        // the Grade column caps at 100; the points say 103
        { student: AVERY, assignment: 'Acceleration due to Gravity', raw: '103 out of 100', percent: 103 },
        { student: AVERY, assignment: 'TEST 171101 Motion III', raw: '93 out of 100', missing: false, late: false },
      ],
      overall: [{ student: AVERY, percent: 94.95 }],
    },
  },
  {
    fixture: 'skyward/popup-capstone-pr1.html',
    url: PAGE_URL,
    expect: {
      readings: 1, sectionName: 'AP CAPSTONE SEMINAR', teacher: 'Dana Lee', students: 1, assignments: 1, problems: 0,
      cells: [{ student: AVERY, assignment: 'Quest Activity', raw: '100 out of 100', points: 100, outOf: 100, percent: 100 }],
      overall: [{ student: AVERY, percent: 100 }],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const skywardPopupInfo: AdapterInfo = {
  id: 'skyward-popup',
  label: 'Skyward (student assignment details)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => /\/sfgradebook001\.w$/i.test(url.pathname) && doc.querySelector(SELECTORS.infoGrid) !== null),
};

export const skywardPopup: Adapter = /* @__PURE__ */ withReader(skywardPopupInfo, readPopup, cases);
