// Moodle's user report (`/grade/report/user/index.php?id=COURSE[&userid=U]`, also reached as
// `/course/user.php?mode=grade&id=COURSE&user=U`): one student's grade items in one course, with their
// range, percentage and the course total. Teachers, students and parents see the same table.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { ParsedScore, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingSection, ReadingStudent } from '../core/types';
import { parsePercent, parseScore } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on moodle/teacher-user-report.html, -excused.html, student-user-report.html (Moodle 4.3, Boost)
// and the French tbody of moodle/user-report-tbody-fr.html (Moodle 4.x of 2023, decimal commas).
/** Classes checked on elements at hand, each part of a selector below. */
const CLASSES = { table: 'user-grade', heading: 'user-heading' } as const;

const SELECTORS = {
  /** "All users" shows one table per student */
  table: `table.${CLASSES.table}`,
  /** Moodle's heading above the report: the student's avatar initials and name, linked to their profile */
  heading: `.${CLASSES.heading}`,
  /** item, category-total and course-total rows: `th#row_{itemid}_{userid}`; category headings are `th#cat_…`
   * (told apart by ROW_ID and CATEGORY_ID, so that one query finds both) */
  itemNameHeader: 'th.column-itemname',
  itemName: '.gradeitemheader',
  grade: 'td.column-grade',
  range: 'td.column-range',
  percentage: 'td.column-percentage',
  /** the calculated weight, followed by Moodle's aggregation hint: "0.00 % ( Dropped )" */
  weight: 'td.column-weight',
} as const;

const ROW_ID = /^row_(\d+)_(\d+)$/;
const CATEGORY_ID = /^cat_(\d+)_(\d+)$/;
/** the category heading's id first in a grade cell's `headers` ("cat_2_6 row_5_6 grade6") */
const HEADERS_CATEGORY_ID = /^cat_(\d+)_(\d+)(?:\s|$)/;
/** `72.38 % (C-)`: a grade shown in two display types at once */
const WITH_LETTER = /^(.+?)\s*\(([^()]+)\)$/;
/** the upper end of a range `0–10`, `0,00–20,00` or `0.00 - 10.00` */
const RANGE_MAX = /[–-]\s*([\d.,]+)\s*$/;
/** Moodle's aggregation hints after a weight (English strings; other languages read as no hint). */
const DROPPED_HINT = /\(\s*dropped\s*\)/i;
const EXCLUDED_HINT = /\(\s*excluded\s*\)/i;

interface ItemRow {
  itemId: string;
  userId: string;
  name: string;
  kind: 'item' | 'category' | 'course';
  categoryId?: string;
  row: Element;
  /** the row's grade cell, looked up once */
  grade: Element | null;
}

/** The name headers of the table, in one query: grade item rows (`row_…`) and category headings (`cat_…`). */
function nameHeaders(table: Element): { items: ItemRow[]; categories: Element[] } {
  const items: ItemRow[] = [];
  const categories: Element[] = [];
  const ths = table.querySelectorAll(SELECTORS.itemNameHeader);
  // by index: in Chromium, iterating a NodeList with for…of costs more than this test of each header
  for (let index = 0; index < ths.length; index++) {
    const th = ths[index]!;
    const id = th.id;
    const item = id.startsWith('row_') ? itemRow(th, id) : undefined;
    if (item) items.push(item);
    else if (id.startsWith('cat_')) categories.push(th);
  }
  return { items, categories };
}

function itemRow(th: Element, id: string): ItemRow | undefined {
  const ids = ROW_ID.exec(id);
  if (!ids) return undefined;
  const aggregate = th.classList.contains('baggt');
  const kind = !aggregate ? 'item' : th.classList.contains('level1') ? 'course' : 'category';
  const name = collapse((th.querySelector(SELECTORS.itemName) ?? th).textContent);
  const row = th.parentElement!;
  const grade = row.querySelector(SELECTORS.grade);
  // only a grade item is put in its category
  const categoryId = kind === 'item' ? HEADERS_CATEGORY_ID.exec(grade?.getAttribute('headers') ?? '')?.[1] : undefined;
  return { itemId: ids[1]!, userId: ids[2]!, name, kind, categoryId, row, grade };
}

/** Category ids → names, without the top category (named after the course). */
function categoryNames(headers: Element[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const th of headers) {
    const id = CATEGORY_ID.exec(th.id)?.[1];
    if (id && !th.classList.contains('level1')) names.set(id, collapse(th.textContent));
  }
  return names;
}

/** A grade as shown: `9.00`, `15,00`, `B+`, `90.00 %`, `54.00 (D)`, `-` (no grade). */
function readGrade(raw: string, pointsPossible: number | undefined): ParsedScore {
  const both = WITH_LETTER.exec(raw);
  if (!both) return parseScore(raw, pointsPossible);
  const score = parseScore(both[1]!, pointsPossible);
  return score.unreadable ? score : { ...score, letter: collapse(both[2]) };
}

const itemWhere = (item: ItemRow) => `item ${item.name || item.itemId}`;

