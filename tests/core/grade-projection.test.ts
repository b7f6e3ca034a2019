import { describe, expect, it } from 'vitest';
import { PRIOR_SPREAD, TREND_SHRINK, projectGradeAtReportDate, scoreTrendPerWeek } from '../../src/core/grade-projection';

const point = (date: string, percent: number, weight = 1) => ({ date, percent, weight });

describe('projectGradeAtReportDate', () => {
  it('one grade projects to itself with the prior band around it', () => {
    expect(projectGradeAtReportDate([point('2025-09-05', 72)], '2025-10-17')).toEqual({
      date: '2025-10-17',
      percent: 72,
      low: 72 - PRIOR_SPREAD,
      high: 72 + PRIOR_SPREAD,
      basedOn: 1,
    });
  });

  it('a steady grade stays where it is', () => {
    const p = projectGradeAtReportDate(
      [point('2025-09-05', 85), point('2025-09-12', 85), point('2025-09-19', 85), point('2025-09-26', 85)],
      '2025-10-17',
    )!;
    expect(p.percent).toBeCloseTo(85, 10);
    expect(p.high - p.low).toBeGreaterThan(0);
  });

  it('a falling grade is projected lower, with the slope shrunk toward no change', () => {
    // 90 → 80 over three weeks with equal weights: 10/21 points a day, shrunk by 4 / (4 + TREND_SHRINK).
    const points = [point('2025-09-05', 90), point('2025-09-12', 86.6667), point('2025-09-19', 83.3333), point('2025-09-26', 80)];
    const p = projectGradeAtReportDate(points, '2025-10-17')!;
    const slope = (10 / 21) * (4 / (4 + TREND_SHRINK));
    expect(p.percent).toBeCloseTo(80 - slope * 21, 3);
    expect(p.basedOn).toBe(4);
  });

  it('the band narrows as work accumulates and widens the further ahead the report is', () => {
    const weekly = (count: number) =>
      Array.from({ length: count }, (_, i) => point(`2025-09-${String(1 + 3 * i).padStart(2, '0')}`, 50 + (i % 2) * 4));
    const width = (p: ReturnType<typeof projectGradeAtReportDate>) => p!.high - p!.low;
    const few = projectGradeAtReportDate(weekly(3), '2025-09-15');
    const many = projectGradeAtReportDate(weekly(8), '2025-09-29');
    expect(width(many)).toBeLessThan(width(few));
    expect(width(projectGradeAtReportDate(weekly(3), '2025-10-10'))).toBeGreaterThan(width(few));
  });

  it('stays within 0 and 100 (or the current grade when extra credit puts it above)', () => {
    const crash = projectGradeAtReportDate([point('2025-09-05', 60), point('2025-09-12', 30), point('2025-09-19', 5)], '2026-01-16')!;
    expect(crash.percent).toBe(0);
    expect(crash.low).toBe(0);
    const extra = projectGradeAtReportDate([point('2025-09-05', 100), point('2025-09-12', 104)], '2026-01-16')!;
    expect(extra.percent).toBeLessThanOrEqual(104);
  });

  it('gives nothing without points or for a date before the latest work', () => {
    expect(projectGradeAtReportDate([], '2025-10-17')).toBeUndefined();
    expect(projectGradeAtReportDate([point('2025-10-20', 80)], '2025-10-17')).toBeUndefined();
  });
});

describe('scoreTrendPerWeek', () => {
  it('is the weighted slope of the scores in points per week', () => {
    expect(scoreTrendPerWeek([point('2025-09-05', 70), point('2025-09-12', 80), point('2025-09-19', 90)])).toBeCloseTo(10, 10);
  });

  it('heavier work counts more', () => {
    const light = scoreTrendPerWeek([point('2025-09-05', 90), point('2025-09-12', 60), point('2025-09-19', 90)])!;
    const heavyLow = scoreTrendPerWeek([point('2025-09-05', 90, 1), point('2025-09-12', 60, 1), point('2025-09-19', 90, 0.1)])!;
    expect(light).toBeCloseTo(0, 10);
    expect(heavyLow).toBeLessThan(0);
  });

  it('needs three scores', () => {
    expect(scoreTrendPerWeek([point('2025-09-05', 70), point('2025-09-12', 90)])).toBeUndefined();
  });
});
