// The Spanish UI text catalogue must match the English one: the same message names (Chrome falls back
// to the default locale per message, so a missing name silently shows English), the same `{token}`s
// for the code to fill in, and text for every message.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Catalogue = Record<string, { message: string }>;
const load = (lang: string) =>
  JSON.parse(readFileSync(new URL(`../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Catalogue;

const en = load('en');
const es = load('es');

const tokens = (message: string) => [...new Set([...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();

describe('the Spanish UI text catalogue', () => {
  it('names every message with the characters Chrome accepts', () => {
    expect(Object.keys(es).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k))).toEqual([]);
  });

  it('has exactly the message names of the English catalogue', () => {
    expect(Object.keys(en).filter((k) => !(k in es))).toEqual([]);
    expect(Object.keys(es).filter((k) => !(k in en))).toEqual([]);
  });

  it('gives every message text', () => {
    expect(Object.entries(es).filter(([, v]) => typeof v.message !== 'string' || v.message.trim() === '')).toEqual([]);
  });

  it('keeps every {token} of the English message, and adds none', () => {
    const mismatched = Object.keys(en)
      .filter((k) => k in es && typeof es[k]!.message === 'string')
      .filter((k) => tokens(en[k]!.message).join(',') !== tokens(es[k]!.message).join(','))
      .map((k) => ({ key: k, en: tokens(en[k]!.message), es: tokens(es[k]!.message) }));
    expect(mismatched).toEqual([]);
  });
});
