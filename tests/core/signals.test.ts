import { describe, expect, it } from 'vitest';
import { defaultSettings } from '../../src/core/engine';
import { computeSignals } from '../../src/core/signals';
import { DAY, type HistorySpec, atNoon, studentHistory, weekly } from './history-factory';

// Fall 2025 defaults: the next report after TODAY is 2025-11-14.
const TODAY = '2025-10-20';
const NOW = atNoon(TODAY);
const settings = defaultSettings(TODAY);
const signals = (spec: HistorySpec) => computeSignals(studentHistory(spec), settings, NOW);
const names = (evidence: { assignmentName: string }[]) => evidence.map((e) => e.assignmentName);

describe('current grade', () => {
  it('excused, not-yet-graded and dropped work are left out, late work counts, and the method is said', () => {
    const s = signals({
      work: [
        { name: 'Quiz 1', due: '2025-09-05', raw: '9/10' },
        { name: 'Quiz 2', due: '2025-09-12', raw: 'EX', possible: 10 },
        { name: 'Quiz 3', due: '2025-09-19', raw: '--', possible: 10 },
        { name: 'Quiz 4', due: '2025-09-26', raw: '2/10', flags: { dropped: true } },
        { name: 'Quiz 5', due: '2025-10-03', raw: '7/10', flags: { late: true } },
      ],
    });
    expect(s.grade).toMatchObject({ percent: 80, computedPercent: 80, source: 'computed', method: 'points', countedWork: 2 });
  });

  it('weighted categories average each category’s points by the weights', () => {
    // Tests 80% (weight 60), homework 15/20 = 75% (weight 40): 0.6 × 80 + 0.4 × 75 = 78.
    const s = signals({
      categoryWeights: { Tests: 60, Homework: 40 },
      work: [
        { name: 'Unit Test', due: '2025-09-12', raw: '80/100', category: 'Tests' },
        { name: 'HW 1', due: '2025-09-05', raw: '10/10', category: 'Homework' },
        { name: 'HW 2', due: '2025-09-19', raw: '5/10', category: 'Homework' },
      ],
    });
    expect(s.grade?.method).toBe('weighted');
    expect(s.grade?.percent).toBeCloseTo(78, 10);
  });

  it('the page’s own grade is preferred, ours kept beside it', () => {
    const s = signals({ work: weekly('2025-09-08', ['80', '90']), overall: [{ percent: 83.5, at: NOW - DAY }] });
    expect(s.grade).toMatchObject({ percent: 83.5, source: 'page', computedPercent: 85 });
  });
});

describe('trend and projection', () => {
  it('the trend is the slope of the scores, points per week, with the scores as evidence', () => {
    const s = signals({ work: weekly('2025-09-22', ['70', '80', '90']) });
    expect(s.trend?.pointsPerWeek).toBeCloseTo(10, 10);
    expect(names(s.trend!.evidence)).toEqual(['Quiz 1', 'Quiz 2', 'Quiz 3']);
  });

  it('a sliding grade is projected under the current grade at the next report date, with a band', () => {
    const s = signals({ work: weekly('2025-08-25', ['95', '90', '85', '80', '75', '70', '65', '60']) });
    const p = s.projection!;
    expect(p.date).toBe('2025-11-14');
    expect(p.basedOn).toBe(8);
    expect(p.percent).toBeLessThan(s.grade!.percent!);
    expect(p.low).toBeLessThan(p.percent);
    expect(p.high).toBeGreaterThan(p.percent);
  });

  it('no trend from two scores; the projection then rests on the level alone', () => {
    const s = signals({ work: weekly('2025-10-06', ['80', '70']) });
    expect(s.trend).toBeUndefined();
    expect(s.projection?.basedOn).toBe(2);
  });
});

describe('missing work', () => {
  it('counts what is missing now and the current run of missing work, naming each', () => {
    const s = signals({ work: weekly('2025-09-15', ['90', 'M', '85', 'M', 'M']) });
    expect(s.missing).toMatchObject({ count: 3, currentRun: 2 });
    expect(names(s.missing.evidence)).toEqual(['Quiz 2', 'Quiz 4', 'Quiz 5']);
    expect(s.wins.completedRun.count).toBe(0);
  });
});

describe('drop and recovery', () => {
  it('a recent score far under the student’s own average is a drop from that average', () => {
    const s = signals({ work: weekly('2025-09-15', ['90', '88', '92', '90', '55']) });
    expect(s.recentDrop?.fromPercent).toBe(90);
    expect(names(s.recentDrop!.evidence)).toEqual(['Quiz 5']);
  });

  it('a grade back up by half of its fall after a drop is a recovery, with the work since the low point', () => {
    // Running grade 90, 90, 90, 77.5, 68, 72.5, 76.4, 79.4: down 22 points, back up 11.4.
    const s = signals({ work: weekly('2025-08-25', ['90', '90', '90', '40', '30', '95', '100', '100']) });
    expect(s.recovery).toMatchObject({ peakPercent: 90, lowPercent: 68 });
    expect(s.recovery!.nowPercent).toBeCloseTo(79.375, 6);
    expect(names(s.recovery!.evidence)).toEqual(['Quiz 6', 'Quiz 7', 'Quiz 8']);
  });

  it('no recovery while the grade is still at its low', () => {
    expect(signals({ work: weekly('2025-08-25', ['90', '90', '90', '40', '30']) }).recovery).toBeUndefined();
  });
});

describe('wins', () => {
  it('a run of completed work counts the latest assignments turned in, late ones included', () => {
    const s = signals({
      work: [...weekly('2025-09-15', ['M', '80', '85']), { name: 'Essay', due: '2025-10-15', raw: '18/20', flags: { late: true } }],
    });
    expect(s.wins.completedRun.count).toBe(3);
    expect(s.wins.completedRun.evidence.at(-1)).toMatchObject({ assignmentName: 'Essay', late: true });
  });

  it('a personal best is the latest score above every earlier one', () => {
    const s = signals({ work: weekly('2025-09-15', ['70', '75', '72', '74', '88']) });
    expect(s.wins.personalBest).toMatchObject({ previousBest: 75 });
    expect(names(s.wins.personalBest!.evidence)).toEqual(['Quiz 5']);
    expect(signals({ work: weekly('2025-09-15', ['70', '90', '72', '74', '88']) }).wins.personalBest).toBeUndefined();
  });

  it('improvement compares the last three scores with the three before', () => {
    const s = signals({ work: weekly('2025-09-08', ['70', '72', '68', '85', '88', '90']) });
    expect(s.wins.improvement?.fromPercent).toBe(70);
  });

  it('made-up work says whether all missing work is now made up', () => {
    const made = { madeUp: [{ name: 'Quiz 2', at: NOW - 2 * DAY }] };
    expect(signals({ work: weekly('2025-09-15', ['80', '9/10', '85']), ...made }).wins.madeUp).toMatchObject({ allMadeUp: true });
    expect(signals({ work: weekly('2025-09-15', ['80', '9/10', 'M']), ...made }).wins.madeUp).toMatchObject({ allMadeUp: false });
  });
});
