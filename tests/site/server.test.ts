import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite } from './server.mjs';

let site: Awaited<ReturnType<typeof startSite>>;

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site.close();
});

const get = (path: string, init?: RequestInit) => fetch(`${site.origin}${path}`, { redirect: 'manual', ...init });

describe('the demo site server', () => {
  it('sends / to the gradebook, keeping the query', async () => {
    const response = await get('/?week=3');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe('/gradebook/?week=3');
  });

  it('serves the page, its modules and its stylesheet with the right types, never cached', async () => {
    const page = await get('/gradebook/?section=p1&week=4');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(await page.text()).toContain('data-gradebook="heads-up-demo"');
    for (const module of ['gradebook-app.js', 'gradebook-render.js', 'gradebook-data.js', 'seeded-random.js']) {
      const response = await get(`/gradebook/${module}`);
      expect(response.status, module).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    }
    expect((await get('/gradebook/gradebook.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
  });

  it('answers 404 for anything else, including its own source and tests', async () => {
    for (const path of ['/images/logo.png', '/gradebook/server.mjs', '/gradebook/gradebook-data.test.ts', '/gradebook/../package.json', '/gradebook/nope.js']) {
      expect((await get(path)).status, path).toBe(404);
    }
  });

  it('serves the saved PowerSchool pages in the charset their bytes are in', async () => {
    const calc = await get('/guardian/scores.html');
    expect(calc.status).toBe(200);
    expect(calc.headers.get('content-type')).toBe('text/html; charset=iso-8859-1');
    expect(await calc.text()).toContain('Class Score Detail');
    const german = await get('/guardian/scores.html?course=german');
    expect(german.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await german.text()).toContain('Wenn ich Schuldirektor wäre');
    expect((await get('/guardian/scores.html?course=lit')).headers.get('content-type')).toBe('text/html; charset=iso-8859-1');
    expect((await get('/guardian/scores.html?course=chemistry')).status).toBe(404);
  });

  it('says clearly when the fixtures folder is missing', async () => {
    const bare = await startSite({ fixturesDir: '/nonexistent/fixtures' });
    try {
      const response = await fetch(`${bare.origin}/guardian/scores.html`);
      expect(response.status).toBe(500);
      expect(await response.text()).toMatch(/saved PowerSchool page not found .*HEADS_UP_FIXTURES/);
    } finally {
      await bare.close();
    }
  });

  it('logs every request with the headers that tell who asked', async () => {
    const before = site.requests.length;
    await get('/gradebook/gradebook.css', { headers: { Referer: `${site.origin}/gradebook/`, 'Sec-Fetch-Site': 'same-origin' } });
    const logged = site.requests.slice(before);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ method: 'GET', url: '/gradebook/gradebook.css', headers: { referer: `${site.origin}/gradebook/`, 'sec-fetch-site': 'same-origin' } });
    expect(typeof logged[0]!.at).toBe('number');
  });
});
