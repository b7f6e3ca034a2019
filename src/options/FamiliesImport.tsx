// Families' contacts from a roster export: choose the file, check the column mapping Heads-Up guessed,
// review each row (errors with their reasons, uncertain matches to accept one by one), import.
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  ROSTER_FIELDS,
  checkRoster,
  familiesFrom,
  guessMapping,
  parseRoster,
  type KnownStudent,
  type ParsedRoster,
  type RosterMapping,
  type RowOutcome,
} from '../core/roster-import';
import type { HeadsUpDb } from '../storage/db';
import { t, tCount } from '../ui/i18n';
import { sendToBackground } from '../ui/send-to-background';

type Matched = Extract<RowOutcome, { studentId: string }>;

function statusText(row: RowOutcome): string {
  if (row.status === 'ok') return t('rowOk');
  return t(row.status === 'uncertain' ? 'rowUncertain' : 'rowError', { reason: row.reason });
}

export function FamiliesImport({ db }: { db: HeadsUpDb }) {
  const [students, setStudents] = useState<KnownStudent[]>([]);
  const [roster, setRoster] = useState<ParsedRoster | undefined>();
  const [mapping, setMapping] = useState<RosterMapping>({});
  const [accepted, setAccepted] = useState<Set<number>>(new Set());
  const [notice, setNotice] = useState('');

  // The students as the database has them now: read when the page opens and again when a file is
  // chosen, since grades may have been read in another tab while options stayed open.
  const loadStudents = () =>
    db.students.toArray().then(
      (rows) => setStudents(rows.map((s) => ({ id: s.id, key: s.key, name: s.name }))),
      (error: unknown) => setNotice(String(error)),
    );
  useEffect(() => void loadStudents(), [db]);

  const outcome = useMemo(() => (roster ? checkRoster(roster, mapping, students) : []), [roster, mapping, students]);
  const names = useMemo(() => new Map(students.map((s) => [s.id, s.name])), [students]);
  const count = (status: RowOutcome['status']) => outcome.filter((o) => o.status === status).length;

  const choose = (file: File | undefined) => {
    if (!file) return;
    void loadStudents();
    file.text().then((text) => {
      const parsed = parseRoster(text);
      setRoster(parsed);
      setMapping(guessMapping(parsed.header));
      setAccepted(new Set());
    }, (error: unknown) => setNotice(String(error)));
  };
  const importRows = () => {
    const rows = outcome.filter((o): o is Matched => o.status === 'ok' || (o.status === 'uncertain' && accepted.has(o.row)));
    const families = familiesFrom(rows, Date.now());
    sendToBackground<number>({ type: 'save-families', families }).then(
      (saved) => setNotice(t('familiesSaved', { students: tCount('countStudents', saved) })),
      (error: unknown) => setNotice(String(error)),
    );
  };

  return (
    <section class="families" aria-labelledby="families-heading" data-testid="families-import">
      <h2 id="families-heading">{t('familiesHeading')}</h2>
      <p class="muted">{t('familiesHelp')}</p>
      {students.length === 0 && <p class="warning">{t('familiesNoStudents')}</p>}
      <label>
        {t('familiesFile')}
        <input type="file" accept=".csv,text/csv" data-testid="roster-file" onChange={(e) => choose(e.currentTarget.files?.[0])} />
      </label>
      {roster && (
        <>
          <div class="mapping">
            {ROSTER_FIELDS.map((field) => (
              <label key={field}>
                {t(`field_${field}`)}
                <select
                  data-field={field}
                  value={mapping[field] === undefined ? '' : String(mapping[field])}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    const next = { ...mapping };
                    if (value === '') delete next[field];
                    else next[field] = Number(value);
                    setMapping(next);
                  }}
                >
                  <option value="">{t('notInFile')}</option>
                  {roster.header.map((h, i) => (
                    <option key={i} value={String(i)}>
                      {h}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <p data-testid="roster-summary">{t('familiesSummary', { ok: count('ok'), uncertain: count('uncertain'), errors: count('error') })}</p>
          <table class="preview" data-testid="roster-preview">
            <thead>
              <tr>
                <th>{t('previewRow')}</th>
                <th>{t('previewStudent')}</th>
                <th>{t('previewGuardian')}</th>
                <th>{t('previewStatus')}</th>
              </tr>
            </thead>
            <tbody>
              {outcome.map((o) => (
                <tr key={o.row} data-status={o.status}>
                  <td>{o.row}</td>
                  <td>{'studentId' in o ? names.get(o.studentId) : ''}</td>
                  <td>{'guardian' in o ? [o.guardian.name, o.guardian.email, o.guardian.phone].filter(Boolean).join(' · ') : ''}</td>
                  <td>
                    {statusText(o)}
                    {o.status === 'uncertain' && (
                      <label class="inline">
                        <input
                          type="checkbox"
                          checked={accepted.has(o.row)}
                          onChange={(e) => {
                            const next = new Set(accepted);
                            if (e.currentTarget.checked) next.add(o.row);
                            else next.delete(o.row);
                            setAccepted(next);
                          }}
                        />
                        {t('acceptMatch', { student: o.studentName })}
                      </label>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" data-testid="roster-import" onClick={importRows}>
            {t('familiesImport')}
          </button>
        </>
      )}
      <p role="status" data-testid="families-notice">
        {notice}
      </p>
    </section>
  );
}
