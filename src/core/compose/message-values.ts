// A proposal's facts as template values, in one language: the student's first name, the assignments
// with their dates and what the gradebook shows, what is going well, the report date, the way to help
// at home… A value is set only when the fact is known, so a template that needs a missing fact cannot
// be filled (see pickFillable).
import { addDays, localIsoDate, nextReportDate } from '../calendar-dates';
import type { Evidence, Proposal } from '../proposal-types';
import type { ConcernReason, ConcernWords, MessageTemplates, MoreItems, Progress, Variants } from '../templates/types';
import type { Family, Settings } from '../types';
import { CONSISTENCY_PERCENT } from '../win-rules';
import { type TemplateValues, fillTemplate, firstName, formatLongDate, formatNumber, formatPercent, formatShortDate, listOf } from './format';

/** At most this many assignments are named in an email or a call; the rest become "N more". */
const LISTED_ASSIGNMENTS = 3;
/** Texts are short: at most this many names. */
const LISTED_IN_TEXT = 2;
/** At most this many guardians are greeted by name. */
const GREETED_GUARDIANS = 2;
/** The teacher promises to check in again this many days after the contact. */
export const CHECK_IN_AFTER_DAYS = 7;

const CONCERNS: readonly string[] = ['missing-work', 'sliding-grade', 'sudden-drop'] satisfies ConcernReason[];
export const isConcernReason = (reason: string): reason is ConcernReason => CONCERNS.includes(reason);

/** Which way a follow-up went ('same' when the proposal does not say). */
export const progressOf = (proposal: Proposal): Progress => proposal.followUp?.progress ?? 'same';

/**
 * The concern whose way to help and goal a draft uses: the proposal's own, or for a follow-up the
 * reason of the heads-up it follows (a grade concern when that was not a concern reason).
 */
export function concernWordsFor(proposal: Proposal, words: MessageTemplates): ConcernWords {
  const reason = proposal.kind === 'follow-up' ? (proposal.followUp?.reason ?? '') : proposal.reason;
  return words.concerns[isConcernReason(reason) ? reason : 'sliding-grade'];
}

/** What the gradebook shows for an assignment: its own text for fractions, percents and letters. */
function shows(evidence: Evidence, words: MessageTemplates): string {
  const raw = evidence.raw.trim();
  if (evidence.percent === undefined || /[/%]/.test(raw) || /^[A-F][+-]?$/i.test(raw)) return raw;
  return `${formatPercent(evidence.percent, words)}%`;
}

function moreItems(templates: MoreItems, count: number, words: MessageTemplates): string {
  const category = new Intl.PluralRules(words.locale).select(count);
  return fillTemplate(category === 'one' ? templates.one : templates.other, { count });
}

function assignmentLabel(evidence: Evidence, words: MessageTemplates): string {
  if (evidence.dueDate === undefined) return fillTemplate(words.words.assignmentUndated, { name: evidence.assignmentName });
  return fillTemplate(words.words.assignment, { name: evidence.assignmentName, dueDate: formatShortDate(evidence.dueDate, words) });
}

/** "A, B, and C": the latest LISTED_ASSIGNMENTS (evidence comes oldest first) with what each shows, then "N more". */
function listAssignments(evidence: readonly Evidence[], itemTemplate: string, words: MessageTemplates): string {
  const items = evidence.slice(-LISTED_ASSIGNMENTS).map((e) => {
    const assignment = assignmentLabel(e, words);
    if (e.missing && itemTemplate.includes('{shows}')) return fillTemplate(words.words.missingItem, { assignment });
    return fillTemplate(itemTemplate, { assignment, name: e.assignmentName, shows: shows(e, words) });
  });
  const more = evidence.length - LISTED_ASSIGNMENTS;
  if (more > 0) items.push(moreItems(words.words.moreItems, more, words));
  return listOf(items, words);
}

/** The latest names only, for texts and the student's note: no marks (phones are shared). */
function listNames(evidence: readonly Evidence[], words: MessageTemplates): string {
  const names = evidence.slice(-LISTED_IN_TEXT).map((e) => e.assignmentName);
  const more = evidence.length - LISTED_IN_TEXT;
  if (more > 0) names.push(moreItems(words.text.moreItems, more, words));
  return listOf(names, words);
}

