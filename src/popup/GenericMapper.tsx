// "Read this page": Heads-Up proposes how to read the page's grade table (which column is the student,
// which the overall grade, which columns to leave out), shows what it would read, and the teacher
// corrects it column by column. Saved, the mapping is reused on every later visit to pages like this one.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { TablePreview } from '../adapters/generic-table';
import type { ColumnRole, TableMapping } from '../core/types';
import type { ReadNowResult, Reply, UiToContent } from '../messages';
import { sendToBackground } from '../ui/send-to-background';
import { t, tCount } from '../ui/i18n';

export interface GenericMapperProps {
  tabId: number;
  onDone: (message: string) => void;
  onCancel: () => void;
}

const ROLES: ColumnRole[] = ['assignment', 'ignore', 'student', 'student-id', 'overall'];
const ROLE_LABEL: Record<ColumnRole, () => string> = {
  assignment: () => t('roleAssignment'),
  ignore: () => t('roleIgnore'),
  student: () => t('roleStudent'),
  'student-id': () => t('roleStudentId'),
  overall: () => t('roleOverall'),
};

async function ask<T>(tabId: number, message: UiToContent): Promise<Reply<T>> {
  const reply = (await browser.tabs.sendMessage(tabId, message)) as Reply<T> | undefined;
  return reply ?? { ok: false, error: 'no-answer' };
}

export function GenericMapper({ tabId, onDone, onCancel }: GenericMapperProps) {
  const [preview, setPreview] = useState<TablePreview>();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const show = (reply: Reply<TablePreview>) => {
    if (reply.ok) {
      setPreview(reply.value);
      setError('');
    } else {
      setError(reply.error === 'no-table' ? t('mapperNoTable') : t('mapperFailed', { error: reply.error }));
    }
  };
  const run = (message: UiToContent) => {
    setBusy(true);
    ask<TablePreview>(tabId, message)
      .then(show, (failure: unknown) => setError(t('mapperFailed', { error: String(failure) })))
      .finally(() => setBusy(false));
  };

  useEffect(() => run({ type: 'generic-propose' }), [tabId]);

  const setRole = (mapping: TableMapping, column: number, role: ColumnRole) => run({ type: 'generic-set-role', mapping, column, role });

  const save = async () => {
    if (!preview) return;
    setBusy(true);
    try {
      const entry = { origin: preview.origin, pathPattern: preview.pathPattern, mapping: preview.mapping, savedAt: Date.now() };
      await sendToBackground({ type: 'save-site-mapping', entry });
      // `read-now` answers with what was read (not wrapped in a Reply)
      const readNow: UiToContent = { type: 'read-now' };
      const read = (await browser.tabs.sendMessage(tabId, readNow)) as ReadNowResult | undefined;
      onDone(t('mapperSaved', { readings: String(read?.readings ?? 0) }));
    } catch (failure) {
      setError(t('mapperFailed', { error: String(failure) }));
      setBusy(false);
    }
  };

  return (
    <section class="generic-mapper" aria-labelledby="mapper-heading" aria-busy={busy} data-testid="generic-mapper">
      <h2 id="mapper-heading">{t('readThisPage')}</h2>
      {error && <p role="alert" class="error">{error}</p>}
      {preview && (
        <>
          <p>{t('mapperExplain')}</p>
          {preview.tables.length > 1 && (
            <label>
              {t('mapperTable')}{' '}
              <select
                value={String(preview.mapping.tableIndex)}
                onChange={(event) => run({ type: 'generic-propose', tableIndex: Number(event.currentTarget.value) })}
                data-testid="mapper-table"
              >
                {preview.tables.map((table) => (
                  <option key={table.index} value={String(table.index)}>
                    {t('mapperTableOption', { rows: String(table.rows), columns: String(table.columns), label: table.label })}
                  </option>
                ))}
              </select>
            </label>
          )}
          <ul class="mapper-columns" data-testid="mapper-columns">
            {preview.columns.filter((column) => column.header !== '' || column.role !== 'ignore').map((column) => (
              <li key={column.index}>
                <label>
                  <span class="mapper-header">{column.header || t('mapperUnnamed', { n: String(column.index + 1) })}</span>{' '}
                  <select
                    value={column.role}
                    data-column={String(column.index)}
                    onChange={(event) => setRole(preview.mapping, column.index, event.currentTarget.value as ColumnRole)}
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>{ROLE_LABEL[role]()}</option>
                    ))}
                  </select>
                </label>
              </li>
            ))}
          </ul>
          <p data-testid="mapper-counts">
            {t('mapperWouldRead', { students: tCount('countStudents', preview.students), assignments: tCount('countAssignments', preview.assignments) })}
          </p>
          <table class="mapper-preview" data-testid="mapper-preview">
            <caption class="visually-hidden">{t('mapperPreviewCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('roleStudent')}</th>
                <th scope="col">{t('roleOverall')}</th>
                <th scope="col">{t('mapperScores')}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, i) => (
                <tr key={i}>
                  <th scope="row">{row.student}</th>
                  <td>{row.overall ?? ''}</td>
                  <td>{row.scores.join(' · ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.problems.length > 0 && (
            <details>
              <summary>{tCount('statusProblems', preview.problems.length)}</summary>
              <ul>
                {preview.problems.slice(0, 20).map((p, i) => (
                  <li key={i}>{p.where}: {p.reason}{p.raw ? ` (“${p.raw}”)` : ''}</li>
                ))}
              </ul>
            </details>
          )}
        </>
      )}
      <div class="actions">
        <button type="button" onClick={() => void save()} disabled={!preview || busy || preview.students === 0} data-testid="mapper-save">
          {t('mapperSave')}
        </button>
        <button type="button" class="secondary" onClick={onCancel}>{t('cancel')}</button>
      </div>
    </section>
  );
}
