// The generic table reader, for grade tables no dedicated adapter knows. It proposes a mapping (which
// table, which row names the assignments, which column is the student, which the overall grade, which
// columns to leave out) by heuristics; the teacher checks a preview and corrects it by clicking columns;
// the mapping is then saved for the site and page pattern and reused on every later visit.
//
// A mapping names columns by their header text (with the column number as a fallback), so a table that
// gains a new assignment column next week is still read right: every column that holds scores and is not
// the student, the overall grade or one the teacher left out is an assignment.
import type { ColumnRef, ColumnRole, Reading, ReadingAssignment, ReadingCell, ReadingOverall, ReadingProblem, ReadingStudent, SiteMapping, TableMapping } from '../core/types';

export type { ColumnRef, ColumnRole, SiteMapping, TableMapping };
import { normaliseName, parsePercent, parseScore } from '../core/score-parse';
import type { AdapterInfo, AdapterResult } from './adapter';

/** What the popup shows while the teacher checks a mapping. */
export interface TablePreview {
  /** where the mapping is saved: the page's site and pattern */
  origin: string;
  pathPattern: string;
  /** tables worth offering: index, size and first header texts */
  tables: Array<{ index: number; rows: number; columns: number; label: string }>;
  mapping: TableMapping;
  /** each column of the chosen table with its role under the mapping */
  columns: Array<{ index: number; header: string; role: ColumnRole; sample: string[] }>;
  /** the first few students as they would be read */
  rows: Array<{ student: string; overall?: string; scores: string[] }>;
  students: number;
  assignments: number;
  problems: ReadingProblem[];
}

export const GENERIC_TABLE_ID = 'generic-table';

export const genericTableInfo: AdapterInfo = {
  id: GENERIC_TABLE_ID,
  label: 'Any grade table (mapped by the teacher)',
  view: 'teacher-grid',
  status: 'verified',
  // Never picked by itself: it reads only pages with a saved mapping (see the content script).
  matches: () => false,
};

const MAX_TEXT = 200;
const STUDENT_HEADER = /\b(student|name|learner|pupil)s?\b|nombre|alumn[oa]|estudiante|élève|nom\b/i;
/** Headers of an overall grade: the strong ones win over the weak ones wherever they stand. */
const OVERALL_STRONG = /overall|course total|final grade|current grade|term grade|promedio|nota final|calificaci[oó]n final|moyenne|total del curso/i;
const OVERALL_WEAK = /\btotal\b|final|average|percent|\bgrade\b|\bmark\b|calificaci[oó]n|%/i;
/** A subtotal (a category's total) is neither an assignment nor the overall grade. */
const SUBTOTAL = /\btotal\b|subtotal/i;
/** A column that sums the student up (beside the one taken as the overall grade) is not an assignment. */
const SUMMARY_COLUMN = /^(?:mark|grade|letter|percent|%|average|avg|overall|final grade|current grade|nota|promedio|porcentaje)$/i;
const POINTS_LABEL = /possible|points|\bpts\b|\bmax\b|out of|puntos|valor/i;
const SAMPLE_ROWS = 8;
/** A column of the school's student numbers: `Student ID`, `Perm ID`, `ID`, `SIS #`. */
const STUDENT_ID_HEADER = /^(?:(?:student|perm|permanent|local|sis|state)\s*(?:id|#|number|no\.?)|id)$/i;
/** Rows under the students that summarise the class, not a student: `Overall average`, `Class mean`. */
const SUMMARY_ROW = /^(overall |class |group |section )?(average|mean|median|range|totals?|promedio)\b/i;

type Grid = string[][];

/** Parts of a cell a sighted teacher does not read as its value: screen-reader text, menus, controls. */
const NOT_SHOWN = 'script, style, template, button, select, [hidden], [aria-hidden="true"], .sr-only, .visually-hidden, .accesshide, .screen-reader-text, .dropdown-menu, .tooltip';

/** The text a cell shows: its text without hidden parts, plus the values typed in its inputs. */
function cellText(cell: Element): string {
  let text = '';
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) text += child.nodeValue ?? '';
      else if (child.nodeType === 1) {
        const element = child as Element;
        if (element.matches(NOT_SHOWN)) continue;
        if (element.tagName === 'BR') {
          text += ' ';
          continue;
        }
        if (element.tagName === 'INPUT') {
          const input = element as HTMLInputElement;
          if (input.type !== 'hidden' && input.type !== 'checkbox' && input.type !== 'radio') text += ` ${input.value} `;
          continue;
        }
        walk(element);
      }
    }
  };
  walk(cell);
  text = text.replace(/\s+/g, ' ').trim();
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text;
}

