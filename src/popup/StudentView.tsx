// One student: the family's contacts and preferences, the overall grade's trend with the report dates,
// and the timeline of grade events and contacts (newest first).
import type { SchoolCalendar } from '../core/types';
import { formatMoment, t } from '../ui/i18n';
import { timelineText } from './timeline-text';
import { TrendChart } from './TrendChart';
import { useStudentRecord } from './use-student-record';

export interface StudentViewProps {
  studentId: string;
  /** the default calendar */
  calendar: SchoolCalendar;
  /** the sections that keep their own: the student's section's is shown */
  sectionCalendars?: ReadonlyMap<string, SchoolCalendar>;
  onBack: () => void;
}

const CHANNEL_KEY = { email: 'channelEmail', text: 'channelText', phone: 'channelPhone' } as const;

export function StudentView({ studentId, calendar, sectionCalendars, onBack }: StudentViewProps) {
  const { record, error } = useStudentRecord(studentId);
  if (error) return <p role="alert" class="error">{t('loadFailed', { error })}</p>;
  if (!record) return <section class="student-view" aria-busy="true" />;
  const { student, family, timeline, assignments } = record;
  const overall = timeline.flatMap((e) => (e.type === 'overall' ? [e.overall] : []));
  const shownCalendar = student?.sectionIds.map((id) => sectionCalendars?.get(id)).find((found) => found !== undefined) ?? calendar;
  return (
    <section class="student-view" data-testid="student-view" aria-labelledby="student-heading">
      <button type="button" class="link" onClick={onBack}>
        {t('backToList')}
      </button>
      <h2 id="student-heading">{student?.name ?? studentId}</h2>
      <h3>{t('familyHeading')}</h3>
      {family && family.guardians.length > 0 ? (
        <ul class="family">
          {family.guardians.map((g, i) => (
            <li key={i}>
              {g.name}
              {g.relation ? ` (${g.relation})` : ''}
              {g.email ? ` · ${g.email}` : ''}
              {g.phone ? ` · ${g.phone}` : ''}
            </li>
          ))}
          {family.preferredChannel && (
            <li class="muted">{t('prefers', { channel: t(CHANNEL_KEY[family.preferredChannel]), language: family.language ?? 'en' })}</li>
          )}
        </ul>
      ) : (
        <p class="empty">{t('noFamily')}</p>
      )}
      <h3>{t('trendHeading')}</h3>
      <TrendChart series={overall} reportDates={shownCalendar.reportDates} />
      <h3>{t('timelineHeading')}</h3>
      {timeline.length === 0 ? (
        <p class="empty">{t('timelineEmpty')}</p>
      ) : (
        <ol class="timeline" data-testid="timeline" reversed>
          {[...timeline].reverse().map((entry, i) => (
            <li key={i} data-type={entry.type}>
              <span class="muted">{formatMoment(entry.at)}</span> {timelineText(entry, assignments)}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
