// Parse time per saved real page: for every adapter case whose page is a file under shared/fixtures,
// the adapter's read() against a raw DOM walk of the same document (querySelectorAll('td') +
// textContent), in Chromium, alternating, in the same run. The page is served at the case's own address
// (every request is intercepted; nothing leaves the machine) with its scripts blocked, as the adapter
// tests read it in jsdom.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/support/browser.mjs';
import { importTs } from './build-ts.mjs';

const FIXTURES = process.env.HEADS_UP_FIXTURES ?? fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
/** Timers in a page are coarse (0.1 ms): each sample times a batch of reads lasting at least this long. */
const MIN_BATCH_MS = 4;

/** Runs in the page: calibrates a batch, then alternates batches of the adapter's read and the raw walk. */
function measureInPage({ adapterId, runs, warmup, minBatchMs }) {
  const rawWalk = () => {
    let chars = 0;
    for (const td of document.querySelectorAll('td')) chars += (td.textContent ?? '').length;
    return chars;
  };
  const read = () => window.headsUpBench.readWith(adapterId);
  const timeBatch = (fn, batch) => {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    return (performance.now() - t0) / batch;
  };
  for (let i = 0; i < warmup; i++) timeBatch(read, 1) + timeBatch(rawWalk, 1);
  // the raw walk is the shorter of the two: a batch long enough for it is long enough for both
  let batch = 1;
  while (batch < 65536 && timeBatch(rawWalk, batch) * batch < minBatchMs) batch *= 2;
  const adapter = [];
  const raw = [];
  for (let i = 0; i < runs; i++) {
    adapter.push(timeBatch(read, batch));
    raw.push(timeBatch(rawWalk, batch));
  }
  return { adapter, raw, batch, read: read(), tds: document.querySelectorAll('td').length };
}

/**
 * One row per fixture case: `{ adapterId, fixture, adapter: ms[], raw: ms[], batch, read, tds }`, or
 * `{ adapterId, fixture, skipped }` for a case whose page is not HTML.
 * @param {string} code the bundled bench/parse-entry.ts
 */
export async function fixtureParseBench(code, { runs, warmup }) {
  const { fixtureCases, decodePage } = await importTs('bench/fixture-cases.ts');
  const browser = await launchBrowser({ extension: false });
  const results = [];
  try {
    const page = await browser.context.newPage();
    for (const { adapterId, fixture, url } of fixtureCases()) {
      if (!/\.html?$/i.test(fixture)) {
        results.push({ adapterId, fixture, skipped: 'not an HTML page' });
        continue;
      }
      const html = decodePage(new Uint8Array(readFileSync(join(FIXTURES, fixture))));
      await page.route('**/*', (route) =>
        route.request().isNavigationRequest() && route.request().frame() === page.mainFrame()
          ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: html })
          : route.abort(),
      );
      await page.goto(url);
      await page.evaluate(code); // not a script tag: the page's policy blocks those, the bench's own included
      results.push({ adapterId, fixture, ...(await page.evaluate(measureInPage, { adapterId, runs, warmup, minBatchMs: MIN_BATCH_MS })) });
      await page.unroute('**/*');
    }
  } finally {
    await browser.close();
  }
  return results;
}
