// The whole path in real Chromium with the BUILT extension: gradebook page → content script →
// background → IndexedDB → popup, a grade changed on an open page, a worker restart, a real
// PowerSchool page, and — over all of it — proof that nothing was sent anywhere but the local site.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { startLoggingProxy } from '../support/logging-proxy.mjs';
import { startSite } from '../site/server.mjs';
import { cellAt, generateClass, roleStudents } from '../site/gradebook-data.js';
import { demoCalendar, setCalendarInOptions, tabIdOf } from '../support/extension-pages.mjs';
import { countRows, readTable, stopServiceWorkers, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Site = Awaited<ReturnType<typeof startSite>>;
type Proxy = Awaited<ReturnType<typeof startLoggingProxy>>;

let site: Site;
let proxy: Proxy;
let browser: Browser;
let profileDir: string;
const requests: Array<{ url: string; fromWorker: boolean; frameUrl: string; navigation: boolean }> = [];

const klass = generateClass();
const roles = roleStudents(klass, 'p1');
const section = klass.sections.find((s: { id: string }) => s.id === 'p1')!;

/** The first week at which the recovering student's missing work shows as made up. */
function madeUpWeek(): number {
  for (let week = 2; week <= klass.weeks; week++) {
    for (const a of section.assignments) {
      const before = cellAt(section, roles.recovering!.id, a.id, week - 1);
      const after = cellAt(section, roles.recovering!.id, a.id, week);
      if (before.flags.missing && !after.flags.missing && after.text !== '—') return week;
    }
  }
  throw new Error('the demo class has no made-up work');
}

function record(request: Request): void {
  let frameUrl = '';
  try {
    frameUrl = request.frame().url();
  } catch {
    // requests of a service worker have no frame
  }
  requests.push({ url: request.url(), fromWorker: request.serviceWorker() !== null, frameUrl, navigation: request.isNavigationRequest() });
}

async function openPopup(tabUrlPrefix: string): Promise<Page> {
  const worker = await browser.serviceWorker();
  const tabId = await tabIdOf(worker, tabUrlPrefix);
  const popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl(`?tabId=${tabId}`));
  // The snapshot shows first; wait for the proposals recomputed for now.
  await popup.locator('main[data-fresh="true"]').waitFor();
  return popup;
}

beforeAll(async () => {
  site = await startSite();
  proxy = await startLoggingProxy({ allow: new URL(site.origin).host });
  profileDir = mkdtempSync(join(tmpdir(), 'heads-up-e2e-profile-'));
  browser = await launchBrowser({ proxy: proxy.address, userDataDir: profileDir });
  browser.context.on('request', record);
});

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await site?.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

