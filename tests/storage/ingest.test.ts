import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type HeadsUpDb } from '../../src/storage/db';
import { ingestReading } from '../../src/storage/ingest';
import { loadHistories } from '../../src/storage/queries';
import { gridReading } from '../support/reading-factory';

const origin = 'http://127.0.0.1:8080';
let db: HeadsUpDb;
let n = 0;

beforeEach(async () => {
  db = openDb(`ingest-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

describe('ingestReading', () => {
  it('stores cells, students, assignments, a reading record and events for a first reading', async () => {
    const summary = await ingestReading(db, origin, gridReading({ rows: { s1: { a1: '8', a2: 'M' }, s2: { a1: '9', a2: '—' } }, overall: { s1: 40 } }));
    expect(summary).toMatchObject({ events: 3, unchanged: false });
    expect(await db.cells.count()).toBe(4);
    expect(await db.students.count()).toBe(2);
    expect(await db.assignments.count()).toBe(2);
    expect(await db.readings.count()).toBe(1);
    expect(await db.overall.count()).toBe(1);
    expect((await db.events.toArray()).every((e) => e.readingId === summary.readingId)).toBe(true);
  });

  it('adds no events and no reading record when the same reading is sent again', async () => {
    const reading = gridReading({ rows: { s1: { a1: '8', a2: 'M' } }, overall: { s1: 40 } });
    await ingestReading(db, origin, reading);
    const again = await ingestReading(db, origin, { ...reading, readAt: reading.readAt + 1_000 });
    expect(again).toMatchObject({ events: 0, unchanged: true });
    expect(await db.events.count()).toBe(2);
    expect(await db.readings.count()).toBe(1);
    expect((await db.readings.toCollection().first())?.lastSeenAt).toBe(reading.readAt + 1_000);
  });

  it('keeps one student across a rename when the vendor id is the same', async () => {
    await ingestReading(db, origin, gridReading({ rows: { s1: { a1: '8' } }, names: { s1: 'Stone, Avery' } }));
    await ingestReading(db, origin, gridReading({ rows: { s1: { a1: '8' } }, names: { s1: 'Stone-Reyes, Avery' }, readAt: 2 }));
    const students = await db.students.toArray();
    expect(students).toHaveLength(1);
    expect(students[0]!.name).toBe('Stone-Reyes, Avery');
  });

  it('writes nothing when the transaction fails midway', async () => {
    const bad = gridReading({ rows: { s1: { a1: '8' } } });
    // Make the cells write fail (as a full disk would) after the other tables were written in the transaction.
    const original = db.cells.bulkPut.bind(db.cells);
    db.cells.bulkPut = (() => Promise.reject(new Error('quota exceeded'))) as unknown as typeof db.cells.bulkPut;
    await expect(ingestReading(db, origin, bad)).rejects.toThrow('quota exceeded');
    db.cells.bulkPut = original;
    expect(await db.readings.count()).toBe(0);
    expect(await db.students.count()).toBe(0);
    expect(await db.events.count()).toBe(0);
  });

  it('serves each student history with their own cells and events', async () => {
    await ingestReading(db, origin, gridReading({ rows: { s1: { a1: '8', a2: 'M' }, s2: { a1: '3', a2: '4' } } }));
    await ingestReading(db, origin, gridReading({ rows: { s1: { a1: '8', a2: '7L' }, s2: { a1: '3', a2: '4' } }, readAt: 9 }));
    const histories = await loadHistories(db);
    const s1 = histories.find((h) => h.student.key === 's1')!;
    expect(s1.cells).toHaveLength(2);
    expect(s1.events.map((e) => e.kind).sort()).toEqual(['marked-late', 'marked-missing', 'missing-cleared', 'score-entered', 'score-entered']);
    expect(s1.assignments).toHaveLength(2);
    expect(histories.find((h) => h.student.key === 's2')!.events).toHaveLength(2);
  });

  it('recognises one person across a teacher grid and a parent view of the same site by vendor id', async () => {
    const grid = gridReading({ rows: { s1: { a1: '8' }, s2: { a1: '6' } }, names: { s1: 'Stone, Avery', s2: 'Lee, Sam' } });
    grid.students = grid.students.map((s) => ({ ...s, vendorId: s.key === 's1' ? '100001' : '100002' }));
    const parent = gridReading({ section: 'frn-4608', rows: { 'avery stone': { q1: '9' } }, names: { 'avery stone': 'Avery Stone' } });
    parent.adapterId = 'powerschool-guardian';
    parent.view = 'student-detail';
    parent.students = parent.students.map((s) => ({ ...s, vendorId: '100001' }));
    await ingestReading(db, origin, grid);
    await ingestReading(db, origin, parent);
    const avery = await db.students.where('personId').equals(`${origin}|100001`).toArray();
    expect(avery.map((s) => s.name).sort()).toEqual(['Avery Stone', 'Stone, Avery']);
    expect(new Set(avery.map((s) => s.sourceId)).size).toBe(2);
  });

  it('keeps name-only records of different views apart: two students may share a name', async () => {
    const grid = gridReading({ rows: { 'avery stone': { a1: '8' } }, names: { 'avery stone': 'Avery Stone' } });
    const parent = gridReading({ section: 'frn-4608', rows: { 'avery stone': { q1: '9' } }, names: { 'avery stone': 'Avery Stone' } });
    parent.adapterId = 'powerschool-guardian';
    await ingestReading(db, origin, grid);
    await ingestReading(db, origin, parent);
    const students = await db.students.toArray();
    expect(students).toHaveLength(2);
    expect(students.every((s) => s.personId === undefined)).toBe(true);
  });

  it('writes nothing for a cell the adapter could not read, and keeps the problem on the record', async () => {
    const first = gridReading({ rows: { s1: { a1: '8', a2: '9' } } });
    await ingestReading(db, origin, first);
    const second = gridReading({ rows: { s1: { a1: '8' } }, readAt: first.readAt + 1 });
    second.assignments = first.assignments;
    second.problems = [{ where: 'cell Student s1 × Assignment a2', reason: 'not a score', raw: '9?!' }];
    const summary = await ingestReading(db, origin, second);
    expect(summary.events).toBe(0);
    expect((await db.cells.get(`${origin}|demo-gradebook|p1|s1|a2`))?.raw).toBe('9');
    const records = await db.readings.toArray();
    expect(records.at(-1)?.problems).toEqual(second.problems);
  });
});
