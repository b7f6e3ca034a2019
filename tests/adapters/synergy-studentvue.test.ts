// @vitest-environment jsdom
// StudentVUE Gradebook XML details the generic adapter test does not state: the SOURCES facts of the
// saved answer (courses, AP Chemistry's mark and 11 missing marks, comments that only look like marks,
// Not For Grading, Excused, rubric scores, the rubric course mark) and the wrappers the answer comes in.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readGradebookXml } from '../../src/adapters/synergy-studentvue';
import type { Reading } from '../../src/core/types';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const XML = readFileSync(resolve(FIXTURES_DIR, 'studentvue/gradebook-response.xml'), 'utf8');
const PAGE_URL = 'https://lakeview-psv.edupoint.com/PXP2_Gradebook.aspx';
const doc = () => new JSDOM('<!doctype html><title>Grade Book</title>', { url: PAGE_URL }).window.document;
const readAll = (text = XML) => readGradebookXml(text, doc(), new URL(PAGE_URL), 0);
const course = (name: string): Reading => readAll().readings.find((r) => r.section.name.startsWith(name))!;
const flagged = (reading: Reading, flag: 'missing' | 'excused') => reading.cells.filter((c) => c.score.flags[flag]);
const cellOf = (reading: Reading, name: string) => reading.cells.find((c) => c.assignmentKey === reading.assignments.find((a) => a.name === name)?.key)!;

describe('StudentVUE gradebook: courses and marks', () => {
  it('reads 6 courses, each keyed by its course code, with period and teacher', () => {
    expect(readAll().readings.map((r) => r.section.key)).toEqual(['SSA704.2', 'SP_701.2', 'CT_606.2', 'SCA501.2', 'MAH802.2', 'ENA702.2']);
    expect(course('AP Chemistry').section).toEqual({ key: 'SCA501.2', name: 'AP Chemistry (SCA501.2)', teacher: 'Maya Grant', period: '5' });
  });

  it('reads AP Chemistry: mark A at 90.3 %, 35 assignments', () => {
    const chemistry = course('AP Chemistry');
    expect(chemistry.overall).toEqual([{ studentKey: '100001', letter: 'A', percent: 90.3, raw: 'A (90.3)' }]);
    expect(chemistry.assignments).toHaveLength(35);
  });

  it('does not take the rubric-scale mark 3.1 of AP US/Comparative Gov for a percent', () => {
    const gov = course('AP US/Comparative Gov');
    expect(gov.overall).toEqual([{ studentKey: '100001', letter: 'A', percent: undefined, raw: 'A (3.1)' }]);
    expect(gov.problems.map((p) => p.raw)).toEqual(['3.1']);
  });
});

describe('StudentVUE gradebook: marks in Notes', () => {
  it('marks the 11 "Missing (zero)" notes as missing, all in AP Chemistry, and no comment that starts with "Missing"', () => {
    const missing = readAll().readings.flatMap((r) => flagged(r, 'missing').map((c) => `${r.section.key} ${c.raw}`));
    expect(missing).toHaveLength(11);
    expect(missing.every((m) => m.startsWith('SCA501.2 0 out of'))).toBe(true);
    expect(cellOf(course('AP Lit/Comp'), 'JLC Parts 1-4 Reading Assignment').score.flags).toEqual({});
  });

  it('marks the 8 "(Not For Grading)" of Adv Calculus and the 2 "Excused" of Spanish 4 as not counting', () => {
    expect(flagged(course('Adv Calculus'), 'excused')).toHaveLength(8);
    const spanish = flagged(course('Spanish 4'), 'excused');
    expect(spanish.map((c) => c.score)).toEqual([{ outOf: 2, flags: { notGraded: true, excused: true } }, { outOf: 5, flags: { notGraded: true, excused: true } }]);
  });

  it('reads "9.5 out of 10.0000", a rubric "3.5" of Rubric 0-4, and a Percentage "93 ()"', () => {
    expect(cellOf(course('Adv Calculus'), 'U12 FR assessment').score).toMatchObject({ points: 9.5, outOf: 10, percent: 95 });
    expect(cellOf(course('AP US/Comparative Gov'), 'China Stations').score).toEqual({ points: 3.5, outOf: 4, percent: 87.5, flags: {} });
    expect(cellOf(course('Adv Cisco CCNP'), 'MPLS').score).toEqual({ percent: 93, flags: {} });
  });
});

describe('StudentVUE gradebook: the answer around the XML', () => {
  it('unwraps the web service <string> that carries the XML escaped', () => {
    const escaped = XML.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const wrapped = `<?xml version="1.0" encoding="utf-8"?><string xmlns="http://edupoint.com/webservices/">${escaped}</string>`;
    expect(readAll(wrapped).readings).toHaveLength(6);
  });

  it('reports the service error and a cut-off answer as problems', () => {
    expect(readAll('<RT_ERROR ERROR_MESSAGE="Invalid user id or password" />').problems[0]?.reason).toMatch(/Invalid user id or password/);
    expect(readAll(XML.slice(0, 5000)).problems[0]?.reason).toMatch(/not well-formed/);
  });
});
