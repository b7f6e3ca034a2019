// The content script: recognises the page with every adapter's cheap `matches`, asks the background to
// inject that adapter's reader (only the page's own reader ever loads into it), reads the page and sends
// each reading to the background; re-reads when the page changes (gradebooks are single-page apps).
// Pages no adapter knows are read with the generic table reader once the teacher has mapped them from
// the popup. It never throws into the page: every failure is caught and reported, and it stops cleanly
// when the extension is reloaded or the site is removed.
import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import type { Adapter, AdapterResult } from '../adapters/adapter';
import { detectAdapter } from '../adapters/detectors';
import { GENERIC_TABLE_ID } from '../adapters/generic-table';
import {
  SITE_NOT_ENABLED,
  UiToContentSchema,
  type ContentToBackground,
  type PageSetup,
  type ReadNowResult,
  type Reply,
  type UiToContent,
} from '../messages';
import { deliver } from './deliver';
import { sameOriginFetcher } from './fetch-same-origin';
import { shared, type GenericReader } from './globals';
import { startWatching } from './watch';

/** What was last sent per section, so an unchanged page is not re-sent on every DOM mutation. */
const lastSent = new Map<string, string>();
let stopWatching: (() => void) | undefined;
let stopped = false;

function contentOf(message: ContentToBackground): string {
  if (message.type !== 'reading') return JSON.stringify(message);
  const { readAt: _readAt, ...rest } = message.reading;
  return JSON.stringify(rest);
}

/** Waits between attempts to reach a background that is (re)starting: MV3 stops idle workers at will. */
const RETRY_DELAYS_MS = [250, 1_000, 3_000, 8_000];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let popupListener: ((message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined) | undefined;

/**
 * Stops reading this page: the extension was reloaded, or the teacher removed the site. Should the
 * site be added again, the background starts a fresh content script in this frame, which may start.
 */
function stop(): void {
  stopped = true;
  stopWatching?.();
  try {
    if (popupListener) browser.runtime.onMessage.removeListener(popupListener);
  } catch {
    // an orphaned script (the extension was reloaded) has no listener left to remove
  }
  shared.__headsUpStarted = false;
}

function isOrphaned(error: unknown): boolean {
  return String(error).includes('Extension context invalidated');
}

/** One request to the background with retries while the worker restarts; undefined when it refused. */
async function ask<T>(message: ContentToBackground): Promise<T | undefined> {
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = (await deliver(message)) as Reply<T>;
      if (reply.ok) return reply.value;
      if (reply.error === SITE_NOT_ENABLED) stop();
      else console.warn(`Heads-Up: the background refused ${message.type}:`, reply.error);
      return undefined;
    } catch (error) {
      if (isOrphaned(error)) {
        stop();
        return undefined;
      }
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined) throw error;
      await sleep(delay);
    }
  }
}

async function send(key: string, message: ContentToBackground): Promise<void> {
  const content = contentOf(message);
  if (lastSent.get(key) === content) return;
  lastSent.set(key, content);
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await deliver(message);
      if (!reply.ok) {
        if (reply.error === SITE_NOT_ENABLED) stop();
        else console.warn('Heads-Up: the background refused a reading:', reply.error);
      }
      return;
    } catch (error) {
      if (isOrphaned(error)) {
        stop();
        return;
      }
      // The worker was stopped before it answered (its transaction, if any, was rolled back whole):
      // send again, unless the page has moved on and a newer reading replaced this one.
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || lastSent.get(key) !== content) {
        if (lastSent.get(key) === content) lastSent.delete(key);
        console.warn('Heads-Up: could not send a reading', error);
        return;
      }
      await sleep(delay);
      if (lastSent.get(key) !== content) return;
    }
  }
}

/** The page's setup (adapters switched off, the saved mapping), asked once per page path. */
let setup: { path: string; value: PageSetup } | undefined;

async function pageSetup(url: URL, fresh = false): Promise<PageSetup | undefined> {
  const path = `${url.pathname}${url.search}`;
  if (!fresh && setup?.path === path) return setup.value;
  const value = await ask<PageSetup>({ type: 'page-setup' });
  if (value) setup = { path, value };
  return value;
}

/** The reader of an adapter, injected by the background the first time this frame needs it. */
async function loadReader(adapterId: string): Promise<Adapter | undefined> {
  const loaded = shared.__headsUpReaders?.[adapterId];
  if (loaded) return loaded;
  await ask({ type: 'load-reader', adapterId });
  return shared.__headsUpReaders?.[adapterId];
}

