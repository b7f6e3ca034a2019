// Schoology course Gradebook details the generic adapter test cannot state: which addresses are the gradebook,
// the Schoology user id kept as the vendor id, what is skipped on purpose, and what a reading says when the
// data it needs is not there.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { schoologyTeacher, schoologyTeacherPaths } from '../../src/adapters/schoology-teacher';
import type { FetchSameOrigin } from '../../src/adapters/adapter';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/schoology-teacher');
const URL_7101 = 'https://lakeview.schoology.com/course/7101/gradebook';
const PATH_7101 = schoologyTeacherPaths.graderHeader('7101');
const page = readFileSync(resolve(FIXTURES, 'gradebook-page.html'), 'utf8');
interface Header { body: { grades?: Record<string, Record<string, { exception?: number }>> } }
const header = () => JSON.parse(readFileSync(resolve(FIXTURES, 'grader-header-data.json'), 'utf8')) as Header;
const docAt = (url: string, html = page) => new JSDOM(html, { url }).window.document;

function fetchFrom(answers: Record<string, unknown>): FetchSameOrigin {
  return async (path) => {
    if (!(path in answers)) throw new Error(`404 for ${path}`);
    return answers[path];
  };
}

const read = (answer: unknown) => schoologyTeacher.readRemote!(docAt(URL_7101), new URL(URL_7101), 0, fetchFrom({ [PATH_7101]: answer }));

describe('Schoology course Gradebook', () => {
  it('is a course gradebook on Schoology, or on a school domain that carries Schoology settings, and nothing else', () => {
    const matches = (url: string, html = page) => schoologyTeacher.matches(new URL(url), docAt(url, html));
    expect(matches(URL_7101)).toBe(true);
    expect(matches('https://schoology.lakeview-schools.example/course/7101/gradebook')).toBe(true);
    expect(matches('https://lms.lakeview-schools.example/course/7101/gradebook', '<title>Gradebook</title>')).toBe(false);
    expect(matches('https://lakeview.schoology.com/course/7101/materials')).toBe(false);
    expect(matches('https://lakeview.schoology.com/grades/grades')).toBe(false);
  });

  it('keys students by Schoology user id, kept as the vendor id, and leaves out sample students and grading-period columns', async () => {
    const { readings } = await read(header());
    expect(readings[0]!.students[0]).toEqual({ key: '3001', name: 'Stone, Avery', vendorId: '3001' });
    expect(readings[0]!.students.map((s) => s.key)).not.toContain('sample_1');
    expect(readings[0]!.assignments.map((a) => a.key)).toEqual(['5001', '5002', '5003', '5004']);
    // a category named only by id is looked up in the category list
    expect(readings[0]!.assignments[1]).toEqual({ key: '5002', name: 'Osmosis Lab Report', category: 'Labs', pointsPossible: 10 });
  });

  it('an assignment not assigned to a student is no cell of theirs', async () => {
    const { readings } = await read(header());
    expect(readings[0]!.cells.filter((c) => c.studentKey === '3002' && c.assignmentKey === '5004')).toEqual([]);
  });

  it('reports an exception code it does not know, and keeps the grade', async () => {
    const answer = header();
    answer.body.grades!['3001']!['5001']!.exception = 9;
    const { readings } = await read(answer);
    expect(readings[0]!.problems).toEqual([{ where: 'cell Stone, Avery × Cell Structure Quiz', reason: 'unknown grade exception code; its meaning was not read', raw: '9' }]);
    expect(readings[0]!.cells.find((c) => c.studentKey === '3001' && c.assignmentKey === '5001')!.score.points).toBe(18);
  });

  it('says so when the data comes without grades, is not gradebook data, or cannot be loaded', async () => {
    const answer = header();
    delete answer.body.grades;
    const bare = await read(answer);
    expect(bare.readings[0]!.cells).toEqual([]);
    expect(bare.readings[0]!.problems.map((p) => p.reason)).toEqual(['the gradebook data came without grades: nothing to read per student']);
    expect((await read({ response_code: 403 })).problems[0]!.reason).toBe('Schoology answered with something other than gradebook data');
    const failed = await schoologyTeacher.readRemote!(docAt(URL_7101), new URL(URL_7101), 0, fetchFrom({}));
    expect(failed.readings).toEqual([]);
    expect(failed.problems[0]!.reason).toMatch(/could not load the gradebook data/);
  });
});
