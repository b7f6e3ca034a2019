// Links that hand a draft to the teacher's own apps. Heads-Up never sends anything itself.
import type { Channel, Family } from '../core/types';

/** Whom a message goes to in a channel: the first guardian with an address for it. */
export function recipientFor(channel: Channel, family: Family | undefined): { address: string; label?: string } {
  const field = channel === 'email' ? 'email' : 'phone';
  const guardian = family?.guardians.find((g) => g[field]);
  const address = guardian?.[field] ?? '';
  return address ? { address, label: `${guardian!.name} <${address}>` } : { address };
}

/** Some mail apps cut mailto: links past about 2,000 characters; longer bodies go by the clipboard. */
export const MAILTO_MAX = 1_900;

/** A mailto: link with subject and body (RFC 6068: each part percent-encoded, line breaks as %0D%0A). */
export function mailtoLink(to: string, subject: string, body: string): string {
  const encode = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(to)}?subject=${encode(subject)}&body=${encode(body)}`;
}

/** An sms: link with the message (RFC 5724 `?body=`, understood by Android and iOS). */
export function smsLink(phone: string, body: string): string {
  const number = phone.replace(/[^\d+]/g, '');
  return `sms:${number}?body=${encodeURIComponent(body)}`;
}

/** A tel: link for the call. */
export function telLink(phone: string): string {
  return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
