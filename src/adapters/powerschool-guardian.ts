// PowerSchool's parent/student "Class Score Detail" page (`/guardian/scores.html`): one student's
// scores in one course, with the course's final grade.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { CellFlags, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingSection } from '../core/types';
import { normaliseName, parsePercent, parseScore, parseUsDate } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on powerschool/guardian-scores-calc.html, -german.html and -lit.html (PowerSchool 7.x,
// Pearson era, 2014): one course table, one `#userName`, one switch-student form, one score table.
const SELECTORS = {
  /** the course / teacher / expression / final grade table */
  courseTable: 'table.linkDescList',
  /** "Welcome, <span>Avery Stone<span>" — the vendor never closes the span; the text is still right */
  studentName: '#userName span',
  /** its action holds `?frn=<section enrolment id>` */
  switchStudentForm: 'form#switch_student_form',
  /** the score table has no class or id: it is the table whose header row names these columns */
  table: 'table',
  row: 'tr',
  assignmentLink: 'a[href*="asmtdescr.html"]',
  /** the page those links open, as the selector above names it */
  assignmentPage: 'asmtdescr.html',
  /** Codes columns show icons; the page legend names them Collected, Late, Missing, Exempt, Excluded */
  codeIcon: 'img[alt]',
} as const;

/** Score-table header texts (English UI, any case) → the column they name. */
const SCORE_COLUMNS = {
  dueDate: 'due date',
  category: 'category',
  assignment: 'assignment',
  codes: 'codes',
  score: 'score',
} as const;
type ScoreColumn = keyof typeof SCORE_COLUMNS;
/** Lower-cased header text → column: one look-up per header cell instead of a regex per column. */
const COLUMN_BY_HEADER = new Map<string, ScoreColumn>(Object.entries(SCORE_COLUMNS).map(([column, header]) => [header, column as ScoreColumn]));
type ColumnSpans = Partial<Record<ScoreColumn, { start: number; span: number }>>;

/** Code icons (by `alt`) → the flag they set. Collected only says the work was handed in. */
const CODE_FLAGS: Readonly<Record<string, keyof CellFlags | null>> = {
  late: 'late',
  missing: 'missing',
  exempt: 'excused',
  // "Assignment is not included in final grade": for the grade, the same as excused.
  excluded: 'excused',
  collected: null,
};

/** Text a reader sees in an element (its text without the source of inline scripts), and its first script. */
function renderedText(element: Element): { text: string; script?: Element } {
  const rendered: { text: string; script?: Element } = { text: '' };
  addRenderedText(element, rendered);
  return { text: collapse(rendered.text), script: rendered.script };
}

/** Scripts hold no elements: the first one met in this walk is the first one in the page's order. */
function addRenderedText(element: Element, rendered: { text: string; script?: Element }): void {
  for (let node = element.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 3) rendered.text += node.nodeValue ?? '';
    else if (node.nodeType !== 1) continue;
    else if ((node as Element).localName !== 'script') addRenderedText(node as Element, rendered);
    else rendered.script ??= node as Element;
  }
}

/**
 * The page's own type of `td` and `th` elements, to tell a row's cells from its other children without
 * asking each child its tag: in Chromium that (or reading `row.cells` by index) costs more than reading the
 * cells' text. Undefined for a document without a window (none that is shown), whose tags are asked.
 */
type CellType = typeof HTMLTableCellElement | undefined;

const cellTypeOf = (doc: Document): CellType => doc.defaultView?.HTMLTableCellElement;

/** A row's own `th` and `td` children. */
function cellsOf(row: Element, cellType: CellType): Element[] {
  const cells: Element[] = [];
  for (let child = row.firstElementChild; child; child = child.nextElementSibling) {
    if (cellType ? child.constructor === cellType : child.localName === 'td' || child.localName === 'th') cells.push(child);
  }
  return cells;
}

/** A relative link with a plain query (`asmtdescr.html?frn=092934753`): nothing in it that a URL parser
 * would decode, resolve or reject, so its query is read as written. */
const PLAIN_RELATIVE_LINK = /^(?!\/\/)[\w./-]*\?([\w.=&/-]*)$/;
/** A query with nothing URLSearchParams would decode (no `%`, `+`). */
const PLAIN_QUERY = /^[\w.=&/-]*$/;

