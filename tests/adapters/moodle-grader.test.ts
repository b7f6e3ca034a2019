// Every one of the grader report's 588 cells (28 students × 21 grade items, totals included) read as
// the gradebook stored it: moodle/expected-grades.csv comes from Moodle's own tables, not from the page.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moodleGrader, readGraderCells } from '../../src/adapters/moodle-grader';
import type { Reading } from '../../src/core/types';
import { csvRows } from '../support/csv-rows';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const REPORT_URL = 'http://127.0.0.1:8090/grade/report/grader/index.php?id=2';

interface ExpectedGrade {
  userId: string;
  student: string;
  itemId: string;
  item: string;
  itemType: 'course' | 'category' | 'mod' | 'manual';
  gradeMax: number;
  /** undefined = no grade */
  finalGrade?: number;
  overridden: boolean;
  excluded: boolean;
}

function expectedGrades(): ExpectedGrade[] {
  const [header, ...rows] = csvRows(readFileSync(resolve(FIXTURES_DIR, 'moodle/expected-grades.csv'), 'utf8'));
  const column = (name: string) => header!.indexOf(name);
  return rows.map((row) => ({
    userId: row[column('userid')]!,
    student: row[column('student')]!,
    itemId: row[column('itemid')]!,
    item: row[column('item')]!,
    itemType: row[column('itemtype')] as ExpectedGrade['itemType'],
    gradeMax: Number(row[column('grademax')]),
    finalGrade: row[column('finalgrade')] ? Number(row[column('finalgrade')]) : undefined,
    overridden: row[column('overridden')] === '1',
    excluded: row[column('excluded')] === '1',
  }));
}

