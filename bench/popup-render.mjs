// The popup's first useful render on a year of history, in the built extension in Chromium: the year
// (6 sections × 35 students × 200 assignments) is written into the extension's own database from one
// of its pages, with the proposals snapshot the background keeps; then the popup is opened again and
// again, and each time the moment its first screen with data was rendered is read from its own
// performance mark (milliseconds since the page's navigation started: loading the bundle, reading the
// database, rendering). Also: when the proposals recomputed by the background replaced the snapshot.
import { launchBrowser } from '../tests/support/browser.mjs';

const FIRST_SCREEN_MARK = 'heads-up:first-screen';
const DAY = 86_400_000;

/**
 * @param {string} storageBenchCode bench/storage-entry.ts bundled as one script
 * @returns {Promise<{ firstScreenMs: number[], freshMs: number[], proposals: number, rows: Record<string, number> }>}
 */
export async function popupRenderBench(storageBenchCode, { runs = 15, warmup = 2 } = {}) {
  const browser = await launchBrowser();
  try {
    const now = Date.now();
    const shape = { sections: 6, studentsPerSection: 35, assignmentsPerSection: 200, eventsPerCell: 3, start: now - 300 * DAY };
    const seed = await browser.context.newPage();
    await seed.goto(browser.optionsUrl());
    // Evaluated through the DevTools protocol: the extension page's CSP does not allow an injected script tag.
    await seed.evaluate(storageBenchCode);
    const built = await seed.evaluate((s) => window.headsUpStorageBench.build(s, 'heads-up'), shape);
    await seed.evaluate((n) => window.headsUpStorageBench.refresh(n), now);
    await seed.close();

    const firstScreenMs = [];
    const freshMs = [];
    let proposals = 0;
    for (let run = 0; run < warmup + runs; run++) {
      const popup = await browser.context.newPage();
      await popup.goto(browser.popupUrl());
      await popup.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, FIRST_SCREEN_MARK);
      // Let the background's recomputation finish before the next run, so runs do not overlap.
      await popup.locator('main[data-fresh="true"]').waitFor({ timeout: 60_000 });
      const timing = await popup.evaluate((mark) => ({ first: performance.getEntriesByName(mark)[0].startTime, fresh: performance.now() }), FIRST_SCREEN_MARK);
      proposals = await popup.getByTestId('proposal').count();
      if (run >= warmup) {
        firstScreenMs.push(timing.first);
        freshMs.push(timing.fresh);
      }
      await popup.close();
    }
    return { firstScreenMs, freshMs, proposals, rows: built.rows };
  } finally {
    await browser.close();
  }
}
