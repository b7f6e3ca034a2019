// @vitest-environment jsdom
// Canvas student grades details the generic adapter test does not state: the SOURCES facts of the saved
// ENV (who, which course, untitled assignments, submission states), titles from rendered rows, the
// omitted-from-grade flag, and an ENV that is cut off or absent.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { canvasStudent } from '../../src/adapters/canvas-student';
import { readCanvasEnv } from '../../src/adapters/canvas-data';

const PAGE = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/canvas/student-grades.html');
const PAGE_URL = 'https://lakeviewhs.instructure.com/courses/110/grades';

const loadPage = (html = readFileSync(PAGE, 'utf8')) => new JSDOM(html, { url: PAGE_URL }).window.document;
const read = (doc = loadPage()) => canvasStudent.read(doc, new URL(PAGE_URL), 0);

describe('Canvas student grades: the saved ENV', () => {
  it('names the student (id 106) and course_110 "S100 - Biology"', () => {
    const [reading] = read().readings;
    expect(reading!.students).toEqual([{ key: '106', name: 'Avery Stone', vendorId: '106' }]);
    expect(reading!.section).toEqual({ key: '110', name: 'S100 - Biology' });
  });

  it('reads 90 assignments without titles, named by id, and says so once', () => {
    const [reading] = read().readings;
    expect(reading!.assignments).toHaveLength(90);
    expect(reading!.assignments.every((a) => /^Assignment \d+$/.test(a.name))).toBe(true);
    expect(reading!.problems.filter((p) => /no title/.test(p.reason))).toHaveLength(1);
  });

  it('reads the graded, unsubmitted and submitted states of the listed assignments; the bare submission is a problem', () => {
    const [reading] = read().readings;
    const env = readCanvasEnv(loadPage()) as { submissions: unknown[] };
    expect(env.submissions).toHaveLength(137);
    expect(reading!.cells.filter((c) => c.score.points !== undefined)).toHaveLength(78);
    expect(reading!.cells.filter((c) => c.raw === 'submitted')).toHaveLength(3);
    expect(reading!.cells.filter((c) => c.raw === 'unsubmitted').every((c) => c.score.flags.notGraded && !c.score.flags.missing)).toBe(true);
    expect(reading!.problems.map((p) => p.raw)).toContain('{"assignment_id":"2402"}');
    expect(reading!.problems.some((p) => /^47 submissions/.test(p.reason))).toBe(true);
  });

  it('marks work that does not count toward the final grade as excused (25 assignments omitted)', () => {
    const [reading] = read().readings;
    const env = readCanvasEnv(loadPage()) as { assignment_groups: Array<{ assignments: Array<{ id: string; omit_from_final_grade: boolean }> }> };
    const omitted = new Set(env.assignment_groups.flatMap((g) => g.assignments).filter((a) => a.omit_from_final_grade).map((a) => a.id));
    expect(omitted.size).toBe(25);
    for (const cell of reading!.cells) expect(Boolean(cell.score.flags.excused), cell.assignmentKey).toBe(omitted.has(cell.assignmentKey));
  });

  it('keeps due dates in the course time zone, as ENV wrote them', () => {
    const [reading] = read().readings;
    expect(reading!.assignments.find((a) => a.key === '1694')).toMatchObject({ dueDate: '2019-10-15', pointsPossible: 10 });
  });
});

describe('Canvas student grades: the page around ENV', () => {
  it('takes titles and groups from rendered rows when the page has them', () => {
    const doc = loadPage();
    doc.body.insertAdjacentHTML('beforeend', '<table><tr class="student_assignment" id="submission_2844"><th class="title"><a href="#">Mitosis Test</a><div class="context">Tests</div></th></tr></table>');
    const [reading] = read(doc).readings;
    expect(reading!.assignments.find((a) => a.key === '2844')).toMatchObject({ name: 'Mitosis Test', category: 'Tests' });
  });

  it('reports an ENV cut off mid-object, and a page without ENV, without throwing', () => {
    const html = readFileSync(PAGE, 'utf8');
    expect(read(loadPage(html.slice(0, html.indexOf('"submissions"')))).problems[0]?.reason).toMatch(/cut off/);
    expect(read(loadPage('<html><body><script>var x = 1;</script></body></html>')).problems[0]?.reason).toMatch(/no Canvas ENV/);
  });

  it('reads ENV without running it: a script that would throw is still only data', () => {
    const doc = loadPage('<html><head><script>ENV = {"students": [{"id": "7", "name": "A }{ \\" B"}], "student_id": "7", "assignment_groups": [], "submissions": []}; throw new Error("x");</script></head></html>');
    expect(read(doc).readings[0]?.students[0]?.name).toBe('A }{ " B');
  });
});
