// The engine: every student's record → at most one proposal of each kind per student and section, each
// with its evidence, held back by cadence, ranked by urgency. Pure: time comes in as `now` (epoch ms).
//
// Rules (see concern-rules.ts, win-rules.ts and follow-up-rules.ts for each rule's trigger and severity):
// - concerns: missing-work, sliding-grade (low, falling, or projected under the line at the next report
//   date), sudden-drop. One per student and section: the most severe (ties: missing-work, sudden-drop,
//   sliding-grade). Sliding-grade and sudden-drop are the same kind of fact (low scores), so the chosen one
//   also carries the other's assignments; missing work stays its own.
//   Exception: a sliding grade whose scored work alone is at or above `lowGrade` is low because of
//   missing zeros; that is raised as missing-work (turning the work in is the concrete step), with the
//   grade concern's severity when that is higher.
// - follow-up: a week to three weeks after a logged heads-up, once new work is in; it reports progress
//   (better, same or worse) and takes the place of both the concern and any win for that student.
// - wins: made-up-work, improvement, personal-best, work-complete, consistency. One per student and
//   section, and only while no concern is open for the student: good news is never bundled with, or sent
//   alongside, a concern (communication principle 2). A family with no positive contact this term gets a
//   lower bar (see WinBar), still resting on named assignments.
// - trend rules need MIN_WORK_FOR_TRENDS counted cells (a grade clearly under the line even at the top of
//   its projection band is raised earlier); missing-work and made-up-work rest on named facts.
// - cadence: a concern is held back when a contact with the same reason was logged within `cadenceDays`,
//   unless its severity is now at least CLEARLY_WORSE above the logged one; a win is held back by any
//   positive contact within `cadenceDays`.
import { daysBetween, localIsoDate, nextReportDate } from './calendar-dates';
import { goingWell, missingWork, slidingGrade, suddenDrop } from './concern-rules';
import { followUpDue } from './follow-up-rules';
import type { Proposal, ProposalReason, StudentHistory } from './proposal-types';
import { type RuleFinding, type StudentRecord, daysAgo, readStudentRecord } from './student-record';
import type { SchoolCalendar, Settings } from './types';
import { type WinBar, consistency, improvement, madeUpWork, personalBest, workComplete } from './win-rules';

/** The starting settings live in their own module (see there); the engine's tests reach them here too. */
export { defaultSettings } from './default-settings';

/** In rule order: earlier wins ties. */
const CONCERN_RULES = [missingWork, suddenDrop, slidingGrade];
const WIN_RULES: ((record: StudentRecord, bar: WinBar) => RuleFinding | undefined)[] = [
  madeUpWork,
  improvement,
  personalBest,
  workComplete,
  consistency,
];
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
    const record = readStudentRecord(history, settings, now);
    for (const [finding, kind] of proposalsFor(record)) {
      proposals.push(toProposal(record, finding, kind, reportDate, daysToReport));
    }
  }
  return proposals.sort(compareProposals);
}

/** Most urgent first; ties by kind (heads-ups first), then name, reason and ids, so the order is stable. */
export function compareProposals(a: Proposal, b: Proposal): number {
  return (
    b.urgency - a.urgency ||
    (a.kind === b.kind ? 0 : a.kind === 'heads-up' ? -1 : b.kind === 'heads-up' ? 1 : a.kind.localeCompare(b.kind)) ||
    a.studentName.localeCompare(b.studentName) ||
    a.reason.localeCompare(b.reason) ||
    a.studentId.localeCompare(b.studentId) ||
    a.sectionId.localeCompare(b.sectionId)
  );
}

/**
 * Proposals when some sections keep their own calendar (a semester class beside year-long ones, say):
 * each such section's students are judged against its own report dates, the others against the default.
 */
export function proposeContactsBySection(
  histories: StudentHistory[],
  settings: Settings,
  now: number,
  sectionCalendars: ReadonlyMap<string, SchoolCalendar>,
): Proposal[] {
  if (sectionCalendars.size === 0) return proposeContacts(histories, settings, now);
  const groups = new Map<string, StudentHistory[]>();
  for (const history of histories) {
    const key = sectionCalendars.has(history.section.id) ? history.section.id : '';
    const group = groups.get(key);
    if (group) group.push(history);
    else groups.set(key, [history]);
  }
  const proposals: Proposal[] = [];
  for (const [sectionId, group] of groups) {
    const calendar = sectionId ? sectionCalendars.get(sectionId)! : settings.calendar;
    proposals.push(...proposeContacts(group, { ...settings, calendar }, now));
  }
  return proposals.sort(compareProposals);
}

/** One student's proposals: a follow-up alone, or a concern, or a win (see the rules above). */
function proposalsFor(record: StudentRecord): [RuleFinding, Proposal['kind']][] {
  const { cadenceDays } = record.thresholds;
  const concern = chooseConcern(record);
  const followUp = followUpDue(record, concern);
  if (followUp) return [[followUp, 'follow-up']];
  if (concern) return concernHeldBack(record, concern, cadenceDays) ? [] : [[concern, 'heads-up']];
  if (winHeldBack(record, cadenceDays)) return [];
  const bar: WinBar = { noGoodNewsYet: noGoodNewsThisTerm(record) };
  const win = strongest(WIN_RULES.map((rule) => rule(record, bar)));
  return win ? [[win, 'positive']] : [];
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

/** No positive contact logged since the term began (contacts are local moments; the term start a date). */
function noGoodNewsThisTerm(record: StudentRecord): boolean {
  const { termStart } = record.calendar;
  return !record.history.contacts.some((c) => c.kind === 'positive' && localIsoDate(c.sentAt) >= termStart);
}

/**
 * Urgency of a concern = severity × (1 + 1 / (1 + weeksToReport)): twice the severity when the report
 * goes home this week, 1.5× a week out, approaching 1× far ahead (early concerns are still proposed).
 * With no report date left, urgency = severity. A follow-up's urgency is its severity; a win's 0.9 × severity.
 */
export function urgencyOf(kind: Proposal['kind'], severity: number, daysToReport: number | undefined): number {
  if (kind === 'positive') return WIN_URGENCY_FACTOR * severity;
  if (kind === 'follow-up' || daysToReport === undefined) return severity;
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
  const projection = finding.projection ?? (kind === 'follow-up' ? record.projection : undefined);
  if (projection) proposal.projection = projection;
  if (finding.followUp) proposal.followUp = finding.followUp;
  return proposal;
}
