// `npm run bench`: prints the figures as tables (run after `npm run build`, which the npm script does).
// 1. Bundle size per extension entry (raw and gzip): initial (before the first screen) and lazy.
// 3. Storage on a year of history in real IndexedDB, and the popup's first useful render on it in the
//    built extension; 4. the engine's time; 5. the OULAD evaluation.
// 2. Parse time of a 180-student × 60-assignment demo grid by the demo adapter, against a raw DOM walk
//    of the same table (querySelectorAll('td') + textContent), in Chromium, in the same run, as a ratio.
//    And per saved real page (every adapter case whose page is under shared/fixtures), the adapter's
//    read against a raw walk of the same document (bench/fixture-parse.mjs).
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { bundle, kb, stats, table } from './bench-util.mjs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DIST } from '../tests/support/browser.mjs';
import { withBenchPage } from './bench-page.mjs';
import { DEMO_WARMUP, demoParseBench, printDemoParse } from './demo-parse.mjs';
import { bundleSizes } from './bundle-sizes.mjs';
import { engineBench } from './engine-bench.mjs';
import { fixtureParseBench, fixtureParseRows, printFixtureParse } from './fixture-parse.mjs';
import { longTaskBench, printLongTasks } from './long-tasks.mjs';
import { popupRenderBench } from './popup-render.mjs';
import { evaluation } from './eval/run.mjs';
import { toneBench } from './tone/bench.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;

/** Real IndexedDB in Chromium: a year of history, then ingest, re-ingest, first-screen load, size. */
function storageBench() {
  return withBenchPage('bench/storage-entry.ts', '/gradebook/?section=p1&week=1', async (page, inject) => {
    await inject();
    const DAY = 86_400_000;
    const now = Date.now();
    const shape = { sections: 6, studentsPerSection: 35, assignmentsPerSection: 200, eventsPerCell: 3, start: now - 300 * DAY };
    const before = await page.evaluate(() => window.headsUpStorageBench.estimate());
    const built = await page.evaluate((s) => window.headsUpStorageBench.build(s), shape);
    const after = await page.evaluate(() => window.headsUpStorageBench.estimate());
    const refresh = [];
    for (let run = 0; run < 5; run++) refresh.push(await page.evaluate((n) => window.headsUpStorageBench.refresh(n), now));
    const load = [];
    for (let run = 0; run < 15; run++) load.push(await page.evaluate(() => window.headsUpStorageBench.loadFirstScreen()));
    const ingest = [];
    for (let run = 0; run < 7; run++) ingest.push(await page.evaluate((r) => window.headsUpStorageBench.ingestNew(r), run));
    return { built, sizeBytes: after.usage - before.usage, ingest, load, refresh };
  });
}

/** The popup's first bundle must stay small: it is what the teacher waits for between classes. */
const POPUP_INITIAL_GZIP_GOAL = 60 * 1024;
const sizes = bundleSizes(DIST);
table(
  `Bundle size per entry (${DIST}): initial = entry + the chunks it imports statically; lazy = chunks loaded by a later import()`,
  sizes.map((s) => ({
    entry: s.entry,
    'initial files': s.initial.files,
    'initial raw': kb(s.initial.raw),
    'initial gzip': kb(s.initial.gzip),
    'lazy files': s.lazy.files,
    'lazy raw': kb(s.lazy.raw),
    'lazy gzip': kb(s.lazy.gzip),
    goal: s.entry === 'popup' ? `initial gzip ≤ ${kb(POPUP_INITIAL_GZIP_GOAL)}` : '',
  })),
);

const parse = await demoParseBench({ runs: RUNS, warmup: DEMO_WARMUP });
const { adapter: a, raw: r } = printDemoParse(parse, RUNS, DEMO_WARMUP);

const fixtureRows = fixtureParseRows(await fixtureParseBench(await bundle('bench/parse-entry.ts'), { runs: RUNS, warmup: WARMUP }));
printFixtureParse(fixtureRows, RUNS, WARMUP);

const longTasks = await longTaskBench();
printLongTasks(longTasks);

