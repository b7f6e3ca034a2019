// Proposal → a draft for the teacher to edit, in the family's channel and language. The words live in
// templates/ (one file per language); compose/ fills in the facts and lays them out per channel. This
// file picks the language and the channel, and adds what every draft carries: the note for the student
// and whether a call would be better than a written message.
import type { Draft, Proposal } from './proposal-types';
import { renderEmail, renderPhone, renderStudentNote, renderText } from './compose/channels';
import { plainForSms } from './sms';
import { fillTemplate } from './compose/format';
import { messageValues, progressOf } from './compose/message-values';
import { smsSummary } from './sms';
import { templatesFor } from './templates/index';
import { applyOverrides } from './templates/overrides';
import type { Channel, Family, Settings } from './types';

export { fillTemplate, firstName, formatLongDate, formatShortDate, type TemplateValues } from './compose/format';
export { availableLanguages } from './templates/index';

export interface ComposeOptions {
  channel: Channel;
  /** BCP 47 tag; a language without templates falls back to English (Draft.languageSupported = false) */
  language: string;
  /** picks between the templates' wordings, so that messages do not all read alike; any integer */
  variant?: number;
  /** the student's family: guardians are greeted by name when known */
  family?: Family;
  /** the teacher's own wording for this language, by template path (see templates/overrides.ts) */
  overrides?: Readonly<Record<string, string>>;
}

/** A heads-up at or above this severity is serious enough that a call is suggested over a written message. */
export const CALL_SEVERITY = 0.75;

/**
 * Whether to suggest a call instead of (or before) a written message — texts and emails are easily
 * misread when it is serious (communication principle 5). A call is suggested for a heads-up of
 * severity ≥ CALL_SEVERITY, and for a follow-up where things did not get better: a message already went
 * home for this reason and nothing improved. (The proposal does not say which channel that message went
 * by, so any written or spoken heads-up counts.) Never for good news.
 */
export function suggestCall(proposal: Proposal): boolean {
  if (proposal.kind === 'heads-up') return proposal.severity >= CALL_SEVERITY;
  if (proposal.kind === 'follow-up') return progressOf(proposal) !== 'better' || proposal.severity >= CALL_SEVERITY;
  return false;
}

/**
 * The draft for a proposal in one channel and language. Pure: `now` (epoch ms) dates the report and the
 * promised check-in. See compose/channels.ts for each channel's layout.
 */
export function composeDraft(proposal: Proposal, settings: Settings, now: number, options: ComposeOptions): Draft {
  const { templates: defaults, supported } = templatesFor(options.language);
  const words = applyOverrides(defaults, options.overrides);
  const variant = options.variant ?? 0;
  const values = messageValues(proposal, settings, now, words, options.family);
  const common = {
    proposalId: proposal.id,
    channel: options.channel,
    language: words.language,
    languageSupported: supported,
    studentNote: renderStudentNote(proposal, words, values),
    suggestCall: suggestCall(proposal),
  };
  if (options.channel === 'email') return { ...common, ...renderEmail(proposal, words, values, variant) };
  if (options.channel === 'phone') return { ...common, ...renderPhone(proposal, words, values, variant) };
  // Names from the gradebook (a section called "English 9 — Period 1") may hold typography a phone
  // would send as UCS-2, cutting a segment from 160 to 70 characters; plain equivalents read the same.
  const body = plainForSms(renderText(proposal, words, values, variant));
  return { ...common, body, sms: smsSummary(body, (count) => fillTemplate(words.text.tooLong, { segments: count.segments })) };
}
