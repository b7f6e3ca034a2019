// @vitest-environment jsdom
// Brightspace folder submissions details the generic adapter test does not state: the SOURCES facts of
// the saved LE answers (Lab 1, 94 entities: 91 published 10/10, 3 submitted and not graded) and the
// API version it asks for.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FetchSameOrigin } from '../../src/adapters/adapter';
import { brightspacePaths, brightspaceTeacher } from '../../src/adapters/brightspace-teacher';

const DIR = resolve(dirname(fileURLToPath(import.meta.url)), 'fixtures/brightspace');
const PAGE_URL = 'https://lakeview.brightspace.com/d2l/lms/dropbox/admin/mark/folder_submissions_users.d2l?ou=6606&db=107439';
const json = (name: string) => JSON.parse(readFileSync(resolve(DIR, name), 'utf8')) as unknown;

function fetchFrom(answers: Record<string, unknown>): FetchSameOrigin {
  return async (path) => {
    if (!(path in answers)) throw new Error(`404 for ${path}`);
    return answers[path];
  };
}

const answers = (version = '1.41') => ({
  [brightspacePaths.versions]: { ProductCode: 'le', LatestVersion: version, SupportedVersions: [version] },
  [brightspacePaths.folders(version, '6606')]: json('dropbox-folders.json'),
  [brightspacePaths.submissions(version, '6606', '107439')]: json('folder-107439-submissions.json'),
});
const readWith = async (fetch: FetchSameOrigin, url = PAGE_URL) =>
  brightspaceTeacher.readRemote!(new JSDOM('', { url }).window.document, new URL(url), 0, fetch);

describe('Brightspace folder submissions', () => {
  it('reads Lab 1 (folder 107439) out of 10: 91 scores of 10 and 3 submitted, not graded', async () => {
    const [reading] = (await readWith(fetchFrom(answers()))).readings;
    expect(reading!.assignments).toEqual([{ key: '107439', name: 'Lab 1', dueDate: expect.stringMatching(/^2020-05-2[01]$/), pointsPossible: 10 }]);
    expect(reading!.cells.filter((c) => c.raw === '10 / 10')).toHaveLength(91);
    expect(reading!.cells.filter((c) => c.raw === 'Submitted' && c.score.flags.notGraded)).toHaveLength(3);
    expect(reading!.students.find((s) => s.name === 'Avery Stone')).toEqual({ key: '800001', name: 'Avery Stone', vendorId: '800001' });
  });

  it('says how many of the folder\'s 105 users the list leaves out', async () => {
    const [reading] = (await readWith(fetchFrom(answers()))).readings;
    expect(reading!.problems.map((p) => p.reason)).toEqual(["11 of the folder's 105 users have neither a submission nor feedback in the list: their work was not read"]);
  });

  it('asks for the LE version the site names as latest', async () => {
    expect((await readWith(fetchFrom(answers('1.74')))).readings).toHaveLength(1);
  });

  it('reports a folder not in the course, and a page address without ou/db', async () => {
    const other = PAGE_URL.replace('db=107439', 'db=1');
    expect((await readWith(fetchFrom(answers()), other)).problems[0]?.reason).toMatch(/folder 1 is not among/);
    expect((await readWith(fetchFrom(answers()), PAGE_URL.replace('?ou=6606&', '?'))).problems[0]?.reason).toMatch(/names no org unit/);
  });
});
