// The rules that find good news worth sending home: made-up work, improvement, consistency, a personal
// best, a run of work all turned in. A win is its own proposal, never folded into a concern
// (communication principle 2). Each rests on named assignments: no stock compliments.
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

/** A personal best or a run of turned-in work must end with work dated this recently (days). */
const WIN_FRESH_DAYS = 14;
/** A personal best beats at least this many earlier scores (fewer for a family with no good news yet). */
export const PERSONAL_BEST_AFTER = 4;
/** A run of this many turned-in assignments with nothing missing (fewer for a family with no good news yet). */
export const WORK_COMPLETE_RUN = 6;

/**
 * How high the bar is. `noGoodNewsYet`: the family has had no positive contact this term, so a smaller
 * fact is worth sending (a best over two earlier scores, three assignments turned in) — still a fact
 * from the gradebook, never a stock compliment: with no such fact there is no proposal.
 */
export interface WinBar {
  noGoodNewsYet: boolean;
}

/**
 * made-up-work: a `missing-cleared` event in the last MADE_UP_WITHIN_DAYS days whose cell now has a score.
 * Severity 0.5 for one assignment, +0.15 for each more, +0.1 when nothing is missing any more.
 */
export function madeUpWork(record: StudentRecord): RuleFinding | undefined {
  const cleared = new Set(
    record.history.events
      .filter((e) => e.kind === 'missing-cleared' && daysAgo(record, e.observedAt) <= MADE_UP_WITHIN_DAYS)
      .map((e) => e.assignmentId),
  );
  const madeUp = record.scored.filter((w) => cleared.has(w.assignment.id));
  if (madeUp.length === 0) return undefined;
  const allMadeUp = !record.work.some((w) => w.missing);
  return {
    reason: 'made-up-work',
    severity: clamp01(0.5 + 0.15 * (madeUp.length - 1) + (allMadeUp ? 0.1 : 0)),
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

const isFresh = (record: StudentRecord, date: string) => date >= addDays(record.today, -WIN_FRESH_DAYS);

/**
 * personal-best: the latest score is higher than every earlier score this term (at least
 * PERSONAL_BEST_AFTER of them, 2 when there has been no good news yet) and fresh. Severity 0.45, +1/40
 * per point above the earlier best, at most 0.7. previousPercent is the earlier best.
 */
export function personalBest(record: StudentRecord, bar: WinBar = { noGoodNewsYet: false }): RuleFinding | undefined {
  const { scored } = record;
  const latest = scored[scored.length - 1];
  const needed = bar.noGoodNewsYet ? 2 : PERSONAL_BEST_AFTER;
  if (!latest || scored.length - 1 < needed || !isFresh(record, latest.date)) return undefined;
  let earlierBest = -Infinity;
  for (let i = 0; i < scored.length - 1; i++) earlierBest = Math.max(earlierBest, scored[i]!.percent);
  if (latest.percent <= earlierBest) return undefined;
  return {
    reason: 'personal-best',
    severity: Math.min(0.7, 0.45 + (latest.percent - earlierBest) / 40),
    evidence: [evidenceOf(latest)],
    previousPercent: earlierBest,
  };
}

/** How many of the latest counted assignments in a row were turned in (not missing). */
export function turnedInRun(record: StudentRecord): number {
  let run = 0;
  for (let i = record.work.length - 1; i >= 0 && !record.work[i]!.missing; i--) run++;
  return run;
}

/**
 * work-complete: the latest WORK_COMPLETE_RUN assignments or more (3 when there has been no good news
 * yet) were all turned in, nothing is missing, and the latest is fresh. Severity 0.35, +0.02 per further
 * assignment, at most 0.45 (below a consistency win: turning work in is the smaller fact). Evidence: the
 * whole run.
 */
export function workComplete(record: StudentRecord, bar: WinBar = { noGoodNewsYet: false }): RuleFinding | undefined {
  const run = turnedInRun(record);
  const needed = bar.noGoodNewsYet ? 3 : WORK_COMPLETE_RUN;
  const latest = record.work[record.work.length - 1];
  if (run < needed || run < record.work.length || !latest || !isFresh(record, latest.date)) return undefined;
  return {
    reason: 'work-complete',
    severity: Math.min(0.45, 0.35 + 0.02 * (run - needed)),
    evidence: record.work.slice(-run).map(evidenceOf),
  };
}
