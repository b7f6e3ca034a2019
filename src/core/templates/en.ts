// English message templates, as data. `{name}` placeholders are filled by compose.ts (fillTemplate);
// a placeholder without a value is a programming error and throws.
// Wording follows DESIGN.md "Communication principles": early, specific, asset-based, families as
// partners, one concrete way to help at home. No blame words (lazy, careless, refuses, always, never,
// fails to, you need to, problem, attitude): tests/core/compose.test.ts scans every string here.
import type { ProposalReason } from '../proposal-types';

export interface ReasonTemplates {
  /** two variants each; the composer picks by the variant number */
  subject: readonly [string, string];
  body: readonly [string, string];
  /** how one evidence assignment is listed: {assignment} is "Name (due Oct 30)", {name} the bare name, {shows} the gradebook's mark */
  item: string;
  /** concerns: one concrete way the family can help at home, specific to the reason */
  helpAtHome?: string;
  /** concerns: completes "How can we work together so that {firstName} …?" */
  goal?: string;
}

export interface MessageTemplates {
  monthsShort: readonly string[];
  monthsLong: readonly string[];
  /** Sunday first */
  weekdays: readonly string[];
  greeting: string;
  /** an assignment with its due date, and without one */
  assignment: string;
  assignmentUndated: string;
  /** how a missing assignment is listed among scores */
  missingItem: string;
  /** the last list entry when more assignments than listed */
  moreItems: string;
  /** a concern's sentence on what is going well; left out when nothing is */
  goingWell: string;
  /** how one assignment that went well is listed */
  goingWellItem: string;
  /** the grade now, and the grade now with where it was (percents) */
  gradeNow: string;
  gradeNowDownFrom: string;
  /** the grade now when the page shows only a letter */
  gradeNowLetter: string;
  nextReport: string;
  /** concerns: the invitation to work together and share what works at home */
  invitation: string;
  /** wins: thanks, and the invitation to share what works at home */
  positiveInvitation: string;
  signOff: string;
  defaultSignature: string;
  reasons: Record<ProposalReason, ReasonTemplates>;
}

export const en: MessageTemplates = {
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  monthsLong: [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
  ],
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  greeting: 'Dear family of {firstName},',
  assignment: '{name} (due {dueDate})',
  assignmentUndated: '{name}',
  missingItem: '{assignment} marked missing',
  moreItems: '{count} more',
  goingWell: '{firstName} did well on {goingWell}.',
  goingWellItem: '{name} ({shows})',
  gradeNow: '{currentPercent}%',
  gradeNowDownFrom: '{currentPercent}%, down from {previousPercent}% a few weeks ago',
  gradeNowLetter: 'a {currentLetter} right now',
  nextReport: 'Progress reports go home on {reportDate}, so there is still time.',
  invitation: "How can we work together so that {firstName} {goal}? I'd love to hear what works at home.",
  positiveInvitation: 'Please share this with {firstName}. If something at home is helping, I would love to hear what works.',
  signOff: 'Thank you,\n{signature}',
  defaultSignature: "Your child's teacher",
  reasons: {
    'missing-work': {
      subject: ["A heads-up about {firstName}'s work in {sectionName}", '{firstName}: a few assignments to turn in for {sectionName}'],
      body: [
        "I'm writing early, while there is time, about {sectionName}: the gradebook shows {assignments} as not turned in yet.",
        'A quick, early note from {sectionName}: these assignments are not turned in yet: {assignments}.',
      ],
      item: '{assignment}',
      helpAtHome:
        'One way to help at home: a short, set time each evening for {firstName} to finish one and turn it in.',
      goal: 'can turn these in soon',
    },
    'sliding-grade': {
      subject: ["A heads-up about {firstName}'s grade in {sectionName}", 'Checking in early about {firstName} and {sectionName}'],
      body: [
        "I'm writing early about {firstName}'s grade in {sectionName}: {gradeNow}. The gradebook shows {assignments}.",
        "An early note from {sectionName}: {firstName}'s grade is {gradeNow}. The gradebook shows {assignments}.",
      ],
      item: '{assignment} at {shows}',
      helpAtHome:
        'One way to help at home: ask {firstName} to show you the next assignment and make a plan together.',
      goal: 'can finish the term strong',
    },
    'sudden-drop': {
      subject: ["A quick note about {firstName}'s recent work in {sectionName}", 'Checking in early about {firstName} and {sectionName}'],
      body: [
        'I noticed a change in {sectionName}: {firstName} usually scores about {previousPercent}%, and the gradebook shows {assignments}.',
        "I'm reaching out early because {firstName}'s latest work in {sectionName} is under the usual {previousPercent}%: {assignments}.",
      ],
      item: '{assignment} at {shows}',
      helpAtHome:
        'One way to help at home: a calm talk about how these went. {firstName} is welcome to go over them with me.',
      goal: 'feels ready for the next one',
    },
    'made-up-work': {
      subject: ['Good news from {sectionName}', '{firstName} finished work in {sectionName}'],
      body: [
        'Good news from {sectionName}: {firstName} turned in {assignments}, and the work now counts toward the grade. That took real effort.',
        'I wanted to share some good news: {firstName} has completed {assignments} in {sectionName}. Thank you for supporting this at home.',
      ],
      item: '{assignment}',
    },
    improvement: {
      subject: ['Good news about {firstName} in {sectionName}', "{firstName}'s work is on the rise in {sectionName}"],
      body: [
        "Good news from {sectionName}: {firstName}'s last three scores average {recentAverage}%, up from {previousPercent}% on the three before: {assignments}.",
        "I wanted you to hear this: {firstName}'s work in {sectionName} keeps getting stronger, with {assignments}.",
      ],
      item: '{assignment} at {shows}',
    },
    consistency: {
      subject: ['Good news about {firstName} in {sectionName}', "{firstName}'s steady work in {sectionName}"],
      body: [
        'Good news from {sectionName}: {firstName} has scored {consistencyPercent}% or higher on each of the last {count} assignments, including {assignments}.',
        "I wanted to share how well {firstName} is doing in {sectionName}: {count} assignments in a row at {consistencyPercent}% or higher, such as {assignments}.",
      ],
      item: '{assignment} at {shows}',
    },
    'personal-best': {
      subject: ['Good news about {firstName} in {sectionName}', "{firstName}'s best work yet in {sectionName}"],
      body: [
        "Good news from {sectionName}: {firstName}'s latest work is the best of the term so far: {assignments}.",
        'I wanted you to hear this: {firstName} just reached a new best in {sectionName} with {assignments}.',
      ],
      item: '{assignment} at {shows}',
    },
    'work-complete': {
      subject: ['Good news from {sectionName}', "{firstName}'s steady effort in {sectionName}"],
      body: [
        'Good news from {sectionName}: {firstName} has turned in each of the last {count} assignments, including {assignments}.',
        'I wanted to share that {firstName} is keeping up with the work in {sectionName}: {count} assignments in a row turned in, such as {assignments}.',
      ],
      item: '{assignment}',
    },
    // Minimal wording for the engine's follow-up (progress since a heads-up, good or bad); the composer's
    // owner is expected to give it its own layout.
    'follow-up': {
      subject: ['Following up about {firstName} in {sectionName}', 'An update on {firstName} in {sectionName}'],
      body: [
        'I am following up on my earlier note about {sectionName}. Here is what the gradebook shows since then: {assignments}.',
        "An update since my last note: {firstName}'s work in {sectionName} since then is {assignments}.",
      ],
      item: '{assignment} at {shows}',
    },
  },
};
