// Hostile territory, in real Chromium with the built extension: a gradebook inside a frame (as Infinite
// Campus and HAC show theirs), a 2,000-student grid, a hash change that changes nothing (no new reading),
// and names that look like markup and script read by the generic reader and shown by the popup as text.
// Throughout, nothing is thrown into the pages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { startSite } from '../site/server.mjs';
import { readTable, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

interface StoredReading {
  url: string;
  adapterId: string;
  studentCount: number;
  assignmentCount: number;
}

const readingsAt = async (worker: Worker, prefix: string) =>
  (await readTable<StoredReading>(worker, 'readings')).filter((r) => r.url.startsWith(prefix));

describe('hostile pages', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let browser: Browser;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
    browser.context.on('page', (page: Page) => page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`)));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('reads a gradebook shown inside a frame of a portal page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/embed.html?src=${encodeURIComponent('/gradebook/?section=p2&week=6')}`);
    const worker = await browser.serviceWorker();
    const [reading] = await waitFor(async () => {
      const found = await readingsAt(worker, `${site.origin}/gradebook/?section=p2`);
      return found.length > 0 ? found : undefined;
    }, 'the framed gradebook read');
    expect(reading).toMatchObject({ adapterId: 'demo-gradebook', studentCount: 28 });
    await page.close();
  }, 60_000);

  it('reads a 2,000-student grid whole, and a hash change that changes nothing adds no reading', async () => {
    const url = `${site.origin}/gradebook/?sections=1&students=2000&assignments=20&section=p1&week=6`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const worker = await browser.serviceWorker();
    const [reading] = await waitFor(async () => {
      const found = await readingsAt(worker, url);
      return found.length > 0 ? found : undefined;
    }, 'the 2,000-student grid read', 60_000);
    expect(reading).toMatchObject({ studentCount: 2000, assignmentCount: 20 });
    const before = (await readTable(worker, 'readings')).length;
    await page.evaluate(() => {
      location.hash = '#student-1500';
    });
    // a later, unrelated change elsewhere proves the content script has had its chance to re-read
    const other = await browser.context.newPage();
    await other.goto(`${site.origin}/gradebook/?section=p3&week=7`);
    await waitFor(async () => ((await readingsAt(worker, `${site.origin}/gradebook/?section=p3&week=7`)).length > 0 ? true : undefined), 'the control page read');
    await page.waitForTimeout(1_500);
    expect((await readTable(worker, 'readings')).length).toBe(before + 1);
    await other.close();
    await page.close();
  }, 120_000);

  it('reads names that look like markup or script as text, and the popup shows them as text', async () => {
    const url = `${site.origin}/hostile-table.html`;
    const page = await browser.context.newPage();
    await page.goto(url);
    const worker = await browser.serviceWorker();
    const tabId = await waitFor(
      () => worker.evaluate(async (start) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(start))?.id, url),
      'the hostile page tab',
    );
    const popup = await browser.context.newPage();
    await popup.goto(browser.popupUrl(`?tabId=${tabId}`));
    await popup.locator('main[data-fresh="true"]').waitFor();
    await popup.getByTestId('read-this-page').click();
    await popup.getByTestId('mapper-counts').filter({ hasText: '4 students and 3 assignments' }).waitFor();
    const preview = popup.getByTestId('mapper-preview');
    await expect(preview.textContent()).resolves.toContain('<img src=x onerror="window.pwned=1"> Lee');
    await expect(preview.textContent()).resolves.toContain('<script>window.pwned=2</script> Park');
    await expect(preview.textContent()).resolves.toContain('زينب الحسيني');
    // shown as text: no element was made from a name, and no name's script ran anywhere
    expect(await preview.locator('img, script').count()).toBe(0);
    await popup.getByTestId('mapper-save').click();
    await popup.getByTestId('page-access-notice').filter({ hasText: 'Saved.' }).waitFor();
    const students = await waitFor(async () => {
      const found = (await readTable<{ name: string; sourceId: string }>(worker, 'students')).filter((s) => s.sourceId.startsWith(site.origin) && s.sourceId.endsWith('generic-table'));
      return found.length === 4 ? found : undefined;
    }, 'the hostile names stored');
    expect(students.map((s) => s.name).sort()).toEqual(['<img src=x onerror="window.pwned=1"> Lee', '<script>window.pwned=2</script> Park', "O'Neil, Zoë \"Z\"", 'زينب الحسيني'].sort());
    // the unreadable cell is reported with its reason, not guessed
    const [reading] = await readingsAt(worker, url);
    expect(reading).toBeDefined();
    expect(JSON.stringify(reading)).toContain('"raw":"wat"');
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await popup.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    await popup.close();
    await page.close();
  }, 120_000);

  it('threw nothing into any page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('a reader built from documentation', () => {
  it('says so on the page it reads', async () => {
    const site = await startSite();
    const browser = await launchBrowser();
    try {
      // the Synergy TeacherVUE grade book written from Edupoint's guides, served where TeacherVUE serves it
      const page = await browser.context.newPage();
      await page.goto(`${site.origin}/TeacherVUE/GradeBook`);
      const worker = await browser.serviceWorker();
      const tabId = await waitFor(
        () => worker.evaluate(async (start) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(start))?.id, `${site.origin}/TeacherVUE/`),
        'the TeacherVUE tab',
      );
      await waitFor(async () => ((await readingsAt(worker, `${site.origin}/TeacherVUE/`)).length > 0 ? true : undefined), 'the grade book read');
      const popup = await browser.context.newPage();
      await popup.goto(browser.popupUrl(`?tabId=${tabId}`));
      await popup.locator('main[data-fresh="true"]').waitFor();
      await expect(popup.getByTestId('tab-status').textContent()).resolves.toContain('Synergy TeacherVUE (grade book)');
      await expect(popup.getByTestId('adapter-unverified').textContent()).resolves.toContain('has not yet been checked on a real page');
    } finally {
      await browser.close();
      await site.close();
    }
  }, 60_000);
});