/** The first `frn` value of a plain query, as URLSearchParams reads it ('' when there is none). */
function frnOfPlainQuery(query: string): string {
  for (let start = 0; start <= query.length;) {
    let end = query.indexOf('&', start);
    if (end < 0) end = query.length;
    const equals = query.indexOf('=', start);
    const nameEnd = equals >= 0 && equals < end ? equals : end;
    if (nameEnd - start === 3 && query.startsWith('frn', start)) return nameEnd < end ? query.slice(nameEnd + 1, end) : '';
    start = end + 1;
  }
  return '';
}

/** The page's own `frn`; its query read as written when it is plain, as the score table's links are. */
function frnOfPage(url: URL): string | undefined {
  const query = url.search.slice(1);
  return (PLAIN_QUERY.test(query) ? frnOfPlainQuery(query) : url.searchParams.get('frn')) || undefined;
}

function frnOf(href: string | null | undefined, base: URL): string | undefined {
  if (!href) return undefined;
  // `new URL` costs more than reading the rest of a row: the score table's links take the plain path
  const plain = PLAIN_RELATIVE_LINK.exec(href);
  if (plain) return frnOfPlainQuery(plain[1]!) || undefined;
  try {
    return new URL(href, base).searchParams.get('frn') || undefined;
  } catch {
    return undefined; // an unparseable link simply has no id; the caller falls back to the name
  }
}

function scoreColumns(headerRow: Element, cellType: CellType): ColumnSpans {
  const columns: ColumnSpans = {};
  let position = 0;
  for (const cell of cellsOf(headerRow, cellType)) {
    const span = Math.max(1, Number(cell.getAttribute('colspan')) || 1);
    // ASCII case-insensitive, as the header patterns were: no non-ASCII letter lower-cases into these words
    const column = COLUMN_BY_HEADER.get(collapse(cell.textContent).toLowerCase());
    if (column) columns[column] = { start: position, span };
    position += span;
  }
  return columns;
}

/** A table's own rows (not those of tables inside it), in page order: its `tr` children and those of its
 * thead, tbody and tfoot, found by walking children rather than by a query and `closest` per row. */
function ownRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    const tag = child.localName;
    if (tag === SELECTORS.row) rows.push(child);
    else if (tag === 'tbody' || tag === 'thead' || tag === 'tfoot') {
      for (let row = child.firstElementChild; row; row = row.nextElementSibling) if (row.localName === SELECTORS.row) rows.push(row);
    }
  }
  return rows;
}

/** Can this header row name the Assignment and Score columns? Its whole text, read once, says no for
 * most tables (the course table) before each cell is read. */
function mayNameScoreColumns(header: Element): boolean {
  const text = (header.textContent ?? '').toLowerCase();
  return text.includes(SCORE_COLUMNS.assignment) && text.includes(SCORE_COLUMNS.score);
}

type ScoreTable = { rows: Element[]; columns: ColumnSpans };

/** The table's rows below its header and its columns, when its header row names the Assignment and Score columns. */
function asScoreTable(table: Element, cellType: CellType): ScoreTable | undefined {
  const rows = ownRows(table);
  const header = rows[0];
  if (!header || !mayNameScoreColumns(header)) return undefined;
  const columns = scoreColumns(header, cellType);
  return columns.assignment && columns.score ? { rows: rows.slice(1), columns } : undefined;
}

/**
 * The score table among the course table's later siblings, as PowerSchool places it, when that is the first
 * score table of the page: the course table is the page's first table and nothing met before the score table
 * holds a table. Null when that is not so: the whole page is searched then.
 */
function scoreTableAfter(doc: Document, courseTable: Element, cellType: CellType): ScoreTable | null {
  // after a change to the page, a page-wide list of tables costs more than the rest of a short page's read
  if (doc.querySelector(SELECTORS.table) !== courseTable || courseTable.querySelector(SELECTORS.table)) return null;
  if (asScoreTable(courseTable, cellType)) return null;
  for (let sibling = courseTable.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
    const found = sibling.localName === SELECTORS.table ? asScoreTable(sibling, cellType) : undefined;
    if (found) return found;
    if (sibling.querySelector(SELECTORS.table)) return null;
  }
  return null;
}

