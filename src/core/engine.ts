// The engine: every student's record → at most one concern and one win per student and section, each
// with its evidence, held back by cadence, ranked by urgency. Pure: time comes in as `now` (epoch ms).
//
// Rules (see concern-rules.ts and win-rules.ts for each rule's trigger and severity):
// - concerns: missing-work, sliding-grade, sudden-drop. One per student and section: the most severe
//   (ties: missing-work, sudden-drop, sliding-grade). Sliding-grade and sudden-drop are the same kind of
//   fact (low scores), so the chosen one also carries the other's assignments; missing work stays its own.
//   Exception: a sliding grade whose scored work alone is at or above `lowGrade` is low because of
//   missing zeros; that is raised as missing-work (turning the work in is the concrete step), with the
//   grade concern's severity when that is higher.
// - wins: made-up-work, improvement, consistency. One per student and section, never bundled with a concern.
// - trend rules need MIN_WORK_FOR_TRENDS counted cells; missing-work and made-up-work rest on named facts.
// - cadence: a concern is held back when a contact with the same reason was logged within `cadenceDays`,
//   unless its severity is now at least CLEARLY_WORSE above the logged one; a win is held back by any
//   positive contact within `cadenceDays`.
import {
  addDays,
  daysBetween,
  isoDateFromParts,
  localIsoDate,
  nextReportDate,
  parseIsoDate,
  weekdayOf,
} from './calendar-dates';
import { goingWell, missingWork, slidingGrade, suddenDrop } from './concern-rules';
import type { Proposal, ProposalReason, StudentHistory } from './proposal-types';
import { type RuleFinding, type StudentRecord, daysAgo, readStudentRecord } from './student-record';
import type { Settings } from './types';
import { consistency, improvement, madeUpWork } from './win-rules';

/** In rule order: earlier wins ties. */
const CONCERN_RULES = [missingWork, suddenDrop, slidingGrade];
const WIN_RULES = [madeUpWork, improvement, consistency];
/** Concerns whose evidence is the same kind of fact (low scores) and may be folded together. */
const LOW_SCORE_REASONS: readonly ProposalReason[] = ['sliding-grade', 'sudden-drop'];
/** How much higher a severity must be than the logged one to count as "it got worse". */
export const CLEARLY_WORSE = 0.1;
/** Wins rank by severity, below a concern of equal severity. */
const WIN_URGENCY_FACTOR = 0.9;

/** Contact proposals for all students, most urgent first. */
export function proposeContacts(histories: StudentHistory[], settings: Settings, now: number): Proposal[] {
  const today = localIsoDate(now);
  const reportDate = nextReportDate(settings.calendar, today);
  const daysToReport = reportDate === undefined ? undefined : daysBetween(today, reportDate);
  const proposals: Proposal[] = [];
  for (const history of histories) {
    const record = readStudentRecord(history, settings.thresholds, now);
    const { cadenceDays } = settings.thresholds;
    const concern = chooseConcern(record);
    if (concern && !concernHeldBack(record, concern, cadenceDays)) {
      proposals.push(toProposal(record, concern, 'heads-up', reportDate, daysToReport));
    }
    const win = strongest(WIN_RULES.map((rule) => rule(record)));
    if (win && !winHeldBack(record, cadenceDays)) {
      proposals.push(toProposal(record, win, 'positive', reportDate, daysToReport));
    }
  }
  return proposals.sort(
    (a, b) =>
      b.urgency - a.urgency ||
      (a.kind === b.kind ? 0 : a.kind === 'heads-up' ? -1 : 1) ||
      a.studentName.localeCompare(b.studentName) ||
      a.reason.localeCompare(b.reason),
  );
}

function strongest(findings: (RuleFinding | undefined)[]): RuleFinding | undefined {
  let best: RuleFinding | undefined;
  for (const finding of findings) if (finding && (!best || finding.severity > best.severity)) best = finding;
  return best;
}

function chooseConcern(record: StudentRecord): RuleFinding | undefined {
  const findings = CONCERN_RULES.map((rule) => rule(record));
  const chosen = strongest(findings);
  if (!chosen || !LOW_SCORE_REASONS.includes(chosen.reason)) return chosen;
  const missing = findings.find((f) => f?.reason === 'missing-work');
  if (chosen.reason === 'sliding-grade' && missing && (record.scoredOnlyPercent ?? 0) >= record.thresholds.lowGrade) {
    return { ...missing, severity: chosen.severity };
  }
  const order = new Map(record.work.map((w, i) => [w.assignment.id, i]));
  const evidence = new Map(chosen.evidence.map((e) => [e.assignmentId, e]));
  for (const other of findings) {
    if (!other || other === chosen || !LOW_SCORE_REASONS.includes(other.reason)) continue;
    for (const e of other.evidence) if (!evidence.has(e.assignmentId)) evidence.set(e.assignmentId, e);
  }
  const merged = [...evidence.values()].sort(
    (a, b) => (order.get(a.assignmentId) ?? 0) - (order.get(b.assignmentId) ?? 0),
  );
  return { ...chosen, evidence: merged };
}

