import { describe, expect, it } from 'vitest';
import { currentGrade, gradeSeries } from '../../src/core/grade-calc';
import { assignmentId, atNoon, studentHistory } from './history-factory';

const computed = (work: Parameters<typeof studentHistory>[0]['work']) => currentGrade(studentHistory({ work }));

describe('currentGrade, computed from points', () => {
  it('adds points earned over points possible', () => {
    expect(computed([
      { name: 'Quiz 1', due: '2025-09-05', raw: '9/10' },
      { name: 'Essay', due: '2025-09-12', raw: '30', possible: 40 },
    ])).toEqual({ percent: 78, letter: 'C+', source: 'computed' });
  });

  it('an excused assignment does not lower the grade', () => {
    expect(computed([
      { name: 'Quiz 1', due: '2025-09-05', raw: '9/10' },
      { name: 'Quiz 2', due: '2025-09-12', raw: 'EX', possible: 10 },
      { name: 'Quiz 3', due: '2025-09-19', raw: '8/10' },
      // Excused wins over a score or a leftover missing mark on the same cell.
      { name: 'Quiz 4', due: '2025-09-26', raw: '1/10', flags: { excused: true } },
      { name: 'Quiz 5', due: '2025-10-03', raw: 'M', possible: 10, flags: { excused: true } },
    ])?.percent).toBe(85);
  });

  it('a missing assignment counts as zero of its points', () => {
    expect(computed([
      { name: 'Quiz 1', due: '2025-09-05', raw: '10/10' },
      { name: 'Project', due: '2025-09-12', raw: 'M', possible: 20 },
    ])?.percent).toBeCloseTo(33.33, 2);
  });

  it('an empty or not-yet-graded cell is not a zero', () => {
    expect(computed([
      { name: 'Quiz 1', due: '2025-09-05', raw: '7/10' },
      { name: 'Quiz 2', due: '2025-09-12', raw: '', possible: 10 },
      { name: 'Quiz 3', due: '2025-09-19', raw: '--', possible: 10 },
      { name: 'Quiz 4', due: '2025-09-26', raw: '--/10' },
    ])?.percent).toBe(70);
  });

  it('dropped, unreadable and incomplete-without-points cells are left out', () => {
    expect(computed([
      { name: 'Quiz 1', due: '2025-09-05', raw: '6/10' },
      { name: 'Quiz 2', due: '2025-09-12', raw: '1/10', flags: { dropped: true } },
      { name: 'Quiz 3', due: '2025-09-19', raw: 'see me', possible: 10 },
      { name: 'Quiz 4', due: '2025-09-26', raw: 'INC', possible: 10 },
    ])?.percent).toBe(60);
  });

  it('a letter counts at its scale percent of the points, or of 100 when there are none', () => {
    // B = 85% of 20 points = 17; A = 95 of 100; 10/10 → 122 of 130.
    expect(computed([
      { name: 'Poster', due: '2025-09-05', raw: 'B', possible: 20 },
      { name: 'Reading', due: '2025-09-12', raw: 'A' },
      { name: 'Quiz 1', due: '2025-09-19', raw: '10/10' },
    ])?.percent).toBeCloseTo((122 / 130) * 100, 6);
  });

  it('a percent cell counts as that share of the assignment points', () => {
    expect(computed([
      { name: 'Lab', due: '2025-09-05', raw: '50%', possible: 40 },
      { name: 'Quiz 1', due: '2025-09-12', raw: '10/10' },
    ])?.percent).toBe(60);
  });

  it('gives no grade when nothing counts yet', () => {
    expect(computed([{ name: 'Quiz 1', due: '2025-09-05', raw: '--', possible: 10 }])).toBeUndefined();
  });
});

