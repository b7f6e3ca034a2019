// The domain's data, defined once. Conventions used throughout Heads-Up:
// - percent values are on a 0–100 scale (and may exceed 100 for extra credit);
// - calendar dates (due dates, report dates) are ISO `YYYY-MM-DD` strings in the school's local time;
// - moments (when something was read, sent or observed) are epoch milliseconds.

/** What kind of page an adapter reads. */
export type ViewKind =
  /** a teacher's grid: many students × many assignments of one section */
  | 'teacher-grid'
  /** a parent's or student's view of one student in one course */
  | 'student-detail';

/** Marks a gradebook puts on a cell besides (or instead of) a score. */
export interface CellFlags {
  missing?: boolean;
  late?: boolean;
  /** excused or exempt: the work does not count toward the grade */
  excused?: boolean;
  incomplete?: boolean;
  /** nothing entered yet (blank, `—`, `--`): not counted, and not a zero */
  notGraded?: boolean;
  /** dropped by the teacher's drop-lowest rule */
  dropped?: boolean;
}

/** A score cell's text, understood. */
export interface ParsedScore {
  /** points earned, when the cell gives points */
  points?: number;
  /** points possible used for `points` (from the cell `12/15` or the assignment) */
  outOf?: number;
  /** percent earned, 0–100+, when it can be known (from points, a percent, or a letter's scale) */
  percent?: number;
  /** a letter grade as shown (`A-`), when the cell is a letter */
  letter?: string;
  flags: CellFlags;
  /** why the text could not be understood; such a cell is reported, never guessed */
  unreadable?: string;
}

/** Something an adapter met on the page and could not (fully) read, with the reason. */
export interface ReadingProblem {
  /** where on the page: e.g. `cell Avery Stone × Quiz 3`, `column 7`, `table` */
  where: string;
  reason: string;
  /** the raw text involved, as shown (trimmed, length-capped) */
  raw?: string;
}

export interface ReadingSection {
  /** stable key within the source: the vendor's id where the page has one, else a normalised name */
  key: string;
  name: string;
  teacher?: string;
  /** period / expression as shown, e.g. `5-6(A)` */
  period?: string;
}

export interface ReadingStudent {
  /** stable key within the source: vendor id where visible, else the normalised name */
  key: string;
  /** display name as shown */
  name: string;
  /**
   * the vendor's own student id, only where the page shows one: the same person read through another
   * view of the same site (parent portal and teacher grid) is then recognised as one person
   */
  vendorId?: string;
}

export interface ReadingAssignment {
  /** stable key within the section: vendor id where visible, else the normalised name (+ due date) */
  key: string;
  name: string;
  category?: string;
  /** ISO date */
  dueDate?: string;
  pointsPossible?: number;
}

export interface ReadingCell {
  studentKey: string;
  assignmentKey: string;
  /** the text as shown in the cell, trimmed */
  raw: string;
  score: ParsedScore;
}

export interface ReadingOverall {
  studentKey: string;
  percent?: number;
  letter?: string;
  /** the text as shown */
  raw: string;
}

/** One read of one page: everything an adapter saw of one section. Plain data, sent to the background. */
export interface Reading {
  adapterId: string;
  view: ViewKind;
  /** the page's URL (the background trusts the sender's URL over this) */
  url: string;
  /** epoch ms */
  readAt: number;
  section: ReadingSection;
  students: ReadingStudent[];
  assignments: ReadingAssignment[];
  cells: ReadingCell[];
  overall: ReadingOverall[];
  problems: ReadingProblem[];
}

/** The kinds of change the history records. */
export type GradeEventKind =
  | 'score-entered'
  | 'score-changed'
  | 'score-cleared'
  | 'marked-missing'
  | 'missing-cleared'
  | 'marked-excused'
  | 'excused-cleared'
  | 'marked-late'
  | 'overall-changed';

/** The state of a cell as stored (what a GradeEvent's before/after hold). */
export interface CellState {
  raw: string;
  score: ParsedScore;
}

/** Latest known state of (section, student, assignment). */
export interface StoredCell extends CellState {
  /** `${sectionId}|${studentKey}|${assignmentKey}` */
  id: string;
  sectionId: string;
  /** `${sourceId}|${studentKey}` */
  studentId: string;
  assignmentId: string;
  /** when this state was first observed (epoch ms) */
  since: number;
  /** when it was last confirmed by a reading (epoch ms) */
  seenAt: number;
}

/** Append-only history of what changed, when it was seen, and from which reading. */
export interface GradeEvent {
  id?: number;
  kind: GradeEventKind;
  sectionId: string;
  studentId: string;
  /** absent for overall-grade events */
  assignmentId?: string;
  before?: CellState | OverallState;
  after?: CellState | OverallState;
  /** epoch ms */
  observedAt: number;
  readingId: number;
}

export interface OverallState {
  percent?: number;
  letter?: string;
  raw: string;
}

/** One observation of a student's overall grade, kept as a series (a new row only when it changes). */
export interface OverallGrade extends OverallState {
  id?: number;
  sectionId: string;
  studentId: string;
  observedAt: number;
}

