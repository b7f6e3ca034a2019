// Grade math for one student in one section: how each cell counts, the current grade, and the running
// grade over time. Points-based, or weighted by category when the history carries the section's category
// weights (the cells alone cannot tell). The page's own overall grade is still preferred whenever it is
// shown (see DESIGN.md, "Calculations are where student-side extensions lose trust").
import { localIsoDate } from './calendar-dates';
import type { CurrentGrade, StudentHistory } from './proposal-types';
import { LETTER_SCALE, letterForPercent } from './score-parse';
import type { Assignment, StoredCell } from './types';

/** When an assignment has no points possible, a percent or letter cell counts out of this many points. */
const POINTS_WHEN_UNKNOWN = 100;

/** One cell that counts toward the grade, with the points it adds. */
export interface CountedWork {
  assignment: Assignment;
  cell: StoredCell;
  /** the date used for ordering: the due date, else the local date the cell was first seen */
  date: string;
  earned: number;
  possible: number;
  /** earned / possible × 100; undefined for zero-point (extra-credit-only) work */
  percent: number | undefined;
  /** currently marked missing: counts as zero unless the cell carries points */
  missing: boolean;
}

/** The running grade after one more piece of counted work. */
export interface GradePoint {
  assignmentId: string;
  dueDate?: string;
  /** running points-based grade, 0–100+ */
  percent: number;
}

/**
 * Points a cell adds to the grade, or undefined when it does not count. Excused, dropped, unreadable and
 * not-yet-graded cells are left out (an empty cell is not a zero); incomplete counts only with points.
 * A missing mark wins over "not graded" (vendors flag blank past-due cells as missing) and counts as zero
 * of the assignment's points. Letter cells count at the percent the parser gave them from the scale.
 */
export function countedPoints(
  cell: StoredCell,
  assignment: Assignment,
): { earned: number; possible: number } | undefined {
  const { score } = cell;
  const { flags } = score;
  if (flags.excused || flags.dropped || score.unreadable !== undefined) return undefined;
  const pointsPossible = assignment.pointsPossible ?? score.outOf;
  if (flags.missing) {
    const possible = pointsPossible ?? POINTS_WHEN_UNKNOWN;
    return { earned: score.points ?? ((score.percent ?? 0) * possible) / 100, possible };
  }
  if (flags.notGraded) return undefined;
  if (score.points !== undefined) {
    const possible = score.outOf ?? assignment.pointsPossible;
    if (possible !== undefined) return { earned: score.points, possible };
  }
  const percent = score.percent ?? (score.letter === undefined ? undefined : LETTER_SCALE[score.letter.toUpperCase()]);
  if (percent !== undefined) {
    const possible = pointsPossible ?? POINTS_WHEN_UNKNOWN;
    return { earned: (percent * possible) / 100, possible };
  }
  // Incomplete without points, or points with no known scale: nothing sound to count.
  return undefined;
}

/**
 * The cells that count, oldest first: by due date, then (for undated work) the date first seen, then the
 * page's order. Cells of assignments the history does not list are left out.
 */
export function countedWorkInDueOrder(history: StudentHistory): CountedWork[] {
  const assignments = new Map(history.assignments.map((a) => [a.id, a]));
  const work: CountedWork[] = [];
  for (const cell of history.cells) {
    const assignment = assignments.get(cell.assignmentId);
    if (!assignment) continue;
    const points = countedPoints(cell, assignment);
    if (!points) continue;
    work.push({
      assignment,
      cell,
      date: assignment.dueDate ?? localIsoDate(cell.since),
      ...points,
      percent: points.possible > 0 ? (points.earned * 100) / points.possible : undefined,
      missing: cell.score.flags.missing === true,
    });
  }
  // Plain comparisons: ISO dates and ids order the same way, and localeCompare is slow on a year of work.
  const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return work.sort(
    (a, b) => order(a.date, b.date) || a.assignment.position - b.assignment.position || order(a.assignment.id, b.assignment.id),
  );
}

/** Category name → weight (any scale), as the gradebook page shows it. */
export type CategoryWeights = Readonly<Record<string, number>>;

/**
 * The running grade after each piece of work in `work` (already in due order). Without weights: points
 * earned over points possible. With weights: each category's points-based percent, averaged by the
 * category weights over the categories that have counted work so far (gradebooks re-scale the weights
 * of empty categories the same way). Work whose category has no known weight is left out of a weighted
 * grade, as the gradebook does with a category weighted 0.
 */
export function runningGrades(
  work: readonly CountedWork[],
  weights?: CategoryWeights,
): { work: CountedWork; percent: number }[] {
  return weights === undefined ? runningByPoints(work) : runningByCategory(work, weights);
}

function runningByPoints(work: readonly CountedWork[]): { work: CountedWork; percent: number }[] {
  const running: { work: CountedWork; percent: number }[] = [];
  let earned = 0;
  let possible = 0;
  for (const item of work) {
    earned += item.earned;
    possible += item.possible;
    if (possible > 0) running.push({ work: item, percent: (earned * 100) / possible });
  }
  return running;
}

function runningByCategory(work: readonly CountedWork[], weights: CategoryWeights): { work: CountedWork; percent: number }[] {
  const running: { work: CountedWork; percent: number }[] = [];
  const totals = new Map<string, { earned: number; possible: number; weight: number }>();
  for (const item of work) {
    const category = item.assignment.category;
    const weight = category === undefined ? undefined : weights[category];
    if (category === undefined || weight === undefined || !(weight > 0)) continue;
    const total = totals.get(category) ?? { earned: 0, possible: 0, weight };
    total.earned += item.earned;
    total.possible += item.possible;
    totals.set(category, total);
    let weighted = 0;
    let weightSum = 0;
    for (const t of totals.values()) {
      if (t.possible <= 0) continue;
      weighted += (t.weight * t.earned * 100) / t.possible;
      weightSum += t.weight;
    }
    if (weightSum > 0) running.push({ work: item, percent: weighted / weightSum });
  }
  return running;
}

/** The running computed grade after each piece of counted work, in due-date order. */
export function gradeSeries(history: StudentHistory): GradePoint[] {
  return runningGrades(countedWorkInDueOrder(history), history.categoryWeights).map(({ work, percent }) => {
    const point: GradePoint = { assignmentId: work.assignment.id, percent };
    if (work.assignment.dueDate !== undefined) point.dueDate = work.assignment.dueDate;
    return point;
  });
}

/** The computed grade over all counted work (points, or weighted categories), or undefined when nothing counts. */
export function computedPercent(history: StudentHistory): number | undefined {
  const series = gradeSeries(history);
  return series[series.length - 1]?.percent;
}

/** The student's grade now: the page's latest overall grade when it shows one, else computed. */
export function currentGrade(history: StudentHistory): CurrentGrade | undefined {
  return currentGradeFrom(history, computedPercent(history));
}

/** As currentGrade, with the computed percent already known (the engine computes it once per record). */
export function currentGradeFrom(history: StudentHistory, computed: number | undefined): CurrentGrade | undefined {
  let latest: StudentHistory['overall'][number] | undefined;
  for (const row of history.overall) if (!latest || row.observedAt > latest.observedAt) latest = row;
  if (latest && (latest.percent !== undefined || latest.letter !== undefined)) {
    const grade: CurrentGrade = { source: 'page' };
    if (latest.percent !== undefined) grade.percent = latest.percent;
    if (latest.letter !== undefined) grade.letter = latest.letter;
    return grade;
  }
  if (computed === undefined) return undefined;
  return { percent: computed, letter: letterForPercent(computed), source: 'computed' };
}
