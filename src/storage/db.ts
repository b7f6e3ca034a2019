// The Heads-Up database (IndexedDB through Dexie). Only the background writes it; extension pages read it.
// Each schema version is a frozen constant; a shipped version is never edited — a change is a new
// version with an upgrade function, and tests/storage/migrations.test.ts opens a database of every
// earlier version, with data in it, and checks that everything survives.
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { Proposal } from '../core/proposal-types';
import type {
  Assignment,
  ContactLogEntry,
  Family,
  GradeEvent,
  OverallGrade,
  ReadingRecord,
  SchoolCalendar,
  Section,
  Settings,
  Source,
  StoredCell,
  Student,
  ReadingSetup,
} from '../core/types';

import { DB_NAME } from './db-name';

export { DB_NAME };

/** The settings the teacher chose, except the calendar (its own table since version 2). */
export type StoredSettings = Omit<Settings, 'calendar'>;

export type SettingsRow =
  | { key: 'settings'; value: StoredSettings }
  /** adapters switched off and the generic reader's saved mappings (a row of its own, so that saving
   * the options page's settings cannot drop a mapping saved from the popup meanwhile) */
  | { key: 'reading-setup'; value: ReadingSetup };

/** A school calendar: `default`, or one section's own (by section id). */
export interface CalendarRow extends SchoolCalendar {
  id: string;
}

/** Version 1 (2026-11-25): the walking skeleton's tables. */
export const SCHEMA_V1 = Object.freeze({
  sources: 'id',
  sections: 'id, sourceId',
  students: 'id, sourceId, *sectionIds',
  assignments: 'id, sectionId',
  cells: 'id, sectionId, studentId, [sectionId+studentId]',
  events: '++id, sectionId, studentId, [sectionId+observedAt], readingId',
  overall: '++id, sectionId, [sectionId+studentId]',
  readings: '++id, sectionId, [sectionId+readAt]',
  contacts: '++id, studentId, sectionId, sentAt',
  settings: 'key',
});

/**
 * Version 2 (2026-11-25): families; calendars in their own table (a default and per-section ones);
 * students findable by person (vendor id across views); events by student and time for timelines;
 * overall grades by time for "since" queries.
 */
export const SCHEMA_V2 = Object.freeze({
  ...SCHEMA_V1,
  students: 'id, sourceId, *sectionIds, personId',
  events: '++id, sectionId, studentId, [sectionId+observedAt], [studentId+observedAt], readingId',
  overall: '++id, sectionId, [sectionId+studentId], [sectionId+observedAt]',
  families: 'studentId',
  calendars: 'id',
});

/** v1 → v2: the calendar moves from the settings row into the calendars table as `default`. */
async function moveCalendarOutOfSettings(trans: Transaction): Promise<void> {
  const row = (await trans.table('settings').get('settings')) as { key: 'settings'; value: Settings } | undefined;
  if (!row?.value.calendar) return;
  const { calendar, ...rest } = row.value;
  await trans.table('calendars').put({ id: 'default', ...calendar });
  await trans.table('settings').put({ key: 'settings', value: rest });
}

/**
 * Version 3 (2026-11-25): `snapshots` holds what the background derived from the history (today the
 * ranked proposals), so the popup's first screen reads one small row instead of a year of history.
 * Derived data: recomputed at will, never exported, no upgrade needed.
 */
export const SCHEMA_V3 = Object.freeze({
  ...SCHEMA_V2,
  snapshots: 'key',
});

/** Tables recomputed from the history: left out of backups, cleared with everything else. */
export const DERIVED_TABLES = ['snapshots'] as const;

export interface ProposalSnapshot {
  key: 'proposals';
  /** epoch ms: the `now` the proposals were computed for */
  computedAt: number;
  proposals: Proposal[];
}

export const CURRENT_VERSION = 3;

export type HeadsUpDb = Dexie & {
  sources: EntityTable<Source, 'id'>;
  sections: EntityTable<Section, 'id'>;
  students: EntityTable<Student, 'id'>;
  assignments: EntityTable<Assignment, 'id'>;
  cells: EntityTable<StoredCell, 'id'>;
  events: EntityTable<GradeEvent, 'id'>;
  overall: EntityTable<OverallGrade, 'id'>;
  readings: EntityTable<ReadingRecord, 'id'>;
  contacts: EntityTable<ContactLogEntry, 'id'>;
  settings: EntityTable<SettingsRow, 'key'>;
  families: EntityTable<Family, 'studentId'>;
  calendars: EntityTable<CalendarRow, 'id'>;
  snapshots: EntityTable<ProposalSnapshot, 'key'>;
};

/** Declares every version in order on a Dexie instance (also used by tests to build old databases). */
export function declareVersions(db: Dexie, upTo = CURRENT_VERSION): void {
  db.version(1).stores(SCHEMA_V1);
  if (upTo >= 2) db.version(2).stores(SCHEMA_V2).upgrade(moveCalendarOutOfSettings);
  if (upTo >= 3) db.version(3).stores(SCHEMA_V3);
}

/** Opens (creating or upgrading) the database. `name` is for tests and benchmarks. */
export function openDb(name = DB_NAME): HeadsUpDb {
  const db = new Dexie(name) as HeadsUpDb;
  declareVersions(db);
  return db;
}
