// @vitest-environment jsdom
// Home Access Center Interim Progress Report details the generic adapter test does not state: section
// ids, padded and no-break-space cells, the progress grade over 100, and the student's name taken from
// the HAC banner of the page that frames the report.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hacProgress } from '../../src/adapters/hac-progress';
import type { Reading } from '../../src/core/types';
import { decodePage } from '../support/decode-page';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const PAGE_URL = 'https://hac.lakeviewisd.org/HomeAccess/Content/Student/InterimProgress.aspx';
const PAGE = () => decodePage(readFileSync(resolve(FIXTURES_DIR, 'hac/parent-interim-progress-report.html')));

function loadPage(): Document {
  return new JSDOM(PAGE(), { url: PAGE_URL }).window.document;
}

/** The report inside a same-origin frame of a shell whose banner names the student, as HAC shows it.
 * The shell holds only the banner element public HAC readers select (`.sg-banner-chooser .sg-banner-text`). */
function loadFramed(): Document {
  const shell = new JSDOM(
    '<!doctype html><div class="sg-banner-chooser"><span class="sg-banner-text sg-banner-text-color">Avery Stone</span></div><iframe class="sg-legacy-iframe"></iframe>',
    { url: 'https://hac.lakeviewisd.org/HomeAccess/Classes/Classwork' },
  ).window.document;
  const frame = shell.querySelector('iframe')!.contentDocument!;
  frame.open();
  frame.write(PAGE());
  frame.close();
  return frame;
}

const course = (readings: Reading[], name: string) => readings.find((r) => r.section.name === name)!;

describe('HAC Interim Progress Report', () => {
  it('keys each course by its section id, with period and teacher trimmed of their padding', () => {
    const readings = hacProgress.read(loadPage(), new URL(PAGE_URL), 0).readings;
    expect(course(readings, 'COMP SCI 3 DS KAP B').section).toEqual({ key: '2362863', name: 'COMP SCI 3 DS KAP B', teacher: 'Lee, Dana', period: '1' });
    expect(course(readings, 'ENG 2 KAP/GT B').section.period).toBe('4a');
  });

  it('reads the progress grade as the overall, 105 included, and invents no assignments', () => {
    const readings = hacProgress.read(loadPage(), new URL(PAGE_URL), 0).readings;
    expect(course(readings, 'COMP SCI 3 DS KAP B').overall).toEqual([{ studentKey: 'unnamed-student', percent: 105, raw: '105' }]);
    expect(course(readings, 'ENG 2 KAP/GT B').overall[0]?.percent).toBe(88);
    for (const reading of readings) expect([reading.assignments, reading.cells, reading.problems]).toEqual([[], [], []]);
  });

  it('reads the student from the HAC banner of the page framing the report', () => {
    const result = hacProgress.read(loadFramed(), new URL(PAGE_URL), 0);
    expect(result.problems).toEqual([]);
    expect(result.readings).toHaveLength(7);
    for (const reading of result.readings) expect(reading.students).toEqual([{ key: 'avery stone', name: 'Avery Stone' }]);
  });

  it('says when the student could not be named, instead of naming one', () => {
    const result = hacProgress.read(loadPage(), new URL(PAGE_URL), 0);
    expect(result.problems.map((p) => p.where)).toEqual(['page']);
    expect(result.readings[0]!.students).toEqual([{ key: 'unnamed-student', name: 'Unnamed student' }]);
  });

  it('reads a course name that looks like markup as plain text', () => {
    const doc = loadPage();
    doc.querySelector('a[onclick*="2362863"]')!.textContent = '<b>COMP SCI</b> & "Co"';
    expect(hacProgress.read(doc, new URL(PAGE_URL), 0).readings[0]!.section.name).toBe('<b>COMP SCI</b> & "Co"');
  });

  it('reports a progress grade it cannot read', () => {
    const doc = loadPage();
    doc.querySelectorAll('tr.sg-asp-table-data-row')[1]!.children[5]!.textContent = 'NG?';
    const reading = course(hacProgress.read(doc, new URL(PAGE_URL), 0).readings, 'W HIST KAP B');
    expect(reading.overall).toEqual([]);
    expect(reading.problems).toEqual([{ where: 'course W HIST KAP B', reason: 'the progress grade is not a number', raw: 'NG?' }]);
  });
});
