// A family's contacts typed in by hand in the options page, with the keyboard only, as a teacher who
// got a new phone number at a parent meeting would: find the student, fill the guardian, have a wrong
// email refused with its reason, correct it, save; the contacts are stored and shown again later.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { startSite } from '../site/server.mjs';
import { countRows, readTable, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Site = Awaited<ReturnType<typeof startSite>>;
interface StudentRow {
  id: string;
  name: string;
}
interface FamilyRow {
  studentId: string;
  guardians: Array<Record<string, string>>;
  preferredChannel?: string;
  language?: string;
  updatedAt: number;
}

let site: Site;
let browser: Browser;
let student: StudentRow;

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { id: el?.id ?? '', testId: el?.dataset.testid ?? '', text: el?.textContent ?? '', value: (el as HTMLInputElement | null)?.value ?? '' };
  });

/** Waits for the focus to land on the element with this id (the page moves it after a render). */
async function focusLandsOn(page: Page, id: string): Promise<void> {
  await page.waitForFunction((wanted) => document.activeElement?.id === wanted, id, { timeout: 5_000 }).catch(async () => {
    throw new Error(`the focus is on ${JSON.stringify(await focused(page))}, not #${id}`);
  });
}

/** Presses Tab until the element with this test id has the focus: it must be reachable by keyboard. */
async function tabTo(page: Page, testId: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if ((await focused(page)).testId === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${testId} was not reached with Tab`);
}

/** Finds the student with the keyboard and opens their family: search, Tab to the name, Enter. */
async function openFamilyWithKeyboard(options: Page): Promise<void> {
  await tabTo(options, 'family-search');
  await options.keyboard.type(student.name);
  await options.keyboard.press('Tab');
  await expect(focused(options)).resolves.toMatchObject({ text: student.name });
  await options.keyboard.press('Enter');
  await focusLandsOn(options, 'family-edit-guardian-0-name');
}

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const grid = await browser.context.newPage();
  await grid.goto(`${site.origin}/gradebook/?section=p1`);
  await waitFor(async () => ((await countRows(await browser.serviceWorker())).students ?? 0) > 0, 'the students to be stored');
  const students = await readTable<StudentRow>(await browser.serviceWorker(), 'students');
  student = students.sort((a, b) => a.name.localeCompare(b.name))[3]!;
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('families’ contacts edited by hand', () => {
  it('refuses a wrong email with its reason, saves the corrected family, and shows it again', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl());
    await options.getByTestId('family-search').waitFor();
    await openFamilyWithKeyboard(options);

    await options.keyboard.type('Olga Petrova');
    await options.keyboard.press('Tab');
    await options.keyboard.type('mother');
    await options.keyboard.press('Tab');
    await options.keyboard.type('olga-at-example.org');
    await options.keyboard.press('Tab');
    await options.keyboard.type('+1 555 0101');
    await options.keyboard.press('Tab'); // Remove guardian 1
    await options.keyboard.press('Tab'); // Add a guardian
    await options.keyboard.press('Tab');
    await expect(focused(options)).resolves.toMatchObject({ id: 'family-edit-preferredChannel' });
    await options.keyboard.type('Text'); // the select's type-to-choose: "Text message"
    await options.keyboard.press('Tab');
    await expect(focused(options)).resolves.toMatchObject({ id: 'family-edit-language-choice' });
    await options.keyboard.type('Esp'); // "Español (Spanish)"
    await options.keyboard.press('Tab');
    await expect(focused(options)).resolves.toMatchObject({ testId: 'family-save' });
    await options.keyboard.press('Enter');

    await options.getByTestId('family-edit-notice').filter({ hasText: 'Not saved: 1 field needs a fix' }).waitFor();
    const problem = options.getByTestId('family-form').getByTestId('field-problem');
    await expect(problem.allTextContents()).resolves.toEqual(['“olga-at-example.org” is not an email address.']);
    await expect(options.locator('#family-edit-guardian-0-email').getAttribute('aria-describedby')).resolves.toBe(await problem.getAttribute('id'));
    // The focus is back on the field to fix, so the teacher can retype it straight away.
    await focusLandsOn(options, 'family-edit-guardian-0-email');
    await expect(focused(options)).resolves.toMatchObject({ value: 'olga-at-example.org' });
    const refused = await readTable<FamilyRow>(await browser.serviceWorker(), 'families');
    expect(refused.filter((f) => f.studentId === student.id)).toEqual([]);

    await options.keyboard.press('Control+A');
    await options.keyboard.type('olga@example.org');
    await options.keyboard.press('Enter');
    await options.getByTestId('family-edit-notice').filter({ hasText: 'Saved.' }).waitFor();
    await expect(problem.count()).resolves.toBe(0);

    const families = await readTable<FamilyRow>(await browser.serviceWorker(), 'families');
    const saved = families.find((f) => f.studentId === student.id);
    expect(saved).toMatchObject({
      guardians: [{ name: 'Olga Petrova', relation: 'mother', email: 'olga@example.org', phone: '+1 555 0101' }],
      preferredChannel: 'text',
      language: 'es',
    });
    expect(Date.now() - saved!.updatedAt).toBeLessThan(60_000);

    await options.reload();
    await options.getByTestId('family-search').waitFor();
    const row = options.getByTestId('family-student').filter({ hasText: student.name });
    await expect(row.getByTestId('family-summary').textContent()).resolves.toBe('Contacts: Olga Petrova (mother)');
    await openFamilyWithKeyboard(options);
    await expect(focused(options)).resolves.toMatchObject({ value: 'Olga Petrova' });
    await expect(options.locator('#family-edit-guardian-0-email').inputValue()).resolves.toBe('olga@example.org');
    await expect(options.locator('#family-edit-preferredChannel').inputValue()).resolves.toBe('text');
    await expect(options.locator('#family-edit-language-choice').inputValue()).resolves.toBe('es');
    await options.close();
  });
});
