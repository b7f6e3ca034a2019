// @vitest-environment jsdom
// Genesis Course Summary details the generic adapter test does not state: the weight and attendance
// rows that share the assignment rows' classes (the trap), assignment ids, due-date years taken from
// the marking period, and the page's own marks (a bare "A" is Absent, not a letter grade).
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { genesisParent } from '../../src/adapters/genesis-parent';
import type { Reading } from '../../src/core/types';
import { decodePage } from '../support/decode-page';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const PAGE_URL = 'https://parents.lakeview.org/genesis/parents?tab1=studentdata&tab2=gradebook&tab3=coursesummary&studentid=100001';

function loadPage(): Document {
  return new JSDOM(decodePage(readFileSync(resolve(FIXTURES_DIR, 'genesis/parent-course-summary-economics.html'))), { url: PAGE_URL }).window.document;
}

function readOne(doc = loadPage()): Reading {
  const result = genesisParent.read(doc, new URL(PAGE_URL), 0);
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

const cellOf = (reading: Reading, name: string) => reading.cells.find((c) => c.assignmentKey === reading.assignments.find((a) => a.name === name)?.key);
/** The grade cell of the row whose assignment is `name`, to put another mark in it. */
function setGrade(doc: Document, name: string, html: string): void {
  const row = Array.from(doc.querySelectorAll('tr.listroweven, tr.listrowodd')).find((tr) => tr.children[4]?.querySelector('b')?.textContent === name)!;
  row.children[5]!.innerHTML = html;
}

describe('Genesis Course Summary: the shared row classes trap', () => {
  it('reads the 11 MP2 assignment rows and not the 5 weight and attendance rows with the same classes', () => {
    const doc = loadPage();
    expect(doc.querySelectorAll('tr.listroweven, tr.listrowodd')).toHaveLength(16);
    const reading = readOne(doc);
    expect(reading.assignments).toHaveLength(11);
    const names = reading.assignments.map((a) => a.name);
    for (const notAssignment of ['Homework', 'Quizzes', 'Tests', 'Absences', 'Tardies']) expect(names).not.toContain(notAssignment);
    expect(new Set(reading.assignments.map((a) => a.category))).toEqual(new Set(['Homework']));
  });
});

describe('Genesis Course Summary: student, course and assignments', () => {
  it('reads the student with the Genesis student id and the course with its code and section', () => {
    const reading = readOne();
    expect(reading.students).toEqual([{ key: '100001', name: 'Stone, Avery', vendorId: '100001' }]);
    expect(reading.section).toEqual({ key: '183078:2', name: 'Fundamental Economics & Wealth Management (H)', teacher: 'Lee, Dana' });
    expect(reading.overall).toEqual([{ studentKey: '100001', percent: 96.5, letter: 'A', raw: 'Marking Period 2 Grade: 96.5% A' }]);
  });

  it('keys assignments by their Genesis ids, without the hidden description, dated in the marking period', () => {
    const reading = readOne();
    expect(reading.assignments[0]).toEqual({ key: '1260286', name: 'Supply and Demand Quiz', category: 'Homework', dueDate: '2022-12-13', pointsPossible: 42 });
    expect(reading.assignments.find((a) => a.name === 'Income and Demand')?.dueDate).toBe('2022-11-16');
  });

  it('reads the page legend marks: M missing, E and A (Absent) excused, I incomplete, and a blank as not graded', () => {
    const doc = loadPage();
    setGrade(doc, 'Supply and Demand Quiz', 'M / 42');
    setGrade(doc, 'Supply Elasticity', 'A / 3');
    setGrade(doc, 'Supply Curve Shifts', 'E');
    setGrade(doc, 'Demand Elasticity', 'I / 5');
    setGrade(doc, 'Income and Demand', ' / 4');
    const reading = readOne(doc);
    expect(cellOf(reading, 'Supply and Demand Quiz')).toMatchObject({ raw: 'M / 42', score: { outOf: 42, flags: { missing: true } } });
    expect(cellOf(reading, 'Supply Elasticity')?.score).toEqual({ outOf: 3, flags: { excused: true } });
    expect(cellOf(reading, 'Supply Curve Shifts')?.score.flags).toEqual({ excused: true });
    expect(cellOf(reading, 'Demand Elasticity')?.score.flags).toEqual({ incomplete: true });
    expect(cellOf(reading, 'Income and Demand')?.score).toEqual({ outOf: 4, flags: { notGraded: true } });
  });

  it('reports a grade it cannot read instead of guessing', () => {
    const doc = loadPage();
    setGrade(doc, 'Supply Elasticity', 'see teacher / 3');
    const result = genesisParent.read(doc, new URL(PAGE_URL), 0);
    expect(result.readings[0]!.problems.map((p) => p.where)).toEqual(['cell Stone, Avery × Supply Elasticity']);
    expect(cellOf(result.readings[0]!, 'Supply Elasticity')).toBeUndefined();
  });
});
