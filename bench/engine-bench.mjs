// The engine over a year of history for 210 students (6 sections × 35, 200 assignments each, three
// events per cell): proposeContacts, and computeSignals for every student. Goal: proposeContacts ≤ 50 ms.
// `node bench/engine-bench.mjs` prints the rows; bench/run.mjs can call engineBench() for them.
import { pathToFileURL } from 'node:url';
import { importTs } from './build-ts.mjs';

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p90: at(0.9) };
}

/** Rows { measure, 'median ms', 'p90 ms' }. */
export async function engineBench({ runs = 30, warmup = 5 } = {}) {
  const { engineSamples } = await importTs('bench/engine-bench-entry.ts');
  const s = engineSamples(runs, warmup);
  const size = `${s.students} students, ${s.cells} cells, ${s.events} events`;
  const row = (measure, samples) => {
    const { median, p90 } = stats(samples);
    return { measure, 'median ms': median.toFixed(1), 'p90 ms': p90.toFixed(1) };
  };
  return [
    row(`proposeContacts (${size}; ${s.proposals} proposals)`, s.proposeMs),
    row(`computeSignals for every student (${size})`, s.signalsMs),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.table(await engineBench());
}
