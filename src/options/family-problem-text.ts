// The words for each reason a hand-edited family is refused (core/family-edit.ts says which, this says
// it in the teacher's language).
import type { FieldKey, FieldProblem } from '../core/family-edit';
import { MIN_PHONE_DIGITS } from '../core/roster-import';
import { t } from '../ui/i18n';

export function problemText(problem: FieldProblem): string {
  switch (problem.kind) {
    case 'bad-email':
      return t('familyEditBadEmail', { value: problem.value });
    case 'bad-phone':
      return t('familyEditBadPhone', { value: problem.value, digits: MIN_PHONE_DIGITS });
    case 'no-contact':
      return t('familyEditNoContactWay');
    case 'too-long':
      return t('familyEditTooLong', { max: problem.max });
    case 'bad-language':
      return t('familyEditBadLanguage', { value: problem.value });
    case 'channel-unreachable':
      return t(problem.channel === 'email' ? 'familyEditNoEmailOnFile' : 'familyEditNoPhoneOnFile');
    case 'too-many-guardians':
      return t('familyEditTooMany', { max: problem.max });
  }
}

/** The id of the input a problem belongs to, to point at it and move the focus there. */
export function fieldId(key: FieldKey): string {
  return `family-edit-${key}`;
}
