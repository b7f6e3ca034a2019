import { describe, expect, it } from 'vitest';
import { composeDraft } from '../../src/core/compose';
import { en } from '../../src/core/templates/en';
import { applyOverrides, overrideProblem, templateEntries } from '../../src/core/templates/overrides';
import { NOW, proposal, settings } from './compose-fixtures';

const SUBJECT = 'concerns.missing-work.subject.0';

describe('the teacher’s own template wording', () => {
  it('lists every wording string by path, and not the calendar words', () => {
    const entries = templateEntries(en);
    expect(entries.find((e) => e.path === SUBJECT)?.text).toBe("A heads-up about {firstName}'s work in {sectionName}");
    expect(entries.some((e) => e.path.startsWith('monthsLong'))).toBe(false);
    expect(new Set(entries.map((e) => e.path)).size).toBe(entries.length);
  });

  it('replaces the chosen string and leaves the defaults untouched', () => {
    const edited = applyOverrides(en, { [SUBJECT]: 'About {firstName} in {sectionName}' });
    expect(templateEntries(edited).find((e) => e.path === SUBJECT)?.text).toBe('About {firstName} in {sectionName}');
    expect(templateEntries(en).find((e) => e.path === SUBJECT)?.text).toBe("A heads-up about {firstName}'s work in {sectionName}");
  });

  it('ignores an edit that would leave a hole: unknown placeholders, lone braces, empty text, unknown paths', () => {
    expect(overrideProblem('Hi {firstName}', 'Hi {nickname}')).toBe('unknown placeholder {nickname}');
    expect(overrideProblem('Hi {firstName}', 'Hi {firstName')).toBe('a lone { or }');
    expect(overrideProblem('Hi {firstName}', '  ')).toBe('empty');
    expect(overrideProblem('Hi {firstName}', 'Hello {firstName}!')).toBeUndefined();
    const edited = applyOverrides(en, { [SUBJECT]: 'About {nickname}', 'reasons.nothing.here': 'x' });
    expect(templateEntries(edited)).toEqual(templateEntries(en));
  });

  it('drafts with the teacher’s wording', () => {
    const p = proposal('missing-work');
    const draft = composeDraft(p, settings, NOW, { channel: 'email', language: 'en', overrides: { [SUBJECT]: 'Quick note on {firstName} in {sectionName}' } });
    expect(draft.subject).toMatch(/^Quick note on \S+ in /);
    expect(composeDraft(p, settings, NOW, { channel: 'email', language: 'en' }).subject).toMatch(/^A heads-up about/);
  });
});
