// The extension pages' one way to ask the background for a write.
import browser from 'webextension-polyfill';
import type { Reply, UiToBackground } from '../messages';

export async function sendToBackground<T = unknown>(message: UiToBackground): Promise<T> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<T> | undefined;
  if (!reply) throw new Error('the background did not answer');
  if (!reply.ok) throw new Error(reply.error);
  return reply.value;
}