describe('currentGrade, weighted by category', () => {
  const weighted = (work: Parameters<typeof studentHistory>[0]['work'], categoryWeights: Record<string, number>) =>
    currentGrade(studentHistory({ work, categoryWeights }))?.percent;

  it('averages each category’s points by its weight, re-scaling over the categories with work so far', () => {
    const work = [
      { name: 'Test 1', due: '2025-09-12', raw: '45/50', category: 'Tests' },
      { name: 'HW 1', due: '2025-09-05', raw: '6/10', category: 'Homework' },
    ];
    // 0.7 × 90 + 0.3 × 60 = 81 (points alone would give 51/60 = 85).
    expect(weighted(work, { Tests: 70, Homework: 30, Projects: 20 })).toBeCloseTo(81, 10);
    expect(weighted(work.slice(1), { Tests: 70, Homework: 30 })).toBeCloseTo(60, 10);
  });

  it('leaves out work in a category without a weight, and excused work as always', () => {
    expect(weighted([
      { name: 'Test 1', due: '2025-09-12', raw: '40/50', category: 'Tests' },
      { name: 'Warm-up', due: '2025-09-05', raw: '0/10', category: 'Bell work' },
      { name: 'Test 2', due: '2025-09-19', raw: 'EX', possible: 50, category: 'Tests' },
    ], { Tests: 100 })).toBeCloseTo(80, 10);
  });
});

describe("currentGrade, the page's own", () => {
  const work = [{ name: 'Quiz 1', due: '2025-09-05', raw: '5/10' }];

  it("the page's own overall grade is preferred, the latest one observed", () => {
    const history = studentHistory({
      work,
      overall: [
        { percent: 81.4, letter: 'B-', at: atNoon('2025-09-20') },
        { percent: 77, letter: 'C+', at: atNoon('2025-09-10') },
      ],
    });
    expect(currentGrade(history)).toEqual({ percent: 81.4, letter: 'B-', source: 'page' });
  });

  it('a page that shows only a letter still wins over our computation', () => {
    const history = studentHistory({ work, overall: [{ letter: 'B', at: atNoon('2025-09-20') }] });
    expect(currentGrade(history)).toEqual({ letter: 'B', source: 'page' });
  });

  it('falls back to the computed grade when the page shows no grade', () => {
    const history = studentHistory({ work, overall: [{ raw: '--', at: atNoon('2025-09-20') }] });
    expect(currentGrade(history)).toEqual({ percent: 50, letter: 'F', source: 'computed' });
  });
});

describe('gradeSeries', () => {
  it('gives the running grade after each graded assignment in due-date order', () => {
    const history = studentHistory({
      work: [
        { name: 'Quiz 3', due: '2025-09-19', raw: '10/10' },
        { name: 'Quiz 1', due: '2025-09-05', raw: '10/10' },
        { name: 'Quiz 2', due: '2025-09-12', raw: 'M', possible: 10 },
        { name: 'Quiz 4', due: '2025-09-26', raw: 'EX', possible: 10 },
        { name: 'Quiz 5', due: '2025-10-03', raw: '--', possible: 10 },
        { name: 'Quiz 6', due: '2025-10-10', raw: '7/10' },
      ],
    });
    expect(gradeSeries(history)).toEqual([
      { assignmentId: assignmentId('Quiz 1'), dueDate: '2025-09-05', percent: 100 },
      { assignmentId: assignmentId('Quiz 2'), dueDate: '2025-09-12', percent: 50 },
      { assignmentId: assignmentId('Quiz 3'), dueDate: '2025-09-19', percent: 2000 / 30 },
      { assignmentId: assignmentId('Quiz 6'), dueDate: '2025-10-10', percent: 67.5 },
    ]);
  });

  it('places undated work by the day it was first seen', () => {
    const history = studentHistory({
      work: [
        { name: 'Warm-up', raw: '0/10' },
        { name: 'Quiz 1', due: '2025-08-18', raw: '10/10' },
      ],
    });
    // The factory marks every cell first seen on 2025-08-20, after Quiz 1's due date.
    expect(gradeSeries(history).map((p) => p.percent)).toEqual([100, 50]);
  });
});
