// Narrows the lists to one section (a teacher with six periods looks at the one just taught).
import type { Section } from '../core/types';
import { t } from '../ui/i18n';
import { SectionSelect } from '../ui/SectionSelect';

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
      <SectionSelect sections={sections} value={value} onChange={onChange} testId="section-filter" allLabel={t('allSections')} />
    </label>
  );
}