/** The table as a grid of texts, colspans repeated so that columns line up (rowspans are rare in grade tables). */
function gridOf(table: HTMLTableElement): Grid {
  const grid: Grid = [];
  for (const row of Array.from(table.rows)) {
    if (row.closest('table') !== table) continue;
    const texts: string[] = [];
    for (const cell of Array.from(row.cells)) {
      const text = cellText(cell);
      const span = Math.min(Math.max(cell.colSpan || 1, 1), 50);
      for (let i = 0; i < span; i++) texts.push(i === 0 ? text : '');
    }
    grid.push(texts);
  }
  return grid;
}

/** Separators gradebooks put between the parts of one cell: `6 / 10 − 60% − D-`, `87% | B+`. */
const PARTS = /\s+[−–—|]\s+|\s+-\s+/;
/** `/ 10` alone: an input left empty over its points possible. */
const EMPTY_OVER = /^\/\s*\d+(?:[.,]\d+)?$/;

/**
 * A cell's score, leniently: the whole text when it is a score, else its first part (`6 / 10` of
 * `6 / 10 − 60% − D-`). An empty entry over its points possible is not graded yet. What is still not
 * a score stays unreadable, with the reason.
 */
export function scoreOfCell(text: string, pointsPossible?: number): ReturnType<typeof parseScore> {
  const whole = parseScore(text, pointsPossible);
  if (!whole.unreadable) return whole;
  const first = text.split(PARTS)[0]?.trim() ?? '';
  if (EMPTY_OVER.test(first)) return { flags: { notGraded: true } };
  if (first && first !== text) {
    const part = parseScore(first, pointsPossible);
    if (!part.unreadable) return part;
  }
  // `* / 10`: a mark (here excused) typed where the points go
  const mark = /^(\S+)\s*\/\s*\d+(?:[.,]\d+)?$/.exec(first)?.[1];
  if (mark && !/^[\d.,]+$/.test(mark)) {
    const marked = parseScore(mark);
    if (!marked.unreadable && marked.points === undefined && marked.percent === undefined) return marked;
  }
  return whole;
}

/** An overall grade from a cell such as `72.38 %`, `B+`, `87% B+` or `72.38 % C-`. */
function overallOfCell(text: string): { percent?: number; letter?: string } | undefined {
  const score = scoreOfCell(text);
  if (!score.unreadable && (score.percent !== undefined || score.letter)) return score;
  const percent = /(-?\d+(?:[.,]\d+)?)\s*%/.exec(text);
  const letter = /(?:^|[\s(])([A-F][+-]?)(?=$|[\s)])/.exec(text);
  if (!percent && !letter) return undefined;
  return {
    ...(percent ? { percent: Number(percent[1]!.replace(',', '.')) } : {}),
    ...(letter ? { letter: letter[1]! } : {}),
  };
}

function looksLikeScore(text: string): boolean {
  if (!text) return false;
  return !scoreOfCell(text).unreadable;
}

function columnCount(grid: Grid): number {
  return grid.reduce((max, row) => Math.max(max, row.length), 0);
}

function columnValues(grid: Grid, column: number, from: number): string[] {
  return grid.slice(from).map((row) => row[column] ?? '');
}

function scoreShare(values: string[]): number {
  const filled = values.filter((value) => value !== '');
  if (filled.length === 0) return 0;
  return filled.filter(looksLikeScore).length / filled.length;
}

/** The page's tables in document order, each with how many of its cells look like scores. */
function tablesOf(doc: Document): Array<{ index: number; table: HTMLTableElement; grid: Grid; scores: number }> {
  return Array.from(doc.querySelectorAll('table')).map((table, index) => {
    const grid = gridOf(table);
    const scores = grid.length < 2 ? 0 : grid.reduce((sum, row) => sum + row.filter(looksLikeScore).length, 0);
    return { index, table, grid, scores };
  });
}

