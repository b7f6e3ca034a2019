// A choice of section, as the popup's filter, the families editor and the CSV export offer it: every
// section by name, with an "all sections" choice first where the caller names one.
import type { Section } from '../core/types';

export interface SectionSelectProps {
  sections: Section[];
  value: string;
  onChange: (sectionId: string) => void;
  testId: string;
  /** the label of the empty choice meaning every section; none when a section must be chosen */
  allLabel?: string;
}

export function SectionSelect({ sections, value, onChange, testId, allLabel }: SectionSelectProps) {
  return (
    <select data-testid={testId} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
      {allLabel !== undefined && <option value="">{allLabel}</option>}
      {sections.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name}
        </option>
      ))}
    </select>
  );
}
