// The registry of message templates, one file per language. Adding a language: write
// `templates/xx.ts` with the shape of ./types.ts, and add it to TEMPLATES below — nothing else changes.
// (Options may later hold teachers' own edited templates of the same shape; they would be passed in
// the same way.)
import { en } from './en';
import { es } from './es';
import type { MessageTemplates } from './types';

export type { MessageTemplates } from './types';

/** Every language the composer writes, first = the fallback. */
export const TEMPLATES: readonly MessageTemplates[] = [en, es];

/** The languages a draft can be written in (BCP 47 tags), the fallback first. */
export function availableLanguages(): string[] {
  return TEMPLATES.map((t) => t.language);
}

/** A language's own name ("Español") for the picker; the tag itself when no templates have it. */
export function languageName(language: string): string {
  return TEMPLATES.find((t) => t.language === language)?.name ?? language;
}

/**
 * The templates for a BCP 47 tag: the exact language, else its base language (`es-MX` → `es`), else
 * English. `supported` tells the UI whether it must say that the draft is not in the family's language.
 */
export function templatesFor(language: string): { templates: MessageTemplates; supported: boolean } {
  const wanted = language.trim().toLowerCase();
  const base = wanted.split(/[-_]/)[0];
  const found =
    TEMPLATES.find((t) => t.language.toLowerCase() === wanted) ?? TEMPLATES.find((t) => t.language.toLowerCase() === base);
  return found ? { templates: found, supported: true } : { templates: TEMPLATES[0]!, supported: false };
}
