// A page that renders from data (Canvas's Gradebook virtualises its rows, so Heads-Up reads the REST API
// the page itself calls), in real Chromium with the built extension: the content script recognises the
// page, the background injects the Canvas reader, and the reader GETs the page's own same-origin JSON
// with the teacher's session (pagination, Canvas's `while(1);` guard) — and nothing else.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canvasTeacher } from '../../src/adapters/canvas-teacher';
import { launchBrowser } from '../support/browser.mjs';
import { startSite } from '../site/server.mjs';
import { readTable, waitFor } from './helpers';

const LOCAL = join(dirname(fileURLToPath(import.meta.url)), '../adapters/fixtures');
const localFile = (fixture: string) => join(LOCAL, fixture.slice('local:'.length));

describe('a gradebook read from the data the page loads', () => {
  const testCase = canvasTeacher.cases[0]!;
  const pagePath = new URL(testCase.url).pathname;
  let site: Awaited<ReturnType<typeof startSite>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    // Canvas's page and its API answers (written from Canvas's documentation), served where Canvas serves them
    const pages: Record<string, { file: string; type: string }> = { [pagePath]: { file: localFile(testCase.fixture), type: 'text/html; charset=utf-8' } };
    for (const [path, fixture] of Object.entries(testCase.payloads ?? {})) pages[path] = { file: localFile(fixture), type: 'application/json; charset=utf-8' };
    site = await startSite({ pages });
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('reads Canvas’s Gradebook from its REST API, same-origin, with the teacher’s session', async () => {
    await browser.context.addCookies([{ name: 'canvas_session', value: 'teacher-1', url: site.origin }]);
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}${pagePath}`);
    const worker = await browser.serviceWorker();
    const [reading] = await waitFor(async () => {
      const found = (await readTable<{ url: string; adapterId: string; studentCount: number; assignmentCount: number }>(worker, 'readings')).filter((r) => r.adapterId === 'canvas-teacher');
      return found.length > 0 ? found : undefined;
    }, 'the Canvas gradebook read');
    expect(reading).toMatchObject({ studentCount: 3, assignmentCount: 3 });
    const students = await readTable<{ name: string }>(worker, 'students');
    expect(students.map((s) => s.name)).toEqual(expect.arrayContaining(['Jordan Ellis', 'Priya Raman', 'Sam Okafor']));

    const api = site.requests.filter((r) => r.url.startsWith('/api/'));
    // the course, its assignment groups, and the first page of students and of submissions (a short page
    // ends the paging); nothing but the documented API paths
    expect(Object.keys(testCase.payloads!)).toEqual(expect.arrayContaining(api.map((r) => r.url)));
    expect(new Set(api.map((r) => r.url.split('?')[0])).size).toBe(4);
    for (const request of api) {
      expect(request.method).toBe('GET');
      expect(request.headers['sec-fetch-site']).toBe('same-origin');
      expect(request.headers.cookie).toContain('canvas_session=teacher-1');
    }
    await page.close();
  }, 60_000);
});
