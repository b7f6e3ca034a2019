import { useState } from 'preact/hooks';
import type { Settings } from '../core/types';
import { t } from '../ui/i18n';
import { CalendarFields } from './CalendarFields';

/** The form's raw values, checked by the caller on save. */
export interface CalendarDraft {
  termStart: string;
  reportDates: string;
  termEnd: string;
  signature: string;
}

export interface CalendarFormProps {
  settings: Settings;
  onSave: (draft: CalendarDraft) => void;
  /** the school sets the calendar by policy: shown, not editable */
  calendarBySchool?: boolean;
}

export function CalendarForm({ settings, onSave, calendarBySchool = false }: CalendarFormProps) {
  const [draft, setDraft] = useState<CalendarDraft>({
    termStart: settings.calendar.termStart,
    reportDates: settings.calendar.reportDates.join('\n'),
    termEnd: settings.calendar.termEnd,
    signature: settings.signature,
  });
  const field = (name: keyof CalendarDraft) => ({
    value: draft[name],
    disabled: calendarBySchool && name !== 'signature',
    onInput: (e: Event) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value }),
  });
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
      }}
    >
      <fieldset>
        <legend>{t('calendarHeading')}</legend>
        <p class="muted">{t('calendarHelp')}</p>
        {calendarBySchool && <p class="by-school" data-testid="calendar-by-school">{t('setBySchool')}</p>}
        <CalendarFields
          values={draft}
          names={{ termStart: 'termStart', reportDates: 'reportDates', termEnd: 'termEnd' }}
          onInput={(name, value) => setDraft({ ...draft, [name]: value })}
          disabled={calendarBySchool}
        />
      </fieldset>
      <fieldset>
        <legend>{t('signatureLabel')}</legend>
        <label>
          {t('signatureLabel')}
          <input name="signature" type="text" {...field('signature')} />
        </label>
      </fieldset>
      <button type="submit">{t('save')}</button>
    </form>
  );
}
