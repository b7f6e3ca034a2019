// Text-message mechanics the composer and the tone check share: how many SMS segments a text takes, and
// the hours when a text to a family should not go out (SchoolStatus etiquette: nothing after 8 pm or
// before 7 am). Pure: the clock and the time zone come in as arguments.

/** GSM 03.38 default alphabet (one septet each). ESC (0x1B) is left out: it only introduces the extension table. */
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
/** GSM 03.38 extension table: each costs two septets (ESC + the character). */
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

/** Characters per segment: a single message, or each part of a concatenated one (the rest is the UDH). */
const GSM_SINGLE = 160;
const GSM_PART = 153;
const UCS2_SINGLE = 70;
const UCS2_PART = 67;
/** Past this many segments a text is long for a phone and may arrive in pieces: the composer warns. */
export const SMS_WARN_AFTER_SEGMENTS = 2;

export type SmsEncoding = 'GSM-7' | 'UCS-2';

export interface SmsCount {
  segments: number;
  encoding: SmsEncoding;
  /** characters (GSM-7: septets; UCS-2: UTF-16 code units) a segment holds at this length: 160/153 or 70/67 */
  perSegment: number;
  /** septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text */
  units: number;
  /** index in `text` (UTF-16) where each segment after the first starts */
  breaks: number[];
}

/** True when every character is in the GSM-7 alphabet (basic or extension). */
export function isGsm7(text: string): boolean {
  for (const ch of text) if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) return false;
  return true;
}

/**
 * How the text goes out as SMS. GSM-7 when every character is in the GSM alphabet (extension characters
 * count two septets), else UCS-2 counted in UTF-16 code units. A concatenated message never splits an
 * escape pair or a surrogate pair across segments, so parts are filled greedily up to 153 / 67.
 */
export function smsSegments(text: string): SmsCount {
  const gsm = isGsm7(text);
  const costs: { at: number; cost: number }[] = [];
  let at = 0;
  for (const ch of text) {
    costs.push({ at, cost: gsm ? (GSM_EXTENSION.has(ch) ? 2 : 1) : ch.length });
    at += ch.length;
  }
  const units = costs.reduce((sum, c) => sum + c.cost, 0);
  const single = gsm ? GSM_SINGLE : UCS2_SINGLE;
  const part = gsm ? GSM_PART : UCS2_PART;
  const encoding: SmsEncoding = gsm ? 'GSM-7' : 'UCS-2';
  if (units <= single) return { segments: 1, encoding, perSegment: single, units, breaks: [] };
  const breaks: number[] = [];
  let used = 0;
  for (const { at: index, cost } of costs) {
    if (used + cost > part) {
      breaks.push(index);
      used = 0;
    }
    used += cost;
  }
  return { segments: breaks.length + 1, encoding, perSegment: part, units, breaks };
}

/** The SMS facts shown with a text draft, with a warning past two segments. */
export function smsSummary(
  text: string,
  warning: (count: SmsCount) => string,
): { segments: number; encoding: SmsEncoding; warning?: string } {
  const count = smsSegments(text);
  const summary = { segments: count.segments, encoding: count.encoding };
  return count.segments > SMS_WARN_AFTER_SEGMENTS ? { ...summary, warning: warning(count) } : summary;
}

/** Local hours in which no text should be sent: from 20:00 until 07:00. */
export const QUIET_FROM_HOUR = 20;
export const QUIET_UNTIL_HOUR = 7;

/** True between 20:00 and 07:00 in `timeZone` (an IANA name; the runtime's own zone when absent). */
export function quietHours(now: number, timeZone?: string): boolean {
  const parts = new Intl.DateTimeFormat('en-US', {
    hour: 'numeric',
    hourCycle: 'h23',
    ...(timeZone === undefined ? {} : { timeZone }),
  }).formatToParts(new Date(now));
  const hour = Number(parts.find((p) => p.type === 'hour')?.value);
  return hour >= QUIET_FROM_HOUR || hour < QUIET_UNTIL_HOUR;
}

/** Typography outside GSM-7 that has a plain equivalent a reader will not miss. */
const PLAIN_EQUIVALENTS: ReadonlyArray<[RegExp, string]> = [
  [/[\u2012-\u2015\u2212]/g, '-'],
  [/[\u2018\u2019\u201A\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F]/g, ' '],
];

/** The text with dashes, curly quotes, ellipses and no-break spaces made plain (letters untouched). */
export function plainForSms(text: string): string {
  return PLAIN_EQUIVALENTS.reduce((out, [pattern, plain]) => out.replace(pattern, plain), text);
}
