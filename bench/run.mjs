// `npm run bench`: prints the figures as tables (run after `npm run build`, which the npm script does).
// 1. Bundle size per extension entry (raw and gzip).
// 2. Parse time of a 180-student × 60-assignment demo grid by the demo adapter, against a raw DOM walk
//    of the same table (querySelectorAll('td') + textContent), in Chromium, in the same run, as a ratio.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchBrowser, DIST } from '../tests/support/browser.mjs';
import { startSite } from '../tests/site/server.mjs';
import { bundleSizes } from './bundle-sizes.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const WARMUP = 5;

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Prints rows as a Markdown table. */
function table(title, rows) {
  const heads = Object.keys(rows[0]);
  const widths = heads.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(heads));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(heads.map((h) => r[h])));
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), min: sorted[0] };
}

/** The demo adapter bundled as one script for injection into a page. */
async function bundleAdapter() {
  const outDir = mkdtempSync(join(tmpdir(), 'heads-up-bench-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      outDir,
      emptyOutDir: true,
      lib: { entry: join(ROOT, 'bench/parse-entry.ts'), formats: ['iife'], name: 'headsUpBenchBundle', fileName: () => 'parse.js' },
      minify: true,
    },
  });
  const code = readFileSync(join(outDir, 'parse.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  return code;
}

async function parseBench() {
  const code = await bundleAdapter();
  const site = await startSite();
  const browser = await launchBrowser({ extension: false });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}/gradebook/?sections=1&students=180&assignments=60&week=18&section=p1`);
    await page.locator('#grade-grid tbody tr').nth(179).waitFor();
    await page.addScriptTag({ content: code });
    const result = await page.evaluate(
      ({ runs, warmup }) => {
        const rawWalk = () => {
          let chars = 0;
          for (const td of document.querySelectorAll('#grade-grid td')) chars += (td.textContent ?? '').length;
          return chars;
        };
        const time = (fn) => {
          const t0 = performance.now();
          const out = fn();
          return { ms: performance.now() - t0, out };
        };
        for (let i = 0; i < warmup; i++) {
          window.headsUpBench.readGrid();
          rawWalk();
        }
        const adapter = [];
        const raw = [];
        let cells = 0;
        let tds = document.querySelectorAll('#grade-grid td').length;
        // Alternate the two so that both see the same machine state.
        for (let i = 0; i < runs; i++) {
          const a = time(() => window.headsUpBench.readGrid());
          adapter.push(a.ms);
          cells = a.out;
          raw.push(time(rawWalk).ms);
        }
        return { adapter, raw, cells, tds };
      },
      { runs: RUNS, warmup: WARMUP },
    );
    return result;
  } finally {
    await browser.close();
    await site.close();
  }
}

const sizes = bundleSizes(DIST);
table('Bundle size per entry (dist/, entry + every chunk it loads)', sizes.map((s) => ({ entry: s.entry, files: s.files, raw: kb(s.raw), gzip: kb(s.gzip) })));

const parse = await parseBench();
const a = stats(parse.adapter);
const r = stats(parse.raw);
table(
  `Parse of a 180 × 60 demo grid in Chromium (${parse.cells} cells read, ${parse.tds} td; ${RUNS} runs each, alternating, after ${WARMUP} warm-up)`,
  [
    { method: 'demo adapter read()', 'median ms': a.median.toFixed(2), 'p90 ms': a.p90.toFixed(2), 'min ms': a.min.toFixed(2) },
    { method: "raw walk: querySelectorAll('td') + textContent", 'median ms': r.median.toFixed(2), 'p90 ms': r.p90.toFixed(2), 'min ms': r.min.toFixed(2) },
    { method: 'ratio adapter / raw (median)', 'median ms': (a.median / r.median).toFixed(1) + '×', 'p90 ms': '', 'min ms': '' },
  ],
);

const results = join(ROOT, 'bench/results');
mkdirSync(results, { recursive: true });
writeFileSync(join(results, 'latest.json'), JSON.stringify({ at: new Date().toISOString(), sizes, parse: { adapter: a, raw: r, cells: parse.cells } }, null, 2));
