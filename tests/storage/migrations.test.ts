// Every earlier schema version, created with data in it, must open under the current version with
// everything kept. A new version adds a block here that builds its predecessor.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { CURRENT_VERSION, declareVersions, openDb } from '../../src/storage/db';
import { ingestReading } from '../../src/storage/ingest';
import { loadSettings } from '../../src/storage/queries';
import { gridReading } from '../support/reading-factory';

const calendar = { termStart: '2026-08-17', reportDates: ['2026-09-18', '2026-10-16'], termEnd: '2027-01-15' };
const names: string[] = [];
let n = 0;
const freshName = () => {
  const name = `migration-test-${n++}`;
  names.push(name);
  return name;
};

afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** A database at `version` holding a small history, contacts and settings, written the way that version did. */
async function databaseAt(version: number, name: string): Promise<Record<string, unknown[]>> {
  const old = new Dexie(name);
  declareVersions(old, version);
  await old.open();
  // The ingest of v1 wrote the same rows as today's minus fields added later; write them through the
  // current ingest into a same-shaped database, then keep only what v1 had.
  const tmp = openDb(`${name}-source`);
  await ingestReading(tmp, 'http://127.0.0.1:8080', gridReading({ rows: { s1: { a1: '8', a2: 'M' }, s2: { a1: 'EX', a2: '7L' } }, overall: { s1: 40 } }));
  await ingestReading(tmp, 'http://127.0.0.1:8080', gridReading({ rows: { s1: { a1: '9', a2: '6L' }, s2: { a1: 'EX', a2: '7L' } }, overall: { s1: 75 }, readAt: 1_700_000_100_000 }));
  const tables = ['sources', 'sections', 'students', 'assignments', 'cells', 'events', 'overall', 'readings'] as const;
  const rows: Record<string, unknown[]> = {};
  for (const table of tables) {
    rows[table] = (await tmp.table(table).toArray()).map((row: Record<string, unknown>) => {
      if (version < 2 && table === 'students') {
        const { personId: _personId, ...v1 } = row;
        return v1;
      }
      return row;
    });
    await old.table(table).bulkAdd(rows[table]!);
  }
  await tmp.delete();
  rows.contacts = [{ id: 1, studentId: 'x|s1', sectionId: 'x|p1', channel: 'email', kind: 'heads-up', reason: 'missing-work', severity: 0.6, text: 'Dear family…', sentAt: 1_700_000_200_000 }];
  await old.table('contacts').bulkAdd(rows.contacts);
  const settings = { calendar, thresholds: { lowGrade: 65, missingCount: 3, dropPoints: 12, cadenceDays: 5 }, signature: 'Ms. Lee' };
  await old.table('settings').put(version < 2 ? { key: 'settings', value: settings } : { key: 'settings', value: { ...settings, calendar: undefined } });
  old.close();
  return rows;
}

describe('schema migrations', () => {
  it('the current version is the last one declared', () => {
    const db = new Dexie('declared-only');
    declareVersions(db);
    expect(db.verno).toBe(CURRENT_VERSION);
  });

  it('a version 1 database opens under the current version with every row kept', async () => {
    const name = freshName();
    const before = await databaseAt(1, name);
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const [table, rows] of Object.entries(before)) {
      expect(await db.table(table).toArray(), table).toEqual(rows);
    }
    expect(before.events!.length).toBeGreaterThan(0);
    // v1 kept the calendar inside the settings row; v2 keeps it as the default calendar.
    expect(await db.calendars.get('default')).toEqual({ id: 'default', ...calendar });
    expect((await db.settings.get('settings'))?.value).toEqual({ thresholds: { lowGrade: 65, missingCount: 3, dropPoints: 12, cadenceDays: 5 }, signature: 'Ms. Lee' });
    expect(await loadSettings(db)).toEqual({ calendar, thresholds: { lowGrade: 65, missingCount: 3, dropPoints: 12, cadenceDays: 5 }, signature: 'Ms. Lee' });
    // The new indexes work on the old rows.
    const s1 = (before.students as Array<{ id: string }>).find((s) => s.id.endsWith('|s1'))!;
    expect(await db.events.where('[studentId+observedAt]').between([s1.id, 0], [s1.id, Infinity]).count()).toBeGreaterThan(0);
    db.close();
  });

  it('a version 2 database opens under the current version with every row kept', async () => {
    const name = freshName();
    const before = await databaseAt(2, name);
    const old = new Dexie(name);
    declareVersions(old, 2);
    await old.open();
    await old.table('calendars').put({ id: 'default', ...calendar });
    await old.table('families').put({ studentId: 'x|s1', guardians: [{ name: 'Jo Stone', email: 'jo@example.org' }], preferredChannel: 'email', language: 'es', updatedAt: 5 });
    old.close();
    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(CURRENT_VERSION);
    for (const [table, rows] of Object.entries(before)) {
      expect(await db.table(table).toArray(), table).toEqual(rows);
    }
    expect(await db.families.get('x|s1')).toMatchObject({ language: 'es', guardians: [{ name: 'Jo Stone' }] });
    expect(await db.calendars.get('default')).toEqual({ id: 'default', ...calendar });
    expect(await db.snapshots.count()).toBe(0);
    db.close();
  });

  it('a version 1 database without settings upgrades without inventing a calendar', async () => {
    const name = freshName();
    const old = new Dexie(name);
    declareVersions(old, 1);
    await old.open();
    old.close();
    const db = openDb(name);
    await db.open();
    expect(await db.calendars.count()).toBe(0);
    expect(await loadSettings(db)).toEqual({});
    db.close();
  });
});
