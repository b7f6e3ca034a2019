import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { MAX_GUARDIANS, checkFamilyDraft, draftFromFamily, emptyGuardian, type FamilyDraft, type GuardianDraft } from '../../src/core/family-edit';
import type { Family } from '../../src/core/types';
import { UiToBackgroundSchema } from '../../src/messages';

const NOW = 1_790_000_000_000;
const guardian = (fields: Partial<GuardianDraft>): GuardianDraft => ({ ...emptyGuardian(), ...fields });
const draft = (fields: Partial<FamilyDraft>): FamilyDraft => ({ guardians: [], preferredChannel: '', language: '', ...fields });

describe('a family edited by hand', () => {
  it('is stored trimmed, with only the fields the teacher filled, and the moment it was saved', () => {
    const checked = checkFamilyDraft(
      'src|s1',
      draft({ guardians: [guardian({ name: ' Olga Petrova ', relation: 'mother', email: ' olga@example.org ' })], preferredChannel: 'email', language: 'es' }),
      NOW,
    );
    expect(checked).toEqual({
      ok: true,
      family: { studentId: 'src|s1', guardians: [{ name: 'Olga Petrova', relation: 'mother', email: 'olga@example.org' }], preferredChannel: 'email', language: 'es', updatedAt: NOW },
    });
  });

  it('refuses a bad email and a phone with too few digits, each at its own field with the text typed', () => {
    const checked = checkFamilyDraft('s', draft({ guardians: [guardian({ name: 'Jo', email: 'jo-at-example.org' }), guardian({ name: 'Sam', phone: '555-01' })] }), NOW);
    expect(checked).toEqual({
      ok: false,
      problems: { 'guardian-0-email': { kind: 'bad-email', value: 'jo-at-example.org' }, 'guardian-1-phone': { kind: 'bad-phone', value: '555-01' } },
    });
  });

  it('accepts the same email and phone shapes as the roster import', () => {
    const checked = checkFamilyDraft('s', draft({ guardians: [guardian({ email: 'maría@escuela.edu.mx', phone: '+1 (555) 010-0100' })], preferredChannel: 'text' }), NOW);
    expect(checked).toMatchObject({ ok: true, family: { guardians: [{ name: 'maría@escuela.edu.mx', phone: '+1 (555) 010-0100' }], preferredChannel: 'text' } });
  });

  it('refuses a guardian with a name but no way to reach them, and drops a row left blank', () => {
    expect(checkFamilyDraft('s', draft({ guardians: [guardian({ name: 'Jo', relation: 'aunt' })] }), NOW)).toEqual({ ok: false, problems: { 'guardian-0-email': { kind: 'no-contact' } } });
    expect(checkFamilyDraft('s', draft({ guardians: [guardian({ phone: '5550100100' }), guardian({ name: '  ' })] }), NOW)).toMatchObject({ ok: true, family: { guardians: [{ name: '5550100100', phone: '5550100100' }] } });
  });

  it('refuses a preferred channel no guardian can be reached by', () => {
    expect(checkFamilyDraft('s', draft({ guardians: [guardian({ email: 'a@b.org' })], preferredChannel: 'phone' }), NOW)).toEqual({
      ok: false,
      problems: { preferredChannel: { kind: 'channel-unreachable', channel: 'phone' } },
    });
  });

  it('takes any language tag, written the BCP 47 way, and refuses what is not one', () => {
    expect(checkFamilyDraft('s', draft({ language: 'PT-br' }), NOW)).toMatchObject({ ok: true, family: { language: 'pt-BR' } });
    expect(checkFamilyDraft('s', draft({ language: 'Spanish please' }), NOW)).toEqual({ ok: false, problems: { language: { kind: 'bad-language', value: 'Spanish please' } } });
  });

  it('refuses text longer than the message schema takes', () => {
    expect(checkFamilyDraft('s', draft({ guardians: [guardian({ name: 'x'.repeat(201), email: 'a@b.org' })] }), NOW)).toEqual({ ok: false, problems: { 'guardian-0-name': { kind: 'too-long', max: 200 } } });
  });

  it('round-trips a stored family through the form unchanged', () => {
    const stored: Family = { studentId: 's', guardians: [{ name: 'Jo Stone', relation: 'mother', email: 'jo@example.org', phone: '555-010-0100' }, { name: 'Ravi', phone: '5550100199' }], preferredChannel: 'text', language: 'en', updatedAt: 1 };
    expect(checkFamilyDraft('s', draftFromFamily(stored), 1)).toEqual({ ok: true, family: stored });
    expect(draftFromFamily(undefined)).toEqual(draft({}));
  });

  it('allows exactly as many guardians as the save-families message accepts', () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => guardian({ email: `g${i}@example.org` }));
    const accepted = (n: number) => {
      const checked = checkFamilyDraft('s', draft({ guardians: many(n) }), NOW);
      return checked.ok && v.safeParse(UiToBackgroundSchema, { type: 'save-families', families: [checked.family] }).success;
    };
    expect(accepted(MAX_GUARDIANS)).toBe(true);
    expect(accepted(MAX_GUARDIANS + 1)).toBe(false);
    expect(v.safeParse(UiToBackgroundSchema, { type: 'save-families', families: [{ studentId: 's', guardians: many(MAX_GUARDIANS + 1).map((g) => ({ name: g.email, email: g.email })), updatedAt: NOW }] }).success).toBe(false);
  });
});
