// Small builders for StudentHistory in tests: work is written as the gradebook shows it ("9/10", "M",
// "EX", "B") and parsed by the real score parser, so tests read like a gradebook row.
import type { StudentHistory } from '../../src/core/proposal-types';
import { parseScore } from '../../src/core/score-parse';
import type { CellFlags, ContactLogEntry, GradeEvent, OverallGrade, StoredCell } from '../../src/core/types';

export const SOURCE_ID = 'https://school.example|demo';
export const SECTION_ID = `${SOURCE_ID}|period-3`;

/** Local noon of a calendar date: a `now` that is the same date in every time zone the tests run in. */
export function atNoon(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(y!, m! - 1, d!, 12).getTime();
}

export const DAY = 86_400_000;

export interface WorkSpec {
  name: string;
  /** ISO due date */
  due?: string;
  /** the cell as shown */
  raw: string;
  /** the assignment's points possible */
  possible?: number;
  /** extra flags on top of what the parser reads (e.g. dropped) */
  flags?: CellFlags;
  /** the assignment's category (for weighted grades) */
  category?: string;
}

export interface HistorySpec {
  name?: string;
  key?: string;
  sectionName?: string;
  work: WorkSpec[];
  overall?: { percent?: number; letter?: string; raw?: string; at: number }[];
  /** missing-cleared events: assignment name and when */
  madeUp?: { name: string; at: number }[];
  contacts?: ContactSpec[];
  /** the section's category weights, when the page shows them */
  categoryWeights?: Record<string, number>;
}

export interface ContactSpec {
  reason: string;
  kind?: ContactLogEntry['kind'];
  severity: number;
  sentAt: number;
}

export const assignmentId = (name: string) => `${SECTION_ID}|${name.toLowerCase().replace(/\s+/g, '-')}`;

export function studentHistory(spec: HistorySpec): StudentHistory {
  const key = spec.key ?? 'avery-stone';
  const studentId = `${SOURCE_ID}|${key}`;
  const since = atNoon('2025-08-20');
  const assignments = spec.work.map((w, position) => ({
    id: assignmentId(w.name),
    sectionId: SECTION_ID,
    key: w.name,
    name: w.name,
    position,
    ...(w.due === undefined ? {} : { dueDate: w.due }),
    ...(w.possible === undefined ? {} : { pointsPossible: w.possible }),
    ...(w.category === undefined ? {} : { category: w.category }),
  }));
  const cells: StoredCell[] = spec.work.map((w) => {
    const score = parseScore(w.raw, w.possible);
    score.flags = { ...score.flags, ...w.flags };
    return {
      id: `${SECTION_ID}|${key}|${w.name}`,
      sectionId: SECTION_ID,
      studentId,
      assignmentId: assignmentId(w.name),
      raw: w.raw,
      score,
      since,
      seenAt: since,
    };
  });
  const overall: OverallGrade[] = (spec.overall ?? []).map((o) => ({
    sectionId: SECTION_ID,
    studentId,
    observedAt: o.at,
    raw: o.raw ?? (o.percent === undefined ? (o.letter ?? '') : `${o.percent}%`),
    ...(o.percent === undefined ? {} : { percent: o.percent }),
    ...(o.letter === undefined ? {} : { letter: o.letter }),
  }));
  const events: GradeEvent[] = (spec.madeUp ?? []).map((m) => ({
    kind: 'missing-cleared',
    sectionId: SECTION_ID,
    studentId,
    assignmentId: assignmentId(m.name),
    before: { raw: 'M', score: { flags: { missing: true } } },
    observedAt: m.at,
    readingId: 1,
  }));
  const contacts: ContactLogEntry[] = (spec.contacts ?? []).map((c) => ({
    studentId,
    sectionId: SECTION_ID,
    channel: 'email',
    kind: c.kind ?? 'heads-up',
    reason: c.reason,
    severity: c.severity,
    text: 'sent',
    sentAt: c.sentAt,
  }));
  return {
    student: { id: studentId, sourceId: SOURCE_ID, key, name: spec.name ?? 'Stone, Avery', sectionIds: [SECTION_ID] },
    section: { id: SECTION_ID, sourceId: SOURCE_ID, key: 'period-3', name: spec.sectionName ?? 'English 7', view: 'teacher-grid' },
    assignments,
    cells,
    events,
    overall,
    contacts,
    ...(spec.categoryWeights === undefined ? {} : { categoryWeights: spec.categoryWeights }),
  };
}

/** One assignment a week, due on the dates from `firstDue` on, out of `possible` points unless the raw says. */
export function weekly(firstDue: string, raws: string[], prefix = 'Quiz', possible = 100): WorkSpec[] {
  return raws.map((raw, i) => ({ name: `${prefix} ${i + 1}`, due: addDaysIso(firstDue, 7 * i), raw, possible }));
}

export function addDaysIso(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d! + days));
  return date.toISOString().slice(0, 10);
}

/** Six assignments of which three (Reading Log 4 and 5, Essay Draft) are missing, due Sep 12 – Oct 17, 2025. */
export function threeMissingOfSix(): WorkSpec[] {
  return [
    { name: 'Unit 1 Test', due: '2025-09-12', raw: '95/100' },
    { name: 'Reading Log 3', due: '2025-10-02', raw: '18/20' },
    { name: 'Reading Log 4', due: '2025-10-09', raw: 'M', possible: 10 },
    { name: 'Vocab Quiz', due: '2025-10-10', raw: '9/10' },
    { name: 'Reading Log 5', due: '2025-10-16', raw: 'M', possible: 10 },
    { name: 'Essay Draft', due: '2025-10-17', raw: 'Missing', possible: 10 },
  ];
}
