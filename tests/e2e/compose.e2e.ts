// The composer as a teacher uses it: from the demo gradebook, open the popup, pick a proposal, switch
// channel and language, edit, see a tone finding appear and apply its rewrite, open mailto: (caught by
// the test), mark as sent, and see the log and the cadence take effect.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { demoCalendar, setCalendarInOptions, tabIdOf } from '../support/extension-pages.mjs';
import { startSite } from '../site/server.mjs';
import { generateClass, roleStudents } from '../site/gradebook-data.js';
import { countRows, readTable, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Site = Awaited<ReturnType<typeof startSite>>;

let site: Site;
let browser: Browser;
let popup: Page;
const roles = roleStudents(generateClass(), 'p1');

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const grid = await browser.context.newPage();
  await grid.goto(`${site.origin}/gradebook/?section=p1&week=7`);
  await setCalendarInOptions(browser.context, browser.optionsUrl(), await demoCalendar(grid), 'Ms. Dana Lee');
  await waitFor(async () => (await countRows(await browser.serviceWorker())).cells === 28 * 20, 'the grid to be stored');
  // The family's contacts, as the roster import will store them.
  await (await browser.serviceWorker()).evaluate(
    async (family) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('heads-up');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('families', 'readwrite');
        tx.objectStore('families').put(family);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    {
      studentId: `${site.origin}|demo-gradebook|${roles.missingRun!.id}`,
      guardians: [{ name: 'Jo Petrov', relation: 'mother', email: 'jo.petrov@example.org', phone: '+1 555 0100' }],
      preferredChannel: 'email',
      language: 'en',
      updatedAt: Date.now(),
    },
  );
  const tabId = await tabIdOf(await browser.serviceWorker(), `${site.origin}/gradebook/`);
  popup = await browser.context.newPage();
  // Catch links to the teacher's apps instead of letting the browser hand them to the system.
  await popup.addInitScript(() => {
    document.addEventListener(
      'click',
      (event) => {
        const link = (event.target as Element | null)?.closest?.('a[href^="mailto:"], a[href^="sms:"], a[href^="tel:"]');
        if (!link) return;
        event.preventDefault();
        (window as unknown as { opened: string[] }).opened ??= [];
        (window as unknown as { opened: string[] }).opened.push(link.getAttribute('href') ?? '');
      },
      true,
    );
  });
  await popup.goto(browser.popupUrl(`?tabId=${tabId}`));
  await popup.locator('main[data-fresh="true"]').waitFor();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

const body = () => popup.getByTestId('draft-body').inputValue();

describe('composing a heads-up', () => {
  it('opens the draft for a concern, naming the work', async () => {
    const card = popup.getByTestId('concerns').getByTestId('proposal').filter({ hasText: roles.missingRun!.name });
    await card.getByRole('button', { name: 'Draft a message' }).click();
    await popup.getByTestId('composer').waitFor();
    expect(await body()).toMatch(/Dear|Hello|Hi/);
    await expect(popup.getByTestId('student-note').textContent()).resolves.not.toBe('');
  });

  it('rewrites it as a short text without scores, with its segment count, an sms: link and a QR code', async () => {
    await popup.getByTestId('channel-picker').getByLabel('Text message').check();
    const text = await body();
    expect(text.length).toBeLessThan(320);
    expect(text).not.toMatch(/\d+\s*\/\s*\d+|\d+(\.\d+)?\s*%/);
    await expect(popup.getByTestId('sms-segments').textContent()).resolves.toMatch(/^[12] text message/);
    await expect(popup.getByTestId('open-text').getAttribute('href')).resolves.toMatch(/^sms:.*\?body=/);
    await expect(popup.getByTestId('sms-qr').isVisible()).resolves.toBe(true);
  });

  it('writes it in Spanish, and warns that the teacher’s own edits are not translated', async () => {
    await popup.getByTestId('channel-picker').getByLabel('Email').check();
    await popup.getByTestId('draft-body').fill(`${await body()}\nP.S. I added this line myself.`);
    await popup.getByTestId('language-picker').selectOption('es');
    await popup.getByRole('status').filter({ hasText: 'not translated' }).waitFor();
    const spanish = await body();
    expect(spanish).toMatch(/Le escribo|familia|Buen día/);
    expect(spanish).not.toContain('I added this line myself');
    await popup.getByTestId('language-picker').selectOption('en');
  });

  it('flags a trigger word as the teacher types, and applies the offered rewrite', async () => {
    await popup.getByTestId('draft-body').fill(`${await body()}\nHe is lazy about homework.`);
    const finding = popup.getByTestId('tone-finding').filter({ hasText: 'lazy' }).first();
    await finding.waitFor();
    await finding.getByRole('button').click();
    expect(await body()).not.toMatch(/\blazy\b/);
    await expect(popup.getByTestId('tone-finding').filter({ hasText: 'lazy' }).count()).resolves.toBe(0);
  });

  it('hands the email to the mail app, then logs it as sent and stops proposing the same concern', async () => {
    const subject = await popup.getByTestId('draft-subject').inputValue();
    await popup.getByTestId('open-email').click();
    const opened = await popup.evaluate(() => (window as unknown as { opened?: string[] }).opened ?? []);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatch(/^mailto:jo\.petrov%40example\.org\?subject=/);
    expect(decodeURIComponent(opened[0]!.split('subject=')[1]!.split('&')[0]!)).toBe(subject);
    const sent = await body();

    await popup.getByTestId('mark-sent').click();
    await popup.getByTestId('contact-entry').first().waitFor();
    const contacts = await readTable<{ channel: string; text: string; kind: string }>(await browser.serviceWorker(), 'contacts');
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ channel: 'email', kind: 'heads-up', text: sent, to: 'Jo Petrov <jo.petrov@example.org>' });
    await popup.locator('main[data-fresh="true"]').waitFor();
    const concerns = await popup.getByTestId('concerns').getByTestId('proposal').allTextContents();
    expect(concerns.some((c) => c.includes(roles.missingRun!.name))).toBe(false);
  });

  it('shows the contact in the student’s timeline, beside the family’s contacts', async () => {
    await popup.getByTestId('contact-log').getByRole('button', { name: 'Timeline' }).first().click();
    const view = popup.getByTestId('student-view');
    await view.waitFor();
    await expect(view.textContent()).resolves.toContain('Jo Petrov (mother)');
    const contact = popup.getByTestId('timeline').locator('li[data-type="contact"]');
    await expect(contact.textContent()).resolves.toContain('heads-up sent by email to Jo Petrov <jo.petrov@example.org>');
    expect(await popup.getByTestId('timeline').locator('li[data-type="event"]').count()).toBeGreaterThan(5);
    await popup.getByRole('button', { name: '← Back' }).click();
    await popup.getByTestId('concerns').waitFor();
  });

  it('drafts with the teacher’s own wording after a template is edited in the options page', async () => {
    await popup.reload();
    await popup.locator('main[data-fresh="true"]').waitFor();
    const first = popup.getByTestId('concerns').getByTestId('proposal').first();
    const reason = await first.getAttribute('data-reason');
    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl());
    await options.getByTestId('template-group').selectOption(`concerns › ${reason}`);
    await options.locator(`li[data-path="concerns.${reason}.subject.0"] textarea`).fill('Checking in on {firstName}, from {sectionName}');
    await options.getByTestId('templates-save').click();
    await options.getByTestId('templates-notice').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();

    await popup.reload();
    await popup.locator('main[data-fresh="true"]').waitFor();
    await popup.getByTestId('concerns').getByTestId('proposal').first().getByRole('button', { name: 'Draft a message' }).click();
    await expect(popup.getByTestId('draft-subject').inputValue()).resolves.toMatch(/^Checking in on \S+, from English 9/);
  });
});
