// The whole database to one file and back: export, inspect, import (merge or replace) and wipe.
//
// The file is JSON: an envelope around dexie-export-import's own format,
//   { "format": "heads-up-backup", "formatVersion": 1, "schemaVersion": 2, "exportedAt": <epoch ms>,
//     "dexie": { "formatName": "dexie", "formatVersion": 1,
//                "data": { "databaseName", "databaseVersion", "tables": [...], "data": [{ "tableName", "rows" }] } } }
// The envelope marks a Heads-Up backup (the database name cannot: tests and benchmarks use other names);
// `schemaVersion` is the db.ts version the rows follow and must equal dexie's `databaseVersion`.
// Rows are Typeson-encoded by dexie-export-import (a field holding `undefined` is written as 0 plus a
// `$types` note), so they are revived here. We read the file ourselves rather than with `importInto`:
// its `clearTablesBeforeImport` clears outside the import transaction (not all-or-nothing), it needs
// FileReader and an exact version match, and merging needs content matching and id remapping.
import Dexie, { type EntityTable, type Table } from 'dexie';
import { exportDB } from 'dexie-export-import';
import { CURRENT_VERSION, DERIVED_TABLES, SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, type HeadsUpDb, type StoredSettings } from './db';
import type { SchoolCalendar } from '../core/types';
import { mergeInto } from './backup-merge';

export type TableName = keyof typeof SCHEMA_V2;

/** Every table, in load order (readings before the events that point at them). */
export const TABLES: readonly TableName[] = [
  'sources', 'sections', 'students', 'assignments', 'cells', 'readings', 'events', 'overall', 'contacts',
  'settings', 'families', 'calendars',
];

export type TableCounts = Record<TableName, number>;
export interface Refusal {
  ok: false;
  /** plain words for the teacher: what is wrong with the file, and that nothing was changed */
  reason: string;
}
export type BackupInspection =
  | { ok: true; schemaVersion: number; exportedAt?: number; counts: TableCounts }
  | Refusal;
/** `added`: rows the import wrote that were not there (for 'replace', every row of the file). */
export type ImportResult = { ok: true; added: TableCounts; replacedAll: boolean } | Refusal;
export type ImportMode = 'merge' | 'replace';

/** A row type of each table, as the current schema stores it. */
export type RowOf<K extends TableName> = HeadsUpDb[K] extends EntityTable<infer T, infer _Key> ? T : never;
export type BackupContent = { [K in TableName]: RowOf<K>[] };

const FORMAT = 'heads-up-backup';
const FORMAT_VERSION = 1;
const SCHEMAS: Record<number, Record<string, string>> = { 1: SCHEMA_V1, 2: SCHEMA_V2, 3: SCHEMA_V3 };

// The reasons a teacher reads when a file is refused; kept together so they can move to _locales whole.
const SAY = {
  damaged: 'This file is damaged or incomplete (it may have been cut off while saving or copying).',
  notOurs: 'This file is not a Heads-Up backup.',
  otherProgram: (name: string) => `This file is a database export from another program ("${name}"), not a Heads-Up backup.`,
  newer: (v: number) => `This backup was made by a newer version of Heads-Up (data version ${v}; this one reads up to ${CURRENT_VERSION}). Update Heads-Up, then import it again.`,
  badRow: (table: string, i: number, what: string) => `This backup has a damaged record (${table}, row ${i + 1}: ${what}).`,
  writeFailed: (why: string) => `The backup could not be written into the database (${why}). Nothing was changed.`,
  unchanged: ' Nothing was changed.',
};

function zeroCounts(): TableCounts {
  return Object.fromEntries(TABLES.map((t) => [t, 0])) as TableCounts;
}

function countsOf(content: BackupContent): TableCounts {
  const counts = zeroCounts();
  for (const t of TABLES) counts[t] = content[t].length;
  return counts;
}

/** A table by name, as rows of any shape (for the loops over every table). */
export function tableOf(db: HeadsUpDb, name: TableName): Table<object> {
  // db[name], not db.table(name): Dexie keeps separate Table objects for the two (tests patch db[name]).
  return db[name] as unknown as Table<object>;
}

/** Everything in the database, as one Blob of the format described at the top of this file. */
export async function exportBackup(db: HeadsUpDb): Promise<Blob> {
  // Derived tables (recomputed from the history) are not part of a backup.
  const dexie = await exportDB(db, { skipTables: [...DERIVED_TABLES] });
  const head = JSON.stringify({ format: FORMAT, formatVersion: FORMAT_VERSION, schemaVersion: db.verno, exportedAt: Date.now() });
  // Spliced, not parsed and re-serialised: a year of history is tens of megabytes.
  return new Blob([head.slice(0, -1), ',"dexie":', dexie, '}'], { type: 'application/json' });
}

/**
 * What a file holds (rows per table, in the current schema), or why it cannot be imported. The database
 * is not read: files are checked against the schema this code declares (CURRENT_VERSION).
 */