export interface Source {
  /** `${origin}|${adapterId}` */
  id: string;
  origin: string;
  adapterId: string;
}

export interface Section {
  /** `${sourceId}|${sectionKey}` */
  id: string;
  sourceId: string;
  key: string;
  name: string;
  teacher?: string;
  period?: string;
  view: ViewKind;
}

export interface Student {
  /** `${sourceId}|${studentKey}` */
  id: string;
  sourceId: string;
  key: string;
  name: string;
  sectionIds: string[];
  /**
   * `${origin}|${vendorId}` when a page showed the vendor's student id: student records of different
   * views (adapters) of one site with the same personId are the same person. Absent when only a name
   * was shown: such records stay apart, since two students may share a name.
   */
  personId?: string;
}

export interface Assignment {
  /** `${sectionId}|${assignmentKey}` */
  id: string;
  sectionId: string;
  key: string;
  name: string;
  category?: string;
  dueDate?: string;
  pointsPossible?: number;
  /** order in which the page listed it (for display) */
  position: number;
}

/** A record of each reading: what was read when, by which adapter, with its problems. */
export interface ReadingRecord {
  id?: number;
  sectionId: string;
  adapterId: string;
  url: string;
  readAt: number;
  /** last time an identical reading was received (re-reads of an unchanged page update this only) */
  lastSeenAt: number;
  fingerprint: string;
  studentCount: number;
  assignmentCount: number;
  cellCount: number;
  eventCount: number;
  problems: ReadingProblem[];
}

export type Channel = 'email' | 'text' | 'phone';
export type ContactKind = 'heads-up' | 'positive' | 'follow-up';

/** Every message the teacher marked as sent. Drives cadence and balance. */
export interface ContactLogEntry {
  id?: number;
  studentId: string;
  sectionId: string;
  channel: Channel;
  kind: ContactKind;
  /** the proposal's reason key, e.g. `missing-work`, so the same concern is not proposed again too soon */
  reason: string;
  /** the severity the proposal had when sent (to tell "it got worse") */
  severity: number;
  subject?: string;
  text: string;
  /** who it went to, as the teacher's app was given it: a guardian's name and email or phone */
  to?: string;
  sentAt: number;
}

/** Grading periods and the dates that make "early" concrete. */
export interface SchoolCalendar {
  termStart: string;
  /** progress / midterm / report-card dates, ISO, any order */
  reportDates: string[];
  termEnd: string;
}

export interface Thresholds {
  /** a current or projected grade below this (percent) is a concern */
  lowGrade: number;
  /** this many missing assignments (currently missing) is a concern */
  missingCount: number;
  /** a fall of this many percentage points from the student's recent best is a concern */
  dropPoints: number;
  /** don't propose the same concern to a family again within this many days unless it got worse */
  cadenceDays: number;
}

/** A guardian of a student, as the teacher's roster or contacts export gives them. */
export interface Guardian {
  name: string;
  relation?: string;
  email?: string;
  phone?: string;
}

/** How to reach a student's family. */
export interface Family {
  /** the student record this family belongs to */
  studentId: string;
  guardians: Guardian[];
  preferredChannel?: Channel;
  /** BCP 47 language tag, e.g. `en`, `es` */
  language?: string;
  /** epoch ms */
  updatedAt: number;
}

export interface Settings {
  calendar: SchoolCalendar;
  thresholds: Thresholds;
  /** the teacher's name for the signature */
  signature: string;
  /** the teacher's own template wording: language → template path → text (see core/templates/overrides.ts) */
  templateOverrides?: Record<string, Record<string, string>>;
}

/** How the generic table reader reads a page the teacher mapped (see adapters/generic-table.ts). */
export type ColumnRole = 'student' | 'student-id' | 'overall' | 'assignment' | 'ignore';

/** A column as a mapping remembers it: its header text, and its position should the header change. */
export interface ColumnRef {
  index: number;
  header: string;
}

export interface TableMapping {
  /** which `<table>` of the page, in document order */
  tableIndex: number;
  /** the row that names the columns (row numbers count the table's rows from 0) */
  headerRow: number;
  /** a row of points possible under the header, when the table has one */
  pointsRow?: number;
  student: ColumnRef;
  /** the school's own student number, when the table shows one: the students' identity then, not their names */
  studentId?: ColumnRef;
  overall?: ColumnRef;
  /** columns left out although they may hold numbers (a student id, a period, a category total) */
  ignored: ColumnRef[];
}

/** A saved mapping: for which site and which pages of it. */
export interface SiteMapping {
  /** `https://host` (no port: match patterns ignore ports) */
  origin: string;
  /** the page's path with every run of digits as `*` (course and section ids vary, the page does not) */
  pathPattern: string;
  mapping: TableMapping;
  savedAt: number;
}

/** How Heads-Up reads sites: adapters the teacher switched off, and the generic reader's saved mappings. */
export interface ReadingSetup {
  disabledAdapters: string[];
  mappings: SiteMapping[];
}
