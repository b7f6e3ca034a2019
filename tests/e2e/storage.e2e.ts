// The history must survive what MV3 and teachers do to it: two tabs of one section sending readings at
// the same moment, and the service worker stopped while it is writing. Real IndexedDB in Chromium.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Worker } from 'playwright-core';
import { launchBrowser } from '../support/browser.mjs';
import { startSite } from '../site/server.mjs';
import { countRows, readTable, serviceWorkerControl, waitFor } from './helpers';

type Browser = Awaited<ReturnType<typeof launchBrowser>>;
type Site = Awaited<ReturnType<typeof startSite>>;

interface EventRow {
  id: number;
  kind: string;
  studentId: string;
  assignmentId?: string;
  after?: unknown;
  readingId: number;
}

let site: Site;
let browser: Browser;

/** Events that say the same thing twice: what a double ingest would leave behind. */
function duplicates(events: EventRow[]): string[] {
  const seen = new Set<string>();
  const twice: string[] = [];
  for (const e of events) {
    const key = JSON.stringify([e.kind, e.studentId, e.assignmentId ?? '', e.after]);
    if (seen.has(key)) twice.push(key);
    seen.add(key);
  }
  return twice;
}

/** Every reading record's event count matches the events written under it: no torn writes. */
async function tornReadings(worker: Worker): Promise<string[]> {
  const [records, events] = await Promise.all([
    readTable<{ id: number; eventCount: number }>(worker, 'readings'),
    readTable<EventRow>(worker, 'events'),
  ]);
  return records
    .map((r) => ({ id: r.id, expected: r.eventCount, found: events.filter((e) => e.readingId === r.id).length }))
    .filter((r) => r.expected !== r.found)
    .map((r) => `reading ${r.id}: record says ${r.expected} events, ${r.found} stored`);
}

beforeAll(async () => {
  site = await startSite();
});
afterAll(async () => {
  await site?.close();
});
beforeEach(async () => {
  browser = await launchBrowser();
});
afterEach(async () => {
  await browser?.close();
});

describe('the history under concurrency and worker stops', () => {
  it('two tabs of the same section reading at once write each change exactly once', async () => {
    const url = `${site.origin}/gradebook/?section=p2&week=4`;
    const [a, b] = await Promise.all([browser.context.newPage(), browser.context.newPage()]);
    await Promise.all([a.goto(url), b.goto(url)]);
    const worker = await browser.serviceWorker();
    const first = await waitFor(async () => {
      const c = await countRows(worker);
      return c.cells === 28 * 20 ? c : undefined;
    }, 'both tabs to be read');

    // Both teachers' tabs enter the same week of grades at the same moment.
    await Promise.all([a.locator('#next-week').click(), b.locator('#next-week').click()]);
    await waitFor(async () => (await countRows(worker)).events! > first.events!, 'the new week to be stored');
    // Let both tabs' debounced re-reads land before judging.
    await waitFor(async () => {
      const records = await readTable<{ lastSeenAt: number; readAt: number; fingerprint: string }>(worker, 'readings');
      const latest = records.at(-1)!;
      return records.filter((r) => r.fingerprint === latest.fingerprint).length === 1 && latest.lastSeenAt > latest.readAt;
    }, 'the second tab’s identical reading to be recognised');

    const events = await readTable<EventRow>(worker, 'events');
    expect(duplicates(events)).toEqual([]);
    expect(await tornReadings(worker)).toEqual([]);
    const counts = await countRows(worker);
    expect(counts.cells).toBe(28 * 20);
    expect(counts.students).toBe(28);
    // One record per distinct reading (week 4, week 5), however many tabs sent it.
    expect(counts.readings).toBe(2);
  });

  it('a worker stopped in the middle of ingesting a large reading leaves it whole, once', async () => {
    // 180 × 60 = 10,800 cells: an ingest long enough to be interrupted.
    const url = `${site.origin}/gradebook/?sections=1&students=180&assignments=60&section=p1&week=12`;
    const control = await serviceWorkerControl(browser.context);
    const page = await browser.context.newPage();
    await control.stopRunning();
    await page.goto(url);
    // Stop the worker again and again while the reading is on its way in. Nothing else wakes the
    // worker here (no popup is open), so each time it is found running it was woken by the reading:
    // the stop cuts that delivery or ingest short, and the content script has to send again.
    let interrupted = 0;
    const deadline = Date.now() + 3_000;
    while (Date.now() < deadline) {
      interrupted += await control.stopRunning();
      await new Promise((r) => setTimeout(r, 30));
    }
    await control.close();
    expect(interrupted).toBeGreaterThan(0);

    const live = await browser.serviceWorker();
    const counts = await waitFor(async () => {
      const c = await countRows(live);
      return c.cells === 180 * 60 ? c : undefined;
    }, 'the reading to be stored whole after the stops', 60_000);
    expect(counts.readings).toBe(1);
    expect(counts.students).toBe(180);
    expect(counts.assignments).toBe(60);
    expect(duplicates(await readTable<EventRow>(live, 'events'))).toEqual([]);
    expect(await tornReadings(live)).toEqual([]);
  });
});
