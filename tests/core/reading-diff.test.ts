import { describe, expect, it } from 'vitest';
import { cellEvents, diffReading, readingFingerprint, type StoredState } from '../../src/core/reading-diff';
import type { OverallGrade, StoredCell } from '../../src/core/types';
import { gridReading, scoreOf } from '../support/reading-factory';

const ids = { sourceId: 'http://127.0.0.1|demo-gradebook', sectionId: 'http://127.0.0.1|demo-gradebook|p1' };
const empty: StoredState = { cells: new Map(), overall: new Map() };

/** Applies a diff to a state, as storage would. */
function apply(state: StoredState, diff: ReturnType<typeof diffReading>): StoredState {
  const cells = new Map<string, StoredCell>(state.cells);
  for (const c of diff.cells) cells.set(c.id, c);
  const overall = new Map<string, OverallGrade>(state.overall);
  for (const o of diff.overall) overall.set(o.studentId, o);
  return { cells, overall };
}

describe('diffReading', () => {
  it('records a first reading as entered scores and missing marks', () => {
    const diff = diffReading(ids, gridReading({ rows: { s1: { a1: '8', a2: 'M', a3: '—' } } }), empty);
    expect(diff.cells).toHaveLength(3);
    expect(diff.events.map((e) => e.kind).sort()).toEqual(['marked-missing', 'score-entered']);
  });

  it('gives no events for the same reading twice', () => {
    const reading = gridReading({ rows: { s1: { a1: '8', a2: 'M' }, s2: { a1: 'EX', a2: '7L' } }, overall: { s1: 40 } });
    const state = apply(empty, diffReading(ids, reading, empty));
    const again = diffReading(ids, { ...reading, readAt: reading.readAt + 60_000 }, state);
    expect(again).toEqual({ cells: [], events: [], overall: [] });
  });

  it('does not clear what a reading lacks: absence is not a change', () => {
    const full = gridReading({ rows: { s1: { a1: '8', a2: '9' }, s2: { a1: '5', a2: '6' } } });
    const state = apply(empty, diffReading(ids, full, empty));
    const partial = gridReading({ rows: { s1: { a1: '8' } }, readAt: full.readAt + 1 });
    expect(diffReading(ids, partial, state)).toEqual({ cells: [], events: [], overall: [] });
  });

  it('records a score that disappears from a shown cell as cleared', () => {
    const state = apply(empty, diffReading(ids, gridReading({ rows: { s1: { a1: '8' } } }), empty));
    const diff = diffReading(ids, gridReading({ rows: { s1: { a1: '—' } }, readAt: 2 }), state);
    expect(diff.events.map((e) => e.kind)).toEqual(['score-cleared']);
    expect(diff.events[0]!.before).toMatchObject({ raw: '8' });
  });

  it('records missing work made up late as entered, missing cleared and late', () => {
    const state = apply(empty, diffReading(ids, gridReading({ rows: { s1: { a1: 'M' } } }), empty));
    const diff = diffReading(ids, gridReading({ rows: { s1: { a1: '9L' } }, readAt: 5 }), state);
    expect(diff.events.map((e) => e.kind)).toEqual(['score-entered', 'missing-cleared', 'marked-late']);
    expect(diff.events.every((e) => e.observedAt === 5)).toBe(true);
  });

  it('records a regrade as a changed score with before and after', () => {
    const state = apply(empty, diffReading(ids, gridReading({ rows: { s1: { a1: '6' } } }), empty));
    const [event] = diffReading(ids, gridReading({ rows: { s1: { a1: '9' } } }), state).events;
    expect(event).toMatchObject({ kind: 'score-changed', before: { raw: '6' }, after: { raw: '9' }, assignmentId: `${ids.sectionId}|a1` });
  });

  it('starts the overall series without an event and records a change with one', () => {
    const first = diffReading(ids, gridReading({ rows: { s1: { a1: '8' } }, overall: { s1: 80 } }), empty);
    expect(first.overall).toHaveLength(1);
    expect(first.events.some((e) => e.kind === 'overall-changed')).toBe(false);
    const second = diffReading(ids, gridReading({ rows: { s1: { a1: '8' } }, overall: { s1: 72.5 } }), apply(empty, first));
    expect(second.events.filter((e) => e.kind === 'overall-changed')).toHaveLength(1);
    expect(second.overall[0]).toMatchObject({ percent: 72.5 });
  });
});

describe('cellEvents', () => {
  it('says nothing about a cell that stays not graded', () => {
    expect(cellEvents(undefined, { raw: '—', score: scoreOf('—') })).toEqual([]);
  });
  it('records excusing and un-excusing', () => {
    expect(cellEvents({ raw: '5', score: scoreOf('5') }, { raw: 'EX', score: scoreOf('EX') })).toEqual(['score-cleared', 'marked-excused']);
    expect(cellEvents({ raw: 'EX', score: scoreOf('EX') }, { raw: 'M', score: scoreOf('M') })).toEqual(['marked-missing', 'excused-cleared']);
  });
});

describe('readingFingerprint', () => {
  it('ignores when and where a reading was taken but not what it says', () => {
    const a = gridReading({ rows: { s1: { a1: '8' } } });
    expect(readingFingerprint({ ...a, readAt: 1, url: 'x' })).toBe(readingFingerprint(a));
    expect(readingFingerprint(gridReading({ rows: { s1: { a1: '9' } } }))).not.toBe(readingFingerprint(a));
  });
});
