// The background's other writes (besides ingest): the contact log and settings.
import type { ContactLogEntry, Family, Settings } from '../core/types';
import type { HeadsUpDb } from './db';

export async function logContact(db: HeadsUpDb, entry: Omit<ContactLogEntry, 'id'>): Promise<number> {
  const id = await db.contacts.add(entry);
  if (id === undefined) throw new Error('IndexedDB gave the contact no id');
  return id;
}

export async function saveSettings(db: HeadsUpDb, settings: Settings): Promise<void> {
  const { calendar, ...rest } = settings;
  await db.transaction('rw', db.settings, db.calendars, async () => {
    await db.settings.put({ key: 'settings', value: rest });
    await db.calendars.put({ id: 'default', ...calendar });
  });
}

/** Stores families from a roster import: each replaces what was stored for that student, in one transaction. */
export async function saveFamilies(db: HeadsUpDb, families: Family[]): Promise<number> {
  await db.families.bulkPut(families);
  return families.length;
}
