// The content script: picks the adapter for this page, reads it, and sends each reading to the
// background; re-reads when the page changes (gradebooks are single-page apps). It never throws into
// the page: every failure is caught and reported, and it stops cleanly when the extension is reloaded.
import { pickAdapter } from '../adapters/registry';
import type { ContentToBackground } from '../messages';
import { deliver } from './deliver';
import { startWatching } from './watch';

/** What was last sent per section, so an unchanged page is not re-sent on every DOM mutation. */
const lastSent = new Map<string, string>();
let stopWatching: (() => void) | undefined;

function contentOf(message: ContentToBackground): string {
  if (message.type !== 'reading') return JSON.stringify(message);
  const { readAt: _readAt, ...rest } = message.reading;
  return JSON.stringify(rest);
}

/** Waits between attempts to reach a background that is (re)starting: MV3 stops idle workers at will. */
const RETRY_DELAYS_MS = [250, 1_000, 3_000, 8_000];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function send(key: string, message: ContentToBackground): Promise<void> {
  const content = contentOf(message);
  if (lastSent.get(key) === content) return;
  lastSent.set(key, content);
  for (let attempt = 0; ; attempt++) {
    try {
      const reply = await deliver(message);
      if (!reply.ok) console.warn('Heads-Up: the background refused a reading:', reply.error);
      return;
    } catch (error) {
      // After the extension is reloaded or updated this script is orphaned: stop quietly.
      if (String(error).includes('Extension context invalidated')) {
        stopWatching?.();
        return;
      }
      // The worker was stopped before it answered (its transaction, if any, was rolled back whole):
      // send again, unless the page has moved on and a newer reading replaced this one.
      const delay = RETRY_DELAYS_MS[attempt];
      if (delay === undefined || lastSent.get(key) !== content) {
        if (lastSent.get(key) === content) lastSent.delete(key);
        console.warn('Heads-Up: could not send a reading', error);
        return;
      }
      await sleep(delay);
      if (lastSent.get(key) !== content) return;
    }
  }
}

function readPage(): void {
  try {
    const url = new URL(location.href);
    const adapter = pickAdapter(url, document);
    if (!adapter) return;
    const result = adapter.read(document, url, Date.now());
    for (const reading of result.readings) {
      void send(`reading:${reading.section.key}`, { type: 'reading', reading });
    }
    if (result.readings.length === 0) {
      void send('problems', { type: 'page-problems', adapterId: adapter.id, url: url.href, problems: result.problems });
    }
  } catch (error) {
    console.warn('Heads-Up: reading this page failed', error);
  }
}

readPage();
stopWatching = startWatching(document, readPage);
