// The sites Heads-Up reads. Host access is optional and per site: the teacher grants a school's origin
// (from the popup on that page, or in options), and the content script is registered for every granted
// origin at run time — restored on every start, updated when a permission is added or withdrawn.
// The content script is one self-contained file (no imports, nothing web-accessible); each page's
// reader is injected into the frame that asks for it, only after its `matches` said yes.
import browser from 'webextension-polyfill';
import { detectors } from '../adapters/detectors';
import { GENERIC_TABLE_ID } from '../adapters/generic-table';
import { sitePatternOf } from '../core/site-pattern';

export const CONTENT_SCRIPT_ID = 'heads-up-reader';
export const CONTENT_SCRIPT_FILE = 'content/reader.js';

/** The readers that exist as files (`readers/<id>.js`); nothing else can be asked for. */
const READER_IDS = new Set([...detectors.map((info) => info.id), GENERIC_TABLE_ID]);

export function readerFile(adapterId: string): string | undefined {
  return READER_IDS.has(adapterId) ? `readers/${adapterId}.js` : undefined;
}

/** Every origin pattern the extension may read now: the demo's fixed ones and those the teacher granted. */
export async function grantedPatterns(): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((pattern) => /^(https?|\*):\/\//.test(pattern));
}

/** Is Heads-Up allowed to read this page's site? Asked again for every reading: a site removed a
 * moment ago is not read, even by a content script still running in an open tab. */
export async function mayRead(url: URL): Promise<boolean> {
  if (!/^https?:$/.test(url.protocol)) return false;
  return browser.permissions.contains({ origins: [sitePatternOf(url)] });
}

/** Registers the content script for exactly the granted origins (or unregisters it when none). */
export async function syncContentScripts(): Promise<string[]> {
  const matches = await grantedPatterns();
  const registered = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (matches.length === 0) {
    if (registered.length > 0) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return [];
  }
  const script = {
    id: CONTENT_SCRIPT_ID,
    matches,
    js: [CONTENT_SCRIPT_FILE],
    runAt: 'document_idle' as const,
    allFrames: true,
    persistAcrossSessions: true,
  };
  if (registered.length > 0) await browser.scripting.updateContentScripts([script]);
  else await browser.scripting.registerContentScripts([script]);
  return matches;
}

/** Starts the content script in tabs already open on these sites (a site just added, a fresh install),
 * so that the teacher does not have to reload the gradebook. The script ignores a second start. */
export async function startInOpenTabs(patterns: string[]): Promise<void> {
  if (patterns.length === 0) return;
  const tabs = await browser.tabs.query({ url: patterns });
  await Promise.all(
    tabs.map(async (tab) => {
      if (tab.id === undefined) return;
      try {
        await browser.scripting.executeScript({ target: { tabId: tab.id, allFrames: true }, files: [CONTENT_SCRIPT_FILE] });
      } catch (error) {
        // A tab showing an error page or the browser's own page cannot be scripted: nothing to read there.
        console.warn(`Heads-Up background: could not start reading tab ${tab.id}`, error);
      }
    }),
  );
}

/** Injects a reader into the frame whose content script asked for it. */
export async function injectReader(adapterId: string, tabId: number, frameId: number): Promise<void> {
  const file = readerFile(adapterId);
  if (!file) throw new Error(`no reader named ${adapterId}`);
  await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [file] });
}
