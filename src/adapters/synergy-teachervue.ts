// Synergy TeacherVUE's Grade Book (Edupoint): one class per page, students down (Perm ID, name),
// assignments across with their points possible, the calculated mark and percent per student, and the
// Grade Book's score codes (M missing, EX exempt, INC incomplete).
// Unverified: no saved TeacherVUE page exists (see shared/fixtures/SOURCES.md). Built from Edupoint's Grade
// Book User Guide and district guides; since its markup is not documented, it reads the grid by its words
// and layout with the generic table reader's rules (header row, points row, a student-number column as the
// identity, the mark as the overall grade), never by vendor class names.
import { type Adapter, type AdapterCase, type AdapterInfo, type AdapterResult, safeMatches, withReader } from './adapter';
import { proposeMapping, readWithMapping } from './generic-table';
import { collapse } from '../core/text';

/** TeacherVUE names itself in the title or the header band; its grade book page says "Grade Book". */
const TEACHERVUE = /TeacherVUE/i;
const GRADE_BOOK = /grade\s?book/i;
const SELECTORS = { heading: 'h1, h2', className: '.class-name, [id*="ClassName" i], [id*="className"]', teacher: '.teacher' } as const;

const MARK_HEADER = /^mark$/i;

/** The Mark column's letter by student key (Perm ID), to go with the Percent column's overall grade. */
function marksByStudent(doc: Document, tableIndex: number, headerRow: number): Map<string, string> {
  const rows = Array.from(doc.querySelectorAll('table')[tableIndex]?.rows ?? []);
  const header = Array.from(rows[headerRow]?.cells ?? [], (cell) => collapse(cell.textContent));
  const markAt = header.findIndex((text) => MARK_HEADER.test(text));
  const idAt = header.findIndex((text) => /^perm id$/i.test(text));
  const marks = new Map<string, string>();
  if (markAt < 0 || idAt < 0) return marks;
  for (const row of rows.slice(headerRow + 1)) {
    const id = collapse(row.cells[idAt]?.textContent);
    const mark = collapse(row.cells[markAt]?.textContent);
    if (id && /^[A-F][+-]?$/.test(mark)) marks.set(`id:${id}`, mark);
  }
  return marks;
}

function readPage(doc: Document, url: URL, now: number): AdapterResult {
  const mapping = proposeMapping(doc);
  if (!mapping) return { readings: [], problems: [{ where: 'page', reason: 'no grade book grid with scores found (page still loading?)' }] };
  // The class as the page names it ("Biology 1 (Period 3)"), keyed by name: no class id is documented.
  const className = collapse(doc.querySelector(SELECTORS.className)?.textContent) || collapse(doc.querySelector(SELECTORS.heading)?.textContent) || doc.title;
  const teacher = collapse(doc.querySelector(SELECTORS.teacher)?.textContent);
  const result = readWithMapping(doc, url, now, mapping, {
    adapterId: synergyTeachervueInfo.id,
    section: { key: className.toLowerCase(), name: className, ...(teacher ? { teacher } : {}) },
  });
  const marks = marksByStudent(doc, mapping.tableIndex, mapping.headerRow);
  for (const reading of result.readings) {
    if (!mapping.studentId) reading.problems.push({ where: 'table', reason: 'no Perm ID column: students are told apart by name only' });
    for (const overall of reading.overall) {
      const mark = marks.get(overall.studentKey);
      if (mark && !overall.letter) overall.letter = mark;
    }
  }
  return result;
}

const AVERY = 'Stone, Avery';
const cases: AdapterCase[] = [
  {
    fixture: 'local:synergy-teachervue/grade-book-main.html',
    url: 'https://synergy.lakeview.example/TeacherVUE/GradeBook',
    expect: {
      readings: 1,
      sectionName: 'Biology 1 (Period 3)',
      teacher: 'Lee, Dana',
      students: 5,
      assignments: 4,
      cells: [
        { student: AVERY, assignment: 'Cell Quiz', raw: '9', points: 9, outOf: 10, percent: 90 },
        { student: AVERY, assignment: 'Mitosis Worksheet', raw: 'M', missing: true },
        { student: "O'Connor, Liam", assignment: 'Lab 4: Osmosis', raw: 'INC' },
        { student: AVERY, assignment: 'Unit 2 Test', raw: '88', points: 88, outOf: 100 },
      ],
      overall: [{ student: AVERY, percent: 84.5, letter: 'B' }],
      problems: 0,
    },
  },
];

/** What the content script needs to recognise the page; the reader itself loads only where it matches. */
export const synergyTeachervueInfo: AdapterInfo = {
  id: 'synergy-teachervue',
  label: 'Synergy TeacherVUE (grade book)',
  view: 'teacher-grid',
  status: 'unverified',
  matches: safeMatches((url, doc) => {
    const named = TEACHERVUE.test(doc.title) || TEACHERVUE.test(url.pathname) || TEACHERVUE.test(doc.querySelector('.header, header')?.textContent ?? '');
    return named && (GRADE_BOOK.test(doc.title) || GRADE_BOOK.test(url.pathname)) && doc.querySelector('table') !== null;
  }),
};

export const synergyTeachervue: Adapter = /* @__PURE__ */ withReader(synergyTeachervueInfo, readPage, cases);
