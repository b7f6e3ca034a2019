// The Moodle user report read against the grades Moodle stored (moodle/expected-grades.csv, from its own
// tables), for the teacher's and the student's view, and the French fragment with decimal commas.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { moodleUserReport } from '../../src/adapters/moodle-user-report';
import type { Reading } from '../../src/core/types';
import { csvRecords } from '../support/csv-rows';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const REPORT = 'http://127.0.0.1:8090/grade/report/user/index.php?id=2';

const fixture = (file: string) => readFileSync(resolve(FIXTURES_DIR, `moodle/${file}`), 'utf8');
const round2 = (n: number) => Math.round(n * 100) / 100;

function read(html: string, url: string): { reading: Reading; problems: string[] } {
  const result = moodleUserReport.read(new JSDOM(html, { url }).window.document, new URL(url), 0);
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  const reading = result.readings[0]!;
  return { reading, problems: reading.problems.map((p) => p.reason) };
}

const STORED = csvRecords(fixture('expected-grades.csv'));

describe('the Moodle user report, every item against the stored grades', () => {
  const pages: Array<[string, string, string]> = [
    ['teacher-user-report.html', `${REPORT}&userid=6`, '6'],
    ['teacher-user-report-excused.html', `${REPORT}&userid=13`, '13'],
    ['student-user-report.html', REPORT, '5'],
  ];

  for (const [file, url, userId] of pages) {
    describe(file, () => {
      const { reading, problems } = read(fixture(file), url);
      const stored = STORED.filter((g) => g.userid === userId);

      it('reads the student by Moodle user id and the course by its id', () => {
        expect(problems).toEqual([]);
        expect(reading.students).toEqual([{ key: userId, name: stored[0]!.student, vendorId: userId }]);
        expect(reading.section).toEqual({ key: '2', name: 'Algebra 1 — Period 2' });
      });

      it('reads each of the 17 grade items as stored: points, points possible, no grade as not graded', () => {
        const items = stored.filter((g) => g.itemtype === 'mod' || g.itemtype === 'manual');
        expect(items).toHaveLength(17);
        expect(reading.cells).toHaveLength(17);
        for (const grade of items) {
          const where = `${grade.student} × ${grade.item}`;
          const cell = reading.cells.find((c) => c.assignmentKey === grade.itemid);
          expect(cell, where).toBeDefined();
          expect(cell!.score.points, where).toBe(grade.finalgrade ? round2(Number(grade.finalgrade)) : undefined);
          expect(cell!.score.outOf ?? Number(grade.grademax), where).toBe(Number(grade.grademax));
          expect(Boolean(cell!.score.flags.notGraded), `${where}: not graded`).toBe(!grade.finalgrade);
          expect(Boolean(cell!.score.flags.missing), `${where}: missing`).toBe(false);
          expect(reading.assignments.find((a) => a.key === grade.itemid)?.name, where).toBe(grade.item);
        }
      });

      it('reads the course total as percent (and letter), not the category totals as assignments', () => {
        const total = stored.find((g) => g.itemtype === 'course')!;
        expect(reading.overall).toHaveLength(1);
        expect(reading.overall[0]!.percent).toBe(round2(Number(total.finalgrade)));
        const categories = stored.filter((g) => g.itemtype === 'category').map((g) => g.itemid);
        expect(reading.assignments.filter((a) => categories.includes(a.key))).toEqual([]);
      });
    });
  }

  it('takes each item\'s category from its heading, and its range as points possible', () => {
    const { reading } = read(fixture('teacher-user-report.html'), `${REPORT}&userid=6`);
    expect(reading.assignments.find((a) => a.key === '18')).toEqual({ key: '18', name: 'Project: Linear Models in the Wild', category: 'Homework', pointsPossible: 50 });
    expect(reading.assignments.find((a) => a.key === '14')).toMatchObject({ category: 'Tests', pointsPossible: 40 });
    expect(reading.assignments.find((a) => a.key === '21')).toMatchObject({ category: 'Quizzes', pointsPossible: 10 });
  });

  it('marks an excluded grade, which this report hints only as "( Dropped )", as dropped', () => {
    const { reading } = read(fixture('teacher-user-report-excused.html'), `${REPORT}&userid=13`);
    const excluded = STORED.filter((g) => g.userid === '13' && g.excluded === '1').map((g) => g.itemid).sort();
    expect(excluded).toEqual(['12', '13']);
    const quiz3 = reading.cells.find((c) => c.assignmentKey === '12')!;
    expect(quiz3.score).toMatchObject({ points: 3, outOf: 10, percent: 30, flags: { dropped: true } });
    // HW 5 has no grade, so Moodle shows "( Empty )", the same as Quiz 5 which nobody took yet
    expect(reading.cells.find((c) => c.assignmentKey === '13')!.score.flags).toEqual({ notGraded: true });
    expect(reading.cells.filter((c) => c.score.flags.dropped).map((c) => c.assignmentKey)).toEqual(['12']);
  });
});

