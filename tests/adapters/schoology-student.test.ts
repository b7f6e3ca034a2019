// @vitest-environment jsdom
// Schoology student Grades page details the generic adapter test does not state: the student from the
// page settings, section keys, categories and due dates, letters beside points, and which grade
// becomes the overall when the course row shows none.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schoologyStudent } from '../../src/adapters/schoology-student';
import type { Reading } from '../../src/core/types';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const PAGE_URL = 'https://lakeview.schoology.com/grades/grades';

function loadPage(): Document {
  const html = new TextDecoder('utf-8').decode(readFileSync(resolve(FIXTURES_DIR, 'schoology/student-grades.html')));
  return new JSDOM(html, { url: PAGE_URL }).window.document;
}

function readAll(doc = loadPage()): Reading[] {
  const result = schoologyStudent.read(doc, new URL(PAGE_URL), 0);
  expect(result.problems).toEqual([]);
  return result.readings;
}

const course = (readings: Reading[], name: string) => readings.find((r) => r.section.name === name)!;
const assignment = (reading: Reading, name: string) => reading.assignments.find((a) => a.name === name)!;
const cell = (reading: Reading, name: string) => reading.cells.find((c) => c.assignmentKey === assignment(reading, name).key)!;

describe('Schoology student grades: who and which courses', () => {
  it('reads the student from the page settings JSON, with the Schoology user id', () => {
    for (const reading of readAll()) expect(reading.students).toEqual([{ key: '90000001', name: 'Avery Stone', vendorId: '90000001' }]);
  });

  it('keys each course by its section id and names it without the hidden "Course" label', () => {
    expect(readAll().map((r) => r.section)).toContainEqual({ key: '7378787173', name: 'Accelerated Math 6/7A: Section 18' });
    expect(readAll().map((r) => r.section.name)).toEqual([
      'Accelerated Math 6/7A: Section 18', 'English 6: Section 1', 'Lunch: Section 37', 'PE 6/7: Section 28',
      'Reading 6: Section 1', 'Science 6: Section 1', 'Soc Std 6: Section 1',
    ]);
  });
});

describe('Schoology student grades: assignments and scores', () => {
  it('takes the category from the parent row, the id from data-id, points possible from "/ 5"', () => {
    const math = course(readAll(), 'Accelerated Math 6/7A: Section 18');
    expect(assignment(math, '1.3 order of operation')).toEqual({ key: '7453858285', name: '1.3 order of operation', category: 'Classwork', dueDate: undefined, pointsPossible: 5 });
  });

  it('reads the due date without the time and the hidden "Due " label', () => {
    const english = course(readAll(), 'English 6: Section 1');
    expect(assignment(english, 'Syllabus Quiz').dueDate).toBe('2024-08-16');
    expect(assignment(english, 'Syllabus Quiz').category).toBe('Assessments');
  });

  it('marks a Missing zero as missing with its 0 points, and — Incomplete as incomplete, not graded', () => {
    const math = course(readAll(), 'Accelerated Math 6/7A: Section 18');
    expect(cell(math, '11.5 Concept Practice').score).toEqual({ points: 0, flags: { missing: true } });
    expect(cell(math, 'Ch 2 Review').score).toEqual({ flags: { notGraded: true, incomplete: true } });
  });

  it('keeps a letter shown beside the points, and the points as a fraction', () => {
    const math = course(readAll(), 'Accelerated Math 6/7A: Section 18');
    const lettered = math.cells.find((c) => c.raw === 'B- 29 / 35');
    expect(lettered?.score).toMatchObject({ letter: 'B-', points: 29, outOf: 35, percent: 82.86 });
  });

  it('reports an exception mark it does not know instead of dropping it', () => {
    const doc = loadPage();
    doc.querySelector('.exception-icon.missing')!.className = 'exception-icon collected';
    const readings = schoologyStudent.read(doc, new URL(PAGE_URL), 0).readings;
    expect(readings.flatMap((r) => r.problems).map((p) => p.raw)).toEqual(['collected']);
  });
});

describe('Schoology student grades: overall', () => {
  it('uses the course grade when the course row shows one', () => {
    expect(course(readAll(), 'English 6: Section 1').overall).toEqual([{ studentKey: '90000001', percent: 80.43, letter: undefined, raw: '80.43%' }]);
  });

  it('else the latest grading period with a grade, naming the period', () => {
    const [overall] = course(readAll(), 'Accelerated Math 6/7A: Section 18').overall;
    expect(overall).toEqual({ studentKey: '90000001', percent: 71, letter: 'C-', raw: '2024-2025 T2: C- (71%)' });
  });

  it('reads no overall for a course with no grade anywhere', () => {
    expect(course(readAll(), 'Lunch: Section 37').overall).toEqual([]);
  });
});

describe('Schoology student grades: rows shaped otherwise are read the same', () => {
  const itemRows = (doc: Document) => Array.from(doc.querySelectorAll('tr.item-row, tr.final-row'));

  it('reads rows whose header cell is not first as the row-wide selectors do', () => {
    const doc = loadPage();
    for (const row of itemRows(doc)) row.append(row.querySelector('th')!);
    expect(readAll(doc)).toEqual(readAll());
  });

  it('does not take a title in a first cell that is not a header cell for the assignment\'s', () => {
    const doc = loadPage();
    for (const row of itemRows(doc)) row.insertAdjacentHTML('afterbegin', '<td><span class="title"><a href="/assignment/1">Not the name</a></span></td>');
    expect(readAll(doc)).toEqual(readAll());
  });

  it('finds a due date outside the header cell, and a title wrapped in an extra element', () => {
    const doc = loadPage();
    for (const row of itemRows(doc)) {
      const due = row.querySelector('.due-date');
      if (due) row.querySelector('td.comment-column')!.append(due);
      const title = row.querySelector('th .title')!;
      const wrapper = doc.createElement('div');
      title.replaceWith(wrapper);
      wrapper.append(title);
    }
    expect(readAll(doc)).toEqual(readAll());
  });

  it('names the assignment by the link in a later title when the first title in the header has none', () => {
    const doc = loadPage();
    const title = doc.querySelector('tr.item-row th .title')!;
    const empty = doc.createElement('span');
    empty.className = 'title';
    title.before(empty);
    const math = course(readAll(doc), 'Accelerated Math 6/7A: Section 18');
    expect(assignment(math, '1.3 order of operation').key).toBe('7453858285');
  });

  it('reports a row whose title class is written in other case instead of guessing its name', () => {
    const doc = loadPage();
    doc.querySelector('tr.item-row th .title')!.className = 'Title';
    const problems = schoologyStudent.read(doc, new URL(PAGE_URL), 0).readings.flatMap((r) => r.problems);
    expect(problems.map((p) => p.reason)).toEqual(['assignment row without a unique id or a name']);
  });
});
