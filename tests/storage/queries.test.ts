import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type HeadsUpDb } from '../../src/storage/db';
import { ingestReading } from '../../src/storage/ingest';
import { loadHistories, loadStudentTimeline } from '../../src/storage/queries';
import { logContact } from '../../src/storage/writes';
import { gridReading } from '../support/reading-factory';

const origin = 'http://127.0.0.1:8080';
const DAY = 86_400_000;
const T0 = 1_700_000_000_000;
let db: HeadsUpDb;
let n = 0;

beforeEach(async () => {
  db = openDb(`queries-test-${n++}`);
  await db.open();
  // Three weekly readings of one section: s1 is missing a2 in week 1, makes it up in week 2, drops in week 3.
  await ingestReading(db, origin, gridReading({ rows: { s1: { a1: '8', a2: 'M' }, s2: { a1: '9', a2: '9' } }, overall: { s1: 40, s2: 90 }, readAt: T0 }));
  await ingestReading(db, origin, gridReading({ rows: { s1: { a1: '8', a2: '7L' }, s2: { a1: '9', a2: '9' } }, overall: { s1: 75, s2: 90 }, readAt: T0 + 7 * DAY }));
  await ingestReading(db, origin, gridReading({ rows: { s1: { a1: '5', a2: '7L' }, s2: { a1: '9', a2: '9' } }, overall: { s1: 60, s2: 90 }, readAt: T0 + 14 * DAY }));
});
afterEach(async () => {
  await db.delete();
});

describe('history queries', () => {
  it('loads every event when no moment is given', async () => {
    const s1 = (await loadHistories(db)).find((h) => h.student.key === 's1')!;
    expect(s1.events.map((e) => e.kind)).toEqual(['score-entered', 'marked-missing', 'score-entered', 'missing-cleared', 'marked-late', 'overall-changed', 'score-changed', 'overall-changed']);
    expect(s1.overall.map((o) => o.percent)).toEqual([40, 75, 60]);
  });

  it('loads events since a moment, with the overall grade last shown before it', async () => {
    const s1 = (await loadHistories(db, { since: T0 + 10 * DAY })).find((h) => h.student.key === 's1')!;
    expect(s1.events.map((e) => e.kind)).toEqual(['score-changed', 'overall-changed']);
    expect(s1.overall.map((o) => o.percent).sort()).toEqual([60, 75]);
    expect(s1.cells).toHaveLength(2);
    // s2 never changed: its series starts with its only row, from before the moment.
    const s2 = (await loadHistories(db, { since: T0 + 10 * DAY })).find((h) => h.student.key === 's2')!;
    expect(s2.overall.map((o) => o.percent)).toEqual([90]);
    expect(s2.events).toEqual([]);
  });

  it('loads one section only when asked', async () => {
    await ingestReading(db, origin, gridReading({ section: 'p2', rows: { s9: { a1: '3' } } }));
    const sectionId = `${origin}|demo-gradebook|p2`;
    const histories = await loadHistories(db, { sectionId });
    expect(histories.map((h) => h.student.key)).toEqual(['s9']);
  });

  it("gives a student's timeline of events, grades and contacts, oldest first", async () => {
    const studentId = `${origin}|demo-gradebook|s1`;
    await logContact(db, { studentId, sectionId: `${origin}|demo-gradebook|p1`, channel: 'email', kind: 'heads-up', reason: 'missing-work', severity: 0.5, text: 'Hello', sentAt: T0 + 3 * DAY });
    const timeline = await loadStudentTimeline(db, studentId);
    // T0: entered + missing, grade 40; day 3: the contact; day 7: made up late, grade 75; day 14: a regrade, grade 60.
    expect(timeline.map((e) => e.type)).toEqual(['event', 'event', 'overall', 'contact', 'event', 'event', 'event', 'event', 'overall', 'event', 'event', 'overall']);
    expect(timeline.map((e) => e.at)).toEqual([...timeline.map((e) => e.at)].sort((a, b) => a - b));
    expect(timeline.filter((e) => e.type === 'contact')).toHaveLength(1);
    expect(timeline.filter((e) => e.type === 'overall')).toHaveLength(3);
    expect(timeline.filter((e) => e.type === 'event')).toHaveLength(8);
  });
});
