import { t } from '../ui/i18n';

/** The UI's name for a message language; a language without one shows its code. */
function languageName(code: string): string {
  const key = `languageName${code.charAt(0).toUpperCase()}${code.slice(1)}`;
  const name = t(key);
  return name === key ? code : name;
}

export interface LanguagePickerProps {
  languages: readonly string[];
  value: string;
  onChange: (language: string) => void;
}

export function LanguagePicker({ languages, value, onChange }: LanguagePickerProps) {
  return (
    <label class="inline-select">
      {t('languageLabel')}
      <select data-testid="language-picker" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {languages.map((code) => (
          <option key={code} value={code}>
            {languageName(code)}
          </option>
        ))}
      </select>
    </label>
  );
}
