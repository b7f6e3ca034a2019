// A family's contacts as the teacher types them in the options page: the form's text checked field by
// field, with the same rules as the roster import, and turned into the Family the background stores.
// Pure: the options page shows the problems and sends only a family that has none.
import { isEmailAddress, isPhoneNumber } from './roster-import';
import type { Channel, Family, Guardian } from './types';

/** As many guardians as the `save-families` message accepts (messages.ts; a test keeps them equal). */
export const MAX_GUARDIANS = 10;

/** Longest text each guardian field may hold (the message schema's limits). */
export const GUARDIAN_FIELD_MAX = { name: 200, relation: 100, email: 320, phone: 40 } as const;
export type GuardianField = keyof typeof GUARDIAN_FIELD_MAX;

/** One guardian as the form holds it: every field is text, possibly empty. */
export type GuardianDraft = Record<GuardianField, string>;

export interface FamilyDraft {
  guardians: GuardianDraft[];
  /** '' when the family has no preference */
  preferredChannel: Channel | '';
  /** a BCP 47 tag (`en`, `es`, `pt-BR`), or '' when not known */
  language: string;
}

/** Why a field was refused. `value` is the text as typed, for the message shown beside the field. */
export type FieldProblem =
  | { kind: 'bad-email'; value: string }
  | { kind: 'bad-phone'; value: string }
  | { kind: 'no-contact' }
  | { kind: 'too-long'; max: number }
  | { kind: 'bad-language'; value: string }
  | { kind: 'channel-unreachable'; channel: Channel }
  | { kind: 'too-many-guardians'; max: number };

/** Where a problem is: a guardian's field (index from 0), or one of the family's own fields. */
export type FieldKey = `guardian-${number}-${GuardianField}` | 'preferredChannel' | 'language' | 'guardians';

export type FamilyCheck = { ok: true; family: Family } | { ok: false; problems: Partial<Record<FieldKey, FieldProblem>> };

export const emptyGuardian = (): GuardianDraft => ({ name: '', relation: '', email: '', phone: '' });

/** The stored family (or none) as the form's starting text. */
export function draftFromFamily(family: Family | undefined): FamilyDraft {
  return {
    guardians: (family?.guardians ?? []).map((g) => ({ name: g.name, relation: g.relation ?? '', email: g.email ?? '', phone: g.phone ?? '' })),
    preferredChannel: family?.preferredChannel ?? '',
    language: family?.language ?? '',
  };
}

const LANGUAGE_TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;
const LANGUAGE_MAX = 16;
const isBlank = (g: GuardianDraft) => Object.values(g).every((v) => v.trim() === '');

function checkGuardian(g: GuardianDraft, index: number, problems: Partial<Record<FieldKey, FieldProblem>>): Guardian {
  const value = { name: g.name.trim(), relation: g.relation.trim(), email: g.email.trim(), phone: g.phone.trim() };
  for (const field of Object.keys(GUARDIAN_FIELD_MAX) as GuardianField[]) {
    if (value[field].length > GUARDIAN_FIELD_MAX[field]) problems[`guardian-${index}-${field}`] = { kind: 'too-long', max: GUARDIAN_FIELD_MAX[field] };
  }
  if (value.email && !isEmailAddress(value.email)) problems[`guardian-${index}-email`] ??= { kind: 'bad-email', value: value.email };
  if (value.phone && !isPhoneNumber(value.phone)) problems[`guardian-${index}-phone`] ??= { kind: 'bad-phone', value: value.phone };
  // Like a roster row, a guardian with no way to reach them is no contact at all.
  if (!value.email && !value.phone) problems[`guardian-${index}-email`] = { kind: 'no-contact' };
  return {
    name: value.name || value.email || value.phone,
    ...(value.relation ? { relation: value.relation } : {}),
    ...(value.email ? { email: value.email } : {}),
    ...(value.phone ? { phone: value.phone } : {}),
  };
}

/**
 * Checks the form's text. Guardians left entirely blank are dropped (an added row the teacher did not
 * fill); every other field is checked and all problems are reported at once, each at its field.
 */
export function checkFamilyDraft(studentId: string, draft: FamilyDraft, now: number): FamilyCheck {
  const problems: Partial<Record<FieldKey, FieldProblem>> = {};
  const guardians: Guardian[] = [];
  draft.guardians.forEach((g, index) => {
    if (!isBlank(g)) guardians.push(checkGuardian(g, index, problems));
  });
  if (guardians.length > MAX_GUARDIANS) problems.guardians = { kind: 'too-many-guardians', max: MAX_GUARDIANS };
  const language = draft.language.trim();
  if (language && (language.length > LANGUAGE_MAX || !LANGUAGE_TAG.test(language))) problems.language = { kind: 'bad-language', value: language };
  const channel = draft.preferredChannel;
  // A preference nobody can be reached by would make every draft fall back silently: say so instead.
  if (channel && guardians.length > 0 && !guardians.some((g) => (channel === 'email' ? g.email : g.phone))) {
    problems.preferredChannel = { kind: 'channel-unreachable', channel };
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    family: {
      studentId,
      guardians,
      ...(channel ? { preferredChannel: channel } : {}),
      ...(language ? { language: normaliseTag(language) } : {}),
      updatedAt: now,
    },
  };
}

/** `PT-br` → `pt-BR`: the language in lower case, a region in upper case, as BCP 47 writes them. */
function normaliseTag(tag: string): string {
  const [lang = '', ...rest] = tag.split('-');
  return [lang.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part.toLowerCase()))].join('-');
}
