// Loads what the popup shows: proposals from the engine over the stored history, the contact log and
// what was read on the tab the popup was opened over. Reads the database directly; writes go through
// the background.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { proposeContacts } from '../core/engine';
import type { Proposal } from '../core/proposal-types';
import { effectiveSettings } from '../core/settings';
import type { ContactLogEntry, ReadingRecord, Section, Settings } from '../core/types';
import type { TabStatus } from '../messages';
import { openDb } from '../storage/db';
import { loadContactLog, loadHistories, loadLatestReadings, loadSections, loadSettings } from '../storage/queries';
import { sendToBackground } from '../ui/send-to-background';

export interface PopupData {
  proposals: Proposal[];
  settings: Settings;
  contacts: ContactLogEntry[];
  studentNames: ReadonlyMap<string, string>;
  sections: Section[];
  latestReadings: ReadingRecord[];
  tabStatus?: TabStatus;
  now: number;
}

export type PopupState =
  | { phase: 'loading' }
  | { phase: 'ready'; data: PopupData }
  | { phase: 'failed'; error: string };

const db = openDb();

/** The tab the popup is about: `?tabId=` when opened as a full tab, else the active tab. */
async function targetTabId(): Promise<number | undefined> {
  const fromUrl = new URLSearchParams(location.search).get('tabId');
  if (fromUrl) return Number(fromUrl);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

async function loadPopupData(): Promise<PopupData> {
  const now = Date.now();
  const [histories, stored, contacts, sections, latestReadings, tabId] = await Promise.all([
    loadHistories(db),
    loadSettings(db),
    loadContactLog(db),
    loadSections(db),
    loadLatestReadings(db),
    targetTabId(),
  ]);
  const settings = effectiveSettings(stored, now);
  const tabStatus =
    tabId === undefined ? undefined : ((await sendToBackground<TabStatus | null>({ type: 'get-tab-status', tabId })) ?? undefined);
  const studentNames = new Map(histories.map((h): [string, string] => [h.student.id, h.student.name]));
  return {
    proposals: proposeContacts(histories, settings, now),
    settings,
    contacts,
    studentNames,
    sections,
    latestReadings,
    tabStatus,
    now,
  };
}

export function usePopupData(): { state: PopupState; reload: () => void } {
  const [state, setState] = useState<PopupState>({ phase: 'loading' });
  const reload = useCallback(() => {
    loadPopupData().then(
      (data) => setState({ phase: 'ready', data }),
      (error: unknown) => setState({ phase: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  }, []);
  useEffect(reload, [reload]);
  return { state, reload };
}

