// UI text comes from the browser's i18n catalogue (public/_locales/<lang>/messages.json), never from
// components. `{name}` tokens in a message are filled from `values` (kept simpler than Chrome's
// $placeholder$ syntax, and the same in every browser).
import browser from 'webextension-polyfill';

export function t(key: string, values: Record<string, string | number> = {}): string {
  const message = browser.i18n.getMessage(key);
  if (!message) {
    console.error(`Heads-Up: no UI text for "${key}"`);
    return key;
  }
  return message.replace(/\{(\w+)\}/g, (token, name: string) => (name in values ? String(values[name]) : token));
}

/**
 * A counted phrase: `${base}One` for 1, `${base}Other` otherwise (English and Spanish need no more
 * forms; a language that does gets its own keys when it is added).
 */
export function tCount(base: string, count: number): string {
  return t(count === 1 ? `${base}One` : `${base}Other`, { count });
}

/** The browser's UI language, for formatting dates and numbers. */
export function uiLocale(): string {
  return browser.i18n.getUILanguage();
}

/**
 * One formatter per set of options: creating an Intl formatter is slow (toLocaleDateString makes one on
 * every call), and the popup formats a date on every card.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = JSON.stringify(options);
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(uiLocale(), options);
    formatters.set(key, formatter);
  }
  return formatter;
}

/** `2026-12-18` → "Fri, Dec 18" in the UI language (calendar dates carry no time zone). */
export function formatIsoDate(iso: string, options: Intl.DateTimeFormatOptions = { weekday: 'short', month: 'short', day: 'numeric' }): string {
  const [y, m, d] = iso.split('-').map(Number);
  return formatterFor(options).format(new Date(y!, m! - 1, d!));
}

export function formatMoment(ms: number): string {
  return formatterFor({ month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' }).format(new Date(ms));
}