/** The first table of the page (in page order) whose header row names the Assignment and Score columns. */
function findScoreTable(doc: Document, courseTable: Element, cellType: CellType): ScoreTable | undefined {
  const after = scoreTableAfter(doc, courseTable, cellType);
  if (after) return after;
  // a live collection read by index: it stops at the score table
  const tables = doc.getElementsByTagName(SELECTORS.table);
  for (let index = 0, table = tables[0]; table; table = tables[++index]) {
    const found = asScoreTable(table, cellType);
    if (found) return found;
  }
  return undefined;
}

/** The `href` of the cell's first assignment link (`a[href*="asmtdescr.html"]`). PowerSchool writes the link as the
 * cell's first element, the first in page order: read without a query when it is that; queried when it is not. */
function assignmentHref(cell: Element): string | null | undefined {
  const first = cell.firstElementChild;
  const href = first?.localName === 'a' ? first.getAttribute('href') : null;
  if (href?.includes(SELECTORS.assignmentPage)) return href;
  return cell.querySelector(SELECTORS.assignmentLink)?.getAttribute('href');
}

/** The first cell a row holds for a column (rows never use colspan in the fixtures). */
function columnCell(cells: Element[], columns: ColumnSpans, column: ScoreColumn): Element | undefined {
  const place = columns[column];
  return place ? cells[place.start] : undefined;
}

/** The flags of the icons in a row's code cells (the Codes column spans several); undefined when there are
 * none, as in most rows. */
function codeFlags(cells: Element[], columns: ColumnSpans, where: () => string, problems: ReadingProblem[]): CellFlags | undefined {
  const place = columns.codes;
  if (!place) return undefined;
  let flags: CellFlags | undefined;
  for (let index = place.start; index < Math.min(place.start + place.span, cells.length); index++) {
    const cell = cells[index]!;
    // most code cells are empty: no element, no icon, and no query
    if (!cell.firstElementChild) continue;
    const icons = cell.querySelectorAll(SELECTORS.codeIcon);
    for (let icon = 0; icon < icons.length; icon++) {
      const alt = collapse(icons[icon]!.getAttribute('alt'));
      const flag = CODE_FLAGS[alt.toLowerCase()];
      if (flag) (flags ??= {})[flag] = true;
      else if (flag === undefined) problems.push({ where: where(), reason: 'unknown code icon; its meaning was not read', raw: capRaw(alt) });
    }
  }
  return flags;
}

interface RowContext {
  columns: ColumnSpans;
  cellType: CellType;
  student: { key: string; name: string };
  url: URL;
  assignmentKeys: Set<string>;
  problems: ReadingProblem[];
}

function uniqueKey(key: string, taken: Set<string>): string {
  let unique = key;
  for (let n = 2; taken.has(unique); n += 1) unique = `${key}#${n}`;
  taken.add(unique);
  return unique;
}

function readScoreRow(row: Element, index: number, context: RowContext): { assignment?: ReadingAssignment; cell?: ReadingCell } {
  const { columns, student, problems } = context;
  const cells = cellsOf(row, context.cellType);
  const nameCell = columnCell(cells, columns, 'assignment');
  const name = collapse(nameCell?.textContent);
  if (!nameCell || !name) {
    problems.push({ where: `score table row ${index + 1}`, reason: 'the row has no assignment name', raw: capRaw(collapse(row.textContent)) });
    return {};
  }
  const dueText = collapse(columnCell(cells, columns, 'dueDate')?.textContent);
  const dueDate = parseUsDate(dueText);
  if (dueText && !dueDate) problems.push({ where: `assignment ${name}`, reason: 'the due date is not a date', raw: capRaw(dueText) });
  const linkId = frnOf(assignmentHref(nameCell), context.url);
  const key = uniqueKey(linkId ?? `${normaliseName(name)}|${dueDate ?? dueText}`, context.assignmentKeys);
  const category = collapse(columnCell(cells, columns, 'category')?.textContent) || undefined;
  const assignment: ReadingAssignment = { key, name, category, dueDate };

  const where = () => `cell ${student.name} × ${name}`;
  const scoreCell = columnCell(cells, columns, 'score');
  if (!scoreCell) {
    problems.push({ where: where(), reason: 'the row is cut short: it has no score column' });
    return { assignment };
  }
  const raw = collapse(scoreCell.textContent);
  const score = parseScore(raw);
  if (score.outOf !== undefined) assignment.pointsPossible = score.outOf;
  if (score.unreadable) {
    problems.push({ where: where(), reason: score.unreadable, raw: capRaw(raw) });
    return { assignment };
  }
  const flags = { ...score.flags, ...codeFlags(cells, columns, where, problems) };
  // A Missing or Exempt icon on a `--/10` cell says more than the dashes do.
  if (flags.missing || flags.excused) delete flags.notGraded;
  return { assignment, cell: { studentKey: student.key, assignmentKey: key, raw, score: { ...score, flags } } };
}

