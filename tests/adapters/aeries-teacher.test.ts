// @vitest-environment jsdom
// Aeries teacher Scores by Class (unverified: the page is written from documentation) details the generic
// adapter test does not state: keys from the gradebook and student numbers, the full name of a header the
// page cuts short, due dates and categories from the header, Aeries's own marks, and cut-off rows.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aeriesTeacher } from '../../src/adapters/aeries-teacher';
import type { Reading } from '../../src/core/types';

const PAGE_URL = 'https://lakeview.aeries.net/teacher/gradebook/1219616/S/ScoresByClass';
const HTML = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/aeries/teacher-scores-by-class.html'), 'utf8');

function loadPage(): Document {
  return new JSDOM(HTML, { url: PAGE_URL }).window.document;
}

function readOne(doc = loadPage()): Reading {
  const result = aeriesTeacher.read(doc, new URL(PAGE_URL), 0);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

const flagsOf = (reading: Reading, student: string, assignment: string) => reading.cells
  .find((c) => c.studentKey === reading.students.find((s) => s.name === student)?.key && c.assignmentKey === reading.assignments.find((a) => a.name === assignment)?.key)?.score.flags;

describe('Aeries Scores by Class (from documentation)', () => {
  it('keys the section by gradebook number and term, with the period from the class switcher', () => {
    expect(readOne().section).toEqual({ key: '1219616/S', name: 'Intro Stats - Spring', period: '5' });
  });

  it('keys students by their permanent id, and reads the current percent and mark', () => {
    const reading = readOne();
    expect(reading.students[0]).toEqual({ key: '99400101', name: 'Abbott, Jamie R.', vendorId: '99400101' });
    expect(reading.overall.map((o) => o.raw)).toEqual(['91.4 A-', '64.0 D', '85.0 B']);
  });

  it('reads assignment numbers, the full name behind a cut-short header, due dates, categories and points', () => {
    expect(readOne().assignments).toEqual([
      { key: '3', name: 'Unit 2 Quiz', category: 'IND', dueDate: '2025-03-06', pointsPossible: 20 },
      { key: '2', name: 'Homework 1.4 Sampling Methods', category: 'HW', dueDate: '2025-02-27', pointsPossible: 10 },
      { key: '1', name: 'Group Project', category: 'GROUP', dueDate: '2025-02-20', pointsPossible: 50 },
    ]);
  });

  it('reads EX as excused and INS as incomplete', () => {
    const reading = readOne();
    expect(flagsOf(reading, 'Chen, Li', 'Homework 1.4 Sampling Methods')).toEqual({ excused: true });
    expect(flagsOf(reading, 'Diaz, Marco', 'Homework 1.4 Sampling Methods')).toEqual({ incomplete: true });
  });

  it('reports a student whose row of scores is cut off', () => {
    const doc = loadPage();
    doc.querySelector('table.assignments tr.row[data-sn="1104"]')!.remove();
    expect(readOne(doc).problems).toEqual([{ where: 'row Diaz, Marco', reason: 'the row of scores is not on the page (page cut off?)' }]);
  });

  it('is not picked on another gradebook page', () => {
    const doc = loadPage();
    expect(aeriesTeacher.matches(new URL('https://lakeview.aeries.net/teacher/gradebook/1219616/S/ScoresByStudent/Index/1101'), doc)).toBe(false);
  });
});
