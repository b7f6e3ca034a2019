// The shape of one language's message templates. Every string is data, filled by the composer
// (src/core/compose.ts) with `{placeholder}` values; a placeholder without a value throws. Lists of
// strings are variants: the composer picks one by the draft's variant number (modulo the list's length),
// so lists of different lengths give many different messages.
//
// Placeholders the composer fills (when the fact is known):
//   {firstName} {sectionName} {signature} {me} (the teacher introducing themself) {count}
//   {assignments} (listed with dates and marks, email/phone) {marks} (the same, missing work said so)
//   {names} (names only, for texts)
//   {goingWell} {reportDate} {gradeNow} {currentPercent} {previousPercent} {recentAverage}
//   {consistencyPercent} {goal} {help} {sentDate} {checkDate} {guardians}
import type { FollowUpOf, ProposalReason } from '../proposal-types';

export type ConcernReason = 'missing-work' | 'sliding-grade' | 'sudden-drop';
export type WinReason = Exclude<ProposalReason, ConcernReason | 'follow-up'>;
export type Progress = FollowUpOf['progress'];
export type Variants = readonly [string, ...string[]];
/** "1 more" / "3 more": Intl.PluralRules' `one`, and `other` for every other count */
export type MoreItems = { one: string; other: string };

/** What one reason says in each channel. */
export interface ReasonWords {
  subject: Variants;
  /** email and phone: what the gradebook shows, marks included */
  email: Variants;
  /** text: the same naming the work only — no grades or scores in a text (phones are shared) */
  text: Variants;
  /** how one assignment is listed in {assignments}: {assignment} is "Name (due Oct 30)", {shows} the gradebook's mark */
  item: string;
  /** a short note for the student, who hears it from the teacher first */
  student: string;
}

export interface ConcernWords extends ReasonWords {
  /** ONE concrete way to help at home, specific to the reason; short enough for a text, GSM-7 letters only */
  help: string;
  /** completes "so that {firstName} …" */
  goal: string;
}

export interface FollowUpWords {
  subject: Variants;
  /** what changed since the heads-up: {assignments} with marks */
  email: Variants;
  /** the same for a text, names only */
  text: Variants;
  student: string;
}

export interface MessageTemplates {
  /** BCP 47 tag the templates are written in */
  language: string;
  /** the language's own name, for the language picker */
  name: string;
  /** locale for lists and numbers (Intl.ListFormat, Intl.NumberFormat) */
  locale: string;
  monthsShort: readonly string[];
  monthsLong: readonly string[];
  /** Sunday first */
  weekdays: readonly string[];
  /** {day} {month} {monthShort} {weekday} */
  shortDate: string;
  longDate: string;
  words: {
    /** an assignment with its due date ({name}, {dueDate}), and without one */
    assignment: string;
    assignmentUndated: string;
    /** how a missing assignment is listed among marks */
    missingItem: string;
    /** the last list entry when more assignments than listed ({count}), by plural category */
    moreItems: MoreItems;
    goingWellItem: string;
    gradeNow: string;
    gradeNowDownFrom: string;
    gradeNowLetter: string;
    /** the teacher introducing themself, with a signature and without one */
    meSigned: string;
    meUnsigned: string;
    defaultSignature: string;
  };
  email: {
    greeting: string;
    /** when the family's guardians are known by name: {guardians} */
    greetingNamed: string;
    signOff: string;
    headsUp: {
      /** what is going well (left out when nothing is): {goingWell} */
      goingWell: Variants;
      nextReport: string;
      help: Variants;
      invitation: Variants;
    };
    positive: { invitation: Variants };
    followUp: {
      opening: Variants;
      /** progress better: the close; same/worse: the next step and the invitation */
      better: Variants;
      notYet: Variants;
    };
  };
  text: {
    opening: Variants;
    moreItems: MoreItems;
    headsUp: { help: Variants; invitation: Variants };
    positive: { close: Variants };
    followUp: { opening: Variants; better: Variants; notYet: Variants };
    /** shown beside a text past two segments: {segments} */
    tooLong: string;
  };
  phone: {
    labels: { opening: string; specifics: string; question: string; nextStep: string };
    opening: Record<'heads-up' | 'positive' | 'follow-up', string>;
    /** heads-up specifics: {marks} lists every assignment with what the gradebook shows */
    shows: string;
    gradeNow: string;
    /** sudden drop: the usual level */
    usual: string;
    goingWell: string;
    nextReport: string;
    question: Record<'heads-up' | 'positive' | 'follow-up', string>;
    nextStep: { headsUp: string; positive: string; better: string; notYet: string };
  };
  /** the student note's frame for wins and the two follow-up directions are in the reason words */
  concerns: Record<ConcernReason, ConcernWords>;
  wins: Record<WinReason, ReasonWords>;
  followUp: Record<Progress, FollowUpWords>;
}