async function loadGeneric(): Promise<GenericReader | undefined> {
  if (!shared.__headsUpGeneric) await ask({ type: 'load-reader', adapterId: GENERIC_TABLE_ID });
  return shared.__headsUpGeneric;
}

/** Pages read from their JSON are not fetched again on every animation: at most this often. */
const REMOTE_MIN_INTERVAL_MS = 30_000;
let lastRemote: { href: string; at: number } | undefined;

async function readOnce(fresh = false): Promise<ReadNowResult> {
  const url = new URL(location.href);
  const config = await pageSetup(url, fresh);
  if (!config || stopped) return { readings: 0, problems: [] };
  const info = detectAdapter(url, document, config.disabledAdapters);
  let result: AdapterResult;
  let adapterId: string;
  if (info) {
    const adapter = await loadReader(info.id);
    if (!adapter) return { readings: 0, problems: [] };
    adapterId = adapter.id;
    if (adapter.readRemote) {
      if (!fresh && lastRemote?.href === url.href && Date.now() - lastRemote.at < REMOTE_MIN_INTERVAL_MS) return { adapterId, readings: 0, problems: [] };
      lastRemote = { href: url.href, at: Date.now() };
      result = await adapter.readRemote(document, url, Date.now(), sameOriginFetcher(location.href));
    } else {
      result = adapter.read(document, url, Date.now());
    }
  } else if (config.mapping) {
    const generic = await loadGeneric();
    if (!generic) return { readings: 0, problems: [] };
    adapterId = GENERIC_TABLE_ID;
    result = generic.readWithMapping(document, url, Date.now(), config.mapping);
  } else {
    return { readings: 0, problems: [] };
  }
  for (const reading of result.readings) void send(`reading:${reading.section.key}`, { type: 'reading', reading });
  if (result.readings.length === 0) {
    void send('problems', { type: 'page-problems', adapterId, url: url.href, problems: result.problems });
  }
  return { adapterId, readings: result.readings.length, problems: [...result.problems, ...result.readings.flatMap((r) => r.problems)].slice(0, 100) };
}

/** One read at a time; a change during a read asks for one more afterwards. */
let reading: Promise<ReadNowResult> | undefined;
let again = false;

function readPage(): void {
  if (stopped) return;
  if (reading) {
    again = true;
    return;
  }
  reading = readOnce()
    .catch((error: unknown): ReadNowResult => {
      console.warn('Heads-Up: reading this page failed', error);
      return { readings: 0, problems: [] };
    })
    .finally(() => {
      reading = undefined;
      if (again) {
        again = false;
        readPage();
      }
    });
}

/** The popup's requests, for the generic reader's guided mapping and "read now". Extension pages only. */
async function answerPopup(message: UiToContent): Promise<unknown> {
  const url = new URL(location.href);
  if (message.type === 'read-now') {
    await reading;
    lastSent.clear();
    return readOnce(true);
  }
  const generic = await loadGeneric();
  if (!generic) return { ok: false, error: 'the generic reader could not be loaded' };
  if (message.type === 'generic-propose') {
    const config = message.tableIndex === undefined ? await pageSetup(url) : undefined;
    const mapping = config?.mapping ?? generic.proposeMapping(document, message.tableIndex);
    return mapping ? { ok: true, value: generic.previewTable(document, url, mapping) } : { ok: false, error: 'no-table' };
  }
  const mapping = generic.withColumnRole(document, message.mapping, message.column, message.role);
  return { ok: true, value: generic.previewTable(document, url, mapping) };
}

function listenToPopup(): void {
  popupListener = (message: unknown, sender: Runtime.MessageSender) => {
    // Only the extension's own pages (never another content script's tab, never the page) may ask.
    if (sender.id !== browser.runtime.id || sender.tab !== undefined || window !== window.top) return undefined;
    const parsed = v.safeParse(UiToContentSchema, message);
    if (!parsed.success) return Promise.resolve({ ok: false, error: 'invalid request' });
    return answerPopup(parsed.output).catch((error: unknown) => ({ ok: false, error: String(error) }));
  };
  browser.runtime.onMessage.addListener(popupListener);
}

if (!shared.__headsUpStarted) {
  shared.__headsUpStarted = true;
  try {
    listenToPopup();
    readPage();
    stopWatching = startWatching(document, readPage);
  } catch (error) {
    console.warn('Heads-Up: could not start on this page', error);
  }
}
