// @vitest-environment jsdom
// Skyward student gradebook details the generic adapter test does not state: classes with period and
// teacher from the class descriptions, section keys shaped like the assignment popup's, the current
// (highlighted) term as the overall, grades as percents, and that the grid data is read as data.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skywardGradebook } from '../../src/adapters/skyward-gradebook';
import type { Reading } from '../../src/core/types';
import { decodePage } from '../support/decode-page';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const PAGE_URL = 'https://lakeview.skyward.net/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w';
const HTML = decodePage(readFileSync(resolve(FIXTURES_DIR, 'skyward/gradebook-student.html')));

function loadPage(html = HTML): Document {
  return new JSDOM(html, { url: PAGE_URL }).window.document;
}

const doc = loadPage();
function readAll(page = doc): Reading[] {
  const result = skywardGradebook.read(page, new URL(PAGE_URL), 0);
  expect(result.problems).toEqual([]);
  return result.readings;
}
const readings = readAll();
const byName = (name: string) => readings.find((r) => r.section.name === name)!;
const cellOf = (reading: Reading, name: string) => reading.cells.find((c) => c.assignmentKey === reading.assignments.find((a) => a.name === name)?.key);

describe('Skyward student gradebook: classes', () => {
  it('reads the 8 classes with period and teacher, keyed like the popup (course_track_section)', () => {
    expect(readings.map((r) => [r.section.name, r.section.period, r.section.teacher])).toEqual([
      ['ATH-CC-B 4 YR (Ad)', '1', 'Dana Lee'],
      ['PHYSICS 2 AP', '2', 'Robin Park'],
      ['U.S. GOVT AP', '3', 'Maya Grant'],
      ['ECO FREE AP', '3', 'Sam Ortiz'],
      ['STATISTICS AP', '4', 'Anna Weber'],
      ['FLORAL DESIGN', '5', 'Kenji Nakamura'],
      ['CALCULUS BC AP', '6', 'Lena Fischer'],
      ['IND STUDY TECH APP 2', '7', 'Omar Haddad'],
    ]);
    expect(byName('PHYSICS 2 AP').section.key).toBe('97678_0_01');
  });

  it('reads the student with the Skyward student id, as the popup does', () => {
    for (const reading of readings) expect(reading.students).toEqual([{ key: '10001', name: 'Avery J. Stone', vendorId: '10001' }]);
  });

  it('takes the highlighted term (Q3) as the overall, or the latest graded term of a class that has ended', () => {
    expect(byName('PHYSICS 2 AP').overall).toEqual([{ studentKey: '10001', percent: 95, letter: undefined, raw: 'Q3 95' }]);
    expect(byName('CALCULUS BC AP').overall[0]?.raw).toBe('Q3 91');
    expect(byName('U.S. GOVT AP').overall[0]?.raw).toBe('S1 85');
  });
});

describe('Skyward student gradebook: assignments', () => {
  it('reads each assignment with its id and due date, and its grade from its term column as a percent', () => {
    const physics = byName('PHYSICS 2 AP');
    expect(physics.assignments[0]).toEqual({ key: '3802515', name: "Circuits 2.5 Kirchhoff's Laws", dueDate: '2019-02-26' });
    expect(cellOf(physics, "Circuits 2.5 Kirchhoff's Laws")).toEqual({ studentKey: '10001', assignmentKey: '3802515', raw: '100', score: { percent: 100, flags: {} } });
    expect(cellOf(byName('STATISTICS AP'), 'Sec. 8.3 HW')?.score).toEqual({ percent: 0, flags: {} });
  });

  it('reads an assignment without a grade yet as not graded, not as missing', () => {
    expect(cellOf(byName('ATH-CC-B 4 YR (Ad)'), 'Weight Room')?.score).toEqual({ flags: { notGraded: true } });
  });

  it('flags nothing as missing when the box says "There are no Missing Assignments."', () => {
    expect(readings.flatMap((r) => r.cells).filter((c) => c.score.flags.missing)).toEqual([]);
  });

  it('leaves out the "show more" rows under each class', () => {
    expect(readings.reduce((sum, r) => sum + r.assignments.length, 0)).toBe(309);
  });

  // The saved page's box is empty ("There are no Missing Assignments."); the listed row here is a guess at its shape.
  it('marks an assignment the Missing Assignments box lists as missing', () => {
    const page = loadPage();
    page.querySelector('#grid_missingAssignmentsModule td')!.innerHTML = '<a data-aId="3802515" href="javascript:void(0)">Circuits 2.5</a>';
    const physics = readAll(page).find((r) => r.section.name === 'PHYSICS 2 AP')!;
    expect(cellOf(physics, "Circuits 2.5 Kirchhoff's Laws")?.score.flags).toEqual({ missing: true });
  });
});

describe('Skyward student gradebook: the cells are read as a browser reads them', () => {
  it('reads a link whose attributes are written in any case, unquoted, repeated, or with a `>` inside a quoted value', () => {
    const written = "<a id='showAssignmentInfo' name='showAssignmentInfo' data-sId='10001' data-gId='2930775' data-aId='3802515'";
    expect(HTML).toContain(written);
    const page = loadPage(HTML.replace(written, "<a title='1 > 0' ID=x NAME = \\\"show&#65;ssignmentInfo\\\" DATA-AID=3802515 data-aId='9'"));
    const physics = readAll(page).find((r) => r.section.name === 'PHYSICS 2 AP')!;
    expect(physics.assignments[0]).toEqual({ key: '3802515', name: "Circuits 2.5 Kirchhoff's Laws", dueDate: '2019-02-26' });
  });
});

describe('Skyward student gradebook: the data is data', () => {
  it('does not run the grid script: a call hidden in the data is a problem, not a side effect', () => {
    const marker = "{'stuGradesGrid_10001_004':";
    const page = loadPage(HTML.replace(marker, `{'stuGradesGrid_10001_004': alert(1), 'x':`));
    const result = skywardGradebook.read(page, new URL(PAGE_URL), 0);
    expect(result.readings).toEqual([]);
    expect(result.problems[0]?.reason).toMatch(/could not be read as data: "alert" is not a literal/);
  });

  it('reports a page cut off inside the grid data', () => {
    const cut = HTML.slice(0, HTML.indexOf("sff.sv('sf_gridObjects'") + 400_000);
    const result = skywardGradebook.read(loadPage(cut), new URL(PAGE_URL), 0);
    expect(result.readings).toEqual([]);
    expect(result.problems).toHaveLength(1);
  });
});
