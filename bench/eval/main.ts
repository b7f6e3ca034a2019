// `npm run eval [-- --data DIR] [--modules AAA,BBB 2013J] [--sweep] [--json]`: replays every
// module-presentation of an OULAD-shaped folder (or those named: a module code takes all its
// presentations) through the engine and prints the engine's early-warning figures beside the threshold
// baseline's, as a Markdown table, or as one JSON object with --json. --sweep adds the curve over the
// engine's low-grade line and the leave-modules-out check (sweep.ts; about a minute). See replay.ts for
// the replay, metrics.ts for the figures, lead-analysis.ts for why the leads differ, README.md beside
// this file for the findings; shared/data/README.md for the data.
import { resolve } from 'node:path';
import {
  type BaselineGrade,
  type PositiveFigures,
  type SideFigures,
  firstFlagReasons,
  matchThreshold,
  positiveFigures,
  sideFigures,
  thresholdFlags,
} from './metrics';
import { defaultSettings } from '../../src/core/default-settings';
import { type LeadAnalysis, leadAnalysis } from './lead-analysis';
import { type ModulePresentation, loadOulad } from './oulad-data';
import { MODULE_START } from './oulad-gradebook';
import { type StudentOutcome, replayModule } from './replay';
import { markdownReport } from './report';
import { type CurvePoint, type HoldOutRow, alertCurve, holdOut, replayAtLines } from './sweep';

export interface Evaluation {
  engine: SideFigures;
  /** "current grade below T": the grade over scored work, as the gradebook shows it (the baseline) */
  baseline: SideFigures;
  positives: PositiveFigures;
}

export interface EvaluationDetails extends Evaluation {
  /** the baseline's T, matched to the engine's alert count */
  baselineThreshold: number;
  /** a stronger baseline: the grade with missing work counted as zero, at its own matched T */
  baselineWithZeros: SideFigures;
  baselineWithZerosThreshold: number;
  /** the engine's first heads-ups by reason */
  firstFlags: ReturnType<typeof firstFlagReasons>;
  /** why the engine's median lead differs from the baseline's (see lead-analysis.ts) */
  lead: LeadAnalysis;
  /** with --sweep: the engine at each low-grade line against the baseline at its alert count */
  curve?: CurvePoint[];
  /** with --sweep: for each module, the line chosen on the others and its figures on the held-out one */
  holdOut?: HoldOutRow[];
  /** the module-presentations evaluated */
  modules: string[];
  /** Fail/Withdrawn students who withdrew on or before the first due day (left out of totalBad) */
  unflaggableBad: number;
  students: number;
  seconds: number;
}

export interface EvaluationOptions {
  /** module codes (`AAA`) or module-presentations (`AAA 2013J`) to keep; all when empty */
  modules?: readonly string[];
  /** add the curve over the low-grade line and the leave-modules-out check */
  sweep?: boolean;
}

/** The low-grade lines the sweep tries (the default among them). */
export const SWEEP_LOW_GRADES = [60, 65, 70, 75, 80, 85];

function selectModules(all: ModulePresentation[], wanted: readonly string[] = []): ModulePresentation[] {
  if (wanted.length === 0) return all;
  const chosen = all.filter((m) => wanted.some((w) => m.key === w || m.key.split(' ')[0] === w));
  const unknown = wanted.filter((w) => !all.some((m) => m.key === w || m.key.split(' ')[0] === w));
  if (unknown.length > 0) throw new Error(`no module-presentation matches ${unknown.map((u) => JSON.stringify(u)).join(', ')}`);
  return chosen;
}

export function runEvaluation(dataDir: string, options: EvaluationOptions = {}): EvaluationDetails {
  const started = performance.now();
  const modules = selectModules(loadOulad(dataDir), options.modules);
  const outcomes: StudentOutcome[] = modules.flatMap((module) => replayModule(module));
  const engineFlags = outcomes.map((o) => o.engineFlagDay);
  const engine = sideFigures(outcomes, engineFlags);
  const baselineAt = (grade: BaselineGrade) => {
    const threshold = matchThreshold(outcomes, grade, engine.alerts);
    return { threshold, figures: sideFigures(outcomes, thresholdFlags(outcomes, grade, threshold)) };
  };
  const scored = baselineAt('scored');
  const withZeros = baselineAt('withZeros');
  const sweep: Pick<EvaluationDetails, 'curve' | 'holdOut'> = {};
  if (options.sweep) {
    const replays = replayAtLines(modules, SWEEP_LOW_GRADES);
    sweep.curve = alertCurve(replays);
    sweep.holdOut = holdOut(replays, defaultSettings(MODULE_START).thresholds.lowGrade);
  }
  return {
    engine,
    baseline: scored.figures,
    positives: positiveFigures(outcomes),
    baselineThreshold: scored.threshold,
    baselineWithZeros: withZeros.figures,
    baselineWithZerosThreshold: withZeros.threshold,
    firstFlags: firstFlagReasons(outcomes),
    lead: leadAnalysis(outcomes, thresholdFlags(outcomes, 'scored', scored.threshold)),
    ...sweep,
    modules: modules.map((m) => m.key),
    unflaggableBad: outcomes.filter((o) => o.bad && o.unflaggable).length,
    students: outcomes.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The JSON the issue specifies: engine, baseline and positives; with --sweep, the curve and the hold-out too. */
export function evaluationJson(details: EvaluationDetails): Evaluation & Pick<EvaluationDetails, 'curve' | 'holdOut'> {
  const json: Evaluation & Pick<EvaluationDetails, 'curve' | 'holdOut'> = {
    engine: details.engine,
    baseline: details.baseline,
    positives: details.positives,
  };
  if (details.curve) json.curve = details.curve;
  if (details.holdOut) json.holdOut = details.holdOut;
  return json;
}

export interface Args extends EvaluationOptions {
  dataDir: string;
  json: boolean;
}

const listOf = (text: string) => text.split(',').map((s) => s.trim()).filter((s) => s !== '');

export function parseArgs(argv: readonly string[], defaultDataDir: string): Args {
  const args: Args = { dataDir: defaultDataDir, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') args.json = true;
    else if (arg === '--sweep') args.sweep = true;
    else if (arg === '--data') args.dataDir = resolve(argv[++i] ?? '');
    else if (arg.startsWith('--data=')) args.dataDir = resolve(arg.slice('--data='.length));
    else if (arg === '--modules') args.modules = listOf(argv[++i] ?? '');
    else if (arg.startsWith('--modules=')) args.modules = listOf(arg.slice('--modules='.length));
    else throw new Error(`unknown argument ${JSON.stringify(arg)} (usage: npm run eval -- [--data DIR] [--modules AAA,BBB 2013J] [--sweep] [--json])`);
  }
  return args;
}

/** What `npm run eval` prints; `defaultDataDir` is used without --data (run.mjs passes shared/data/oulad). */
export function evalMain(argv: readonly string[], defaultDataDir: string): string {
  const { dataDir, json, ...options } = parseArgs(argv, defaultDataDir);
  const details = runEvaluation(dataDir, options);
  return json ? JSON.stringify(evaluationJson(details), null, 2) : markdownReport(details);
}
