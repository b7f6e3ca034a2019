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
import { bundle, stats, table } from './bench-util.mjs';

const FIXTURES = process.env.HEADS_UP_FIXTURES ?? fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
/**
 * Adapters whose page keeps its grid as data in a script, which the page's own script draws (blocked
 * here): the bench draws it from the same data first, so that the raw walk walks the table the teacher
 * sees rather than an empty page.
 */
const DRAWN_FROM_SCRIPT = new Set(['skyward-gradebook']);
/** Timers in a page are coarse (0.1 ms): each sample times a batch of reads lasting at least this long. */
const MIN_BATCH_MS = 4;

/**
 * Runs in the page: calibrates a batch, then alternates batches of the adapter's read and the raw walk.
 * Before each read and each walk every table of the page is touched (an element added and removed), as
 * a change in the grade table is what makes the content script read: the browser's caches of live
 * element lists (`getElementsByTagName` and the like) are emptied then, and a read of an unchanged page
 * would find them full. It is an element because a comment or a text change leaves those caches full
 * (measured in Chromium 156: a class list's length cost 1 µs after a comment came and went, 200 µs after
 * an element did); a score edited in place does too, but a read must not count on that. The touches
 * alone are timed too, and taken off both.
 */
function measureInPage({ adapterId, runs, warmup, minBatchMs }) {
  const rawWalk = () => {
    let chars = 0;
    for (const td of document.querySelectorAll('td')) chars += (td.textContent ?? '').length;
    return chars;
  };
  const read = window.headsUpBench.readerOf(adapterId);
  const tables = Array.from(document.querySelectorAll('table'));
  const marker = document.createElement('span');
  const touch = () => {
    for (const table of tables) {
      table.append(marker);
      marker.remove();
    }
  };
  const touchedRead = () => {
    touch();
    return read();
  };
  const touchedWalk = () => {
    touch();
    return rawWalk();
  };
  const timeBatch = (fn, batch) => {
    const t0 = performance.now();
    for (let i = 0; i < batch; i++) fn();
    return (performance.now() - t0) / batch;
  };
  for (let i = 0; i < warmup; i++) timeBatch(touchedRead, 1) + timeBatch(touchedWalk, 1) + timeBatch(touch, 1);
  // the raw walk is the shorter of the two: a batch long enough for it is long enough for both
  let batch = 1;
  while (batch < 65536 && timeBatch(touchedWalk, batch) * batch < minBatchMs) batch *= 2;
  const adapter = [];
  const raw = [];
  const touches = [];
  for (let i = 0; i < runs; i++) {
    adapter.push(timeBatch(touchedRead, batch));
    raw.push(timeBatch(touchedWalk, batch));
    touches.push(timeBatch(touch, batch));
  }
  return { adapter, raw, touches, batch, read: window.headsUpBench.readWith(adapterId), tds: document.querySelectorAll('td').length };
}

/**
 * One row per fixture case: `{ adapterId, fixture, adapter: ms[], raw: ms[], batch, read, tds }`, or
 * `{ adapterId, fixture, skipped }` for a case whose page is not HTML.
 * @param {string} code the bundled bench/parse-entry.ts
 */
export async function fixtureParseBench(code, { runs, warmup, only = [] }) {
  const { fixtureCases, decodePage } = await importTs('bench/fixture-cases.ts');
  const browser = await launchBrowser({ extension: false });
  const results = [];
  try {
    const page = await browser.context.newPage();
    for (const { adapterId, fixture, url } of fixtureCases()) {
      if (only.length > 0 && !only.includes(adapterId)) continue;
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
      // a grid kept as data in a script is drawn as the page would draw it: the table the raw walk walks
      const drawn = DRAWN_FROM_SCRIPT.has(adapterId) ? await page.evaluate(() => window.headsUpBench.drawScriptGrids()) : 0;
      if (DRAWN_FROM_SCRIPT.has(adapterId) && drawn === 0) throw new Error(`${fixture}: no grid drawn from its script data`);
      results.push({ adapterId, fixture, ...(await page.evaluate(measureInPage, { adapterId, runs, warmup, minBatchMs: MIN_BATCH_MS })) });
      await page.unroute('**/*');
    }
  } finally {
    await browser.close();
  }
  return results;
}

/** The table rows of a fixture bench: medians and the ratio read / raw walk. */
export function fixtureParseRows(results) {
  return results.map((row) => {
    if (row.skipped) return { adapter: row.adapterId, fixture: row.fixture, 'read µs': row.skipped, 'raw walk µs': '', ratio: '', 'cells read': '', td: '' };
    // the touches that empty the browser's list caches before each read and walk are not theirs
    const touch = stats(row.touches).median;
    const read = stats(row.adapter).median - touch;
    const walk = stats(row.raw).median - touch;
    // in µs and the ratio to two places: the smallest pages' walks take 5 µs, and the goal is a line to see
    const µs = (ms) => (ms * 1000).toFixed(1);
    return { adapter: row.adapterId, fixture: row.fixture, 'read µs': µs(read), 'raw walk µs': µs(walk), ratio: `${(read / walk).toFixed(2)}×`, 'cells read': row.read.cells, td: row.tds };
  });
}

export function printFixtureParse(rows, runs, warmup) {
  table(
    `Parse of each saved real page in Chromium: the adapter's read() against a raw walk of the same document (querySelectorAll('td') + textContent); medians of ${runs} alternating batches after ${warmup} warm-up, each read and walk after a change to the page's tables (the cost of the change taken off both), page scripts blocked; goal ≤ 1.5×`,
    rows,
  );
}

// `node bench/fixture-parse.mjs [adapter-id …]`: this table alone (for whoever works on an adapter).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const only = process.argv.slice(2);
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const results = await fixtureParseBench(await bundle('bench/parse-entry.ts'), { runs, warmup: 5, only });
  printFixtureParse(fixtureParseRows(results), runs, 5);
}
