// Delivers one message to the background over its own port and resolves with the reply. A port is used
// rather than sendMessage because a stopped worker reliably disconnects the port, while a one-off
// message to a worker stopped mid-answer can stay pending forever; the caller then sends again.
import browser from 'webextension-polyfill';
import { CONTENT_PORT_NAME, type ContentToBackground, type Reply } from '../messages';

/** A reply that never comes (a hung worker) counts as a lost delivery after this long. */
const GIVE_UP_MS = 60_000;

export function deliver(message: ContentToBackground): Promise<Reply> {
  return new Promise<Reply>((resolve, reject) => {
    const port = browser.runtime.connect({ name: CONTENT_PORT_NAME });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      finish(() => reject(new Error('the background did not answer in time')));
      port.disconnect();
    }, GIVE_UP_MS);
    port.onMessage.addListener((reply: unknown) => {
      finish(() => resolve(reply as Reply));
      port.disconnect();
    });
    port.onDisconnect.addListener(() => {
      finish(() => reject(new Error(browser.runtime.lastError?.message ?? 'the background stopped before answering')));
    });
    port.postMessage(message);
  });
}
