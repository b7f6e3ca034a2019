// What a school or district sets by policy (the browser's managed storage, schema in
// public/managed-schema.json): the calendar, the thresholds and the gradebook sites. Policy wins over
// the teacher's own settings, and the options page says so. Anything malformed is ignored with a reason.
import * as v from 'valibot';
import type { SchoolCalendar, Thresholds } from './types';

export interface ManagedPolicy {
  calendar?: SchoolCalendar;
  thresholds?: Partial<Thresholds>;
  sites?: string[];
}

const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const CalendarSchema = v.object({ termStart: isoDate, reportDates: v.array(isoDate), termEnd: isoDate });
const ThresholdsSchema = v.partial(
  v.object({
    lowGrade: v.pipe(v.number(), v.minValue(0), v.maxValue(100)),
    missingCount: v.pipe(v.number(), v.integer(), v.minValue(1)),
    dropPoints: v.pipe(v.number(), v.minValue(1), v.maxValue(100)),
    cadenceDays: v.pipe(v.number(), v.integer(), v.minValue(0)),
  }),
);
const SitesSchema = v.array(v.pipe(v.string(), v.url()));

/** The valid parts of what managed storage holds, and why the rest was ignored. */
export function parseManagedPolicy(raw: unknown): { policy: ManagedPolicy; problems: string[] } {
  const policy: ManagedPolicy = {};
  const problems: string[] = [];
  if (!raw || typeof raw !== 'object') return { policy, problems };
  const source = raw as Record<string, unknown>;
  const take = <T>(key: keyof ManagedPolicy, schema: v.GenericSchema<unknown, T>, set: (value: T) => void) => {
    if (source[key] === undefined) return;
    const parsed = v.safeParse(schema, source[key]);
    if (parsed.success) set(parsed.output);
    else problems.push(`${key}: ${v.summarize(parsed.issues)}`);
  };
  take('calendar', CalendarSchema, (calendar) => (policy.calendar = { ...calendar, reportDates: [...calendar.reportDates].sort() }));
  take('thresholds', ThresholdsSchema, (thresholds) => (policy.thresholds = thresholds));
  take('sites', SitesSchema, (sites) => (policy.sites = sites));
  return { policy, problems };
}
