// "Your data": how much is stored and whether it is safe from eviction, export / import, a section's
// CSV, and wiping everything.
import { useState } from 'preact/hooks';
import type { HeadsUpDb } from '../storage/db';
import { t } from '../ui/i18n';
import { BackupControls } from './BackupControls';
import { SectionCsvExport } from './SectionCsvExport';
import { StorageStatus } from './StorageStatus';
import { WipeControl } from './WipeControl';

export function DataPanel({ db }: { db: HeadsUpDb }) {
  const [refreshKey, setRefreshKey] = useState(0);
  const changed = () => setRefreshKey((k) => k + 1);
  return (
    <section class="data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">{t('dataHeading')}</h2>
      <p class="muted">{t('dataHelp')}</p>
      <fieldset>
        <legend>{t('backupHeading')}</legend>
        <StorageStatus refreshKey={refreshKey} />
        <BackupControls db={db} onChanged={changed} />
      </fieldset>
      <fieldset>
        <legend>{t('csvHeading')}</legend>
        <SectionCsvExport db={db} refreshKey={refreshKey} />
      </fieldset>
      <fieldset>
        <legend>{t('wipeHeading')}</legend>
        <WipeControl onChanged={changed} />
      </fieldset>
    </section>
  );
}
