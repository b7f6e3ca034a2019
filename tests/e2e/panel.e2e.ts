// The teacher's panel: narrowing the lists to one section, and moving the thresholds in the options
// page — with the keyboard, as a teacher between classes would.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { demoCalendar, setCalendarInOptions, tabIdOf } from '../support/extension-pages.mjs';
import { startSite } from '../site/server.mjs';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateClass, roleStudents } from '../site/gradebook-data.js';
import { countRows, readTable, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Site = Awaited<ReturnType<typeof startSite>>;

let site: Site;
let browser: Browser;
const klass = generateClass();
const sectionName = (id: string) => klass.sections.find((s: { id: string }) => s.id === id)!.name as string;

async function openPopup(): Promise<Page> {
  const tabId = await tabIdOf(await browser.serviceWorker(), `${site.origin}/gradebook/`);
  const popup = await browser.context.newPage();
  await popup.goto(browser.popupUrl(`?tabId=${tabId}`));
  await popup.locator('main[data-fresh="true"]').waitFor();
  return popup;
}

const concernCount = async (popup: Page) => popup.getByTestId('concerns').getByTestId('proposal').count();

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const grid = await browser.context.newPage();
  await grid.goto(`${site.origin}/gradebook/?section=p1&week=7`);
  await setCalendarInOptions(browser.context, browser.optionsUrl(), await demoCalendar(grid), 'Ms. Dana Lee');
  const other = await browser.context.newPage();
  await other.goto(`${site.origin}/gradebook/?section=p2&week=7`);
  await waitFor(async () => (await countRows(await browser.serviceWorker())).sections === 2, 'both sections to be stored');
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('the teacher’s panel', () => {
  it('narrows every list to the section chosen with the keyboard', async () => {
    const popup = await openPopup();
    const sections = new Set(await popup.getByTestId('proposal').locator('.section').allTextContents());
    expect(sections).toEqual(new Set([sectionName('p1'), sectionName('p2')]));
    await popup.getByTestId('section-filter').focus();
    await popup.getByTestId('section-filter').selectOption({ label: sectionName('p2') });
    const shown = new Set(await popup.getByTestId('proposal').locator('.section').allTextContents());
    expect(shown).toEqual(new Set([sectionName('p2')]));
    await popup.close();
  });

  it('refuses a threshold that is not a number, and proposes fewer heads-ups under a lower line', async () => {
    const before = await concernCount(await openPopup());
    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl());
    const lowGrade = options.locator('input[name="lowGrade"]');
    await lowGrade.focus();
    await options.keyboard.press('Control+A');
    await options.keyboard.type('150');
    await options.keyboard.press('Enter');
    await options.getByTestId('options-notice').filter({ hasText: 'is not a number between 0 and 100' }).waitFor();
    await lowGrade.focus();
    await options.keyboard.press('Control+A');
    await options.keyboard.type('40');
    await options.keyboard.press('Enter');
    await options.getByTestId('options-notice').filter({ hasText: 'Saved.' }).waitFor();
    await options.close();
    const after = await concernCount(await openPopup());
    expect(after).toBeLessThan(before);
  });

  it('speaks Spanish when the browser does', async () => {
    const spanish = await launchBrowser({ lang: 'es' });
    try {
      const options = await spanish.context.newPage();
      await options.goto(spanish.optionsUrl());
      await expect(options.locator('h1').textContent()).resolves.toBe('Configuración de Heads-Up');
      const popup = await spanish.context.newPage();
      await popup.goto(spanish.popupUrl());
      await popup.locator('main[data-fresh="true"]').waitFor();
      await expect(popup.getByTestId('concerns').locator('h2').textContent()).resolves.toMatch(/^Avisar ahora/);
    } finally {
      await spanish.close();
    }
  });

  it('imports families from a roster CSV, with every skipped row explained, and drafts in their channel and language', async () => {
    const roles = roleStudents(klass, 'p1');
    const firstLast = (name: string) => name.split(', ').reverse().join(' ');
    const dir = mkdtempSync(join(tmpdir(), 'heads-up-roster-'));
    const csv = join(dir, 'roster.csv');
    writeFileSync(
      csv,
      [
        'Student ID,Student Name,Guardian Name,Relationship,Email,Phone,Preferred Channel,Language',
        `${roles.missingRun!.id},,Olga Petrova,mother,olga@example.org,+1 555 0101,text,Spanish`,
        `,"${firstLast(roles.sliding!.name)}",Ravi Rahman,father,ravi@example.org,,email,English`,
        `,"${firstLast(roles.highAchiever!.name)}",Sam O'Brien,father,sam-at-example.org,,,`,
        ',Nobody Atall,Kim Doe,aunt,kim@example.org,,,',
      ].join('\n'),
    );
    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl());
    await options.getByTestId('roster-file').setInputFiles(csv);
    await expect(options.getByTestId('roster-summary').textContent()).resolves.toBe('2 ready, 0 to check, 2 skipped.');
    await expect(options.getByTestId('roster-preview').textContent()).resolves.toContain('"sam-at-example.org" is not an email address');
    await expect(options.getByTestId('roster-preview').textContent()).resolves.toContain('no student called Nobody Atall');
    await options.getByTestId('roster-import').click();
    await options.getByTestId('families-notice').filter({ hasText: 'Saved contacts for 2 students.' }).waitFor();
    await options.close();
    rmSync(dir, { recursive: true, force: true });
    const families = await readTable<{ preferredChannel?: string; language?: string }>(await browser.serviceWorker(), 'families');
    expect(families).toHaveLength(2);

    const popup = await openPopup();
    await popup.getByTestId('concerns').getByTestId('proposal').filter({ hasText: roles.missingRun!.name }).getByRole('button', { name: 'Draft a message' }).click();
    await expect(popup.getByTestId('channel-picker').getByLabel('Text message').isChecked()).resolves.toBe(true);
    await expect(popup.getByTestId('language-picker').inputValue()).resolves.toBe('es');
    await expect(popup.getByTestId('open-text').getAttribute('href')).resolves.toMatch(/^sms:\+15550101\?body=/);
  });
});

