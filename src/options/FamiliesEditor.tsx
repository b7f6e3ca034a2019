// Families' contacts by hand: every student Heads-Up has read, narrowed by section or name, with the
// contacts on file; pick one to add or correct the family's guardians, channel and language.
import { useEffect, useMemo, useState } from 'preact/hooks';
import { normaliseName } from '../core/score-parse';
import type { Family, Section, Student } from '../core/types';
import type { HeadsUpDb } from '../storage/db';
import { t, uiLocale } from '../ui/i18n';
import { sendToBackground } from '../ui/send-to-background';
import { FamilyForm } from './FamilyForm';
import { SectionSelect } from '../ui/SectionSelect';

interface Picked {
  student: Student;
  /** read again when picked: a roster import may have changed it since the page opened */
  family: Family | undefined;
}

function contactSummary(family: Family | undefined): string {
  if (!family || family.guardians.length === 0) return t('familyEditNoContactYet');
  const names = family.guardians.map((g) => (g.relation ? t('familyEditGuardianWithRelation', { name: g.name, relation: g.relation }) : g.name));
  return t('familyEditContacts', { guardians: new Intl.ListFormat(uiLocale(), { type: 'conjunction' }).format(names) });
}

/** Every word typed appears in the name, whatever the accents and case. */
function matchesQuery(name: string, query: string): boolean {
  const haystack = normaliseName(name);
  return normaliseName(query).split(' ').every((word) => haystack.includes(word));
}

export function FamiliesEditor({ db }: { db: HeadsUpDb }) {
  const [students, setStudents] = useState<Student[]>([]);
  const [sections, setSections] = useState<Section[]>([]);
  const [families, setFamilies] = useState<Map<string, Family>>(new Map());
  const [sectionId, setSectionId] = useState('');
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<Picked | undefined>();
  const [notice, setNotice] = useState('');

  useEffect(() => {
    Promise.all([db.students.toArray(), db.sections.toArray(), db.families.toArray()]).then(
      ([s, sec, f]) => {
        setStudents(s.sort((a, b) => a.name.localeCompare(b.name, uiLocale())));
        setSections(sec.sort((a, b) => a.name.localeCompare(b.name, uiLocale())));
        setFamilies(new Map(f.map((family) => [family.studentId, family])));
      },
      (error: unknown) => setNotice(t('loadFailed', { error: String(error) })),
    );
  }, [db]);

  const shown = useMemo(
    () => students.filter((s) => (!sectionId || s.sectionIds.includes(sectionId)) && matchesQuery(s.name, query)),
    [students, sectionId, query],
  );

  const pick = (student: Student) => {
    setNotice('');
    db.families.get(student.id).then(
      (family) => setPicked({ student, family }),
      (error: unknown) => setNotice(t('loadFailed', { error: String(error) })),
    );
  };
  const close = () => {
    const id = picked?.student.id;
    setPicked(undefined);
    if (id) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-student-id="${CSS.escape(id)}"]`)?.focus());
  };
  const save = async (family: Family) => {
    await sendToBackground({ type: 'save-families', families: [family] });
    setFamilies(new Map(families).set(family.studentId, family));
  };

  return (
    <section class="families-editor" aria-labelledby="families-editor-heading" data-testid="families-editor">
      <h2 id="families-editor-heading">{t('familyEditHeading')}</h2>
      <p class="muted">{t('familyEditHelp')}</p>
      {students.length === 0 && <p class="warning">{t('familiesNoStudents')}</p>}
      <p role="status" class="notice" data-testid="families-editor-notice">
        {notice}
      </p>
      {students.length > 0 && (
        <div class="family-filters">
          <label>
            {t('familyEditSection')}
            <SectionSelect sections={sections} value={sectionId} onChange={setSectionId} testId="family-section-filter" allLabel={t('familyEditAllSections')} />
          </label>
          <label>
            {t('familyEditSearch')}
            <input type="search" autocomplete="off" value={query} data-testid="family-search" onInput={(e) => setQuery(e.currentTarget.value)} />
          </label>
        </div>
      )}
      {students.length > 0 && shown.length === 0 && <p class="empty">{t('familyEditNoMatch')}</p>}
      <ul class="family-students" data-testid="family-students">
        {shown.map((s, i) => (
          <li key={s.id} data-testid="family-student">
            <button
              type="button"
              class="link"
              data-student-id={s.id}
              aria-expanded={picked?.student.id === s.id}
              aria-describedby={`family-summary-${i}`}
              onClick={() => (picked?.student.id === s.id ? close() : pick(s))}
            >
              {s.name}
            </button>{' '}
            <span id={`family-summary-${i}`} class="muted" data-testid="family-summary">
              {contactSummary(families.get(s.id))}
            </span>
            {picked?.student.id === s.id && (
              <FamilyForm key={s.id} studentId={s.id} studentName={s.name} family={picked.family} onSave={save} onClose={close} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
