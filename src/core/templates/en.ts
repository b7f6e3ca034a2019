// English message templates, as data (shape and placeholders: ./types.ts).
// Wording follows DESIGN.md "Communication principles": early, specific, asset-based, families as
// partners, one concrete way to help at home, no compliment wrapped around a concern. Texts name the work,
// never the marks (phones are shared), and use GSM-7 characters only (straight apostrophes) so that
// they fit in two SMS segments. tests/core/compose-templates.test.ts runs every rendering through the
// tone check (src/core/tone/) and expects no finding.
import type { MessageTemplates } from './types';

export const en: MessageTemplates = {
  language: 'en',
  name: 'English',
  locale: 'en-US',
  monthsShort: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  monthsLong: [
    'January', 'February', 'March', 'April', 'May', 'June',
    'July', 'August', 'September', 'October', 'November', 'December',
  ],
  weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  shortDate: '{monthShort} {day}',
  longDate: '{weekday}, {month} {day}',
  words: {
    assignment: '{name} (due {dueDate})',
    assignmentUndated: '{name}',
    missingItem: '{assignment} marked missing',
    moreItems: { one: '1 more', other: '{count} more' },
    goingWellItem: '{name} ({shows})',
    gradeNow: '{currentPercent}%',
    gradeNowDownFrom: '{currentPercent}%, down from {previousPercent}% a few weeks ago',
    gradeNowLetter: 'a {currentLetter} right now',
    meSigned: "{signature}, {firstName}'s {sectionName} teacher",
    meUnsigned: "{firstName}'s {sectionName} teacher",
    defaultSignature: "Your child's teacher",
  },
  email: {
    greeting: 'Dear family of {firstName},',
    greetingNamed: 'Dear {guardians},',
    signOff: 'Thank you,\n{signature}',
    headsUp: {
      goingWell: ['{firstName} did well on {goingWell}.', 'Something to build on: {goingWell}.'],
      nextReport: 'Progress reports go home on {reportDate}, so there is still time.',
      help: ['One way to help at home: {help}.', 'One thing that helps at home: {help}.'],
      invitation: [
        "How can we work together so that {firstName} {goal}? I'd love to hear what works at home.",
        "What helps {firstName} at home? Let's work together so that {firstName} {goal}.",
        'How can we work together so that {firstName} {goal}? Please share anything that helps at home.',
      ],
    },
    positive: {
      invitation: [
        'Please share this with {firstName}. If something at home is helping, I would love to hear what works.',
        'Thank you for your support at home. I would love to hear what works for {firstName}.',
      ],
    },
    followUp: {
      opening: ['Thank you for your help since my note on {sentDate}.', "I'm following up on my note from {sentDate}."],
      better: [
        'Please tell {firstName} the effort shows. If something at home made the difference, I would love to hear what works.',
        "Thank you for your support at home; let's keep the same routine going. What has been helping? I would love to hear.",
      ],
      notYet: [
        'Could we talk by phone this week? One way to help until then: {help}. How can we work together so that {firstName} {goal}?',
        'How can we work together so that {firstName} {goal}? A short phone call this week could help us make a plan. One idea until then: {help}.',
      ],
    },
  },
  text: {
    opening: ['Hi, this is {me}.', "Hello, it's {me}."],
    moreItems: { one: '1 more', other: '{count} more' },
    headsUp: {
      help: ['One idea: {help}.', 'One way to help at home: {help}.'],
      invitation: [
        'How can we work together so that {firstName} {goal}?',
        "What works for {firstName} at home? I'd love to hear.",
      ],
    },
    positive: {
      close: [
        "Please tell {firstName} I noticed! If something at home is helping, I'd love to hear.",
        "Please share this with {firstName}. I'd love to hear what works at home.",
      ],
    },
    followUp: {
      opening: ["I'm following up on my note from {sentDate}.", 'Here is an update since my note on {sentDate}.'],
      better: ['Thank you for your help at home! Please tell {firstName} the effort shows. What has been helping?'],
      notYet: ['Could we talk by phone this week? One idea until then: {help}.', 'Could we find a time to talk by phone this week to make a plan together?'],
    },
    tooLong: 'This text takes {segments} SMS segments and may arrive in pieces. A shorter text is easier to read on a phone.',
  },
  phone: {
    labels: { opening: 'Opening', specifics: 'Specifics', question: 'Ask', nextStep: 'Next step' },
    opening: {
      'heads-up': "Hello, this is {me}. Is now a good time? I'm calling early about {firstName}'s work, while there is still time.",
      positive: "Hello, this is {me}. Is now a good time? I'm calling with good news about {firstName}.",
      'follow-up': "Hello, this is {me}. Is now a good time? I'm following up on my note from {sentDate}.",
    },
    shows: 'The gradebook shows {marks}.',
    gradeNow: 'Grade now: {gradeNow}.',
    usual: 'Usually scores about {previousPercent}%.',
    goingWell: 'Going well: {goingWell}.',
    nextReport: 'Progress reports go home on {reportDate}.',
    question: {
      'heads-up': 'What have you noticed at home, and what usually helps {firstName}?',
      positive: 'What has been helping at home?',
      'follow-up': 'How have things been going at home since my note?',
    },
    nextStep: {
      headsUp: "Agree on one step: {help}. I'll check in again by {checkDate}.",
      positive: 'Please share the news with {firstName} tonight. Thank you for your support at home.',
      better: "Keep the same routine going. I'll send another update by {checkDate}.",
      notYet: "Agree on one step: {help}. I'll check in again by {checkDate}.",
    },
  },
  concerns: {
    'missing-work': {
      subject: ["A heads-up about {firstName}'s work in {sectionName}", '{firstName}: a few assignments to turn in for {sectionName}'],
      email: [
        "I'm writing early, while there is time, about {sectionName}: the gradebook shows {assignments} as not turned in yet.",
        'A quick, early note from {sectionName}: these assignments are not turned in yet: {assignments}.',
      ],
      text: ['An early note: the gradebook shows {names} as not turned in yet.', 'Writing early: {names} still need to be turned in.'],
      item: '{assignment}',
      student:
        "{firstName}, the gradebook shows these as not turned in yet: {names}. I'm letting your family know so we can help. Can we make a plan together this week?",
      help: 'a short, set time each evening for {firstName} to finish one and turn it in',
      goal: 'can turn these in soon',
    },
    'sliding-grade': {
      subject: ["A heads-up about {firstName}'s grade in {sectionName}", 'Checking in early about {firstName} and {sectionName}'],
      email: [
        "I'm writing early about {firstName}'s grade in {sectionName}: {gradeNow}. The gradebook shows {assignments}.",
        "An early note from {sectionName}: {firstName}'s grade is {gradeNow}. The gradebook shows {assignments}.",
        // used when the page shows no grade
        "I'm writing early about {firstName}'s recent work in {sectionName}. The gradebook shows {assignments}.",
      ],
      text: [
        "I'd like to check in early about {firstName}'s recent work, such as {names}.",
        "An early note about {firstName}'s recent work in class, such as {names}.",
      ],
      item: '{assignment} at {shows}',
      student:
        "{firstName}, I'd like to talk about your recent work, like {names}. I'm letting your family know so we can all help. When can we make a plan together?",
      help: 'ask {firstName} to show you the next assignment and make a plan together',
      goal: 'can finish the term strong',
    },
    'sudden-drop': {
      subject: ["A quick note about {firstName}'s recent work in {sectionName}", 'Checking in early about {firstName} and {sectionName}'],
      email: [
        'I noticed a change in {sectionName}: {firstName} usually scores about {previousPercent}%, and the gradebook shows {assignments}.',
        "I'm reaching out early because {firstName}'s latest work in {sectionName} is under the usual {previousPercent}%: {assignments}.",
        // used when there is no earlier average
        "I noticed a change in {firstName}'s latest work in {sectionName}: the gradebook shows {assignments}.",
      ],
      text: ["I noticed a change in {firstName}'s latest work: {names}.", "I'm reaching out early about {firstName}'s latest work, such as {names}."],
      item: '{assignment} at {shows}',
      student:
        "{firstName}, your latest work ({names}) was not like your usual. Is everything okay? Let's go over it together. I'm letting your family know too.",
      help: 'a calm talk about how these went; {firstName} is welcome to go over them with me',
      goal: 'feels ready for the next one',
    },
  },
  wins: {
    'made-up-work': {
      subject: ['Good news from {sectionName}', '{firstName} finished work in {sectionName}'],
      email: [
        'Good news from {sectionName}: {firstName} turned in {assignments}, and the work now counts toward the grade. That took real effort.',
        'I wanted to share some good news: {firstName} has completed {assignments} in {sectionName}. Thank you for supporting this at home.',
      ],
      text: ['Good news: {firstName} turned in {names}, and the work now counts.', 'Good news from {sectionName}: {firstName} caught up on {names}.'],
      item: '{assignment}',
      student: "{firstName}, nice work turning in {names}! I'm letting your family know too.",
    },
    improvement: {
      subject: ['Good news about {firstName} in {sectionName}', "{firstName}'s work is on the rise in {sectionName}"],
      email: [
        "Good news from {sectionName}: {firstName}'s last three scores average {recentAverage}%, up from {previousPercent}% on the three before: {assignments}.",
        "I wanted you to hear this: {firstName}'s work in {sectionName} keeps getting stronger, with {assignments}.",
      ],
      text: [
        "Good news: {firstName}'s work keeps getting stronger, with {names}.",
        "Good news from {sectionName}: {firstName}'s recent work, such as {names}, is on the rise.",
      ],
      item: '{assignment} at {shows}',
      student: "{firstName}, your effort shows: {names} got stronger each time. I'm letting your family know too!",
    },
    consistency: {
      subject: ['Good news about {firstName} in {sectionName}', "{firstName}'s steady work in {sectionName}"],
      email: [
        'Good news from {sectionName}: {firstName} has scored {consistencyPercent}% or higher on each of the last {count} assignments, including {assignments}.',
        'I wanted to share how well {firstName} is doing in {sectionName}: {count} assignments in a row at {consistencyPercent}% or higher, such as {assignments}.',
      ],
      text: [
        'Good news: {firstName} has done strong, steady work on the last {count} assignments, such as {names}.',
        'Good news from {sectionName}: {count} assignments in a row of strong work from {firstName}, such as {names}.',
      ],
      item: '{assignment} at {shows}',
      student: "{firstName}, that's {count} assignments in a row of strong work. Keep it up! I'm letting your family know too.",
    },
    'personal-best': {
      subject: ['Good news about {firstName} in {sectionName}', "{firstName}'s best work yet in {sectionName}"],
      email: [
        "Good news from {sectionName}: {firstName}'s latest work is the best of the term so far: {assignments}.",
        'I wanted you to hear this: {firstName} just reached a new best in {sectionName} with {assignments}.',
      ],
      text: [
        "Good news: {firstName}'s latest work, {names}, is the best of the term so far.",
        'Good news from {sectionName}: {firstName} just did the best work of the term on {names}.',
      ],
      item: '{assignment} at {shows}',
      student: "{firstName}, your best work of the term so far: {names}. Congratulations! I'm letting your family know too.",
    },
    'work-complete': {
      subject: ['Good news from {sectionName}', "{firstName}'s steady effort in {sectionName}"],
      email: [
        'Good news from {sectionName}: {firstName} has turned in each of the last {count} assignments, including {assignments}.',
        'I wanted to share that {firstName} is keeping up with the work in {sectionName}: {count} assignments in a row turned in, such as {assignments}.',
      ],
      text: [
        'Good news: {firstName} has turned in each of the last {count} assignments, such as {names}.',
        'Good news from {sectionName}: {firstName} is keeping up with every assignment, such as {names}.',
      ],
      item: '{assignment}',
      student: "{firstName}, you turned in all your recent work, like {names}. Well done! I'm letting your family know too.",
    },
  },
  followUp: {
    better: {
      subject: ['Good news since my last note about {firstName}', 'An update on {firstName} in {sectionName}'],
      email: [
        "{firstName}'s work has picked up since then: {assignments}.",
        'There is real progress to share: since then, the gradebook shows {assignments}.',
      ],
      text: ["{firstName}'s work since then is on the way up, such as {names}."],
      student: "{firstName}, I can see your progress on {names}. I'm telling your family too. Keep it up!",
    },
    same: {
      subject: ['Following up about {firstName} in {sectionName}', 'An update on {firstName} in {sectionName}'],
      email: [
        'Here is what the gradebook shows since then: {assignments}. Things have not changed much yet.',
        'Since then, the gradebook shows {assignments}, so we are about where we were.',
      ],
      text: ['Since then, the gradebook shows {names}, and things are about the same.'],
      student: "{firstName}, let's look at {names} together and make a new plan. I'll be talking with your family again too.",
    },
    worse: {
      subject: ['Following up about {firstName} in {sectionName}', 'An update on {firstName} in {sectionName}'],
      email: [
        'Since then, the gradebook shows {assignments}, and things have slipped a bit further.',
        "I want to keep you posted: since then, {firstName}'s work shows {assignments}.",
      ],
      text: ["Since then, {firstName}'s work, such as {names}, has slipped a bit further."],
      student: "{firstName}, let's look at {names} together and make a new plan. I'll be talking with your family again too.",
    },
  },
};
