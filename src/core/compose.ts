// Proposal → a drafted email for the teacher to edit. The words live in templates/en.ts; this file only
// picks the pieces, fills in the facts (assignments, dates, grades) and leaves out what does not apply.
import { localIsoDate, nextReportDate, parseIsoDate, weekdayOf } from './calendar-dates';
import type { Draft, Evidence, Proposal } from './proposal-types';
import { CONSISTENCY_PERCENT } from './win-rules';
import { type MessageTemplates, en } from './templates/en';
import type { Settings } from './types';

/** At most this many assignments are named in one sentence; the rest become "N more". */
const LISTED_ASSIGNMENTS = 3;

export type TemplateValues = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a placeholder without a value is a programming error and throws. */
export function fillTemplate(text: string, values: TemplateValues): string {
  return text.replace(/\{(\w+)\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`template placeholder {${key}} has no value in: ${text}`);
    return String(value);
  });
}

/** The first name from "Last, First [Middle]" or "First [Middle] Last". */
export function firstName(name: string): string {
  const clean = name.trim().replace(/\s+/g, ' ');
  const comma = clean.indexOf(',');
  const given = comma === -1 ? clean : clean.slice(comma + 1).trim();
  return given.split(' ')[0] || clean;
}

/** "Oct 30" from `2025-10-30`. */
export function formatShortDate(iso: string, words: MessageTemplates = en): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${words.monthsShort[date.month - 1]} ${date.day}`;
}

/** "Friday, December 18" from `2026-12-18`. */
export function formatLongDate(iso: string, words: MessageTemplates = en): string {
  const date = parseIsoDate(iso);
  if (!date) return iso;
  return `${words.weekdays[weekdayOf(iso)]}, ${words.monthsLong[date.month - 1]} ${date.day}`;
}

const formatPercent = (percent: number) => String(Math.round(percent));

/** What the gradebook shows for an assignment: its own text for fractions, percents and letters. */
function shows(evidence: Evidence): string {
  const raw = evidence.raw.trim();
  if (evidence.percent === undefined || /[/%]/.test(raw) || /^[A-F][+-]?$/i.test(raw)) return raw;
  return `${formatPercent(evidence.percent)}%`;
}

function assignmentLabel(evidence: Evidence, words: MessageTemplates): string {
  if (evidence.dueDate === undefined) return fillTemplate(words.assignmentUndated, { name: evidence.assignmentName });
  return fillTemplate(words.assignment, { name: evidence.assignmentName, dueDate: formatShortDate(evidence.dueDate, words) });
}

/** "A, B, and C": the latest LISTED_ASSIGNMENTS (evidence comes oldest first), then "N more". */
function listAssignments(evidence: readonly Evidence[], itemTemplate: string, words: MessageTemplates): string {
  const items = evidence.slice(-LISTED_ASSIGNMENTS).map((e) => {
    const assignment = assignmentLabel(e, words);
    if (e.missing && itemTemplate.includes('{shows}')) return fillTemplate(words.missingItem, { assignment });
    return fillTemplate(itemTemplate, { assignment, name: e.assignmentName, shows: shows(e) });
  });
  const more = evidence.length - LISTED_ASSIGNMENTS;
  if (more > 0) items.push(fillTemplate(words.moreItems, { count: more }));
  return new Intl.ListFormat('en', { style: 'long', type: 'conjunction' }).format(items);
}

function valuesFor(proposal: Proposal, settings: Settings, reportDate: string | undefined, words: MessageTemplates) {
  const reason = words.reasons[proposal.reason];
  const values: Record<string, string | number> = {
    firstName: firstName(proposal.studentName),
    sectionName: proposal.sectionName,
    assignments: listAssignments(proposal.evidence, reason.item, words),
    count: proposal.evidence.length,
    consistencyPercent: CONSISTENCY_PERCENT,
    signature: settings.signature.trim() || words.defaultSignature,
  };
  if (reason.goal !== undefined) values.goal = reason.goal;
  if (proposal.goingWell.length > 0) values.goingWell = listAssignments(proposal.goingWell, words.goingWellItem, words);
  if (reportDate !== undefined) values.reportDate = formatLongDate(reportDate, words);
  if (proposal.previousPercent !== undefined) values.previousPercent = formatPercent(proposal.previousPercent);
  const percents = proposal.evidence.map((e) => e.percent).filter((p): p is number => p !== undefined);
  if (percents.length > 0) values.recentAverage = formatPercent(percents.reduce((a, b) => a + b, 0) / percents.length);
  const current = proposal.current;
  if (current?.percent !== undefined) {
    // The page's own number as it shows it; ours rounded, so we never claim more precision than the page.
    values.currentPercent = current.source === 'page' ? String(current.percent) : formatPercent(current.percent);
    values.gradeNow = fillTemplate(
      proposal.previousPercent === undefined ? words.gradeNow : words.gradeNowDownFrom,
      values,
    );
  } else if (current?.letter !== undefined) {
    values.gradeNow = fillTemplate(words.gradeNowLetter, { currentLetter: current.letter });
  }
  return values;
}

/**
 * The draft for a proposal. Concerns: greeting; what the gradebook shows; what is going well (only when
 * something is); the next report date; one way to help at home; the invitation to work together; the
 * signature. Wins: greeting; the good news with its assignments; thanks and the invitation; the signature.
 * `variant` picks between the two wordings of the subject and the opening.
 */
export function composeDraft(proposal: Proposal, settings: Settings, now: number, variant = 0): Draft {
  const words = en;
  const reason = words.reasons[proposal.reason];
  const pick = ((variant % 2) + 2) % 2;
  const reportDate = proposal.nextReportDate ?? nextReportDate(settings.calendar, localIsoDate(now));
  const values = valuesFor(proposal, settings, reportDate, words);
  const fill = (text: string) => fillTemplate(text, values);
  const paragraphs: string[] = [fill(words.greeting)];
  if (proposal.kind === 'heads-up') {
    const facts = [fill(reason.body[pick]!)];
    if (proposal.goingWell.length > 0) {
      facts.push(fill(words.goingWell));
    }
    paragraphs.push(facts.join(' '));
    const help = reportDate === undefined ? [] : [fill(words.nextReport)];
    if (reason.helpAtHome !== undefined) help.push(fill(reason.helpAtHome));
    if (help.length > 0) paragraphs.push(help.join(' '));
    paragraphs.push(fill(words.invitation));
  } else {
    paragraphs.push(fill(reason.body[pick]!), fill(words.positiveInvitation));
  }
  paragraphs.push(fill(words.signOff));
  return {
    proposalId: proposal.id,
    channel: 'email',
    language: 'en',
    subject: fill(reason.subject[pick]!),
    body: paragraphs.join('\n\n'),
  };
}
