// Merging a backup into a database that already holds data: keep what is here, add what the file has
// that the database lacks, never duplicate. All in one transaction. The rules, per table:
// - keyed tables (one row per id: sources, sections, students, assignments, cells, settings, families,
//   calendars): a row the database lacks is added. For a row in both, the newer wins where the row carries
//   its own time (cells: seenAt, families: updatedAt); a student keeps the union of both sets of sections;
//   otherwise the database's row stays.
// - appended tables (readings, events, overall, contacts): ids are numbers each database hands out, so the
//   same id here and in the file can be two different records. A row is matched by its content (every
//   field but the id; for readings also but lastSeenAt, which re-reads of an unchanged page move on, and
//   the later of the two is kept). Unmatched rows get new ids, and their events are pointed at the id
//   their reading has here. Repeats count: a row the file holds twice is added twice only if the
//   database holds none.
import type { EntityTable, IndexableType } from 'dexie';
import type { Family, StoredCell, Student } from '../core/types';
import type { BackupContent, TableCounts } from './backup';
import type { HeadsUpDb } from './db';

export async function mergeInto(db: HeadsUpDb, file: BackupContent): Promise<TableCounts> {
  const tables = [db.sources, db.sections, db.students, db.assignments, db.cells, db.readings, db.events, db.overall, db.contacts, db.settings, db.families, db.calendars];
  return db.transaction('rw', tables, async () => {
    const readings = await mergeAppended(db.readings, file.readings, ['lastSeenAt']);
    for (const [here, theirs] of readings.matched) {
      if (theirs.lastSeenAt > here.lastSeenAt) await db.readings.update(here.id!, { lastSeenAt: theirs.lastSeenAt });
    }
    // tablesOf() in backup.ts refuses files with events whose reading is missing, so every id maps.
    const events = file.events.map((e) => ({ ...e, readingId: readings.idHere.get(e.readingId)! }));
    return {
      sources: await mergeKeyed(db.sources, file.sources, (r) => r.id),
      sections: await mergeKeyed(db.sections, file.sections, (r) => r.id),
      students: await mergeKeyed(db.students, file.students, (r) => r.id, withBothSections),
      assignments: await mergeKeyed(db.assignments, file.assignments, (r) => r.id),
      cells: await mergeKeyed(db.cells, file.cells, (r) => r.id, newerBy<StoredCell>('seenAt')),
      readings: readings.added,
      events: (await mergeAppended(db.events, events)).added,
      overall: (await mergeAppended(db.overall, file.overall)).added,
      contacts: (await mergeAppended(db.contacts, file.contacts)).added,
      settings: await mergeKeyed(db.settings, file.settings, (r) => r.key),
      families: await mergeKeyed(db.families, file.families, (r) => r.studentId, newerBy<Family>('updatedAt')),
      calendars: await mergeKeyed(db.calendars, file.calendars, (r) => r.id),
    };
  });
}

/** The parts of a Dexie table merging uses (an EntityTable fits it). */
interface KeyedTable<T> {
  bulkGet(keys: IndexableType[]): Promise<(T | undefined)[]>;
  bulkPut(rows: readonly T[]): Promise<unknown>;
}

/** Adds the rows the table lacks and replaces those `pick` prefers from the file. Returns how many were added. */
async function mergeKeyed<T>(
  table: NoInfer<KeyedTable<T>>,
  rows: readonly T[],
  keyOf: (row: T) => string,
  pick: (here: T, theirs: T) => T = (here) => here,
): Promise<number> {
  const present = await table.bulkGet(rows.map(keyOf));
  const writes: T[] = [];
  let added = 0;
  rows.forEach((row, i) => {
    const here = present[i];
    if (here === undefined) {
      writes.push(row);
      added += 1;
    } else {
      const chosen = pick(here, row);
      if (chosen !== here) writes.push(chosen);
    }
  });
  await table.bulkPut(writes);
  return added;
}

function newerBy<T>(field: { [K in keyof T]: T[K] extends number ? K : never }[keyof T]) {
  return (here: T, theirs: T): T => ((theirs[field] as number) > (here[field] as number) ? theirs : here);
}

function withBothSections(here: Student, theirs: Student): Student {
  const extra = theirs.sectionIds.filter((s) => !here.sectionIds.includes(s));
  const personId = here.personId ?? theirs.personId;
  if (extra.length === 0 && personId === here.personId) return here;
  return { ...here, sectionIds: [...here.sectionIds, ...extra], ...(personId ? { personId } : {}) };
}

interface AppendedMerge<T> {
  added: number;
  /** file id → id here, for every row of the file (matched or added) */
  idHere: Map<number, number>;
  /** [row here, row of the file] for rows found in both */
  matched: Array<[T, T]>;
}

async function mergeAppended<T extends { id?: number }>(
  table: EntityTable<T, 'id'>,
  rows: readonly T[],
  ignored: readonly string[] = [],
): Promise<AppendedMerge<T>> {
  const unmatched = new Map<string, T[]>();
  for (const row of await table.toArray()) {
    const key = contentKey(row, ignored);
    const same = unmatched.get(key);
    if (same) same.push(row);
    else unmatched.set(key, [row]);
  }
  const result: AppendedMerge<T> = { added: 0, idHere: new Map(), matched: [] };
  const fresh: T[] = [];
  const freshFileIds: number[] = [];
  for (const row of rows) {
    const same = unmatched.get(contentKey(row, ignored))?.shift();
    if (same) {
      result.idHere.set(row.id!, same.id!);
      result.matched.push([same, row]);
    } else {
      const { id, ...content } = row;
      fresh.push(content as T);
      freshFileIds.push(id!);
    }
  }
  const newIds = await table.bulkAdd(fresh, { allKeys: true });
  newIds.forEach((id, i) => result.idHere.set(freshFileIds[i]!, id as number));
  result.added = fresh.length;
  return result;
}

/** A row's content as a string that is equal for equal content (keys sorted, the id and `ignored` left out). */
function contentKey(row: object, ignored: readonly string[]): string {
  const content = Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'id' && !ignored.includes(k)));
  return JSON.stringify(content, (_key, value: unknown) =>
    typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : value,
  );
}
