// Sites and the generic reader, in real Chromium with the built extension:
// - the generic table reader on two real teacher grids (Moodle's grader report, RosarioSIS's gradebook)
//   with their dedicated adapters switched off in options: "Read this page" in the popup, the proposed
//   mapping corrected by the test's clicks, saved, stored in IndexedDB, and reused after a reload;
// - the permission flow on a site that is not built in: added in options, the browser's own prompt
//   answered with the keyboard (headed Chromium on Xvfb), the content script registered and the open
//   page read; removed, and nothing more is read there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { startXvfb } from '../support/xvfb.mjs';
import { startSite } from '../site/server.mjs';
import { readTable, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Site = Awaited<ReturnType<typeof startSite>>;

interface StoredReading {
  sectionId: string;
  adapterId: string;
  url: string;
  readAt: number;
  studentCount: number;
  assignmentCount: number;
}

/** The id of the tab showing a URL that starts with `prefix` (the extension may see granted sites' tabs). */
async function tabShowing(worker: Worker, prefix: string): Promise<number> {
  return waitFor(
    () => worker.evaluate(async (start) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(start))?.id, prefix),
    `a tab showing ${prefix}`,
  );
}

async function tabStatus(worker: Worker, tabId: number): Promise<{ adapterId: string; students: number; assignments: number } | undefined> {
  const status = await worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
  return status as { adapterId: string; students: number; assignments: number } | undefined;
}

async function readingsFrom(worker: Worker, urlPrefix: string): Promise<StoredReading[]> {
  return (await readTable<StoredReading>(worker, 'readings')).filter((r) => r.url.startsWith(urlPrefix));
}

async function switchOffAdapters(browser: Browser, ids: string[]): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(browser.optionsUrl());
  for (const id of ids) {
    const box = options.locator(`input[data-adapter="${id}"]`);
    await box.uncheck();
    await options.getByTestId('sites-notice').filter({ hasText: 'Saved.' }).waitFor();
    await expect(box.isChecked()).resolves.toBe(false);
  }
  await options.close();
}

/** Opens the popup about a tab, asks it to read the page, and returns it with the mapper shown. */
async function openMapper(browser: Browser, tabId: number): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl(`?tabId=${tabId}`));
  await popup.locator('main[data-fresh="true"]').waitFor();
  await popup.getByTestId('read-this-page').click();
  await popup.getByTestId('mapper-counts').waitFor();
  return popup;
}

/** The role select of the column whose header starts with `header`. */
function columnSelect(popup: Page, header: string) {
  const escaped = header.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return popup.getByTestId('mapper-columns').locator('li').filter({ has: popup.locator('.mapper-header', { hasText: new RegExp(`^${escaped}`) }) }).locator('select');
}

