// Realistic proposals for composer tests: concerns, wins and follow-ups raised by the real engine from
// gradebook rows (history-factory), plus hand-built ones where a case is easier to state directly.
import { defaultSettings, proposeContacts } from '../../src/core/engine';
import type { Evidence, Proposal, ProposalReason } from '../../src/core/proposal-types';
import { DAY, type HistorySpec, atNoon, studentHistory, threeMissingOfSix, weekly } from './history-factory';

export const TODAY = '2025-10-20';
export const NOW = atNoon(TODAY);
export const settings = { ...defaultSettings(TODAY), signature: 'Ms. Rivera' };

export function proposalFor(spec: HistorySpec): Proposal {
  const proposals = proposeContacts([studentHistory(spec)], settings, NOW);
  if (proposals.length !== 1) throw new Error(`expected one proposal, got ${proposals.map((p) => p.reason).join(', ')}`);
  return proposals[0]!;
}

export const evidence = (name: string, dueDate: string, raw: string, extra: Partial<Evidence> = {}): Evidence => ({
  assignmentId: `a|${name}`,
  assignmentName: name,
  dueDate,
  raw,
  ...extra,
});

const CONCERN_REASONS: readonly ProposalReason[] = ['missing-work', 'sliding-grade', 'sudden-drop'];

export function proposal(reason: ProposalReason, extra: Partial<Proposal> = {}): Proposal {
  const kind = CONCERN_REASONS.includes(reason) ? 'heads-up' : reason === 'follow-up' ? 'follow-up' : 'positive';
  return {
    id: `s|c|${reason}`,
    kind,
    reason,
    studentId: 's',
    studentName: 'Avery Stone',
    sectionId: 'c',
    sectionName: 'English 7',
    severity: 0.7,
    urgency: 0.7,
    evidence: [evidence('Reading Log 4', '2025-10-30', 'M', { missing: true })],
    goingWell: [],
    nextReportDate: '2025-12-18',
    daysToReport: 59,
    ...extra,
  };
}

const headsUpSent = (daysAgo: number, severity = 0.7) => ({ reason: 'missing-work', severity, sentAt: NOW - daysAgo * DAY });
const quizzesBefore = ['90', 'M', 'M', '85'];

/** One proposal per reason (follow-ups: one per direction), each with real evidence. */
export function sampleProposals(): Record<string, Proposal> {
  return {
    'missing-work': proposalFor({ name: 'Stone, Avery', work: threeMissingOfSix() }),
    'sliding-grade': proposalFor({
      work: weekly('2025-09-01', ['92', '93', '91', '80', '70', '58', '55', '50']),
      overall: [
        { percent: 92, at: NOW - 35 * DAY },
        { percent: 62, at: NOW - DAY },
      ],
    }),
    'sudden-drop': proposalFor({ work: weekly('2025-09-15', ['90', '88', '92', '90', '55']) }),
    'made-up-work': proposal('made-up-work', {
      evidence: [evidence('Reading Log 4', '2025-10-09', '18/20', { percent: 90 }), evidence('Essay Draft', '2025-10-17', '9/10', { percent: 90 })],
    }),
    improvement: proposal('improvement', {
      previousPercent: 70,
      evidence: [
        evidence('Quiz 4', '2025-09-29', '85', { percent: 85 }),
        evidence('Quiz 5', '2025-10-06', '88', { percent: 88 }),
        evidence('Quiz 6', '2025-10-13', '90', { percent: 90 }),
      ],
    }),
    consistency: proposal('consistency', {
      evidence: ['2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06', '2025-10-13'].map((d, i) => evidence(`Quiz ${i + 2}`, d, '96', { percent: 96 })),
    }),
    'personal-best': proposal('personal-best', { evidence: [evidence('Unit 2 Test', '2025-10-17', '98/100', { percent: 98 })] }),
    'work-complete': proposalFor({ work: weekly('2025-09-29', ['85', '80', '82']) }),
    'follow-up better': proposalFor({
      work: weekly('2025-09-08', [...quizzesBefore, '88', '92']).map((w) => (w.name === 'Quiz 2' || w.name === 'Quiz 3' ? { ...w, raw: '8/10' } : w)),
      madeUp: [{ name: 'Quiz 2', at: NOW - 5 * DAY }, { name: 'Quiz 3', at: NOW - 4 * DAY }],
      contacts: [headsUpSent(10)],
    }),
    'follow-up same': proposal('follow-up', {
      severity: 0.65,
      evidence: [evidence('Quiz 5', '2025-10-13', '72', { percent: 72 }), evidence('Reading Log 6', '2025-10-16', 'M', { missing: true })],
      goingWell: [evidence('Vocab Quiz', '2025-10-10', '9/10', { percent: 90 })],
      followUp: { sentAt: NOW - 10 * DAY, reason: 'sliding-grade', severityThen: 0.65, severityNow: 0.62, progress: 'same' },
    }),
    'follow-up worse': proposalFor({ work: weekly('2025-09-08', [...quizzesBefore, 'M', 'M']), contacts: [headsUpSent(10, 0.55)] }),
  };
}
