import type { ContactKind, Channel, ContactLogEntry } from '../core/types';
import { formatMoment, t } from '../ui/i18n';

export interface ContactLogProps {
  entries: ContactLogEntry[];
  studentNames: ReadonlyMap<string, string>;
  onOpenStudent: (studentId: string) => void;
}

const KIND_KEY: Record<ContactKind, string> = { 'heads-up': 'kindHeadsUp', positive: 'kindPositive', 'follow-up': 'kindFollowUp' };
const CHANNEL_KEY: Record<Channel, string> = { email: 'channelEmail', text: 'channelText', phone: 'channelPhone' };

export function ContactLog({ entries, studentNames, onOpenStudent }: ContactLogProps) {
  return (
    <section class="contact-log" data-testid="contact-log" aria-labelledby="contact-log-heading">
      <h2 id="contact-log-heading">{t('contactLogHeading')}</h2>
      {entries.length === 0 ? (
        <p class="empty">{t('contactLogEmpty')}</p>
      ) : (
        <ul>
          {entries.map((e) => (
            <li key={e.id} data-testid="contact-entry">
              {t('contactLogEntry', {
                when: formatMoment(e.sentAt),
                student: studentNames.get(e.studentId) ?? e.studentId,
                kind: t(KIND_KEY[e.kind]),
                channel: t(CHANNEL_KEY[e.channel]),
              })}
              {e.subject && <span class="muted"> — {e.subject}</span>}{' '}
              <button type="button" class="link small" onClick={() => onOpenStudent(e.studentId)}>
                {t('timelineHeading')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
