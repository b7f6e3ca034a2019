// Google Classroom Grades tab details the generic adapter test cannot state: which addresses are the tab,
// identity from the ids in Classroom's own attributes and links (never a row's or column's position), and
// what is reported rather than guessed.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { googleClassroom } from '../../src/adapters/google-classroom';

const FIXTURE = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/google-classroom/grades-tab.html');
const URL_GB = 'https://classroom.google.com/u/0/c/NzM4MjEwMjM0MTI2/gb';
const load = () => new JSDOM(readFileSync(FIXTURE, 'utf8'), { url: URL_GB }).window.document;
const read = (doc: Document) => googleClassroom.read(doc, new URL(URL_GB), 0);

describe('Google Classroom Grades tab', () => {
  it('is the Grades tab of a class on classroom.google.com, with or without an account number, and nothing else', () => {
    const matches = (url: string) => googleClassroom.matches(new URL(url), load());
    expect(matches(URL_GB)).toBe(true);
    expect(matches('https://classroom.google.com/c/NzM4MjEwMjM0MTI2/gb')).toBe(true);
    expect(matches('https://classroom.google.com/u/1/c/NzM4MjEwMjM0MTI2/gb/sort-last-name')).toBe(true);
    expect(matches('https://classroom.google.com/u/0/c/NzM4MjEwMjM0MTI2')).toBe(false);
    expect(matches('https://classroom.google.com/u/0/w/NzM4MjEwMjM0MTI2/t/all')).toBe(false);
    expect(matches('https://lakeview.example/c/NzM4MjEwMjM0MTI2/gb')).toBe(false);
  });

  it('keys assignments by the item id in their link and students by their data-student-id; the class average is no student', () => {
    const reading = read(load()).readings[0]!;
    expect(reading.section).toEqual({ key: 'NzM4MjEwMjM0MTI2', name: 'Biology 7' });
    expect(reading.assignments[0]).toEqual({ key: 'NzM4MjEwMjM1MDAx', name: 'Cell Structure Quiz', pointsPossible: 20 });
    expect(reading.students.map((s) => [s.key, s.name])).toEqual([['104382001', 'Avery Stone'], ['104382002', 'Sam Okafor'], ['104382003', 'Priya Raman']]);
  });

  it('takes the student id from the link to their work when the row has no data-student-id', () => {
    const doc = load();
    doc.querySelector('[data-student-id="104382002"]')!.removeAttribute('data-student-id');
    expect(read(doc).readings[0]!.students[1]).toEqual({ key: 'MTA0MzgyMDAy', name: 'Sam Okafor', vendorId: 'MTA0MzgyMDAy' });
  });

  it('reports a row without a student id and a column without an assignment id, and reads neither by position', () => {
    const doc = load();
    const row = doc.querySelector('[data-student-id="104382003"]')!;
    row.removeAttribute('data-student-id');
    row.querySelector('a')!.removeAttribute('href');
    doc.querySelector('th a[href*="NzM4MjEwMjM1MDA0"]')!.removeAttribute('href');
    const reading = read(doc).readings[0]!;
    expect(reading.problems.map((p) => p.reason)).toEqual([
      'a column without an assignment link (no assignment id): skipped',
      'a row without a student id or a name, or a student listed twice: skipped',
    ]);
    expect(reading.students.map((s) => s.name)).not.toContain('Priya Raman');
    expect(reading.assignments.map((a) => a.name)).not.toContain('Reading Log');
  });

  it('keeps a draft grade as the grade it is, with "Draft" in the text as shown', () => {
    const cell = read(load()).readings[0]!.cells.find((c) => c.studentKey === '104382001' && c.assignmentKey === 'NzM4MjEwMjM1MDAy')!;
    expect(cell).toEqual({ studentKey: '104382001', assignmentKey: 'NzM4MjEwMjM1MDAy', raw: '9/10 Draft', score: { points: 9, outOf: 10, percent: 90, flags: {} } });
  });

  it('says so when the page has no grades grid yet', () => {
    const doc = new JSDOM('<!doctype html><title>Grades</title><div role="progressbar"></div>', { url: URL_GB }).window.document;
    expect(read(doc)).toEqual({ readings: [], problems: [{ where: 'page', reason: 'no grades grid with assignments found (page still loading, or no assignments yet?)' }] });
  });
});
