// The figures the issue asks for, from the replayed outcomes: for the engine and for the threshold
// baseline ("current grade below T", with T chosen so that it raises as many alerts as the engine),
// overall and per module-presentation.
import type { GradeOnDay, StudentOutcome } from './replay';

export interface Figures {
  /** students flagged at least once by their horizon (min(midpoint, withdrawal)) */
  alerts: number;
  /** of those, students who ended with Fail or Withdrawn */
  flaggedBad: number;
  /** students who ended with Fail or Withdrawn, less those who withdrew before the first due day */
  totalBad: number;
  recall: number;
  precision: number;
  /** median over flagged bad students of (horizon − first flag day), days */
  medianLeadDays: number;
}

export interface SideFigures extends Figures {
  perModule: Record<string, Figures>;
}

/** When each student was first flagged (undefined = never), in the order of `outcomes`. */
export type FlagDays = (number | undefined)[];

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function figuresOf(outcomes: readonly StudentOutcome[], flags: FlagDays, keep: (o: StudentOutcome) => boolean): Figures {
  let alerts = 0;
  let flaggedBad = 0;
  let totalBad = 0;
  const leads: number[] = [];
  outcomes.forEach((o, i) => {
    if (o.unflaggable || !keep(o)) return;
    if (o.bad) totalBad++;
    const day = flags[i];
    if (day === undefined) return;
    alerts++;
    if (o.bad) {
      flaggedBad++;
      leads.push(o.horizon - day);
    }
  });
  return {
    alerts,
    flaggedBad,
    totalBad,
    recall: totalBad === 0 ? 0 : flaggedBad / totalBad,
    precision: alerts === 0 ? 0 : flaggedBad / alerts,
    medianLeadDays: median(leads),
  };
}

/** Overall and per-module figures for one set of flag days. */
export function sideFigures(outcomes: readonly StudentOutcome[], flags: FlagDays): SideFigures {
  const modules = [...new Set(outcomes.map((o) => o.module))];
  const perModule: Record<string, Figures> = {};
  for (const module of modules) perModule[module] = figuresOf(outcomes, flags, (o) => o.module === module);
  return { ...figuresOf(outcomes, flags, () => true), perModule };
}

export type BaselineGrade = Exclude<keyof GradeOnDay, 'day'>;

/** First day each student's grade (of the given kind) was under `threshold`. */
export function thresholdFlags(outcomes: readonly StudentOutcome[], grade: BaselineGrade, threshold: number): FlagDays {
  return outcomes.map((o) => o.grades.find((g) => g[grade] !== undefined && g[grade] < threshold)?.day);
}

const alertsOf = (outcomes: readonly StudentOutcome[], flags: FlagDays) =>
  outcomes.reduce((n, o, i) => n + (!o.unflaggable && flags[i] !== undefined ? 1 : 0), 0);

/**
 * The threshold T (0–100, to 0.01) whose alert count is closest to `targetAlerts` (alerts grow with T,
 * so a bisection finds it); on a tie, the lower T.
 */
export function matchThreshold(outcomes: readonly StudentOutcome[], grade: BaselineGrade, targetAlerts: number): number {
  let low = 0;
  let high = 100.01;
  while (high - low > 0.005) {
    const mid = (low + high) / 2;
    if (alertsOf(outcomes, thresholdFlags(outcomes, grade, mid)) < targetAlerts) low = mid;
    else high = mid;
  }
  const candidates = [Math.floor(low * 100) / 100, Math.ceil(high * 100) / 100];
  const gap = (t: number) => Math.abs(alertsOf(outcomes, thresholdFlags(outcomes, grade, t)) - targetAlerts);
  return gap(candidates[0]!) <= gap(candidates[1]!) ? candidates[0]! : candidates[1]!;
}

export interface PositiveFigures {
  /** every student of the data, withdrawn before the start included */
  students: number;
  /** students who received at least one positive proposal in the term */
  withPositive: number;
  share: number;
  /** replayed days on which a positive was proposed while a heads-up was open for the same student (goal 0) */
  coincidingWithConcern: number;
  /** students who received each kind of positive (a student may count under several) */
  byReason: Record<string, number>;
}

export function positiveFigures(outcomes: readonly StudentOutcome[]): PositiveFigures {
  const byReason: Record<string, number> = {};
  let withPositive = 0;
  let coincidingWithConcern = 0;
  for (const o of outcomes) {
    if (o.positiveReasons.length > 0) withPositive++;
    for (const reason of o.positiveReasons) byReason[reason] = (byReason[reason] ?? 0) + 1;
    coincidingWithConcern += o.positivesWithConcern;
  }
  const students = outcomes.length;
  return { students, withPositive, share: students === 0 ? 0 : withPositive / students, coincidingWithConcern, byReason };
}

/** For each reason of a first heads-up: students first flagged with it, and how many of them ended badly. */
export function firstFlagReasons(outcomes: readonly StudentOutcome[]): Record<string, { alerts: number; flaggedBad: number }> {
  const byReason: Record<string, { alerts: number; flaggedBad: number }> = {};
  for (const o of outcomes) {
    if (o.unflaggable || o.engineFlagReason === undefined) continue;
    const entry = (byReason[o.engineFlagReason] ??= { alerts: 0, flaggedBad: 0 });
    entry.alerts++;
    if (o.bad) entry.flaggedBad++;
  }
  return byReason;
}
