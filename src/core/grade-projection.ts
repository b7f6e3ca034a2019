// Where the grade is heading: the running grade projected to the next report date, with a band that says
// how sure the projection is, and the trend of the scores themselves. Pure arithmetic on plain numbers.
//
// Method (weighted least squares on the running grade against time):
// - points (x = day of the work's date, y = running grade after it), weighted by the points possible
//   behind each (a running grade resting on more work moves less, so it deserves more say);
// - the slope is shrunk toward zero by n / (n + TREND_SHRINK): two or three points say little about a
//   trend, and a teacher should not be told a grade "is heading to 40" from one bad week;
// - the projection starts from the current grade (not the fitted line) and adds slope × days left, kept
//   within 0 … max(100, current);
// - the band is ± one standard error of the line's level at the report date:
//   sd × √(1/n + k² (x₀ − x_last)² / Sxx) — the level's error plus the (shrunk, factor k) slope's error
//   carried over the days left — where sd pools the fit's residual variance with a prior spread of
//   PRIOR_SPREAD points worth PRIOR_WEIGHT observations. With one point the band is ± PRIOR_SPREAD; it
//   narrows as work accumulates and widens the further ahead the report is.
import { daysBetween } from './calendar-dates';
import type { GradeProjection } from './proposal-types';

/** Pseudo-observations of "no trend" the slope is shrunk toward. */
export const TREND_SHRINK = 2;
/** The spread (points) assumed for a grade before any residuals are known. */
export const PRIOR_SPREAD = 15;
/** How many observations the prior spread counts as when pooled with the residuals. */
const PRIOR_WEIGHT = 2;

export interface TimedValue {
  /** ISO date */
  date: string;
  /** percent */
  percent: number;
  /** weight of the point (e.g. points possible behind it); must be > 0 */
  weight: number;
}

interface LineFit {
  n: number;
  meanX: number;
  sxx: number;
  slope: number;
  residualVariance?: number;
}

/** Weighted least squares of y on x, weights normalised to sum to n. */
function fitLine(xs: readonly number[], ys: readonly number[], weights: readonly number[]): LineFit {
  const n = xs.length;
  const totalWeight = weights.reduce((a, b) => a + b, 0);
  const w = weights.map((v) => (v * n) / totalWeight);
  const meanX = xs.reduce((sum, x, i) => sum + w[i]! * x, 0) / n;
  const meanY = ys.reduce((sum, y, i) => sum + w[i]! * y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += w[i]! * (xs[i]! - meanX) ** 2;
    sxy += w[i]! * (xs[i]! - meanX) * (ys[i]! - meanY);
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  const fit: LineFit = { n, meanX, sxx, slope };
  if (n > 2) {
    let rss = 0;
    for (let i = 0; i < n; i++) rss += w[i]! * (ys[i]! - (meanY + slope * (xs[i]! - meanX))) ** 2;
    fit.residualVariance = rss / (n - 2);
  }
  return fit;
}

/**
 * The running grade projected to `targetDate` (see the method above). Undefined without points or when
 * the target lies before the latest point.
 */
export function projectGradeAtReportDate(points: readonly TimedValue[], targetDate: string): GradeProjection | undefined {
  const last = points[points.length - 1];
  if (!last || targetDate < last.date) return undefined;
  const origin = points[0]!.date;
  const xs = points.map((p) => daysBetween(origin, p.date));
  const fit = fitLine(xs, points.map((p) => p.percent), points.map((p) => p.weight));
  const x0 = daysBetween(origin, targetDate);
  const shrink = fit.n / (fit.n + TREND_SHRINK);
  const slope = fit.slope * shrink;
  const ceiling = Math.max(100, last.percent);
  const percent = Math.min(ceiling, Math.max(0, last.percent + slope * (x0 - xs[xs.length - 1]!)));
  const residualDf = Math.max(0, fit.n - 2);
  const variance =
    ((fit.residualVariance ?? 0) * residualDf + PRIOR_SPREAD ** 2 * PRIOR_WEIGHT) / (residualDf + PRIOR_WEIGHT);
  const daysLeft = x0 - xs[xs.length - 1]!;
  const leverage = 1 / fit.n + (fit.sxx > 0 ? (shrink * daysLeft) ** 2 / fit.sxx : 0);
  const halfWidth = Math.sqrt(variance * leverage);
  return {
    date: targetDate,
    percent,
    low: Math.max(0, percent - halfWidth),
    high: Math.min(ceiling, percent + halfWidth),
    basedOn: fit.n,
  };
}

/**
 * Trend of the scores themselves: weighted least-squares slope of each scored assignment's percent
 * against its date, in points per week. Undefined under three scores (no trend from two points).
 */
export function scoreTrendPerWeek(scores: readonly TimedValue[]): number | undefined {
  if (scores.length < 3) return undefined;
  const origin = scores[0]!.date;
  const fit = fitLine(
    scores.map((s) => daysBetween(origin, s.date)),
    scores.map((s) => s.percent),
    scores.map((s) => s.weight),
  );
  return fit.sxx > 0 ? fit.slope * 7 : 0;
}
