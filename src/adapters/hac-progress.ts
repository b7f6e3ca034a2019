// Home Access Center (eSchoolPLUS), the Interim Progress Report (`InterimProgress.aspx`): one student's
// courses, each with its progress grade (PRG) and comment codes. One Reading per course, with the
// progress grade as the overall; the report lists no assignments.
// Only the HAC banner around the page's frame names the student (see hac-banner.ts); read on its own the
// courses are filed under an unnamed student, and a problem says so.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import type { Reading, ReadingProblem, ReadingStudent } from '../core/types';
import { normaliseName, parsePercent } from '../core/score-parse';
import { UNNAMED_REASON, UNNAMED_STUDENT, bannerStudent } from './hac-banner';
import { collapse, capRaw } from '../core/text';

// Checked on hac/parent-interim-progress-report.html (2022): 7 data rows; cells padded with spaces,
// empty COM cells a single U+00A0.
const SELECTORS = {
  table: 'table#plnMain_dgIPR',
  headerRow: 'tr.sg-asp-table-header-row',
  dataRow: 'tr.sg-asp-table-data-row',
  /** `OpenClassPopUp('2362863')`: the section id */
  courseLink: 'a[onclick*="OpenClassPopUp"]',
} as const;

const HEADERS = { code: 'Course', name: 'Description', period: 'Period', teacher: 'Teacher', progress: 'PRG' } as const;
type Column = keyof typeof HEADERS;
const SECTION_ID = /OpenClassPopUp\('(\d+)'\)/;

function columnsOf(header: Element): Partial<Record<Column, number>> {
  const texts = Array.from(header.children).map((cell) => collapse(cell.textContent));
  const columns: Partial<Record<Column, number>> = {};
  for (const [column, text] of Object.entries(HEADERS) as Array<[Column, string]>) {
    const index = texts.indexOf(text);
    if (index >= 0) columns[column] = index;
  }
  return columns;
}

function readRow(row: Element, columns: Partial<Record<Column, number>>, width: number, student: ReadingStudent, problems: ReadingProblem[], url: URL, now: number): Reading | undefined {
  const cells = row.children;
  const text = (column: Column) => (columns[column] === undefined ? '' : collapse(cells[columns[column]!]?.textContent));
  const name = text('name');
  const sectionId = SECTION_ID.exec(row.querySelector(SELECTORS.courseLink)?.getAttribute('onclick') ?? '')?.[1];
  const key = sectionId ?? normaliseName(`${text('code')} ${name}`);
  if (!name || !key) {
    problems.push({ where: 'progress report', reason: 'a course row without a name', raw: capRaw(collapse(row.textContent)) });
    return undefined;
  }
  const own: ReadingProblem[] = [];
  if (cells.length < width) own.push({ where: `course ${name}`, reason: 'the row is cut short (page cut off?)', raw: capRaw(collapse(row.textContent)) });
  const progress = text('progress');
  const percent = parsePercent(progress);
  if (progress && percent === undefined) own.push({ where: `course ${name}`, reason: 'the progress grade is not a number', raw: capRaw(progress) });
  const overall = percent === undefined ? [] : [{ studentKey: student.key, percent, raw: progress }];
  const section = { key, name, teacher: text('teacher') || undefined, period: text('period') || undefined };
  return { adapterId: hacProgress.id, view: hacProgress.view, url: url.href, readAt: now, section, students: [student], assignments: [], cells: [], overall, problems: own };
}

function readReport(doc: Document, url: URL, now: number): AdapterResult {
  const table = doc.querySelector(SELECTORS.table);
  const header = table?.querySelector(SELECTORS.headerRow);
  if (!table || !header) return { readings: [], problems: [{ where: 'page', reason: 'the Interim Progress Report table was not found (page still loading?)' }] };
  const columns = columnsOf(header);
  const problems: ReadingProblem[] = [];
  const named = bannerStudent(doc);
  if (!named) problems.push({ where: 'page', reason: UNNAMED_REASON });
  const student = named ?? UNNAMED_STUDENT;
  const readings: Reading[] = [];
  const rows = table.querySelectorAll(SELECTORS.dataRow);
  // by index: in Chromium, Array.from or for…of over a NodeList costs more than a short row's reading
  for (let index = 0; index < rows.length; index++) {
    const reading = readRow(rows[index]!, columns, header.children.length, student, problems, url, now);
    if (reading) readings.push(reading);
  }
  if (readings.length === 0) problems.push({ where: 'progress report', reason: 'the report lists no courses (page cut off?)' });
  return { readings, problems };
}

const cases: AdapterCase[] = [
  {
    fixture: 'hac/parent-interim-progress-report.html',
    url: 'https://hac.lakeviewisd.org/HomeAccess/Content/Student/InterimProgress.aspx',
    skipChecks: [{
      check: 'markup-names',
      reason: 'the page names no student (the HAC banner around its frame does) and lists no assignments, so no text node holds a name (tests/adapters/hac-progress.test.ts gives course names markup instead)',
    }],
    expect: {
      readings: 7,
      sectionName: 'COMP SCI 3 DS KAP B',
      teacher: 'Lee, Dana',
      students: 7,
      assignments: 0,
      // read alone, outside the HAC frame: the student is unnamed, and that is reported
      problems: 1,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const hacProgressInfo: AdapterInfo = {
  id: 'hac-progress',
  label: 'Home Access Center (interim progress report)',
  view: 'student-detail',
  status: 'verified',
  matches: safeMatches((url, doc) => /\/InterimProgress\.aspx$/i.test(url.pathname) && doc.querySelector(SELECTORS.table) !== null),
};

export const hacProgress: Adapter = /* @__PURE__ */ withReader(hacProgressInfo, readReport, cases);
