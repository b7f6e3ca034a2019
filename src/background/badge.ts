// The toolbar badge counts the heads-ups (concerns) waiting; good news is shown in the popup, not counted.
import browser from 'webextension-polyfill';
import { proposeContacts } from '../core/engine';
import { effectiveSettings } from '../core/settings';
import type { HeadsUpDb } from '../storage/db';
import { loadHistories, loadSettings } from '../storage/queries';

export async function refreshBadge(db: HeadsUpDb, now = Date.now()): Promise<void> {
  try {
    const [histories, stored] = await Promise.all([loadHistories(db), loadSettings(db)]);
    const proposals = proposeContacts(histories, effectiveSettings(stored, now), now);
    const concerns = proposals.filter((p) => p.kind === 'heads-up').length;
    await browser.action.setBadgeText({ text: concerns > 0 ? String(concerns) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
  } catch (error) {
    console.error('Heads-Up background: badge not refreshed', error);
  }
}
