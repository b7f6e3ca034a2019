// One student's family, edited by hand: guardians (added and removed up to the message's limit), the
// channel the family prefers and their language. Checked field by field before anything is sent; the
// focus goes to the first field refused, so a keyboard user lands where the fix is.
import { useEffect, useState } from 'preact/hooks';
import {
  MAX_GUARDIANS,
  checkFamilyDraft,
  draftFromFamily,
  emptyGuardian,
  type FamilyDraft,
  type FieldKey,
  type FieldProblem,
} from '../core/family-edit';
import type { Channel, Family } from '../core/types';
import { t, tCount } from '../ui/i18n';
import { GuardianFields } from './GuardianFields';
import { fieldId, problemText } from './family-problem-text';

type LanguageChoice = '' | 'en' | 'es' | 'other';
type Problems = Partial<Record<FieldKey, FieldProblem>>;

export interface FamilyFormProps {
  studentId: string;
  studentName: string;
  family: Family | undefined;
  /** sends the checked family; resolves once the background stored it */
  onSave: (family: Family) => Promise<void>;
  onClose: () => void;
}

function startingDraft(family: Family | undefined): FamilyDraft {
  const draft = draftFromFamily(family);
  // A family without guardians starts with one empty row, ready to type into.
  return draft.guardians.length > 0 ? draft : { ...draft, guardians: [emptyGuardian()] };
}

const choiceOf = (language: string): LanguageChoice => (language === '' || language === 'en' || language === 'es' ? language : 'other');

/** Focuses the first element matching a selector after the render that shows it. */
function useFocusAfterRender(): (selector: string) => void {
  const [target, setTarget] = useState<{ selector: string } | undefined>();
  useEffect(() => {
    if (target) document.querySelector<HTMLElement>(target.selector)?.focus();
  }, [target]);
  return (selector: string) => setTarget({ selector });
}
const byId = (key: FieldKey) => `#${fieldId(key)}`;

export function FamilyForm({ studentId, studentName, family, onSave, onClose }: FamilyFormProps) {
  const [draft, setDraft] = useState<FamilyDraft>(() => startingDraft(family));
  const [languageChoice, setLanguageChoice] = useState<LanguageChoice>(() => choiceOf(draft.language));
  const [problems, setProblems] = useState<Problems>({});
  const [notice, setNotice] = useState('');
  const focus = useFocusAfterRender();

  useEffect(() => focus(byId('guardian-0-name')), []);

  const setGuardians = (guardians: FamilyDraft['guardians']) => setDraft({ ...draft, guardians });
  const add = () => {
    setGuardians([...draft.guardians, emptyGuardian()]);
    setProblems({});
    focus(byId(`guardian-${draft.guardians.length}-name`));
  };
  const remove = (index: number) => {
    setGuardians(draft.guardians.filter((_, i) => i !== index));
    // Problems are keyed by position: after a removal they point at the wrong rows.
    setProblems({});
    focus(draft.guardians.length > 1 ? byId(`guardian-${Math.max(0, index - 1)}-name`) : '#family-edit-add');
  };
  const submit = (event: Event) => {
    event.preventDefault();
    const checked = checkFamilyDraft(studentId, draft, Date.now());
    if (!checked.ok) {
      setProblems(checked.problems);
      setNotice(tCount('familyEditNotSaved', Object.keys(checked.problems).length));
      focus('.family-form [aria-invalid="true"]');
      return;
    }
    setProblems({});
    setNotice('');
    onSave(checked.family).then(
      () => setNotice(t('saved')),
      (error: unknown) => setNotice(t('saveFailed', { error: String(error) })),
    );
  };
  const problemFor = (key: FieldKey) => problems[key] && <p id={`${fieldId(key)}-problem`} class="field-problem" data-testid="field-problem">{problemText(problems[key])}</p>;
  const invalid = (key: FieldKey) => (problems[key] ? { 'aria-invalid': 'true' as const, 'aria-describedby': `${fieldId(key)}-problem` } : {});

  return (
    <form class="family-form" onSubmit={submit} noValidate data-testid="family-form" aria-labelledby="family-form-heading">
      <h3 id="family-form-heading">
        {t('familyEditFormHeading', { student: studentName })}
      </h3>
      <div id={fieldId('guardians')}>
        {draft.guardians.length === 0 && <p class="muted">{t('familyEditNoGuardians')}</p>}
        {draft.guardians.map((g, i) => (
          <GuardianFields
            key={i}
            index={i}
            guardian={g}
            problems={problems}
            onChange={(next) => setGuardians(draft.guardians.map((old, j) => (j === i ? next : old)))}
            onRemove={() => remove(i)}
          />
        ))}
        {problemFor('guardians')}
      </div>
      <button type="button" id="family-edit-add" class="secondary" disabled={draft.guardians.length >= MAX_GUARDIANS} onClick={add}>
        {t('familyEditAddGuardian')}
      </button>
      {draft.guardians.length >= MAX_GUARDIANS && <p class="muted">{t('familyEditTooMany', { max: MAX_GUARDIANS })}</p>}
      <div class="field">
        <label for={fieldId('preferredChannel')}>{t('field_channel')}</label>
        <select
          id={fieldId('preferredChannel')}
          value={draft.preferredChannel}
          {...invalid('preferredChannel')}
          onChange={(e) => setDraft({ ...draft, preferredChannel: e.currentTarget.value as Channel | '' })}
        >
          <option value="">{t('familyEditNoPreference')}</option>
          <option value="email">{t('channelEmailOption')}</option>
          <option value="text">{t('channelTextOption')}</option>
          <option value="phone">{t('channelPhoneOption')}</option>
        </select>
        {problemFor('preferredChannel')}
      </div>
      <div class="field">
        <label for="family-edit-language-choice">{t('field_language')}</label>
        <select
          id="family-edit-language-choice"
          value={languageChoice}
          onChange={(e) => {
            const choice = e.currentTarget.value as LanguageChoice;
            setLanguageChoice(choice);
            // The code's input comes next in the tab order; the focus stays put, since arrow keys change the choice.
            setDraft({ ...draft, language: choice === 'other' ? '' : choice });
          }}
        >
          <option value="">{t('familyEditLanguageUnknown')}</option>
          <option value="en">{t('languageNameEn')}</option>
          <option value="es">{t('languageNameEs')}</option>
          <option value="other">{t('familyEditLanguageOther')}</option>
        </select>
      </div>
      {languageChoice === 'other' && (
        <div class="field">
          <label for={fieldId('language')}>{t('familyEditLanguageCode')}</label>
          <input id={fieldId('language')} type="text" autocomplete="off" value={draft.language} {...invalid('language')} onInput={(e) => setDraft({ ...draft, language: e.currentTarget.value })} />
          {problemFor('language')}
        </div>
      )}
      <div class="actions">
        <button type="submit" data-testid="family-save">{t('familyEditSave')}</button>
        <button type="button" class="secondary" onClick={onClose}>
          {t('familyEditClose')}
        </button>
      </div>
      <p role="status" class="notice" data-testid="family-edit-notice">
        {notice}
      </p>
    </form>
  );
}
