// The rules that raise a heads-up (a concern), each returning its severity and the assignments behind
// it, plus what is going well to build on. Thresholds come from the teacher's settings; the fixed numbers
// here are documented where they are defined.
import type { Evidence } from './proposal-types';
import {
  type RuleFinding,
  type StudentRecord,
  MIN_WORK_FOR_TRENDS,
  RECENT_DAYS,
  clamp01,
  evidenceOf,
  hasEnoughForTrends,
  isRecent,
  mean,
} from './student-record';
import { DAY_MS, addDays } from './calendar-dates';

/** A scored assignment this many points under the student's own average is a sudden drop. */
export const SUDDEN_DROP_POINTS = 25;
/** A sudden drop must be this fresh (days since the latest assignment's date) to be raised. */
const SUDDEN_DROP_FRESH_DAYS = 14;
/** Recent work at or above this percent is "going well". */
export const GOING_WELL_PERCENT = 80;
/** How many of the latest scored assignments "recent" means for what is going well. */
const GOING_WELL_LOOKBACK = 6;

function longestMissingRun(record: StudentRecord): number {
  let longest = 0;
  let run = 0;
  for (const work of record.work) {
    run = work.missing ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * missing-work: at least `missingCount` cells are marked missing now, or two in a row are.
 * Severity 0.55 for two, +0.15 for each more (1 at five).
 */
export function missingWork(record: StudentRecord): RuleFinding | undefined {
  const missing = record.work.filter((w) => w.missing);
  if (missing.length === 0) return undefined;
  if (missing.length < record.thresholds.missingCount && longestMissingRun(record) < 2) return undefined;
  return {
    reason: 'missing-work',
    severity: clamp01(0.4 + 0.15 * (missing.length - 1)),
    evidence: missing.map(evidenceOf),
  };
}

/**
 * The grade's best and latest values over the recent window (the last value before the window counts
 * as its start). Two sources are combined: the page's own overall-grade series (what Heads-Up saw) and
 * the running computed grade by due date (what the grade was after each piece of work, known even for
 * weeks before Heads-Up first read the page). The running grade counts from the point where it rests on
 * at least MIN_WORK_FOR_TRENDS assignments (over one or two scores it swings too much). The best is the
 * higher of the two sources; the latest is the page's own grade when it shows one.
 */
export function recentSlide(record: StudentRecord): { best: number; latest: number } | undefined {
  const windowStart = record.now - RECENT_DAYS * DAY_MS;
  const pageRows = record.history.overall
    .filter((row): row is typeof row & { percent: number } => row.percent !== undefined)
    .sort((a, b) => a.observedAt - b.observedAt);
  const pageValues = windowed(pageRows, (row) => row.observedAt >= windowStart).map((row) => row.percent);
  const settled = record.running.slice(MIN_WORK_FOR_TRENDS - 1);
  const runningValues = windowed(settled, (point) => isRecent(record, point.work.date)).map((p) => p.percent);
  const pageLatest = record.current?.source === 'page' ? record.current.percent : undefined;
  const latest = pageLatest ?? runningValues[runningValues.length - 1];
  const values = [...pageValues, ...runningValues];
  if (latest === undefined || values.length < 2) return undefined;
  return { best: Math.max(...values), latest };
}

/** The items inside the window plus the last one before it. */
function windowed<T>(ordered: readonly T[], inWindow: (item: T) => boolean): T[] {
  const first = ordered.findIndex(inWindow);
  if (first === -1) return ordered.slice(-1);
  return ordered.slice(Math.max(0, first - 1));
}

/**
 * sliding-grade: the grade is under `lowGrade`, or it fell at least `dropPoints` from its recent best.
 * Severity: under the line, 0.5 + (lowGrade − grade) / 40; a fall, 0.4 + (fall − dropPoints) / 50;
 * the larger of the two, +0.1 when both hold. Evidence: recent work that is missing or under the line
 * (the low-grade line, or the best minus `dropPoints` for a fall, whichever is higher).
 */
export function slidingGrade(record: StudentRecord): RuleFinding | undefined {
  if (!hasEnoughForTrends(record)) return undefined;
  const { lowGrade, dropPoints } = record.thresholds;
  const grade = record.gradePercent;
  const low = grade !== undefined && grade < lowGrade;
  const slide = recentSlide(record);
  const fall = slide ? slide.best - slide.latest : 0;
  const slid = slide !== undefined && fall >= dropPoints;
  if (!low && !slid) return undefined;
  const lowPart = low ? 0.5 + (lowGrade - grade) / 40 : 0;
  const fallPart = slid ? 0.4 + (fall - dropPoints) / 50 : 0;
  const line = slid ? Math.max(lowGrade, slide.best - dropPoints) : lowGrade;
  const recent = record.work.filter((w) => isRecent(record, w.date));
  let lowWork = recent.filter((w) => w.missing || (w.percent !== undefined && w.percent < line));
  if (lowWork.length === 0) {
    // The grade is low on weights we cannot see: show the lowest recent scores instead of nothing.
    lowWork = [...(recent.length > 0 ? recent : record.work.slice(-3))]
      .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0))
      .slice(0, 3)
      .sort((a, b) => a.date.localeCompare(b.date));
  }
  const finding: RuleFinding = {
    reason: 'sliding-grade',
    severity: clamp01(Math.max(lowPart, fallPart) + (low && slid ? 0.1 : 0)),
    evidence: lowWork.map(evidenceOf),
  };
  if (slid) finding.previousPercent = slide.best;
  return finding;
}

/**
 * sudden-drop: the latest two scored assignments (else the latest one) are each at least
 * SUDDEN_DROP_POINTS under the average of the student's earlier scores (at least two of them), and the
 * latest is fresh. Severity 0.45 at the line, +1/60 per further point, at most 0.95.
 * previousPercent is that earlier average.
 */
export function suddenDrop(record: StudentRecord): RuleFinding | undefined {
  if (!hasEnoughForTrends(record)) return undefined;
  const { scored } = record;
  const latest = scored[scored.length - 1];
  if (!latest || latest.date < addDays(record.today, -SUDDEN_DROP_FRESH_DAYS)) return undefined;
  for (const count of [2, 1]) {
    const earlier = scored.slice(0, -count);
    if (earlier.length < 2) continue;
    const recent = scored.slice(-count);
    const average = mean(earlier.map((w) => w.percent));
    const smallestGap = Math.min(...recent.map((w) => average - w.percent));
    if (smallestGap < SUDDEN_DROP_POINTS) continue;
    return {
      reason: 'sudden-drop',
      severity: Math.min(0.95, clamp01(0.45 + (smallestGap - SUDDEN_DROP_POINTS) / 60)),
      evidence: recent.map(evidenceOf),
      previousPercent: average,
    };
  }
  return undefined;
}

/**
 * Up to two of the best of the latest scored assignments at or above GOING_WELL_PERCENT, not among the
 * concern's evidence, oldest first. Empty when nothing qualifies: a concern never gets a stock compliment.
 */
export function goingWell(record: StudentRecord, evidence: readonly Evidence[]): Evidence[] {
  const shown = new Set(evidence.map((e) => e.assignmentId));
  return record.scored
    .slice(-GOING_WELL_LOOKBACK)
    .filter((w) => w.percent >= GOING_WELL_PERCENT && !shown.has(w.assignment.id))
    .sort((a, b) => b.percent - a.percent || b.date.localeCompare(a.date))
    .slice(0, 2)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map(evidenceOf);
}
