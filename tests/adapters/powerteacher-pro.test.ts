// PowerTeacher Pro details the generic adapter test cannot state: which addresses are the Scoresheet, the
// student number kept as the vendor id, and what a reading says when the data it needs is not there.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { powerteacherPro, powerTeacherPaths } from '../../src/adapters/powerteacher-pro';
import type { FetchSameOrigin } from '../../src/adapters/adapter';

const FIXTURES = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/powerteacher');
const URL_4101 = 'https://lakeview.powerschool.example/teachers/index.html#/?sectionId=4101';
const json = (file: string): unknown => JSON.parse(readFileSync(resolve(FIXTURES, file), 'utf8'));
const doc = new JSDOM('<!doctype html><title>PowerTeacher Pro</title>', { url: URL_4101 }).window.document;

function fetchFrom(answers: Record<string, unknown>): FetchSameOrigin {
  return async (path) => {
    if (!(path in answers)) throw new Error(`404 for ${path}`);
    return answers[path];
  };
}

const answers = { [powerTeacherPaths.roster('4101')]: json('api-student.json'), [powerTeacherPaths.assignments('4101')]: json('api-section-assignment.json') };

describe('PowerTeacher Pro Scoresheet', () => {
  it('is the app under /teachers/ with a section in its hash route, and nothing else', () => {
    const matches = (url: string) => powerteacherPro.matches(new URL(url), doc);
    expect(matches(URL_4101)).toBe(true);
    expect(matches('https://lakeview.powerschool.example/teachers/index.html#/score_assignment?sectionId=4101&assignmentId=70001')).toBe(true);
    expect(matches('https://lakeview.powerschool.example/teachers/index.html#/home')).toBe(false);
    expect(matches('https://lakeview.powerschool.example/guardian/scores.html?frn=004101')).toBe(false);
  });

  it('keys students by DCID and keeps the student number a parent page shows', async () => {
    const { readings } = await powerteacherPro.readRemote!(doc, new URL(URL_4101), 0, fetchFrom(answers));
    expect(readings[0]!.students[0]).toEqual({ key: '81001', name: 'Stone, Avery', vendorId: '100001' });
    expect(readings[0]!.assignments[0]).toEqual({ key: '70001', name: 'Unit 1 Test', category: 'Tests', dueDate: '2025-09-26', pointsPossible: 50 });
  });

  it('says so when the assignments come without scores, and when the data cannot be loaded', async () => {
    const withoutScores = (json('api-section-assignment.json') as Array<{ _assignmentsections: Array<Record<string, unknown>> }>)
      .map((a) => ({ ...a, _assignmentsections: a._assignmentsections.map(({ _assignmentscores: _scores, ...s }) => s) }));
    const bare = await powerteacherPro.readRemote!(doc, new URL(URL_4101), 0, fetchFrom({ ...answers, [powerTeacherPaths.assignments('4101')]: withoutScores }));
    expect(bare.readings[0]!.cells).toEqual([]);
    expect(bare.readings[0]!.problems.map((p) => p.reason)).toEqual(['the assignments came without their scores: nothing to read per student']);
    const failed = await powerteacherPro.readRemote!(doc, new URL(URL_4101), 0, fetchFrom({}));
    expect(failed.readings).toEqual([]);
    expect(failed.problems[0]!.reason).toMatch(/could not load the Scoresheet data/);
  });
});
