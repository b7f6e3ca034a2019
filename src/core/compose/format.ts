// Filling templates and formatting the facts in them (names, dates, lists, percents) per language.
import { parseIsoDate, weekdayOf } from '../calendar-dates';
import { en } from '../templates/en';
import type { MessageTemplates } from '../templates/types';

export type TemplateValues = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder without a value is a programming error and throws. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template placeholder {${key}} has no value in: ${text}`);
    return String(value);
  });
}

/** The first name from "Last, First [Middle]" or "First [Middle] Last". */
export function firstName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  const comma = clean.indexOf(',');
  const given = comma === -1 ? clean : clean.slice(comma + 1).trim();
  return given.split(' ')[0] || clean;
}

function formatDate(iso: string, pattern: string, words: MessageTemplates): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return fillTemplate(pattern, {
    day: date.day,
    month: words.monthsLong[date.month - 1]!,
    monthShort: words.monthsShort[date.month - 1]!,
    weekday: words.weekdays[weekdayOf(iso)]!,
  });
}

/** "Oct 30" / "30 de octubre" from `2025-10-30`. */
export function formatShortDate(iso: string, words: MessageTemplates = en): string {
  return formatDate(iso, words.shortDate, words);
}

/** "Friday, December 18" / "viernes, 18 de diciembre" from `2026-12-18`. */
export function formatLongDate(iso: string, words: MessageTemplates = en): string {
  return formatDate(iso, words.longDate, words);
}

/** A percent as the language writes a whole number (ours are rounded: never more precise than the page). */
export function formatPercent(percent: number, words: MessageTemplates = en): string {
  return new Intl.NumberFormat(words.locale, { maximumFractionDigits: 0 }).format(percent);
}

/** A number as the page showed it, in the language's number format (`61.5`). */
export function formatNumber(value: number, words: MessageTemplates = en): string {
  return new Intl.NumberFormat(words.locale, { maximumFractionDigits: 2, useGrouping: false }).format(value);
}

/** "A, B, and C" / "A, B y C". */
export function listOf(items: readonly string[], words: MessageTemplates = en): string {
  return new Intl.ListFormat(words.locale, { style: 'long', type: 'conjunction' }).format(items);
}
