// Teachers' own wording: any template string can be replaced, per language, by path
// (`reasons.missing-work.email.0`). Defaults stay in the language files; an override is kept only
// while it uses no placeholder the default does not (the composer fills exactly those), so an edit
// can never produce a draft with a hole in it.
import type { MessageTemplates } from './types';

/** language → template path → the teacher's text */
export type TemplateOverrides = Readonly<Record<string, Readonly<Record<string, string>>>>;

export interface TemplateEntry {
  path: string;
  text: string;
}

/** Parts of a language file that are not wording a teacher would edit. */
const NOT_WORDING = new Set(['language', 'name', 'locale', 'monthsShort', 'monthsLong', 'weekdays', 'shortDate', 'longDate']);

/** Every editable string of a language's templates, with its path, in file order. */
export function templateEntries(templates: MessageTemplates): TemplateEntry[] {
  const entries: TemplateEntry[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') entries.push({ path, text: value });
    else if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}.${i}`));
    else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (path === '' && NOT_WORDING.has(key)) continue;
        walk(child, path ? `${path}.${key}` : key);
      }
    }
  };
  walk(templates, '');
  return entries;
}

export function placeholdersOf(text: string): Set<string> {
  return new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!));
}

/** Why an edited text cannot replace the default, or undefined when it can. */
export function overrideProblem(defaultText: string, text: string): string | undefined {
  if (text.trim() === '') return 'empty';
  const allowed = placeholdersOf(defaultText);
  const unknown = [...placeholdersOf(text)].filter((p) => !allowed.has(p));
  if (unknown.length > 0) return `unknown placeholder ${unknown.map((p) => `{${p}}`).join(', ')}`;
  if (/[{}]/.test(text.replace(/\{\w+\}/g, ''))) return 'a lone { or }';
  return undefined;
}

/** The templates with the teacher's valid overrides applied (the defaults are never changed). */
export function applyOverrides(templates: MessageTemplates, overrides: Readonly<Record<string, string>> | undefined): MessageTemplates {
  if (!overrides || Object.keys(overrides).length === 0) return templates;
  const copy = structuredClone(templates) as unknown as Record<string, unknown>;
  const defaults = new Map(templateEntries(templates).map((e) => [e.path, e.text]));
  for (const [path, text] of Object.entries(overrides)) {
    const original = defaults.get(path);
    if (original === undefined || overrideProblem(original, text)) continue;
    const keys = path.split('.');
    let node = copy as Record<string, unknown>;
    for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
    node[keys.at(-1)!] = text;
  }
  return copy as unknown as MessageTemplates;
}
