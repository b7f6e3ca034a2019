// What each tab's page last yielded, kept in storage.session so a restarted worker still knows it and
// the popup can say what was read on the page it was opened over.
import browser from 'webextension-polyfill';
import type { TabStatus } from '../messages';

const keyOf = (tabId: number) => `tab:${tabId}`;

export async function writeTabStatus(tabId: number, status: TabStatus): Promise<void> {
  await browser.storage.session.set({ [keyOf(tabId)]: status });
}

export async function readTabStatus(tabId: number): Promise<TabStatus | undefined> {
  const found = await browser.storage.session.get(keyOf(tabId));
  return found[keyOf(tabId)] as TabStatus | undefined;
}