const storage = await storageBench();
const ing = stats(storage.ingest.map((r) => r.ingestMs));
const raw = stats(storage.ingest.map((r) => r.rawMs));
const re = stats(storage.ingest.map((r) => r.reingestMs));
const first = stats(storage.load.map((r) => r.ms));
const refreshed = stats(storage.refresh.map((r) => r.ms));
const rows = storage.built.rows;
table(
  `Storage in Chromium (real IndexedDB). Year of history: ${rows.sections} sections, ${rows.students} students, ${rows.assignments} assignments, ${rows.cells} cells, ${rows.events} events, ${rows.overall} overall grades, ${rows.readings} readings (built in ${(storage.built.ms / 1000).toFixed(1)} s)`,
  [
    { measure: `ingest of a new 35 × 60 reading (${storage.ingest[0].cells} cells, ${storage.ingest[0].events} events)`, 'median ms': ing.median.toFixed(1), 'p90 ms': ing.p90.toFixed(1), goal: '' },
    { measure: 'raw bulkPut of the same rows, one transaction', 'median ms': raw.median.toFixed(1), 'p90 ms': raw.p90.toFixed(1), goal: '' },
    { measure: 'ratio ingest / raw (median)', 'median ms': `${(ing.median / raw.median).toFixed(2)}×`, 'p90 ms': '', goal: '≤ 2×' },
    { measure: 're-ingest of the unchanged reading', 'median ms': re.median.toFixed(1), 'p90 ms': re.p90.toFixed(1), goal: '≪ ingest' },
    { measure: `popup first-screen load (snapshot of ${storage.load[0].proposals} proposals, ${storage.load[0].students} student names, contact log)`, 'median ms': first.median.toFixed(1), 'p90 ms': first.p90.toFixed(1), goal: '≤ 50 ms' },
    { measure: `background recompute after a change (${storage.refresh[0].histories} histories → ${storage.refresh[0].proposals} proposals → snapshot)`, 'median ms': refreshed.median.toFixed(1), 'p90 ms': refreshed.p90.toFixed(1), goal: '' },
    { measure: 'database size on disk for the year (storage.estimate)', 'median ms': `${(storage.sizeBytes / 1e6).toFixed(1)} MB`, 'p90 ms': '', goal: '' },
  ],
);

const render = await popupRenderBench(await bundle('bench/storage-entry.ts'), { runs: 15 });
const firstRender = stats(render.firstScreenMs);
const freshShown = stats(render.freshMs);
table(
  `Popup in the built extension on the same year (${render.rows.students} students, ${render.rows.events} events; ${render.proposals} proposals shown), ms since the popup's navigation started, ${render.firstScreenMs.length} openings`,
  [
    { measure: 'first useful render (the snapshot\'s proposals on screen)', 'median ms': firstRender.median.toFixed(1), 'p90 ms': firstRender.p90.toFixed(1), goal: '≤ 100 ms' },
    { measure: 'proposals recomputed by the background on screen (polled: an upper bound)', 'median ms': freshShown.median.toFixed(0), 'p90 ms': freshShown.p90.toFixed(0), goal: '' },
  ],
);

const engine = await engineBench();
table('The engine over a year of history (Node; goal: proposeContacts ≤ 50 ms)', engine);

const tone = await toneBench();
table('Tone check on its labelled corpus (tests/core/tone-corpus.jsonl; goal: precision and recall ≥ 0.9)', tone.map(({ measure, value }) => ({ measure, value })));

console.log('\nEarly-warning evaluation on real course data (npm run eval)\n');
console.log(await evaluation());

const results = join(ROOT, 'bench/results');
mkdirSync(results, { recursive: true });
writeFileSync(
  join(results, 'latest.json'),
  JSON.stringify({ at: new Date().toISOString(), sizes, parse: { adapter: a, raw: r, cells: parse.cells }, fixtureParse: fixtureRows, longTasks, storage: { ingest: ing, raw, reingest: re, firstScreen: first, refresh: refreshed, sizeBytes: storage.sizeBytes, rows }, popupRender: { firstRender, freshShown, proposals: render.proposals }, engine, tone }, null, 2),
);
