// "Your data" in the options page, driven as a teacher would: export everything, wipe it (only after
// confirming), import it back, refuse a file that is not a Heads-Up backup, and a section's CSV.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { startSite } from '../site/server.mjs';
import { countRows, readTable, waitFor, type TableCounts } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Site = Awaited<ReturnType<typeof startSite>>;

let site: Site;
let browser: Browser;
let options: Page;
let stored: TableCounts;
const dir = mkdtempSync(join(tmpdir(), 'heads-up-data-e2e-'));

/** Row counts of the history tables (the derived proposals snapshot is recomputed at its own pace). */
async function historyCounts(): Promise<TableCounts> {
  const { snapshots: _derived, ...history } = await countRows(await browser.serviceWorker());
  return history;
}

async function download(page: Page, testId: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = join(dir, file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

beforeAll(async () => {
  site = await startSite();
  browser = await launchBrowser();
  const grid = await browser.context.newPage();
  await grid.goto(`${site.origin}/gradebook/?section=p3&week=6`);
  stored = await waitFor(async () => {
    const c = await countRows(await browser.serviceWorker());
    return c.cells === 28 * 20 ? c : undefined;
  }, 'the grid to be stored');
  await grid.locator('#next-week').click();
  stored = await waitFor(async () => {
    const c = await historyCounts();
    return c.readings === 2 ? c : undefined;
  }, 'the second week to be stored');
  options = await browser.context.newPage();
  await options.goto(browser.optionsUrl());
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('your data, in the options page', () => {
  let backupPath: string;

  it('shows how much is stored and whether storage is persistent', async () => {
    await expect(options.getByTestId('storage-status').textContent()).resolves.toMatch(/Storage used: .+ \(the browser allows up to .+\)/);
    await expect(options.getByTestId('storage-persistent').textContent()).resolves.toMatch(/^Storage is (persistent|not persistent yet)/);
  });

  it('exports everything to one versioned file', async () => {
    backupPath = await download(options, 'export-all');
    expect(backupPath).toMatch(/heads-up-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const backup = JSON.parse(readFileSync(backupPath, 'utf8'));
    expect(backup).toMatchObject({ format: 'heads-up-backup', formatVersion: 1, schemaVersion: 3 });
  });

  it('exports one section’s history as CSV', async () => {
    const csv = readFileSync(await download(options, 'csv-export'), 'utf8');
    const [header, ...rows] = csv.trim().split(/\r?\n/);
    expect(header!.toLowerCase()).toContain('student');
    expect(rows.length).toBeGreaterThan(28);
  });

  it('wipes everything only after the teacher confirms', async () => {
    await expect(options.getByTestId('wipe-button').isDisabled()).resolves.toBe(true);
    await options.getByTestId('wipe-confirm').check();
    await options.getByTestId('wipe-button').click();
    await options.getByTestId('wipe-notice').filter({ hasText: 'Everything was deleted.' }).waitFor();
    const worker = await browser.serviceWorker();
    const { snapshots, ...history } = await countRows(worker);
    expect(Object.values(history).every((n) => n === 0)).toBe(true);
    // The background recomputed its (derived) proposals snapshot from the empty history: none.
    expect(snapshots).toBe(1);
    expect((await readTable<{ proposals: unknown[] }>(worker, 'snapshots'))[0]!.proposals).toEqual([]);
  });

  it('imports the backup back, replacing, with every row restored', async () => {
    await options.getByTestId('import-file').setInputFiles(backupPath);
    await options.getByLabel('Replace everything here').check();
    await options.getByTestId('import-button').click();
    await options.getByTestId('backup-notice').filter({ hasText: 'Imported:' }).waitFor();
    expect(await historyCounts()).toEqual(stored);
  });

  it('importing the same backup again, merging, adds nothing', async () => {
    await options.getByLabel('Merge with what is here').check();
    await options.getByTestId('import-button').click();
    await options.getByTestId('backup-notice').filter({ hasText: 'Imported: 0 rows added.' }).waitFor();
    expect(await historyCounts()).toEqual(stored);
  });

  it('refuses a file that is not a Heads-Up backup, with a reason, touching nothing', async () => {
    const foreign = join(dir, 'not-a-backup.json');
    writeFileSync(foreign, JSON.stringify({ grades: [1, 2, 3] }));
    await options.getByTestId('import-file').setInputFiles(foreign);
    await options.getByTestId('import-button').click();
    await options.getByTestId('backup-notice').filter({ hasText: 'Not imported:' }).waitFor();
    expect(await historyCounts()).toEqual(stored);
  });
});
