import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
// Browser globals dexie-export-import expects and Node lacks: `self` (read when it loads) and FileReader
// (exportDB's cleanup reads an empty Blob of pending binary values; ours has none).
vi.hoisted(() => {
  const g = globalThis as { self?: unknown; FileReader?: unknown };
  g.self ??= globalThis;
  g.FileReader ??= class {
    result: ArrayBuffer | null = null;
    onload: ((ev: { target: unknown }) => void) | null = null;
    onerror: ((ev: { target: unknown }) => void) | null = null;
    readAsArrayBuffer(blob: Blob): void {
      void blob.arrayBuffer().then((buffer) => {
        this.result = buffer;
        this.onload?.({ target: this });
      });
    }
  };
});
import Dexie from 'dexie';
import { exportDB } from 'dexie-export-import';
import fc from 'fast-check';
import { exportBackup, importBackup, inspectBackup, tableOf, TABLES, wipeEverything } from '../../src/storage/backup';
import { CURRENT_VERSION, DERIVED_TABLES, declareVersions, openDb, type HeadsUpDb } from '../../src/storage/db';
import { ingestReading } from '../../src/storage/ingest';
import { logContact } from '../../src/storage/writes';
import { gridReading } from '../support/reading-factory';
import { historyArb, ORIGIN, SOURCE_ID, writeHistory } from '../support/random-history';

