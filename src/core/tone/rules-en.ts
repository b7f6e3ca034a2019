// Tone rules for messages written in English, as data. Each word rule says why it matters and, where a
// plain rewrite exists, offers it. The lists follow DESIGN.md "Communication principles" (trigger and
// absolute words, deficit framing, blame, sarcasm) and are tested rule by rule in tests/core/tone-rules.test.ts.
// Explanations are for the teacher and are in English whatever the message's language.
import type { ToneRules } from './types';

export const toneRulesEn: ToneRules = {
  language: 'en',
  wordRules: [
    { rule: 'lazy', category: 'trigger-word', patterns: ['lazy', 'laziness'], message: '"Lazy" labels the child, not the work. Say which work is missing and what would help.', suggestion: 'having a hard time getting started' },
    { rule: 'careless', category: 'trigger-word', patterns: ['careless', 'sloppy'], message: 'This judges the child. Describe the work instead (rushed, unfinished).', suggestion: 'rushed' },
    { rule: 'unmotivated', category: 'trigger-word', patterns: ['unmotivated', 'apathetic', "doesn't care", 'does not care', "doesn't even try", "doesn't try", 'does not try', "(?:isn't|is not|not be|not) (?:really )?trying(?: (?:very )?hard)?", "(?:does|doesn't do|does not do) (?:nothing|anything)(?= in class|$|[.,!])", 'a (?:total |complete )?disaster'], message: 'Families hear this as a verdict on their child. Name what you see in the work.' },
    { rule: 'refuses', category: 'trigger-word', patterns: ['refuses to', 'refused to', 'refusing to'], message: '"Refuses" reads as defiance. Say what has not happened yet.', suggestion: { 'refuses to': 'has not yet been able to', 'refused to': 'did not', 'refusing to': 'not yet able to' } },
    { rule: 'wont', category: 'trigger-word', patterns: ["(?<!I )won't", '(?<!I )will not'], message: '"Won\'t" reads as defiance. Say what has not happened yet.', suggestion: "hasn't been able to" },
    { rule: 'fails-to', category: 'trigger-word', patterns: ['fails to', 'failed to', 'failing to'], message: '"Fails to" is a verdict. Say what is not done yet.', suggestion: { 'fails to': 'is not yet able to', 'failed to': 'did not', 'failing to': 'not yet' } },
    { rule: 'you-need-to', category: 'trigger-word', patterns: ['you need to', 'you must', 'you have to'], message: 'An order puts the family on the defensive. Ask, as partners.', suggestion: 'could we' },
    { rule: 'problem', category: 'trigger-word', patterns: ['(?<!no |math |word )problems?(?! sets?)'], message: '"Problem" frames the child as the problem. Name the work or the skill instead.', suggestion: { problem: 'concern', problems: 'concerns' } },
    { rule: 'attitude', category: 'trigger-word', patterns: ['attitude', 'bad behaviou?r'], message: '"Attitude" is vague and personal. Describe what happened, or the work.', suggestion: { attitude: 'engagement' } },
    { rule: 'disrespectful', category: 'trigger-word', patterns: ['disrespectful', 'defiant', 'disruptive', 'rude', 'immature'], message: 'A label about character starts an argument. Describe the specific moment instead.' },
    { rule: 'unacceptable', category: 'trigger-word', patterns: ['unacceptable', 'inexcusable', 'no excuses?'], message: 'This reads as a verdict. Say where things are and what comes next.', suggestion: { unacceptable: 'not where we want it to be', inexcusable: 'not where we want it to be' } },
    { rule: 'always', category: 'absolute', patterns: ['always(?! welcome| happy| glad| available)', 'constantly', 'continually', 'all the time', 'every single time'], message: 'Absolutes ("always") overstate and invite an argument. Say how often, or name the assignments.', suggestion: 'often' },
    { rule: 'never', category: 'absolute', patterns: ['never(?! hesitate)', 'not once', 'not a single'], message: 'Absolutes ("never") overstate and invite an argument. Say how often, or name the assignments.', suggestion: { never: 'rarely', 'not once': 'rarely', 'not a single': 'hardly any' } },
    { rule: 'struggling-student', category: 'deficit', patterns: ['struggling (?:student|learner|kid|reader)', 'low(?:-| )(?:student|kid|learner|achiever|performer|performing student)', 'weak student', 'poor student', 'bad student', 'below[- ]average student', 'slow learner', 'problem child'], message: 'This labels the child by a deficit. Describe the work and what is going well instead.', suggestion: 'student' },
    { rule: 'fixed-ability', category: 'deficit', patterns: ['not (?:very )?(?:bright|smart)', 'not (?:a )?(?:math|reading|science|school) person', 'not college material', "can't keep up", 'cannot keep up', 'just not capable', 'not capable of', "doesn't have what it takes"], message: 'This treats ability as fixed. Name the skill to work on and the next step.' },
    { rule: 'at-risk', category: 'deficit', patterns: ['at[- ]risk', 'troubled'], message: 'A risk label is a verdict on the child. Name the work and the time left to act.' },
    { rule: 'family-circumstances', category: 'deficit', patterns: ['broken home', 'single[- ]parent(?: home| household| family)?', 'these (?:kids|families|parents)', 'low[- ]income', 'disadvantaged', 'language barrier', 'uneducated'], message: 'Leave the family\'s circumstances out: focus on the work and what we can do together.' },
    { rule: 'no-support-at-home', category: 'deficit', patterns: ['(?:lack of|no|little) (?:support|structure|help|supervision) at home', "(?:don't|doesn't|do not|does not) value (?:education|school|learning)", 'nobody (?:at home )?(?:cares|checks)', 'no one (?:at home )?(?:cares|checks)'], message: 'This assumes the worst about the family. Ask what works at home instead.' },
    { rule: 'should-have', category: 'blame', patterns: ['you should have', "you shouldn't have", 'you ought to have'], message: 'Looking back at what the family should have done assigns blame. Look ahead together.', suggestion: 'from here, could we' },
    { rule: 'your-responsibility', category: 'blame', patterns: ["(?:it is|it's) your (?:job|responsibility)", 'your (?:responsibility|fault)', '(?:his|her|their) (?:own )?fault', 'as (?:a |the )?parents?,? you'], message: 'This assigns blame. Families respond to partnership: "how can we work together".' },
    { rule: 'you-didnt', category: 'blame', patterns: ["you (?:have not|haven't|did not|didn't|never) (?:been )?(?:check|sign|help|respond|answer|read|look|follow)\\w*", 'because (?:of )?you', 'if you (?:had|would have|were)'], message: 'This puts the fault on the family. Say what happens next instead.' },
    { rule: 'make-sure', category: 'blame', patterns: ['make sure(?= (?:your (?:child|son|daughter|student)|he|she|they)\\b)', 'see to it that'], message: 'An instruction to police the child reads as blame. Offer one way to help at home instead.' },
    { rule: 'obviously', category: 'sarcasm', patterns: ['obviously', 'clearly (?:you|he|she|they|someone|nobody|no one|not)', 'apparently', 'evidently'], message: 'Reads as sarcasm in writing, where tone of voice is lost. State the fact plainly.', suggestion: '' },
    { rule: 'yeah-right', category: 'sarcasm', patterns: ['yeah,? right', 'what a (?:surprise|shock)', 'surprise,? surprise', 'big surprise', 'shocking', 'must be nice', 'nice try', 'good luck with that', 'thanks a lot', 'as usual', "I'm sure (?:he|she|they|you) (?:will|did|had)", 'finally (?:decided|bothered|managed|remembered|deigned)', 'so-called', '/s'], message: 'Sarcasm is easily misread in a message. Say what you mean plainly.', suggestion: '' },
  ],
  praise: [
    'great', 'wonderful', 'excellent', 'amazing', 'fantastic', 'awesome', 'delightful', 'a (?:real )?(?:pleasure|joy|delight)', 'sweet', 'bright',
    'talented', '(?:so|very|really) kind', 'kind to others', 'polite', 'lovely', 'love having', 'such a', 'good job', 'nice job', 'proud', 'hard[- ]?worker', 'did (?:really |so )?well',
    'doing (?:really |so )?well', 'strong', 'terrific', 'brilliant', 'enjoy having',
  ],
  concern: [
    'missing', 'not (?:been )?(?:turned|handed) in', 'not (?:yet )?submitted', "(?:has|have)n't (?:turned|handed|submitted|done|completed)", 'late', 'low(?:er)?',
    'drop(?:ped|s)?', 'below', 'behind', 'fail\\w*', 'slip\\w*', 'struggl\\w*', 'zeros?', 'concern\\w*', 'worr\\w*', 'incomplete', 'down from',
    'under the usual', 'not (?:done|finished|completed)', 'grade (?:is|has)',
  ],
  turns: ['but', 'however', 'although', 'though', 'unfortunately', 'yet'],
  specifics: [
    '\\b(?:[Qq]uiz|[Tt]est|[Ee]ssay|[Ll]ab|[Pp]roject|[Hh]omework|[Ww]orksheet|[Ll]og|[Aa]ssignment|[Uu]nit|[Cc]hapter|[Ee]xam|[Jj]ournal|[Pp]acket|[Ll]esson|[Mm]odule|[Dd]raft|[Rr]eport|[Pp]resentation|[Pp]roblem [Ss]et|[Ee]ntry|[Tt]ask|[Cc]heckpoint|[Pp]ractice|[Ss]et)\\s*#?\\d+',
    '\\b[A-Z][\\w-]*(?: [A-Z0-9][\\w-]*)* (?:Draft|Test|Quiz|Essay|Project|Lab|Log|Worksheet|Report|Presentation|Packet|Journal|Exam|Review|Notes|Poster|Reflection|Paper|Guide|Sheet|Notebook|Assignment|Proposal)\\b',
    '\\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.? \\d{1,2}\\b',
    '\\b\\d{1,2}/\\d{1,2}\\b',
    '\\bdue (?:on )?(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|today|tomorrow|this|next|last)',
  ],
  nextStep: [
    'one (?:way|thing|idea)', 'could (?:you|we)', 'would (?:you|we)', 'can (?:you|we)', 'please', "let's", 'we can', 'we could', "I'll", 'I will', 'I can',
    'next step', 'plan', 'check in', 'this week', 'tonight', 'each (?:evening|night|day|afternoon)', 'every (?:evening|night|day)',
    'turn (?:it|them|these|those|this) in', 'set (?:a|up a) (?:time|meeting|call)', 'meet', 'schedule', 'try', 'help at home', 'stop by', 'after school',
    'at lunch', 'tutoring', 'office hours', 'retake', 'make (?:it|them) up', 'resubmit', 'go over', 'agree on', 'by (?:Monday|Tuesday|Wednesday|Thursday|Friday|next week|the end of)',
  ],
  invitation: [
    'work together', 'let me know', "I'd love to hear", 'I would love to hear', 'love to hear', 'what works', 'feel free', 'reach out', 'reply',
    'call me', 'email me', 'text me', '(?:happy|glad) to (?:talk|hear|help|meet)', 'your thoughts', 'please share', 'share anything', 'any ideas', 'contact me',
    "I'm (?:here|available)",
  ],
  acronyms: [
    'IEP', 'ELA', 'PE', 'AP', 'IB', 'STEM', 'SAT', 'ACT', 'PSAT', 'GPA', 'PTA', 'PTO', 'ESL', 'ELL', 'ESOL', 'ID', 'OK', 'TV', 'US', 'USA', 'AM', 'PM',
    'SMS', 'DBQ', 'CER', 'MAP', 'IXL', 'STAAR', 'NWEA', 'HW', 'ASAP', 'FYI', 'PDF', 'MS', 'HS', 'EOC', 'SEL', 'AVID',
  ],
  abbreviations: ['Mr', 'Mrs', 'Ms', 'Dr', 'Prof', 'St', 'Jan', 'Feb', 'Mar', 'Apr', 'Jun', 'Jul', 'Aug', 'Sep', 'Sept', 'Oct', 'Nov', 'Dec', 'No', 'vs', 'e\\.g', 'i\\.e'],
  signOff: ['thank you', 'thanks', 'sincerely', 'best', 'best regards', 'kind regards', 'regards', 'warmly', 'respectfully', 'all the best'],
  insert: {
    nextStep: 'One way to help at home: a set time each evening to finish the work.',
    invitation: "How can we work together on this? I'd love to hear what works at home.",
  },
  readability: 'flesch-kincaid',
};