const withinCadence = (record: StudentRecord, sentAt: number, cadenceDays: number) =>
  daysAgo(record, sentAt) < cadenceDays;

function concernHeldBack(record: StudentRecord, concern: RuleFinding, cadenceDays: number): boolean {
  return record.history.contacts.some(
    (c) =>
      c.reason === concern.reason &&
      withinCadence(record, c.sentAt, cadenceDays) &&
      concern.severity < c.severity + CLEARLY_WORSE,
  );
}

function winHeldBack(record: StudentRecord, cadenceDays: number): boolean {
  return record.history.contacts.some((c) => c.kind === 'positive' && withinCadence(record, c.sentAt, cadenceDays));
}

/**
 * Urgency of a concern = severity × (1 + 1 / (1 + weeksToReport)): twice the severity when the report
 * goes home this week, 1.5× a week out, approaching 1× far ahead (early concerns are still proposed).
 * With no report date left, urgency = severity. A win's urgency = 0.9 × severity.
 */
export function urgencyOf(kind: Proposal['kind'], severity: number, daysToReport: number | undefined): number {
  if (kind === 'positive') return WIN_URGENCY_FACTOR * severity;
  if (daysToReport === undefined) return severity;
  return severity * (1 + 1 / (1 + Math.max(0, daysToReport) / 7));
}

function toProposal(
  record: StudentRecord,
  finding: RuleFinding,
  kind: Proposal['kind'],
  reportDate: string | undefined,
  daysToReport: number | undefined,
): Proposal {
  const { student, section } = record.history;
  const proposal: Proposal = {
    id: `${student.id}|${section.id}|${finding.reason}`,
    kind,
    reason: finding.reason,
    studentId: student.id,
    studentName: student.name,
    sectionId: section.id,
    sectionName: section.name,
    severity: finding.severity,
    urgency: urgencyOf(kind, finding.severity, daysToReport),
    evidence: finding.evidence,
    goingWell: kind === 'heads-up' ? goingWell(record, finding.evidence) : [],
  };
  if (record.current) proposal.current = record.current;
  if (finding.previousPercent !== undefined) proposal.previousPercent = finding.previousPercent;
  if (reportDate !== undefined) proposal.nextReportDate = reportDate;
  if (daysToReport !== undefined) proposal.daysToReport = daysToReport;
  return proposal;
}

/** The Friday closest to a day of a month (schools send reports home at the end of a week). */
function fridayNear(year: number, month: number, day: number): string {
  const date = isoDateFromParts(year, month, day);
  let offset = 5 - weekdayOf(date);
  if (offset > 3) offset -= 7;
  if (offset < -3) offset += 7;
  return addDays(date, offset);
}

/**
 * A typical US calendar for the school year containing `today`, for the teacher to adjust.
 * Fall term: mid-August to mid-January; progress reports mid-September and mid-November, quarters end
 * mid-October and mid-January. Spring term: from the Monday after to early June; progress reports
 * mid-February and mid-April, the quarter ends mid-March. Report dates are moved to the nearest Friday.
 * From July on, the coming fall term; through the first half of January, the fall term still running.
 */
export function defaultSettings(today: string): Settings {
  const date = parseIsoDate(today);
  if (!date) throw new Error(`defaultSettings needs an ISO date, got ${JSON.stringify(today)}`);
  const fallOf = (year: number) => {
    const termEnd = fridayNear(year + 1, 1, 15);
    return {
      termStart: isoDateFromParts(year, 8, 15),
      reportDates: [fridayNear(year, 9, 15), fridayNear(year, 10, 15), fridayNear(year, 11, 15), termEnd],
      termEnd,
    };
  };
  let calendar = fallOf(date.month >= 7 ? date.year : date.year - 1);
  if (date.month < 7 && today > calendar.termEnd) {
    const termEnd = fridayNear(date.year, 6, 5);
    calendar = {
      termStart: addDays(calendar.termEnd, 3),
      reportDates: [fridayNear(date.year, 2, 15), fridayNear(date.year, 3, 15), fridayNear(date.year, 4, 15), termEnd],
      termEnd,
    };
  }
  return {
    calendar,
    thresholds: { lowGrade: 70, missingCount: 2, dropPoints: 10, cadenceDays: 7 },
    signature: '',
  };
}
