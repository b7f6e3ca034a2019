// Recomputes the proposals from the stored history after every change, keeps them as a snapshot (so the
// popup's first screen is one small read) and shows the number of heads-ups on the toolbar badge.
import browser from 'webextension-polyfill';
import { proposeContactsBySection } from '../core/engine';
import type { Proposal } from '../core/proposal-types';
import { ENGINE_LOOKBACK_DAYS, effectiveSettings } from '../core/settings';
import type { HeadsUpDb } from '../storage/db';
import { loadManagedPolicy } from '../storage/managed-policy';
import { loadHistories, loadSectionCalendars, loadSettings } from '../storage/queries';

/**
 * Recomputes every section's proposals, or only `sectionId`'s after a reading of it (a section's
 * proposals depend on its own history alone; the others keep their snapshot until the popup opens and
 * asks for a full recompute, which also moves time on for them).
 */
export async function refreshProposals(db: HeadsUpDb, options: { now?: number; sectionId?: string } = {}): Promise<Proposal[]> {
  const now = options.now ?? Date.now();
  const since = now - ENGINE_LOOKBACK_DAYS * 86_400_000;
  // Without a snapshot to update, everything is computed.
  const snapshot = options.sectionId ? await db.snapshots.get('proposals') : undefined;
  const sectionId = snapshot ? options.sectionId : undefined;
  const [histories, stored, policy, sectionCalendars] = await Promise.all([
    loadHistories(db, { since, ...(sectionId ? { sectionId } : {}) }),
    loadSettings(db),
    loadManagedPolicy(),
    loadSectionCalendars(db),
  ]);
  // A calendar the school sets by policy is every section's; otherwise a section may keep its own.
  const fresh = proposeContactsBySection(histories, effectiveSettings(stored, now, policy), now, policy.calendar ? new Map() : sectionCalendars);
  const proposals = snapshot
    ? [...snapshot.proposals.filter((p) => p.sectionId !== sectionId), ...fresh].sort((a, b) => b.urgency - a.urgency)
    : fresh;
  await db.snapshots.put({ key: 'proposals', computedAt: now, proposals });
  await showOnBadge(proposals);
  return proposals;
}

async function showOnBadge(proposals: Proposal[]): Promise<void> {
  try {
    const concerns = proposals.filter((p) => p.kind === 'heads-up').length;
    await browser.action.setBadgeText({ text: concerns > 0 ? String(concerns) : '' });
    await browser.action.setBadgeBackgroundColor({ color: '#b45309' });
  } catch (error) {
    console.error('Heads-Up background: badge not updated', error);
  }
}
