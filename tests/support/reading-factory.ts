// Small builders for readings in tests: a grid of named students × assignments with cell texts.
import type { ParsedScore, Reading, ReadingCell } from '../../src/core/types';

/** A tiny stand-in for the adapters' parser, so storage tests don't depend on score-parse details. */
export function scoreOf(raw: string, outOf = 10): ParsedScore {
  if (raw === 'M') return { flags: { missing: true } };
  if (raw === 'EX') return { flags: { excused: true } };
  if (raw === '' || raw === '—') return { flags: { notGraded: true } };
  const late = raw.endsWith('L');
  const points = Number(late ? raw.slice(0, -1) : raw);
  return { points, outOf, percent: (points / outOf) * 100, flags: late ? { late: true } : {} };
}

export interface GridSpec {
  section?: string;
  readAt?: number;
  /** student key → cell texts by assignment key */
  rows: Record<string, Record<string, string>>;
  overall?: Record<string, number>;
  names?: Record<string, string>;
}

export function gridReading(spec: GridSpec): Reading {
  const studentKeys = Object.keys(spec.rows);
  const assignmentKeys = [...new Set(studentKeys.flatMap((s) => Object.keys(spec.rows[s]!)))];
  const cells: ReadingCell[] = studentKeys.flatMap((s) =>
    Object.entries(spec.rows[s]!).map(([a, raw]) => ({ studentKey: s, assignmentKey: a, raw, score: scoreOf(raw) })),
  );
  return {
    adapterId: 'demo-gradebook',
    view: 'teacher-grid',
    url: 'http://127.0.0.1:8080/gradebook/',
    readAt: spec.readAt ?? 1_700_000_000_000,
    section: { key: spec.section ?? 'p1', name: `Section ${spec.section ?? 'p1'}` },
    students: studentKeys.map((key) => ({ key, name: spec.names?.[key] ?? `Student ${key}` })),
    assignments: assignmentKeys.map((key, i) => ({ key, name: `Assignment ${key}`, pointsPossible: 10, dueDate: `2026-10-${String(10 + i).padStart(2, '0')}` })),
    cells,
    overall: Object.entries(spec.overall ?? {}).map(([studentKey, percent]) => ({ studentKey, percent, raw: `${percent}%` })),
    problems: [],
  };
}
