// The popup reads its first screen with the plain IndexedDB API (no Dexie in its first bundle): it must
// read exactly what the Dexie query reads, and never create a database the background has not made.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type HeadsUpDb } from '../../src/storage/db';
import { readFirstScreen } from '../../src/storage/first-screen';
import { ingestReading } from '../../src/storage/ingest';
import { loadFirstScreen } from '../../src/storage/queries';
import { logContact, saveSectionCalendar, saveSettings } from '../../src/storage/writes';
import { gridReading } from '../support/reading-factory';
import { defaultSettings } from '../../src/core/default-settings';

const origin = 'http://127.0.0.1:8080';
const DAY = 86_400_000;
const T0 = 1_700_000_000_000;
const opened: HeadsUpDb[] = [];
let n = 0;

afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function filledDb(): Promise<HeadsUpDb> {
  const db = openDb(`first-screen-test-${n++}`);
  opened.push(db);
  await db.open();
  for (let week = 0; week < 3; week++) {
    await ingestReading(db, origin, gridReading({ rows: { s1: { a1: String(8 - week), a2: 'M' }, s2: { a1: '9', a2: String(5 + week) } }, overall: { s1: 70 - week, s2: 90 }, readAt: T0 + week * 7 * DAY }));
  }
  await saveSettings(db, { ...defaultSettings('2026-10-01'), signature: 'Ms. Lee' });
  const [student] = await db.students.toArray();
  // More contacts than the log shows, out of order: the newest 50 must come first.
  for (let i = 0; i < 60; i++) {
    await logContact(db, { studentId: student!.id, sectionId: student!.sectionIds[0]!, channel: 'email', kind: 'heads-up', reason: 'missing-work', severity: 1, text: `note ${i}`, sentAt: T0 + ((i * 37) % 60) * DAY });
  }
  await db.snapshots.put({ key: 'proposals', computedAt: T0, proposals: [] });
  await saveSectionCalendar(db, student!.sectionIds[0]!, { termStart: '2026-08-20', reportDates: ['2026-10-30'], termEnd: '2026-12-18' });
  return db;
}

describe('the popup’s first screen without Dexie', () => {
  it('reads the same snapshot, settings, contact log, sections, latest readings and names as the Dexie query', async () => {
    const db = await filledDb();
    const raw = await readFirstScreen(db.name);
    const viaDexie = await loadFirstScreen(db);
    expect(raw).toEqual(viaDexie);
    expect(raw.contacts).toHaveLength(50);
    expect(raw.contacts[0]!.sentAt).toBe(Math.max(...raw.contacts.map((c) => c.sentAt)));
    expect(raw.latestReadings[0]!.readAt).toBe(T0 + 14 * DAY);
    expect(raw.settings.signature).toBe('Ms. Lee');
    // the default calendar is the settings'; a section's own comes apart
    expect(raw.settings.calendar?.termStart).toBe(defaultSettings('2026-10-01').calendar.termStart);
    expect([...raw.sectionCalendars.values()].map((c) => c.reportDates)).toEqual([['2026-10-30']]);
  });

  it('reads the database the background opens by default', async () => {
    const db = openDb();
    opened.push(db);
    await db.open();
    await db.sections.put({ id: 'src|p1', sourceId: 'src', key: 'p1', name: 'Period 1', view: 'teacher-grid' });
    expect((await readFirstScreen()).sections.map((s) => s.name)).toEqual(['Period 1']);
  });

  it('shows an empty screen, and creates nothing, when the background has not made the database yet', async () => {
    const name = `never-made-${n++}`;
    await expect(readFirstScreen(name)).resolves.toEqual({ settings: {}, contacts: [], sections: [], latestReadings: [], studentNames: new Map(), sectionCalendars: new Map() });
    expect(await Dexie.exists(name)).toBe(false);
  });
});

describe('a section’s own calendar', () => {
  it('is stored apart from the default, and removed to follow the default again', async () => {
    const db = await filledDb();
    const [sectionId] = (await db.sections.toArray()).map((s) => s.id);
    const { loadSectionCalendars } = await import('../../src/storage/queries');
    expect([...(await loadSectionCalendars(db)).keys()]).toEqual([sectionId]);
    await saveSectionCalendar(db, sectionId!);
    expect((await loadSectionCalendars(db)).size).toBe(0);
    expect(await db.calendars.get('default')).toBeDefined();
    await expect(saveSectionCalendar(db, 'default')).rejects.toThrow(/default calendar/);
  });
});
