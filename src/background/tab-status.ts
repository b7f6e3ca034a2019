// What each tab's page last yielded, kept in storage.session so a restarted worker still knows it and
// the popup can say what was read on the page it was opened over.
import browser from 'webextension-polyfill';
import { detectors } from '../adapters/detectors';
import { genericTableInfo } from '../adapters/generic-table';
import type { TabStatus } from '../messages';

const keyOf = (tabId: number) => `tab:${tabId}`;

/** The status with the adapter as the teacher should see it: its label, and whether it is verified. */
function described(status: TabStatus): TabStatus {
  const info = status.adapterId === genericTableInfo.id ? genericTableInfo : detectors.find((d) => d.id === status.adapterId);
  return info ? { ...status, adapterLabel: info.label, adapterStatus: info.status } : status;
}

export async function writeTabStatus(tabId: number, status: TabStatus): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: described(status) });
}

export async function readTabStatus(tabId: number): Promise<TabStatus | undefined> {
  const found = await browser.storage.session.get(keyOf(tabId));
  return found[keyOf(tabId)] as TabStatus | undefined;
}
