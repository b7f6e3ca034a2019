// The one contract for messages between contexts, named by direction (content script → background,
// extension UI → background). Every message is validated at the receiving end with these schemas:
// anything that comes from a page is untrusted until it passes.
import * as v from 'valibot';
import type { ColumnRole, ContactLogEntry, Family, Reading, ReadingProblem, ReadingSetup, SchoolCalendar, Settings, SiteMapping, TableMapping } from './core/types';

const text = (max = 500) => v.pipe(v.string(), v.maxLength(max));
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/));
const finite = v.pipe(v.number(), v.finite());
const limit = <T extends v.GenericSchema>(item: T, max: number) => v.pipe(v.array(item), v.maxLength(max));

const ProblemSchema = v.object({ where: text(), reason: text(), raw: v.optional(text()) });

const FlagsSchema = v.object({
  missing: v.optional(v.boolean()),
  late: v.optional(v.boolean()),
  excused: v.optional(v.boolean()),
  incomplete: v.optional(v.boolean()),
  notGraded: v.optional(v.boolean()),
  dropped: v.optional(v.boolean()),
});

const ScoreSchema = v.object({
  points: v.optional(finite),
  outOf: v.optional(finite),
  percent: v.optional(finite),
  letter: v.optional(text(8)),
  flags: FlagsSchema,
  unreadable: v.optional(text()),
});

/** Upper bounds that no real gradebook page reaches; a larger message is refused, not truncated. */
const MAX = { students: 2_000, assignments: 1_000, cells: 200_000, problems: 5_000 };

export const ReadingSchema = v.object({
  adapterId: text(64),
  view: v.picklist(['teacher-grid', 'student-detail']),
  url: text(2_000),
  readAt: finite,
  section: v.object({
    key: text(),
    name: text(),
    teacher: v.optional(text()),
    period: v.optional(text()),
  }),
  students: limit(v.object({ key: text(), name: text(), vendorId: v.optional(text()) }), MAX.students),
  assignments: limit(
    v.object({
      key: text(),
      name: text(),
      category: v.optional(text()),
      dueDate: v.optional(isoDate),
      pointsPossible: v.optional(finite),
    }),
    MAX.assignments,
  ),
  cells: limit(
    v.object({ studentKey: text(), assignmentKey: text(), raw: text(), score: ScoreSchema }),
    MAX.cells,
  ),
  overall: limit(
    v.object({
      studentKey: text(),
      percent: v.optional(finite),
      letter: v.optional(text(8)),
      raw: text(),
    }),
    MAX.students,
  ),
  problems: limit(ProblemSchema, MAX.problems),
});

const CalendarSchema = v.object({
  termStart: isoDate,
  reportDates: limit(isoDate, 40),
  termEnd: isoDate,
});

const SettingsSchema = v.object({
  calendar: CalendarSchema,
  thresholds: v.object({
    lowGrade: v.pipe(finite, v.minValue(0), v.maxValue(100)),
    missingCount: v.pipe(finite, v.integer(), v.minValue(1)),
    dropPoints: v.pipe(finite, v.minValue(1), v.maxValue(100)),
    cadenceDays: v.pipe(finite, v.integer(), v.minValue(0)),
  }),
  signature: text(200),
  templateOverrides: v.optional(v.record(text(16), v.record(text(200), text(2_000)))),
});

const ContactSchema = v.object({
  studentId: text(1_000),
  sectionId: text(1_000),
  channel: v.picklist(['email', 'text', 'phone']),
  kind: v.picklist(['heads-up', 'positive', 'follow-up']),
  reason: text(64),
  severity: finite,
  subject: v.optional(text(500)),
  text: text(20_000),
  to: v.optional(text(500)),
  sentAt: finite,
});

/** The background's answer to a content script on a site that is not (or no longer) enabled. */
export const SITE_NOT_ENABLED = 'this site is not enabled in Heads-Up';

/** The name of the port a content script opens to deliver one message and wait for its reply. */
export const CONTENT_PORT_NAME = 'heads-up-content';

const FamilySchema = v.object({
  studentId: text(1_000),
  guardians: limit(
    v.object({ name: text(200), relation: v.optional(text(100)), email: v.optional(text(320)), phone: v.optional(text(40)) }),
    10,
  ),
  preferredChannel: v.optional(v.picklist(['email', 'text', 'phone'])),
  language: v.optional(text(16)),
  updatedAt: finite,
});

const index = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000));
const ColumnRefSchema = v.object({ index, header: text(200) });
const TableMappingSchema = v.object({
  tableIndex: index,
  headerRow: index,
  pointsRow: v.optional(index),
  student: ColumnRefSchema,
  studentId: v.optional(ColumnRefSchema),
  overall: v.optional(ColumnRefSchema),
  ignored: limit(ColumnRefSchema, 1_000),
});
const SiteMappingSchema = v.object({
  origin: v.pipe(text(300), v.regex(/^https?:\/\/[^/:]+$/)),
  pathPattern: text(2_000),
  mapping: TableMappingSchema,
  savedAt: finite,
});
const adapterId = v.pipe(text(64), v.regex(/^[a-z0-9-]+$/));

