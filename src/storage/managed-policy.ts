// Reads the school's policy from the browser's managed storage (set by an administrator; read-only).
import browser from 'webextension-polyfill';
import { parseManagedPolicy, type ManagedPolicy } from '../core/managed-policy';

export async function loadManagedPolicy(): Promise<ManagedPolicy> {
  try {
    const { policy, problems } = parseManagedPolicy(await browser.storage.managed.get());
    if (problems.length > 0) console.warn('Heads-Up: parts of the school policy were ignored:', problems);
    return policy;
  } catch (error) {
    // No managed storage (no policy installed, or a browser without it): nothing is set by the school.
    console.info('Heads-Up: no school policy', error);
    return {};
  }
}
