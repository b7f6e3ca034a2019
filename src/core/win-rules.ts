// The rules that find good news worth sending home: made-up work, improvement, consistency.
// A win is its own proposal, never folded into a concern (communication principle 2).
import { addDays } from './calendar-dates';
import {
  type RuleFinding,
  type StudentRecord,
  clamp01,
  daysAgo,
  evidenceOf,
  hasEnoughForTrends,
  mean,
} from './student-record';

/** A missing mark cleared within this many days, with a score now, is made-up work. */
export const MADE_UP_WITHIN_DAYS = 14;
/** Last three scores averaging this many points above the three before is an improvement. */
export const IMPROVEMENT_POINTS = 10;
/** An improvement must be this fresh (days since the latest scored assignment's date). */
const IMPROVEMENT_FRESH_DAYS = 14;
/** This many scored assignments in a row at or above CONSISTENCY_PERCENT, nothing missing, is consistency. */
export const CONSISTENCY_COUNT = 5;
export const CONSISTENCY_PERCENT = 90;

/**
 * made-up-work: a `missing-cleared` event in the last MADE_UP_WITHIN_DAYS days whose cell now has a score.
 * Severity 0.5 for one assignment, +0.15 for each more.
 */
export function madeUpWork(record: StudentRecord): RuleFinding | undefined {
  const cleared = new Set(
    record.history.events
      .filter((e) => e.kind === 'missing-cleared' && daysAgo(record, e.observedAt) <= MADE_UP_WITHIN_DAYS)
      .map((e) => e.assignmentId),
  );
  const madeUp = record.scored.filter((w) => cleared.has(w.assignment.id));
  if (madeUp.length === 0) return undefined;
  return {
    reason: 'made-up-work',
    severity: clamp01(0.5 + 0.15 * (madeUp.length - 1)),
    evidence: madeUp.map(evidenceOf),
  };
}

/**
 * improvement: the average of the last three scores is at least IMPROVEMENT_POINTS above the average of
 * the three before. Severity 0.5 at the line, +1/40 per further point. previousPercent is the earlier average.
 */
export function improvement(record: StudentRecord): RuleFinding | undefined {
  if (!hasEnoughForTrends(record) || record.scored.length < 6) return undefined;
  const latestSix = record.scored.slice(-6);
  const before = latestSix.slice(0, 3);
  const recent = latestSix.slice(3);
  if (recent[2]!.date < addDays(record.today, -IMPROVEMENT_FRESH_DAYS)) return undefined;
  const earlierAverage = mean(before.map((w) => w.percent));
  const gain = mean(recent.map((w) => w.percent)) - earlierAverage;
  if (gain < IMPROVEMENT_POINTS) return undefined;
  return {
    reason: 'improvement',
    severity: clamp01(0.5 + (gain - IMPROVEMENT_POINTS) / 40),
    evidence: recent.map(evidenceOf),
    previousPercent: earlierAverage,
  };
}

/**
 * consistency: the latest CONSISTENCY_COUNT (or more) scores in a row are all at or above
 * CONSISTENCY_PERCENT and nothing is marked missing. Severity 0.4, +0.05 per further assignment, at most 0.7.
 * Evidence: the latest five of the streak.
 */
export function consistency(record: StudentRecord): RuleFinding | undefined {
  if (!hasEnoughForTrends(record) || record.work.some((w) => w.missing)) return undefined;
  let streak = 0;
  for (let i = record.scored.length - 1; i >= 0 && record.scored[i]!.percent >= CONSISTENCY_PERCENT; i--) {
    streak++;
  }
  if (streak < CONSISTENCY_COUNT) return undefined;
  return {
    reason: 'consistency',
    severity: Math.min(0.7, 0.4 + 0.05 * (streak - CONSISTENCY_COUNT)),
    evidence: record.scored.slice(-CONSISTENCY_COUNT).map(evidenceOf),
  };
}
