// Read-side queries the popup and the background need. Reads only: writes go through the background.
import type { StudentHistory } from '../core/proposal-types';
import type { ContactLogEntry, GradeEvent, OverallGrade, ReadingRecord, ReadingSetup, SchoolCalendar, Section, Settings } from '../core/types';
import type { HeadsUpDb, ProposalSnapshot } from './db';

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

export interface HistoryQuery {
  /** one section only */
  sectionId?: string;
  /** grade events and overall grades observed from this moment on (epoch ms); all when absent */
  since?: number;
}

/**
 * Every student's history in every section (or one section), as plain data for the engine: latest
 * cells, and the grade events and overall-grade series since a moment. The latest overall grade
 * before `since` is included too, so the series always starts from what the page last showed.
 */
export async function loadHistories(db: HeadsUpDb, query: HistoryQuery = {}): Promise<StudentHistory[]> {
  const since = query.since ?? -Infinity;
  const tables = [db.sections, db.students, db.assignments, db.cells, db.events, db.overall, db.contacts];
  return db.transaction('r', tables, async () => {
    const sections = query.sectionId ? await db.sections.where('id').equals(query.sectionId).toArray() : await db.sections.toArray();
    const histories: StudentHistory[] = [];
    for (const section of sections) {
      const [students, assignments, cells, events, overall, contacts] = await Promise.all([
        db.students.where('sectionIds').equals(section.id).toArray(),
        db.assignments.where('sectionId').equals(section.id).toArray(),
        db.cells.where('sectionId').equals(section.id).toArray(),
        db.events.where('[sectionId+observedAt]').between([section.id, since], [section.id, Infinity], true, true).toArray(),
        overallSeriesSince(db, section.id, since),
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

/** A section's overall-grade rows since a moment, plus each student's last row before it. */
async function overallSeriesSince(db: HeadsUpDb, sectionId: string, since: number): Promise<OverallGrade[]> {
  if (since === -Infinity) return db.overall.where('sectionId').equals(sectionId).toArray();
  const [recent, earlier] = await Promise.all([
    db.overall.where('[sectionId+observedAt]').between([sectionId, since], [sectionId, Infinity], true, true).toArray(),
    db.overall.where('[sectionId+observedAt]').between([sectionId, -Infinity], [sectionId, since], true, false).toArray(),
  ]);
  const lastBefore = new Map<string, OverallGrade>();
  for (const row of earlier) {
    const seen = lastBefore.get(row.studentId);
    if (!seen || row.observedAt >= seen.observedAt) lastBefore.set(row.studentId, row);
  }
  return [...lastBefore.values(), ...recent];
}

/** One moment in a student's timeline: a grade event, an overall grade, or a contact. */
export type TimelineEntry =
  | { at: number; type: 'event'; event: GradeEvent }
  | { at: number; type: 'overall'; overall: OverallGrade }
  | { at: number; type: 'contact'; contact: ContactLogEntry };

/**
 * Everything that happened to a student, oldest first — across every record of the same person
 * (other views of the same site, see Student.personId).
 */
export async function loadStudentTimeline(db: HeadsUpDb, studentId: string): Promise<TimelineEntry[]> {
  return db.transaction('r', [db.students, db.events, db.overall, db.contacts], async () => {
    const student = await db.students.get(studentId);
    const records = student?.personId ? await db.students.where('personId').equals(student.personId).toArray() : student ? [student] : [];
    const entries: TimelineEntry[] = [];
    for (const record of records) {
      const [events, overall, contacts] = await Promise.all([
        db.events.where('[studentId+observedAt]').between([record.id, -Infinity], [record.id, Infinity]).toArray(),
        db.overall.where('[sectionId+studentId]').anyOf(record.sectionIds.map((sectionId) => [sectionId, record.id])).toArray(),
        db.contacts.where('studentId').equals(record.id).toArray(),
      ]);
      for (const event of events) entries.push({ at: event.observedAt, type: 'event', event });
      for (const row of overall) entries.push({ at: row.observedAt, type: 'overall', overall: row });
      for (const contact of contacts) entries.push({ at: contact.sentAt, type: 'contact', contact });
    }
    return entries.sort((a, b) => a.at - b.at);
  });
}

/** What the teacher has set (settings and the default calendar); anything unset is left out. */
export async function loadSettings(db: HeadsUpDb): Promise<Partial<Settings>> {
  const [row, calendar] = await Promise.all([db.settings.get('settings'), db.calendars.get('default')]);
  const found: Partial<Settings> = { ...(row?.key === 'settings' ? row.value : undefined) };
  if (calendar) {
    const { id: _id, ...dates } = calendar;
    found.calendar = dates;
  }
  return found;
}

/** The sections that keep their own calendar, by section id (the default calendar is not among them). */
export async function loadSectionCalendars(db: HeadsUpDb): Promise<Map<string, SchoolCalendar>> {
  const rows = await db.calendars.toArray();
  return new Map(rows.filter((row) => row.id !== 'default').map(({ id, ...calendar }): [string, SchoolCalendar] => [id, calendar]));
}

/** Adapters switched off and the generic reader's saved mappings. */
export async function loadReadingSetup(db: HeadsUpDb): Promise<ReadingSetup> {
  const row = await db.settings.get('reading-setup');
  return row?.key === 'reading-setup' ? row.value : { disabledAdapters: [], mappings: [] };
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

/** What the popup shows before anything is recomputed: small reads only, whatever the history's size. */
export interface FirstScreen {
  snapshot?: ProposalSnapshot;
  settings: Partial<Settings>;
  contacts: ContactLogEntry[];
  sections: Section[];
  latestReadings: ReadingRecord[];
  studentNames: Map<string, string>;
  /** the sections that keep their own calendar */
  sectionCalendars: Map<string, SchoolCalendar>;
}

export async function loadFirstScreen(db: HeadsUpDb): Promise<FirstScreen> {
  const [snapshot, settings, contacts, sections, latestReadings, students, sectionCalendars] = await Promise.all([
    db.snapshots.get('proposals'),
    loadSettings(db),
    loadContactLog(db),
    loadSections(db),
    loadLatestReadings(db),
    db.students.toArray(),
    loadSectionCalendars(db),
  ]);
  const studentNames = new Map(students.map((s): [string, string] => [s.id, s.name]));
  return { snapshot, settings, contacts, sections, latestReadings, studentNames, sectionCalendars };
}
