// The background's other writes (besides ingest): the contact log and settings.
import type { ContactLogEntry, Family, SchoolCalendar, Settings, SiteMapping } from '../core/types';
import { loadReadingSetup } from './queries';
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

/** Saves the mapping for a site's page pattern (replacing the one saved for the same pattern). */
export async function saveSiteMapping(db: HeadsUpDb, entry: SiteMapping): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const setup = await loadReadingSetup(db);
    const mappings = setup.mappings.filter((m) => !(m.origin === entry.origin && m.pathPattern === entry.pathPattern));
    await db.settings.put({ key: 'reading-setup', value: { ...setup, mappings: [...mappings, entry] } });
  });
}

/** Forgets the mappings saved for a site (when the teacher removes it). */
export async function forgetSiteMappings(db: HeadsUpDb, origin: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const setup = await loadReadingSetup(db);
    await db.settings.put({ key: 'reading-setup', value: { ...setup, mappings: setup.mappings.filter((m) => m.origin !== origin) } });
  });
}

/** Which adapters the teacher switched off (to read a page with the generic reader instead, say). */
export async function saveDisabledAdapters(db: HeadsUpDb, disabledAdapters: string[]): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const setup = await loadReadingSetup(db);
    await db.settings.put({ key: 'reading-setup', value: { ...setup, disabledAdapters } });
  });
}

/** Gives a section its own calendar, or (without one) returns it to the default calendar. */
export async function saveSectionCalendar(db: HeadsUpDb, sectionId: string, calendar?: SchoolCalendar): Promise<void> {
  if (sectionId === 'default') throw new Error('the default calendar is saved with the settings');
  if (calendar) await db.calendars.put({ id: sectionId, ...calendar });
  else await db.calendars.delete(sectionId);
}
