// What the engine hands the popup and the composer. Pure data.
import type {
  Assignment,
  Channel,
  ContactKind,
  ContactLogEntry,
  GradeEvent,
  OverallGrade,
  Section,
  StoredCell,
  Student,
} from './types';

/** Everything the engine knows about one student in one section (plain data from storage). */
export interface StudentHistory {
  student: Student;
  section: Section;
  /** all assignments of the section, any order */
  assignments: Assignment[];
  /** latest state of this student's cells in the section */
  cells: StoredCell[];
  /** this student's grade events in the section, any order */
  events: GradeEvent[];
  /** this student's overall-grade series in the section, any order */
  overall: OverallGrade[];
  /** contacts logged for this student in the section, any order */
  contacts: ContactLogEntry[];
  /** the section's category weights as the page shows them (category name → weight, any scale); absent = points-based */
  categoryWeights?: Record<string, number>;
}

/** Why a proposal is raised. Concerns first, then wins. */
export type ProposalReason =
  | 'missing-work'
  | 'sliding-grade'
  | 'sudden-drop'
  | 'improvement'
  | 'consistency'
  | 'made-up-work'
  /** the latest score is the student's best this term */
  | 'personal-best'
  /** a run of work all turned in, nothing missing */
  | 'work-complete'
  /** progress (better or worse) since a heads-up that went home */
  | 'follow-up';

/** One fact behind a proposal: an assignment with what the gradebook shows for it. */
export interface Evidence {
  assignmentId: string;
  assignmentName: string;
  /** ISO date */
  dueDate?: string;
  /** the cell's text as shown */
  raw: string;
  /** percent earned where known */
  percent?: number;
  missing?: boolean;
  late?: boolean;
}

/** The student's grade now: the page's own where shown, else computed (and said so). */
export interface CurrentGrade {
  percent?: number;
  letter?: string;
  source: 'page' | 'computed';
}

/** A suggestion that the teacher contact a family, with the evidence behind it. */
export interface Proposal {
  /** stable: `${studentId}|${sectionId}|${reason}` */
  id: string;
  kind: ContactKind;
  reason: ProposalReason;
  studentId: string;
  studentName: string;
  sectionId: string;
  sectionName: string;
  /** 0–1: how serious (concerns) or how notable (wins) */
  severity: number;
  /** ranking key, higher first: severity weighted by how little time is left before the next report */
  urgency: number;
  /** the assignments behind the concern or the win */
  evidence: Evidence[];
  /** recent work that went well (for concerns: what to build on; never wrapped around the concern) */
  goingWell: Evidence[];
  current?: CurrentGrade;
  /** percent compared against: sliding-grade, the recent best grade; sudden-drop and improvement, the earlier average */
  previousPercent?: number;
  /** next report date after now, ISO, when the calendar has one */
  nextReportDate?: string;
  daysToReport?: number;
  /** the grade projected at the next report date, with its band (concerns raised from a projection, follow-ups) */
  projection?: GradeProjection;
  /** follow-ups: the heads-up being followed up and how things moved since */
  followUp?: FollowUpOf;
}

/** The grade expected at a report date if the term goes on as it has (see grade-projection.ts). */
export interface GradeProjection {
  /** ISO date projected to */
  date: string;
  /** projected percent, and the band around it (≈ one standard error each side) */
  percent: number;
  low: number;
  high: number;
  /** how many running-grade points the projection rests on */
  basedOn: number;
}

/** What a follow-up refers to: the heads-up that went home and the direction since. */
export interface FollowUpOf {
  /** epoch ms the heads-up was sent */
  sentAt: number;
  /** the heads-up's reason key */
  reason: string;
  /** severity then and now (0 now = the concern is no longer raised) */
  severityThen: number;
  severityNow: number;
  progress: 'better' | 'same' | 'worse';
}

/** Phone talking points: what the teacher says, in order. */
export interface TalkingPoints {
  opening: string;
  /** the facts to mention: the assignments with what the gradebook shows, what is going well, the report date */
  specifics: string[];
  /** the question to ask the family */
  question: string;
  /** the step to agree on before hanging up */
  nextStep: string;
}

/** How a text draft goes out as SMS (see sms.ts). */
export interface SmsInfo {
  segments: number;
  encoding: 'GSM-7' | 'UCS-2';
  /** set past two segments, in the draft's language */
  warning?: string;
}

/** A drafted message, ready for the teacher to edit. */
export interface Draft {
  proposalId: string;
  channel: Channel;
  /** BCP 47 tag of the language the draft is written in: the one asked for, or English when it has no templates */
  language: string;
  /** false when the asked language has no templates and the draft fell back to English */
  languageSupported: boolean;
  /** email only */
  subject?: string;
  /** email: the body; text: the message; phone: the talking points as plain text */
  body: string;
  /** phone only */
  talkingPoints?: TalkingPoints;
  /** for the student, who should hear it from the teacher first (concerns, follow-ups); for wins a short congratulation */
  studentNote: string;
  /** true when a call fits better than a written message (see suggestCall in compose.ts) */
  suggestCall: boolean;
  /** text only */
  sms?: SmsInfo;
}