function readItem(item: ItemRow, studentKey: string, problems: ReadingProblem[]): ReadingCell | undefined {
  const raw = collapse(item.grade?.textContent);
  // RANGE_MAX and the hints read the text the same before its spaces are collapsed as after
  const max = parsePercent(RANGE_MAX.exec(item.row.querySelector(SELECTORS.range)?.textContent ?? '')?.[1] ?? '');
  const score = readGrade(raw, max);
  if (score.unreadable) {
    problems.push({ where: itemWhere(item), reason: score.unreadable, raw: capRaw(raw) });
    return undefined;
  }
  // `-` (no grade) still has a range: keep what it is worth, as `--/10` would
  if (score.flags.notGraded && max !== undefined && max > 0) score.outOf = max;
  // Moodle does not show "Excluded" here: an excluded grade is hinted "( Dropped )" like a drop-lowest one.
  const hint = item.row.querySelector(SELECTORS.weight)?.textContent ?? '';
  // both hints are in parentheses; most weights have none
  if (hint.includes('(') && DROPPED_HINT.test(hint)) score.flags.dropped = true;
  if (hint.includes('(') && EXCLUDED_HINT.test(hint)) score.flags.excused = true;
  return { studentKey, assignmentKey: item.itemId, raw, score };
}

/** The course total: `72.38 % (C-)` in the grade column, or points (`15,00`) beside a percentage column. */
function readOverall(item: ItemRow, studentKey: string): ReadingOverall | undefined {
  const raw = collapse(item.grade?.textContent);
  const both = WITH_LETTER.exec(raw);
  const shownPercent = (both?.[1] ?? raw).includes('%') ? parsePercent((both?.[1] ?? raw).replace('%', '')) : undefined;
  const percent = shownPercent ?? parsePercent(collapse(item.row.querySelector(SELECTORS.percentage)?.textContent).replace('%', ''));
  const letter = both ? collapse(both[2]) : undefined;
  if (percent === undefined && !letter) return undefined;
  return { studentKey, percent, letter, raw: capRaw(raw) };
}

function readStudent(doc: Document, table: Element, userId: string, problems: ReadingProblem[]): ReadingStudent {
  // The report's heading links the student's profile (`/user/view.php?id=6&course=2`) and names them. The
  // heading beside the table is looked in first, then the page's first heading: a query through the whole
  // page costs as much as the rest of the read. Without either, the first such link with a name, wherever it is.
  const profile = `a[href*="/user/view.php?id=${userId}&"]`;
  const link = namedLink(headingBeside(table), profile) ?? namedLink(doc.querySelector(SELECTORS.heading), profile) ?? linkWithName(doc, profile);
  const name = collapse(link?.textContent);
  if (!name) problems.push({ where: 'student', reason: 'the student\'s name is not on the page: shown by user id' });
  return { key: userId, name: name || userId, vendorId: userId };
}

/** Moodle puts the heading just before the table's container (`div.user-heading` + `div.user-report-container
 * > div.table-responsive > table`): the previous sibling of the table or of one of its two nearest
 * ancestors, if it has the heading's class. */
function headingBeside(table: Element): Element | undefined {
  let node: Element | null = table;
  for (let depth = 0; node && depth < 3; depth++, node = node.parentElement) {
    const before = node.previousElementSibling;
    if (before?.classList.contains(CLASSES.heading)) return before;
  }
  return undefined;
}

/** The link the selector finds in `root`, if it shows a name. */
function namedLink(root: ParentNode | null | undefined, selector: string): Element | undefined {
  const link = root?.querySelector(selector);
  return link && collapse(link.textContent) ? link : undefined;
}

/** The first link the selector finds that shows a name: the first one, and only if it shows none, every one. */
function linkWithName(doc: Document, selector: string): Element | undefined {
  return namedLink(doc, selector) ?? Array.from(doc.querySelectorAll(selector)).find((a) => collapse(a.textContent));
}

function readSection(doc: Document, url: URL, categoryHeaders: Element[]): ReadingSection | undefined {
  const top = categoryHeaders.find((th) => th.classList.contains('level1'));
  const courseId = url.searchParams.get('id') ?? /\bcourse-(\d+)\b/.exec(doc.body?.className ?? '')?.[1];
  const topId = CATEGORY_ID.exec(top?.id ?? '')?.[1];
  const key = courseId ?? (topId ? `category-${topId}` : undefined);
  if (!key) return undefined;
  // the top category is named after the course
  return { key, name: collapse(top?.textContent) || collapse(doc.querySelector('h1')?.textContent) || key };
}

