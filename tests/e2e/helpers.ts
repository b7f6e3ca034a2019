// Helpers for the E2E tests: read the extension's IndexedDB from its service worker and wait for a
// condition without fixed sleeps. Teacher steps in the extension's pages are in ../support/extension-pages.mjs.
import type { BrowserContext, Worker } from 'playwright-core';

export type TableCounts = Record<string, number>;

/** Row counts of every table of the extension's database, read with the raw IndexedDB API in the worker. */
export async function countRows(worker: Worker): Promise<TableCounts> {
  return worker.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('heads-up');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const names = [...db.objectStoreNames];
    const counts: Record<string, number> = {};
    const tx = db.transaction(names, 'readonly');
    await Promise.all(
      names.map(
        (name) =>
          new Promise<void>((resolve, reject) => {
            const request = tx.objectStore(name).count();
            request.onsuccess = () => {
              counts[name] = request.result;
              resolve();
            };
            request.onerror = () => reject(request.error);
          }),
      ),
    );
    db.close();
    return counts;
  });
}

/** All rows of one table (small tables only). */
export async function readTable<T = Record<string, unknown>>(worker: Worker, table: string): Promise<T[]> {
  return worker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('heads-up');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const rows = await new Promise<unknown[]>((resolve, reject) => {
      const request = db.transaction(name, 'readonly').objectStore(name).getAll();
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    db.close();
    return rows;
  }, table) as Promise<T[]>;
}

/** Polls `probe` until it returns a truthy value (or throws after `timeoutMs` with the last value). */
export async function waitFor<T>(probe: () => Promise<T>, what: string, timeoutMs = 20_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      last = await probe();
      if (last) return last as NonNullable<T>;
    } catch (error) {
      lastError = error;
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`timed out waiting for ${what}; last value ${JSON.stringify(last)} ${lastError ? String(lastError) : ''}`);
}

interface WorkerVersion {
  versionId: string;
  runningStatus: string;
  scriptURL: string;
}

/** A DevTools-protocol handle on the extension's service worker versions, to stop them at will. */
export async function serviceWorkerControl(context: BrowserContext) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const versions = new Map<string, WorkerVersion>();
  cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
    for (const v of event.versions) versions.set(v.versionId, v);
  });
  await cdp.send('ServiceWorker.enable');
  const running = () => [...versions.values()].filter((v) => v.runningStatus === 'running' && v.scriptURL.startsWith('chrome-extension:'));
  return {
    running,
    status: (versionId: string) => versions.get(versionId)?.runningStatus,
    /** stops whatever extension worker runs now; returns how many were stopped */
    async stopRunning(): Promise<number> {
      const list = running();
      for (const v of list) await cdp.send('ServiceWorker.stopWorker', { versionId: v.versionId });
      return list.length;
    },
    close: () => page.close(),
  };
}

/**
 * Stops the extension's service worker the way Chromium stops an idle MV3 worker (DevTools protocol
 * `ServiceWorker.stopWorker`). The next event — a message from the popup — starts a fresh one.
 */
export async function stopServiceWorkers(context: BrowserContext): Promise<number> {
  const control = await serviceWorkerControl(context);
  try {
    const running = await waitFor(async () => {
      const list = control.running();
      return list.length > 0 ? list : undefined;
    }, 'the running extension worker to be listed');
    await control.stopRunning();
    await waitFor(async () => running.every((v) => control.status(v.versionId) === 'stopped'), 'the worker to stop');
    return running.length;
  } finally {
    await control.close();
  }
}
