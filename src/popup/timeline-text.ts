// One line of plain words for each timeline entry (text from the i18n catalogue).
import type { Assignment, CellState, GradeEvent, OverallState } from '../core/types';
import type { TimelineEntry } from '../storage/queries';
import { t } from '../ui/i18n';

const KIND_KEY = { 'heads-up': 'kindHeadsUp', positive: 'kindPositive', 'follow-up': 'kindFollowUp' } as const;
const CHANNEL_KEY = { email: 'channelEmail', text: 'channelText', phone: 'channelPhone' } as const;

function shown(state: CellState | OverallState | undefined): string {
  if (!state) return '—';
  if ('score' in state) return state.raw || '—';
  if (state.percent !== undefined) return `${state.percent}%${state.letter ? ` ${state.letter}` : ''}`;
  return state.letter ?? state.raw;
}

function eventText(event: GradeEvent, assignments: ReadonlyMap<string, Assignment>): string {
  const assignment = (event.assignmentId && assignments.get(event.assignmentId)?.name) ?? '';
  return t(`ev_${event.kind.replace(/-/g, '_')}`, { assignment, before: shown(event.before), after: shown(event.after) });
}

export function timelineText(entry: TimelineEntry, assignments: ReadonlyMap<string, Assignment>): string {
  switch (entry.type) {
    case 'event':
      return eventText(entry.event, assignments);
    case 'overall':
      return t('overallSeen', { after: shown(entry.overall) });
    case 'contact':
      return t('contactSent', {
        kind: t(KIND_KEY[entry.contact.kind]),
        channel: t(CHANNEL_KEY[entry.contact.channel]),
        to: entry.contact.to ? t('contactTo', { to: entry.contact.to }) : '',
      });
  }
}
