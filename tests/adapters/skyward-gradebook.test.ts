// @vitest-environment jsdom
// Skyward student gradebook details the generic adapter test does not state: classes with period and
// teacher from the class descriptions, section keys shaped like the assignment popup's, the current
// (highlighted) term as the overall, grades as percents, and that the grid data is read as data.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skywardGradebook } from '../../src/adapters/skyward-gradebook';
import { attributeOf, parseHtml, textOf } from '../../src/adapters/cell-html';
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

describe('Skyward student gradebook: due dates', () => {
  it('reads the due date and term with any white space around them, as the page pads them with &nbsp;', () => {
    const written = '01\\/30\\/2019&nbsp;&nbsp;(PR6)';
    expect(HTML).toContain(written);
    const page = loadPage(HTML.replace(written, ' \\n01\\/30\\/2019 \\t(PR6)&nbsp;'));
    const athletics = readAll(page).find((r) => r.section.name === 'ATH-CC-B 4 YR (Ad)')!;
    expect(athletics.assignments.find((a) => a.name === 'Weight Room')?.dueDate).toBe('2019-01-30');
    expect(cellOf(athletics, 'Weight Room')?.score).toEqual({ flags: { notGraded: true } });
  });

  it('reports a due date it does not understand, its text collapsed', () => {
    const page = loadPage(HTML.replace('01\\/30\\/2019&nbsp;&nbsp;(PR6)', 'next&nbsp;&nbsp;week'));
    const athletics = skywardGradebook.read(page, new URL(PAGE_URL), 0).readings.find((r) => r.section.name === 'ATH-CC-B 4 YR (Ad)')!;
    expect(athletics.problems).toContainEqual({ where: 'assignment Weight Room', reason: 'the due date and term are not understood', raw: 'next week' });
  });
});

describe('Skyward student gradebook: a cell\'s tags end where a browser ends them', () => {
  // quoted values may hold `>`, `=` and the other quote; unquoted ones are plain words, as in Skyward's cells
  const value = fc.oneof(
    fc.tuple(fc.constantFrom('"', "'"), fc.string({ unit: fc.constantFrom('a', '>', ' ', '=', '"', "'", '<'), maxLength: 6 }))
      .map(([quote, text]) => `${quote}${text.replaceAll(quote, '')}${quote}`),
    fc.string({ unit: fc.constantFrom('a', '1', '-'), minLength: 1, maxLength: 4 }),
  );
  const attribute = fc.tuple(fc.constantFrom('title', 'data-aId', 'NAME', 'x'), fc.constantFrom('', '=', ' = ', '=\t'), value)
    .map(([name, equals, text]) => (equals ? `${name}${equals}${text}` : name));

  it('reads the text after a start tag, and its attributes, as the browser does', () => {
    const page = loadPage('<!doctype html><body></body>');
    fc.assert(fc.property(fc.array(attribute, { maxLength: 5 }), (attributes) => {
      const html = `<span ${attributes.join(' ')}>after</span>`;
      page.body.innerHTML = html;
      const [element] = parseHtml(html, page);
      expect(textOf([element!])).toBe(page.body.textContent);
      for (const name of ['title', 'data-aid', 'name', 'x']) {
        expect(attributeOf(typeof element === 'string' ? undefined : element, name, page) ?? null).toBe(page.body.firstElementChild!.getAttribute(name));
      }
    }));
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

describe('Skyward student gradebook: the grid data read in one go, or by the general parser', () => {
  const read = (html: string) => skywardGradebook.read(loadPage(html), new URL(PAGE_URL), 0);

  // The saved page's literal holds one grid and closes its script's call: it is read with one JSON.parse.
  it.each([
    ['a comment before the literal closes', HTML.replace('}}}));', '}} /* drawn later */ }));')],
    ['a second, unrelated entry before the grid', HTML.replace("{'stuGradesGrid_10001_004':", "{'sf_other': 1, 'stuGradesGrid_10001_004':")],
    ['a call after the literal in the same script', HTML.replace('}}}));', "}}}));\nsff.sv('other', {'a': [1]});")],
  ])('reads the same grid from a literal with %s', (_, html) => {
    expect(html).not.toBe(HTML);
    expect(read(html)).toEqual({ readings, problems: [] });
  });
});
