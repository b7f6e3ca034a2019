// The draft for one proposal: the teacher edits it, copies it or opens it in their mail app, and marks
// it sent, which writes the contact log. Heads-Up never sends anything itself.
import { useMemo, useState } from 'preact/hooks';
import { composeDraft } from '../core/compose';
import type { Proposal } from '../core/proposal-types';
import type { Settings } from '../core/types';
import { t } from '../ui/i18n';
import { sendToBackground } from '../ui/send-to-background';
import { mailtoLink } from './links';

export interface ComposerProps {
  proposal: Proposal;
  settings: Settings;
  now: number;
  onClose: () => void;
  onLogged: () => void;
}

export function Composer({ proposal, settings, now, onClose, onLogged }: ComposerProps) {
  const draft = useMemo(() => composeDraft(proposal, settings, now), [proposal, settings, now]);
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [notice, setNotice] = useState<string>('');

  const copy = () => {
    navigator.clipboard.writeText(`${subject}\n\n${body}`).then(
      () => setNotice(t('copied')),
      (error: unknown) => setNotice(t('copyFailed', { error: String(error) })),
    );
  };
  const markSent = () => {
    sendToBackground({
      type: 'log-contact',
      entry: {
        studentId: proposal.studentId,
        sectionId: proposal.sectionId,
        channel: 'email',
        kind: proposal.kind,
        reason: proposal.reason,
        severity: proposal.severity,
        subject,
        text: body,
        sentAt: Date.now(),
      },
    }).then(onLogged, (error: unknown) => setNotice(t('logFailed', { error: String(error) })));
  };

  return (
    <section class="composer" data-testid="composer" aria-labelledby="composer-heading">
      <h2 id="composer-heading">{t('draftFor', { student: proposal.studentName })}</h2>
      <label>
        {t('subjectLabel')}
        <input type="text" data-testid="draft-subject" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
      </label>
      <label>
        {t('bodyLabel')}
        <textarea data-testid="draft-body" rows={12} value={body} onInput={(e) => setBody(e.currentTarget.value)} />
      </label>
      <div class="actions">
        <button type="button" onClick={copy}>
          {t('copy')}
        </button>
        <a class="button" data-testid="open-email" href={mailtoLink('', subject, body)}>
          {t('openEmail')}
        </a>
        <button type="button" data-testid="mark-sent" onClick={markSent}>
          {t('markSent')}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t('closeComposer')}
        </button>
      </div>
      <p role="status" class="notice">{notice}</p>
    </section>
  );
}