describe('a section with its own calendar', () => {
  it('proposes against that section’s report dates, and the others against the default, until it is removed', async () => {
    const worker = await browser.serviceWorker();
    const snapshotDates = async () => {
      const [snapshot] = await readTable<{ proposals: Array<{ sectionId: string; nextReportDate?: string }> }>(worker, 'snapshots');
      const bySection = new Map<string, Set<string | undefined>>();
      for (const p of snapshot?.proposals ?? []) {
        const name = p.sectionId.endsWith('|p2') ? 'p2' : 'other';
        bySection.set(name, (bySection.get(name) ?? new Set()).add(p.nextReportDate));
      }
      return bySection;
    };
    const before = await snapshotDates();
    const defaultDates = [...(before.get('p2') ?? [])];
    expect(defaultDates.length).toBeGreaterThan(0);
    // two weeks before the default's next report date: the semester section's own report goes home earlier
    const own = new Date(Date.parse(`${defaultDates[0]}T12:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
    const termStart = new Date(Date.parse(`${own}T12:00:00Z`) - 60 * 86_400_000).toISOString().slice(0, 10);

    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl());
    await options.getByTestId('section-calendar-section').selectOption({ label: sectionName('p2') });
    await options.locator('input[name="sectionTermStart"]').fill(termStart);
    await options.locator('textarea[name="sectionReportDates"]').fill(`${own}\n${defaultDates[0]}`);
    await options.locator('input[name="sectionTermEnd"]').fill(defaultDates[0]!);
    await options.getByTestId('section-calendar-save').click();
    await options.getByTestId('section-calendar-notice').filter({ hasText: 'Saved.' }).waitFor();
    await expect(options.getByTestId('section-calendars-list').textContent()).resolves.toContain(sectionName('p2'));

    const withOwn = await waitFor(async () => {
      const dates = await snapshotDates();
      return dates.get('p2')?.has(own) ? dates : undefined;
    }, 'the p2 proposals recomputed against its own calendar');
    expect([...withOwn.get('p2')!]).toEqual([own]);
    expect(withOwn.get('other')?.has(own)).toBe(false);

    await options.getByTestId('section-calendar-remove').click();
    await options.getByTestId('section-calendar-notice').filter({ hasText: 'follows the calendar above' }).waitFor();
    await waitFor(async () => ((await snapshotDates()).get('p2')?.has(own) ? undefined : true), 'p2 back on the default calendar');
    await options.close();
  }, 60_000);
});
