// Does reading a big page block it? Long tasks (≥ 50 ms on the page's main thread, where content scripts
// run too) on a 2,000-student × 20-assignment demo grid, from navigation until Heads-Up has stored the
// reading, against the same page and wait without the extension. `node bench/long-tasks.mjs` alone, or
// through `npm run bench`.
import { fileURLToPath } from 'node:url';
import { launchBrowser } from '../tests/support/browser.mjs';
import { startSite } from '../tests/site/server.mjs';
import { table } from './bench-util.mjs';

const PATH = '/gradebook/?sections=1&students=2000&assignments=20&section=p1&week=6';

function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask', buffered: true });
}

async function run(withExtension) {
  const site = await startSite();
  const browser = await launchBrowser({ extension: withExtension });
  try {
    await browser.context.addInitScript(observeLongTasks);
    const page = await browser.context.newPage();
    const started = Date.now();
    await page.goto(`${site.origin}${PATH}`);
    let waitedMs;
    if (withExtension) {
      const worker = await browser.serviceWorker();
      while (Date.now() - started < 120_000) {
        const stored = await worker.evaluate(async () => {
          const open = indexedDB.open('heads-up');
          const db = await new Promise((resolve, reject) => {
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          if (!db.objectStoreNames.contains('readings')) return 0;
          const count = db.transaction('readings').objectStore('readings').count();
          return new Promise((resolve) => {
            count.onsuccess = () => resolve(count.result);
          });
        });
        if (stored > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      waitedMs = Date.now() - started;
    } else {
      waitedMs = 5_000;
      await page.waitForTimeout(waitedMs);
    }
    await page.waitForTimeout(500);
    const tasks = await page.evaluate(() => window.__longTasks);
    return { tasks, waitedMs };
  } finally {
    await browser.close();
    await site.close();
  }
}

export async function longTaskBench() {
  const without = await run(false);
  const withIt = await run(true);
  const row = (label, { tasks, waitedMs }) => ({
    page: label,
    'long tasks': tasks.length,
    'longest ms': tasks.length ? Math.max(...tasks).toFixed(0) : '0',
    'total ms': tasks.reduce((a, b) => a + b, 0).toFixed(0),
    'observed for ms': waitedMs,
  });
  return [row('without Heads-Up', without), row('with Heads-Up (until the reading is stored)', withIt)];
}

export function printLongTasks(rows) {
  table('Long tasks (≥ 50 ms) on the page main thread, 2,000 students × 20 assignments (40,000 cells), from navigation', rows);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printLongTasks(await longTaskBench());
