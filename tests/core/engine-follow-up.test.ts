// Issue 6: follow-ups after a heads-up, good news that is never sent alongside a concern, the lower bar
// for families with no good news yet, and a single missing major assignment.
import { describe, expect, it } from 'vitest';
import { defaultSettings, proposeContacts } from '../../src/core/engine';
import { DAY, type ContactSpec, type HistorySpec, atNoon, studentHistory, weekly } from './history-factory';

const TODAY = '2025-10-20';
const NOW = atNoon(TODAY);
const settings = defaultSettings(TODAY);
const propose = (spec: HistorySpec) => proposeContacts([studentHistory(spec)], settings, NOW);
const headsUp = (daysAgo: number, severity = 0.7): ContactSpec => ({ reason: 'missing-work', severity, sentAt: NOW - daysAgo * DAY });

// Quizzes due weekly from Sep 8 to Oct 13; the heads-up below went home on Oct 10.
const before = ['90', 'M', 'M', '85'];

describe('follow-up after a heads-up', () => {
  it('ten days after a heads-up, with new work in, a follow-up reports what changed: better', () => {
    const proposals = propose({
      work: weekly('2025-09-08', [...before, '88', '92']).map((w) => (w.name === 'Quiz 2' || w.name === 'Quiz 3' ? { ...w, raw: '8/10' } : w)),
      madeUp: [{ name: 'Quiz 2', at: NOW - 5 * DAY }, { name: 'Quiz 3', at: NOW - 4 * DAY }],
      contacts: [headsUp(10)],
    });
    expect(proposals).toHaveLength(1);
    const p = proposals[0]!;
    expect(p).toMatchObject({ kind: 'follow-up', reason: 'follow-up' });
    expect(p.followUp).toMatchObject({ reason: 'missing-work', severityThen: 0.7, severityNow: 0, progress: 'better' });
    // The made-up work and the work due since the heads-up.
    expect(p.evidence.map((e) => e.assignmentName)).toEqual(['Quiz 2', 'Quiz 3', 'Quiz 6']);
  });

  it('a follow-up also reports when things got worse, and takes the place of a new heads-up', () => {
    const proposals = propose({ work: weekly('2025-09-08', [...before, 'M', 'M']), contacts: [headsUp(10, 0.55)] });
    expect(proposals.map((p) => p.kind)).toEqual(['follow-up']);
    expect(proposals[0]!.followUp).toMatchObject({ progress: 'worse', severityThen: 0.55 });
    expect(proposals[0]!.followUp!.severityNow).toBeCloseTo(1, 10);
  });

  it('no follow-up within a week of the heads-up, after three weeks, or once one was logged', () => {
    const work = weekly('2025-09-08', [...before, '88', '92']);
    expect(propose({ work, contacts: [headsUp(3)] }).some((p) => p.kind === 'follow-up')).toBe(false);
    expect(propose({ work, contacts: [headsUp(30)] }).some((p) => p.kind === 'follow-up')).toBe(false);
    const logged: ContactSpec = { reason: 'follow-up', kind: 'follow-up', severity: 0.5, sentAt: NOW - 2 * DAY };
    expect(propose({ work, contacts: [headsUp(10), logged] }).some((p) => p.kind === 'follow-up')).toBe(false);
  });

  it('no follow-up while nothing new is in the gradebook since the heads-up', () => {
    const work = weekly('2025-09-08', [...before, '88', '92']);
    expect(propose({ work, contacts: [headsUp(5 + 7)] }).map((p) => p.kind)).toEqual(['follow-up']);
    // Sent after the last due date (Oct 13), nothing made up since: nothing to report.
    expect(propose({ work, contacts: [{ ...headsUp(7), sentAt: atNoon('2025-10-13') }] }).some((p) => p.kind === 'follow-up')).toBe(false);
  });
});

describe('positives', () => {
  it('a family with no good news this term hears about three assignments in a row turned in', () => {
    // 85, 80, 82: no best over earlier work, so the run of work turned in is the news.
    const p = propose({ work: weekly('2025-09-29', ['85', '80', '82']) });
    expect(p.map((x) => [x.kind, x.reason])).toEqual([['positive', 'work-complete']]);
    expect(p[0]!.evidence.map((e) => e.assignmentName)).toEqual(['Quiz 1', 'Quiz 2', 'Quiz 3']);
  });

  it('after good news this term the bar is back up: three turned in is not news yet', () => {
    const positive: ContactSpec = { reason: 'consistency', kind: 'positive', severity: 0.5, sentAt: NOW - 20 * DAY };
    expect(propose({ work: weekly('2025-09-29', ['80', '78', '82']), contacts: [positive] })).toEqual([]);
  });

  it('with nothing genuine to say there is no positive proposal, not a stock compliment', () => {
    // One assignment scored, one missing earlier: no run, no best over earlier work, no improvement.
    expect(propose({ work: [{ name: 'Quiz 1', due: '2025-10-13', raw: '75' }] })).toEqual([]);
  });

  it('a personal best after two earlier scores is news for a family with no good news yet', () => {
    const p = propose({
      work: [
        ...weekly('2025-09-22', ['80', '85']),
        { name: 'Check-in', due: '2025-10-08', raw: 'M', possible: 10 },
        { name: 'Essay', due: '2025-10-14', raw: '95', possible: 100 },
      ],
    });
    // The small check-in is missing (no concern, no run of completed work), but the essay is the best score so far.
    expect(p.map((x) => x.reason)).toEqual(['personal-best']);
  });
});

describe('a single missing major assignment', () => {
  it('is a heads-up when it carries a quarter or more of the points so far', () => {
    const p = propose({ work: [{ name: 'Quiz 1', due: '2025-09-15', raw: '9/10' }, { name: 'Project', due: '2025-10-10', raw: 'M', possible: 50 }] });
    expect(p.map((x) => [x.kind, x.reason])).toEqual([['heads-up', 'missing-work']]);
  });

  it('is not when it is one small piece among much work', () => {
    // One 10-point quiz of thirteen: 8% of the points, and the grade (about 86%) falls less than 10 points.
    const work = weekly('2025-07-21', [...Array(12).fill('9'), 'M'], 'Quiz', 10);
    expect(propose({ work }).some((x) => x.kind === 'heads-up')).toBe(false);
  });
});
