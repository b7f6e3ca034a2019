// @vitest-environment jsdom
// HAC Classwork (unverified: the page is written from documentation) details the generic adapter test
// does not state: the section ids it shares with the Interim Progress Report, the course average as the
// overall, due dates and points, district score codes, and the student from the HAC banner.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hacAssignments } from '../../src/adapters/hac-assignments';
import type { Reading } from '../../src/core/types';

const PAGE_URL = 'https://hac.lakeviewisd.org/HomeAccess/Content/Student/Assignments.aspx';
const HTML = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/hac/assignments.html'), 'utf8');

function loadPage(): Document {
  return new JSDOM(HTML, { url: PAGE_URL }).window.document;
}

const readAll = (doc = loadPage()): Reading[] => hacAssignments.read(doc, new URL(PAGE_URL), 0).readings;
const course = (readings: Reading[], name: string) => readings.find((r) => r.section.name === name)!;
const cellOf = (reading: Reading, name: string) => reading.cells.find((c) => c.assignmentKey === reading.assignments.find((a) => a.name === name)?.key);

describe('HAC Classwork (from documentation)', () => {
  it('keys each course by the section id the Interim Progress Report also uses, named without its code', () => {
    expect(readAll().map((r) => r.section)).toEqual([
      { key: '2362863', name: 'COMP SCI 3 DS KAP B' },
      { key: '2530994', name: 'ENG 2 KAP/GT B' },
    ]);
  });

  it('reads the course average as the overall, from the exact figure', () => {
    expect(course(readAll(), 'COMP SCI 3 DS KAP B').overall).toEqual([{ studentKey: 'unnamed-student', percent: 92.4, raw: 'Student Grades 92.40%' }]);
  });

  it('reads due dates, categories and total points', () => {
    expect(course(readAll(), 'COMP SCI 3 DS KAP B').assignments[0]).toEqual({
      key: "2362863|0|4/28/2022|Lab 7: Sorting", name: 'Lab 7: Sorting', category: 'Daily', dueDate: '2022-04-28', pointsPossible: 100,
    });
  });

  it('reports a score code it does not know instead of reading C as a letter grade', () => {
    const doc = loadPage();
    doc.querySelector('#plnMain_rptAssigmnetsByCourse_dgCourseAssignments_1 tr.sg-asp-table-data-row td:nth-child(5)')!.textContent = 'C';
    const english = course(readAll(doc), 'ENG 2 KAP/GT B');
    expect(cellOf(english, 'Essay: Antigone')).toBeUndefined();
    expect(english.problems.map((p) => p.raw)).toEqual(['C']);
  });

  it('names the student from the HAC banner of the page framing it', () => {
    const shell = new JSDOM(
      '<!doctype html><div class="sg-banner-chooser"><span class="sg-banner-text">Avery Stone</span></div><iframe class="sg-legacy-iframe"></iframe>',
      { url: 'https://hac.lakeviewisd.org/HomeAccess/Classes/Classwork' },
    ).window.document;
    const frame = shell.querySelector('iframe')!.contentDocument!;
    frame.open();
    frame.write(HTML);
    frame.close();
    const result = hacAssignments.read(frame, new URL(PAGE_URL), 0);
    expect(result.problems).toEqual([]);
    expect(result.readings[0]!.students).toEqual([{ key: 'avery stone', name: 'Avery Stone' }]);
  });
});
