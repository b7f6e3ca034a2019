import { useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { Proposal } from '../core/proposal-types';
import { t } from '../ui/i18n';
import { ComposerPanel, StudentView } from './lazy-screens';
import { ContactLog } from './ContactLog';
import { ProposalList } from './ProposalList';
import { SectionFilter } from './SectionFilter';
import { PageAccess } from './PageAccess';
import { StatusLine } from './StatusLine';
import { usePopupData } from './use-popup-data';

/** Good news is never lost, but a long list of it would bury the heads-ups below the fold. */
const POSITIVES_SHOWN = 5;
/** The most urgent heads-ups first; six sections' worth at once would slow the popup's first screen. */
const CONCERNS_SHOWN = 20;

export function App() {
  const { state, reload } = usePopupData();
  const [selected, setSelected] = useState<Proposal | undefined>();
  const [studentId, setStudentId] = useState<string | undefined>();
  const [sectionId, setSectionId] = useState('');

  if (state.phase === 'loading') return <main class="popup" aria-busy="true" />;
  if (state.phase === 'failed') {
    return (
      <main class="popup">
        <p role="alert" class="error">{t('loadFailed', { error: state.error })}</p>
      </main>
    );
  }
  const { data } = state;
  const shown = sectionId ? data.proposals.filter((p) => p.sectionId === sectionId) : data.proposals;
  const concerns = shown.filter((p) => p.kind === 'heads-up');
  const positives = shown.filter((p) => p.kind === 'positive');
  const followUps = shown.filter((p) => p.kind === 'follow-up');
  const onLogged = () => {
    setSelected(undefined);
    reload();
  };

  return (
    <main class="popup" data-fresh={String(data.fresh)} aria-busy={!data.fresh}>
      <header class="popup-header">
        <h1>{t('popupTitle')}</h1>
        <button type="button" class="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </header>
      <StatusLine status={data.tabStatus} latestReadings={data.latestReadings} sections={data.sections} />
      <PageAccess tabId={data.tabId} status={data.tabStatus} onChanged={reload} />
      {selected ? (
        <ComposerPanel proposal={selected} settings={data.settings} now={data.now} onClose={() => setSelected(undefined)} onLogged={onLogged} />
      ) : studentId ? (
        <StudentView studentId={studentId} calendar={data.settings.calendar} sectionCalendars={data.sectionCalendars} onBack={() => setStudentId(undefined)} />
      ) : (
        <>
          <SectionFilter sections={data.sections} value={sectionId} onChange={setSectionId} />
          <ProposalList testId="concerns" heading={t('concernsHeading')} empty={t('noConcerns')} proposals={concerns} onPick={setSelected} onOpenStudent={setStudentId} limit={CONCERNS_SHOWN} />
          {followUps.length > 0 && (
            <ProposalList testId="follow-ups" heading={t('followUpsHeading')} empty={t('noFollowUps')} proposals={followUps} onPick={setSelected} onOpenStudent={setStudentId} />
          )}
          <ProposalList
            testId="positives"
            heading={t('positivesHeading')}
            empty={t('noPositives')}
            proposals={positives}
            onPick={setSelected}
            onOpenStudent={setStudentId}
            limit={POSITIVES_SHOWN}
          />
        </>
      )}
      <ContactLog entries={data.contacts} studentNames={data.studentNames} onOpenStudent={setStudentId} />
    </main>
  );
}
