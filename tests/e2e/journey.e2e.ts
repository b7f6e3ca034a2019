// A teacher's whole first week, with the KEYBOARD ONLY (Tab, typing, Enter, Space; the browser's own
// permission prompt answered with keys too), in headed Chromium on a virtual display:
// first run — calendar and signature, add the school's site, a roster CSV with an error row — then a
// week of grades entered on the open gradebook, the toolbar badge counting the heads-ups, a proposal
// picked, composed, sent and logged, and the badge counting one fewer.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { startXvfb } from '../support/xvfb.mjs';
import { startSite } from '../site/server.mjs';
import { generateClass, roleStudents } from '../site/gradebook-data.js';
import { readTable, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;

const klass = generateClass();
const roles = roleStudents(klass, 'p1');

/** Presses Tab until the focused element matches `selector` (as a keyboard user would), at most `max` times. */
async function tabTo(page: Page, selector: string, max = 150): Promise<void> {
  await page.locator(selector).first().waitFor();
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

async function badge(worker: Worker): Promise<string> {
  return worker.evaluate(() => chrome.action.getBadgeText({}));
}

describe('a teacher’s first week, keyboard only', () => {
  let site: Awaited<ReturnType<typeof startSite>>;
  let xvfb: Awaited<ReturnType<typeof startXvfb>>;
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    site = await startSite();
    xvfb = await startXvfb();
    browser = await launchBrowser({ headless: false, display: xvfb.display, hostRules: 'MAP school.test 127.0.0.1' });
    dir = mkdtempSync(join(tmpdir(), 'heads-up-journey-'));
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await xvfb?.stop();
    await site?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('sets up, reads a week of grades, and sends a heads-up, without a mouse', async () => {
    const port = new URL(site.origin).port;
    const school = `http://school.test:${port}`;
    const worker = await browser.serviceWorker();

    // 1. First run: the calendar and signature.
    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl());
    const gradebook = await browser.context.newPage();
    await gradebook.goto(`${school}/gradebook/?section=p1&week=4`);
    const calendar = await gradebook.locator('#term-week').evaluate((el) => ({ ...(el as HTMLElement).dataset }));
    await options.bringToFront();
    await tabTo(options, 'input[name="termStart"]');
    await options.keyboard.press('Control+A');
    await options.keyboard.type(calendar.termStart!);
    await options.keyboard.press('Tab');
    await options.keyboard.press('Control+A');
    await options.keyboard.type(`${calendar.midterm}\n${calendar.termEnd}`);
    await options.keyboard.press('Tab');
    await options.keyboard.press('Control+A');
    await options.keyboard.type(calendar.termEnd!);
    await tabTo(options, 'input[name="signature"]');
    await options.keyboard.press('Control+A');
    await options.keyboard.type('Ms. Rivera');
    await options.keyboard.press('Enter');
    await options.getByTestId('options-notice').filter({ hasText: 'Saved.' }).waitFor();

    // 2. The school's site: typed, Enter, and the browser's prompt accepted with the keyboard.
    await tabTo(options, '[data-testid="site-address"]');
    await options.keyboard.type(`${school}/gradebook/`);
    await options.keyboard.press('Enter');
    await xvfb.acceptPermission(options, () => worker.evaluate(() => chrome.permissions.contains({ origins: ['http://school.test/*'] })));
    await options.getByTestId('sites-notice').filter({ hasText: 'Added school.test.' }).waitFor();
    // the gradebook tab already open is read without a reload
    await waitFor(async () => ((await readTable<{ url: string }>(worker, 'readings')).some((r) => r.url.startsWith(school)) ? true : undefined), 'the open gradebook read');

    // 3. The roster: the file chosen from the keyboard (Space on the file input), one row refused with its reason.
    const firstLast = (name: string) => name.split(', ').reverse().join(' ');
    const csv = join(dir, 'roster.csv');
    writeFileSync(
      csv,
      [
        'Student ID,Student Name,Guardian Name,Relationship,Email,Phone,Preferred Channel,Language',
        `,"${firstLast(roles.missingRun!.name)}",Jo Petrov,mother,jo.petrov@example.org,,email,English`,
        `,"${firstLast(roles.sliding!.name)}",Ravi Rahman,father,ravi-at-example.org,,,`,
      ].join('\n'),
    );
    await tabTo(options, '[data-testid="roster-file"]');
    const [chooser] = await Promise.all([options.waitForEvent('filechooser'), options.keyboard.press('Space')]);
    await chooser.setFiles(csv);
    await expect(options.getByTestId('roster-summary').textContent()).resolves.toBe('1 ready, 0 to check, 1 skipped.');
    await expect(options.getByTestId('roster-preview').textContent()).resolves.toContain('"ravi-at-example.org" is not an email address');
    await tabTo(options, '[data-testid="roster-import"]');
    await options.keyboard.press('Enter');
    await options.getByTestId('families-notice').filter({ hasText: 'Saved contacts for 1 student.' }).waitFor();

    // 4. A week of grades entered on the open gradebook ("Next week →", by keyboard).
    await gradebook.bringToFront();
    const readingsBefore = (await readTable(worker, 'readings')).length;
    await tabTo(gradebook, '#next-week');
    await gradebook.keyboard.press('Enter');
    await waitFor(async () => ((await readTable(worker, 'readings')).length > readingsBefore ? true : undefined), 'the new week read');

    // 5. The badge counts the heads-ups the popup lists.
    const tabId = await waitFor(
      () => worker.evaluate(async (start) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(start))?.id, school),
      'the gradebook tab',
    );
    const popup = await browser.context.newPage();
    await popup.goto(browser.popupUrl(`?tabId=${tabId}`));
    await popup.locator('main[data-fresh="true"]').waitFor();
    const concerns = await popup.getByTestId('concerns').getByTestId('proposal').count();
    expect(concerns).toBeGreaterThan(0);
    const shownBefore = await waitFor(async () => {
      const text = await badge(worker);
      return text === '' ? undefined : text;
    }, 'a badge');
    expect(Number(shownBefore)).toBeGreaterThanOrEqual(concerns);

    // 6. Pick the proposal for the student with the missing work, compose, hand it to the mail app, log it.
    await popup.evaluate(() => {
      // the mailto: link is caught here, as the mail app would receive it
      (window as unknown as { opened: string[] }).opened = [];
      document.addEventListener('click', (event) => {
        const link = (event.target as Element | null)?.closest?.('a[href^="mailto:"]');
        if (!link) return;
        event.preventDefault();
        (window as unknown as { opened: string[] }).opened.push(link.getAttribute('href') ?? '');
      }, true);
    });
    const student = roles.missingRun!.name;
    await popup.getByTestId('concerns').getByTestId('proposal').filter({ hasText: student }).getByRole('button', { name: 'Draft a message' }).evaluate((el) => el.setAttribute('data-journey', 'draft'));
    await tabTo(popup, '[data-journey="draft"]');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('composer').waitFor();
    await tabTo(popup, '[data-testid="open-email"]');
    await popup.keyboard.press('Enter');
    const opened = await popup.evaluate(() => (window as unknown as { opened: string[] }).opened);
    expect(opened[0]).toMatch(/^mailto:jo\.petrov%40example\.org\?subject=/);
    await tabTo(popup, '[data-testid="mark-sent"]');
    await popup.keyboard.press('Enter');
    await popup.getByTestId('contact-entry').first().waitFor();
    await expect(popup.getByTestId('contact-log').textContent()).resolves.toContain(student);
    const contacts = await readTable<{ channel: string; to?: string; kind: string }>(worker, 'contacts');
    expect(contacts).toHaveLength(1);
    expect(contacts[0], JSON.stringify(contacts[0])).toMatchObject({ channel: 'email', kind: 'heads-up', to: 'Jo Petrov <jo.petrov@example.org>' });

    // 7. The badge counts one fewer: that family has just heard from the teacher.
    await waitFor(async () => (Number(await badge(worker)) === Number(shownBefore) - 1 ? true : undefined), 'the badge one fewer');
  }, 240_000);
});
