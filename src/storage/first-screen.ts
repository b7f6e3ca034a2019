// The popup's first screen, read with the plain IndexedDB API: the same rows as `loadFirstScreen` in
// queries.ts, without Dexie (about 31 KB gzip) in the popup's first bundle. It only reads: it never
// creates or upgrades the database (only the background, through Dexie, does), so a database that does
// not exist yet reads as an empty screen. Index names are Dexie's: `sentAt`, `[sectionId+readAt]`.
import type { ContactLogEntry, ReadingRecord, SchoolCalendar, Section, Settings, Student } from '../core/types';
import type { CalendarRow, ProposalSnapshot, SettingsRow } from './db';
import { DB_NAME } from './db-name';
import type { FirstScreen } from './queries';

/** As many contacts as `loadContactLog` shows. */
const CONTACTS_SHOWN = 50;

const STORES = ['snapshots', 'settings', 'calendars', 'contacts', 'sections', 'readings', 'students'] as const;

const EMPTY: FirstScreen = { settings: {}, contacts: [], sections: [], latestReadings: [], studentNames: new Map(), sectionCalendars: new Map() };

/** The database as it is, or undefined when it does not exist (opening it must not create it). */
function openExisting(name: string): Promise<IDBDatabase | undefined> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    let absent = false;
    request.onupgradeneeded = () => {
      absent = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = (event) => {
      if (!absent) return reject(request.error);
      event.preventDefault();
      resolve(undefined);
    };
  });
}

const settled = <T>(request: IDBRequest<T>): Promise<T> =>
  new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

/** Up to `limit` values of a cursor, in its direction. */
function cursorValues<T>(request: IDBRequest<IDBCursorWithValue | null>, limit: number): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const values: T[] = [];
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor || values.length >= limit) return resolve(values);
      values.push(cursor.value as T);
      if (values.length >= limit) return resolve(values);
      cursor.continue();
    };
  });
}

export async function readFirstScreen(name = DB_NAME): Promise<FirstScreen> {
  const db = await openExisting(name);
  if (!db) return EMPTY;
  try {
    // A database older than the snapshots table (the background upgrades it on start) shows what it has.
    const present = STORES.filter((store) => db.objectStoreNames.contains(store));
    if (present.length === 0) return EMPTY;
    const tx = db.transaction(present, 'readonly');
    const has = (store: (typeof STORES)[number]) => present.includes(store);
    const get = <T>(store: (typeof STORES)[number], key: string) =>
      has(store) ? settled(tx.objectStore(store).get(key) as IDBRequest<T | undefined>) : Promise.resolve(undefined);
    const all = <T>(store: (typeof STORES)[number]) =>
      has(store) ? settled(tx.objectStore(store).getAll() as IDBRequest<T[]>) : Promise.resolve([] as T[]);
    const latestReading = (sectionId: string) =>
      cursorValues<ReadingRecord>(
        tx.objectStore('readings').index('[sectionId+readAt]').openCursor(IDBKeyRange.bound([sectionId, -Infinity], [sectionId, Infinity]), 'prev'),
        1,
      ).then(([latest]) => latest);

    const [snapshot, settingsRow, calendars, contacts, sections, students] = await Promise.all([
      get<ProposalSnapshot>('snapshots', 'proposals'),
      get<SettingsRow>('settings', 'settings'),
      all<CalendarRow>('calendars'),
      has('contacts') ? cursorValues<ContactLogEntry>(tx.objectStore('contacts').index('sentAt').openCursor(null, 'prev'), CONTACTS_SHOWN) : [],
      all<Section>('sections'),
      all<Student>('students'),
    ]);
    const latestReadings = has('readings') ? (await Promise.all(sections.map((s) => latestReading(s.id)))).filter((r): r is ReadingRecord => r !== undefined) : [];
    const settings: Partial<Settings> = { ...(settingsRow?.key === 'settings' ? settingsRow.value : undefined) };
    const sectionCalendars = new Map<string, SchoolCalendar>();
    for (const { id, ...dates } of calendars) {
      if (id === 'default') settings.calendar = dates;
      else sectionCalendars.set(id, dates);
    }
    return {
      ...(snapshot ? { snapshot } : {}),
      settings,
      contacts,
      sections,
      latestReadings,
      studentNames: new Map(students.map((s): [string, string] => [s.id, s.name])),
      sectionCalendars,
    };
  } finally {
    db.close();
  }
}
