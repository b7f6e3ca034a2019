// A school year of stored history, as rows of the real schema: sections × students × assignments,
// cells in their latest state, ~3 grade events per cell, a weekly overall grade per student, and a
// reading record per day of grading. Deterministic (no randomness), plain data.
import type {
  Assignment,
  GradeEvent,
  GradeEventKind,
  OverallGrade,
  ReadingRecord,
  Section,
  Source,
  StoredCell,
  Student,
} from '../src/core/types';

export interface YearShape {
  sections: number;
  studentsPerSection: number;
  assignmentsPerSection: number;
  eventsPerCell: number;
  /** epoch ms of the first day of the year */
  start: number;
}

const DAY = 86_400_000;
const KINDS: GradeEventKind[] = ['score-entered', 'score-changed', 'marked-late', 'marked-missing', 'missing-cleared'];

export function yearOfHistory(shape: YearShape, origin: string) {
  const sourceId = `${origin}|demo-gradebook`;
  const sources: Source[] = [{ id: sourceId, origin, adapterId: 'demo-gradebook' }];
  const sections: Section[] = [];
  const students: Student[] = [];
  const assignments: Assignment[] = [];
  const cells: StoredCell[] = [];
  const events: Omit<GradeEvent, 'id'>[] = [];
  const overall: Omit<OverallGrade, 'id'>[] = [];
  const readings: Omit<ReadingRecord, 'id'>[] = [];
  // 200 assignments over ~300 days: one due every 1.5 days.
  const dueAt = (j: number) => shape.start + Math.floor(j * 1.5) * DAY;

  for (let s = 0; s < shape.sections; s++) {
    const sectionId = `${sourceId}|sec${s}`;
    sections.push({ id: sectionId, sourceId, key: `sec${s}`, name: `Section ${s + 1}`, view: 'teacher-grid' });
    for (let j = 0; j < shape.assignmentsPerSection; j++) {
      const due = new Date(dueAt(j)).toISOString().slice(0, 10);
      assignments.push({ id: `${sectionId}|a${j}`, sectionId, key: `a${j}`, name: `Assignment ${j + 1}`, dueDate: due, pointsPossible: 10, position: j });
      readings.push({
        sectionId, adapterId: 'demo-gradebook', url: `${origin}/gradebook/`, readAt: dueAt(j) + DAY, lastSeenAt: dueAt(j) + DAY,
        fingerprint: `${s}-${j}`, studentCount: shape.studentsPerSection, assignmentCount: j + 1,
        cellCount: shape.studentsPerSection * (j + 1), eventCount: shape.studentsPerSection * shape.eventsPerCell, problems: [],
      });
    }
    for (let i = 0; i < shape.studentsPerSection; i++) {
      const key = `s${s}-${i}`;
      const studentId = `${sourceId}|${key}`;
      students.push({ id: studentId, sourceId, key, name: `Student ${i + 1}, Section ${s + 1}`, sectionIds: [sectionId], personId: `${origin}|${key}` });
      for (let j = 0; j < shape.assignmentsPerSection; j++) {
        const points = (i * 7 + j * 3) % 11;
        const raw = String(points);
        const score = { points, outOf: 10, percent: points * 10, flags: {} };
        const observedAt = dueAt(j) + DAY;
        const assignmentId = `${sectionId}|a${j}`;
        cells.push({ id: `${sectionId}|${key}|a${j}`, sectionId, studentId, assignmentId, raw, score, since: observedAt, seenAt: observedAt });
        for (let e = 0; e < shape.eventsPerCell; e++) {
          events.push({
            kind: KINDS[(i + j + e) % KINDS.length]!, sectionId, studentId, assignmentId,
            after: { raw, score }, observedAt: observedAt + e * 3 * DAY, readingId: s * shape.assignmentsPerSection + j + 1,
          });
        }
      }
      for (let week = 0; week < 43; week++) {
        const percent = 60 + ((i * 13 + week * 5) % 40);
        overall.push({ sectionId, studentId, percent, raw: `${percent}%`, observedAt: shape.start + week * 7 * DAY });
      }
    }
  }
  return { sources, sections, students, assignments, cells, events, overall, readings };
}

/** How many kinds of event the year holds (a sanity figure for the bench table). */
export function allEventKinds(events: ReadonlyArray<{ kind: string }>): number {
  return new Set(events.map((e) => e.kind)).size;
}
