// The Heads-Up database (IndexedDB through Dexie). Only the background writes it; extension pages read it.
// Each schema version is a frozen constant; a shipped version is never edited — a change is a new
// version with an upgrade function and a test that opens a database of every earlier version.
import Dexie, { type EntityTable } from 'dexie';
import type {
  Assignment,
  ContactLogEntry,
  GradeEvent,
  OverallGrade,
  ReadingRecord,
  Section,
  Settings,
  Source,
  StoredCell,
  Student,
} from '../core/types';

export const DB_NAME = 'heads-up';

/** One row of the settings table: today only `settings`, later per-feature keys. */
export interface SettingsRow {
  key: 'settings';
  value: Settings;
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
};

/** Opens (creating or upgrading) the database. `name` is for tests. */
export function openDb(name = DB_NAME): HeadsUpDb {
  const db = new Dexie(name) as HeadsUpDb;
  db.version(1).stores(SCHEMA_V1);
  return db;
}
