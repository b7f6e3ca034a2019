// `npm run eval [-- --data DIR] [--json]`: replays every module-presentation of an OULAD-shaped folder
// through the engine and prints the engine's early-warning figures beside the threshold baseline's, as a
// Markdown table, or as one JSON object with --json. See replay.ts for the replay and metrics.ts for the
// figures; shared/data/README.md for the data.
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
import { loadOulad } from './oulad-data';
import { type StudentOutcome, replayModule } from './replay';
import { markdownReport } from './report';

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
  /** Fail/Withdrawn students who withdrew on or before the first due day (left out of totalBad) */
  unflaggableBad: number;
  students: number;
  seconds: number;
}


export function runEvaluation(dataDir: string): EvaluationDetails {
  const started = performance.now();
  const outcomes: StudentOutcome[] = loadOulad(dataDir).flatMap(replayModule);
  const engineFlags = outcomes.map((o) => o.engineFlagDay);
  const engine = sideFigures(outcomes, engineFlags);
  const baselineAt = (grade: BaselineGrade) => {
    const threshold = matchThreshold(outcomes, grade, engine.alerts);
    return { threshold, figures: sideFigures(outcomes, thresholdFlags(outcomes, grade, threshold)) };
  };
  const scored = baselineAt('scored');
  const withZeros = baselineAt('withZeros');
  return {
    engine,
    baseline: scored.figures,
    positives: positiveFigures(outcomes),
    baselineThreshold: scored.threshold,
    baselineWithZeros: withZeros.figures,
    baselineWithZerosThreshold: withZeros.threshold,
    firstFlags: firstFlagReasons(outcomes),
    unflaggableBad: outcomes.filter((o) => o.bad && o.unflaggable).length,
    students: outcomes.length,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The JSON the issue specifies: engine, baseline and positives, nothing else. */
export function evaluationJson(details: EvaluationDetails): Evaluation {
  return { engine: details.engine, baseline: details.baseline, positives: details.positives };
}

export function parseArgs(argv: readonly string[], defaultDataDir: string): { dataDir: string; json: boolean } {
  let dataDir = defaultDataDir;
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') json = true;
    else if (arg === '--data') dataDir = resolve(argv[++i] ?? '');
    else if (arg.startsWith('--data=')) dataDir = resolve(arg.slice('--data='.length));
    else throw new Error(`unknown argument ${JSON.stringify(arg)} (usage: npm run eval -- [--data DIR] [--json])`);
  }
  return { dataDir, json };
}

/** What `npm run eval` prints; `defaultDataDir` is used without --data (run.mjs passes shared/data/oulad). */
export function evalMain(argv: readonly string[], defaultDataDir: string): string {
  const { dataDir, json } = parseArgs(argv, defaultDataDir);
  const details = runEvaluation(dataDir);
  return json ? JSON.stringify(evaluationJson(details), null, 2) : markdownReport(details);
}
