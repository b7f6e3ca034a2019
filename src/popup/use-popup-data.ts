// Loads what the popup shows: proposals from the engine over the stored history, the contact log and
// what was read on the tab the popup was opened over. Reads the database directly; writes go through
// the background.
import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Proposal } from '../core/proposal-types';
import { effectiveSettings } from '../core/settings';
import type { ContactLogEntry, ReadingRecord, Section, Settings } from '../core/types';
import type { TabStatus } from '../messages';
import { openDb } from '../storage/db';
import { loadManagedPolicy } from '../storage/managed-policy';
import { loadFirstScreen } from '../storage/queries';
import { sendToBackground } from '../ui/send-to-background';

export interface PopupData {
  proposals: Proposal[];
  /** false while the proposals shown are the background's last snapshot, true once recomputed now */
  fresh: boolean;
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

/**
 * The first screen: the proposals the background last computed (one small read, whatever the size
 * of the history) with the contact log and what was read on the tab.
 */
async function loadPopupData(): Promise<PopupData> {
  const now = Date.now();
  const [first, tabId, policy] = await Promise.all([loadFirstScreen(db), targetTabId(), loadManagedPolicy()]);
  const tabStatus =
    tabId === undefined ? undefined : ((await sendToBackground<TabStatus | null>({ type: 'get-tab-status', tabId })) ?? undefined);
  return {
    proposals: first.snapshot?.proposals ?? [],
    fresh: false,
    settings: effectiveSettings(first.settings, now, policy),
    contacts: first.contacts,
    studentNames: first.studentNames,
    sections: first.sections,
    latestReadings: first.latestReadings,
    tabStatus,
    now,
  };
}

/** Proposals recomputed for this moment by the background (time moves on: cadence, days to report). */
async function freshProposals(): Promise<Proposal[]> {
  return sendToBackground<Proposal[]>({ type: 'refresh-proposals' });
}

export function usePopupData(): { state: PopupState; reload: () => void } {
  const [state, setState] = useState<PopupState>({ phase: 'loading' });
  const reload = useCallback(() => {
    const failed = (error: unknown) => setState({ phase: 'failed', error: error instanceof Error ? error.message : String(error) });
    loadPopupData().then((data) => {
      setState({ phase: 'ready', data });
      return freshProposals().then((proposals) => setState({ phase: 'ready', data: { ...data, proposals, fresh: true, now: Date.now() } }));
    }, failed).catch(failed);
  }, []);
  useEffect(reload, [reload]);
  return { state, reload };
}