export async function inspectBackup(blob: Blob): Promise<BackupInspection> {
  const read = await readBackup(blob);
  if (!read.ok) return { ok: false, reason: read.reason + SAY.unchanged };
  const { schemaVersion, exportedAt, content } = read;
  return { ok: true, schemaVersion, ...(exportedAt !== undefined ? { exportedAt } : {}), counts: countsOf(content) };
}

/**
 * Loads a backup. 'replace': every table is cleared and loaded from the file; 'merge': see backup-merge.ts.
 * Either way in one transaction, so a failure (a full disk) leaves the database exactly as it was.
 */
export async function importBackup(db: HeadsUpDb, blob: Blob, mode: ImportMode): Promise<ImportResult> {
  const read = await readBackup(blob);
  if (!read.ok) return { ok: false, reason: read.reason + SAY.unchanged };
  try {
    if (mode === 'merge') return { ok: true, added: await mergeInto(db, read.content), replacedAll: false };
    await db.transaction('rw', [...TABLES.map((t) => tableOf(db, t)), db.snapshots], async () => {
      for (const t of TABLES) await tableOf(db, t).clear();
      await db.snapshots.clear();
      for (const t of TABLES) await tableOf(db, t).bulkAdd(read.content[t]);
    });
    return { ok: true, added: countsOf(read.content), replacedAll: true };
  } catch (error) {
    // Storage failures (quota, aborted transaction) are the teacher's to know; anything else is a bug.
    if (error instanceof Dexie.DexieError) return { ok: false, reason: SAY.writeFailed(error.message) };
    throw error;
  }
}

/** Deletes every row of every table, in one transaction. The options page asks for confirmation first. */
export async function wipeEverything(db: HeadsUpDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const table of db.tables) await table.clear();
  });
}

type ReadBackup = { ok: true; schemaVersion: number; exportedAt?: number; content: BackupContent } | { ok: false; reason: string };
type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Parses, checks and revives a file, and brings its rows up to the current schema. Touches no database. */
async function readBackup(blob: Blob): Promise<ReadBackup> {
  let file: unknown;
  try {
    file = JSON.parse(await blob.text());
  } catch {
    // A JSON syntax error is the finding itself: it is reported as the refusal reason.
    return { ok: false, reason: SAY.damaged };
  }
  if (!isRecord(file)) return { ok: false, reason: SAY.notOurs };
  if (file.format !== FORMAT) {
    const name = isRecord(file.data) ? file.data.databaseName : undefined;
    return { ok: false, reason: file.formatName === 'dexie' && typeof name === 'string' ? SAY.otherProgram(name) : SAY.notOurs };
  }
  const { schemaVersion, exportedAt, dexie } = file;
  if (typeof file.formatVersion !== 'number' || typeof schemaVersion !== 'number' || !Number.isInteger(schemaVersion) || schemaVersion < 1) {
    return { ok: false, reason: SAY.damaged };
  }
  if (file.formatVersion > FORMAT_VERSION || schemaVersion > CURRENT_VERSION) return { ok: false, reason: SAY.newer(schemaVersion) };
  if (!isRecord(dexie) || dexie.formatName !== 'dexie' || !isRecord(dexie.data) || !Array.isArray(dexie.data.data)) {
    return { ok: false, reason: SAY.damaged };
  }
  if (dexie.data.databaseVersion !== schemaVersion) return { ok: false, reason: SAY.damaged };
  const content = await tablesOf(dexie.data.data, SCHEMAS[schemaVersion] ?? {});
  if (typeof content === 'string') return { ok: false, reason: content };
  if (schemaVersion < 2) moveCalendarOutOfSettings(content);
  return { ok: true, schemaVersion, ...(typeof exportedAt === 'number' ? { exportedAt } : {}), content };
}

/** The file's tables as checked rows, or the reason they cannot be used. Tables the file lacks are empty. */
async function tablesOf(tables: unknown[], schema: Record<string, string>): Promise<BackupContent | string> {
  const content = Object.fromEntries(TABLES.map((t) => [t, []])) as unknown as Record<TableName, Json[]>;
  for (const table of tables) {
    if (!isRecord(table) || typeof table.tableName !== 'string' || !Array.isArray(table.rows)) return SAY.damaged;
    const name = table.tableName;
    if ((DERIVED_TABLES as readonly string[]).includes(name) && name in schema) continue;
    if (!(name in schema) || !(TABLES as readonly string[]).includes(name)) return SAY.notOurs;
    const rows: Json[] = [];
    for (const [i, raw] of table.rows.entries()) {
      const row = reviveRow(raw);
      const problem = typeof row === 'string' ? row : rowProblem(name as TableName, row);
      if (problem) return SAY.badRow(name, i, problem);
      rows.push(row as Json);
    }
    content[name as TableName] = rows;
  }
  const readingIds = new Set(content.readings.map((r) => r.id));
  const orphan = content.events.findIndex((e) => !readingIds.has(e.readingId));
  if (orphan >= 0) return SAY.badRow('events', orphan, 'it points to a reading the file does not hold');
  for (const t of TABLES) {
    const key = t === 'settings' ? 'key' : t === 'families' ? 'studentId' : 'id';
    if (new Set(content[t].map((r) => r[key])).size !== content[t].length) return SAY.badRow(t, 0, 'the same record appears twice');
  }
  return content as unknown as BackupContent;
}

