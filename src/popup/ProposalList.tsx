import type { Proposal } from '../core/proposal-types';
import { ProposalCard } from './ProposalCard';

export interface ProposalListProps {
  testId: string;
  heading: string;
  empty: string;
  proposals: Proposal[];
  onPick: (proposal: Proposal) => void;
}

export function ProposalList({ testId, heading, empty, proposals, onPick }: ProposalListProps) {
  const headingId = `${testId}-heading`;
  return (
    <section class="proposals" data-testid={testId} aria-labelledby={headingId}>
      <h2 id={headingId}>
        {heading} <span class="count">{proposals.length}</span>
      </h2>
      {proposals.length === 0 ? (
        <p class="empty">{empty}</p>
      ) : (
        <ul>
          {proposals.map((p) => (
            <li key={p.id}>
              <ProposalCard proposal={p} onPick={onPick} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
