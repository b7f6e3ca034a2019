// The calendar's three fields (the default calendar's and a section's own), and their dates checked:
// real YYYY-MM-DD dates, report dates de-duplicated and in order.
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

export interface CalendarFieldsProps {
  values: CalendarDates;
  /** the inputs' names (each form keeps its own) */
  names: Record<keyof CalendarDates, string>;
  onInput: (field: keyof CalendarDates, value: string) => void;
  disabled?: boolean;
  reportDatesRows?: number;
}

export function CalendarFields({ values, names, onInput, disabled = false, reportDatesRows = 4 }: CalendarFieldsProps) {
  const props = (field: keyof CalendarDates) => ({
    name: names[field],
    value: values[field],
    disabled,
    onInput: (e: Event) => onInput(field, (e.currentTarget as HTMLInputElement).value),
  });
  return (
    <>
      <label>
        {t('termStartLabel')}
        <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" {...props('termStart')} />
      </label>
      <label>
        {t('reportDatesLabel')}
        <textarea rows={reportDatesRows} {...props('reportDates')} />
      </label>
      <label>
        {t('termEndLabel')}
        <input type="text" inputMode="numeric" placeholder="YYYY-MM-DD" {...props('termEnd')} />
      </label>
    </>
  );
}
