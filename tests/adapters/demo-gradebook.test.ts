// @vitest-environment jsdom
// The demo adapter on the demo site's own pages, checked against the generator's data: what the
// generic adapter test cannot state (ids, every cell, changes between weeks, problems).
import { beforeEach, describe, expect, it } from 'vitest';
import { demoGradebook } from '../../src/adapters/demo-gradebook';
import type { AdapterResult } from '../../src/adapters/adapter';
import type { Reading } from '../../src/core/types';
import { cellAt, generateClass, MARKUP_NAME, overallAt, roleStudents } from '../site/gradebook-data.js';
import { renderGradebook, showWeek } from '../site/gradebook-render.js';

const klass = generateClass({ termStart: '2026-10-19' });
const p1 = klass.sections[0]!;
const URL_WEEK_4 = 'http://127.0.0.1:8080/gradebook/?section=p1&week=4';
const NOW = 1_790_000_000_000;

function readPage(): AdapterResult {
  return demoGradebook.read(document, new URL(URL_WEEK_4), NOW);
}

function readOne(): Reading {
  const result = readPage();
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

function cellOf(reading: Reading, studentKey: string, assignmentKey: string) {
  return reading.cells.find((c) => c.studentKey === studentKey && c.assignmentKey === assignmentKey);
}

beforeEach(() => {
  document.body.replaceChildren();
  renderGradebook(document, klass, { sectionId: 'p1', week: 4 });
});

describe('the demo gradebook adapter', () => {
  it('claims the demo page and nothing else', () => {
    expect(demoGradebook.matches(new URL(URL_WEEK_4), document)).toBe(true);
    document.body.replaceChildren();
    expect(demoGradebook.matches(new URL(URL_WEEK_4), document)).toBe(false);
  });

  it('reads the section, students and assignments by the page’s own ids', () => {
    const reading = readOne();
    expect(reading).toMatchObject({ adapterId: 'demo-gradebook', view: 'teacher-grid', url: URL_WEEK_4, readAt: NOW, problems: [] });
    expect(reading.section).toEqual({ key: 'p1', name: 'English 9 — Period 1', teacher: 'Dana Lee', period: '1' });
    expect(reading.students).toEqual(p1.students.map((s) => ({ key: s.id, name: s.name, vendorId: s.id })));
    expect(reading.assignments).toEqual(p1.assignments.map((a) => ({ key: a.id, name: a.name, category: a.category, dueDate: a.due, pointsPossible: a.points })));
    expect(reading.cells).toHaveLength(28 * 20);
  });

  it('reads every cell as the page shows it, flags included', () => {
    const reading = readOne();
    for (const student of p1.students) {
      for (const a of p1.assignments) {
        const shown = cellAt(p1, student.id, a.id, 4);
        const cell = cellOf(reading, student.id, a.id)!;
        expect(cell.raw).toBe(shown.text);
        expect(Boolean(cell.score.flags.missing)).toBe(shown.flags.missing);
        expect(Boolean(cell.score.flags.late)).toBe(shown.flags.late);
        expect(Boolean(cell.score.flags.excused)).toBe(shown.flags.excused);
      }
    }
  });

  it('reads missing, late, excused, letters and not-yet-graded work', () => {
    const reading = readOne();
    const recovering = roleStudents(klass, 'p1').recovering!;
    const missing = reading.cells.filter((c) => c.studentKey === recovering.id && c.score.flags.missing);
    expect(missing.length).toBeGreaterThanOrEqual(1);
    expect(missing.every((c) => c.raw === 'M')).toBe(true);
    const late = reading.cells.filter((c) => c.score.flags.late);
    expect(late.length).toBeGreaterThan(0);
    expect(late.every((c) => c.score.percent !== undefined)).toBe(true);
    expect(reading.cells.filter((c) => c.score.flags.excused).map((c) => c.raw)).toContain('EX');
    const seminar = p1.assignments.find((a) => a.letterGraded)!;
    const letters = reading.cells.filter((c) => c.assignmentKey === seminar.id && c.score.letter);
    expect(letters.length).toBeGreaterThan(20);
    expect(letters[0]!.score.percent).toBeGreaterThan(0);
    const future = p1.assignments.find((a) => a.week === 10)!;
    const notYet = reading.cells.filter((c) => c.assignmentKey === future.id);
    expect(notYet).toHaveLength(28);
    expect(notYet.every((c) => c.raw === '—' && c.score.flags.notGraded && c.score.points === undefined)).toBe(true);
  });

  it('reads each overall grade the page shows', () => {
    const reading = readOne();
    for (const student of p1.students) {
      const expected = overallAt(p1, student.id, 4);
      const read = reading.overall.find((o) => o.studentKey === student.id)!;
      expect(read).toMatchObject({ percent: expected.percent, letter: expected.letter, raw: `${expected.percent!.toFixed(1)}% ${expected.letter}` });
    }
  });

  it('reads a name that looks like markup as text', () => {
    const reading = readOne();
    expect(reading.students.filter((s) => s.name === MARKUP_NAME)).toHaveLength(1);
  });

  it('sees the cells that changed when the week advances', () => {
    const week4 = readOne();
    showWeek(document, klass, { sectionId: 'p1', week: 5 });
    const week5 = readOne();
    const recovering = roleStudents(klass, 'p1').recovering!;
    const madeUp = week5.cells.find((c) => c.studentKey === recovering.id && c.score.flags.late && cellOf(week4, c.studentKey, c.assignmentKey)?.raw === 'M');
    expect(madeUp).toBeDefined();
    const regraded = week5.cells.filter((c) => {
      const before = cellOf(week4, c.studentKey, c.assignmentKey)!;
      return c.studentKey !== recovering.id && before.raw !== '—' && before.raw !== c.raw;
    });
    expect(regraded.length).toBeGreaterThanOrEqual(1);
  });

  it('reports a cell it cannot understand instead of guessing', () => {
    const student = p1.students[0]!;
    const assignment = p1.assignments[0]!;
    const value = document.querySelector(`tr[data-student-id="${student.id}"] td.score[data-assignment-id="${assignment.id}"] span.value`)!;
    value.textContent = 'twelve-ish';
    const result = readPage();
    const reading = result.readings[0]!;
    expect(cellOf(reading, student.id, assignment.id)).toBeUndefined();
    expect(reading.problems).toEqual([expect.objectContaining({ where: `cell ${student.name} × ${assignment.name}`, raw: 'twelve-ish' })]);
  });

  it.each([
    ['its text alone', '12', '12'],
    ['a span.value alone', '<span class="value">12</span>', '12'],
    ['a span of another class alone (the whole cell)', '<span class="note">12</span>', '12'],
    ['a span.value and a flag', '<span class="value">12</span><span class="flag">L</span>', '12'],
    ['a flag before the span.value', '<span class="flag">L</span><span class="value">12</span>', '12'],
    ['a span.value inside a span', '<span class="wrap"><span class="value">12</span> pts</span>', '12'],
    ['a span.value inside a div', '<div><span class="value">12</span><span class="flag">L</span></div>', '12'],
    ['text beside a span.value', 'score <span class="value">12</span>', '12'],
    ['text beside a span of another class (the whole cell)', '<span class="note">12</span>/15', '12/15'],
  ])('reads a cell holding %s as its value', (_shape, html, raw) => {
    const student = p1.students[1]!;
    const assignment = p1.assignments[2]!;
    const td = document.querySelector(`tr[data-student-id="${student.id}"] td.score[data-assignment-id="${assignment.id}"]`)!;
    td.innerHTML = html;
    td.className = 'score';
    expect(cellOf(readOne(), student.id, assignment.id)?.raw).toBe(raw);
  });

  it('reads only the row’s own cells: a score cell in a table inside a cell is not one of them', () => {
    const before = readOne();
    const row = document.querySelector(`tr[data-student-id="${p1.students[3]!.id}"]`)!;
    row.insertAdjacentHTML('beforeend', `<td class="note"><table><tr><td class="score missing" data-assignment-id="${p1.assignments[0]!.id}">0</td></tr></table></td>`);
    expect(readOne()).toEqual(before);
  });

  it('reads a page without a window (types unknown: cells told by their tags) the same', () => {
    const copy = new DOMParser().parseFromString(document.documentElement.outerHTML, 'text/html');
    expect(copy.defaultView).toBeNull();
    expect(demoGradebook.read(copy, new URL(URL_WEEK_4), NOW)).toEqual(readPage());
  });

  it('says the table is not there while the page is loading', () => {
    document.body.innerHTML = '<main id="gradebook" data-gradebook="heads-up-demo"><p class="loading">Loading…</p></main>';
    expect(readPage()).toEqual({ readings: [], problems: [{ where: 'table', reason: 'grade table #grade-grid not found (page still loading?)' }] });
  });

  it('turns an unexpected failure into a problem, never an exception', () => {
    const hostile = { querySelector: () => { throw new Error('boom'); } } as unknown as Document;
    const result = demoGradebook.read(hostile, new URL(URL_WEEK_4), NOW);
    expect(result.readings).toEqual([]);
    expect(result.problems[0]?.reason).toContain('boom');
  });
});
