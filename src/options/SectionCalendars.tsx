// A section's own calendar: a semester class beside year-long ones, or a section whose progress reports
// go home on another day. Chosen by section; without its own, a section follows the default calendar.
import { useEffect, useState } from 'preact/hooks';
import type { SchoolCalendar, Section } from '../core/types';
import type { HeadsUpDb } from '../storage/db';
import { loadSectionCalendars, loadSections } from '../storage/queries';
import { t } from '../ui/i18n';
import { SectionSelect } from '../ui/SectionSelect';
import { sendToBackground } from '../ui/send-to-background';
import { CalendarFields, checkCalendarDates, type CalendarDates } from './CalendarFields';

export interface SectionCalendarsProps {
  db: HeadsUpDb;
  defaultCalendar: SchoolCalendar;
  /** the school sets the calendar for every section by policy */
  bySchool: boolean;
}

const draftOf = (calendar: SchoolCalendar): CalendarDates => ({
  termStart: calendar.termStart,
  reportDates: calendar.reportDates.join('\n'),
  termEnd: calendar.termEnd,
});

export function SectionCalendars({ db, defaultCalendar, bySchool }: SectionCalendarsProps) {
  const [sections, setSections] = useState<Section[]>([]);
  const [own, setOwn] = useState<Map<string, SchoolCalendar>>(new Map());
  const [sectionId, setSectionId] = useState('');
  const [draft, setDraft] = useState<CalendarDates>(draftOf(defaultCalendar));
  const [notice, setNotice] = useState('');

  const reload = () =>
    Promise.all([loadSections(db), loadSectionCalendars(db)]).then(
      ([found, calendars]) => {
        setSections(found);
        setOwn(calendars);
      },
      (error: unknown) => setNotice(String(error)),
    );
  useEffect(() => void reload(), [db]);

  if (bySchool || sections.length === 0) return null;

  const choose = (id: string) => {
    setSectionId(id);
    setDraft(draftOf(own.get(id) ?? defaultCalendar));
    setNotice('');
  };
  const save = (calendar?: SchoolCalendar) =>
    sendToBackground({ type: 'save-section-calendar', sectionId, ...(calendar ? { calendar } : {}) }).then(
      () => {
        setNotice(calendar ? t('saved') : t('sectionCalendarRemoved'));
        if (!calendar) setDraft(draftOf(defaultCalendar));
        void reload();
      },
      (error: unknown) => setNotice(t('saveFailed', { error: String(error) })),
    );
  const submit = (event: Event) => {
    event.preventDefault();
    const checked = checkCalendarDates(draft);
    if ('error' in checked) {
      setNotice(checked.error);
      return;
    }
    void save({ termStart: draft.termStart, reportDates: checked.dates, termEnd: draft.termEnd });
  };
  const names = new Map(sections.map((s): [string, string] => [s.id, s.name]));

  return (
    <section aria-labelledby="section-calendars-heading" data-testid="section-calendars">
      <h2 id="section-calendars-heading">{t('sectionCalendarsHeading')}</h2>
      <p class="muted">{t('sectionCalendarsHelp')}</p>
      {own.size > 0 && (
        <ul data-testid="section-calendars-list">
          {[...own.keys()].map((id) => (
            <li key={id}>{names.get(id) ?? id}</li>
          ))}
        </ul>
      )}
      <label>
        {t('sectionCalendarFor')}{' '}
        <SectionSelect sections={sections} value={sectionId} onChange={choose} testId="section-calendar-section" allLabel={t('sectionCalendarChoose')} />
      </label>
      {sectionId && (
        <form onSubmit={submit}>
          <CalendarFields
            values={draft}
            names={{ termStart: 'sectionTermStart', reportDates: 'sectionReportDates', termEnd: 'sectionTermEnd' }}
            onInput={(name, value) => setDraft({ ...draft, [name]: value })}
            reportDatesRows={3}
          />
          <button type="submit" data-testid="section-calendar-save">{t('save')}</button>{' '}
          {own.has(sectionId) && (
            <button type="button" class="secondary" onClick={() => void save()} data-testid="section-calendar-remove">
              {t('sectionCalendarUseDefault')}
            </button>
          )}
        </form>
      )}
      <p role="status" class="notice" data-testid="section-calendar-notice">{notice}</p>
    </section>
  );
}
