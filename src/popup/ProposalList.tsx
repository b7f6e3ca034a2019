import { useState } from 'preact/hooks';
import type { Proposal } from '../core/proposal-types';
import { t } from '../ui/i18n';
import { ProposalCard } from './ProposalCard';

export interface ProposalListProps {
  testId: string;
  heading: string;
  empty: string;
  proposals: Proposal[];
  onPick: (proposal: Proposal) => void;
  onOpenStudent: (studentId: string) => void;
  /** show this many at first (the most urgent), the rest behind "Show all" */
  limit?: number;
}

export function ProposalList({ testId, heading, empty, proposals, onPick, onOpenStudent, limit = Infinity }: ProposalListProps) {
  const headingId = `${testId}-heading`;
  const [showAll, setShowAll] = useState(false);
  const shown = showAll ? proposals : proposals.slice(0, limit);
  const hidden = proposals.length - shown.length;
  return (
    <section class="proposals" data-testid={testId} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {heading} <span class="count">{proposals.length}</span>
      </h2>
      {proposals.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul>
          {shown.map((p) => (
            <li key={p.id}>
              <ProposalCard proposal={p} onPick={onPick} onOpenStudent={onOpenStudent} />
            </li>
          ))}
        </ul>
      )}
      {hidden > 0 && (
        <button type="button" class="secondary more" onClick={() => setShowAll(true)}>
          {t('showMore', { count: hidden })}
        </button>
      )}
    </section>
  );
}
