import { afterEach, describe, expect, it } from 'vitest';
import { composeDraft, fillTemplate, firstName, formatLongDate, formatShortDate } from '../../src/core/compose';
import type { Proposal } from '../../src/core/proposal-types';
import { en } from '../../src/core/templates/en';
import { NOW, evidence, proposal, proposalFor, settings } from './compose-fixtures';
import { DAY, atNoon, threeMissingOfSix, weekly } from './history-factory';

const EMAIL = { channel: 'email', language: 'en' } as const;

const TRIGGER_WORDS = /\b(lazy|careless|refuses?|always|never|fails? to|you need to|problems?|attitude)\b/i;
const CONCERN_WORDS = /\b(missing|concern\w*|heads-up|worr\w*|behind|low|lower|below|under|drop\w*|down|struggl\w*|progress reports?)\b/i;
const wordCount = (text: string) => text.split(/\s+/).filter(Boolean).length;


describe('concern drafts', () => {
  const missingWork = () =>
    proposalFor({
      name: 'Stone, Avery',
      work: threeMissingOfSix(),
    });

  it('a concern draft names the assignments and the next report date and contains no trigger word', () => {
    const draft = composeDraft(missingWork(), settings, NOW, EMAIL);
    expect(draft).toMatchObject({ channel: 'email', language: 'en' });
    expect(draft.subject).toBe("A heads-up about Avery's work in English 7");
    expect(draft.body).toBe(
      [
        'Dear family of Avery,',
        "I'm writing early, while there is time, about English 7: the gradebook shows Reading Log 4 (due Oct 9), Reading Log 5 (due Oct 16), and Essay Draft (due Oct 17) as not turned in yet. Avery did well on Unit 1 Test (95/100) and Vocab Quiz (9/10).",
        'Progress reports go home on Friday, November 14, so there is still time. One way to help at home: a short, set time each evening for Avery to finish one and turn it in.',
        "How can we work together so that Avery can turn these in soon? I'd love to hear what works at home.",
        'Thank you,\nMs. Rivera',
      ].join('\n\n'),
    );
    expect(draft.body).not.toMatch(TRIGGER_WORDS);
    expect(draft.subject).not.toMatch(TRIGGER_WORDS);
    expect(wordCount(draft.body)).toBeLessThanOrEqual(120);
  });

  it('no compliment in a concern draft when nothing went well', () => {
    const p = proposalFor({ work: weekly('2025-09-08', ['75', '78', 'M', '72', 'M', '76']) });
    expect(p.goingWell).toEqual([]);
    const draft = composeDraft(p, settings, NOW, EMAIL);
    expect(draft.body).not.toMatch(/did well|great|good|nice|strong work|proud/i);
    expect(draft.body.split('\n\n')[1]).toBe(
      "I'm writing early, while there is time, about English 7: the gradebook shows Quiz 3 (due Sep 22) and Quiz 5 (due Oct 6) as not turned in yet.",
    );
  });

  it('a sliding grade draft says where the grade is and where it was, and the latest scores as shown', () => {
    const p = proposalFor({
      work: weekly('2025-09-01', ['92', '93', '91', '80', '70', '58', '55', '50']),
      overall: [
        { percent: 92, at: NOW - 35 * DAY },
        { percent: 62, at: NOW - DAY },
      ],
    });
    const body = composeDraft(p, settings, NOW, EMAIL).body;
    expect(body).toContain("I'm writing early about Avery's grade in English 7: 62%, down from 92% a few weeks ago.");
    expect(body).toContain('The gradebook shows Quiz 6 (due Oct 6) at 58%, Quiz 7 (due Oct 13) at 55%, Quiz 8 (due Oct 20) at 50%, and 2 more.');
    expect(body).toContain('Avery did well on Quiz 3 (91%).');
    expect(body).not.toMatch(TRIGGER_WORDS);
    expect(wordCount(body)).toBeLessThanOrEqual(120);
  });

  it('a missing assignment among scores is listed as marked missing', () => {
    const p = proposal('sliding-grade', {
      current: { percent: 64, source: 'computed' },
      evidence: [
        evidence('Quiz 5', '2025-10-03', '12/20', { percent: 60 }),
        evidence('Lab 2', '2025-10-08', 'M', { missing: true }),
      ],
    });
    expect(composeDraft(p, settings, NOW, EMAIL).body).toContain(
      'The gradebook shows Quiz 5 (due Oct 3) at 12/20 and Lab 2 (due Oct 8) marked missing.',
    );
  });

  it('a page that shows only a letter grade is quoted as the letter', () => {
    const p = proposal('sliding-grade', { current: { letter: 'D+', source: 'page' } });
    expect(composeDraft(p, settings, NOW, EMAIL).body).toContain("Avery's grade in English 7: a D+ right now.");
  });

  it('a sudden drop draft names the usual average and the recent work', () => {
    const p = proposalFor({ work: weekly('2025-09-15', ['90', '88', '92', '90', '55']) });
    const body = composeDraft(p, settings, NOW, EMAIL).body;
    expect(body).toContain('Avery usually scores about 90%, and the gradebook shows Quiz 5 (due Oct 13) at 55%.');
    expect(body).toContain('Progress reports go home on Friday, November 14');
  });

  it("signs with the teacher's signature, or as the child's teacher when there is none", () => {
    const unsigned = composeDraft(proposal('missing-work'), { ...settings, signature: '  ' }, NOW, EMAIL);
    expect(unsigned.body.endsWith("Thank you,\nYour child's teacher")).toBe(true);
    expect(composeDraft(proposal('missing-work'), settings, NOW, EMAIL).body.endsWith('Thank you,\nMs. Rivera')).toBe(true);
  });

  it('without a report date ahead the report sentence is left out', () => {
    const p = proposal('missing-work', {});
    delete p.nextReportDate;
    const afterTerm = atNoon('2026-02-01');
    const body = composeDraft(p, { ...settings, calendar: { termStart: '2025-08-15', reportDates: [], termEnd: '2026-01-16' } }, afterTerm, EMAIL).body;
    expect(body).not.toContain('Progress reports');
    expect(body).toContain('One way to help at home');
  });

  it('takes the next report date from the calendar when the proposal has none', () => {
    const p = proposal('missing-work');
    delete p.nextReportDate;
    expect(composeDraft(p, settings, NOW, EMAIL).body).toContain('Progress reports go home on Friday, November 14');
  });

  it('another variant words the subject and opening differently', () => {
    const first = composeDraft(proposal('missing-work'), settings, NOW, { ...EMAIL, variant: 0 });
    const second = composeDraft(proposal('missing-work'), settings, NOW, { ...EMAIL, variant: 1 });
    expect(second.subject).toBe('Avery: a few assignments to turn in for English 7');
    expect(second.body).toContain('A quick, early note from English 7: these assignments are not turned in yet: Reading Log 4 (due Oct 30).');
    expect(second.body).not.toBe(first.body);
    // Subjects and openings have two wordings, invitations three: the wording repeats after six.
    expect(composeDraft(proposal('missing-work'), settings, NOW, { ...EMAIL, variant: 6 })).toEqual(first);
  });

  it('every concern draft stays short', () => {
    const many = Array.from({ length: 6 }, (_, i) => evidence(`Reading Log ${i + 1}`, '2025-10-0' + (i + 1), 'M', { missing: true }));
    const well = [evidence('Unit Test', '2025-09-12', '95%', { percent: 95 }), evidence('Lab 1', '2025-09-19', '19/20', { percent: 95 })];
    for (const reason of ['missing-work', 'sliding-grade', 'sudden-drop'] as const) {
      for (const variant of [0, 1, 2, 3, 4, 5]) {
        const p = proposal(reason, { evidence: many, goingWell: well, current: { percent: 61.5, source: 'page' }, previousPercent: 84 });
        const draft = composeDraft(p, settings, NOW, { ...EMAIL, variant });
        expect(wordCount(draft.body), `${reason} #${variant}`).toBeLessThanOrEqual(120);
        expect(draft.body).toContain('and 3 more');
      }
    }
  });
});

