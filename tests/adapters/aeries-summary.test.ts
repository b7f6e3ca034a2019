// @vitest-environment jsdom
// Aeries Gradebook Summary details the generic adapter test does not state: the student and its
// number, each current gradebook's id, period, teacher, percent, mark and missing count, and that the
// prior-term rows are history, not readings.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aeriesSummary } from '../../src/adapters/aeries-summary';
import type { Reading } from '../../src/core/types';
import { decodePage } from '../support/decode-page';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const PAGE_URL = 'https://abi.lakeviewisd.org/abi/GradebookSummary.asp';

function loadPage(): Document {
  return new JSDOM(decodePage(readFileSync(resolve(FIXTURES_DIR, 'aeries/gradebook-summary.html'))), { url: PAGE_URL }).window.document;
}

function readAll(doc = loadPage()): Reading[] {
  const result = aeriesSummary.read(doc, new URL(PAGE_URL), 0);
  expect(result.problems).toEqual([]);
  return result.readings;
}

const gradebook = (readings: Reading[], name: string) => readings.find((r) => r.section.name === name)!;

describe('Aeries Gradebook Summary', () => {
  it('reads the student named in the heading, keyed by the Aeries student number', () => {
    for (const reading of readAll()) expect(reading.students).toEqual([{ key: '15454', name: 'Avery Stone', vendorId: '15454' }]);
  });

  it('reads the 6 current-term gradebooks, keyed by their gradebook ids, and none of the 5 prior-term rows', () => {
    const readings = readAll();
    expect(readings.map((r) => r.section.name)).toEqual(['AP-Biology', 'Comp Sci-IB SL', 'English IB-SL', 'Spanish-IB SL', 'Philosophy-IBSL', 'AP-US Hist']);
    expect(readings.map((r) => r.section.key)).not.toContain('898509'); // AP-Biology, "Prior Term Ended 01/24/2013"
    expect(gradebook(readings, 'AP-Biology').section).toEqual({ key: '2100004', name: 'AP-Biology', teacher: 'Lee, D', period: '0' });
  });

  it('reads the overall percent and mark, with the missing count in the overall text', () => {
    const readings = readAll();
    expect(gradebook(readings, 'AP-Biology').overall).toEqual([{ studentKey: '15454', percent: 88.59, letter: 'B+', raw: '88.59 B+; 0 missing assignments' }]);
    expect(gradebook(readings, 'Comp Sci-IB SL').overall).toEqual([{ studentKey: '15454', percent: 92.75, letter: 'A', raw: '92.75 A; 1 missing assignment' }]);
  });

  it('invents no assignments or cells for the missing count', () => {
    for (const reading of readAll()) expect([reading.assignments, reading.cells]).toEqual([[], []]);
  });

  it('reads a course name that looks like markup as plain text', () => {
    const doc = loadPage();
    const link = doc.querySelector('a[href*="GrdBk=2100004"]:not(:has(img))')!;
    link.textContent = '<b>AP-Biology</b> & "Co"';
    expect(readAll(doc)[0]!.section.name).toBe('<b>AP-Biology</b> & "Co"');
  });

  it('reports a missing count it cannot read instead of guessing', () => {
    const doc = loadPage();
    const row = doc.querySelector('a[href*="GrdBk=9245866"]')!.closest('tr')!;
    row.children[7]!.textContent = 'n/a';
    const result = aeriesSummary.read(doc, new URL(PAGE_URL), 0);
    expect(gradebook(result.readings, 'Comp Sci-IB SL').problems).toEqual([
      { where: 'gradebook Comp Sci-IB SL', reason: 'the missing-assignments count is not a number', raw: 'n/a' },
    ]);
  });
});
