// Parse time of a 180-student × 60-assignment demo grid by the demo adapter, against a raw DOM walk of
// the same table (querySelectorAll('td') + textContent), in Chromium, alternating, in the same run.
import { fileURLToPath } from 'node:url';
import { stats, table } from './bench-util.mjs';
import { withBenchPage } from './bench-page.mjs';

export const GRID = { students: 180, assignments: 60 };
/** The demo site's page with that grid. */
export const DEMO_GRID_PATH = `/gradebook/?sections=1&students=${GRID.students}&assignments=${GRID.assignments}&week=18&section=p1`;
/**
 * Reads before the ones timed: the first reads of a grid this size run partly before V8 has optimised
 * the reader (measured: median 5.1 ms after 5 warm-up reads, 4.4 ms after 30); the table is of the
 * reader as it runs once warm, as the fixture bench's warm-up batches are.
 */
export const DEMO_WARMUP = 20;
/**
 * Fresh pages the runs are spread over: the medians of one page differ from the next page's by as much as
 * 0.3× in ratio (where V8 and the collector happen to place things), so the figure pools several.
 */
export const DEMO_PAGES = 3;

/**
 * `{ adapter: ms[], raw: ms[], pageRatios: number[], cells, tds }`: `runs` reads and raw walks on each of
 * `pages` fresh pages, alternating, pooled; the ratio of medians of each page on its own beside them.
 */
export async function demoParseBench({ runs, warmup, pages = DEMO_PAGES }) {
  const pooled = { adapter: [], raw: [], pageRatios: [], cells: 0, tds: 0 };
  for (let index = 0; index < pages; index++) {
    const one = await demoParseOnePage({ runs, warmup });
    pooled.adapter.push(...one.adapter);
    pooled.raw.push(...one.raw);
    pooled.pageRatios.push(stats(one.adapter).median / stats(one.raw).median);
    pooled.cells = one.cells;
    pooled.tds = one.tds;
  }
  return pooled;
}

/** `{ adapter: ms[], raw: ms[], cells, tds }`: one read and one raw walk per run, alternating, on one page. */
function demoParseOnePage({ runs, warmup }) {
  return withBenchPage('bench/parse-entry.ts', DEMO_GRID_PATH, async (page, inject) => {
    await page.locator('#grade-grid tbody tr').nth(GRID.students - 1).waitFor();
    await inject();
    return page.evaluate(
      ({ runs, warmup }) => {
        const rawWalk = () => {
          let chars = 0;
          for (const td of document.querySelectorAll('#grade-grid td')) chars += (td.textContent ?? '').length;
          return chars;
        };
        // A change in the grid is what makes the content script read: before each read and each walk the
        // grid is changed (an element added and removed: a comment would not), which empties the
        // browser's caches of live element lists as in use; the change is made before the clock starts.
        const grid = document.querySelector('#grade-grid');
        const marker = document.createElement('span');
        const touch = () => {
          grid.append(marker);
          marker.remove();
        };
        const time = (fn) => {
          touch();
          const t0 = performance.now();
          const out = fn();
          return { ms: performance.now() - t0, out };
        };
        for (let i = 0; i < warmup; i++) {
          time(() => window.headsUpBench.readGrid());
          time(rawWalk);
        }
        const adapter = [];
        const raw = [];
        let cells = 0;
        const tds = document.querySelectorAll('#grade-grid td').length;
        // Alternate the two so that both see the same machine state.
        for (let i = 0; i < runs; i++) {
          const a = time(() => window.headsUpBench.readGrid());
          adapter.push(a.ms);
          cells = a.out;
          raw.push(time(rawWalk).ms);
        }
        return { adapter, raw, cells, tds };
      },
      { runs, warmup },
    );
  });
}

/** Prints the table; returns the medians etc. of both (`{ adapter, raw }`, as bench/run.mjs saves them). */
export function printDemoParse(parse, runs, warmup) {
  const a = stats(parse.adapter);
  const r = stats(parse.raw);
  table(
    `Parse of a ${GRID.students} × ${GRID.assignments} demo grid in Chromium (${parse.cells} cells read, ${parse.tds} td; ${runs} runs each, alternating, after ${warmup} warm-up, on each of ${parse.pageRatios.length} fresh pages, pooled)`,
    [
      { method: 'demo adapter read()', 'median ms': a.median.toFixed(2), 'p90 ms': a.p90.toFixed(2), 'min ms': a.min.toFixed(2) },
      { method: "raw walk: querySelectorAll('td') + textContent", 'median ms': r.median.toFixed(2), 'p90 ms': r.p90.toFixed(2), 'min ms': r.min.toFixed(2) },
      { method: 'ratio adapter / raw (median)', 'median ms': (a.median / r.median).toFixed(2) + '×', 'p90 ms': '', 'min ms': '' },
      { method: 'ratio on each page alone', 'median ms': parse.pageRatios.map((ratio) => `${ratio.toFixed(2)}×`).join(' '), 'p90 ms': '', 'min ms': '' },
    ],
  );
  return { adapter: a, raw: r };
}

// `node bench/demo-parse.mjs`: this table alone (for whoever works on the demo adapter).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const runs = Number(process.env.BENCH_RUNS ?? 30);
  const warmup = DEMO_WARMUP;
  printDemoParse(await demoParseBench({ runs, warmup }), runs, warmup);
}