describe('the generic reader on real teacher grids without their adapters', () => {
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite();
    browser = await launchBrowser();
    await switchOffAdapters(browser, ['moodle-grader', 'rosariosis-teacher']);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('reads the Moodle grader report as the teacher maps it, and again after a reload', async () => {
    const pageUrl = `${site.origin}/grade/report/grader/index.php?id=2`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const worker = await browser.serviceWorker();
    const tabId = await tabShowing(worker, pageUrl);
    // the dedicated adapter is off and nothing is mapped yet: nothing is read
    await page.waitForTimeout(1_000);
    expect(await readingsFrom(worker, site.origin + '/grade/')).toEqual([]);

    const popup = await openMapper(browser, tabId);
    await expect(popup.getByTestId('mapper-counts').textContent()).resolves.toContain('28 students and 17 assignments');
    await expect(columnSelect(popup, 'Course total').inputValue()).resolves.toBe('overall');
    await expect(columnSelect(popup, 'Homework total').inputValue()).resolves.toBe('ignore');
    // The teacher leaves the district benchmark out (it does not count in this class)
    await columnSelect(popup, 'Fall District Benchmark').selectOption('ignore');
    await popup.getByTestId('mapper-counts').filter({ hasText: '28 students and 16 assignments' }).waitFor();
    await expect(popup.getByTestId('mapper-preview').locator('tbody tr').first().textContent()).resolves.toContain('Mateo Alvarez');
    await popup.getByTestId('mapper-save').click();
    await popup.getByTestId('page-access-notice').filter({ hasText: 'Saved.' }).waitFor();

    const [reading] = await waitFor(async () => {
      const found = await readingsFrom(worker, pageUrl);
      return found.length > 0 ? found : undefined;
    }, 'the mapped Moodle page stored');
    expect(reading).toMatchObject({ adapterId: 'generic-table', studentCount: 28, assignmentCount: 16 });
    const assignments = await readTable<{ sectionId: string; name: string }>(worker, 'assignments');
    const names = assignments.filter((a) => a.sectionId === reading!.sectionId).map((a) => a.name);
    expect(names).toContain('Unit 2 Test: Linear Functions');
    expect(names.some((name) => name.startsWith('Fall District Benchmark'))).toBe(false);
    const overall = await readTable<{ sectionId: string; percent?: number }>(worker, 'overall');
    expect(overall.filter((o) => o.sectionId === reading!.sectionId).map((o) => o.percent)).toContain(72.38);

    // The mapping is saved for the site and page pattern: a reload (another class id) reads by itself.
    await worker.evaluate(async (id) => chrome.storage.session.remove(`tab:${id}`), tabId);
    await page.goto(`${site.origin}/grade/report/grader/index.php?id=7`);
    const status = await waitFor(() => tabStatus(worker, tabId), 'the reloaded page read with the saved mapping');
    expect(status).toMatchObject({ adapterId: 'generic-table', students: 28, assignments: 16 });
    await popup.close();
    await page.close();
  }, 120_000);

  it('reads the RosarioSIS gradebook grid through the popup, composite cells and all', async () => {
    const pageUrl = `${site.origin}/Modules.php?modname=Grades/Grades.php&period=1&assignment_id=all`;
    const page = await browser.context.newPage();
    await page.goto(pageUrl);
    const worker = await browser.serviceWorker();
    const tabId = await tabShowing(worker, pageUrl);
    const popup = await openMapper(browser, tabId);
    await expect(popup.getByTestId('mapper-counts').textContent()).resolves.toContain('28 students and 16 assignments');
    await expect(columnSelect(popup, 'Student').inputValue()).resolves.toBe('student');
    // The proposal has no overall column on this grid; the teacher leaves out the extra credit
    await columnSelect(popup, 'Homework Extra Credit').selectOption('ignore');
    await popup.getByTestId('mapper-counts').filter({ hasText: '28 students and 15 assignments' }).waitFor();
    await popup.getByTestId('mapper-save').click();
    await popup.getByTestId('page-access-notice').filter({ hasText: 'Saved.' }).waitFor();

    const [reading] = await waitFor(async () => {
      const found = await readingsFrom(worker, pageUrl);
      return found.length > 0 ? found : undefined;
    }, 'the mapped RosarioSIS page stored');
    expect(reading).toMatchObject({ adapterId: 'generic-table', studentCount: 28, assignmentCount: 15 });
    const students = await readTable<{ id: string; sectionIds: string[]; name: string }>(worker, 'students');
    const marcus = students.find((s) => s.name === 'Marcus Bell' && s.sectionIds.includes(reading!.sectionId));
    const assignments = await readTable<{ id: string; sectionId: string; name: string }>(worker, 'assignments');
    const hw36 = assignments.find((a) => a.sectionId === reading!.sectionId && a.name.startsWith('Homework HW 3.6'));
    const cells = await readTable<{ studentId: string; assignmentId: string; raw: string; score: { points?: number; outOf?: number } }>(worker, 'cells');
    const cell = cells.find((c) => c.studentId === marcus?.id && c.assignmentId === hw36?.id);
    expect(cell?.score).toMatchObject({ points: 6, outOf: 10 });
    await popup.close();
    await page.close();
  }, 120_000);
});

