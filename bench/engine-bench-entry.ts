// What bench/engine-bench.mjs times: the engine over a year of history for 210 students.
import { proposeContacts } from '../src/core/engine';
import { computeSignals } from '../src/core/signals';
import { BENCH_NOW, benchHistories, benchSettings } from './engine-bench-data';

export function engineSamples(runs: number, warmup: number) {
  const histories = benchHistories();
  const settings = benchSettings();
  const time = (fn: () => unknown) => {
    const t0 = performance.now();
    fn();
    return performance.now() - t0;
  };
  const propose = () => proposeContacts(histories, settings, BENCH_NOW);
  const signals = () => histories.map((h) => computeSignals(h, settings, BENCH_NOW));
  for (let i = 0; i < warmup; i++) {
    propose();
    signals();
  }
  const proposeMs: number[] = [];
  const signalsMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    proposeMs.push(time(propose));
    signalsMs.push(time(signals));
  }
  const cells = histories.reduce((n, h) => n + h.cells.length, 0);
  const events = histories.reduce((n, h) => n + h.events.length, 0);
  return { students: histories.length, cells, events, proposals: propose().length, proposeMs, signalsMs };
}