// Typeson's notes on the values JSON cannot hold, as dexie-export-import writes them for our rows (plain
// data: no dates, maps or binary). `arrayNonindexKeys` marks every array, plain or not.
const NOT_REVIVABLE = Symbol('not revivable');
const REVIVERS: Record<string, (written: unknown) => unknown> = {
  undef: () => undefined,
  nan: () => NaN,
  infinity: () => Infinity,
  negativeInfinity: () => -Infinity,
  arrayNonindexKeys: (written) => (Array.isArray(written) ? written : NOT_REVIVABLE),
};

/** Undoes dexie-export-import's Typeson encoding of one row, or says why it cannot. */
function reviveRow(raw: unknown): Json | string {
  if (!isRecord(raw)) return 'it is not a record';
  const { $types, ...row } = raw;
  if ($types === undefined) return row;
  if (!isRecord($types)) return 'its encoding notes are unreadable';
  for (const [path, types] of Object.entries($types)) {
    const keys = path.split('.').map((k) => k.replace(/~1/g, '.').replace(/~0/g, '~'));
    const last = keys.pop();
    let parent: unknown = row;
    for (const k of keys) parent = typeof parent === 'object' && parent !== null ? (parent as Json)[k] : undefined;
    if (last === undefined || typeof parent !== 'object' || parent === null) return 'its encoding notes do not fit it';
    let value: unknown = (parent as Json)[last];
    for (const type of ([] as unknown[]).concat(types)) {
      const revive = typeof type === 'string' ? REVIVERS[type] : undefined;
      value = revive ? revive(value) : NOT_REVIVABLE;
      if (value === NOT_REVIVABLE) return `it holds a kind of value Heads-Up never stores (${String(type)})`;
    }
    (parent as Json)[last] = value;
  }
  return row;
}

type FieldKind = 'text' | 'number' | 'id' | 'texts' | 'list' | 'object';

// The fields each table's keys and indexes are built from, and the times merge compares: a row without
// them would be stored but be invisible to queries (IndexedDB skips rows whose index key is invalid).
const REQUIRED: Record<TableName, Record<string, FieldKind>> = {
  sources: { id: 'text', origin: 'text', adapterId: 'text' },
  sections: { id: 'text', sourceId: 'text', key: 'text' },
  students: { id: 'text', sourceId: 'text', key: 'text', sectionIds: 'texts' },
  assignments: { id: 'text', sectionId: 'text', key: 'text' },
  cells: { id: 'text', sectionId: 'text', studentId: 'text', assignmentId: 'text', seenAt: 'number' },
  readings: { id: 'id', sectionId: 'text', readAt: 'number', lastSeenAt: 'number' },
  events: { id: 'id', kind: 'text', sectionId: 'text', studentId: 'text', observedAt: 'number', readingId: 'id' },
  overall: { id: 'id', sectionId: 'text', studentId: 'text', observedAt: 'number' },
  contacts: { id: 'id', studentId: 'text', sectionId: 'text', sentAt: 'number' },
  settings: { key: 'text', value: 'object' },
  families: { studentId: 'text', guardians: 'list', updatedAt: 'number' },
  calendars: { id: 'text' },
};

const FIELD_CHECKS: Record<FieldKind, (v: unknown) => boolean> = {
  text: (v) => typeof v === 'string' && v !== '',
  number: (v) => typeof v === 'number' && Number.isFinite(v),
  id: (v) => typeof v === 'number' && Number.isInteger(v) && v > 0,
  texts: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  list: (v) => Array.isArray(v),
  object: (v) => isRecord(v),
};

function rowProblem(table: TableName, row: Json): string | undefined {
  for (const [field, kind] of Object.entries(REQUIRED[table])) {
    if (!FIELD_CHECKS[kind](row[field])) return `${field} is missing or not ${kind === 'id' ? 'a record number' : kind}`;
  }
  return undefined;
}

/**
 * Schema v1 → v2 on a file's rows: the calendar moves from the settings row into calendars as `default`.
 * The same change as db.ts's `moveCalendarOutOfSettings`, which works on a live transaction instead.
 */
function moveCalendarOutOfSettings(content: BackupContent): void {
  const row = content.settings.find((r) => r.key === 'settings');
  const value = row?.value as (StoredSettings & { calendar?: SchoolCalendar }) | undefined;
  if (!row || !value?.calendar) return;
  const { calendar, ...rest } = value;
  content.calendars = [...content.calendars.filter((c) => c.id !== 'default'), { id: 'default', ...calendar }];
  row.value = rest;
}
