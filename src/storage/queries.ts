// Read-side queries the popup and the background need. Reads only: writes go through the background.
import type { StudentHistory } from '../core/proposal-types';
import type { ContactLogEntry, ReadingRecord, Section, Settings } from '../core/types';
import type { HeadsUpDb } from './db';

/** Groups rows by a key (one pass). */
function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Every student's history in every section (or one section), as plain data for the engine. */
export async function loadHistories(db: HeadsUpDb, sectionId?: string): Promise<StudentHistory[]> {
  return db.transaction('r', [db.sections, db.students, db.assignments, db.cells, db.events, db.overall, db.contacts], async () => {
    const sections = sectionId ? await db.sections.where('id').equals(sectionId).toArray() : await db.sections.toArray();
    const histories: StudentHistory[] = [];
    for (const section of sections) {
      const [students, assignments, cells, events, overall, contacts] = await Promise.all([
        db.students.where('sectionIds').equals(section.id).toArray(),
        db.assignments.where('sectionId').equals(section.id).toArray(),
        db.cells.where('sectionId').equals(section.id).toArray(),
        db.events.where('sectionId').equals(section.id).toArray(),
        db.overall.where('sectionId').equals(section.id).toArray(),
        db.contacts.where('sectionId').equals(section.id).toArray(),
      ]);
      const by = {
        cells: groupBy(cells, (c) => c.studentId),
        events: groupBy(events, (e) => e.studentId),
        overall: groupBy(overall, (o) => o.studentId),
        contacts: groupBy(contacts, (c) => c.studentId),
      };
      for (const student of students) {
        histories.push({
          student,
          section,
          assignments,
          cells: by.cells.get(student.id) ?? [],
          events: by.events.get(student.id) ?? [],
          overall: by.overall.get(student.id) ?? [],
          contacts: by.contacts.get(student.id) ?? [],
        });
      }
    }
    return histories;
  });
}

/** What the teacher has set (settings and the default calendar); anything unset is left out. */
export async function loadSettings(db: HeadsUpDb): Promise<Partial<Settings>> {
  const [row, calendar] = await Promise.all([db.settings.get('settings'), db.calendars.get('default')]);
  const found: Partial<Settings> = { ...row?.value };
  if (calendar) {
    const { id: _id, ...dates } = calendar;
    found.calendar = dates;
  }
  return found;
}

export async function loadSections(db: HeadsUpDb): Promise<Section[]> {
  return db.sections.toArray();
}

/** The most recent contacts, newest first. */
export async function loadContactLog(db: HeadsUpDb, limit = 50): Promise<ContactLogEntry[]> {
  return db.contacts.orderBy('sentAt').reverse().limit(limit).toArray();
}

/** The latest reading record of each section. */
export async function loadLatestReadings(db: HeadsUpDb): Promise<ReadingRecord[]> {
  const sections = await db.sections.toArray();
  const latest = await Promise.all(
    sections.map((s) => db.readings.where('[sectionId+readAt]').between([s.id, -Infinity], [s.id, Infinity]).last()),
  );
  return latest.filter((r): r is ReadingRecord => r !== undefined);
}
