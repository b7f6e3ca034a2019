// One section's history as CSV, for a spreadsheet.
import { useEffect, useState } from 'preact/hooks';
import type { Section } from '../core/types';
import type { HeadsUpDb } from '../storage/db';
import { sectionHistoryCsv } from '../storage/section-csv';
import { t } from '../ui/i18n';
import { downloadBlob, datedFileName } from './download';
import { SectionSelect } from '../ui/SectionSelect';

export function SectionCsvExport({ db, refreshKey }: { db: HeadsUpDb; refreshKey: number }) {
  const [sections, setSections] = useState<Section[]>([]);
  const [chosen, setChosen] = useState('');
  const [notice, setNotice] = useState('');
  useEffect(() => {
    db.sections.toArray().then((list) => {
      setSections(list);
      setChosen((current) => (list.some((s) => s.id === current) ? current : (list[0]?.id ?? '')));
    }, (error: unknown) => setNotice(String(error)));
  }, [db, refreshKey]);

  if (sections.length === 0) return <p class="empty">{t('noSections')}</p>;
  const exportCsv = () => {
    const section = sections.find((s) => s.id === chosen);
    if (!section) return;
    sectionHistoryCsv(db, section.id).then(
      (csv) => {
        const slug = section.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'section';
        const name = datedFileName(`heads-up-${slug}`, 'csv');
        downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), name);
        setNotice(t('exported', { file: name }));
      },
      (error: unknown) => setNotice(String(error)),
    );
  };
  return (
    <div>
      <label>
        {t('csvSectionLabel')}
        <SectionSelect sections={sections} value={chosen} onChange={setChosen} testId="csv-section" />
      </label>
      <button type="button" data-testid="csv-export" onClick={exportCsv}>
        {t('csvButton')}
      </button>
      {notice && <p role="status">{notice}</p>}
    </div>
  );
}
