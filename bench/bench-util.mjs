// What the benchmarks share: Markdown tables, medians, and bench entries bundled for injection.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Prints rows as a Markdown table. */
export function table(title, rows) {
  const heads = Object.keys(rows[0]);
  const widths = heads.map((h) => Math.max(h.length, ...rows.map((r) => String(r[h]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${title}\n`);
  console.log(line(heads));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows) console.log(line(heads.map((h) => r[h])));
}

export function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9), min: sorted[0] };
}

/** A bench entry (TypeScript) bundled as one script for injection into a page. */
export async function bundle(entry) {
  const outDir = mkdtempSync(join(tmpdir(), 'heads-up-bench-'));
  await build({
    configFile: false,
    logLevel: 'warn',
    root: ROOT,
    build: {
      outDir,
      emptyOutDir: true,
      lib: { entry: join(ROOT, entry), formats: ['iife'], name: 'headsUpBenchBundle', fileName: () => 'bundle.js' },
      minify: !process.env.BENCH_NO_MINIFY,
    },
  });
  const code = readFileSync(join(outDir, 'bundle.js'), 'utf8');
  rmSync(outDir, { recursive: true, force: true });
  return code;
}

