// The calendar form's dates, checked: real YYYY-MM-DD dates, report dates de-duplicated and in order.
import { t } from '../ui/i18n';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export interface CalendarDates {
  termStart: string;
  /** one date per line (or separated by spaces), as typed */
  reportDates: string;
  termEnd: string;
}

export function checkCalendarDates(draft: CalendarDates): { dates: string[] } | { error: string } {
  const dates = draft.reportDates.split(/\s+/).filter(Boolean);
  for (const value of [draft.termStart, draft.termEnd, ...dates]) {
    if (!ISO.test(value) || Number.isNaN(Date.parse(value))) return { error: t('invalidDate', { value }) };
  }
  return { dates: [...new Set(dates)].sort() };
}