/** Vendor quirk: the final percent is written into the page by an inline script at load ("103% &nbsp;"). A live
 * page has run it, so the percent is rendered text; a saved page read without scripts has it only
 * in the script's string literal. */
const DASHES = /^-+$/;
const WRITTEN_PERCENT = /document\.write\(\s*["']\s*(\d+(?:[.,]\d+)?)\s*%/;

function readOverall(finalCell: Element | undefined, studentKey: string): ReadingOverall | undefined {
  if (!finalCell) return undefined;
  const rendered = renderedText(finalCell);
  let raw = rendered.text;
  const tokens = raw.split(' ').filter(Boolean);
  let percentToken = tokens.find((token) => token.endsWith('%') && parsePercent(token) !== undefined);
  if (!percentToken) {
    const written = WRITTEN_PERCENT.exec(rendered.script?.textContent ?? '');
    if (written?.[1]) {
      percentToken = `${written[1]}%`;
      raw = collapse(`${raw} ${percentToken}`);
    }
  }
  const letter = tokens.find((token) => token !== percentToken && !DASHES.test(token) && token.length <= 3);
  const percent = percentToken ? parsePercent(percentToken) : undefined;
  if (letter === undefined && percent === undefined) return undefined; // "--": no grade yet
  return { studentKey, letter, percent, raw: capRaw(raw) };
}

/** The first row below the course table (at any depth) that holds a data cell: a live collection read
 * item by item, as far as that row (the second). */
function firstDataRow(courseTable: Element): Element | undefined {
  const rows = courseTable.getElementsByTagName(SELECTORS.row);
  for (let index = 0, row = rows[0]; row; row = rows[++index]) if (row.querySelector('td')) return row;
  return undefined;
}

function readSection(courseTable: Element, url: URL, doc: Document, cellType: CellType): { section?: ReadingSection; finalCell?: Element } {
  const row = firstDataRow(courseTable);
  const [course, teacher, expression, finalCell] = row ? cellsOf(row, cellType) : [];
  const name = collapse(course?.textContent);
  if (!name) return {};
  const key = frnOfPage(url) || frnOf(doc.querySelector(SELECTORS.switchStudentForm)?.getAttribute('action'), url) || normaliseName(name);
  const section: ReadingSection = {
    key,
    name,
    teacher: collapse(teacher?.textContent) || undefined,
    period: collapse(expression?.textContent) || undefined,
  };
  return { section, finalCell };
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  const courseTable = doc.querySelector(SELECTORS.courseTable);
  if (!courseTable) return { readings: [], problems: [{ where: 'page', reason: 'the course table (Class Score Detail) was not found' }] };
  const cellType = cellTypeOf(doc);
  const { section, finalCell } = readSection(courseTable, url, doc, cellType);
  if (!section) return { readings: [], problems: [{ where: 'course table', reason: 'the course table has no course name' }] };
  const studentName = collapse(doc.querySelector(SELECTORS.studentName)?.textContent);
  if (!studentName) return { readings: [], problems: [{ where: 'page header', reason: "the student's name was not found" }] };
  const student = { key: normaliseName(studentName), name: studentName };

  const problems: ReadingProblem[] = [];
  const assignments: ReadingAssignment[] = [];
  const cells: ReadingCell[] = [];
  const scoreTable = findScoreTable(doc, courseTable, cellType);
  if (!scoreTable) problems.push({ where: 'page', reason: 'the score table (Due Date … Score) was not found' });
  const context: RowContext = { columns: scoreTable?.columns ?? {}, cellType, student, url, assignmentKeys: new Set(), problems };
  scoreTable?.rows.forEach((row, index) => {
    const { assignment, cell } = readScoreRow(row, index, context);
    if (assignment) assignments.push(assignment);
    if (cell) cells.push(cell);
  });
  const overall = readOverall(finalCell, student.key);

  const reading: Reading = {
    adapterId: powerschoolGuardian.id,
    view: powerschoolGuardian.view,
    url: url.href,
    readAt: now,
    section,
    students: [student],
    assignments,
    cells,
    overall: overall ? [overall] : [],
    problems,
  };
  return { readings: [reading], problems: [] };
}

const FIXTURE_HOST = 'https://lakeview.powerschool.com/guardian/scores.html';
const AVERY = 'Avery Stone';

const cases: AdapterCase[] = [
  {
    fixture: 'powerschool/guardian-scores-calc.html',
    url: `${FIXTURE_HOST}?frn=004608884&begdate=03/24/2014&enddate=06/03/2014&fg=T4`,
    expect: {
      readings: 1,
      sectionName: 'AP Calculus BC',
      teacher: 'Lee, Dana',
      students: 1,
      assignments: 5,
      cells: [
        { student: AVERY, assignment: 'Take-home quizzes 7 - 11', raw: '36/36', points: 36, outOf: 36, percent: 100 },
        // extra credit above 100 % is a real score, not an error
        { student: AVERY, assignment: 'Final Project', raw: '52/50', points: 52, outOf: 50, percent: 104 },
        { student: AVERY, assignment: 'Homework_1', raw: '104/96', points: 104, outOf: 96, percent: 108.33 },
      ],
      overall: [{ student: AVERY, letter: 'A', percent: 103 }],
      problems: 0,
    },
  },
  {
    fixture: 'powerschool/guardian-scores-german.html',
    url: `${FIXTURE_HOST}?frn=004610110&begdate=03/24/2014&enddate=06/03/2014&fg=T4`,
    expect: {
      readings: 1,
      sectionName: 'German IV',
      teacher: 'Weber, Anna',
      students: 1,
      assignments: 48,
      cells: [
        { student: AVERY, assignment: 'Q 1:Kal.voc.p.184,191(20.M)', raw: '28/30', points: 28, outOf: 30, percent: 93.33 },
        { student: AVERY, assignment: 'CL 5:review grammar', raw: '--/10', notGraded: true, missing: false },
        // category EXC is "extra credit" here, not "excused"
        { student: AVERY, assignment: 'SOUP: extra credit as explained in class', raw: '--', notGraded: true, excused: false },
        { student: AVERY, assignment: 'N 5:Nachrichten', raw: '0/10', points: 0, outOf: 10, percent: 0, missing: false },
        { student: AVERY, assignment: 'CL;voc: G2,3:p.177:1)/ correct A4:Schuldir.', raw: '12/10', percent: 120 },
        // the page's bytes are UTF-8 although its meta says ISO-8859-1
        { student: AVERY, assignment: 'CL DI:Wenn ich Schuldirektor wäre', raw: '15/15', percent: 100 },
      ],
      overall: [{ student: AVERY, letter: 'A', percent: 96 }],
      problems: 0,
    },
  },
  {
    fixture: 'powerschool/guardian-scores-lit.html',
    url: `${FIXTURE_HOST}?frn=004751475&begdate=03/24/2014&enddate=06/03/2014&fg=T4`,
    expect: {
      readings: 1,
      sectionName: 'AP English Lit',
      teacher: 'Grant, Maya',
      students: 1,
      assignments: 15,
      cells: [
        { student: AVERY, assignment: 'MC Corrections-1999', raw: '20/25', points: 20, outOf: 25, percent: 80 },
        { student: AVERY, assignment: 'TEWWG AP Essay', raw: '31/30', points: 31, outOf: 30, percent: 103.33 },
        { student: AVERY, assignment: "Hero's Journey Discussion", raw: '10/10', percent: 100 },
      ],
      overall: [{ student: AVERY, letter: 'A', percent: 98 }],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const powerschoolGuardianInfo: AdapterInfo = {
  id: 'powerschool-guardian',
  label: 'PowerSchool (parent/student scores)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => /\/guardian\/scores\.html$/i.test(url.pathname) && doc.querySelector(SELECTORS.courseTable) !== null),
};

export const powerschoolGuardian: Adapter = /* @__PURE__ */ withReader(powerschoolGuardianInfo, readPage, cases);