/** Moodle's default letter boundaries (Site administration › Grades › Letters). */
const MOODLE_LETTERS: Array<[number, string]> = [
  [93, 'A'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'], [77, 'C+'], [73, 'C'], [70, 'C-'], [67, 'D+'], [60, 'D'], [0, 'F'],
];
const moodleLetter = (percent: number) => MOODLE_LETTERS.find(([min]) => percent >= min)![1];
const round2 = (n: number) => Math.round(n * 100) / 100;
const percentOf = (grade: ExpectedGrade) => round2((grade.finalGrade! / grade.gradeMax) * 100);

/** What the page shows for a stored grade: two decimals; the course total as `72.38 % (C-)`. */
function shown(grade: ExpectedGrade, editing: boolean): string {
  if (grade.finalGrade === undefined) return editing ? '' : '-';
  if (grade.itemType === 'course' && !editing) return `${percentOf(grade).toFixed(2)} % (${moodleLetter(percentOf(grade))})`;
  return grade.finalGrade.toFixed(2);
}

function load(file: string): Document {
  return new JSDOM(readFileSync(resolve(FIXTURES_DIR, `moodle/${file}`), 'utf8'), { url: REPORT_URL }).window.document;
}

function readOne(doc: Document): Reading {
  const result = moodleGrader.read(doc, new URL(REPORT_URL), 0);
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

const EXPECTED = expectedGrades();

describe('the Moodle grader report, every cell against the stored grades', () => {
  it('has 588 stored grades to check: 28 students × 21 grade items', () => {
    expect(EXPECTED).toHaveLength(588);
    expect(new Set(EXPECTED.map((g) => g.userId)).size).toBe(28);
  });

  for (const [file, editing] of [['teacher-grader-report.html', false], ['teacher-grader-report-editing.html', true]] as const) {
    describe(file, () => {
      const doc = load(file);
      const cells = new Map(readGraderCells(doc).map((cell) => [`${cell.userId}|${cell.itemId}`, cell]));
      const reading = readOne(doc);

      it('shows each of the 588 grades as stored, with its Excluded and Overridden marks', () => {
        expect(cells.size).toBe(588);
        for (const grade of EXPECTED) {
          const where = `${grade.student} × ${grade.item}`;
          const cell = cells.get(`${grade.userId}|${grade.itemId}`);
          expect(cell, where).toBeDefined();
          expect(cell!.raw, where).toBe(shown(grade, editing));
          expect(cell!.kind, where).toBe(grade.itemType === 'course' || grade.itemType === 'category' ? grade.itemType : 'item');
          expect(cell!.excluded, `${where}: excluded`).toBe(grade.excluded);
          expect(cell!.overridden, `${where}: overridden`).toBe(grade.overridden);
        }
      });

      it('reads each of the 476 item grades as points, no grade as not graded, and Excluded as excused', () => {
        const items = EXPECTED.filter((g) => g.itemType === 'mod' || g.itemType === 'manual');
        expect(items).toHaveLength(476);
        expect(reading.cells).toHaveLength(476);
        for (const grade of items) {
          const where = `${grade.student} × ${grade.item}`;
          const cell = reading.cells.find((c) => c.studentKey === grade.userId && c.assignmentKey === grade.itemId);
          expect(cell, where).toBeDefined();
          expect(cell!.score.points, where).toBe(grade.finalGrade === undefined ? undefined : round2(grade.finalGrade));
          expect(Boolean(cell!.score.flags.notGraded), `${where}: not graded`).toBe(grade.finalGrade === undefined && !grade.excluded);
          expect(Boolean(cell!.score.flags.excused), `${where}: excused`).toBe(grade.excluded);
          expect(Boolean(cell!.score.flags.missing), `${where}: missing`).toBe(false);
        }
      });

      it('reads the 3 category totals as skipped columns, not assignments', () => {
        const categories = new Set(EXPECTED.filter((g) => g.itemType === 'category').map((g) => g.itemId));
        expect(categories.size).toBe(3);
        expect(reading.assignments.filter((a) => categories.has(a.key))).toEqual([]);
        expect(reading.problems.filter((p) => p.reason.includes('category total')).map((p) => p.where))
          .toEqual(['column Homework total', 'column Quizzes total', 'column Tests total']);
      });
    });
  }

  it('reads the 28 course totals as percent and letter (not in Edit mode, which shows only points)', () => {
    const reading = readOne(load('teacher-grader-report.html'));
    const totals = EXPECTED.filter((g) => g.itemType === 'course');
    expect(reading.overall).toHaveLength(28);
    for (const grade of totals) {
      const overall = reading.overall.find((o) => o.studentKey === grade.userId);
      expect(overall?.percent, grade.student).toBe(percentOf(grade));
      expect(overall?.letter, grade.student).toBe(moodleLetter(percentOf(grade)));
    }
    expect(readOne(load('teacher-grader-report-editing.html')).overall).toEqual([]);
  });

  it('keys students by Moodle user id and items by grade item id, with their categories', () => {
    const reading = readOne(load('teacher-grader-report.html'));
    expect(reading.section).toEqual({ key: '2', name: 'Algebra 1 — Period 2' });
    expect(reading.students[0]).toEqual({ key: '5', name: 'Mateo Alvarez', vendorId: '5' });
    expect(reading.students.at(-1)).toEqual({ key: '12', name: 'Noah Whitfield', vendorId: '12' });
    const byKey = new Map(reading.assignments.map((a) => [a.key, a]));
    expect(byKey.get('10')).toEqual({ key: '10', name: 'Unit 1 Test: Equations & Inequalities', category: 'Tests' });
    expect(byKey.get('18')?.category).toBe('Homework');
    expect(byKey.get('21')?.category).toBe('Quizzes');
    // the report shows no ranges, so points possible is not known from this page
    expect(reading.assignments.every((a) => a.pointsPossible === undefined)).toBe(true);
  });

  it('reads only the course totals when every category is collapsed to its total', () => {
    const reading = readOne(load('teacher-grader-report-collapsed.html'));
    expect(reading.assignments).toEqual([]);
    expect(reading.cells).toEqual([]);
    expect(reading.overall.find((o) => o.studentKey === '7')).toMatchObject({ percent: 99.58, letter: 'A' });
    expect(readGraderCells(load('teacher-grader-report-collapsed.html')).find((c) => c.userId === '28' && c.itemId === '2')?.raw).toBe('38.00');
  });
});

describe('the Moodle grader report when rows or cells are not where Moodle puts them', () => {
  const readWhole = (doc: Document) => ({ read: moodleGrader.read(doc, new URL(REPORT_URL), 0), cells: readGraderCells(doc) });
  const unchanged = readWhole(load('teacher-grader-report.html'));
  /** The elements put inside a new `div` in their place, as a script could (the HTML parser never would). */
  const wrap = (elements: Element[]) => {
    const wrapper = elements[0]!.ownerDocument.createElement('div');
    elements[0]!.before(wrapper);
    wrapper.append(...elements);
  };

  it('finds the student rows by a query when they are not rows of the table itself', () => {
    const doc = load('teacher-grader-report.html');
    wrap(Array.from(doc.querySelectorAll('tr.userrow')));
    expect((doc.querySelector('#user-grades') as HTMLTableElement).rows.length).toBeLessThan(28);
    expect(readWhole(doc)).toEqual(unchanged);
  });

  it('finds the grade cells and item headers by a query when they are not cells of their row itself', () => {
    const doc = load('teacher-grader-report.html');
    wrap(Array.from(doc.querySelector('tr.heading')!.children));
    for (const row of doc.querySelectorAll('tr.userrow')) wrap(Array.from(row.children));
    expect(doc.querySelector('tr.userrow > td.gradecell')).toBeNull();
    expect(readWhole(doc)).toEqual(unchanged);
  });

  it('finds one row\'s grade cells by a query when only they are moved, its name cell left in place', () => {
    const doc = load('teacher-grader-report.html');
    const owen = doc.querySelector('tr.userrow[data-uid="6"]')!;
    wrap(Array.from(owen.children).filter((cell) => cell.matches('td.gradecell')));
    expect(readWhole(doc)).toEqual(unchanged);
  });
});
