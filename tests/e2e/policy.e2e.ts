// A district sets the calendar and a threshold by policy (Chromium's managed policies for this
// extension); the options page shows them as set by the school, not editable.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../support/browser.mjs';

const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/heads-up-e2e-test.json`;
const calendar = { termStart: '2026-08-17', reportDates: ['2026-09-18', '2026-12-18'], termEnd: '2027-01-15' };

let browser: Awaited<ReturnType<typeof launchBrowser>>;

beforeAll(async () => {
  // The unpacked extension's id depends only on its folder: learn it, then install the policy for it.
  const probe = await launchBrowser();
  const id = String(probe.extensionId);
  await probe.close();
  mkdirSync(POLICY_DIR, { recursive: true });
  writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [id]: { calendar, thresholds: { lowGrade: 55 }, sites: ['https://lakeview.powerschool.com'] } } } }));
  browser = await launchBrowser();
});

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    if (existsSync(POLICY_FILE)) rmSync(POLICY_FILE);
  }
});

describe('settings a school sets by policy', () => {
  it('shows the school’s calendar and threshold as set by the school, not editable', async () => {
    const options = await browser.context.newPage();
    await options.goto(browser.optionsUrl());
    await options.getByTestId('calendar-by-school').waitFor();
    await expect(options.locator('input[name="termStart"]').inputValue()).resolves.toBe('2026-08-17');
    await expect(options.locator('textarea[name="reportDates"]').inputValue()).resolves.toBe('2026-09-18\n2026-12-18');
    await expect(options.locator('input[name="termStart"]').isDisabled()).resolves.toBe(true);
    await expect(options.locator('input[name="signature"]').isDisabled()).resolves.toBe(false);
    await expect(options.locator('input[name="lowGrade"]').inputValue()).resolves.toBe('55');
    await expect(options.locator('input[name="lowGrade"]').isDisabled()).resolves.toBe(true);
    await expect(options.locator('input[name="missingCount"]').isDisabled()).resolves.toBe(false);
    // the school's gradebook site is offered, marked as the school's; the teacher still grants it
    const schoolSites = options.getByTestId('school-sites');
    await expect(schoolSites.textContent()).resolves.toContain('lakeview.powerschool.com');
    await expect(schoolSites.textContent()).resolves.toContain('Set by your school');
    await expect(schoolSites.getByRole('button', { name: 'Enable lakeview.powerschool.com' }).isVisible()).resolves.toBe(true);
  });
});