/** Among the first rows, the one that names the most columns with words (not scores). */
function guessHeaderRow(grid: Grid): number {
  let best = 0;
  let bestNames = -1;
  for (let row = 0; row < Math.min(grid.length, 6); row++) {
    const names = (grid[row] ?? []).filter((text) => text !== '' && !looksLikeScore(text)).length;
    if (names > bestNames) {
      best = row;
      bestNames = names;
    }
  }
  return best;
}

function guessPointsRow(grid: Grid, headerRow: number): number | undefined {
  for (let row = headerRow + 1; row < Math.min(grid.length, headerRow + 3); row++) {
    const texts = grid[row] ?? [];
    const label = texts.find((text) => text !== '');
    const numbers = texts.filter((text) => /^\d+(?:[.,]\d+)?$/.test(text)).length;
    if (label && POINTS_LABEL.test(label) && numbers >= 2) return row;
  }
  return undefined;
}

function firstDataRow(mapping: Pick<TableMapping, 'headerRow' | 'pointsRow'>): number {
  return Math.max(mapping.headerRow, mapping.pointsRow ?? -1) + 1;
}

function headerOf(grid: Grid, headerRow: number, column: number): string {
  return grid[headerRow]?.[column] ?? '';
}

function guessStudentColumn(grid: Grid, headerRow: number, from: number): number {
  const columns = Math.min(columnCount(grid), 6);
  let best = 0;
  let bestScore = -1;
  for (let column = 0; column < columns; column++) {
    const values = columnValues(grid, column, from).filter((value) => value !== '');
    if (values.length === 0) continue;
    const words = values.filter((value) => !looksLikeScore(value) && /\p{L}/u.test(value));
    const distinct = new Set(words.map(normaliseName)).size;
    let score = distinct / values.length;
    if (STUDENT_HEADER.test(headerOf(grid, headerRow, column))) score += 1;
    if (score > bestScore) {
      best = column;
      bestScore = score;
    }
  }
  return best;
}

function guessOverallColumn(grid: Grid, headerRow: number, from: number, student: number): number | undefined {
  const strong: number[] = [];
  const weak: number[] = [];
  for (let column = 0; column < columnCount(grid); column++) {
    if (column === student) continue;
    const header = headerOf(grid, headerRow, column);
    const values = columnValues(grid, column, from).filter((value) => value !== '');
    if (values.length === 0 || values.filter((value) => overallOfCell(value)).length / values.length < 0.5) continue;
    if (OVERALL_STRONG.test(header)) strong.push(column);
    else if (OVERALL_WEAK.test(header)) weak.push(column);
  }
  // The overall grade usually comes last: take the last candidate.
  return (strong.length > 0 ? strong : weak).at(-1);
}

function refOf(grid: Grid, headerRow: number, index: number): ColumnRef {
  return { index, header: headerOf(grid, headerRow, index) };
}

/** The column a reference means in this grid: the one with the same header, else the same position. */
function resolveColumn(grid: Grid, headerRow: number, ref: ColumnRef): number {
  if (ref.header) {
    const row = grid[headerRow] ?? [];
    const sameHeader = row.findIndex((text) => text === ref.header);
    if (sameHeader >= 0) return sameHeader;
  }
  return ref.index;
}

/** A column headed like a student number whose values are all filled in and all different. */
function guessStudentIdColumn(grid: Grid, headerRow: number, from: number, student: number): number | undefined {
  for (let column = 0; column < columnCount(grid); column++) {
    if (column === student || !STUDENT_ID_HEADER.test(headerOf(grid, headerRow, column))) continue;
    const values = columnValues(grid, column, from).filter((value) => value !== '');
    if (values.length > 0 && new Set(values).size === values.length && values.every((value) => /^[\w-]{1,40}$/.test(value))) return column;
  }
  return undefined;
}

