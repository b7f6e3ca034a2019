// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { cellAt, generateClass, MARKUP_NAME, overallAt, roleStudents } from './gradebook-data.js';
import { renderGradebook, renderGradebookAt, showWeek } from './gradebook-render.js';

const klass = generateClass({ termStart: '2026-10-19' });
const p1 = klass.sections[0]!;

const all = (selector: string) => [...document.querySelectorAll(selector)];
const one = (selector: string) => {
  const found = document.querySelector(selector);
  if (!found) throw new Error(`nothing matches ${selector}`);
  return found;
};
const cell = (studentId: string, assignmentId: string) =>
  one(`tr.student-row[data-student-id="${studentId}"] td.score[data-assignment-id="${assignmentId}"]`);

beforeEach(() => {
  document.body.replaceChildren();
  renderGradebook(document, klass, { sectionId: 'p1', week: 4 });
});

describe('the rendered gradebook', () => {
  it('follows the markup contract: page marker, term week, button, table attributes', () => {
    expect(one('main#gradebook').getAttribute('data-gradebook')).toBe('heads-up-demo');
    const termWeek = one('p#term-week');
    expect(termWeek.getAttribute('data-week')).toBe('4');
    expect(termWeek.getAttribute('data-term-start')).toBe('2026-10-19');
    expect(termWeek.getAttribute('data-midterm')).toBe('2026-12-18');
    expect(termWeek.getAttribute('data-term-end')).toBe('2027-02-19');
    expect(termWeek.textContent).toContain('Week 4 of 18');
    expect(one('button#next-week').textContent).toBe('Next week →');
    const table = one('table#grade-grid');
    expect(table.getAttribute('data-section-id')).toBe('p1');
    expect(table.getAttribute('data-section-name')).toBe('English 9 — Period 1');
    expect(table.getAttribute('data-teacher')).toBe('Dana Lee');
    expect(table.getAttribute('data-period')).toBe('1');
  });

  it('has one header per assignment and one row of cells per student', () => {
    expect(all('thead th.student-col')).toHaveLength(1);
    expect(all('thead th.overall-col')).toHaveLength(1);
    const headers = all('thead th.assignment');
    expect(headers).toHaveLength(20);
    const first = headers[0]!;
    const a01 = p1.assignments[0]!;
    expect(first.getAttribute('data-assignment-id')).toBe('p1-a01');
    expect(first.getAttribute('data-category')).toBe(a01.category);
    expect(first.getAttribute('data-due')).toBe(a01.due);
    expect(first.getAttribute('data-points')).toBe(String(a01.points));
    expect(first.querySelector('.a-name')?.textContent).toBe(a01.name);
    expect(first.querySelector('.a-meta')?.textContent).toBe(`10/20 · ${a01.points} pts`);
    const rows = all('tbody tr.student-row');
    expect(rows).toHaveLength(28);
    for (const row of rows) {
      expect(row.querySelectorAll('th.student-name[scope="row"]')).toHaveLength(1);
      expect(row.querySelectorAll('td.score[data-assignment-id] > span.value')).toHaveLength(20);
      expect(row.querySelector('td.overall span.pct')?.textContent).toMatch(/^\d+\.\d%$/);
      expect(row.querySelector('td.overall span.letter')?.textContent).toMatch(/^[A-DF][+-]?$/);
    }
  });

  it('shows a name that looks like markup as text, not elements', () => {
    const nameCells = all('th.student-name').filter((th) => th.textContent === MARKUP_NAME);
    expect(nameCells).toHaveLength(1);
    expect(nameCells[0]!.children).toHaveLength(0);
    expect(document.querySelector('tbody b')).toBeNull();
  });

  it('shows each cell and overall grade as the data says, with flags as classes', () => {
    for (const student of p1.students) {
      const row = one(`tr.student-row[data-student-id="${student.id}"]`);
      expect(row.querySelector('th.student-name')?.textContent).toBe(student.name);
      const overall = overallAt(p1, student.id, 4);
      expect(row.querySelector('span.pct')?.textContent).toBe(`${overall.percent!.toFixed(1)}%`);
      for (const a of p1.assignments) {
        const shown = cellAt(p1, student.id, a.id, 4);
        const td = cell(student.id, a.id);
        expect(td.querySelector('span.value')?.textContent).toBe(shown.text);
        expect(td.classList.contains('missing')).toBe(shown.flags.missing);
        expect(td.classList.contains('late')).toBe(shown.flags.late);
        expect(td.classList.contains('excused')).toBe(shown.flags.excused);
        expect(td.querySelector('span.flag')?.textContent ?? null).toBe(shown.flags.late ? 'L' : null);
      }
    }
    expect(all('td.score.missing span.value').map((v) => v.textContent)).toContain('M');
    expect(all('td.score.excused span.value').every((v) => v.textContent === 'EX')).toBe(true);
    expect(all('td.score.late span.flag[title="Late"]').length).toBeGreaterThan(0);
  });

  it('advances a week in place: same row elements, new cells, the recovering student’s M becomes late', () => {
    const recovering = roleStudents(klass, 'p1').recovering!;
    const madeUp = p1.assignments.find((a) => cellAt(p1, recovering.id, a.id, 4).text === 'M' && cellAt(p1, recovering.id, a.id, 5).flags.late)!;
    const rowBefore = one(`tr.student-row[data-student-id="${recovering.id}"]`);
    const tdBefore = cell(recovering.id, madeUp.id);
    expect(tdBefore.classList.contains('missing')).toBe(true);

    showWeek(document, klass, { sectionId: 'p1', week: 5 });

    expect(one(`tr.student-row[data-student-id="${recovering.id}"]`)).toBe(rowBefore);
    const tdAfter = cell(recovering.id, madeUp.id);
    expect(tdAfter).toBe(tdBefore);
    expect(tdAfter.classList.contains('missing')).toBe(false);
    expect(tdAfter.classList.contains('late')).toBe(true);
    expect(tdAfter.querySelector('span.value')?.textContent).toBe(cellAt(p1, recovering.id, madeUp.id, 5).text);
    expect(one('#term-week').getAttribute('data-week')).toBe('5');
    expect(all('td.score.changed').length).toBeGreaterThan(0);
  });

  it('disables the button in the last week', () => {
    showWeek(document, klass, { sectionId: 'p1', week: 18 });
    expect((one('#next-week') as HTMLButtonElement).disabled).toBe(true);
  });

  it('renders the page a site URL asks for', () => {
    document.body.replaceChildren();
    const shown = renderGradebookAt(document, '/gradebook/?section=p2&week=7&start=2026-10-19&students=5&assignments=8');
    expect(shown.sectionId).toBe('p2');
    expect(one('#grade-grid').getAttribute('data-section-id')).toBe('p2');
    expect(one('#term-week').getAttribute('data-week')).toBe('7');
    expect(all('tr.student-row')).toHaveLength(5);
    expect(all('th.assignment')).toHaveLength(8);
  });
});