describe('the walking skeleton in Chromium', () => {
  let grid: Page;
  const week = madeUpWeek() - 1;

  it('reads the demo grid, stores it in IndexedDB and lists proposals with evidence in the popup', async () => {
    grid = await browser.context.newPage();
    await grid.goto(`${site.origin}/gradebook/?section=p1&week=${week}`);
    await setCalendarInOptions(browser.context, browser.optionsUrl(), await demoCalendar(grid), 'Ms. Dana Lee');

    const worker = await browser.serviceWorker();
    const counts = await waitFor(async () => {
      const c = await countRows(worker);
      return c.readings! >= 1 && c.cells! > 0 ? c : undefined;
    }, 'the first reading to be stored');
    expect(counts.students).toBe(section.students.length);
    expect(counts.assignments).toBe(section.assignments.length);
    expect(counts.cells).toBe(section.students.length * section.assignments.length);
    expect(counts.events).toBeGreaterThan(0);

    const popup = await openPopup(`${site.origin}/gradebook/`);
    await expect(popup.getByTestId('tab-status').textContent()).resolves.toContain(
      `${section.students.length} students, ${section.assignments.length} assignments`,
    );
    const concerns = popup.getByTestId('concerns').getByTestId('proposal');
    const concernText = await concerns.allTextContents();
    expect(concernText.some((t) => t.includes(roles.missingRun!.name))).toBe(true);
    expect(concernText.some((t) => t.includes(roles.highAchiever!.name))).toBe(false);
    const positives = await popup.getByTestId('positives').getByTestId('proposal').allTextContents();
    expect(positives.some((t) => t.includes(roles.highAchiever!.name))).toBe(true);

    // The heads-up names the missing assignments, in the card's evidence and in the draft.
    const card = concerns.filter({ hasText: roles.missingRun!.name });
    const reason = await card.getAttribute('data-reason');
    expect(['missing-work', 'sliding-grade']).toContain(reason);
    await card.getByRole('button', { name: 'Show evidence' }).click();
    const missingNames = section.assignments
      .filter((a: { id: string }) => cellAt(section, roles.missingRun!.id, a.id, week).flags.missing)
      .map((a: { name: string }) => a.name);
    expect(missingNames.length).toBeGreaterThanOrEqual(1);
    for (const name of missingNames) await expect(card.textContent()).resolves.toContain(name);

    await card.getByRole('button', { name: 'Draft a message' }).click();
    const body = await popup.getByTestId('draft-body').inputValue();
    for (const name of missingNames) expect(body).toContain(name);
    expect(body).toContain('Ms. Dana Lee');
    const subject = await popup.getByTestId('draft-subject').inputValue();
    const mailto = await popup.getByTestId('open-email').getAttribute('href');
    expect(mailto).toMatch(/^mailto:\?subject=/);
    expect(decodeURIComponent(mailto!.split('subject=')[1]!.split('&')[0]!)).toBe(subject);

    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await popup.getByRole('button', { name: 'Copy' }).click();
    await popup.getByRole('status').filter({ hasText: 'Copied to the clipboard.' }).waitFor();
    expect(await popup.evaluate(() => navigator.clipboard.readText())).toBe(`${subject}\n\n${body}`);

    await popup.getByTestId('mark-sent').click();
    await popup.getByTestId('contact-entry').first().waitFor();
    await expect(popup.getByTestId('contact-log').textContent()).resolves.toContain(roles.missingRun!.name);
    const contacts = await readTable<{ reason: string; text: string; kind: string }>(worker, 'contacts');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ reason, kind: 'heads-up', text: body, subject });
    // Just contacted: the same concern is not proposed again.
    const after = await popup.getByTestId('concerns').getByTestId('proposal').allTextContents();
    expect(after.some((t) => t.includes(roles.missingRun!.name))).toBe(false);
    await popup.close();
  });

  it('turns a grade changed on the open page into a stored event and a changed popup', async () => {
    const worker = await browser.serviceWorker();
    const before = await countRows(worker);
    const popupBefore = await openPopup(`${site.origin}/gradebook/`);
    const proposalsBefore = await popupBefore.getByTestId('proposal').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-proposal-id')));
    await popupBefore.close();
    await grid.locator('#next-week').click();
    await waitFor(async () => (await countRows(worker)).events! > before.events!, 'new events after the next week');
    const recoveringId = await waitFor(async () => {
      const students = await readTable<{ id: string; key: string }>(worker, 'students');
      return students.find((s) => s.key === roles.recovering!.id)?.id;
    }, 'the recovering student');
    const events = await waitFor(async () => {
      const all = await readTable<{ kind: string; studentId: string }>(worker, 'events');
      const cleared = all.filter((e) => e.kind === 'missing-cleared' && e.studentId === recoveringId);
      return cleared.length > 0 ? cleared : undefined;
    }, 'the made-up work to be stored');
    expect(events.length).toBeGreaterThan(0);

    const popup = await openPopup(`${site.origin}/gradebook/`);
    const proposalsAfter = await popup.getByTestId('proposal').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-proposal-id')));
    expect(proposalsAfter).not.toEqual(proposalsBefore);
    // What the popup says about the student whose missing work was made up has changed with it.
    const aboutRecovering = (ids: Array<string | null>) => ids.filter((id) => id?.includes(`|${roles.recovering!.id}|`)).sort();
    expect(aboutRecovering(proposalsAfter)).not.toEqual(aboutRecovering(proposalsBefore));
    // A week of lower scores also brings the student sliding since week 3 to the teacher's attention.
    const sliding = popup.getByTestId('concerns').getByTestId('proposal').filter({ hasText: roles.sliding!.name });
    await expect(sliding.getAttribute('data-reason')).resolves.toBe('sliding-grade');
    // Her timeline shows the week's changes and the overall grade's trend across the two readings.
    await sliding.getByRole('button', { name: roles.sliding!.name }).click();
    await popup.getByTestId('trend-chart').waitFor();
    await expect(popup.getByTestId('trend-chart').getAttribute('aria-label')).resolves.toMatch(/^Overall grade over time, from [\d.]+% to [\d.]+%/);
    expect(await popup.getByTestId('timeline').locator('li[data-type="overall"]').count()).toBe(2);
    await popup.close();
  });

  it('loses nothing when the service worker is stopped, or the browser closed and reopened', async () => {
    const before = await countRows(await browser.serviceWorker());
    expect(await stopServiceWorkers(browser.context)).toBe(1);
    // The popup's first message starts a fresh worker; nothing it needs lived only in the old one.
    let popup = await openPopup(`${site.origin}/gradebook/`);
    expect(await popup.getByTestId('proposal').count()).toBeGreaterThan(0);
    await popup.close();
    expect(await countRows(await browser.serviceWorker())).toEqual(before);

    // Close the browser and start it again on the same profile, as a teacher does every day.
    await browser.close();
    browser = await launchBrowser({ proxy: proxy.address, userDataDir: profileDir });
    browser.context.on('request', record);
    const reopened = await browser.serviceWorker();
    expect(await countRows(reopened)).toEqual(before);

    // The gradebook read again in the new session: an identical reading adds nothing.
    grid = await browser.context.newPage();
    await grid.goto(`${site.origin}/gradebook/?section=p1&week=${week + 1}`);
    await waitFor(async () => {
      const records = await readTable<{ lastSeenAt: number; readAt: number }>(reopened, 'readings');
      return records.some((r) => r.lastSeenAt > r.readAt);
    }, 'the re-read in the new session to be recorded');
    expect(await countRows(reopened)).toEqual(before);
    popup = await openPopup(`${site.origin}/gradebook/`);
    expect(await popup.getByTestId('proposal').count()).toBeGreaterThan(0);
    await popup.close();
  });

  it('reads a saved real PowerSchool parent page served where PowerSchool serves it', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/guardian/scores.html`);
    const worker = await browser.serviceWorker();
    const sectionRow = await waitFor(async () => {
      const sections = await readTable<{ name: string; id: string; view: string }>(worker, 'sections');
      return sections.find((s) => s.name === 'AP Calculus BC');
    }, 'the PowerSchool section');
    expect(sectionRow.view).toBe('student-detail');
    const assignments = await readTable<{ sectionId: string; name: string }>(worker, 'assignments');
    expect(assignments.filter((a) => a.sectionId === sectionRow.id).map((a) => a.name)).toContain('Final Project');
    const popup = await openPopup(`${site.origin}/guardian/scores.html`);
    await expect(popup.getByTestId('tab-status').textContent()).resolves.toContain('1 student, 5 assignments');
    // the system as the teacher knows it, and no "unverified" note for a reader tested on real pages
    await expect(popup.getByTestId('tab-status').textContent()).resolves.toContain('PowerSchool (parent/student scores)');
    expect(await popup.getByTestId('adapter-unverified').count()).toBe(0);
    await popup.close();
    await page.close();
  });

  it('would notice a request from an extension context (the recorder works)', async () => {
    const worker = await browser.serviceWorker();
    await worker.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => undefined), `${site.origin}/__probe-from-worker`);
    const popup = await browser.context.newPage();
    await popup.goto(browser.popupUrl());
    await popup.evaluate((url) => fetch(url, { mode: 'no-cors' }).then(() => undefined), `${site.origin}/__probe-from-popup`);
    await popup.close();
    await waitFor(async () => site.requests.filter((r: { url: string }) => r.url.startsWith('/__probe')).length === 2, 'the probes to arrive');
    expect(requests.find((r) => r.url.endsWith('/__probe-from-worker'))?.fromWorker).toBe(true);
    expect(requests.find((r) => r.url.endsWith('/__probe-from-popup'))?.frameUrl).toMatch(/^chrome-extension:/);
    expect(proxy.seen.some((r) => r.target.endsWith('/__probe-from-worker'))).toBe(true);
  });

  it('sent no request anywhere but the local site, and none from an extension context', async () => {
    const isProbe = (url: string) => url.includes('/__probe-from-');
    const siteHost = new URL(site.origin).host;
    // Chromium itself (not the extension) checks for updates and account sign-in; it does so just the
    // same with no extension loaded. Those requests reach the proxy, which refuses them.
    const chromiumOwn = /(^|\.)(google\.com|googleapis\.com|gstatic\.com)$/;
    const hostOf = (target: string) => (target.startsWith('http') ? new URL(target).hostname : target.split(':')[0]!);
    const portHostOf = (target: string) => (target.startsWith('http') ? new URL(target).host : target);
    const proxied = proxy.seen.filter((r) => !isProbe(r.target));
    expect(proxied.filter((r) => portHostOf(r.target) === siteHost).length).toBeGreaterThan(0);
    expect(proxied.filter((r) => portHostOf(r.target) !== siteHost && !chromiumOwn.test(hostOf(r.target)))).toEqual([]);

    // Every request of the browser context (pages, extension pages, the service worker), as Playwright saw them.
    const network = requests.filter((r) => /^(https?|wss?):/.test(r.url) && !isProbe(r.url));
    expect(network.length).toBeGreaterThan(0);
    expect(network.filter((r) => new URL(r.url).host !== siteHost)).toEqual([]);
    // Only the site's own pages made requests: the test's navigations (a teacher opening the gradebook)
    // and what those pages load. Nothing came from the worker, the popup or the options page.
    const byPage = (r: (typeof network)[number]) => r.frameUrl.startsWith(site.origin) || (r.navigation && !r.frameUrl.startsWith('chrome-extension:'));
    expect(network.filter((r) => r.fromWorker || !byPage(r))).toEqual([]);
    const fromExtension = site.requests.filter(
      (r: { url: string; headers: Record<string, string | undefined> }) =>
        !isProbe(r.url) && `${r.headers.origin ?? ''} ${r.headers.referer ?? ''}`.includes('chrome-extension:'),
    );
    expect(fromExtension).toEqual([]);
  });
});
