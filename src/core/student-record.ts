// One student's record in one section as the engine's rules see it at a moment `now`: the counted work in
// due order, the current grade, and the evidence a rule hands back. Built once, read by every rule.
import { DAY_MS, addDays, localIsoDate } from './calendar-dates';
import { type CountedWork, countedWorkInDueOrder, currentGrade, runningGrades } from './grade-calc';
import type { CurrentGrade, Evidence, ProposalReason, StudentHistory } from './proposal-types';
import type { Thresholds } from './types';

/** "The last few weeks" for slides, drops and what is going well. */
export const RECENT_DAYS = 28;
/** Fewer counted cells than this is too little to speak of a trend ("don't propose from nothing"). */
export const MIN_WORK_FOR_TRENDS = 3;

export interface StudentRecord {
  /** the history as known at `now`: later events, overall grades and contacts are left out */
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
}

export function readStudentRecord(history: StudentHistory, thresholds: Thresholds, now: number): StudentRecord {
  const asOfNow: StudentHistory = {
    ...history,
    events: history.events.filter((e) => e.observedAt <= now),
    overall: history.overall.filter((o) => o.observedAt <= now),
    contacts: history.contacts.filter((c) => c.sentAt <= now),
  };
  const today = localIsoDate(now);
  const work = countedWorkInDueOrder(asOfNow);
  const running = runningGrades(work);
  const current = currentGrade(asOfNow);
  const record: StudentRecord = {
    history: asOfNow,
    now,
    today,
    recentFrom: addDays(today, -RECENT_DAYS),
    work,
    scored: work.filter((w): w is ScoredWork => !w.missing && w.percent !== undefined),
    running,
    thresholds,
  };
  if (current) record.current = current;
  const gradePercent = current?.percent ?? running[running.length - 1]?.percent;
  if (gradePercent !== undefined) record.gradePercent = gradePercent;
  const scoredOnly = runningGrades(work.filter((w) => !w.missing));
  const scoredOnlyPercent = scoredOnly[scoredOnly.length - 1]?.percent;
  if (scoredOnlyPercent !== undefined) record.scoredOnlyPercent = scoredOnlyPercent;
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
