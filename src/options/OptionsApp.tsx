// The options page: the school calendar (and sections' own), the signature, thresholds, templates,
// families, sites and permissions, and the teacher's data.
import { useEffect, useState } from 'preact/hooks';
import { effectiveSettings } from '../core/settings';
import type { Settings } from '../core/types';
import { openDb } from '../storage/db';
import type { ManagedPolicy } from '../core/managed-policy';
import { loadManagedPolicy } from '../storage/managed-policy';
import { loadSettings } from '../storage/queries';
import { SitesPanel } from './SitesPanel';
import { t } from '../ui/i18n';
import { sendToBackground } from '../ui/send-to-background';
import { CalendarForm, type CalendarDraft } from './CalendarForm';
import { checkCalendarDates } from './CalendarFields';
import { SectionCalendars } from './SectionCalendars';
import { DataPanel } from './DataPanel';
import { FamiliesEditor } from './FamiliesEditor';
import { FamiliesImport } from './FamiliesImport';
import { TemplateEditor } from './TemplateEditor';
import { ThresholdsForm } from './ThresholdsForm';

const db = openDb();

export function OptionsApp() {
  const [settings, setSettings] = useState<Settings | undefined>();
  const [policy, setPolicy] = useState<ManagedPolicy>({});
  const [notice, setNotice] = useState('');

  useEffect(() => {
    Promise.all([loadSettings(db), loadManagedPolicy()]).then(
      ([stored, managed]) => {
        setPolicy(managed);
        setSettings(effectiveSettings(stored, Date.now(), managed));
      },
      (error: unknown) => setNotice(t('loadFailed', { error: String(error) })),
    );
  }, []);

  const store = (next: Settings, report: (message: string) => void = setNotice) => {
    sendToBackground({ type: 'save-settings', settings: next }).then(
      () => {
        setSettings(next);
        report(t('saved'));
      },
      (error: unknown) => report(t('saveFailed', { error: String(error) })),
    );
  };

  const saveCalendar = (draft: CalendarDraft) => {
    if (!settings) return;
    const checked = checkCalendarDates(draft);
    if ('error' in checked) {
      setNotice(checked.error);
      return;
    }
    store({
      ...settings,
      calendar: { termStart: draft.termStart, reportDates: checked.dates, termEnd: draft.termEnd },
      signature: draft.signature.trim(),
    });
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      {settings && <CalendarForm settings={settings} onSave={saveCalendar} calendarBySchool={policy.calendar !== undefined} />}
      <p role="status" class="notice" data-testid="options-notice">{notice}</p>
      {settings && <SectionCalendars db={db} defaultCalendar={settings.calendar} bySchool={policy.calendar !== undefined} />}
      {settings && (
        <ThresholdsForm
          thresholds={settings.thresholds}
          bySchool={Object.keys(policy.thresholds ?? {}) as Array<keyof Settings['thresholds']>}
          onInvalid={setNotice}
          onSave={(thresholds) => store({ ...settings, thresholds })}
        />
      )}
      {settings && (
        <TemplateEditor
          overrides={settings.templateOverrides ?? {}}
          onSave={(templateOverrides, report) => store({ ...settings, templateOverrides }, report)}
        />
      )}
      <FamiliesImport db={db} />
      <FamiliesEditor db={db} />
      <SitesPanel db={db} schoolSites={policy.sites ?? []} />
      <DataPanel db={db} />
      <p class="muted">{t('optionsMoreLater')}</p>
    </main>
  );
}
