// Bundled for the parse benchmarks: exposes the adapters' read() to the page it is injected into.
import { demoGradebook } from '../src/adapters/demo-gradebook';
import { adapters } from '../src/adapters/registry';

/** What one read yielded: returned so that the work is not optimised away, and shown in the table. */
interface ReadCount {
  cells: number;
  problems: number;
}

declare global {
  interface Window {
    headsUpBench: { readGrid: () => number; readWith: (adapterId: string) => ReadCount };
  }
}

window.headsUpBench = {
  /** reads the page with the real demo adapter; returns the number of cells read */
  readGrid: () => {
    const result = demoGradebook.read(document, new URL(location.href), Date.now());
    return result.readings.reduce((n, r) => n + r.cells.length, 0);
  },
  /** reads the page with the adapter of this id (throws for an unknown id: a mistake in the bench) */
  readWith: (adapterId) => {
    const adapter = adapters.find((candidate) => candidate.id === adapterId);
    if (!adapter) throw new Error(`no adapter ${adapterId}`);
    const result = adapter.read(document, new URL(location.href), Date.now());
    return {
      cells: result.readings.reduce((n, r) => n + r.cells.length, 0),
      problems: result.problems.length + result.readings.reduce((n, r) => n + r.problems.length, 0),
    };
  },
};
