// @vitest-environment jsdom
// Infinite Campus Grade Book details the generic adapter test does not state: the "New Student" trap,
// ids, the assignment headers, and scores typed into the boxes (a live page keeps them in
// `input.value`, which a saved page lost; here the test sets them as the page's script would).
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { infinitecampusTeacher } from '../../src/adapters/infinitecampus-teacher';
import type { Reading } from '../../src/core/types';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const PAGE_URL = 'https://lakeviewca.infinitecampus.org/campus/apps/gradebook';
const INTRO = '3878709749';
const W829 = '779561534';
const SECTION = '1424310';

function loadPage(): Document {
  const html = new TextDecoder('utf-8').decode(readFileSync(resolve(FIXTURES_DIR, 'infinitecampus/teacher-gradebook-grid.html')));
  return new JSDOM(html, { url: PAGE_URL }).window.document;
}

function read(doc: Document): Reading {
  const result = infinitecampusTeacher.read(doc, new URL(PAGE_URL), 0);
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

function typeScore(doc: Document, assignment: string, person: string, value: string): void {
  (doc.getElementById(`assignmentScoreInput_${assignment}_${SECTION}_${person}`) as HTMLInputElement).value = value;
}

/** What the grid does when the teacher scrolls: draw the rows it had left as `td.unrendered`. */
function renderAllRows(doc: Document): void {
  doc.querySelectorAll('td.unrendered').forEach((td) => td.classList.remove('unrendered'));
  for (const row of Array.from(doc.querySelectorAll('tr.gridTR'))) {
    const person = /_(\d+)$/.exec(row.id)?.[1];
    for (const assignment of [INTRO, W829]) {
      const td = doc.getElementById(`score${assignment}_${SECTION}_${person}`);
      if (td && !td.querySelector('input')) td.innerHTML = `<input type="text" class="scoreInput" id="assignmentScoreInput_${assignment}_${SECTION}_${person}">`;
    }
  }
}

describe('Infinite Campus Grade Book: students', () => {
  it('reads the name without the hidden "New Student" text or the trailing space', () => {
    const reading = read(loadPage());
    expect(reading.students.find((s) => s.key === '700006')).toEqual({ key: '700006', name: 'Fairbanks Hale, Fiona', vendorId: '700006' });
    expect(reading.students.find((s) => s.key === '700001')?.name).toBe('Abbott Brook, Adrian');
    expect(reading.students.filter((s) => s.name.includes('New Student'))).toEqual([]);
  });

  it('keys students by person id and skips the template row', () => {
    const keys = read(loadPage()).students.map((s) => s.key);
    expect(keys).toHaveLength(46);
    expect(keys[0]).toBe('700001');
    expect(keys.every((key) => /^7000\d\d$/.test(key))).toBe(true);
  });
});

describe('Infinite Campus Grade Book: section and assignments', () => {
  it('takes the section id from the row ids and the course from the student header', () => {
    expect(read(loadPage()).section).toEqual({ key: SECTION, name: 'FRSH/SOPH P.E. PFF200, Section 12', period: '05' });
  });

  it('reads each header: full name (not the abbreviation), category, points, due date with the year from the terms', () => {
    expect(read(loadPage()).assignments).toEqual([
      { key: INTRO, name: 'Intro Assignment', category: 'Assessments', dueDate: '2025-08-24', pointsPossible: 10 },
      { key: W829, name: 'W8/29', category: 'Participation', dueDate: '2025-08-22', pointsPossible: 80 },
    ]);
  });
});

describe('Infinite Campus Grade Book: scores', () => {
  it('reports the half-rendered rows as a problem and reads no cells for them', () => {
    const reading = read(loadPage());
    expect(reading.problems.map((p) => p.reason)).toContain('rows not rendered yet: scroll or wait (23 of 46 students have no score boxes drawn)');
    const unrenderedPerson = '700024';
    expect(reading.cells.filter((cell) => cell.studentKey === unrenderedPerson)).toEqual([]);
    expect(reading.cells.filter((cell) => cell.score.flags.missing)).toEqual([]);
  });

  it('does not read the emptied boxes of a column the header says is scored', () => {
    const reading = read(loadPage());
    expect(reading.cells.filter((cell) => cell.assignmentKey === INTRO)).toEqual([]);
    expect(reading.problems.some((p) => p.where === 'assignment Intro Assignment' && p.reason.includes('38 scores'))).toBe(true);
  });

  it('reads the scores a live page holds in input.value, with points possible from the header', () => {
    const doc = loadPage();
    typeScore(doc, INTRO, '700001', '10');
    typeScore(doc, INTRO, '700002', '7.5');
    typeScore(doc, W829, '700001', 'M');
    const reading = read(doc);
    const cell = (assignment: string, person: string) => reading.cells.find((c) => c.assignmentKey === assignment && c.studentKey === person);
    expect(cell(INTRO, '700001')?.score).toEqual({ points: 10, outOf: 10, percent: 100, flags: {} });
    expect(cell(INTRO, '700002')?.score.percent).toBe(75);
    expect(cell(INTRO, '700003')?.score.flags).toEqual({ notGraded: true });
    expect(cell(W829, '700001')).toMatchObject({ raw: 'M', score: { flags: { missing: true } } });
    expect(reading.problems.map((p) => p.where)).toEqual(['grid']);
  });

  it('reads every row and reports nothing once the grid has drawn them all', () => {
    const doc = loadPage();
    renderAllRows(doc);
    typeScore(doc, INTRO, '700046', '9');
    const reading = read(doc);
    expect(reading.problems).toEqual([]);
    expect(reading.cells).toHaveLength(92);
  });

  it('reads the in-progress percent and grade when the page has filled them', () => {
    const doc = loadPage();
    (doc.getElementById(`progressPctScoreInput_${SECTION}_700002`) as HTMLInputElement).value = '100%';
    (doc.getElementById(`progressGradeScoreInput_${SECTION}_700002`) as HTMLInputElement).value = 'A';
    expect(read(doc).overall).toEqual([{ studentKey: '700002', percent: 100, letter: 'A', raw: '100% A' }]);
  });

  it('reports a score it cannot understand instead of guessing', () => {
    const doc = loadPage();
    typeScore(doc, W829, '700003', 'ten-ish');
    const reading = read(doc);
    expect(reading.cells.some((c) => c.assignmentKey === W829 && c.studentKey === '700003')).toBe(false);
    expect(reading.problems.some((p) => p.raw === 'ten-ish')).toBe(true);
  });
});
