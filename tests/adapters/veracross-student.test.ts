// @vitest-environment jsdom
// Veracross assignments JSON details the generic adapter test does not state: the SOURCES facts of the
// saved answer (72 assignments, types, the percent_grade trap, extra credit) and completion statuses.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAssignmentsJson, veracrossPercent } from '../../src/adapters/veracross-student';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const DATA = JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'veracross/student-assignments-english.json'), 'utf8')) as { assignments: Array<Record<string, unknown>> };
const PAGE_URL = 'https://portals-embed.veracross.com/lakeview/student/enrollment/1190337/assignments';
const read = (data: unknown = DATA) => readAssignmentsJson(data, '1190337', new JSDOM('', { url: PAGE_URL }).window.document, new URL(PAGE_URL), 0);

describe('Veracross class assignments', () => {
  it('reads 72 assignments with their types as categories', () => {
    const [reading] = read().readings;
    const types: Record<string, number> = {};
    for (const a of reading!.assignments) types[a.category!] = (types[a.category!] ?? 0) + 1;
    expect(types).toEqual({ Homework: 33, 'Class Participation': 20, Classwork: 8, Test: 6, Quiz: 5 });
  });

  it('reads percent_grade as the percent × 100: "8571%" is 85.71 %', () => {
    expect(veracrossPercent('8571%')).toBe(85.71);
    expect(veracrossPercent('10000%')).toBe(100);
    const [reading] = read().readings;
    for (const item of DATA.assignments) {
      const cell = reading!.cells.find((c) => c.assignmentKey === String(item.assignment_id));
      expect(cell?.score.percent, String(item.assignment_description)).toBe(veracrossPercent(item.percent_grade));
    }
  });

  it('keeps extra credit above the maximum (11 and 12 of 10)', () => {
    const [reading] = read().readings;
    expect(reading!.cells.filter((c) => c.score.outOf === 10 && c.score.points! > 10).map((c) => `${c.raw} ${c.score.percent}`).sort())
      .toEqual(['11 110', '11 110', '11 110', '11 110', '12 120', '12 120', '12 120']);
  });

  it('flags Not Turned In as missing, reads a hidden score through its percent, and reports an unknown status', () => {
    const item = { ...DATA.assignments[0], completion_status: 'Not Turned In', raw_score: '', percent_grade: '' };
    const hidden = { ...DATA.assignments[1], display_score: 0, percent_grade: '9250%' };
    const odd = { ...DATA.assignments[2], completion_status: 'Collected' };
    const [reading] = read({ assignments: [item, hidden, odd] }).readings;
    expect(reading!.cells[0]?.score).toEqual({ outOf: 25, flags: { notGraded: true, missing: true } });
    expect(reading!.cells[1]?.score.percent).toBe(92.5);
    expect(reading!.problems.map((p) => p.raw)).toContain('Collected');
  });

  it('reports an answer without an assignments list', () => {
    expect(read({ error: 'login' }).problems[0]?.reason).toMatch(/no assignments list/);
  });
});