/** Roles of every column of the grid under a mapping. */
function rolesOf(grid: Grid, mapping: TableMapping): ColumnRole[] {
  const from = firstDataRow(mapping);
  const student = resolveColumn(grid, mapping.headerRow, mapping.student);
  const studentId = mapping.studentId ? resolveColumn(grid, mapping.headerRow, mapping.studentId) : -1;
  const overall = mapping.overall ? resolveColumn(grid, mapping.headerRow, mapping.overall) : -1;
  const ignored = new Set(mapping.ignored.map((ref) => resolveColumn(grid, mapping.headerRow, ref)));
  return Array.from({ length: columnCount(grid) }, (_, column): ColumnRole => {
    if (column === student) return 'student';
    if (column === studentId) return 'student-id';
    if (column === overall) return 'overall';
    if (ignored.has(column)) return 'ignore';
    const header = headerOf(grid, mapping.headerRow, column);
    if (header === '' || SUBTOTAL.test(header) || SUMMARY_COLUMN.test(header)) return 'ignore';
    return scoreShare(columnValues(grid, column, from)) >= 0.4 ? 'assignment' : 'ignore';
  });
}

/** The mapping the heuristics propose for the page's most score-filled table; undefined when none has scores. */
export function proposeMapping(doc: Document, tableIndex?: number): TableMapping | undefined {
  const tables = tablesOf(doc);
  const best = tableIndex === undefined
    ? tables.filter((t) => t.scores > 0).sort((a, b) => b.scores - a.scores)[0]
    : tables[tableIndex];
  if (!best) return undefined;
  const { grid } = best;
  const headerRow = guessHeaderRow(grid);
  const pointsRow = guessPointsRow(grid, headerRow);
  const from = firstDataRow({ headerRow, pointsRow });
  const student = guessStudentColumn(grid, headerRow, from);
  const overall = guessOverallColumn(grid, headerRow, from, student);
  const studentId = guessStudentIdColumn(grid, headerRow, from, student);
  return {
    tableIndex: best.index,
    headerRow,
    ...(pointsRow === undefined ? {} : { pointsRow }),
    student: refOf(grid, headerRow, student),
    ...(studentId === undefined ? {} : { studentId: refOf(grid, headerRow, studentId) }),
    ...(overall === undefined ? {} : { overall: refOf(grid, headerRow, overall) }),
    ignored: [],
  };
}

/** The mapping with one column given a new role (the teacher's click). */
export function withColumnRole(doc: Document, mapping: TableMapping, column: number, role: ColumnRole): TableMapping {
  const table = doc.querySelectorAll('table')[mapping.tableIndex];
  if (!table) return mapping;
  const grid = gridOf(table);
  const ref = refOf(grid, mapping.headerRow, column);
  const same = (other: ColumnRef) => resolveColumn(grid, mapping.headerRow, other) === column;
  const next: TableMapping = { ...mapping, ignored: mapping.ignored.filter((other) => !same(other)) };
  if (role === 'student') next.student = ref;
  if (role === 'student-id') next.studentId = ref;
  else if (mapping.studentId && same(mapping.studentId)) delete next.studentId;
  if (role === 'overall') next.overall = ref;
  else if (mapping.overall && same(mapping.overall)) delete next.overall;
  if (role === 'ignore') next.ignored = [...next.ignored, ref];
  return next;
}

/** The page's tables worth offering, the most score-filled first. */
function tableChoices(doc: Document): TablePreview['tables'] {
  return tablesOf(doc)
    .filter((t) => t.scores > 0)
    .sort((a, b) => b.scores - a.scores)
    .slice(0, 10)
    .map((t) => ({
      index: t.index,
      rows: t.grid.length,
      columns: columnCount(t.grid),
      label: (t.table.caption ? cellText(t.table.caption) : '') || (t.grid[guessHeaderRow(t.grid)] ?? []).filter(Boolean).slice(0, 3).join(' · '),
    }));
}

/** What the mapping would read, as the popup shows it (a few rows) with the counts and problems. */
export function previewTable(doc: Document, url: URL, mapping: TableMapping): TablePreview {
  const prepared = prepare(doc, mapping);
  const grid = prepared?.grid ?? [];
  const roles = prepared?.roles ?? [];
  const from = firstDataRow(mapping);
  const result = readSafely(doc, url, Date.now(), mapping, {}, prepared);
  const reading = result.readings[0];
  const assignmentColumns = roles.flatMap((role, column) => (role === 'assignment' ? [column] : []));
  const studentColumn = roles.indexOf('student');
  const overallColumn = roles.indexOf('overall');
  return {
    ...placeOf(url),
    tables: tableChoices(doc),
    mapping,
    columns: roles.map((role, index) => ({
      index,
      header: headerOf(grid, mapping.headerRow, index),
      role,
      sample: columnValues(grid, index, from).slice(0, 3),
    })),
    rows: grid.slice(from).filter((row) => (row[studentColumn] ?? '') !== '').slice(0, SAMPLE_ROWS).map((row) => ({
      student: withoutAvatarInitials(row[studentColumn] ?? ''),
      ...(overallColumn >= 0 ? { overall: row[overallColumn] ?? '' } : {}),
      scores: assignmentColumns.slice(0, 6).map((column) => row[column] ?? ''),
    })),
    students: reading?.students.length ?? 0,
    assignments: reading?.assignments.length ?? 0,
    problems: [...result.problems, ...(reading?.problems ?? [])],
  };
}