describe('the French user report fragment (decimal commas)', () => {
  // The file is only the `<tbody>` of `table.user-grade`; a browser never sees it alone, so it is put
  // back in its table (a bare tbody would be dropped by the HTML parser).
  const html = `<!doctype html><html><body><table class="generaltable user-grade">${fixture('user-report-tbody-fr.html')}</table></body></html>`;
  const { reading, problems } = read(html, 'https://moodle.lakeview.example.org/grade/report/user/index.php');
  const cell = (name: string) => reading.cells.find((c) => c.assignmentKey === reading.assignments.find((a) => a.name === name)?.key)!;

  it('reads grades written with decimal commas against their ranges', () => {
    expect(cell('Premier examen')).toMatchObject({ raw: '15,00', score: { points: 15, outOf: 20, percent: 75 } });
    expect(cell('Stats Cup')).toMatchObject({ raw: '7,50', score: { points: 7.5, outOf: 10, percent: 75 } });
    expect(cell('Examen Final')).toMatchObject({ raw: '-', score: { outOf: 20, flags: { notGraded: true } } });
    expect(reading.assignments.map((a) => a.key)).toEqual(['6492', '6493', '10160', '10250', '10862']);
  });

  it('reads the course total from the percentage column when the grade column shows points', () => {
    expect(reading.overall).toEqual([{ studentKey: '5001', percent: 75, letter: undefined, raw: '15,00' }]);
  });

  it('keys the student by the user id in the row ids, and says the name is not shown', () => {
    expect(reading.students).toEqual([{ key: '5001', name: '5001', vendorId: '5001' }]);
    expect(problems).toEqual(['the student\'s name is not on the page: shown by user id']);
    expect(reading.section).toEqual({ key: 'category-1120', name: 'Statistiques inférentielles' });
  });
});

describe('the student\'s name when the heading is not where Moodle puts it', () => {
  const url = `${REPORT}&userid=6`;
  const load = () => new JSDOM(fixture('teacher-user-report.html'), { url }).window.document;
  const studentOf = (doc: Document) => moodleUserReport.read(doc, new URL(url), 0).readings[0]?.students;
  const owen = [{ key: '6', name: 'Owen Fitzgerald', vendorId: '6' }];

  it('takes the page\'s heading when the table is wrapped once more and the heading moved away', () => {
    const doc = load();
    const container = doc.querySelector('.user-report-container')!;
    const wrapper = doc.createElement('div');
    container.before(wrapper);
    wrapper.append(container);
    doc.body.prepend(doc.querySelector('.user-heading')!);
    expect(studentOf(doc)).toEqual(owen);
  });

  it('does not take another element beside the table for the heading, even one linking the student', () => {
    const doc = load();
    const other = doc.createElement('div');
    other.innerHTML = '<a href="http://127.0.0.1:8090/user/view.php?id=6&amp;course=3">Someone Else</a>';
    doc.querySelector('.user-report-container')!.before(other);
    expect(studentOf(doc)).toEqual(owen);
  });
});

describe('which Moodle pages the user report adapter claims', () => {
  it('claims the user report and the course grades link, not the grader report or overview', () => {
    const doc = new JSDOM(fixture('student-user-report.html')).window.document;
    expect(moodleUserReport.matches(new URL(REPORT), doc)).toBe(true);
    expect(moodleUserReport.matches(new URL('http://127.0.0.1:8090/course/user.php?mode=grade&id=2&user=5'), doc)).toBe(true);
    const grader = new JSDOM(fixture('teacher-grader-report-collapsed.html')).window.document;
    expect(moodleUserReport.matches(new URL('http://127.0.0.1:8090/grade/report/grader/index.php?id=2'), grader)).toBe(false);
    const overview = new JSDOM(fixture('student-overview.html')).window.document;
    expect(moodleUserReport.matches(new URL('http://127.0.0.1:8090/grade/report/overview/index.php'), overview)).toBe(false);
  });
});