/** Content script → background. */
export const ContentToBackgroundSchema = v.variant('type', [
  /** inject the reader of this adapter into the sender's frame (it checked the page with `matches`) */
  v.object({ type: v.literal('load-reader'), adapterId }),
  /** which adapters are switched off, and the saved mapping for the sender's page */
  v.object({ type: v.literal('page-setup') }),
  v.object({ type: v.literal('reading'), reading: ReadingSchema }),
  /** a page an adapter claimed but could not read at all (problems say why) */
  v.object({
    type: v.literal('page-problems'),
    adapterId: text(64),
    url: text(2_000),
    problems: limit(ProblemSchema, 100),
  }),
]);

/** Extension pages (popup, options) → background. Only the background writes the database. */
export const UiToBackgroundSchema = v.variant('type', [
  v.object({ type: v.literal('log-contact'), entry: ContactSchema }),
  v.object({ type: v.literal('save-settings'), settings: SettingsSchema }),
  v.object({ type: v.literal('get-tab-status'), tabId: v.pipe(v.number(), v.integer()) }),
  v.object({ type: v.literal('refresh-proposals') }),
  v.object({ type: v.literal('save-families'), families: limit(FamilySchema, 5_000) }),
  /** the backup file's text; 256 MiB is far above a school year's history */
  v.object({ type: v.literal('import-backup'), text: text(256 * 1024 * 1024), mode: v.picklist(['merge', 'replace']) }),
  /** the UI has asked the teacher to confirm; the literal makes an accidental wipe message impossible */
  v.object({ type: v.literal('wipe-everything'), confirm: v.literal('wipe') }),
  v.object({ type: v.literal('save-site-mapping'), entry: SiteMappingSchema }),
  v.object({ type: v.literal('save-disabled-adapters'), adapterIds: limit(adapterId, 200) }),
  /** a section's own calendar, or none to return it to the default */
  v.object({ type: v.literal('save-section-calendar'), sectionId: v.pipe(text(1_000), v.notValue('default')), calendar: v.optional(CalendarSchema) }),
  /** after the teacher removed a site: forget its mappings (the permission is already withdrawn) */
  v.object({ type: v.literal('forget-site'), origin: v.pipe(text(300), v.regex(/^https?:\/\/[^/:]+$/)) }),
]);

/** Extension pages (the popup) → the content script of a tab, for the generic reader. */
export const UiToContentSchema = v.variant('type', [
  /** propose a mapping (for a chosen table, or the saved or best one) and preview it */
  v.object({ type: v.literal('generic-propose'), tableIndex: v.optional(index) }),
  /** give one column a role and preview the result */
  v.object({
    type: v.literal('generic-set-role'),
    mapping: TableMappingSchema,
    column: index,
    role: v.picklist(['student', 'student-id', 'overall', 'assignment', 'ignore']),
  }),
  /** read the page now, with the setup as the background has it */
  v.object({ type: v.literal('read-now') }),
]);

export type ContentToBackground =
  | { type: 'load-reader'; adapterId: string }
  | { type: 'page-setup' }
  | { type: 'reading'; reading: Reading }
  | { type: 'page-problems'; adapterId: string; url: string; problems: ReadingProblem[] };

export type UiToBackground =
  | { type: 'log-contact'; entry: Omit<ContactLogEntry, 'id'> }
  | { type: 'save-settings'; settings: Settings }
  | { type: 'get-tab-status'; tabId: number }
  | { type: 'refresh-proposals' }
  | { type: 'save-families'; families: Family[] }
  | { type: 'import-backup'; text: string; mode: 'merge' | 'replace' }
  | { type: 'wipe-everything'; confirm: 'wipe' }
  | { type: 'save-site-mapping'; entry: SiteMapping }
  | { type: 'save-disabled-adapters'; adapterIds: string[] }
  | { type: 'save-section-calendar'; sectionId: string; calendar?: SchoolCalendar }
  | { type: 'forget-site'; origin: string };

export type UiToContent =
  | { type: 'generic-propose'; tableIndex?: number }
  | { type: 'generic-set-role'; mapping: TableMapping; column: number; role: ColumnRole }
  | { type: 'read-now' };

/** What the background tells a content script about its page. */
export interface PageSetup {
  disabledAdapters: string[];
  mapping?: TableMapping;
}

/** What a content script answers to `read-now`. */
export interface ReadNowResult {
  adapterId?: string;
  readings: number;
  problems: ReadingProblem[];
}

export type { ReadingSetup };

/** What the background last saw on a tab, for the popup's status line. */
export interface TabStatus {
  adapterId: string;
  /** the system as the teacher knows it ("Moodle (grader report)"), and whether its reader was tested on a real page */
  adapterLabel?: string;
  adapterStatus?: 'verified' | 'unverified';
  url: string;
  at: number;
  sectionName?: string;
  students: number;
  assignments: number;
  events: number;
  problems: ReadingProblem[];
}

export type Reply<T = unknown> = { ok: true; value: T } | { ok: false; error: string };

export interface IngestSummary {
  sectionId: string;
  readingId: number;
  events: number;
  /** true when the reading was identical to the last one for its section (nothing written but seenAt) */
  unchanged: boolean;
}

// Compile-time check that the schemas and the hand-written types agree.
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type _ReadingAgrees = Assert<Same<v.InferOutput<typeof ReadingSchema>, Reading>>;
export type _ContentAgrees = Assert<Same<v.InferOutput<typeof ContentToBackgroundSchema>, ContentToBackground>>;
export type _UiAgrees = Assert<Same<v.InferOutput<typeof UiToBackgroundSchema>, UiToBackground>>;
export type _UiToContentAgrees = Assert<Same<v.InferOutput<typeof UiToContentSchema>, UiToContent>>;
