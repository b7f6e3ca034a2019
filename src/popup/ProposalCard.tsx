import { useState } from 'preact/hooks';
import type { Evidence, Proposal } from '../core/proposal-types';
import { formatIsoDate, t } from '../ui/i18n';
import { reasonLine } from './reason-line';

export interface ProposalCardProps {
  proposal: Proposal;
  onPick: (proposal: Proposal) => void;
  onOpenStudent: (studentId: string) => void;
}

function EvidenceItem({ item }: { item: Evidence }) {
  return (
    <li>
      <span class="assignment">{item.assignmentName}</span>
      {item.dueDate && <span class="muted"> · {t('due', { date: formatIsoDate(item.dueDate) })}</span>}
      <span class="score"> · {item.raw}</span>
      {item.missing && <span class="tag"> {t('missingMark')}</span>}
      {item.late && <span class="tag"> {t('lateMark')}</span>}
    </li>
  );
}

export function ProposalCard({ proposal, onPick, onOpenStudent }: ProposalCardProps) {
  const [open, setOpen] = useState(false);
  const evidenceId = `evidence-${proposal.id}`;
  return (
    <article class={`card ${proposal.kind}`} data-testid="proposal" data-proposal-id={proposal.id} data-reason={proposal.reason}>
      <h3 class="student">
        <button type="button" class="link" title={t('openStudent', { student: proposal.studentName })} onClick={() => onOpenStudent(proposal.studentId)}>
          {proposal.studentName}
        </button>
      </h3>
      <p class="section muted">{proposal.sectionName}</p>
      <p class="reason">{reasonLine(proposal)}</p>
      {proposal.kind === 'heads-up' && proposal.nextReportDate && proposal.daysToReport !== undefined && (
        <p class="muted">{t('reportIn', { days: proposal.daysToReport, date: formatIsoDate(proposal.nextReportDate) })}</p>
      )}
      <div class="actions">
        <button type="button" class="secondary" aria-expanded={open} aria-controls={evidenceId} onClick={() => setOpen(!open)}>
          {open ? t('hideEvidence') : t('showEvidence')}
        </button>
        <button type="button" onClick={() => onPick(proposal)}>
          {t('writeMessage')}
        </button>
      </div>
      {open && (
        <div id={evidenceId} class="evidence">
          <h4>{t('evidenceHeading')}</h4>
          <ul>
            {proposal.evidence.map((e) => (
              <EvidenceItem key={e.assignmentId} item={e} />
            ))}
          </ul>
          {proposal.goingWell.length > 0 && (
            <>
              <h4>{t('goingWellHeading')}</h4>
              <ul>
                {proposal.goingWell.map((e) => (
                  <EvidenceItem key={e.assignmentId} item={e} />
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </article>
  );
}
