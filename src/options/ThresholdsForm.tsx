// The lines that make a concern worth a heads-up, with the defaults the engine starts from.
import { useState } from 'preact/hooks';
import type { Thresholds } from '../core/types';
import { t } from '../ui/i18n';

const FIELDS: ReadonlyArray<{ key: keyof Thresholds; label: string; min: number; max: number; step: number }> = [
  { key: 'lowGrade', label: 'lowGradeLabel', min: 0, max: 100, step: 1 },
  { key: 'missingCount', label: 'missingCountLabel', min: 1, max: 20, step: 1 },
  { key: 'dropPoints', label: 'dropPointsLabel', min: 1, max: 100, step: 1 },
  { key: 'cadenceDays', label: 'cadenceDaysLabel', min: 0, max: 60, step: 1 },
];

export interface ThresholdsFormProps {
  thresholds: Thresholds;
  /** thresholds the school sets by policy: shown, not editable */
  bySchool?: Array<keyof Thresholds>;
  onSave: (thresholds: Thresholds) => void;
  onInvalid: (message: string) => void;
}

export function ThresholdsForm({ thresholds, onSave, onInvalid, bySchool = [] }: ThresholdsFormProps) {
  const [values, setValues] = useState<Record<keyof Thresholds, string>>(() => {
    const entries = FIELDS.map((f) => [f.key, String(thresholds[f.key])]);
    return Object.fromEntries(entries) as Record<keyof Thresholds, string>;
  });
  const submit = (event: Event) => {
    event.preventDefault();
    const parsed: Partial<Thresholds> = {};
    for (const f of FIELDS) {
      const n = Number(values[f.key].trim());
      const integer = f.key !== 'lowGrade' && f.key !== 'dropPoints';
      if (values[f.key].trim() === '' || !Number.isFinite(n) || n < f.min || n > f.max || (integer && !Number.isInteger(n))) {
        onInvalid(t('thresholdInvalid', { value: values[f.key], min: f.min, max: f.max }));
        return;
      }
      parsed[f.key] = n;
    }
    onSave(parsed as Thresholds);
  };
  return (
    <form onSubmit={submit} data-testid="thresholds-form" noValidate>
      <fieldset>
        <legend>{t('thresholdsHeading')}</legend>
        <p class="muted">{t('thresholdsHelp')}</p>
        {FIELDS.map((f) => (
          <label key={f.key}>
            {t(f.label)}
            {bySchool.includes(f.key) && <span class="by-school"> {t('setBySchool')}</span>}
            <input
              disabled={bySchool.includes(f.key)}
              name={f.key}
              type="number"
              min={f.min}
              max={f.max}
              step={f.step}
              value={values[f.key]}
              onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
        <button type="submit">{t('saveThresholds')}</button>
      </fieldset>
    </form>
  );
}