/** `MAMateo Alvarez` → `Mateo Alvarez`: a picture-less avatar shows the initials right before the name. */
export function withoutAvatarInitials(name: string): string {
  const match = /^(\p{Lu}{2,3})(?=\p{Lu}\p{Ll})/u.exec(name);
  if (!match) return name;
  const rest = name.slice(match[1]!.length);
  const initials = rest.split(/\s+/).map((word) => word[0] ?? '').join('');
  return initials.startsWith(match[1]!) || initials.endsWith(match[1]!) || initials === match[1] ? rest : name;
}

/** The section a generic table belongs to: the page's own heading, keyed by the page's path. */
function sectionOf(doc: Document, url: URL): Reading['section'] {
  const heading = doc.querySelector('h1, h2, caption');
  const name = (heading ? cellText(heading) : '') || doc.title.trim() || url.pathname;
  return { key: `${url.pathname}${url.search}`, name };
}

/** Read the page with a mapping. Never throws; what it cannot understand it reports. */
export function readWithMapping(doc: Document, url: URL, now: number, mapping: TableMapping, as: ReadAs = {}): AdapterResult {
  return readSafely(doc, url, now, mapping, as, prepare(doc, mapping));
}

/** The mapped table as a grid with each column's role, once per read (undefined when the table is gone). */
function prepare(doc: Document, mapping: TableMapping): { grid: Grid; roles: ColumnRole[] } | undefined {
  const table = doc.querySelectorAll('table')[mapping.tableIndex];
  if (!table) return undefined;
  const grid = gridOf(table);
  return { grid, roles: rolesOf(grid, mapping) };
}

function readSafely(doc: Document, url: URL, now: number, mapping: TableMapping, as: ReadAs, prepared: ReturnType<typeof prepare>): AdapterResult {
  try {
    return readMapped(doc, url, now, mapping, as, prepared);
  } catch (error) {
    return { readings: [], problems: [{ where: 'page', reason: `unexpected error while reading: ${error instanceof Error ? error.message : String(error)}` }] };
  }
}

/** For an adapter that reads its system's grid with a mapping: whose reading it is, and its section. */
export interface ReadAs {
  adapterId?: string;
  section?: Reading['section'];
}

