// @vitest-environment jsdom
// Canvas Gradebook details the generic adapter test does not state: the page itself is never read, the
// API's `while(1);` guard, pagination until a short page, and a failed request as a problem.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FetchSameOrigin } from '../../src/adapters/adapter';
import { canvasTeacher, canvasTeacherPaths } from '../../src/adapters/canvas-teacher';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/canvas');
const URL_ = 'https://lakeviewhs.instructure.com/courses/2201/gradebook';
const doc = () => new JSDOM(readFileSync(resolve(DIR, 'gradebook-page.html'), 'utf8'), { url: URL_ }).window.document;
const file = (name: string) => readFileSync(resolve(DIR, name), 'utf8');

function fetchFrom(answers: Record<string, string>, asked: string[] = []): FetchSameOrigin {
  return async (path) => {
    asked.push(path);
    const answer = answers[path];
    if (answer === undefined) throw new Error(`404 for ${path}`);
    return answer;
  };
}

const base = (): Record<string, string> => ({
  [canvasTeacherPaths.course('2201')]: file('api-course.json'),
  [canvasTeacherPaths.groups('2201')]: `while(1);${file('api-teacher-assignment-groups.json')}`,
  [canvasTeacherPaths.students('2201', 1)]: file('api-students-page1.json'),
  [canvasTeacherPaths.submissions('2201', 1)]: file('api-submissions-page1.json'),
});

describe('Canvas Gradebook', () => {
  it('does not read the visible rows', () => {
    expect(canvasTeacher.read(doc(), new URL(URL_), 0).problems[0]?.reason).toBe('Canvas Gradebook is read from its own data, not the visible rows');
  });

  it('strips the while(1); guard and stops at a short page without asking for the next', async () => {
    const asked: string[] = [];
    const result = await canvasTeacher.readRemote!(doc(), new URL(URL_), 0, fetchFrom(base(), asked));
    expect(result.readings[0]?.assignments.map((a) => a.name)).toEqual(['Unit 1 Test', 'Osmosis Lab', 'Reading Check 1']);
    expect(asked).not.toContain(canvasTeacherPaths.students('2201', 2));
  });

  it('follows full pages of 100 to the next page', async () => {
    const users = JSON.parse(file('api-students-page1.json')) as Array<{ id: number; name: string }>;
    const full = Array.from({ length: 100 }, (_, i) => ({ ...users[0]!, id: 5000 + i, name: `Student ${i}` }));
    const answers = { ...base(), [canvasTeacherPaths.students('2201', 1)]: JSON.stringify(full), [canvasTeacherPaths.students('2201', 2)]: file('api-students-page1.json') };
    const result = await canvasTeacher.readRemote!(doc(), new URL(URL_), 0, fetchFrom(answers));
    expect(result.readings[0]?.students).toHaveLength(103);
  });

  it('reads the enrollment current grade as the overall, and dates in the course time zone', async () => {
    const [reading] = (await canvasTeacher.readRemote!(doc(), new URL(URL_), 0, fetchFrom(base()))).readings;
    expect(reading!.overall.find((o) => o.studentKey === '3101')).toEqual({ studentKey: '3101', percent: 71.2, letter: 'C-', raw: '71.2% (C-)' });
    expect(reading!.overall.some((o) => o.studentKey === '3103')).toBe(false);
    // 2024-09-20T06:59:59Z is the evening of the 19th in Los Angeles
    expect(reading!.assignments[0]?.dueDate).toBe('2024-09-19');
  });

  it('turns a failed request into a problem, without throwing', async () => {
    const answers = base();
    delete answers[canvasTeacherPaths.submissions('2201', 1)];
    const result = await canvasTeacher.readRemote!(doc(), new URL(URL_), 0, fetchFrom(answers));
    expect(result.readings).toEqual([]);
    expect(result.problems[0]?.reason).toMatch(/could not load the gradebook data: .*404/);
  });
});
