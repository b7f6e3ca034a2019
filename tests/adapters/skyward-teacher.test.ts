// @vitest-environment jsdom
// Skyward teacher gradebook (unverified: the page is written from documentation) details the generic
// adapter test does not state: the class from its heading, student ids, the current term as the
// overall, flags from cell tooltips, and names inside the grid data read as plain text.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skywardTeacher } from '../../src/adapters/skyward-teacher';
import type { Reading } from '../../src/core/types';

const PAGE_URL = 'https://lakeview.skyward.net/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w';
const HTML = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/skyward/teacher-gradebook.html'), 'utf8');

function readOne(html = HTML): Reading {
  const result = skywardTeacher.read(new JSDOM(html, { url: PAGE_URL }).window.document, new URL(PAGE_URL), 0);
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

describe('Skyward teacher gradebook (from documentation)', () => {
  it('keys the class by course, track and section like the family pages, with its period', () => {
    expect(readOne().section).toEqual({ key: '97678_0_01', name: 'PHYSICS 2 AP', period: '2' });
  });

  it('keys students by their Skyward id and takes the highlighted term as the overall, else the latest', () => {
    const reading = readOne();
    expect(reading.students[0]).toEqual({ key: '200001', name: 'Abbott, Jamie', vendorId: '200001' });
    expect(reading.overall.map((o) => o.raw)).toEqual(['Q3 91', 'Q3 62', 'Q3 97', 'Q2 81']);
  });

  it('reads due dates and points possible from the assignment headers', () => {
    expect(readOne().assignments[0]).toEqual({ key: '4100003', name: 'Lab 12: Circuits', dueDate: '2019-03-07', pointsPossible: 50 });
  });

  it('reads names inside the grid data that look like markup as plain text', () => {
    const reading = readOne(HTML.replace('>Abbott, Jamie<', '>&lt;b&gt;Abbott&lt;\\/b&gt; & \\"Co\\"<'));
    expect(reading.students[0]!.name).toBe('<b>Abbott</b> & "Co"');
  });

  it('reports the grid data cut off', () => {
    const cut = HTML.slice(0, HTML.indexOf("'gradebookGrid_97678_0_01':") + 900);
    const result = skywardTeacher.read(new JSDOM(cut, { url: PAGE_URL }).window.document, new URL(PAGE_URL), 0);
    expect(result.readings).toEqual([]);
    expect(result.problems[0]!.reason).toMatch(/could not be read as data/);
  });
});
