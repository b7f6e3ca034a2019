// Turns a reading into what must be written: the cells that changed and the grade events that say how.
// Pure: the background loads the stored state, calls diffReading, and writes the result in one transaction.
//
// Rules (each has a test in tests/core/reading-diff.test.ts):
// - the same reading twice gives no events;
// - absence is not a change: a student or assignment missing from the reading (paged, filtered or
//   half-rendered view) leaves its stored cells alone;
// - a score that disappears from a cell that is still shown is a `score-cleared` event;
// - cells the adapter could not read never reach here (they are problems), so nothing is guessed.
import type {
  CellFlags,
  CellState,
  GradeEvent,
  GradeEventKind,
  OverallGrade,
  OverallState,
  ParsedScore,
  Reading,
  ReadingCell,
  StoredCell,
} from './types';

export interface StoredState {
  /** latest cells of the section, by cell id */
  cells: ReadonlyMap<string, StoredCell>;
  /** latest overall grade per student id */
  overall: ReadonlyMap<string, OverallGrade>;
}

/** Ids under which a reading's data is stored. */
export interface ReadingIds {
  sourceId: string;
  sectionId: string;
}

export type NewEvent = Omit<GradeEvent, 'id' | 'readingId'>;

export interface ReadingDiff {
  /** new or changed cells, to put */
  cells: StoredCell[];
  events: NewEvent[];
  /** new rows of the overall-grade series */
  overall: OverallGrade[];
}

export const studentIdOf = (sourceId: string, studentKey: string) => `${sourceId}|${studentKey}`;
export const assignmentIdOf = (sectionId: string, assignmentKey: string) => `${sectionId}|${assignmentKey}`;
export const cellIdOf = (sectionId: string, studentKey: string, assignmentKey: string) =>
  `${sectionId}|${studentKey}|${assignmentKey}`;

/** Does the score carry a value (points, percent or letter)? */
export function hasValue(score: ParsedScore): boolean {
  return score.points !== undefined || score.percent !== undefined || score.letter !== undefined;
}

function sameValue(a: ParsedScore, b: ParsedScore): boolean {
  return a.points === b.points && a.outOf === b.outOf && a.percent === b.percent && a.letter === b.letter;
}

const FLAG_EVENTS: ReadonlyArray<[keyof CellFlags, GradeEventKind | undefined, GradeEventKind | undefined]> = [
  // [flag, event when it appears, event when it goes away]
  ['missing', 'marked-missing', 'missing-cleared'],
  ['excused', 'marked-excused', 'excused-cleared'],
  ['late', 'marked-late', undefined],
];

/** The events that describe going from `before` (undefined: never seen) to `after`. */
export function cellEvents(before: CellState | undefined, after: CellState): GradeEventKind[] {
  const kinds: GradeEventKind[] = [];
  const had = before !== undefined && hasValue(before.score);
  const has = hasValue(after.score);
  if (!had && has) kinds.push('score-entered');
  else if (had && !has) kinds.push('score-cleared');
  else if (had && has && !sameValue(before!.score, after.score)) kinds.push('score-changed');
  for (const [flag, appears, goes] of FLAG_EVENTS) {
    const was = before?.score.flags[flag] === true;
    const is = after.score.flags[flag] === true;
    if (!was && is && appears) kinds.push(appears);
    if (was && !is && goes) kinds.push(goes);
  }
  return kinds;
}

function sameFlags(a: CellFlags, b: CellFlags): boolean {
  const keys: Array<keyof CellFlags> = ['missing', 'late', 'excused', 'incomplete', 'notGraded', 'dropped'];
  return keys.every((k) => (a[k] === true) === (b[k] === true));
}

function cellUnchanged(prev: StoredCell, cell: ReadingCell): boolean {
  return prev.raw === cell.raw && sameValue(prev.score, cell.score) && sameFlags(prev.score.flags, cell.score.flags);
}

function overallChanged(prev: OverallState, next: OverallState): boolean {
  return prev.percent !== next.percent || prev.letter !== next.letter;
}

export function diffReading(ids: ReadingIds, reading: Reading, state: StoredState): ReadingDiff {
  const { sourceId, sectionId } = ids;
  const observedAt = reading.readAt;
  const result: ReadingDiff = { cells: [], events: [], overall: [] };

  for (const cell of reading.cells) {
    const id = cellIdOf(sectionId, cell.studentKey, cell.assignmentKey);
    const prev = state.cells.get(id);
    if (prev && cellUnchanged(prev, cell)) continue;
    const studentId = studentIdOf(sourceId, cell.studentKey);
    const assignmentId = assignmentIdOf(sectionId, cell.assignmentKey);
    const after: CellState = { raw: cell.raw, score: cell.score };
    const before: CellState | undefined = prev ? { raw: prev.raw, score: prev.score } : undefined;
    result.cells.push({ id, sectionId, studentId, assignmentId, ...after, since: observedAt, seenAt: observedAt });
    for (const kind of cellEvents(before, after)) {
      result.events.push({ kind, sectionId, studentId, assignmentId, before, after, observedAt });
    }
  }

  for (const o of reading.overall) {
    if (o.percent === undefined && o.letter === undefined) continue;
    const studentId = studentIdOf(sourceId, o.studentKey);
    const prev = state.overall.get(studentId);
    const next: OverallState = { raw: o.raw, percent: o.percent, letter: o.letter };
    if (prev && !overallChanged(prev, next)) continue;
    result.overall.push({ sectionId, studentId, ...next, observedAt });
    // The first sighting starts the series; only a change of a known grade is an event.
    if (prev) {
      const before: OverallState = { raw: prev.raw, percent: prev.percent, letter: prev.letter };
      result.events.push({ kind: 'overall-changed', sectionId, studentId, before, after: next, observedAt });
    }
  }
  return result;
}

/**
 * A fingerprint of what a reading says (not when or where it was read). Used only to tell that a re-read
 * of an unchanged page repeats the last reading record, so the record's lastSeenAt is updated instead of
 * adding a record; the diff always runs, so a collision could never hide a change.
 */
export function readingFingerprint(reading: Reading): string {
  const { readAt: _readAt, url: _url, ...content } = reading;
  const textOf = JSON.stringify(content);
  // Two 32-bit FNV-1a style hashes plus the length.
  let h1 = 0x811c9dc5;
  let h2 = 0x5bd1e995;
  for (let i = 0; i < textOf.length; i++) {
    const c = textOf.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
  }
  return `${textOf.length}:${(h1 >>> 0).toString(16)}:${(h2 >>> 0).toString(16)}`;
}
