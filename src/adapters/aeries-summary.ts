// Aeries Browser Interface, parent/student "Gradebook Summary" (GradebookSummary.asp): one student's
// gradebooks, one row each, with the overall percent and mark and a count of missing assignments; the
// assignments themselves are on each gradebook's own page. One Reading per current-term gradebook.
// A Reading has no place for "n missing" without the assignments behind it, and inventing assignments
// would put made-up work into the history: the count is kept in the overall's `raw` text instead.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { Reading, ReadingProblem, ReadingStudent } from '../core/types';
import { normaliseName, parsePercent } from '../core/score-parse';
import { collapse, capRaw } from '../core/text';

// Checked on aeries/gradebook-summary.html (ABI 4.12, 2013): 6 current rows, a "Prior Terms" heading
// row, 5 prior rows whose Status says "Prior Term Ended".
const SELECTORS = {
  /** "Gradebook Summary for Avery Stone" */
  title: 'tr.NormalRow b',
  /** the hidden student number the "Current Student" switcher posts */
  studentNumber: 'input#ChangeStuNum',
  headerRow: 'tr.HeaderRowBold',
  gradebookLink: 'a[href*="GrdBk="]',
} as const;

const TITLE = /^Gradebook Summary for (.+)$/;
/** Header texts of the columns read, without spaces ("Missing<br />Assmts" has none in its text). */
const HEADERS = { name: 'Gradebook', term: 'Term', period: 'Pd', teacher: 'Teacher', percent: '%', mark: 'Grade', missing: 'MissingAssmts', status: 'Status' } as const;
type Column = keyof typeof HEADERS;

function readStudent(doc: Document): ReadingStudent | undefined {
  const title = Array.from(doc.querySelectorAll(SELECTORS.title)).map((b) => TITLE.exec(collapse(b.textContent))).find(Boolean);
  const name = title?.[1];
  if (!name) return undefined;
  const number = doc.querySelector<HTMLInputElement>(SELECTORS.studentNumber)?.value ?? '';
  return /^\d+$/.test(number) ? { key: number, name, vendorId: number } : { key: normaliseName(name), name };
}

/** Column positions from the header row's texts, so a district's extra or missing column cannot shift a value. */
function columnsOf(header: Element): Partial<Record<Column, number>> {
  const texts = Array.from(header.children).map((cell) => (cell.textContent ?? '').replace(/\s+/g, ''));
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, text] of Object.entries(HEADERS) as Array<[Column, string]>) {
    const index = texts.indexOf(text);
    if (index >= 0) columns[column] = index;
  }
  return columns;
}

/** The link in the Gradebook column (the Details column's link holds only an icon). */
function gradebookLink(row: Element, columns: Partial<Record<Column, number>>): Element | undefined {
  return columns.name === undefined ? undefined : row.children[columns.name]?.querySelector(SELECTORS.gradebookLink) ?? undefined;
}

function gradebookId(link: Element): string {
  return /[?&]GrdBk=(\d+)/.exec(link.getAttribute('href') ?? '')?.[1] ?? '';
}

function readRow(row: Element, columns: Partial<Record<Column, number>>, width: number, student: ReadingStudent, url: URL, now: number): Reading {
  const cells = Array.from(row.children);
  const text = (column: Column) => {
    const index = columns[column];
    return index === undefined ? '' : collapse(cells[index]?.textContent);
  };
  const link = gradebookLink(row, columns)!;
  const name = collapse(link.textContent);
  const problems: ReadingProblem[] = [];
  if (cells.length < width || columns.missing === undefined) {
    problems.push({ where: `gradebook ${name}`, reason: 'the row is cut short (page cut off?)', raw: capRaw(collapse(row.textContent)) });
  }
  const percentText = text('percent');
  const mark = text('mark');
  const missingText = text('missing');
  const missing = /^\d+$/.test(missingText) ? Number(missingText) : undefined;
  if (missing === undefined && problems.length === 0) problems.push({ where: `gradebook ${name}`, reason: 'the missing-assignments count is not a number', raw: capRaw(missingText) });
  const percent = parsePercent(percentText);
  if (percentText && percent === undefined) problems.push({ where: `gradebook ${name}`, reason: 'the percent is not a number', raw: capRaw(percentText) });
  const missingNote = missing === undefined ? '' : `; ${missing} missing assignment${missing === 1 ? '' : 's'}`;
  const overall = percentText || mark
    ? [{ studentKey: student.key, percent, letter: mark || undefined, raw: capRaw(`${collapse(`${percentText} ${mark}`)}${missingNote}`) }]
    : [];
  const section = { key: gradebookId(link), name, teacher: text('teacher') || undefined, period: text('period') || undefined };
  return { adapterId: aeriesSummary.id, view: aeriesSummary.view, url: url.href, readAt: now, section, students: [student], assignments: [], cells: [], overall, problems };
}

function readSummary(doc: Document, url: URL, now: number): AdapterResult {
  const student = readStudent(doc);
  const header = Array.from(doc.querySelectorAll(SELECTORS.headerRow)).find((row) => row.parentElement?.querySelector(SELECTORS.gradebookLink));
  if (!student || !header) return { readings: [], problems: [{ where: 'page', reason: 'the Gradebook Summary table or its student was not found (page still loading?)' }] };
  const columns = columnsOf(header);
  const readings: Reading[] = [];
  const problems: ReadingProblem[] = [];
  let priorTerms = false;
  for (const row of Array.from(header.parentElement!.children)) {
    if (row === header) continue;
    // Rows after the "Prior Terms" heading are closed gradebooks: history, not today's grades.
    if (row.matches(SELECTORS.headerRow)) {
      priorTerms ||= /^Prior Terms?$/i.test(collapse(row.textContent));
      continue;
    }
    if (priorTerms) continue;
    const link = gradebookLink(row, columns);
    if (!link || !gradebookId(link) || !collapse(link.textContent)) {
      problems.push({ where: 'gradebook table', reason: 'a row without a gradebook link and name', raw: capRaw(collapse(row.textContent)) });
      continue;
    }
    const status = columns.status === undefined ? '' : collapse(row.children[columns.status]?.textContent);
    if (/Prior Term/i.test(status)) continue;
    readings.push(readRow(row, columns, header.children.length, student, url, now));
  }
  if (readings.length === 0 && problems.length === 0) problems.push({ where: 'gradebook table', reason: 'no current-term gradebook rows (page cut off?)' });
  return { readings, problems };
}

const cases: AdapterCase[] = [
  {
    fixture: 'aeries/gradebook-summary.html',
    url: 'https://abi.lakeviewisd.org/abi/GradebookSummary.asp?cache=3%2F16%2F2013+8%3A32%3A14+PM',
    skipChecks: [{
      check: 'markup-names',
      reason: 'the only student name sits inside the heading "Gradebook Summary for …" and the page lists no assignments, so no text node holds a name alone (tests/adapters/aeries-summary.test.ts gives course names markup instead)',
    }],
    expect: {
      // 6 current-term gradebooks; the 5 prior-term rows are not read
      readings: 6,
      sectionName: 'Comp Sci-IB SL',
      teacher: 'Lee, D',
      students: 6,
      assignments: 0,
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const aeriesSummaryInfo: AdapterInfo = {
  id: 'aeries-summary',
  label: 'Aeries (gradebook summary)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => /\/GradebookSummary\.asp$/i.test(url.pathname) && doc.querySelector(SELECTORS.gradebookLink) !== null),
};

export const aeriesSummary: Adapter = /* @__PURE__ */ withReader(aeriesSummaryInfo, readSummary, cases);
