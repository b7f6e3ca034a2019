// A school year of gradebook history for the engine bench: 6 sections × 35 students, 200 assignments
// each (about one per school day), several events per cell, an overall-grade series and a few contacts.
// Seeded, so every run measures the same data.
import { defaultSettings } from '../src/core/engine';
import type { StudentHistory } from '../src/core/proposal-types';
import type { Assignment, ContactLogEntry, GradeEvent, OverallGrade, Settings, StoredCell } from '../src/core/types';

const DAY = 86_400_000;
const YEAR_START = new Date(2025, 7, 18, 12).getTime();

/** mulberry32: a small seeded generator, enough for bench data. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (moment: number) => {
  const d = new Date(moment);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

export const BENCH_NOW = YEAR_START + 300 * DAY;

export function benchSettings(): Settings {
  return defaultSettings(iso(BENCH_NOW));
}

export function benchHistories(sections = 6, students = 35, assignmentsPerSection = 200): StudentHistory[] {
  const rand = random(20251020);
  const histories: StudentHistory[] = [];
  for (let s = 0; s < sections; s++) {
    const sectionId = `bench|section-${s}`;
    const assignments: Assignment[] = Array.from({ length: assignmentsPerSection }, (_, i) => ({
      id: `${sectionId}|a${i}`,
      sectionId,
      key: `a${i}`,
      name: `Assignment ${i + 1}`,
      category: i % 5 === 0 ? 'Tests' : 'Homework',
      dueDate: iso(YEAR_START + Math.floor(i * 1.45) * DAY),
      pointsPossible: i % 5 === 0 ? 100 : 10,
      position: i,
    }));
    for (let k = 0; k < students; k++) {
      const studentId = `bench|s${s}-${k}`;
      const ability = 55 + rand() * 45;
      const cells: StoredCell[] = [];
      const events: GradeEvent[] = [];
      for (const a of assignments) {
        const due = new Date(`${a.dueDate}T12:00:00`).getTime();
        if (due > BENCH_NOW) continue;
        const roll = rand();
        const percent = Math.max(0, Math.min(100, ability + (rand() - 0.5) * 30));
        const possible = a.pointsPossible!;
        const score =
          roll < 0.06
            ? { flags: { missing: true } }
            : roll < 0.08
              ? { flags: { excused: true } }
              : { points: Math.round((percent * possible) / 100), outOf: possible, percent, flags: roll < 0.15 ? { late: true } : {} };
        const raw = score.flags.missing ? 'M' : score.flags.excused ? 'EX' : `${score.points}/${possible}`;
        cells.push({ id: `${sectionId}|${k}|${a.key}`, sectionId, studentId, assignmentId: a.id, raw, score, since: due, seenAt: BENCH_NOW });
        // Object literals of one shape, as rows read back from IndexedDB are.
        const event = (kind: GradeEvent['kind'], observedAt: number, after?: GradeEvent['after']): GradeEvent => ({
          kind,
          sectionId,
          studentId,
          assignmentId: a.id,
          after,
          observedAt,
          readingId: 1,
        });
        events.push(event('marked-missing', due + DAY));
        events.push(event(score.flags.missing ? 'score-cleared' : 'missing-cleared', due + 3 * DAY));
        events.push(event('score-entered', due + 4 * DAY, { raw, score }));
      }
      const overall: OverallGrade[] = Array.from({ length: 40 }, (_, i) => ({
        sectionId,
        studentId,
        observedAt: YEAR_START + i * 7 * DAY,
        percent: Math.round(ability + (rand() - 0.5) * 10),
        raw: '',
      }));
      const contacts: ContactLogEntry[] = Array.from({ length: 4 }, (_, i) => ({
        studentId,
        sectionId,
        channel: 'email',
        kind: i % 2 === 0 ? 'heads-up' : 'positive',
        reason: i % 2 === 0 ? 'missing-work' : 'improvement',
        severity: 0.6,
        text: '',
        sentAt: YEAR_START + (60 + i * 55) * DAY,
      }));
      histories.push({
        student: { id: studentId, sourceId: 'bench', key: `s${k}`, name: `Student ${s}-${k}`, sectionIds: [sectionId] },
        section: { id: sectionId, sourceId: 'bench', key: `section-${s}`, name: `Section ${s}`, view: 'teacher-grid' },
        assignments,
        cells,
        events,
        overall,
        contacts,
      });
    }
  }
  return histories;
}
