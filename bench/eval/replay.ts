// Replays each module-presentation day by day through the real engine (proposeContacts), as a teacher
// who opened the gradebook every day would have seen it, and records for each student when the engine
// first raised a heads-up, what good news it proposed, and the grade series the threshold baseline reads.
//
// Only the days on which something changes are replayed, which gives the same answers as every day:
// the engine's output for a student is a function of the gradebook state and of `now`, and `now` enters
// only through (a) the next report date — which changes the day after each report date, so those days
// are replayed too — and (b) freshness windows ("the last 14 / 28 days") that can only switch a finding
// off as time passes, never on. So a concern or a win that appears on any day appears on a change day
// (a submission shows, work turns missing) or a report-date boundary; first-flag days and "received at
// least one positive" are exact. (No contacts are logged in the replay, so cadence and follow-ups, the
// other time-driven rules, never act.)
import { proposeContacts } from '../../src/core/engine';
import type { StudentHistory } from '../../src/core/proposal-types';
import type { Thresholds } from '../../src/core/types';
import type { ModulePresentation } from './oulad-data';
import { changeDays, historyOnDay, midpointOf, moduleAssignments, moduleSettings, momentOfDay } from './oulad-gradebook';

export interface GradeOnDay {
  day: number;
  /** the grade over scored work (missing work not counted, as a gradebook shows it until zeros are entered) */
  scored?: number;
  /** the grade with missing work counted as zero */
  withZeros?: number;
}

export interface StudentOutcome {
  module: string;
  studentId: string;
  /** ended with Fail or Withdrawn */
  bad: boolean;
  /** withdrew on or before the first due day: no grade-based rule can flag them */
  unflaggable: boolean;
  /** the last day a flag counts: min(midpoint, withdrawal day) */
  horizon: number;
  /** the first day anything showed in the student's row (a score, or work turned missing), if any */
  firstEntryDay?: number;
  /** first day ≤ horizon the engine proposed a heads-up */
  engineFlagDay?: number;
  /** the reason of that first heads-up */
  engineFlagReason?: string;
  /** the grade on each change day ≤ horizon, for the baseline */
  grades: GradeOnDay[];
  /** reasons of the positive proposals received in the term (before withdrawal), each once */
  positiveReasons: string[];
  /** replayed days on which a positive was proposed while a heads-up was open for the same student */
  positivesWithConcern: number;
}

/** Every student's outcome in one module-presentation. */
export function replayModule(module: ModulePresentation, thresholds: Partial<Thresholds> = {}): StudentOutcome[] {
  const settings = moduleSettings(module, thresholds);
  const assignments = moduleAssignments(module);
  const midpoint = midpointOf(module);
  const firstDue = module.assessments[0]?.due ?? 0;
  const boundaries = [Math.floor(module.length / 4) + 1, midpoint + 1];
  return module.students.map((student) => {
    const bad = student.result === 'Fail' || student.result === 'Withdrawn';
    const withdrew = student.unregistered;
    const outcome: StudentOutcome = {
      module: module.key,
      studentId: student.id,
      bad,
      unflaggable: withdrew !== undefined && withdrew <= firstDue,
      horizon: Math.min(midpoint, withdrew ?? Infinity),
      grades: [],
      positiveReasons: [],
      positivesWithConcern: 0,
    };
    // A student who has withdrawn is no longer on the teacher's roster.
    const lastDay = Math.min(module.length, withdrew ?? Infinity);
    const days = [...new Set([...changeDays(module, student), ...boundaries])]
      .filter((d) => d >= 0 && d <= lastDay)
      .sort((a, b) => a - b);
    const firstEntry = changeDays(module, student).find((d) => d >= 0 && d <= lastDay);
    if (firstEntry !== undefined) outcome.firstEntryDay = firstEntry;
    const positives = new Set<string>();
    for (const day of days) {
      const history = historyOnDay(module, assignments, student, day);
      const proposals = proposeContacts([history], settings, momentOfDay(day));
      const concern = proposals.find((p) => p.kind === 'heads-up');
      if (concern && day <= outcome.horizon && outcome.engineFlagDay === undefined) {
        outcome.engineFlagDay = day;
        outcome.engineFlagReason = concern.reason;
      }
      for (const p of proposals) {
        if (p.kind !== 'positive') continue;
        positives.add(p.reason);
        if (concern) outcome.positivesWithConcern++;
      }
      if (day <= outcome.horizon) outcome.grades.push({ day, ...baselineGrades(history) });
    }
    outcome.positiveReasons = [...positives].sort();
    return outcome;
  });
}

/** Both baseline grades from the cells: points earned over points possible. */
function baselineGrades(history: StudentHistory): Omit<GradeOnDay, 'day'> {
  let earned = 0;
  let possible = 0;
  let missingPossible = 0;
  const weightOf = new Map(history.assignments.map((a) => [a.id, a.pointsPossible ?? 0]));
  for (const cell of history.cells) {
    const weight = weightOf.get(cell.assignmentId) ?? 0;
    if (cell.score.flags.missing) missingPossible += weight;
    else if (cell.score.points !== undefined) {
      earned += cell.score.points;
      possible += weight;
    }
  }
  const grades: Omit<GradeOnDay, 'day'> = {};
  if (possible > 0) grades.scored = (earned * 100) / possible;
  if (possible + missingPossible > 0) grades.withZeros = (earned * 100) / (possible + missingPossible);
  return grades;
}
