// The one-line reason shown on a proposal, from its evidence (text from the i18n catalogue).
import type { Proposal } from '../core/proposal-types';
import { t } from '../ui/i18n';

const MAX_NAMES = 3;

function namesOf(proposal: Proposal): string {
  const names = proposal.evidence.map((e) => e.assignmentName);
  const shown = names.slice(0, MAX_NAMES).join(', ');
  return names.length > MAX_NAMES ? `${shown} +${names.length - MAX_NAMES}` : shown;
}

const percentText = (p: number | undefined) => (p === undefined ? '—' : `${Math.round(p * 10) / 10}%`);

export function reasonLine(proposal: Proposal): string {
  const names = namesOf(proposal);
  switch (proposal.reason) {
    case 'missing-work':
      return t('reasonMissingWork', { count: proposal.evidence.length, names });
    case 'sliding-grade':
      return proposal.previousPercent === undefined
        ? t('reasonSlidingGradeLow', { current: percentText(proposal.current?.percent) })
        : t('reasonSlidingGrade', { current: percentText(proposal.current?.percent), previous: percentText(proposal.previousPercent) });
    case 'sudden-drop':
      return t('reasonSuddenDrop', { names });
    case 'improvement':
      return t('reasonImprovement', { names });
    case 'consistency':
      return t('reasonConsistency', { names });
    case 'made-up-work':
      return t('reasonMadeUpWork', { names });
    case 'personal-best':
      return t('reasonPersonalBest', { names });
    case 'work-complete':
      return t('reasonWorkComplete', { count: proposal.evidence.length, names });
    case 'follow-up':
      return t('reasonFollowUp', { names });
  }
}