function readMapped(doc: Document, url: URL, now: number, mapping: TableMapping, as: ReadAs, prepared: ReturnType<typeof prepare>): AdapterResult {
  if (!prepared) return { readings: [], problems: [{ where: 'page', reason: `the mapped table (table ${mapping.tableIndex + 1}) is not on the page (still loading, or the page changed)` }] };
  const { grid, roles } = prepared;
  const studentColumn = roles.indexOf('student');
  const idColumn = roles.indexOf('student-id');
  const overallColumn = roles.indexOf('overall');
  const from = firstDataRow(mapping);
  if (studentColumn < 0 || grid.length <= from) return { readings: [], problems: [{ where: 'table', reason: 'the mapped table has no student rows' }] };
  const problems: ReadingProblem[] = [];
  const assignments: ReadingAssignment[] = [];
  const assignmentColumns: Array<{ column: number; key: string; pointsPossible?: number }> = [];
  const seenAssignments = new Map<string, number>();
  roles.forEach((role, column) => {
    if (role !== 'assignment') return;
    const name = headerOf(grid, mapping.headerRow, column);
    const base = normaliseName(name);
    const count = (seenAssignments.get(base) ?? 0) + 1;
    seenAssignments.set(base, count);
    const key = count === 1 ? base : `${base} (${count})`;
    const pointsText = mapping.pointsRow === undefined ? '' : (grid[mapping.pointsRow]?.[column] ?? '');
    const pointsPossible = pointsText ? parsePercent(pointsText) : undefined;
    assignments.push({ key, name, ...(pointsPossible === undefined ? {} : { pointsPossible }) });
    assignmentColumns.push({ column, key, ...(pointsPossible === undefined ? {} : { pointsPossible }) });
  });
  const students: ReadingStudent[] = [];
  const cells: ReadingCell[] = [];
  const overall: ReadingOverall[] = [];
  const seenStudents = new Set<string>();
  const headerLine = (grid[mapping.headerRow] ?? []).join('|');
  const width = (grid[mapping.headerRow] ?? []).length;
  for (let row = from; row < grid.length; row++) {
    const texts = grid[row]!;
    if (texts.join('|') === headerLine) continue; // the header repeated under the table
    const name = withoutAvatarInitials(texts[studentColumn] ?? '');
    if (!name || looksLikeScore(name) || !/\p{L}/u.test(name) || SUMMARY_ROW.test(name)) continue;
    const vendorId = idColumn >= 0 ? (texts[idColumn] ?? '') : '';
    const key = vendorId ? `id:${vendorId}` : normaliseName(name);
    if (seenStudents.has(key)) {
      problems.push({ where: `row ${row + 1}`, reason: vendorId ? 'a second row for the same student number: skipped' : 'a second row for the same student name: skipped (names are the only identity this table gives)', raw: name });
      continue;
    }
    seenStudents.add(key);
    students.push({ key, name, ...(vendorId ? { vendorId } : {}) });
    if (texts.length < width) problems.push({ where: `row ${row + 1}`, reason: `${texts.length} of ${width} columns: the row is cut short (page still loading?)`, raw: name });
    for (const { column, key: assignmentKey, pointsPossible } of assignmentColumns) {
      const raw = texts[column] ?? '';
      const score = scoreOfCell(raw, pointsPossible);
      if (score.unreadable) {
        problems.push({ where: `cell ${name} × ${headerOf(grid, mapping.headerRow, column)}`, reason: score.unreadable, raw });
        continue;
      }
      cells.push({ studentKey: key, assignmentKey, raw, score });
    }
    if (overallColumn >= 0) {
      const raw = texts[overallColumn] ?? '';
      const grade = raw ? overallOfCell(raw) : undefined;
      if (grade) {
        overall.push({ studentKey: key, raw, ...grade });
      } else if (raw) {
        problems.push({ where: `overall of ${name}`, reason: 'not a percent or a letter grade', raw });
      }
    }
  }
  if (students.length === 0) return { readings: [], problems: [{ where: 'table', reason: 'no student names found in the mapped column' }] };
  const reading: Reading = {
    adapterId: as.adapterId ?? GENERIC_TABLE_ID,
    view: 'teacher-grid',
    url: url.href,
    readAt: now,
    section: as.section ?? sectionOf(doc, url),
    students,
    assignments,
    cells,
    overall,
    problems,
  };
  return { readings: [reading], problems: [] };
}

/**
 * The pattern a page's mapping is saved under: its path with every run of digits as `*`, plus the query
 * parameters that name the page rather than the class (`modname=Grades/Grades.php` stays, `period=1`
 * and `id=2` go), sorted.
 */
export function pathPatternOf(url: URL): string {
  const kept = Array.from(url.searchParams.entries())
    .filter(([, value]) => value !== '' && !/\d/.test(value))
    .map(([key, value]) => `${key}=${value}`)
    .sort();
  return `${url.pathname.replace(/\d+/g, '*')}${kept.length > 0 ? `?${kept.join('&')}` : ''}`;
}

/** The site and page pattern a mapping for this page is saved under. */
export function placeOf(url: URL): { origin: string; pathPattern: string } {
  return { origin: `${url.protocol}//${url.hostname}`, pathPattern: pathPatternOf(url) };
}

/** The saved mapping for this page, if any. */
export function mappingFor(url: URL, saved: readonly SiteMapping[]): SiteMapping | undefined {
  const { origin, pathPattern } = placeOf(url);
  return saved.find((entry) => entry.origin === origin && entry.pathPattern === pathPattern);
}