describe('positive drafts', () => {
  const wins: Proposal[] = [
    proposal('made-up-work', { evidence: [evidence('Reading Log 4', '2025-10-09', '18/20', { percent: 90 })] }),
    proposal('improvement', {
      previousPercent: 70,
      evidence: [
        evidence('Quiz 4', '2025-09-29', '85', { percent: 85 }),
        evidence('Quiz 5', '2025-10-06', '88', { percent: 88 }),
        evidence('Quiz 6', '2025-10-13', '90', { percent: 90 }),
      ],
    }),
    proposal('consistency', {
      evidence: ['2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06', '2025-10-13'].map((d, i) =>
        evidence(`Quiz ${i + 2}`, d, '96', { percent: 96 })),
    }),
  ];

  it('positive drafts contain no concern', () => {
    for (const win of wins) {
      for (const variant of [0, 1]) {
        const draft = composeDraft(win, settings, NOW, { ...EMAIL, variant });
        expect(draft.body, `${win.reason} #${variant}`).not.toMatch(CONCERN_WORDS);
        expect(draft.subject).not.toMatch(CONCERN_WORDS);
        expect(draft.body).not.toMatch(TRIGGER_WORDS);
        expect(draft.body).toContain('Dear family of Avery,');
        expect(draft.body).toContain('I would love to hear what works');
      }
    }
  });

  it('positive drafts name the specific work', () => {
    const [madeUp, improved, steady] = wins.map((w) => composeDraft(w, settings, NOW, EMAIL).body);
    expect(madeUp).toContain('Avery turned in Reading Log 4 (due Oct 9), and the work now counts toward the grade.');
    expect(improved).toContain("Avery's last three scores average 88%, up from 70% on the three before: Quiz 4 (due Sep 29) at 85%");
    expect(steady).toContain(
      'Avery has scored 90% or higher on each of the last 5 assignments, including Quiz 4 (due Sep 29) at 96%, Quiz 5 (due Oct 6) at 96%, Quiz 6 (due Oct 13) at 96%, and 2 more.',
    );
  });
});

