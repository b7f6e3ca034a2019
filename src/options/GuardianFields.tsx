// One guardian's name, relation, email and phone in the family editor, each with its own label and, when
// refused, the reason right under it (tied to the input for screen readers).
import { type FieldKey, type FieldProblem, type GuardianDraft, type GuardianField } from '../core/family-edit';
import { t } from '../ui/i18n';
import { fieldId, problemText } from './family-problem-text';

// Plain text inputs with the right on-screen keyboard: the check below says what is wrong, in the
// teacher's language, where the browser's own email validation would only block the form. Over-long text
// is not cut off by a maxlength either: the check says how long it may be.
const FIELDS: ReadonlyArray<{ field: GuardianField; label: string; inputMode: 'text' | 'email' | 'tel' }> = [
  { field: 'name', label: 'field_guardianName', inputMode: 'text' },
  { field: 'relation', label: 'field_relation', inputMode: 'text' },
  { field: 'email', label: 'field_email', inputMode: 'email' },
  { field: 'phone', label: 'field_phone', inputMode: 'tel' },
];

export interface GuardianFieldsProps {
  index: number;
  guardian: GuardianDraft;
  problems: Partial<Record<FieldKey, FieldProblem>>;
  onChange: (guardian: GuardianDraft) => void;
  onRemove: () => void;
}

export function GuardianFields({ index, guardian, problems, onChange, onRemove }: GuardianFieldsProps) {
  const number = index + 1;
  return (
    <fieldset class="guardian" data-testid="guardian-fields">
      <legend>{t('familyEditGuardian', { number })}</legend>
      {FIELDS.map(({ field, label, inputMode }) => {
        const key: FieldKey = `guardian-${index}-${field}`;
        const problem = problems[key];
        const id = fieldId(key);
        return (
          <div key={field} class="field">
            <label for={id}>{t(label)}</label>
            <input
              id={id}
              name={key}
              type="text"
              inputMode={inputMode}
              autocomplete="off"
              value={guardian[field]}
              aria-invalid={problem ? 'true' : undefined}
              aria-describedby={problem ? `${id}-problem` : undefined}
              onInput={(e) => onChange({ ...guardian, [field]: e.currentTarget.value })}
            />
            {problem && (
              <p id={`${id}-problem`} class="field-problem" data-testid="field-problem">
                {problemText(problem)}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" class="secondary small" onClick={onRemove}>
        {t('familyEditRemoveGuardian', { number })}
      </button>
    </fieldset>
  );
}
