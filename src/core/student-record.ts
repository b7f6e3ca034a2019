// One student's record in one section as the engine's rules see it at a moment `now`: the counted work in
// due order, the current grade, where the grade is heading, and the evidence a rule hands back. Built
// once per student, read by every rule and signal.
import { DAY_MS, addDays, localIsoDate, nextReportDate } from './calendar-dates';
import { type CountedWork, countedWorkInDueOrder, currentGradeFrom, runningGrades } from './grade-calc';
import { projectGradeAtReportDate } from './grade-projection';
import type { CurrentGrade, Evidence, FollowUpOf, GradeProjection, ProposalReason, StudentHistory } from './proposal-types';
import type { SchoolCalendar, Settings, Thresholds } from './types';

/** "The last few weeks" for slides, drops and what is going well. */
export const RECENT_DAYS = 28;
/** Fewer counted cells than this is too little to speak of a trend ("don't propose from nothing"). */
export const MIN_WORK_FOR_TRENDS = 3;

export interface StudentRecord {
  /** the history as known at `now`: later overall grades and contacts are left out; of the events, only
   * the `missing-cleared` ones up to `now` are kept (the only ones a rule reads) */
  history: StudentHistory;
  now: number;
  /** `now` as a local calendar date */
  today: string;
  /** first date of the recent window */
  recentFrom: string;
  /** counted work (graded or missing), oldest first */
  work: CountedWork[];
  /** counted work with a score: not missing, percent known */
  scored: ScoredWork[];
  /** the running computed grade after each piece of work */
  running: { work: CountedWork; percent: number }[];
  current?: CurrentGrade;
  /** the grade compared with thresholds: the current grade's percent, else the computed one */
  gradePercent?: number;
  /** the computed grade over scored work only, leaving missing work out (what the grade would be without it) */
  scoredOnlyPercent?: number;
  /** the next report date (or the term's end) on or after today, ISO */
  reportDate?: string;
  /** the running grade projected to `reportDate` */
  projection?: GradeProjection;
  calendar: SchoolCalendar;
  thresholds: Thresholds;
}

export type ScoredWork = CountedWork & { percent: number };

/** What one rule found: a reason with its severity (0–1) and the assignments behind it. */
export interface RuleFinding {
  reason: ProposalReason;
  severity: number;
  evidence: Evidence[];
  /** the comparison point, percent (see Proposal.previousPercent) */
  previousPercent?: number;
  /** set when the finding rests on the projected grade */
  projection?: GradeProjection;
  /** follow-ups: the heads-up followed up and the direction since */
  followUp?: FollowUpOf;
}

export function readStudentRecord(history: StudentHistory, settings: Settings, now: number): StudentRecord {
  // The rules read only `missing-cleared` events, so only those are kept: a year of history holds
  // hundreds of events per student, and copying them all was most of the engine's time.
  const missingCleared: StudentHistory['events'] = [];
  for (const e of history.events) if (e.kind === 'missing-cleared' && e.observedAt <= now) missingCleared.push(e);
  const asOfNow: StudentHistory = {
    ...history,
    events: missingCleared,
    overall: history.overall.filter((o) => o.observedAt <= now),
    contacts: history.contacts.filter((c) => c.sentAt <= now),
  };
  const today = localIsoDate(now);
  const work = countedWorkInDueOrder(asOfNow);
  const running = runningGrades(work, history.categoryWeights);
  const computed = running[running.length - 1]?.percent;
  const current = currentGradeFrom(asOfNow, computed);
  const record: StudentRecord = {
    history: asOfNow,
    now,
    today,
    recentFrom: addDays(today, -RECENT_DAYS),
    work,
    scored: work.filter((w): w is ScoredWork => !w.missing && w.percent !== undefined),
    running,
    calendar: settings.calendar,
    thresholds: settings.thresholds,
  };
  if (current) record.current = current;
  const gradePercent = current?.percent ?? computed;
  if (gradePercent !== undefined) record.gradePercent = gradePercent;
  const scoredOnly = runningGrades(work.filter((w) => !w.missing), history.categoryWeights);
  const scoredOnlyPercent = scoredOnly[scoredOnly.length - 1]?.percent;
  if (scoredOnlyPercent !== undefined) record.scoredOnlyPercent = scoredOnlyPercent;
  const reportDate = nextReportDate(settings.calendar, today);
  if (reportDate !== undefined) {
    record.reportDate = reportDate;
    // Each point weighs the points possible behind it (at least 1): a grade resting on more work moves less.
    let behind = 0;
    const points = running.map((point) => {
      behind += point.work.possible;
      return { date: point.work.date, percent: point.percent, weight: Math.max(1, behind) };
    });
    const projection = projectGradeAtReportDate(points, reportDate);
    if (projection) record.projection = projection;
  }
  return record;
}

export const hasEnoughForTrends = (record: StudentRecord) => record.work.length >= MIN_WORK_FOR_TRENDS;

/** The evidence line for one piece of work: what the gradebook shows for it. */
export function evidenceOf(work: CountedWork): Evidence {
  const { assignment, cell } = work;
  const evidence: Evidence = { assignmentId: assignment.id, assignmentName: assignment.name, raw: cell.raw };
  if (assignment.dueDate !== undefined) evidence.dueDate = assignment.dueDate;
  const percent = work.missing ? cell.score.percent : work.percent;
  if (percent !== undefined) evidence.percent = percent;
  if (work.missing) evidence.missing = true;
  if (cell.score.flags.late) evidence.late = true;
  return evidence;
}

export const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;
export const clamp01 = (value: number) => Math.min(1, Math.max(0, value));
export const isRecent = (record: StudentRecord, date: string) => date >= record.recentFrom;
export const daysAgo = (record: StudentRecord, moment: number) => (record.now - moment) / DAY_MS;
