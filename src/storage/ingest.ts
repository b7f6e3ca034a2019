// Writes one reading: normalise ids, diff against the stored state, write cells, events, overall grades
// and the reading record in ONE transaction, so a worker killed mid-ingest leaves nothing half-written.
import { diffReading, readingFingerprint, studentIdOf, assignmentIdOf } from '../core/reading-diff';
import type { OverallGrade, Reading, Section, StoredCell, Student } from '../core/types';
import type { IngestSummary } from '../messages';
import type { HeadsUpDb } from './db';

/** The source a reading belongs to: the page's origin (from the sender, not the page) and the adapter. */
export function sourceIdOf(origin: string, adapterId: string): string {
  return `${origin}|${adapterId}`;
}

export async function ingestReading(db: HeadsUpDb, origin: string, reading: Reading): Promise<IngestSummary> {
  const sourceId = sourceIdOf(origin, reading.adapterId);
  const sectionId = `${sourceId}|${reading.section.key}`;
  const fingerprint = readingFingerprint(reading);

  return db.transaction(
    'rw',
    [db.sources, db.sections, db.students, db.assignments, db.cells, db.events, db.overall, db.readings],
    async () => {
      const [storedCells, storedOverall, lastRecord] = await Promise.all([
        db.cells.where('sectionId').equals(sectionId).toArray(),
        db.overall.where('sectionId').equals(sectionId).toArray(),
        db.readings.where('[sectionId+readAt]').between([sectionId, -Infinity], [sectionId, Infinity]).last(),
      ]);
      const diff = diffReading({ sourceId, sectionId }, reading, {
        cells: new Map(storedCells.map((c): [string, StoredCell] => [c.id, c])),
        overall: latestOverallByStudent(storedOverall),
      });

      const nothingNew = diff.cells.length === 0 && diff.events.length === 0 && diff.overall.length === 0;
      if (nothingNew && lastRecord?.id !== undefined && lastRecord.fingerprint === fingerprint) {
        await db.readings.update(lastRecord.id, { lastSeenAt: reading.readAt });
        return { sectionId, readingId: lastRecord.id, events: 0, unchanged: true };
      }

      await db.sources.put({ id: sourceId, origin, adapterId: reading.adapterId });
      await upsertSection(db, { sourceId, sectionId, reading });
      await upsertStudents(db, { origin, sourceId, sectionId }, reading);
      await db.assignments.bulkPut(
        reading.assignments.map((a, position) => ({
          id: assignmentIdOf(sectionId, a.key),
          sectionId,
          key: a.key,
          name: a.name,
          category: a.category,
          dueDate: a.dueDate,
          pointsPossible: a.pointsPossible,
          position,
        })),
      );
      const readingId = await db.readings.add({
        sectionId,
        adapterId: reading.adapterId,
        url: reading.url,
        readAt: reading.readAt,
        lastSeenAt: reading.readAt,
        fingerprint,
        studentCount: reading.students.length,
        assignmentCount: reading.assignments.length,
        cellCount: reading.cells.length,
        eventCount: diff.events.length,
        problems: reading.problems,
      });
      if (readingId === undefined) throw new Error('IndexedDB gave the reading record no id');
      await db.cells.bulkPut(diff.cells);
      await db.events.bulkAdd(diff.events.map((e) => ({ ...e, readingId })));
      await db.overall.bulkAdd(diff.overall);
      return { sectionId, readingId, events: diff.events.length, unchanged: false };
    },
  );
}

function latestOverallByStudent(rows: OverallGrade[]): Map<string, OverallGrade> {
  const latest = new Map<string, OverallGrade>();
  for (const row of rows) {
    const seen = latest.get(row.studentId);
    if (!seen || row.observedAt >= seen.observedAt) latest.set(row.studentId, row);
  }
  return latest;
}

async function upsertSection(
  db: HeadsUpDb,
  { sourceId, sectionId, reading }: { sourceId: string; sectionId: string; reading: Reading },
): Promise<void> {
  const section: Section = {
    id: sectionId,
    sourceId,
    key: reading.section.key,
    name: reading.section.name,
    teacher: reading.section.teacher,
    period: reading.section.period,
    view: reading.view,
  };
  await db.sections.put(section);
}

/**
 * A student keeps one record per source; a new section is added to it, a new display name replaces the
 * old, and a vendor id shown on the page links the record to the person (see Student.personId).
 */
async function upsertStudents(
  db: HeadsUpDb,
  { origin, sourceId, sectionId }: { origin: string; sourceId: string; sectionId: string },
  reading: Reading,
): Promise<void> {
  const ids = reading.students.map((s) => studentIdOf(sourceId, s.key));
  const existing = await db.students.bulkGet(ids);
  const rows: Student[] = reading.students.map((s, i) => {
    const before = existing[i];
    const sectionIds = before?.sectionIds.includes(sectionId)
      ? before.sectionIds
      : [...(before?.sectionIds ?? []), sectionId];
    const personId = s.vendorId ? `${origin}|${s.vendorId}` : before?.personId;
    return { id: ids[i]!, sourceId, key: s.key, name: s.name, sectionIds, ...(personId ? { personId } : {}) };
  });
  await db.students.bulkPut(rows);
}
