// One proposal, three channels. Each renderer lays out the same facts for its channel:
// - email: greeting; what the gradebook shows; what is going well (concerns, only when something is);
//   the report date and one way to help at home; the invitation to work together; the signature.
// - text: short and plain, names the work but never the marks (phones are shared); no greeting lines.
// - phone: talking points — opening, the specifics, the question to ask, the next step to agree on.
// Follow-ups have their own layout: what changed since the heads-up, then either thanks (better) or a
// call and a plan (same or worse). Wins never carry a concern, and concerns never open with praise.
import type { Proposal, TalkingPoints } from '../proposal-types';
import type { MessageTemplates, ReasonWords, FollowUpWords, Variants } from '../templates/types';
import { type TemplateValues, fillTemplate } from './format';
import { isConcernReason, pickFillable, progressOf } from './message-values';

type Words = ReasonWords | FollowUpWords;

/** The words for a proposal's reason (follow-ups: for the direction things moved). */
export function reasonWords(proposal: Proposal, words: MessageTemplates): Words {
  if (proposal.kind === 'follow-up' || proposal.reason === 'follow-up') return words.followUp[progressOf(proposal)];
  if (isConcernReason(proposal.reason)) return words.concerns[proposal.reason];
  return words.wins[proposal.reason];
}

const sentences = (...parts: (string | undefined)[]) => parts.filter((p): p is string => !!p).join(' ');

export function renderEmail(proposal: Proposal, words: MessageTemplates, values: TemplateValues, variant: number) {
  const pick = (variants: Variants) => pickFillable(variants, variant, values);
  const fill = (text: string) => fillTemplate(text, values);
  const reason = reasonWords(proposal, words);
  const email = words.email;
  const paragraphs = [fill(values.guardians === undefined ? email.greeting : email.greetingNamed)];
  const goingWell = values.goingWell === undefined ? undefined : pick(email.headsUp.goingWell);
  const report = values.reportDate === undefined ? undefined : fill(email.headsUp.nextReport);
  if (proposal.kind === 'heads-up') {
    paragraphs.push(
      sentences(pick(reason.email), goingWell),
      sentences(report, pick(email.headsUp.help)),
      pick(email.headsUp.invitation),
    );
  } else if (proposal.kind === 'follow-up') {
    const better = progressOf(proposal) === 'better';
    paragraphs.push(sentences(pick(email.followUp.opening), pick(reason.email), better ? undefined : goingWell));
    paragraphs.push(better ? pick(email.followUp.better) : sentences(report, pick(email.followUp.notYet)));
  } else {
    paragraphs.push(pick(reason.email), pick(email.positive.invitation));
  }
  paragraphs.push(fill(email.signOff));
  return { subject: pick(reason.subject), body: paragraphs.join('\n\n') };
}

export function renderText(proposal: Proposal, words: MessageTemplates, values: TemplateValues, variant: number): string {
  const pick = (variants: Variants) => pickFillable(variants, variant, values);
  const reason = reasonWords(proposal, words);
  const text = words.text;
  const opening = pick(text.opening);
  if (proposal.kind === 'heads-up') {
    return sentences(opening, pick(reason.text), pick(text.headsUp.help), pick(text.headsUp.invitation));
  }
  if (proposal.kind === 'follow-up') {
    const close = progressOf(proposal) === 'better' ? text.followUp.better : text.followUp.notYet;
    return sentences(opening, pick(text.followUp.opening), pick(reason.text), pick(close));
  }
  return sentences(opening, pick(reason.text), pick(text.positive.close));
}

export function renderPhone(
  proposal: Proposal,
  words: MessageTemplates,
  values: TemplateValues,
  variant: number,
): { talkingPoints: TalkingPoints; body: string } {
  const pick = (variants: Variants) => pickFillable(variants, variant, values);
  const fill = (text: string) => fillTemplate(text, values);
  const phone = words.phone;
  const reason = reasonWords(proposal, words);
  const concern = proposal.kind === 'heads-up' || (proposal.kind === 'follow-up' && progressOf(proposal) !== 'better');
  // A heads-up's facts as plain talking points; wins and follow-ups read well spoken as written.
  const specifics = proposal.kind === 'heads-up' ? [fill(phone.shows)] : [pick(reason.email)];
  if (proposal.kind === 'heads-up' && values.gradeNow !== undefined) specifics.push(fill(phone.gradeNow));
  if (proposal.reason === 'sudden-drop' && values.previousPercent !== undefined) specifics.push(fill(phone.usual));
  if (concern && values.goingWell !== undefined) specifics.push(fill(phone.goingWell));
  if (concern && values.reportDate !== undefined) specifics.push(fill(phone.nextReport));
  const nextStep =
    proposal.kind === 'heads-up'
      ? phone.nextStep.headsUp
      : proposal.kind === 'positive'
        ? phone.nextStep.positive
        : concern
          ? phone.nextStep.notYet
          : phone.nextStep.better;
  const talkingPoints: TalkingPoints = {
    opening: fill(phone.opening[proposal.kind]),
    specifics,
    question: fill(phone.question[proposal.kind]),
    nextStep: fill(nextStep),
  };
  const { labels } = phone;
  const body = [
    `${labels.opening}: ${talkingPoints.opening}`,
    `${labels.specifics}:\n${specifics.map((s) => `- ${s}`).join('\n')}`,
    `${labels.question}: ${talkingPoints.question}`,
    `${labels.nextStep}: ${talkingPoints.nextStep}`,
  ].join('\n\n');
  return { talkingPoints, body };
}

/** The note for the student: concerns and follow-ups name the work and the plan; wins congratulate. */
export function renderStudentNote(proposal: Proposal, words: MessageTemplates, values: TemplateValues): string {
  return fillTemplate(reasonWords(proposal, words).student, values);
}
