// @vitest-environment jsdom
// The generic table reader on real teacher grids (Moodle's grader report, RosarioSIS's gradebook) read
// without their dedicated adapters: the proposed mapping, what it reads, the teacher's corrections, and
// a saved mapping reused on a page that has changed since.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodePage } from '../support/decode-page';
import {
  mappingFor,
  pathPatternOf,
  previewTable,
  proposeMapping,
  readWithMapping,
  scoreOfCell,
  withColumnRole,
  withoutAvatarInitials,
  type TableMapping,
} from '../../src/adapters/generic-table';
import type { Reading } from '../../src/core/types';

const FIXTURES = process.env.HEADS_UP_FIXTURES ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const MOODLE = 'http://127.0.0.1:8090/grade/report/grader/index.php?id=2';
const ROSARIO = 'http://127.0.0.1:8089/Modules.php?modname=Grades/Grades.php&period=1&assignment_id=all';
const NOW = Date.UTC(2024, 9, 1);

function page(fixture: string, url: string): Document {
  return new JSDOM(decodePage(new Uint8Array(readFileSync(resolve(FIXTURES, fixture)))), { url }).window.document;
}

function only(doc: Document, url: string, mapping: TableMapping): Reading {
  const result = readWithMapping(doc, new URL(url), NOW, mapping);
  expect(result.problems).toEqual([]); // page-level problems; cell-level ones sit in the reading
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

function cell(reading: Reading, student: string, assignmentStart: string) {
  const studentKey = reading.students.find((s) => s.name === student)?.key;
  const assignmentKeys = reading.assignments.filter((a) => a.name.startsWith(assignmentStart)).map((a) => a.key);
  expect(assignmentKeys, assignmentStart).toHaveLength(1);
  return reading.cells.find((c) => c.studentKey === studentKey && c.assignmentKey === assignmentKeys[0]);
}

describe('generic table reader on the Moodle grader report', () => {
  const doc = page('moodle/teacher-grader-report.html', MOODLE);
  const mapping = proposeMapping(doc)!;

  it('proposes the student column, the course total as overall, and leaves category totals out', () => {
    expect(mapping.student.header).toBe('First name / Last name');
    expect(mapping.overall?.header).toBe('Course total');
    const preview = previewTable(doc, new URL(MOODLE), mapping);
    expect(preview.students).toBe(28);
    expect(preview.assignments).toBe(17);
    const roles = new Map(preview.columns.map((c) => [c.header, c.role]));
    expect(roles.get('Homework total')).toBe('ignore');
    expect(roles.get('Email address')).toBe('ignore');
    expect(roles.get('HW 1: Order of Operations')).toBe('assignment');
    expect(preview.rows[0]?.student).toBe('Mateo Alvarez');
  });

  it('reads the same scores and overall grades as the dedicated adapter', () => {
    const reading = only(doc, MOODLE, mapping);
    expect(reading.adapterId).toBe('generic-table');
    expect(cell(reading, 'Owen Fitzgerald', 'Unit 2 Test')?.score.points).toBe(54);
    expect(cell(reading, 'Tyler Jenkins', 'HW 4: Inequalities')?.score.flags.notGraded).toBe(true);
    const owen = reading.students.find((s) => s.name === 'Owen Fitzgerald')!;
    expect(reading.overall.find((o) => o.studentKey === owen.key)).toMatchObject({ percent: 72.38, letter: 'C-' });
  });

  it('takes the teacher’s corrections: a column left out, another made the overall grade', () => {
    const corrected = withColumnRole(doc, mapping, mapping.overall!.index, 'assignment');
    const withTests = withColumnRole(doc, corrected, 21, 'overall');
    expect(withTests.overall?.header).toBe('Tests total');
    const benchmark = previewTable(doc, new URL(MOODLE), mapping).columns.find((c) => c.header.startsWith('Fall District'))!;
    const without = withColumnRole(doc, mapping, benchmark.index, 'ignore');
    const reading = only(doc, MOODLE, without);
    expect(reading.assignments.map((a) => a.name)).not.toContain(benchmark.header);
    expect(reading.assignments).toHaveLength(16);
  });
});

describe('generic table reader on the RosarioSIS gradebook', () => {
  const doc = page('rosariosis/teacher-gradebook-algebra.html', ROSARIO);
  const mapping = proposeMapping(doc)!;

  it('reads 28 students × 16 assignments, with composite cells understood', () => {
    const reading = only(doc, ROSARIO, mapping);
    expect(reading.students).toHaveLength(28);
    expect(reading.assignments).toHaveLength(16);
    expect(cell(reading, 'Marcus Bell', 'Homework HW 3.6')?.score).toMatchObject({ points: 6, outOf: 10 });
    // an empty entry over its points possible, and `*` (which only RosarioSIS's own adapter knows to mean
    // excused), are not graded: never counted as zero
    expect(cell(reading, 'Marcus Bell', 'Homework HW 3.5')?.score.flags.notGraded).toBe(true);
    expect(cell(reading, 'Sofia Marquez', 'Quizzes Quiz 2')?.score.flags.notGraded).toBe(true);
    // extra credit over 0 points possible is reported, not guessed
    expect(readWithMapping(doc, new URL(ROSARIO), NOW, mapping).readings[0]!.problems.every((p) => p.raw?.endsWith('/ 0 − E/C'))).toBe(true);
  });

  it('reuses a saved mapping on the page after a new assignment column appeared', () => {
    const later = page('rosariosis/teacher-gradebook-algebra.html', ROSARIO);
    const headRow = later.querySelectorAll('table')[mapping.tableIndex]!.rows[0]!;
    const added = later.createElement('th');
    added.textContent = 'Homework HW 4.0 New';
    headRow.insertBefore(added, headRow.cells[1]!);
    for (const row of Array.from(later.querySelectorAll('table')[mapping.tableIndex]!.rows).slice(1)) {
      const td = later.createElement('td');
      td.textContent = '9 / 10';
      row.insertBefore(td, row.cells[1] ?? null);
    }
    const ignoredFirst = withColumnRole(doc, mapping, 16, 'ignore');
    const reading = only(later, ROSARIO, ignoredFirst);
    expect(reading.assignments.map((a) => a.name)).toContain('Homework HW 4.0 New');
    // the left-out column is found by its header although it moved one place to the right
    expect(reading.assignments.map((a) => a.name)).not.toContain(previewTable(doc, new URL(ROSARIO), mapping).columns[16]!.header);
    expect(reading.assignments).toHaveLength(16);
  });
});

describe('generic table reader on hostile pages', () => {
  it('reads names that look like markup as text and reports unreadable cells with their reason', () => {
    const doc = new JSDOM(`<table><tr><th>Student</th><th>Quiz 1</th><th>Quiz 2</th><th>Overall</th></tr>
      <tr><td>&lt;img src=x onerror=alert(1)&gt; Lee</td><td>9/10</td><td>M</td><td>87% B+</td></tr>
      <tr><td>Zoë O'Neil</td><td>EX</td><td>wat</td><td>A-</td></tr>
      <tr><td>Zoë O'Neil</td><td>1</td><td>2</td><td>C</td></tr></table>`, { url: 'https://school.test/grades/12' }).window.document;
    const mapping = proposeMapping(doc)!;
    const result = readWithMapping(doc, new URL('https://school.test/grades/12'), NOW, mapping);
    const reading = result.readings[0]!;
    expect(reading.students.map((s) => s.name)).toEqual(['<img src=x onerror=alert(1)> Lee', "Zoë O'Neil"]);
    expect(reading.overall.map((o) => [o.percent, o.letter])).toEqual([[87, 'B+'], [91.5, 'A-']]);
    expect(reading.problems.map((p) => p.raw)).toEqual(['wat', "Zoë O'Neil"]);
  });

  it('takes a column of student numbers as the students’ identity', () => {
    const doc = new JSDOM(`<table><tr><th>Perm ID</th><th>Student</th><th>Quiz 1</th></tr>
      <tr><td>100234</td><td>Ana Ruiz</td><td>9/10</td></tr>
      <tr><td>100977</td><td>Ana Ruiz</td><td>7/10</td></tr></table>`, { url: 'https://school.test/gb' }).window.document;
    const mapping = proposeMapping(doc)!;
    expect(mapping.studentId?.header).toBe('Perm ID');
    const reading = readWithMapping(doc, new URL('https://school.test/gb'), NOW, mapping).readings[0]!;
    // two students of the same name are two students, and their numbers are not assignments
    expect(reading.students.map((s) => [s.key, s.vendorId])).toEqual([['id:100234', '100234'], ['id:100977', '100977']]);
    expect(reading.assignments.map((a) => a.name)).toEqual(['Quiz 1']);
    const byName = withColumnRole(doc, mapping, 0, 'ignore');
    expect(byName.studentId).toBeUndefined();
    expect(readWithMapping(doc, new URL('https://school.test/gb'), NOW, byName).readings[0]!.problems[0]?.reason).toMatch(/same student name/);
  });

  it('proposes nothing on a page without scores, and reports a missing table without throwing', () => {
    const empty = new JSDOM('<p>Hello</p><table><tr><td>a</td></tr></table>', { url: 'https://school.test/' }).window.document;
    expect(proposeMapping(empty)).toBeUndefined();
    const result = readWithMapping(empty, new URL('https://school.test/'), NOW, { tableIndex: 4, headerRow: 0, student: { index: 0, header: '' }, ignored: [] });
    expect(result.readings).toEqual([]);
    expect(result.problems[0]?.reason).toMatch(/not on the page/);
  });

  it('understands composite cells and avatar initials', () => {
    expect(scoreOfCell('6 / 10 − 60% − D-')).toMatchObject({ points: 6, outOf: 10 });
    expect(scoreOfCell('/ 10 − 0% − F').flags.notGraded).toBe(true);
    expect(scoreOfCell('* / 10 − N/A').flags.notGraded).toBe(true);
    expect(scoreOfCell('hello').unreadable).toBeDefined();
    expect(withoutAvatarInitials('MAMateo Alvarez')).toBe('Mateo Alvarez');
    expect(withoutAvatarInitials('JR Smith')).toBe('JR Smith');
    expect(withoutAvatarInitials('DeShawn Moore')).toBe('DeShawn Moore');
  });
});

describe('saved mappings', () => {
  it('are found by site and page pattern, whatever the ids in the path', () => {
    const mapping: TableMapping = { tableIndex: 0, headerRow: 0, student: { index: 0, header: 'Student' }, ignored: [] };
    const saved = [{ origin: 'https://grades.school.test', pathPattern: '/course/*/gradebook', mapping, savedAt: 1 }];
    expect(pathPatternOf(new URL('https://grades.school.test/course/123/gradebook'))).toBe('/course/*/gradebook');
    expect(mappingFor(new URL('https://grades.school.test:8443/course/9/gradebook?x=1'), saved)?.mapping).toBe(mapping);
    expect(mappingFor(new URL('https://other.test/course/9/gradebook'), saved)).toBeUndefined();
    expect(mappingFor(new URL('https://grades.school.test/course/9/roster'), saved)).toBeUndefined();
    // query parameters that name the page are part of the pattern; those that name the class are not
    expect(pathPatternOf(new URL('http://sis.test/Modules.php?modname=Grades/Grades.php&period=1&assignment_id=all')))
      .toBe('/Modules.php?assignment_id=all&modname=Grades/Grades.php');
    expect(pathPatternOf(new URL('http://lms.test/grade/report/grader/index.php?id=2'))).toBe('/grade/report/grader/index.php');
  });
});
