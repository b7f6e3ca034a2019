// Bundled for the parse benchmark: exposes the demo adapter's read() to the page it is injected into.
import { demoGradebook } from '../src/adapters/demo-gradebook';

declare global {
  interface Window {
    headsUpBench: { readGrid: () => number };
  }
}

window.headsUpBench = {
  /** reads the page with the real adapter; returns the number of cells read (so the work is not optimised away) */
  readGrid: () => {
    const result = demoGradebook.read(document, new URL(location.href), Date.now());
    return result.readings.reduce((n, r) => n + r.cells.length, 0);
  },
};
