// `node bench/profile-read.mjs ADAPTER-ID [FIXTURE-SUBSTRING]`: where an adapter's read of a saved real
// page (or, for `demo-gradebook` alone, of the bench's 180 × 60 demo grid) spends its time, for whoever makes one faster. The page is served as the fixture bench serves it
// (bench/fixture-parse.mjs: scripts blocked, nothing leaves the machine), read for 3 s under Chromium's
// sampling profiler, and the self time is printed by function and by line of the (unminified) bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/support/browser.mjs';
import { importTs } from './build-ts.mjs';
import { bundle } from './bench-util.mjs';
import { withBenchPage } from './bench-page.mjs';
import { DEMO_GRID_PATH, GRID as DEMO_GRID } from './demo-parse.mjs';

const FIXTURES = process.env.HEADS_UP_FIXTURES ?? fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
const [adapterId, fixturePart = ''] = process.argv.slice(2);
if (!adapterId) throw new Error('usage: node bench/profile-read.mjs ADAPTER-ID [FIXTURE-SUBSTRING]');
const { fixtureCases, decodePage } = await importTs('bench/fixture-cases.ts');
process.env.BENCH_NO_MINIFY = '1'; // names and lines that can be read
const code = await bundle('bench/parse-entry.ts');

if (adapterId === 'demo-gradebook' && !fixturePart) {
  // the demo adapter without a page named: the 180 × 60 grid of bench/demo-parse.mjs
  await withBenchPage('bench/parse-entry.ts', DEMO_GRID_PATH, async (page) => {
    await page.locator('#grade-grid tbody tr').last().waitFor();
    await profileReads(page, `the ${DEMO_GRID.students} × ${DEMO_GRID.assignments} demo grid`);
  });
} else {
  const found = fixtureCases().find((c) => c.adapterId === adapterId && c.fixture.includes(fixturePart) && /\.html?$/i.test(c.fixture));
  if (!found) throw new Error(`no saved HTML page for ${adapterId} matching "${fixturePart}"`);
  const browser = await launchBrowser({ extension: false });
  try {
    const page = await browser.context.newPage();
    const html = decodePage(new Uint8Array(readFileSync(join(FIXTURES, found.fixture))));
    await page.route('**/*', (route) =>
      route.request().isNavigationRequest() && route.request().frame() === page.mainFrame()
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: html })
        : route.abort(),
    );
    await page.goto(found.url);
    await profileReads(page, found.fixture);
  } finally {
    await browser.close();
  }
}

/** Reads the open page with the adapter for 3 s under the sampling profiler and prints where the time went. */
async function profileReads(page, pageLabel) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Debugger.enable'); // before the bundle runs, so that its source can be asked for by id
  await page.evaluate(code);
  await page.evaluate((id) => {
    const read = window.headsUpBench.readerOf(id);
    for (let i = 0; i < 50; i++) read();
  }, adapterId);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await page.evaluate((id) => {
    const read = window.headsUpBench.readerOf(id);
    const start = performance.now();
    while (performance.now() - start < 3000) read();
  }, adapterId);
  const { profile } = await cdp.send('Profiler.stop');

  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byFunction = new Map();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const { functionName, lineNumber } = nodes.get(id).callFrame;
    const key = `${functionName || '(anonymous)'}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + profile.timeDeltas[index]);
    total += profile.timeDeltas[index];
  });
  const sources = new Map();
  const byLine = new Map();
  for (const node of profile.nodes) {
    const { scriptId, functionName } = node.callFrame;
    if (!node.positionTicks || scriptId === '0') continue;
    if (!sources.has(scriptId)) {
      const source = await cdp.send('Debugger.getScriptSource', { scriptId }).catch(() => ({ scriptSource: '' }));
      sources.set(scriptId, source.scriptSource.split('\n'));
    }
    for (const { line, ticks } of node.positionTicks) {
      const key = `${functionName}:${line}  ${(sources.get(scriptId)[line - 1] ?? '').trim().slice(0, 100)}`;
      byLine.set(key, (byLine.get(key) ?? 0) + ticks);
    }
  }
  const top = (map, sum) => [...map].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([key, value]) => `${((value / sum) * 100).toFixed(1).padStart(5)}%  ${key}`).join('\n');
  console.log(`${adapterId} on ${pageLabel}: self time by function\n${top(byFunction, total)}`);
  console.log(`\nby line\n${top(byLine, [...byLine.values()].reduce((a, b) => a + b, 0))}`);
}
