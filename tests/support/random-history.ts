// fast-check arbitraries for whole histories (readings over time, contacts, settings, a family), and a
// function that writes one through the real write paths (ingestReading, logContact, saveSettings), so a
// generated database holds exactly what the extension would store.
import fc from 'fast-check';
import type { Channel, ContactKind, ContactLogEntry, Family, Settings } from '../../src/core/types';
import type { HeadsUpDb } from '../../src/storage/db';
import { ingestReading, sourceIdOf } from '../../src/storage/ingest';
import { logContact, saveSettings } from '../../src/storage/writes';
import { gridReading } from './reading-factory';

export const ORIGIN = 'http://127.0.0.1:8080';
export const SOURCE_ID = sourceIdOf(ORIGIN, 'demo-gradebook');
const STUDENTS = ['s1', 's2', 's3'] as const;
const ASSIGNMENTS = ['a1', 'a2', 'a3'] as const;
const START = 1_700_000_000_000;

export interface ReadingStep {
  step: 'reading';
  section: 'p1' | 'p2';
  /** ms after the previous step */
  gap: number;
  rows: Record<string, Record<string, string>>;
  overall: Record<string, number>;
  names: Record<string, string>;
}
/** A contact to log: the log entry's own fields, placed by section and student key instead of ids. */
export type ContactStep = Pick<ContactLogEntry, 'channel' | 'kind' | 'reason' | 'severity' | 'subject' | 'text'> & {
  step: 'contact';
  gap: number;
  section: 'p1' | 'p2';
  studentKey: string;
};
export interface RandomHistory {
  steps: Array<ReadingStep | ContactStep>;
  settings?: Settings;
  family?: Omit<Family, 'studentId'> & { studentKey: string };
}

/** What a gradebook cell can show: scores, late scores, missing, excused, not graded. */
export const cellText = fc.constantFrom('M', 'EX', '—', '', '0', '7', '8L', '10', '9.5');
/** Names as pages show them, including ones a spreadsheet or a careless HTML view would misread. */
export const personName = fc.oneof(
  fc.constantFrom('Stone, Avery', 'Jo "JJ" Li', '=HYPERLINK("http://x")', '<b>Ana</b>', "O'Neil\nKai"),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

const row = fc.record(Object.fromEntries(ASSIGNMENTS.map((a) => [a, cellText])), { requiredKeys: [] });
const section = fc.constantFrom<'p1' | 'p2'>('p1', 'p2');
const gap = fc.integer({ min: 1, max: 3 * 86_400_000 });

const readingStep: fc.Arbitrary<ReadingStep> = fc.record({
  step: fc.constant('reading' as const),
  section,
  gap,
  rows: fc.record(Object.fromEntries(STUDENTS.map((s) => [s, row])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, Record<string, string>>>,
  overall: fc.record(Object.fromEntries(STUDENTS.map((s) => [s, fc.integer({ min: 0, max: 105 })])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, number>>,
  names: fc.record(Object.fromEntries(STUDENTS.map((s) => [s, personName])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string>>,
});

const contactStep: fc.Arbitrary<ContactStep> = fc.record(
  {
    step: fc.constant('contact' as const),
    gap,
    section,
    studentKey: fc.constantFrom(...STUDENTS),
    channel: fc.constantFrom<Channel>('email', 'text', 'phone'),
    kind: fc.constantFrom<ContactKind>('heads-up', 'positive', 'follow-up'),
    reason: fc.constantFrom('missing-work', 'low-grade', 'dropping'),
    severity: fc.integer({ min: 0, max: 3 }),
    subject: fc.string({ maxLength: 20 }),
    text: fc.string({ unit: 'binary', maxLength: 40 }),
  },
  { requiredKeys: ['step', 'gap', 'section', 'studentKey', 'channel', 'kind', 'reason', 'severity', 'text'] },
);

const isoDate = fc.integer({ min: 0, max: 300 }).map((d) => new Date(Date.UTC(2026, 7, 1) + d * 86_400_000).toISOString().slice(0, 10));

export const settingsArb: fc.Arbitrary<Settings> = fc.record({
  calendar: fc.record({ termStart: isoDate, reportDates: fc.array(isoDate, { maxLength: 3 }), termEnd: isoDate }),
  thresholds: fc.record({
    lowGrade: fc.integer({ min: 50, max: 80 }),
    missingCount: fc.integer({ min: 1, max: 5 }),
    dropPoints: fc.integer({ min: 3, max: 20 }),
    cadenceDays: fc.integer({ min: 1, max: 30 }),
  }),
  signature: personName,
});

const familyArb = fc.record(
  {
    studentKey: fc.constantFrom(...STUDENTS),
    guardians: fc.array(fc.record({ name: personName, email: fc.emailAddress() }, { requiredKeys: ['name'] }), { maxLength: 2 }),
    preferredChannel: fc.constantFrom<Channel>('email', 'text', 'phone'),
    language: fc.constantFrom('en', 'es', 'vi'),
    updatedAt: fc.integer({ min: START, max: START + 1e10 }),
  },
  { requiredKeys: ['studentKey', 'guardians', 'updatedAt'] },
);

export const historyArb: fc.Arbitrary<RandomHistory> = fc.record(
  {
    steps: fc.array(fc.oneof({ weight: 3, arbitrary: readingStep }, { weight: 1, arbitrary: contactStep }), { minLength: 1, maxLength: 6 }),
    settings: settingsArb,
    family: familyArb,
  },
  { requiredKeys: ['steps'] },
);

/** Writes a history through the extension's own write paths. */
export async function writeHistory(db: HeadsUpDb, history: RandomHistory): Promise<void> {
  let now = START;
  for (const step of history.steps) {
    now += step.gap;
    const sectionId = `${SOURCE_ID}|${step.section}`;
    if (step.step === 'reading') {
      await ingestReading(db, ORIGIN, gridReading({ section: step.section, readAt: now, rows: step.rows, overall: step.overall, names: step.names }));
    } else {
      const { step: _s, gap: _g, section: _p, studentKey, ...entry } = step;
      await logContact(db, { ...entry, studentId: `${SOURCE_ID}|${studentKey}`, sectionId, sentAt: now });
    }
  }
  if (history.settings) await saveSettings(db, history.settings);
  if (history.family) {
    const { studentKey, ...family } = history.family;
    await db.families.put({ ...family, studentId: `${SOURCE_ID}|${studentKey}` });
  }
}
