// The engine over a range of its low-grade line, each point compared with the baseline at the same alert
// count (the "curve over alert counts"), and a leave-modules-out check: for each module (all its
// presentations), the line is chosen on the other modules and the figures reported on the held-out one.
// The low-grade line is the engine's one general knob that moves its alert count; nothing here is per
// student or per module.
import { type Figures, matchThreshold, sideFigures, thresholdFlags } from './metrics';
import type { ModulePresentation } from './oulad-data';
import { type StudentOutcome, replayModule } from './replay';

export interface Comparison {
  engine: Figures;
  baseline: Figures;
  /** the baseline's T, matched to the engine's alert count */
  threshold: number;
}

export interface CurvePoint extends Comparison {
  lowGrade: number;
}

export interface HoldOutRow {
  /** the module held out, e.g. `AAA` (all its presentations) */
  heldOut: string;
  /** the line chosen on the other modules */
  chosenLowGrade: number;
  /** whether the chosen line met the goal on the other modules */
  metOnFit: boolean;
  fit: Comparison;
  /** the held-out module at the chosen line */
  test: Comparison;
  /** the held-out module at the default line, for comparison */
  testAtDefault?: Comparison;
}

/** The goal: recall ≥ the baseline's + 15 points and a median lead no shorter, at equal alerts. */
export const meetsGoal = (c: Comparison) =>
  c.engine.recall >= c.baseline.recall + 0.15 && c.engine.medianLeadDays >= c.baseline.medianLeadDays;

export const moduleCode = (key: string) => key.split(' ')[0]!;

export function compareAtEqualAlerts(outcomes: readonly StudentOutcome[]): Comparison {
  const { perModule: _engineModules, ...engine } = sideFigures(outcomes, outcomes.map((o) => o.engineFlagDay));
  const threshold = matchThreshold(outcomes, 'scored', engine.alerts);
  const { perModule: _baselineModules, ...baseline } = sideFigures(outcomes, thresholdFlags(outcomes, 'scored', threshold));
  return { engine, baseline, threshold };
}

/** Each module replayed once per line (the slow part, ~1 s per line and 1,600 students). */
export function replayAtLines(modules: readonly ModulePresentation[], lowGrades: readonly number[]): Map<number, StudentOutcome[]> {
  return new Map(lowGrades.map((lowGrade) => [lowGrade, modules.flatMap((m) => replayModule(m, { lowGrade }))]));
}

export function alertCurve(replays: Map<number, StudentOutcome[]>): CurvePoint[] {
  return [...replays].map(([lowGrade, outcomes]) => ({ lowGrade, ...compareAtEqualAlerts(outcomes) }));
}

/**
 * On the fit modules, the line meeting the goal with the fewest alerts; when no line meets it, the one
 * with the smallest lead shortfall among those meeting the recall goal (else the smallest shortfall).
 */
function chooseLine(replays: Map<number, StudentOutcome[]>, keep: (o: StudentOutcome) => boolean) {
  const options = [...replays].map(([lowGrade, outcomes]) => ({ lowGrade, fit: compareAtEqualAlerts(outcomes.filter(keep)) }));
  const meeting = options.filter((o) => meetsGoal(o.fit)).sort((a, b) => a.fit.engine.alerts - b.fit.engine.alerts);
  if (meeting[0]) return { ...meeting[0], metOnFit: true };
  const shortfall = (c: Comparison) => c.baseline.medianLeadDays - c.engine.medianLeadDays;
  const recallOk = options.filter((o) => o.fit.engine.recall >= o.fit.baseline.recall + 0.15);
  const pool = recallOk.length > 0 ? recallOk : options;
  const best = pool.sort((a, b) => shortfall(a.fit) - shortfall(b.fit) || a.fit.engine.alerts - b.fit.engine.alerts)[0]!;
  return { ...best, metOnFit: false };
}

export function holdOut(replays: Map<number, StudentOutcome[]>, defaultLowGrade: number): HoldOutRow[] {
  const anyReplay = [...replays.values()][0] ?? [];
  const codes = [...new Set(anyReplay.map((o) => moduleCode(o.module)))];
  return codes.map((code) => {
    const chosen = chooseLine(replays, (o) => moduleCode(o.module) !== code);
    const heldOut = (lowGrade: number) => replays.get(lowGrade)?.filter((o) => moduleCode(o.module) === code);
    const row: HoldOutRow = {
      heldOut: code,
      chosenLowGrade: chosen.lowGrade,
      metOnFit: chosen.metOnFit,
      fit: chosen.fit,
      test: compareAtEqualAlerts(heldOut(chosen.lowGrade)!),
    };
    const atDefault = heldOut(defaultLowGrade);
    if (atDefault) row.testAtDefault = compareAtEqualAlerts(atDefault);
    return row;
  });
}
