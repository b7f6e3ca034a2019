// RosarioSIS parent/student Gradebook Grades details the generic adapter test cannot state: one overall
// per course on the Totals page, the same section keys on all three views, ids, dates and counts.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rosariosisParent } from '../../src/adapters/rosariosis-parent';
import { rosariosisTeacher } from '../../src/adapters/rosariosis-teacher';
import type { Reading } from '../../src/core/types';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const SITE = 'http://127.0.0.1:8089/Modules.php?modname=Grades/StudentGrades.php';

function load(file: string, url: string): Document {
  return new JSDOM(readFileSync(resolve(FIXTURES_DIR, `rosariosis/${file}`), 'utf8'), { url }).window.document;
}

function read(file: string, url: string): Reading[] {
  const result = rosariosisParent.read(load(file, url), new URL(url), 0);
  expect(result.problems).toEqual([]);
  return result.readings;
}

const summary = (readings: Reading[]) => readings.map((r) => [r.section.name, r.section.teacher, r.overall[0]?.percent, r.overall[0]?.letter]);

describe('RosarioSIS Gradebook Grades, Totals', () => {
  it('reads each course with its teacher, percent and letter for the parent', () => {
    expect(summary(read('parent-student-grades.html', SITE))).toEqual([
      ['Algebra 1', 'Elena Marsh', 65.32, 'D'], ['Biology', 'Elena Marsh', 82.56, 'B-'], ['English 9', 'David Okafor', 90.48, 'A-'],
    ]);
  });

  it('reads the same three courses for the signed-in student, who is named by the menu, not a select', () => {
    const readings = read('student-student-grades.html', SITE);
    expect(summary(readings)).toEqual(summary(read('parent-student-grades.html', SITE)));
    expect(readings[0]!.students).toEqual([{ key: '1', name: 'Marcus Bell', vendorId: '1' }]);
  });

  it('finds the student named by the side menu\'s script when another inline script comes before it', () => {
    const doc = load('student-student-grades.html', SITE);
    const other = doc.createElement('script');
    other.textContent = 'var modname = "Grades/StudentGrades.php";';
    doc.head.append(other);
    const result = rosariosisParent.read(doc, new URL(SITE), 0);
    expect(result).toEqual(rosariosisParent.read(load('student-student-grades.html', SITE), new URL(SITE), 0));
    expect(result.readings[0]!.students).toEqual([{ key: '1', name: 'Marcus Bell', vendorId: '1' }]);
  });

  it('names the child from the parent\'s student select, never the signed-in parent', () => {
    const readings = read('parent-student-grades.html', SITE);
    expect(new Set(readings.flatMap((r) => r.students.map((s) => `${s.key} ${s.name}`)))).toEqual(new Set(['1 Marcus Bell']));
  });
});

describe('RosarioSIS Gradebook Grades, assignments', () => {
  const algebra = read('parent-student-grades-algebra.html', `${SITE}&id=1`)[0]!;
  const all = read('parent-student-grades-all.html', `${SITE}&id=all`);

  it('keys assignments by RosarioSIS assignment id, with category, due date and points possible', () => {
    expect(algebra.assignments[0]).toEqual({ key: '15', name: 'HW 3.6 Point-Slope Form', category: 'Homework', dueDate: '2024-10-14', pointsPossible: 10 });
    expect(algebra.assignments.at(-1)).toMatchObject({ key: '8', name: 'Unit 1 Test: Equations', dueDate: '2024-09-18', pointsPossible: 100 });
    // the optional extra credit (id 12) is hidden from parents until graded
    expect(algebra.assignments.map((a) => a.key)).not.toContain('12');
  });

  it('reads the red 0 with "No Grade" as missing, not as a zero', () => {
    const missing = algebra.cells.filter((c) => c.score.flags.missing);
    expect(missing.map((c) => [c.assignmentKey, c.raw, c.score.points])).toEqual([['13', '0 / 10', undefined]]);
  });

  it('gives a course the same section key on Totals, its own page and Expand All', () => {
    const totals = read('parent-student-grades.html', SITE);
    expect(all.map((r) => r.section.key)).toEqual(totals.map((r) => r.section.key));
    expect(algebra.section.key).toBe(totals[0]!.section.key);
    expect(all.map((r) => r.section.period)).toEqual(['Period 2', 'Period 4', 'Period 1']);
  });

  it('reads the same Algebra assignments and cells on Expand All as on the course page', () => {
    expect(all[0]!.assignments).toEqual(algebra.assignments);
    expect(all[0]!.cells).toEqual(algebra.cells);
    expect(all.map((r) => r.assignments.length)).toEqual([15, 12, 6]);
  });

  it('reads a detail field whose value is not its first element the same', () => {
    const url = `${SITE}&id=1`;
    const doc = load('parent-student-grades-algebra.html', url);
    for (const bold of Array.from(doc.querySelectorAll('td.header2 > b'))) bold.before(doc.createElement('span'));
    expect(rosariosisParent.read(doc, new URL(url), 0)).toEqual(rosariosisParent.read(load('parent-student-grades-algebra.html', url), new URL(url), 0));
  });

  it('reads `*` as excused and keeps the full title of a cut-off one', () => {
    const biology = all[1]!;
    const lab3 = biology.assignments.find((a) => a.name === 'Lab 3: Osmosis in Potato Cells')!;
    expect(biology.cells.find((c) => c.assignmentKey === lab3.key)?.score).toEqual({ outOf: 25, flags: { excused: true } });
    expect(all[2]!.assignments.map((a) => a.name)).toContain('Reading Response: Of Mice and Men, Ch. 1-3');
  });
});

describe('RosarioSIS parent pages and the teacher gradebook', () => {
  const pages: Array<[string, string]> = [
    ['parent-student-grades.html', SITE], ['parent-student-grades-algebra.html', `${SITE}&id=1`],
    ['parent-student-grades-all.html', `${SITE}&id=all`], ['student-student-grades.html', SITE],
  ];

  it('are never claimed by the teacher adapter', () => {
    for (const [file, url] of pages) expect(rosariosisTeacher.matches(new URL(url), load(file, url)), file).toBe(false);
  });

  it('leave the teacher and other programs\' pages alone', () => {
    const others: Array<[string, string]> = [
      ['teacher-gradebook-algebra.html', 'http://127.0.0.1:8089/Modules.php?modname=Grades/Grades.php&period=1&assignment_id=all'],
      ['teacher-gradebook-algebra-student.html', 'http://127.0.0.1:8089/Modules.php?modname=Grades/Grades.php&period=1&student_id=1'],
      ['parent-final-grades.html', 'http://127.0.0.1:8089/Modules.php?modname=Grades/FinalGrades.php&modfunc=save'],
    ];
    for (const [file, url] of others) expect(rosariosisParent.matches(new URL(url), load(file, url)), file).toBe(false);
  });
});