function itemTemplateFor(proposal: Proposal, words: MessageTemplates): string {
  if (isConcernReason(proposal.reason)) return words.concerns[proposal.reason].item;
  if (proposal.reason === 'follow-up') return words.concerns['sliding-grade'].item;
  return words.wins[proposal.reason].item;
}

/** The report date a draft names: the proposal's, else the calendar's next one after today. */
export function reportDateFor(proposal: Proposal, settings: Settings, now: number): string | undefined {
  return proposal.nextReportDate ?? nextReportDate(settings.calendar, localIsoDate(now));
}

export function messageValues(
  proposal: Proposal,
  settings: Settings,
  now: number,
  words: MessageTemplates,
  family?: Family,
): TemplateValues {
  const values: Record<string, string | number> = {
    firstName: firstName(proposal.studentName),
    sectionName: proposal.sectionName,
    assignments: listAssignments(proposal.evidence, itemTemplateFor(proposal, words), words),
    marks: listAssignments(proposal.evidence, words.concerns['sliding-grade'].item, words),
    names: listNames(proposal.evidence, words),
    count: proposal.evidence.length,
    consistencyPercent: CONSISTENCY_PERCENT,
    checkDate: formatLongDate(addDays(localIsoDate(now), CHECK_IN_AFTER_DAYS), words),
  };
  const signature = settings.signature.trim();
  values.signature = signature || fillTemplate(words.words.defaultSignature, values);
  values.me = fillTemplate(signature ? words.words.meSigned : words.words.meUnsigned, { ...values, signature });
  const concern = concernWordsFor(proposal, words);
  values.goal = fillTemplate(concern.goal, values);
  values.help = fillTemplate(concern.help, values);
  const guardians = (family?.guardians ?? []).map((g) => g.name.trim()).filter(Boolean).slice(0, GREETED_GUARDIANS);
  if (guardians.length > 0) values.guardians = listOf(guardians, words);
  if (proposal.goingWell.length > 0) values.goingWell = listAssignments(proposal.goingWell, words.words.goingWellItem, words);
  const reportDate = reportDateFor(proposal, settings, now);
  if (reportDate !== undefined) values.reportDate = formatLongDate(reportDate, words);
  if (proposal.followUp) values.sentDate = formatShortDate(localIsoDate(proposal.followUp.sentAt), words);
  if (proposal.previousPercent !== undefined) values.previousPercent = formatPercent(proposal.previousPercent, words);
  const percents = proposal.evidence.map((e) => e.percent).filter((p): p is number => p !== undefined);
  if (percents.length > 0) values.recentAverage = formatPercent(percents.reduce((a, b) => a + b, 0) / percents.length, words);
  const current = proposal.current;
  if (current?.percent !== undefined) {
    // The page's own number as it shows it; ours rounded, so we never claim more precision than the page.
    values.currentPercent = current.source === 'page' ? formatNumber(current.percent, words) : formatPercent(current.percent, words);
    const template = proposal.previousPercent === undefined ? words.words.gradeNow : words.words.gradeNowDownFrom;
    values.gradeNow = fillTemplate(template, values);
  } else if (current?.letter !== undefined) {
    values.gradeNow = fillTemplate(words.words.gradeNowLetter, { currentLetter: current.letter });
  }
  return values;
}

const fillable = (text: string, values: TemplateValues) =>
  [...text.matchAll(/\{(\w+)\}/g)].every((m) => values[m[1]!] !== undefined);

/**
 * The variant numbered `variant` (modulo the count), or the next one whose facts are all known: a
 * sliding grade without a grade on the page is worded without it rather than not drafted.
 */
export function pickFillable(variants: Variants, variant: number, values: TemplateValues): string {
  const n = variants.length;
  const start = ((variant % n) + n) % n;
  for (let i = 0; i < n; i++) {
    const text = variants[(start + i) % n]!;
    if (fillable(text, values)) return fillTemplate(text, values);
  }
  // None can be filled: a template file lacks a variant for this case. Fill the chosen one to throw.
  return fillTemplate(variants[start]!, values);
}
