// After a heads-up goes home, the family deserves to hear how things went — good or bad (DESIGN.md: the
// contact log drives cadence and balance). A follow-up is proposed a week or more after the latest
// heads-up, once there is something new in the gradebook to report, and says which way things moved.
import { localIsoDate } from './calendar-dates';
import type { FollowUpOf } from './proposal-types';
import { type RuleFinding, type StudentRecord, daysAgo, evidenceOf } from './student-record';

/** A follow-up is proposed this many days after the heads-up at the earliest (time to act on it)… */
export const FOLLOW_UP_AFTER_DAYS = 7;
/** …and no later than this (after three weeks the news is stale; a new concern gets its own heads-up). */
export const FOLLOW_UP_WITHIN_DAYS = 21;
/** A change in severity this large counts as better or worse (as "clearly worse" does for cadence). */
export const PROGRESS_STEP = 0.1;

export type FollowUpFinding = RuleFinding & { followUp: FollowUpOf };

/**
 * The follow-up due for this student now, if any: the latest heads-up is FOLLOW_UP_AFTER_DAYS to
 * FOLLOW_UP_WITHIN_DAYS old, no follow-up was logged since, and work dated after it (or made up since)
 * is in the gradebook. Evidence: that work. Progress compares the heads-up's severity with the severity
 * of the concern raised now, whatever its reason (0 when none is). Severity: the concern's severity now when it
 * got worse or stayed, else 0.5 (good news is worth sending, but it is not urgent).
 */
export function followUpDue(record: StudentRecord, concernNow: RuleFinding | undefined): FollowUpFinding | undefined {
  const { contacts } = record.history;
  let headsUp: (typeof contacts)[number] | undefined;
  for (const c of contacts) if (c.kind === 'heads-up' && (!headsUp || c.sentAt > headsUp.sentAt)) headsUp = c;
  if (!headsUp) return undefined;
  const age = daysAgo(record, headsUp.sentAt);
  if (age < FOLLOW_UP_AFTER_DAYS || age > FOLLOW_UP_WITHIN_DAYS) return undefined;
  const sentAt = headsUp.sentAt;
  if (contacts.some((c) => c.kind === 'follow-up' && c.sentAt > sentAt)) return undefined;
  const sentOn = localIsoDate(sentAt);
  const madeUpSince = new Set(
    record.history.events
      .filter((e) => e.kind === 'missing-cleared' && e.observedAt > sentAt)
      .map((e) => e.assignmentId),
  );
  const since = record.work.filter((w) => w.date > sentOn || madeUpSince.has(w.assignment.id));
  if (since.length === 0) return undefined;
  const severityNow = concernNow?.severity ?? 0;
  const change = severityNow - headsUp.severity;
  const progress = change <= -PROGRESS_STEP ? 'better' : change >= PROGRESS_STEP ? 'worse' : 'same';
  return {
    reason: 'follow-up',
    severity: progress === 'better' ? 0.5 : Math.max(0.5, severityNow),
    evidence: since.map(evidenceOf),
    followUp: { sentAt, reason: headsUp.reason, severityThen: headsUp.severity, severityNow, progress },
  };
}
