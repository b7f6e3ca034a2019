// Loads what the popup shows: proposals from the engine over the stored history, the contact log and
// what was read on the tab the popup was opened over. Reads the database directly (with the plain
// IndexedDB API, so Dexie stays out of the first bundle); writes go through the background.
import { useCallback, useEffect, useLayoutEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Proposal } from '../core/proposal-types';
import { effectiveSettings } from '../core/settings';
import type { ContactLogEntry, ReadingRecord, SchoolCalendar, Section, Settings } from '../core/types';
import type { TabStatus } from '../messages';
import { readFirstScreen } from '../storage/first-screen';
import { loadManagedPolicy } from '../storage/managed-policy';
import { sendToBackground } from '../ui/send-to-background';

export interface PopupData {
  proposals: Proposal[];
  /** false while the proposals shown are the background's last snapshot, true once recomputed now */
  fresh: boolean;
  settings: Settings;
  contacts: ContactLogEntry[];
  studentNames: ReadonlyMap<string, string>;
  sections: Section[];
  /** the sections that keep their own calendar */
  sectionCalendars: ReadonlyMap<string, SchoolCalendar>;
  latestReadings: ReadingRecord[];
  /** the tab the popup is about (undefined when it has none) */
  tabId?: number;
  tabStatus?: TabStatus;
  now: number;
}

/** Performance marks set once: the first screen's data read, and that screen rendered with it. */
export const FIRST_SCREEN_DATA_MARK = 'heads-up:first-screen-data';
export const FIRST_SCREEN_MARK = 'heads-up:first-screen';

export type PopupState =
  | { phase: 'loading' }
  | { phase: 'ready'; data: PopupData }
  | { phase: 'failed'; error: string };

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
  // The tab's status comes from the background: asked for while the database is read, not after.
  const tabIdRead = targetTabId();
  const tabStatusRead = tabIdRead.then(async (id) =>
    id === undefined ? undefined : ((await sendToBackground<TabStatus | null>({ type: 'get-tab-status', tabId: id })) ?? undefined),
  );
  const [first, policy, tabId, tabStatus] = await Promise.all([readFirstScreen(), loadManagedPolicy(), tabIdRead, tabStatusRead]);
  return {
    proposals: first.snapshot?.proposals ?? [],
    fresh: false,
    settings: effectiveSettings(first.settings, now, policy),
    contacts: first.contacts,
    studentNames: first.studentNames,
    sections: first.sections,
    // a calendar the school sets by policy is every section's
    sectionCalendars: policy.calendar ? new Map() : first.sectionCalendars,
    latestReadings: first.latestReadings,
    ...(tabId === undefined ? {} : { tabId }),
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
      if (performance.getEntriesByName(FIRST_SCREEN_DATA_MARK).length === 0) performance.mark(FIRST_SCREEN_DATA_MARK);
      setState({ phase: 'ready', data });
      return freshProposals().then((proposals) => setState({ phase: 'ready', data: { ...data, proposals, fresh: true, now: Date.now() } }));
    }, failed).catch(failed);
  }, []);
  // Started as the empty first frame is committed, not after it is painted: the read overlaps the paint.
  useLayoutEffect(reload, [reload]);
  // The first useful render, for the bench (bench/popup-render.mjs) and anyone profiling the popup.
  useEffect(() => {
    if (state.phase === 'ready' && performance.getEntriesByName(FIRST_SCREEN_MARK).length === 0) performance.mark(FIRST_SCREEN_MARK);
  }, [state.phase]);
  return { state, reload };
}

