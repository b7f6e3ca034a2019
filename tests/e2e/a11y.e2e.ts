// Accessibility of every screen, with axe-core (the standard engine for automated checks): the popup's
// Today list, a card's evidence, the student view, the composer in each channel, the contact log and
// the empty popup, and the options page with its roster preview — in light and dark, in English and
// Spanish. No serious or critical violation may remain. The same run saves a screenshot of each screen
// per language to docs/screenshots/ (the README's "Screens").
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../support/browser.mjs';
import { demoCalendar, tabIdOf } from '../support/extension-pages.mjs';
import { startSite } from '../site/server.mjs';
import { generateClass, roleStudents } from '../site/gradebook-data.js';
import { countRows, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Site = Awaited<ReturnType<typeof startSite>>;

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const POPUP_VIEWPORT = { width: 420, height: 600 };
const OPTIONS_VIEWPORT = { width: 900, height: 900 };
const SCHEMES = ['light', 'dark'] as const;
const roles = roleStudents(generateClass(), 'p1');

let site: Site;

/** Serious and critical violations on the page as it is now, one line each (empty when clean). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.impact} ${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ')}`));
}

/** Checks the screen in light and dark; screenshots it (light) when `shot` is given. */
async function check(page: Page, lang: string, shot?: string, element?: string): Promise<void> {
  const found: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await seriousViolations(page)).map((line) => `[${colorScheme}] ${line}`));
  }
  await page.emulateMedia({ colorScheme: 'light' });
  // The popup fits the toolbar popup's width (no sideways scrolling) as well as a full tab.
  if (page.url().includes('/popup/')) {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, 'the popup scrolls sideways').toBeLessThanOrEqual(0);
  }
  if (shot) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${shot}-${lang}.png`);
    if (element) await page.locator(element).screenshot({ path, animations: 'disabled' });
    else await page.screenshot({ path, animations: 'disabled' });
  }
  expect(found).toEqual([]);
}

/** The demo's calendar and a signature, saved in the options page in any UI language. */
async function setCalendar(browser: Browser, calendar: { termStart: string; midterm: string; termEnd: string }): Promise<void> {
  const options = await browser.context.newPage();
  await options.goto(browser.optionsUrl());
  await options.locator('input[name="termStart"]').fill(calendar.termStart);
  await options.locator('textarea[name="reportDates"]').fill(`${calendar.midterm}\n${calendar.termEnd}`);
  await options.locator('input[name="termEnd"]').fill(calendar.termEnd);
  await options.locator('input[name="signature"]').fill('Ms. Dana Lee');
  await options.locator('form:has(input[name="termStart"]) button[type="submit"]').click();
  await options.locator('[data-testid="options-notice"]:not(:empty)').waitFor();
  await options.close();
}

/** A profile with two sections read from the demo gradebook, a family's contacts and one logged contact. */
async function seededBrowser(lang: string): Promise<{ browser: Browser; tabId: number }> {
  const browser = await launchBrowser({ lang });
  const grid = await browser.context.newPage();
  await grid.goto(`${site.origin}/gradebook/?section=p1&week=7`);
  await setCalendar(browser, await demoCalendar(grid));
  const other = await browser.context.newPage();
  await other.goto(`${site.origin}/gradebook/?section=p2&week=7`);
  await waitFor(async () => (await countRows(await browser.serviceWorker())).sections === 2, 'both sections to be stored');
  const studentId = `${site.origin}|demo-gradebook|${roles.missingRun!.id}`;
  const sectionId = `${site.origin}|demo-gradebook|p1`;
  // The family's contacts and a message sent last week, written as the background writes them.
  await (await browser.serviceWorker()).evaluate(
    async ({ family, contact }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('heads-up');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['families', 'contacts'], 'readwrite');
        tx.objectStore('families').put(family);
        tx.objectStore('contacts').add(contact);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      family: {
        studentId,
        guardians: [{ name: 'Jo Petrov', relation: 'mother', email: 'jo.petrov@example.org', phone: '+1 555 0100' }],
        preferredChannel: 'email',
        language: lang,
        updatedAt: Date.now(),
      },
      contact: {
        studentId: `${site.origin}|demo-gradebook|${roles.highAchiever!.id}`,
        sectionId,
        channel: 'email',
        kind: 'positive',
        reason: 'consistency',
        severity: 1,
        subject: 'Good news',
        text: 'A short note of good news.',
        to: 'Sam Rivera <sam@example.org>',
        sentAt: Date.now() - 6 * 86_400_000,
      },
    },
  );
  // The gradebook tabs stay open: the popup's status line tells what it read on the tab.
  const tabId = await tabIdOf(await browser.serviceWorker(), `${site.origin}/gradebook/?section=p1`);
  return { browser, tabId };
}

async function openPopup(browser: Browser, query = ''): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize(POPUP_VIEWPORT);
  await popup.goto(browser.popupUrl(query));
  await popup.locator('main[data-fresh="true"]').waitFor();
  return popup;
}

beforeAll(async () => {
  site = await startSite();
});

afterAll(async () => {
  await site?.close();
});

describe.each(['en', 'es'])('every screen is accessible (%s)', (lang) => {
  let browser: Browser;
  let tabId: number;
  const missingRunCard = (popup: Page) => popup.getByTestId('concerns').getByTestId('proposal').filter({ hasText: roles.missingRun!.name });

  beforeAll(async () => {
    ({ browser, tabId } = await seededBrowser(lang));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('the Today list, and a card with its evidence open', async () => {
    const popup = await openPopup(browser, `?tabId=${tabId}`);
    await check(popup, lang, 'popup-today');
    await missingRunCard(popup).locator('button[aria-expanded]').click();
    await missingRunCard(popup).locator('.evidence').waitFor();
    await check(popup, lang, 'popup-evidence', `[data-proposal-id="${await missingRunCard(popup).getAttribute('data-proposal-id')}"]`);
    await popup.close();
  });

  it('the student view', async () => {
    const popup = await openPopup(browser, `?tabId=${tabId}`);
    await missingRunCard(popup).locator('.student button').click();
    await popup.getByTestId('timeline').waitFor();
    await check(popup, lang, 'popup-student');
    await popup.close();
  });

  it('the composer, in each channel', async () => {
    const popup = await openPopup(browser, `?tabId=${tabId}`);
    await missingRunCard(popup).locator('.actions button:not(.secondary)').click();
    await popup.getByTestId('draft-body').waitFor();
    for (const channel of ['email', 'text', 'phone']) {
      await popup.getByTestId('channel-picker').locator(`input[value="${channel}"]`).check();
      await popup.getByTestId('composer').locator(channel === 'phone' ? '[data-testid="talking-points"]' : '[data-testid="draft-body"]').waitFor();
      await check(popup, lang, `popup-composer-${channel}`);
    }
    await popup.close();
  });

  it('the contact log', async () => {
    const popup = await openPopup(browser, `?tabId=${tabId}`);
    await popup.getByTestId('contact-entry').first().waitFor();
    await popup.getByTestId('contact-log').scrollIntoViewIfNeeded();
    await check(popup, lang, 'popup-contact-log', '[data-testid="contact-log"]');
    await popup.close();
  });

  it('the options page, and the roster preview after choosing a file', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize(OPTIONS_VIEWPORT);
    await options.goto(browser.optionsUrl());
    await options.locator('input[name="termStart"]').waitFor();
    await check(options, lang, 'options');
    const dir = mkdtempSync(join(tmpdir(), 'heads-up-roster-'));
    const csv = join(dir, 'roster.csv');
    writeFileSync(
      csv,
      [
        'Student ID,Guardian Name,Relationship,Email,Phone,Preferred Channel,Language',
        `${roles.missingRun!.id},Olga Petrova,mother,olga@example.org,+1 555 0101,text,es`,
        `${roles.sliding!.id},Ravi Rahman,father,ravi-at-example.org,,email,en`,
        'nobody,Kim Doe,aunt,kim@example.org,,,',
      ].join('\n'),
    );
    await options.getByTestId('roster-file').setInputFiles(csv);
    await options.getByTestId('roster-preview').waitFor();
    rmSync(dir, { recursive: true, force: true });
    await check(options, lang, 'options-roster', '[data-testid="families-import"]');
    await options.getByTestId('wipe-confirm').check();
    await check(options, lang);
    await options.close();
  });

  it('the generic reader’s mapping of a page no adapter knows', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/hostile-table.html`);
    const worker = await browser.serviceWorker();
    const pageTab = await worker.evaluate(async (start) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(start))?.id, `${site.origin}/hostile-table.html`);
    const popup = await openPopup(browser, `?tabId=${pageTab}`);
    await check(popup, lang);
    await popup.getByTestId('read-this-page').click();
    await popup.getByTestId('mapper-preview').waitFor();
    await check(popup, lang, 'popup-mapper', '[data-testid="generic-mapper"]');
    await popup.close();
    await page.close();
  });

  it('the sites and the families sections of the options page', async () => {
    const options = await browser.context.newPage();
    await options.setViewportSize(OPTIONS_VIEWPORT);
    await options.goto(browser.optionsUrl());
    await options.getByTestId('systems').waitFor();
    await check(options, lang, 'options-sites', '[data-testid="sites"]');
    await options.close();
  });

  it('the popup before anything was read', async () => {
    const empty = await launchBrowser({ lang });
    try {
      const popup = await openPopup(empty);
      await check(popup, lang, 'popup-empty');
    } finally {
      await empty.close();
    }
  });
});
