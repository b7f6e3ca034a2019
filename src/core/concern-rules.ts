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
import type { CountedWork } from './grade-calc';

/** A scored assignment this many points under the student's own average is a sudden drop. */
export const SUDDEN_DROP_POINTS = 25;
/** A sudden drop must be this fresh (days since the latest assignment's date) to be raised. */
const SUDDEN_DROP_FRESH_DAYS = 14;
/** Recent work at or above this percent is "going well". */
export const GOING_WELL_PERCENT = 80;
/** How many of the latest scored assignments "recent" means for what is going well. */
const GOING_WELL_LOOKBACK = 6;
/**
 * One missing assignment is a concern by itself when it carries at least this share of the points
 * counted so far: a missed essay or unit test early in the term is not a missed warm-up. (On the course
 * data a first missing major assignment was the strongest single early sign of failing or withdrawing.)
 */
export const SUBSTANTIAL_MISSING_SHARE = 0.25;

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
 * The share (0–1) of the points counted so far that the missing work carries; when the work counted so
 * far carries no points at all (a zero-point first assignment), the share of the pieces of work instead:
 * a missing assignment is missing whatever it is worth, and a student who has turned in nothing of what
 * was due has missed all of it. (On the course data a missed zero-point first assignment ended in
 * Fail/Withdrawn four times in five; counted by points it was invisible.)
 */
export function missingShare(record: StudentRecord): number {
  let missing = 0;
  let possible = 0;
  let missingPieces = 0;
  for (const w of record.work) {
    possible += w.possible;
    if (w.missing) {
      missing += w.possible;
      missingPieces++;
    }
  }
  if (possible > 0) return missing / possible;
  return record.work.length > 0 ? missingPieces / record.work.length : 0;
}

/**
 * missing-work: at least `missingCount` cells are marked missing now, or two in a row are, or the
 * missing work carries at least SUBSTANTIAL_MISSING_SHARE of the points counted so far.
 * Severity: 0.4 for one, +0.15 for each more (0.55 for two, 1 at five), or 0.4 + the missing share
 * of the points when that is higher.
 */
export function missingWork(record: StudentRecord): RuleFinding | undefined {
  const missing = record.work.filter((w) => w.missing);
  if (missing.length === 0) return undefined;
  const share = missingShare(record);
  const byCount = missing.length >= record.thresholds.missingCount || longestMissingRun(record) >= 2;
  if (!byCount && share < SUBSTANTIAL_MISSING_SHARE) return undefined;
  return {
    reason: 'missing-work',
    severity: clamp01(Math.max(0.4 + 0.15 * (missing.length - 1), 0.4 + share)),
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
 * sliding-grade, raised on any of:
 * - low: the grade is under `lowGrade`, from the first counted work on (a level is a fact, not a trend:
 *   on the course data the first low grade was the earliest reliable sign, and waiting for three pieces
 *   of work cost three weeks of lead time);
 * - fall: the grade fell at least `dropPoints` from its recent best (a trend: needs MIN_WORK_FOR_TRENDS);
 * - heading low: the grade is not under the line yet, but its projection at the next report date is,
 *   even at the top of the projection's band (a trend too; the report has not gone home yet, so there is
 *   time to act; on the course data a projection merely dipping under the line was right less often than
 *   not, so the whole band must be under it).
 * Severity: low, 0.5 + (lowGrade − grade) / 40; fall, 0.4 + (fall − dropPoints) / 50; heading low,
 * 0.4 + (lowGrade − projected) / 40; the largest, +0.1 when low and fall both hold. Evidence: recent work
 * that is missing or under the line (the low-grade line, or the best minus `dropPoints` for a fall,
 * whichever is higher).
 */
export function slidingGrade(record: StudentRecord): RuleFinding | undefined {
  const enough = hasEnoughForTrends(record);
  const { lowGrade, dropPoints } = record.thresholds;
  const grade = record.gradePercent;
  const projection = record.projection;
  const low = grade !== undefined && grade < lowGrade;
  const slide = enough ? recentSlide(record) : undefined;
  const fall = slide ? slide.best - slide.latest : 0;
  const slid = slide !== undefined && fall >= dropPoints;
  const headingLow = enough && !low && projection !== undefined && projection.high < lowGrade;
  if (!low && !slid && !headingLow) return undefined;
  const lowPart = low ? 0.5 + (lowGrade - grade) / 40 : 0;
  const fallPart = slid ? 0.4 + (fall - dropPoints) / 50 : 0;
  const headingPart = headingLow ? 0.4 + (lowGrade - projection.percent) / 40 : 0;
  const line = slid ? Math.max(lowGrade, slide.best - dropPoints) : lowGrade;
  const finding: RuleFinding = {
    reason: 'sliding-grade',
    severity: clamp01(Math.max(lowPart, fallPart, headingPart) + (low && slid ? 0.1 : 0)),
    evidence: lowWorkUnder(record, line).map(evidenceOf),
  };
  if (slid) finding.previousPercent = slide.best;
  if (projection && headingLow) finding.projection = projection;
  return finding;
}

/** Recent work missing or under `line`; else the lowest recent scores (the grade is low on weights we cannot see). */
function lowWorkUnder(record: StudentRecord, line: number): CountedWork[] {
  const recent = record.work.filter((w) => isRecent(record, w.date));
  const lowWork = recent.filter((w) => w.missing || (w.percent !== undefined && w.percent < line));
  if (lowWork.length > 0) return lowWork;
  return [...(recent.length > 0 ? recent : record.work.slice(-3))]
    .sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0))
    .slice(0, 3)
    .sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * sudden-drop: the latest two scored assignments (else the latest one) are each at least
 * SUDDEN_DROP_POINTS under the average of the student's earlier scores (at least two of them) and under
 * `lowGrade`, and the latest is fresh. (A drop that stays above the low-grade line — 100 to 74 — is not
 * a heads-up to send home; on the course data such drops were mostly noise.) Severity 0.45 at the line, +1/60 per further point, at most 0.95.
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
    if (smallestGap < SUDDEN_DROP_POINTS || recent.some((w) => w.percent >= record.thresholds.lowGrade)) continue;
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
