// The service worker: validates every message, writes the database, keeps the toolbar badge current.
// MV3 stops idle workers at any time, so nothing here lives only in memory: the database and
// storage.session hold everything a restarted worker needs.
import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { openDb } from '../storage/db';
import { ingestReading } from '../storage/ingest';
import { importBackup, wipeEverything } from '../storage/backup';
import { explainStorageError } from '../storage/storage-errors';
import { forgetSiteMappings, logContact, saveDisabledAdapters, saveFamilies, saveSectionCalendar, saveSettings, saveSiteMapping } from '../storage/writes';
import { loadReadingSetup } from '../storage/queries';
import { mappingFor } from '../adapters/generic-table';
import { injectReader, mayRead, startInOpenTabs, syncContentScripts } from './sites';
import {
  CONTENT_PORT_NAME,
  ContentToBackgroundSchema,
  UiToBackgroundSchema,
  type ContentToBackground,
  type IngestSummary,
  type PageSetup,
  SITE_NOT_ENABLED,
  type Reply,
  type TabStatus,
  type UiToBackground,
} from '../messages';
import { refreshProposals } from './proposals';
import { readTabStatus, writeTabStatus } from './tab-status';

const db = openDb();

type Sender = Runtime.MessageSender;

/** The popup, or the options page (which opens in a tab, so a tab alone does not mean a web page). */
function fromExtensionPage(sender: Sender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

function fromContentScript(sender: Sender): boolean {
  return sender.id === browser.runtime.id && sender.tab?.id !== undefined && /^https?:/.test(sender.url ?? '');
}

async function handleContent(message: ContentToBackground, sender: Sender): Promise<Reply> {
  // The origin is the sender's, never what the page claims.
  const pageUrl = new URL(sender.url!);
  const tabId = sender.tab!.id!;
  // A site the teacher removed is not read, even by a content script still running in an open tab.
  if (!(await mayRead(pageUrl))) return { ok: false, error: SITE_NOT_ENABLED };
  if (message.type === 'load-reader') {
    await injectReader(message.adapterId, tabId, sender.frameId ?? 0);
    return { ok: true, value: null };
  }
  if (message.type === 'page-setup') {
    const setup = await loadReadingSetup(db);
    const found = mappingFor(pageUrl, setup.mappings);
    const reply: PageSetup = { disabledAdapters: setup.disabledAdapters, ...(found ? { mapping: found.mapping } : {}) };
    return { ok: true, value: reply };
  }
  if (message.type === 'page-problems') {
    await writeTabStatus(tabId, {
      adapterId: message.adapterId,
      url: pageUrl.href,
      at: Date.now(),
      students: 0,
      assignments: 0,
      events: 0,
      problems: message.problems,
    });
    return { ok: true, value: null };
  }
  const { reading } = message;
  let summary: IngestSummary;
  try {
    summary = await ingestReading(db, pageUrl.origin, reading);
  } catch (error) {
    // The transaction was rolled back whole; say why on the tab, where the popup shows it.
    const reason = explainStorageError(error);
    console.error('Heads-Up background: reading not saved', error);
    await writeTabStatus(tabId, {
      adapterId: reading.adapterId,
      url: pageUrl.href,
      at: reading.readAt,
      sectionName: reading.section.name,
      students: 0,
      assignments: 0,
      events: 0,
      problems: [{ where: 'storage', reason }, ...reading.problems],
    });
    return { ok: false, error: reason };
  }
  const status: TabStatus = {
    adapterId: reading.adapterId,
    url: pageUrl.href,
    at: reading.readAt,
    sectionName: reading.section.name,
    students: reading.students.length,
    assignments: reading.assignments.length,
    events: summary.events,
    problems: reading.problems,
  };
  await writeTabStatus(tabId, status);
  if (!summary.unchanged) await refreshProposalsReporting(summary.sectionId);
  return { ok: true, value: summary };
}

/** Proposals follow every change; a failure to recompute them must not fail the write that caused it. */
async function refreshProposalsReporting(sectionId?: string): Promise<void> {
  try {
    await refreshProposals(db, sectionId ? { sectionId } : {});
  } catch (error) {
    console.error('Heads-Up background: proposals not recomputed', error);
  }
}

async function handleUi(message: UiToBackground): Promise<Reply> {
  switch (message.type) {
    case 'log-contact': {
      const id = await logContact(db, message.entry);
      await refreshProposalsReporting();
      return { ok: true, value: id };
    }
    case 'save-settings':
      await saveSettings(db, message.settings);
      await refreshProposalsReporting();
      return { ok: true, value: null };
    case 'save-families':
      return { ok: true, value: await saveFamilies(db, message.families) };
    case 'refresh-proposals':
      return { ok: true, value: await refreshProposals(db) };
    case 'get-tab-status':
      return { ok: true, value: (await readTabStatus(message.tabId)) ?? null };
    case 'import-backup': {
      const result = await importBackup(db, new Blob([message.text], { type: 'application/json' }), message.mode);
      if (!result.ok) return { ok: false, error: result.reason };
      await refreshProposalsReporting();
      return { ok: true, value: result };
    }
    case 'wipe-everything':
      await wipeEverything(db);
      await browser.storage.session.clear();
      await refreshProposalsReporting();
      return { ok: true, value: null };
    case 'save-site-mapping':
      await saveSiteMapping(db, message.entry);
      return { ok: true, value: null };
    case 'save-disabled-adapters':
      await saveDisabledAdapters(db, message.adapterIds);
      return { ok: true, value: null };
    case 'save-section-calendar':
      await saveSectionCalendar(db, message.sectionId, message.calendar);
      await refreshProposalsReporting();
      return { ok: true, value: null };
    case 'forget-site':
      await forgetSiteMappings(db, message.origin);
      return { ok: true, value: null };
  }
}

async function route(message: unknown, sender: Sender): Promise<Reply> {
  try {
    if (fromContentScript(sender)) {
      const parsed = v.safeParse(ContentToBackgroundSchema, message);
      if (!parsed.success) return { ok: false, error: `invalid message: ${v.summarize(parsed.issues)}` };
      return await handleContent(parsed.output, sender);
    }
    if (fromExtensionPage(sender)) {
      const parsed = v.safeParse(UiToBackgroundSchema, message);
      if (!parsed.success) return { ok: false, error: `invalid message: ${v.summarize(parsed.issues)}` };
      return await handleUi(parsed.output);
    }
    return { ok: false, error: 'message from an unknown sender refused' };
  } catch (error) {
    console.error('Heads-Up background: message failed', error);
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

browser.runtime.onMessage.addListener((message: unknown, sender: Sender) => route(message, sender));

// Content scripts deliver readings over a port (see content/deliver.ts): one message, one reply.
browser.runtime.onConnect.addListener((port) => {
  if (port.name !== CONTENT_PORT_NAME || !port.sender) {
    port.disconnect();
    return;
  }
  const sender = port.sender;
  port.onMessage.addListener((message: unknown) => {
    void route(message, sender).then((reply) => {
      try {
        port.postMessage(reply);
      } catch (error) {
        // The page went away before the answer: what was written stays written.
        console.warn('Heads-Up background: reply not delivered', error);
      }
    });
  });
});

browser.tabs.onRemoved.addListener((tabId) => {
  void browser.storage.session.remove(`tab:${tabId}`).catch((error: unknown) => {
    console.error('Heads-Up background: could not forget tab status', error);
  });
});

// A restarted worker (or a browser start) shows the right badge without waiting for a reading.
void refreshProposalsReporting();

/** Keeps the registered content script in step with the granted sites; logs rather than throws. */
async function syncSites(startIn: string[] = []): Promise<void> {
  try {
    await syncContentScripts();
    await startInOpenTabs(startIn);
  } catch (error) {
    console.error('Heads-Up background: could not update the sites it reads', error);
  }
}

browser.permissions.onAdded.addListener((added) => void syncSites(added.origins ?? []));
browser.permissions.onRemoved.addListener(() => void syncSites());
browser.runtime.onInstalled.addListener(() => {
  // A fresh install or an update: start reading the gradebook tabs that are already open.
  void browser.permissions.getAll().then(({ origins = [] }) => syncSites(origins));
});
// Every start of the worker checks the registration (cheap; the browser keeps it across sessions).
void syncSites();
