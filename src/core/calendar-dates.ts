// Calendar-date arithmetic on ISO `YYYY-MM-DD` strings, free of time-zone shifts.
// `new Date('2025-10-30')` is UTC midnight, which is the previous evening in the Americas; so dates are
// split into numbers and computed with Date.UTC, and a moment (epoch ms) becomes a date in the local time
// of the browser running the extension, which is the school's.
import type { SchoolCalendar } from './types';

export const DAY_MS = 86_400_000;

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The parts of an ISO date, or undefined when the text is not a real `YYYY-MM-DD` date. */
export function parseIsoDate(iso: string): CalendarDate | undefined {
  const match = ISO_DATE.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

function requireDate(iso: string): CalendarDate {
  const date = parseIsoDate(iso);
  if (!date) throw new Error(`not an ISO calendar date: ${JSON.stringify(iso)}`);
  return date;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function isoDateFromParts(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The local calendar date of a moment (epoch ms). */
export function localIsoDate(moment: number): string {
  const d = new Date(moment);
  return isoDateFromParts(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** Day numbers of ISO dates already seen: the engine asks for the same few hundred dates many times. */
const dayNumbers = new Map<string, number>();
const DAY_NUMBER_CACHE_LIMIT = 20_000;

const utcDay = (iso: string) => {
  const known = dayNumbers.get(iso);
  if (known !== undefined) return known;
  const { year, month, day } = requireDate(iso);
  const value = Date.UTC(year, month - 1, day) / DAY_MS;
  if (dayNumbers.size >= DAY_NUMBER_CACHE_LIMIT) dayNumbers.clear();
  dayNumbers.set(iso, value);
  return value;
};

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return utcDay(to) - utcDay(from);
}

export function addDays(iso: string, days: number): string {
  const { year, month, day } = requireDate(iso);
  return isoDateFromParts(year, month, day + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(iso: string): number {
  const { year, month, day } = requireDate(iso);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The first report date (or the term's end) on or after `today`; undefined once the term is over. */
export function nextReportDate(calendar: SchoolCalendar, today: string): string | undefined {
  const candidates = [...calendar.reportDates, calendar.termEnd]
    .filter((date) => parseIsoDate(date) !== undefined && date >= today)
    .sort();
  return candidates[0];
}