function readTable(doc: Document, url: URL, now: number, table: Element): Reading | { problem: ReadingProblem } {
  const headers = nameHeaders(table);
  const rows = headers.items;
  const section = readSection(doc, url, headers.categories);
  const userId = rows[0]?.userId;
  if (!userId || !section) return { problem: { where: 'table', reason: 'a user report table without grade item rows (page still loading?)' } };
  const problems: ReadingProblem[] = [];
  const student = readStudent(doc, table, userId, problems);
  const categories = categoryNames(headers.categories);
  const assignments: ReadingAssignment[] = [];
  const assignmentKeys = new Set<string>();
  const cells: ReadingCell[] = [];
  let overall: ReadingOverall[] = [];
  for (const item of rows) {
    if (item.userId !== userId) problems.push({ where: itemWhere(item), reason: `a row of user ${item.userId} in the table of user ${userId}: skipped` });
    else if (item.kind === 'course') overall = [readOverall(item, userId)].filter((o): o is ReadingOverall => o !== undefined);
    else if (item.kind === 'item' && !assignmentKeys.has(item.itemId)) {
      const cell = readItem(item, userId, problems);
      if (!cell) continue;
      const category = item.categoryId ? categories.get(item.categoryId) : undefined;
      assignmentKeys.add(item.itemId);
      assignments.push({ key: item.itemId, name: item.name || item.itemId, category, pointsPossible: cell.score.outOf });
      cells.push(cell);
    }
    // category totals are Moodle's sums, not assignments: left out
  }
  if (!rows.some((item) => item.kind === 'course')) problems.push({ where: 'table', reason: 'no course total row (page cut off?)' });
  return { adapterId: moodleUserReport.id, view: 'student-detail', url: url.href, readAt: now, section, students: [student], assignments, cells, overall, problems };
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  // a query, not the class's live list: after a change to the page Chromium rebuilds that list by a walk
  // that costs twice the query (13 µs against 6 µs on moodle/teacher-user-report.html)
  const tables = doc.querySelectorAll(SELECTORS.table);
  if (tables.length === 0) return { readings: [], problems: [{ where: 'page', reason: 'the user report table (table.user-grade) was not found (page still loading?)' }] };
  const readings: Reading[] = [];
  const problems: ReadingProblem[] = [];
  for (const table of tables) {
    const result = readTable(doc, url, now, table);
    if ('problem' in result) problems.push(result.problem);
    else readings.push(result);
  }
  return { readings, problems };
}

const REPORT = 'http://127.0.0.1:8090/grade/report/user/index.php?id=2';

const cases: AdapterCase[] = [
  {
    fixture: 'moodle/teacher-user-report.html',
    url: `${REPORT}&userid=6`,
    expect: {
      readings: 1, sectionName: 'Algebra 1 — Period 2', students: 1, assignments: 17, problems: 0,
      cells: [
        { student: 'Owen Fitzgerald', assignment: 'HW 1: Order of Operations', raw: '9.00', points: 9, outOf: 10, percent: 90 },
        { student: 'Owen Fitzgerald', assignment: 'HW 8: Systems by Graphing', raw: '5.00', points: 5, percent: 50 },
        { student: 'Owen Fitzgerald', assignment: 'Unit 1 Test: Equations & Inequalities', raw: '83.00', points: 83, outOf: 100 },
        { student: 'Owen Fitzgerald', assignment: 'Unit 2 Test: Linear Functions', raw: '54.00', points: 54, percent: 54 },
        { student: 'Owen Fitzgerald', assignment: 'Quiz 5: Systems of Equations', raw: '-', notGraded: true, missing: false },
      ],
      overall: [{ student: 'Owen Fitzgerald', percent: 72.38, letter: 'C-' }],
    },
  },
  {
    fixture: 'moodle/teacher-user-report-excused.html',
    url: `${REPORT}&userid=13`,
    expect: {
      readings: 1, students: 1, assignments: 17, problems: 0,
      cells: [
        // excluded with no grade: the report shows only "( Empty )", like any item not graded yet
        { student: 'Chloe Dubois', assignment: 'HW 5: Graphing Linear Equations', raw: '-', notGraded: true },
        { student: 'Chloe Dubois', assignment: 'Quiz 3: Inequalities', raw: '3.00', points: 3, percent: 30 },
      ],
      overall: [{ student: 'Chloe Dubois', percent: 92, letter: 'A-' }],
    },
  },
  {
    fixture: 'moodle/student-user-report.html',
    url: REPORT,
    expect: {
      readings: 1, sectionName: 'Algebra 1 — Period 2', students: 1, assignments: 17, problems: 0,
      cells: [{ student: 'Mateo Alvarez', assignment: 'HW 3: Multi-Step Equations', raw: '6.00', points: 6, outOf: 10 }],
      overall: [{ student: 'Mateo Alvarez', percent: 73.54, letter: 'C' }],
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const moodleUserReportInfo: AdapterInfo = {
  id: 'moodle-user-report',
  label: 'Moodle (user report)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => {
    const userReport = /\/grade\/report\/user\/index\.php$/i.test(url.pathname);
    const courseGrades = /\/course\/user\.php$/i.test(url.pathname) && url.searchParams.get('mode') === 'grade';
    return (userReport || courseGrades) && doc.querySelector(SELECTORS.table) !== null;
  }),
};

export const moodleUserReport: Adapter = /* @__PURE__ */ withReader(moodleUserReportInfo, readPage, cases);
