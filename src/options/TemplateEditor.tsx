// Edit the wording of any template, per language; reset one or all to the default. An edit that uses a
// placeholder the default does not is shown with the reason and not used (see core/templates/overrides.ts).
import { useMemo, useState } from 'preact/hooks';
import { TEMPLATES, languageName } from '../core/templates/index';
import { overrideProblem, templateEntries, type TemplateOverrides } from '../core/templates/overrides';
import { t } from '../ui/i18n';

export interface TemplateEditorProps {
  overrides: TemplateOverrides;
  onSave: (overrides: Record<string, Record<string, string>>, report: (message: string) => void) => void;
}

/** `concerns.missing-work.subject.0` → group `concerns › missing-work`, label `subject 1`. */
function groupOf(path: string): string {
  const parts = path.split('.');
  return parts.slice(0, parts.length > 2 ? 2 : 1).join(' › ');
}
function labelOf(path: string): string {
  const parts = path.split('.');
  const rest = parts.slice(parts.length > 2 ? 2 : 1);
  return rest.map((p) => (/^\d+$/.test(p) ? String(Number(p) + 1) : p)).join(' ');
}

export function TemplateEditor({ overrides, onSave }: TemplateEditorProps) {
  const [language, setLanguage] = useState(TEMPLATES[0]!.language);
  const [edits, setEdits] = useState<Record<string, Record<string, string>>>(() => structuredClone({ ...overrides }) as Record<string, Record<string, string>>);
  const [notice, setNotice] = useState('');
  const entries = useMemo(() => templateEntries(TEMPLATES.find((x) => x.language === language)!), [language]);
  const groups = useMemo(() => [...new Set(entries.map((e) => groupOf(e.path)))], [entries]);
  const [group, setGroup] = useState(groups[0] ?? '');
  const shownGroup = groups.includes(group) ? group : (groups[0] ?? '');
  const mine = edits[language] ?? {};

  const setText = (path: string, text: string, defaultText: string) => {
    const next = { ...mine };
    if (text === defaultText) delete next[path];
    else next[path] = text;
    setEdits({ ...edits, [language]: next });
  };
  const save = () => {
    const cleaned = Object.fromEntries(Object.entries(edits).filter(([, paths]) => Object.keys(paths).length > 0));
    onSave(cleaned, setNotice);
  };

  return (
    <section class="templates" aria-labelledby="templates-heading" data-testid="template-editor">
      <h2 id="templates-heading">{t('templatesHeading')}</h2>
      <p class="muted">{t('templatesHelp')}</p>
      <div class="template-pickers">
        <label>
          {t('templatesLanguage')}
          <select data-testid="template-language" value={language} onChange={(e) => setLanguage(e.currentTarget.value)}>
            {TEMPLATES.map((x) => (
              <option key={x.language} value={x.language}>
                {languageName(x.language)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('templatesGroup')}
          <select data-testid="template-group" value={shownGroup} onChange={(e) => setGroup(e.currentTarget.value)}>
            {groups.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul>
        {entries
          .filter((e) => groupOf(e.path) === shownGroup)
          .map((e) => {
            const text = mine[e.path] ?? e.text;
            const problem = mine[e.path] === undefined ? undefined : overrideProblem(e.text, text);
            return (
              <li key={e.path} data-path={e.path}>
                <label>
                  {labelOf(e.path)} {mine[e.path] !== undefined && <span class="tag">{t('templateEdited')}</span>}
                  <textarea rows={2} value={text} onInput={(ev) => setText(e.path, ev.currentTarget.value, e.text)} />
                </label>
                {problem && <p class="warning">{t('templateProblem', { problem })}</p>}
                {mine[e.path] !== undefined && (
                  <button type="button" class="secondary small" onClick={() => setText(e.path, e.text, e.text)}>
                    {t('templateReset')}
                  </button>
                )}
              </li>
            );
          })}
      </ul>
      <div class="actions">
        <button type="button" data-testid="templates-save" onClick={save}>
          {t('templatesSave')}
        </button>
        <button type="button" class="secondary" onClick={() => setEdits({ ...edits, [language]: {} })}>
          {t('templatesResetAll')}
        </button>
      </div>
      <p role="status" data-testid="templates-notice">{notice}</p>
    </section>
  );
}