let n = 0;
const opened: Dexie[] = [];
function fresh(): HeadsUpDb {
  const db = openDb(`backup-test-${n++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});

async function dump(db: HeadsUpDb): Promise<Record<string, unknown[]>> {
  return Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await tableOf(db, t).toArray()])));
}
async function editBackup(blob: Blob, edit: (file: any) => void): Promise<Blob> {
  const file = JSON.parse(await blob.text());
  edit(file);
  return new Blob([JSON.stringify(file)]);
}
const p1 = `${SOURCE_ID}|p1`;
const p2 = `${SOURCE_ID}|p2`;
const s1 = `${SOURCE_ID}|s1`;
// Copied at each use: Dexie writes the new id into the object it adds.
const contact = { studentId: s1, sectionId: p1, channel: 'email', kind: 'heads-up', reason: 'missing-work', severity: 2, text: 'Hello', sentAt: 1_500 } as const;
const calendar = { termStart: '2026-08-20', reportDates: ['2026-10-15'], termEnd: '2026-12-18' };
const settings = { calendar, thresholds: { lowGrade: 70, missingCount: 2, dropPoints: 8, cadenceDays: 10 }, signature: 'Ms. Rivera' };

describe('exportBackup', () => {
  it('writes one JSON file: our envelope around Dexie export format', async () => {
    const db = fresh();
    await ingestReading(db, ORIGIN, gridReading({ rows: { s1: { a1: '8' } } }));
    const file = JSON.parse(await (await exportBackup(db)).text());
    expect(file).toMatchObject({ format: 'heads-up-backup', formatVersion: 1, schemaVersion: CURRENT_VERSION });
    expect(Math.abs(file.exportedAt - Date.now())).toBeLessThan(60_000);
    expect(file.dexie).toMatchObject({ formatName: 'dexie', data: { databaseName: db.name, databaseVersion: CURRENT_VERSION } });
    // Derived tables (the proposals snapshot) are recomputed, never exported.
    expect(file.dexie.data.data.map((t: { tableName: string }) => t.tableName).sort()).toEqual([...TABLES].sort());
  });
});

describe('round trip', () => {
  it('brings a random history back identical (ids included) into an empty database; merging it again adds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(historyArb, async (history) => {
        const [source, target] = [fresh(), fresh()];
        await writeHistory(source, history);
        const blob = await exportBackup(source);
        const replaced = await importBackup(target, blob, 'replace');
        expect(replaced).toMatchObject({ ok: true, replacedAll: true });
        const expected = await dump(source);
        expect(await dump(target)).toStrictEqual(expected);
        const merged = await importBackup(target, blob, 'merge');
        expect(merged.ok && Object.values(merged.added).every((c) => c === 0)).toBe(true);
        expect(await dump(target)).toStrictEqual(expected);
        await Promise.all([source.delete(), target.delete()]);
      }),
      { numRuns: 30 },
    );
  });

  it('brings fields stored as undefined back as undefined, not as the 0 the file writes for them', async () => {
    const [source, target] = [fresh(), fresh()];
    await ingestReading(source, ORIGIN, gridReading({ rows: { s1: { a1: '8' } } }));
    await importBackup(target, await exportBackup(source), 'replace');
    const [event] = await target.events.toArray();
    expect(event).toHaveProperty('before', undefined);
    expect((await target.sections.toArray())[0]).toHaveProperty('teacher', undefined);
  });
});

describe('merge', () => {
  // A: p1 read at 1000 (s1 a1 8, s2 a1 M), a contact, an older family. B: p1 at 2000 (s1 a1 5), p2 at 3000.
  async function twoDatabases(): Promise<[HeadsUpDb, HeadsUpDb]> {
    const [a, b] = [fresh(), fresh()];
    await ingestReading(a, ORIGIN, gridReading({ readAt: 1_000, rows: { s1: { a1: '8' }, s2: { a1: 'M' } } }));
    await logContact(a, { ...contact });
    await a.families.put({ studentId: s1, guardians: [{ name: 'Old' }], updatedAt: 5 });
    await ingestReading(b, ORIGIN, gridReading({ readAt: 2_000, rows: { s1: { a1: '5' } } }));
    await ingestReading(b, ORIGIN, gridReading({ section: 'p2', readAt: 3_000, rows: { s1: { a1: '9' } } }));
    await b.families.put({ studentId: s1, guardians: [{ name: 'New' }], updatedAt: 10 });
    return [a, b];
  }

  it('keeps both databases, points each event at its own reading, and adds nothing the second time', async () => {
    const [a, b] = await twoDatabases();
    const fileA = await exportBackup(a);
    const result = await importBackup(b, fileA, 'merge');
    expect(result).toMatchObject({ ok: true, replacedAll: false, added: { readings: 1, events: 2, contacts: 1, cells: 1, overall: 0 } });
    expect(await b.events.count()).toBe(4);
    expect(await b.readings.count()).toBe(3);
    expect(await b.contacts.toArray()).toEqual([{ ...contact, id: 1 }]);
    // Reading ids 1 (A) and 1 (B) collide; each event must point at the reading it was observed in.
    for (const event of await b.events.toArray()) expect((await b.readings.get(event.readingId))?.readAt).toBe(event.observedAt);
    const before = await dump(b);
    const again = await importBackup(b, fileA, 'merge');
    expect(again).toMatchObject({ ok: true, added: { readings: 0, events: 0, contacts: 0, cells: 0, students: 0 } });
    expect(await dump(b)).toStrictEqual(before);
  });

  it('keeps the newer cell (by seenAt) and family (by updatedAt) on either side, and joins a student sections', async () => {
    const [a, b] = await twoDatabases();
    await importBackup(b, await exportBackup(a), 'merge');
    expect((await b.cells.get(`${p1}|s1|a1`))?.raw).toBe('5');
    expect((await b.cells.get(`${p1}|s2|a1`))?.raw).toBe('M');
    expect((await b.families.get(s1))?.guardians).toEqual([{ name: 'New' }]);

    const [a2, b2] = await twoDatabases();
    await importBackup(a2, await exportBackup(b2), 'merge');
    expect((await a2.cells.get(`${p1}|s1|a1`))?.raw).toBe('5');
    expect((await a2.families.get(s1))?.guardians).toEqual([{ name: 'New' }]);
    expect((await a2.students.get(s1))?.sectionIds).toEqual([p1, p2]);
    expect(await a2.events.count()).toBe(4);
  });

  it('matches a reading re-read since the backup (only lastSeenAt moved) and keeps the later lastSeenAt', async () => {
    const db = fresh();
    const reading = gridReading({ readAt: 1_000, rows: { s1: { a1: '8' } } });
    await ingestReading(db, ORIGIN, reading);
    const older = await exportBackup(db);
    await ingestReading(db, ORIGIN, { ...reading, readAt: 9_000 });
    expect(await importBackup(db, older, 'merge')).toMatchObject({ ok: true, added: { readings: 0, events: 0 } });
    expect((await db.readings.toArray()).map((r) => r.lastSeenAt)).toEqual([9_000]);

    const stale = fresh();
    await ingestReading(stale, ORIGIN, reading);
    await importBackup(stale, await exportBackup(db), 'merge');
    expect((await stale.readings.toArray()).map((r) => r.lastSeenAt)).toEqual([9_000]);
  });

  it('counts repeats: a contact the file holds twice and the database once is added once', async () => {
    const [twice, once] = [fresh(), fresh()];
    await logContact(twice, { ...contact });
    await logContact(twice, { ...contact });
    // Same content, another key order (as rows written by other code would have): still the same contact.
    await once.contacts.add(Object.fromEntries(Object.entries(contact).reverse()) as typeof contact);
    const file = await exportBackup(twice);
    expect(await importBackup(once, file, 'merge')).toMatchObject({ ok: true, added: { contacts: 1 } });
    expect(await importBackup(once, file, 'merge')).toMatchObject({ ok: true, added: { contacts: 0 } });
    expect(await once.contacts.count()).toBe(2);
  });
});

describe('a backup made by the first version (schema 1)', () => {
  async function v1Backup(): Promise<Blob> {
    const v1 = new Dexie(`backup-test-${n++}`) as HeadsUpDb;
    opened.push(v1);
    declareVersions(v1, 1);
    await ingestReading(v1, ORIGIN, gridReading({ readAt: 1_000, rows: { s1: { a1: '8', a2: 'M' } } }));
    await v1.table('settings').put({ key: 'settings', value: settings });
    return exportBackup(v1);
  }

  it('is read in the current schema: the calendar moves out of settings into calendars', async () => {
    const db = fresh();
    const blob = await v1Backup();
    expect(await inspectBackup(blob)).toMatchObject({ ok: true, schemaVersion: 1, counts: { calendars: 1, families: 0, events: 2 } });
    expect(await importBackup(db, blob, 'replace')).toMatchObject({ ok: true, replacedAll: true });
    expect(await db.calendars.toArray()).toEqual([{ id: 'default', ...calendar }]);
    const { calendar: _moved, ...rest } = settings;
    expect(await db.settings.toArray()).toEqual([{ key: 'settings', value: rest }]);
    expect(await db.events.count()).toBe(2);
  });

  it('merges into a current database that has its own calendar, keeping that calendar', async () => {
    const db = fresh();
    await db.calendars.put({ id: 'default', termStart: '2027-01-05', reportDates: [], termEnd: '2027-05-30' });
    expect(await importBackup(db, await v1Backup(), 'merge')).toMatchObject({ ok: true, added: { events: 2, calendars: 0, settings: 1 } });
    expect((await db.calendars.get('default'))?.termStart).toBe('2027-01-05');
    expect((await db.settings.get('settings'))?.value).not.toHaveProperty('calendar');
  });
});

describe('refusals leave the database untouched', () => {
  async function goodBackup(): Promise<Blob> {
    const db = fresh();
    await ingestReading(db, ORIGIN, gridReading({ rows: { s1: { a1: '8' } } }));
    return exportBackup(db);
  }
  async function foreignDexieExport(): Promise<Blob> {
    const other = new Dexie(`other-app-${n++}`);
    opened.push(other);
    other.version(1).stores({ notes: '++id' });
    await other.table('notes').add({ text: 'hi' });
    return exportDB(other);
  }
  const cases: Array<[string, () => Promise<Blob>, RegExp]> = [
    ['a truncated file', async () => new Blob([(await (await goodBackup()).text()).slice(0, 300)]), /damaged or incomplete/],
    ['garbage bytes', async () => new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x81, 0x7b, 0x22])]), /damaged or incomplete/],
    ['another program Dexie export', foreignDexieExport, /another program \("other-app-\d+"\)/],
    ['some other JSON', async () => new Blob(['{"hello":"world"}']), /not a Heads-Up backup/],
    ['a JSON array', async () => new Blob(['[1,2,3]']), /not a Heads-Up backup/],
    ['a newer version', async () => editBackup(await goodBackup(), (f) => { f.schemaVersion = 99; f.dexie.data.databaseVersion = 99; }), /newer version of Heads-Up \(data version 99; this one reads up to 3\)/],
    ['an event without sectionId', async () => editBackup(await goodBackup(), (f) => { delete f.dexie.data.data.find((t: any) => t.tableName === 'events').rows[0].sectionId; }), /damaged record \(events, row 1: sectionId is missing/],
    ['an event whose reading is missing', async () => editBackup(await goodBackup(), (f) => { f.dexie.data.data.find((t: any) => t.tableName === 'readings').rows = []; }), /events, row 1: it points to a reading/],
    ['a kind of value Heads-Up never stores', async () => editBackup(await goodBackup(), (f) => { f.dexie.data.data.find((t: any) => t.tableName === 'sections').rows[0].$types = { name: 'date' }; }), /sections, row 1: it holds a kind of value Heads-Up never stores \(date\)/],
    ['a table Heads-Up does not have', async () => editBackup(await goodBackup(), (f) => { f.dexie.data.data.push({ tableName: 'passwords', inbound: true, rows: [] }); }), /not a Heads-Up backup/],
  ];

  it.each(cases)('refuses %s with a reason', async (_name, make, reason) => {
    const db = fresh();
    await ingestReading(db, ORIGIN, gridReading({ readAt: 5_000, rows: { s1: { a1: '3' }, s2: { a1: 'EX' } } }));
    await logContact(db, { ...contact });
    const before = await dump(db);
    const blob = await make();
    const inspected = await inspectBackup(blob);
    expect(inspected.ok).toBe(false);
    expect(!inspected.ok && inspected.reason).toMatch(reason);
    for (const mode of ['merge', 'replace'] as const) {
      const result = await importBackup(db, blob, mode);
      expect(!result.ok && result.reason).toMatch(/Nothing was changed\.$/);
    }
    expect(await dump(db)).toStrictEqual(before);
  });

  it.each(['replace', 'merge'] as const)('a %s that fails midway (disk full) leaves everything as it was', async (mode) => {
    const [db, other] = [fresh(), fresh()];
    await ingestReading(db, ORIGIN, gridReading({ readAt: 5_000, rows: { s1: { a1: '3' } } }));
    await ingestReading(other, ORIGIN, gridReading({ section: 'p2', rows: { s1: { a1: '8' } } }));
    await logContact(other, { ...contact });
    const blob = await exportBackup(other);
    const before = await dump(db);
    // Contacts load after cells, readings and events, so those were already written in the transaction.
    db.contacts.bulkAdd = (() => Promise.reject(new Dexie.QuotaExceededError('disk full'))) as unknown as typeof db.contacts.bulkAdd;
    const result = await importBackup(db, blob, mode);
    expect(result).toEqual({ ok: false, reason: 'The backup could not be written into the database (disk full). Nothing was changed.' });
    expect(await dump(db)).toStrictEqual(before);
  });
});

describe('wipeEverything', () => {
  it('empties every table of the database', async () => {
    const db = fresh();
    await writeHistory(db, fc.sample(historyArb.filter((h) => h.settings !== undefined && h.family !== undefined), { numRuns: 1, seed: 7 })[0]!);
    await db.contacts.add({ ...contact });
    await db.snapshots.put({ key: 'proposals', computedAt: 1, proposals: [] });
    expect([...TABLES, ...DERIVED_TABLES].sort()).toEqual(db.tables.map((t) => t.name).sort());
    expect((await Promise.all(TABLES.map((t) => tableOf(db, t).count()))).filter((c) => c > 0).length).toBeGreaterThanOrEqual(8);
    await wipeEverything(db);
    expect(await Promise.all(TABLES.map((t) => tableOf(db, t).count()))).toEqual(TABLES.map(() => 0));
    expect(await db.snapshots.count()).toBe(0);
  });
});
