// Bundled for the parse benchmarks: exposes the adapters' read() to the page it is injected into.
import { demoGradebook } from '../src/adapters/demo-gradebook';
import { adapters } from '../src/adapters/registry';
import { gridObjects, isRecord, rebuildGrid } from '../src/adapters/skyward-grid';

/** What one read yielded: returned so that the work is not optimised away, and shown in the table. */
interface ReadCount {
  cells: number;
  problems: number;
}

declare global {
  interface Window {
    headsUpBench: {
      readGrid: () => number;
      readWith: (adapterId: string) => ReadCount;
      readerOf: (adapterId: string) => () => unknown;
      drawScriptGrids: () => number;
    };
  }
}

function adapterOf(adapterId: string) {
  const adapter = adapters.find((candidate) => candidate.id === adapterId);
  if (!adapter) throw new Error(`no adapter ${adapterId}`);
  return adapter;
}

window.headsUpBench = {
  /** reads the page with the real demo adapter; returns the number of cells read */
  readGrid: () => {
    const result = demoGradebook.read(document, new URL(location.href), Date.now());
    return result.readings.reduce((n, r) => n + r.cells.length, 0);
  },
  /** reads the page with the adapter of this id (throws for an unknown id: a mistake in the bench) */
  readWith: (adapterId) => {
    const result = adapterOf(adapterId).read(document, new URL(location.href), Date.now());
    return {
      cells: result.readings.reduce((n, r) => n + r.cells.length, 0),
      problems: result.problems.length + result.readings.reduce((n, r) => n + r.problems.length, 0),
    };
  },
  /**
   * The adapter's read of this page as a function of nothing: what is timed. The page's URL and the
   * adapter are looked up once, outside it (on the smallest pages they cost as much as a raw walk).
   */
  readerOf: (adapterId) => {
    const adapter = adapterOf(adapterId);
    const url = new URL(location.href);
    const now = Date.now();
    return () => adapter.read(document, url, now);
  },
  /**
   * Draws the grids a page keeps as data in a script (Skyward's `sf_gridObjects`) into the page, as the
   * page's own script does when it runs (it cannot in the bench: page scripts are blocked), so that the
   * raw walk has the table the teacher sees to walk. Returns the cells drawn; the adapters read the
   * data, never the drawn copy.
   */
  drawScriptGrids: () => {
    const data = gridObjects(document);
    if (typeof data === 'string') return 0;
    let drawn = 0;
    for (const [key, grid] of Object.entries(data)) {
      const wrap = document.getElementById(`grid_${key}_gridWrap`);
      if (!wrap || !isRecord(grid)) continue;
      const table = rebuildGrid(document, grid).querySelector('table');
      if (!table) continue;
      wrap.append(document.importNode(table, true));
      drawn += table.querySelectorAll('td').length;
    }
    return drawn;
  },
};
