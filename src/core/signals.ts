// The signals behind every proposal, for one student in one section at a moment: what the grade is,
// where it is heading, what is missing, what fell and what came back, and the wins. Each carries its
// evidence (the assignments, dates and numbers behind it), so the popup can show how a proposal came
// about and the evaluation can check the engine on real data. Pure: `now` comes in (epoch ms).
import { slidingGrade, suddenDrop } from './concern-rules';
import { scoreTrendPerWeek } from './grade-projection';
import type { CurrentGrade, Evidence, GradeProjection, StudentHistory } from './proposal-types';
import { MIN_WORK_FOR_TRENDS, type StudentRecord, evidenceOf, readStudentRecord } from './student-record';
import type { Settings } from './types';
import { improvement, madeUpWork, personalBest, turnedInRun } from './win-rules';

export interface Signals {
  /** the local date the signals are for, ISO */
  asOf: string;
  /** the grade now: the page's own where shown, else computed; `computedPercent` is always ours */
  grade?: CurrentGrade & { computedPercent?: number; method: 'points' | 'weighted'; countedWork: number };
  /** slope of the scores themselves over the term, points per week (from three scores on) */
  trend?: { pointsPerWeek: number; evidence: Evidence[] };
  /** the running grade projected to the next report date, with its band */
  projection?: GradeProjection;
  missing: { count: number; currentRun: number; evidence: Evidence[] };
  /** the latest score(s) far under the student's own average, or the grade fallen from its recent best */
  recentDrop?: { fromPercent: number; evidence: Evidence[] };
  /** back up after a drop: the running grade regained at least half of a fall of `dropPoints` or more */
  recovery?: { peakPercent: number; lowPercent: number; nowPercent: number; evidence: Evidence[] };
  wins: {
    improvement?: { fromPercent: number; evidence: Evidence[] };
    /** how many of the latest assignments in a row were turned in */
    completedRun: { count: number; evidence: Evidence[] };
    personalBest?: { previousBest: number; evidence: Evidence[] };
    /** missing work made up recently, and whether nothing is missing any more */
    madeUp?: { allMadeUp: boolean; evidence: Evidence[] };
  };
}

/** Every signal for one student in one section at `now`. */
export function computeSignals(history: StudentHistory, settings: Settings, now: number): Signals {
  return signalsOf(readStudentRecord(history, settings, now));
}

export function signalsOf(record: StudentRecord): Signals {
  const missing = record.work.filter((w) => w.missing);
  let missingRun = 0;
  for (let i = record.work.length - 1; i >= 0 && record.work[i]!.missing; i--) missingRun++;
  const completed = turnedInRun(record);
  const signals: Signals = {
    asOf: record.today,
    missing: { count: missing.length, currentRun: missingRun, evidence: missing.map(evidenceOf) },
    wins: { completedRun: { count: completed, evidence: record.work.slice(record.work.length - completed).map(evidenceOf) } },
  };
  const grade = gradeSignal(record);
  if (grade) signals.grade = grade;
  const pointsPerWeek = scoreTrendPerWeek(
    record.scored.map((w) => ({ date: w.date, percent: w.percent, weight: Math.max(w.possible, 1e-9) })),
  );
  if (pointsPerWeek !== undefined) signals.trend = { pointsPerWeek, evidence: record.scored.map(evidenceOf) };
  if (record.projection) signals.projection = record.projection;
  const drop = suddenDrop(record) ?? fallFromBest(record);
  if (drop?.previousPercent !== undefined) signals.recentDrop = { fromPercent: drop.previousPercent, evidence: drop.evidence };
  const recovery = recoveryOf(record);
  if (recovery) signals.recovery = recovery;
  const improved = improvement(record);
  if (improved?.previousPercent !== undefined) {
    signals.wins.improvement = { fromPercent: improved.previousPercent, evidence: improved.evidence };
  }
  const best = personalBest(record);
  if (best?.previousPercent !== undefined) signals.wins.personalBest = { previousBest: best.previousPercent, evidence: best.evidence };
  const madeUp = madeUpWork(record);
  if (madeUp) signals.wins.madeUp = { allMadeUp: missing.length === 0, evidence: madeUp.evidence };
  return signals;
}

function gradeSignal(record: StudentRecord): Signals['grade'] | undefined {
  if (!record.current) return undefined;
  const computed = record.running[record.running.length - 1]?.percent;
  const grade: NonNullable<Signals['grade']> = {
    ...record.current,
    method: record.history.categoryWeights ? 'weighted' : 'points',
    countedWork: record.work.length,
  };
  if (computed !== undefined) grade.computedPercent = computed;
  return grade;
}

/** A fall of the grade from its recent best (the sliding-grade rule's fall), when there is one. */
function fallFromBest(record: StudentRecord) {
  const finding = slidingGrade(record);
  return finding?.previousPercent === undefined ? undefined : finding;
}

/**
 * Recovery: over the settled running grade (from MIN_WORK_FOR_TRENDS pieces of work on), the lowest point
 * after the best point before it fell at least `dropPoints`, and the grade now is back up by at least half
 * of that fall. Evidence: the work after the low point.
 */
export function recoveryOf(record: StudentRecord): Signals['recovery'] | undefined {
  const { dropPoints } = record.thresholds;
  const running = record.running.slice(MIN_WORK_FOR_TRENDS - 1);
  if (running.length < 3) return undefined;
  let peak = running[0]!.percent;
  let best: { peak: number; low: number; lowIndex: number } | undefined;
  for (let i = 1; i < running.length; i++) {
    const value = running[i]!.percent;
    if (peak - value >= dropPoints && (!best || peak - value > best.peak - best.low)) best = { peak, low: value, lowIndex: i };
    peak = Math.max(peak, value);
  }
  const now = running[running.length - 1]!.percent;
  if (!best || best.lowIndex === running.length - 1 || now - best.low < (best.peak - best.low) / 2) return undefined;
  return {
    peakPercent: best.peak,
    lowPercent: best.low,
    nowPercent: now,
    evidence: running.slice(best.lowIndex + 1).map((p) => evidenceOf(p.work)),
  };
}