describe('templates', () => {
  const allStrings = (value: unknown): string[] =>
    typeof value === 'string' ? [value] : typeof value === 'object' && value !== null ? Object.values(value).flatMap(allStrings) : [];

  it('no English template string contains a trigger word', () => {
    const strings = allStrings(en);
    expect(strings.length).toBeGreaterThan(100);
    for (const text of strings) expect(text).not.toMatch(TRIGGER_WORDS);
  });

  it('every reason has several wordings in every channel, and concerns a way to help at home and a goal', () => {
    for (const t of Object.values(en.concerns)) {
      expect(t.subject.length).toBeGreaterThanOrEqual(2);
      expect(t.email.length).toBeGreaterThanOrEqual(2);
      expect(t.text.length).toBeGreaterThanOrEqual(2);
      expect(t.help).not.toBe('');
      expect(t.goal).not.toBe('');
    }
    for (const t of Object.values(en.wins)) for (const list of [t.subject, t.email, t.text]) expect(list.length).toBeGreaterThanOrEqual(2);
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder with its value', () => {
    expect(fillTemplate('Dear family of {firstName}, {n} items', { firstName: 'Avery', n: 3 })).toBe('Dear family of Avery, 3 items');
  });

  it('does not re-read braces inside a value', () => {
    expect(fillTemplate('{name}', { name: 'Quiz {1}' })).toBe('Quiz {1}');
  });

  it('a placeholder without a value throws', () => {
    expect(() => fillTemplate('Hello {firstName} from {sectionName}', { firstName: 'Avery' })).toThrow(/\{sectionName\}/);
  });
});

describe('firstName', () => {
  it.each([
    ['Stone, Avery', 'Avery'],
    ['Avery Stone', 'Avery'],
    ['Stone, Avery J.', 'Avery'],
    ['  Avery   Stone ', 'Avery'],
    ['García López, María José', 'María'],
    ['Prince', 'Prince'],
  ])('%s → %s', (name, expected) => {
    expect(firstName(name)).toBe(expected);
  });
});

describe('dates in English', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
  });

  it.each(['America/Los_Angeles', 'Pacific/Auckland', 'UTC'])('show the calendar date in %s', (tz) => {
    process.env.TZ = tz;
    expect(formatShortDate('2025-10-30')).toBe('Oct 30');
    expect(formatLongDate('2026-12-18')).toBe('Friday, December 18');
    expect(formatLongDate('2025-11-14')).toBe('Friday, November 14');
  });
});