describe('a school site added and removed by the teacher (headed Chromium on Xvfb)', () => {
  let site: Site;
  let browser: Browser;
  let xvfb: Awaited<ReturnType<typeof startXvfb>>;

  beforeAll(async () => {
    site = await startSite();
    xvfb = await startXvfb();
    // school.test is the demo server under a name the extension has no access to until it is granted
    browser = await launchBrowser({ headless: false, display: xvfb.display, hostRules: 'MAP school.test 127.0.0.1' });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await xvfb?.stop();
    await site?.close();
  });

  it('reads a site only between the teacher adding it and removing it', async () => {
    const port = new URL(site.origin).port;
    const schoolUrl = `http://school.test:${port}/gradebook/?section=p1`;
    const worker = await browser.serviceWorker();
    const registeredMatches = () =>
      worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []));
    const granted = () => worker.evaluate(async () => chrome.permissions.contains({ origins: ['http://school.test/*'] }));

    const page = await browser.context.newPage();
    await page.goto(schoolUrl);
    await page.waitForTimeout(1_500);
    expect(await granted()).toBe(false);
    expect(await registeredMatches()).not.toContain('http://school.test/*');
    expect((await readTable<StoredReading>(worker, 'readings')).filter((r) => r.url.includes('school.test'))).toEqual([]);

    // Add the site in options; the browser asks; the teacher accepts with the keyboard.
    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl());
    await options.getByTestId('site-address').fill(`http://school.test:${port}/gradebook/`);
    await options.getByTestId('site-add').click();
    await xvfb.acceptPermission(options, granted);
    await options.getByTestId('sites-notice').filter({ hasText: 'Added school.test.' }).waitFor();
    await expect(options.getByTestId('sites-list').textContent()).resolves.toContain('school.test');
    await waitFor(async () => ((await registeredMatches()).includes('http://school.test/*') ? true : undefined), 'the content script registered for school.test');

    // The page already open is read without a reload.
    const first = await waitFor(async () => {
      const found = (await readTable<StoredReading>(worker, 'readings')).filter((r) => r.url.startsWith('http://school.test'));
      return found.length > 0 ? found : undefined;
    }, 'a reading of the open school.test page');
    expect(first[0]).toMatchObject({ adapterId: 'demo-gradebook', studentCount: 28 });

    // Remove it: the permission is withdrawn, the registration follows, and nothing more is read there.
    await options.getByRole('button', { name: 'Remove school.test' }).click();
    await options.getByTestId('sites-notice').filter({ hasText: 'Removed school.test' }).waitFor();
    expect(await granted()).toBe(false);
    await waitFor(async () => ((await registeredMatches()).includes('http://school.test/*') ? undefined : true), 'the registration withdrawn');
    const before = (await readTable<StoredReading>(worker, 'readings')).filter((r) => r.url.startsWith('http://school.test')).length;

    // The open page changes (the still-running script's reading is refused) and another is opened fresh…
    await page.bringToFront();
    await page.locator('#next-week').click();
    const later = await browser.context.newPage();
    await later.goto(`http://school.test:${port}/gradebook/?section=p2&week=6`);
    // …while a page of a site still enabled is read as usual (the control that reading still works).
    const control = await browser.context.newPage();
    await control.goto(`${site.origin}/gradebook/?section=p3&week=6`);
    await waitFor(async () => {
      const found = (await readTable<StoredReading>(worker, 'readings')).filter((r) => r.url.startsWith(`${site.origin}/gradebook/?section=p3`));
      return found.length > 0 ? found : undefined;
    }, 'the control page read');
    await later.waitForTimeout(1_500);
    const after = (await readTable<StoredReading>(worker, 'readings')).filter((r) => r.url.startsWith('http://school.test')).length;
    expect(after).toBe(before);

    // Added again: the pages still open are read again, without a reload — including the one whose
    // script stopped when its reading was refused (it gives way to the fresh one the background starts).
    const stoppedPageUrl = page.url();
    const stoppedPageReadings = async () => (await readTable<StoredReading>(worker, 'readings')).filter((r) => r.url === stoppedPageUrl).length;
    const beforeReAdd = await stoppedPageReadings();
    await options.bringToFront();
    await options.getByTestId('site-address').fill(`http://school.test:${port}/gradebook/`);
    await options.getByTestId('site-add').click();
    await xvfb.acceptPermission(options, granted);
    await waitFor(async () => ((await stoppedPageReadings()) > beforeReAdd ? true : undefined), 'the page whose script had stopped read again');
  }, 180_000);
});
