// RosarioSIS details the generic adapter test cannot state: cells that must be absent (a student
// who joined late), whole-page counts of missing and excused work, ids and points possible.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rosariosisTeacher } from '../../src/adapters/rosariosis-teacher';
import type { Reading } from '../../src/core/types';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const SITE = 'http://127.0.0.1:8089/Modules.php?modname=Grades/Grades.php&period=1';

function read(file: string, url: string): Reading {
  const dom = new JSDOM(readFileSync(resolve(FIXTURES_DIR, `rosariosis/${file}`), 'utf8'), { url });
  const result = rosariosisTeacher.read(dom.window.document, new URL(url), 0);
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

const grid = read('teacher-gradebook-algebra.html', `${SITE}&assignment_id=all`);
const keyOf = (name: string) => grid.students.find((s) => s.name === name)!.key;
const cellsOf = (name: string) => grid.cells.filter((c) => c.studentKey === keyOf(name));
const flagged = (flag: 'missing' | 'excused') => grid.cells.filter((c) => c.score.flags[flag]).map((c) => `${c.studentKey}|${c.assignmentKey}`).sort();

describe('RosarioSIS teacher gradebook, All assignments grid', () => {
  it('keys students by RosarioSIS student id and assignments by assignment id, newest first', () => {
    expect(grid.section).toEqual({ key: '1', name: 'Algebra 1', period: 'ALG1-02', teacher: 'Elena Marsh' });
    expect(grid.students.find((s) => s.name === 'Marcus Bell')).toEqual({ key: '1', name: 'Marcus Bell', vendorId: '1' });
    expect(grid.assignments[0]).toEqual({ key: '15', name: 'HW 3.6 Point-Slope Form', category: 'Homework', pointsPossible: 10 });
    expect(grid.assignments.at(-1)).toEqual({ key: '8', name: 'Unit 1 Test: Equations', category: 'Tests', pointsPossible: 100 });
    expect(grid.assignments.find((a) => a.key === '12')?.pointsPossible).toBe(0);
    expect(grid.assignments.every((a) => a.dueDate === undefined)).toBe(true); // the grid shows none
  });

  it('reads no cell where a student had no input (due before Lucia Romero joined)', () => {
    expect(cellsOf('Lucia Romero')).toHaveLength(16 - 8);
    expect(grid.cells).toHaveLength(28 * 16 - 8);
  });

  it('reads empty inputs as missing where others have scores, extra credit aside', () => {
    // exactly the non-extra-credit "Missing" rows of RosarioSIS's own Anomalous Grades page (student|assignment)
    expect(flagged('missing')).toEqual(['10|15', '5|8', '15|4', '1|13', '20|4', '27|4', '3|10', '3|11', '3|15', '3|4', '3|7'].sort());
    expect(cellsOf('Tyler Hughes').filter((c) => c.score.flags.notGraded).map((c) => c.assignmentKey)).toEqual(['12']);
    expect(grid.cells.filter((c) => c.assignmentKey === '12' && c.score.flags.notGraded)).toHaveLength(21);
  });

  it('reads `*` as excused and a typed 0 as a real zero', () => {
    expect(flagged('excused')).toEqual(['4|6', '4|7']);
    const zeros = cellsOf('Noah Fischer').filter((c) => c.raw === '0').map((c) => [c.assignmentKey, c.score.points, c.score.flags]);
    expect(zeros).toEqual([['9', 0, {}], ['5', 0, {}]]);
  });

  it('takes the category from the tab when a category tab drops it from the headers', () => {
    const quizzes = read('teacher-gradebook-algebra-quizzes.html', `${SITE}&type_id=2&assignment_id=all`);
    expect(quizzes.assignments.map((a) => [a.key, a.name, a.category])).toEqual([
      ['14', 'Quiz 4: Graphing Lines', 'Quizzes'], ['10', 'Quiz 3: Functions', 'Quizzes'],
      ['6', 'Quiz 2: Solving Equations', 'Quizzes'], ['3', 'Quiz 1: Expressions', 'Quizzes'],
    ]);
  });

  it('is not the adapter for the one-assignment and one-student views of the same program', () => {
    for (const [file, query] of [['teacher-gradebook-algebra-assignment.html', '&assignment_id=8'], ['teacher-gradebook-algebra-student.html', '&student_id=1']]) {
      const url = `${SITE}${query}`;
      const dom = new JSDOM(readFileSync(resolve(FIXTURES_DIR, `rosariosis/${file}`), 'utf8'), { url });
      expect(rosariosisTeacher.matches(new URL(url), dom.window.document), file).toBe(false);
    }
  });
});

describe('RosarioSIS teacher gradebook, pages changed from the saved ones', () => {
  const totalsUrl = SITE;
  const gridUrl = `${SITE}&assignment_id=all`;
  const load = (file: string, url: string) => new JSDOM(readFileSync(resolve(FIXTURES_DIR, `rosariosis/${file}`), 'utf8'), { url }).window.document;
  const readDoc = (doc: Document, url: string) => rosariosisTeacher.read(doc, new URL(url), 0);
  const bodyRows = (doc: Document) => Array.from(doc.querySelectorAll('table.list > tbody > tr:not(.thead-repeat)'));

  it('reads a Totals row the same when its cells are not where they are on every page seen', () => {
    const doc = load('teacher-gradebook-algebra-totals.html', totalsUrl);
    const rows = bodyRows(doc);
    // a script first in one row, one between the cells of another, the link wrapped in a third
    rows[0]!.prepend(doc.createElement('script'));
    rows[1]!.children[1]!.after(doc.createElement('script'));
    const link = rows[2]!.querySelector('a')!;
    const wrapper = doc.createElement('span');
    link.replaceWith(wrapper);
    wrapper.append(link);
    expect(readDoc(doc, totalsUrl)).toEqual(readDoc(load('teacher-gradebook-algebra-totals.html', totalsUrl), totalsUrl));
  });

  it('finds the student link after another link first in the name cell', () => {
    const doc = load('teacher-gradebook-algebra-totals.html', totalsUrl);
    const photo = doc.createElement('a');
    photo.href = 'Modules.php?modname=Students/Photo.php';
    bodyRows(doc)[0]!.querySelector('a')!.before(photo);
    expect(readDoc(doc, totalsUrl)).toEqual(readDoc(load('teacher-gradebook-algebra-totals.html', totalsUrl), totalsUrl));
  });

  it('reads the grid the same with a script first in a row and a table nested in a cell', () => {
    const doc = load('teacher-gradebook-algebra.html', gridUrl);
    const rows = bodyRows(doc);
    rows[0]!.prepend(doc.createElement('script'));
    // the rows of a table inside a cell are not the list's rows
    const nested = doc.createElement('table');
    nested.innerHTML = '<tbody><tr><td><a href="Modules.php?student_id=99">Not a student</a></td></tr></tbody>';
    rows[1]!.lastElementChild!.append(nested);
    const result = readDoc(doc, gridUrl);
    expect(result).toEqual(readDoc(load('teacher-gradebook-algebra.html', gridUrl), gridUrl));
    expect(result.readings[0]!.problems).toEqual([]);
  });

  it('reads the Totals the same by tags in a page without a window, where elements are not told by their type', () => {
    const html = readFileSync(resolve(FIXTURES_DIR, 'rosariosis/teacher-gradebook-algebra-totals.html'), 'utf8');
    const withWindow = load('teacher-gradebook-algebra-totals.html', totalsUrl);
    const withoutWindow = new withWindow.defaultView!.DOMParser().parseFromString(html, 'text/html');
    expect(withoutWindow.defaultView).toBeNull();
    // a script after a letter: its source is not shown, whichever way the script is told apart
    for (const doc of [withWindow, withoutWindow]) {
      const letterCell = bodyRows(doc)[0]!.lastElementChild!;
      letterCell.innerHTML = 'C+<script>document.write("x")</script>';
    }
    const read = readDoc(withoutWindow, totalsUrl);
    expect(read).toEqual(readDoc(withWindow, totalsUrl));
    expect(read.readings[0]!.students).toHaveLength(28);
    expect(read.readings[0]!.overall[0]).toMatchObject({ letter: 'C+', percent: 78.36 });
  });
});
