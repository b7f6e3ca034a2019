// Bundled for the storage benchmark and run in a page in Chromium: real IndexedDB, the real Dexie
// schema, the real ingest and queries. Builds a year of history, then times what the issue asks for.
import { allEventKinds, yearOfHistory, type YearShape } from './year-of-history';
import type { Reading } from '../src/core/types';
import { openDb, type HeadsUpDb } from '../src/storage/db';
import { ingestReading } from '../src/storage/ingest';
import { proposeContacts } from '../src/core/engine';
import { ENGINE_LOOKBACK_DAYS, effectiveSettings } from '../src/core/settings';
import { loadFirstScreen, loadHistories, loadSettings } from '../src/storage/queries';

declare global {
  interface Window {
    headsUpStorageBench: StorageBench;
  }
}

export interface StorageBench {
  /** `name`: the database to fill (a new one by default; the extension's own for the popup bench) */
  build(shape: YearShape, name?: string): Promise<{ rows: Record<string, number>; ms: number }>;
  ingestNew(run: number): Promise<{ ingestMs: number; rawMs: number; reingestMs: number; cells: number; events: number }>;
  refresh(now: number): Promise<{ ms: number; proposals: number; histories: number }>;
  loadFirstScreen(): Promise<{ ms: number; proposals: number; students: number }>;
  estimate(): Promise<{ usage: number }>;
}

const ORIGIN = 'https://lakeview.example';
let db: HeadsUpDb;

/** A 35 × 60 teacher-grid reading of a section never seen before: every cell is new. */
function newSectionReading(run: number, readAt: number): Reading {
  const students = Array.from({ length: 35 }, (_, i) => ({ key: `n${run}-s${i}`, name: `Student ${i}, New`, vendorId: `n${run}-s${i}` }));
  const assignments = Array.from({ length: 60 }, (_, j) => ({ key: `n${run}-a${j}`, name: `Task ${j}`, pointsPossible: 10, dueDate: '2026-10-01' }));
  const cells = students.flatMap((s, i) =>
    assignments.map((a, j) => {
      const raw = (i + j) % 17 === 0 ? 'M' : String((i * 7 + j * 3) % 11);
      const score = raw === 'M' ? { flags: { missing: true } } : { points: Number(raw), outOf: 10, percent: Number(raw) * 10, flags: {} };
      return { studentKey: s.key, assignmentKey: a.key, raw, score };
    }),
  );
  return {
    adapterId: 'demo-gradebook',
    view: 'teacher-grid',
    url: `${ORIGIN}/gradebook/`,
    readAt,
    section: { key: `new-${run}`, name: `New section ${run}` },
    students,
    assignments,
    cells,
    overall: students.map((s, i) => ({ studentKey: s.key, percent: 60 + (i % 40), raw: `${60 + (i % 40)}%` })),
    problems: [],
  };
}

const copyWithId = <T extends object>(row: T, key: keyof T, suffix: string): T => ({ ...row, [key]: `${String(row[key])}${suffix}` });

window.headsUpStorageBench = {
  async build(shape, name = `bench-${Date.now()}`) {
    const t0 = performance.now();
    db = openDb(name);
    await db.open();
    const year = yearOfHistory(shape, ORIGIN);
    await db.transaction('rw', db.tables, async () => {
      await db.sources.bulkPut(year.sources);
      await db.sections.bulkPut(year.sections);
      await db.students.bulkPut(year.students);
      await db.assignments.bulkPut(year.assignments);
      await db.readings.bulkAdd(year.readings);
    });
    // Large tables in chunks, so no single transaction holds everything in memory at once.
    for (const [table, rows] of [['cells', year.cells], ['events', year.events], ['overall', year.overall]] as const) {
      for (let i = 0; i < rows.length; i += 20_000) await db.table(table).bulkAdd(rows.slice(i, i + 20_000));
    }
    const rows: Record<string, number> = {};
    for (const table of db.tables) rows[table.name] = await table.count();
    rows.eventKinds = allEventKinds(year.events);
    return { rows, ms: performance.now() - t0 };
  },

  async ingestNew(run) {
    const reading = newSectionReading(run, Date.now());
    let t0 = performance.now();
    const summary = await ingestReading(db, ORIGIN, reading);
    const ingestMs = performance.now() - t0;

    t0 = performance.now();
    const again = await ingestReading(db, ORIGIN, { ...reading, readAt: reading.readAt + 1 });
    const reingestMs = performance.now() - t0;
    if (!again.unchanged || again.events !== 0) throw new Error('re-ingest of an unchanged reading wrote something');

    // The same rows ingest wrote, put raw (new ids) in one transaction: the floor for this write.
    const sectionId = `${ORIGIN}|demo-gradebook|new-${run}`;
    const [cells, events, students, assignments, overall, record, section] = await Promise.all([
      db.cells.where('sectionId').equals(sectionId).toArray(),
      db.events.where('readingId').equals(summary.readingId).toArray(),
      db.students.where('sectionIds').equals(sectionId).toArray(),
      db.assignments.where('sectionId').equals(sectionId).toArray(),
      db.overall.where('sectionId').equals(sectionId).toArray(),
      db.readings.get(summary.readingId),
      db.sections.get(sectionId),
    ]);
    const raw = '|raw';
    t0 = performance.now();
    await db.transaction('rw', db.tables, async () => {
      await db.sections.bulkPut([copyWithId(section!, 'id', raw)]);
      await db.students.bulkPut(students.map((s) => copyWithId(s, 'id', raw)));
      await db.assignments.bulkPut(assignments.map((a) => copyWithId(a, 'id', raw)));
      await db.readings.bulkAdd([{ ...record!, id: undefined }]);
      await db.cells.bulkPut(cells.map((c) => copyWithId(c, 'id', raw)));
      await db.events.bulkAdd(events.map((e) => ({ ...e, id: undefined })));
      await db.overall.bulkAdd(overall.map((o) => ({ ...o, id: undefined })));
    });
    const rawMs = performance.now() - t0;
    return { ingestMs, rawMs, reingestMs, cells: cells.length, events: events.length };
  },

  async refresh(now) {
    // What the background does after each change: recent history → engine → snapshot.
    const t0 = performance.now();
    const histories = await loadHistories(db, { since: now - ENGINE_LOOKBACK_DAYS * 86_400_000 });
    const stored = await loadSettings(db);
    const proposals = proposeContacts(histories, effectiveSettings(stored, now), now);
    await db.snapshots.put({ key: 'proposals', computedAt: now, proposals });
    return { ms: performance.now() - t0, proposals: proposals.length, histories: histories.length };
  },

  async loadFirstScreen() {
    // Exactly what the popup reads before its first paint.
    const t0 = performance.now();
    const first = await loadFirstScreen(db);
    return { ms: performance.now() - t0, proposals: first.snapshot?.proposals.length ?? 0, students: first.studentNames.size };
  },

  async estimate() {
    const { usage = 0 } = await navigator.storage.estimate();
    return { usage };
  },
};
