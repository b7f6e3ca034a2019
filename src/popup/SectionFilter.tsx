// Narrows the lists to one section (a teacher with six periods looks at the one just taught).
import type { Section } from '../core/types';
import { t } from '../ui/i18n';

export interface SectionFilterProps {
  sections: Section[];
  value: string;
  onChange: (sectionId: string) => void;
}

export function SectionFilter({ sections, value, onChange }: SectionFilterProps) {
  if (sections.length < 2) return null;
  return (
    <label class="inline-select section-filter">
      {t('sectionFilterLabel')}
      <select data-testid="section-filter" value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{t('allSections')}</option>
        {sections.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </label>
  );
}
