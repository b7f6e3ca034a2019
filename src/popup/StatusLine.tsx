// What Heads-Up read on the page the popup was opened over, and its problems in plain words.
import type { ReadingRecord, Section } from '../core/types';
import type { TabStatus } from '../messages';
import { t, tCount } from '../ui/i18n';

export interface StatusLineProps {
  status?: TabStatus;
  latestReadings: ReadingRecord[];
  sections: Section[];
}

export function StatusLine({ status, latestReadings, sections }: StatusLineProps) {
  if (status) {
    const readSomething = status.students > 0;
    return (
      <section class="status" data-testid="tab-status" aria-live="polite">
        <p>
          {readSomething
            ? t('statusRead', {
                sectionName: status.sectionName ?? '',
                students: tCount('countStudents', status.students),
                assignments: tCount('countAssignments', status.assignments),
                adapter: status.adapterLabel ?? status.adapterId,
              })
            : t('statusPageProblems', { adapter: status.adapterLabel ?? status.adapterId })}
        </p>
        {status.adapterStatus === 'unverified' && <p class="muted" data-testid="adapter-unverified">{t('adapterUnverified')}</p>}
        {status.problems.length > 0 && (
          <details>
            <summary>{tCount('statusProblems', status.problems.length)}</summary>
            <ul>
              {status.problems.slice(0, 20).map((p, i) => (
                <li key={i}>
                  {p.where}: {p.reason}
                  {p.raw ? ` (“${p.raw}”)` : ''}
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
    );
  }
  if (latestReadings.length === 0) {
    return <p class="status" data-testid="tab-status">{t('nothingReadYet')}</p>;
  }
  const names = new Map(sections.map((s): [string, string] => [s.id, s.name]));
  const list = latestReadings.map((r) => names.get(r.sectionId) ?? r.sectionId).join(', ');
  return (
    <p class="status" data-testid="tab-status">
      {t('statusNotGradebook')} {t('lastReadings', { list })}
    </p>
  );
}
