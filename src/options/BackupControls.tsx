// Export everything to one file; import a backup, checked first, merged or replacing what is here.
import { useState } from 'preact/hooks';
import { exportBackup, inspectBackup, type ImportMode, type ImportResult } from '../storage/backup';
import type { HeadsUpDb } from '../storage/db';
import { t } from '../ui/i18n';
import { sendToBackground } from '../ui/send-to-background';
import { datedFileName, downloadBlob } from './download';

export interface BackupControlsProps {
  db: HeadsUpDb;
  onChanged: () => void;
}

export function BackupControls({ db, onChanged }: BackupControlsProps) {
  const [file, setFile] = useState<File | undefined>();
  const [mode, setMode] = useState<ImportMode>('merge');
  const [notice, setNotice] = useState('');

  const exportAll = async () => {
    const name = datedFileName('heads-up-backup', 'json');
    downloadBlob(await exportBackup(db), name);
    setNotice(t('exported', { file: name }));
  };

  const importFile = async () => {
    if (!file) {
      setNotice(t('chooseFileFirst'));
      return;
    }
    const checked = await inspectBackup(file);
    if (!checked.ok) {
      setNotice(t('importRefused', { reason: checked.reason }));
      return;
    }
    setNotice(t('importChecked', { students: checked.counts.students, events: checked.counts.events, contacts: checked.counts.contacts }));
    const result = await sendToBackground<Extract<ImportResult, { ok: true }>>({ type: 'import-backup', text: await file.text(), mode });
    const added = Object.values(result.added).reduce((sum, n) => sum + n, 0);
    setNotice(t('imported', { added }));
    onChanged();
  };

  const report = (action: () => Promise<void>) => () => {
    action().catch((error: unknown) => setNotice(t('importRefused', { reason: error instanceof Error ? error.message : String(error) })));
  };

  return (
    <div class="backup">
      <button type="button" data-testid="export-all" onClick={report(exportAll)}>
        {t('exportAll')}
      </button>
      <h3>{t('importHeading')}</h3>
      <label>
        {t('importFileLabel')}
        <input type="file" accept="application/json,.json" data-testid="import-file" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
      </label>
      <fieldset class="choice">
        <label>
          <input type="radio" name="import-mode" value="merge" checked={mode === 'merge'} onChange={() => setMode('merge')} />
          {t('importModeMerge')}
        </label>
        <label>
          <input type="radio" name="import-mode" value="replace" checked={mode === 'replace'} onChange={() => setMode('replace')} />
          {t('importModeReplace')}
        </label>
      </fieldset>
      <button type="button" data-testid="import-button" onClick={report(importFile)}>
        {t('importButton')}
      </button>
      <p role="status" data-testid="backup-notice">{notice}</p>
    </div>
  );
}
