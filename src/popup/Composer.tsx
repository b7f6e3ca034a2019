// The draft for one proposal, in the family's channel and language: the teacher edits it while the tone
// check reads along, hands it to their own mail or messages app (or calls), and marks it sent, which
// writes the contact log. Heads-Up never sends anything itself.
import { useMemo, useRef, useState } from 'preact/hooks';
import { composeDraft } from '../core/compose';
import type { Proposal } from '../core/proposal-types';
import { availableLanguages } from '../core/templates';
import { checkTone, type Finding } from '../core/tone';
import type { Channel, Family, Settings } from '../core/types';
import { t } from '../ui/i18n';
import { sendToBackground } from '../ui/send-to-background';
import { ChannelPicker } from './ChannelPicker';
import { LanguagePicker } from './LanguagePicker';
import { recipientFor } from './links';
import { SendActions } from './SendActions';
import { TalkingPoints } from './TalkingPoints';
import { ToneFindings } from './ToneFindings';

export interface ComposerProps {
  proposal: Proposal;
  settings: Settings;
  now: number;
  family?: Family;
  onClose: () => void;
  onLogged: () => void;
}

interface DraftChoice {
  channel: Channel;
  language: string;
  variant: number;
}

export function Composer({ proposal, settings, now, family, onClose, onLogged }: ComposerProps) {
  const languages = availableLanguages();
  const draftFor = (choice: DraftChoice) =>
    composeDraft(proposal, settings, now, {
      ...choice,
      ...(family ? { family } : {}),
      ...(settings.templateOverrides?.[choice.language] ? { overrides: settings.templateOverrides[choice.language] } : {}),
    });
  const [choice, setChoice] = useState<DraftChoice>(() => ({
    channel: family?.preferredChannel ?? 'email',
    language: family?.language && languages.includes(family.language) ? family.language : 'en',
    variant: 0,
  }));
  const [draft, setDraft] = useState(() => draftFor(choice));
  const [subject, setSubject] = useState(draft.subject ?? '');
  const [body, setBody] = useState(draft.body);
  const [notice, setNotice] = useState('');
  const edited = useRef(false);
  const { channel, language } = choice;

  // A new channel, language or wording writes the draft again, in the same event as the choice (so
  // nothing the teacher types next can be overwritten); the teacher's own edits are not translated.
  const choose = (change: Partial<DraftChoice>) => {
    const next = { ...choice, ...change };
    const rewritten = draftFor(next);
    if (edited.current && next.language !== choice.language) setNotice(t('editsNotTranslated', { language: next.language }));
    edited.current = false;
    setChoice(next);
    setDraft(rewritten);
    setSubject(rewritten.subject ?? '');
    setBody(rewritten.body);
  };

  const assignmentNames = useMemo(() => [...proposal.evidence, ...proposal.goingWell].map((e) => e.assignmentName), [proposal]);
  const findings = useMemo(
    () => checkTone({ text: body, language, channel, kind: proposal.kind, assignmentNames }),
    [body, language, channel, proposal.kind, assignmentNames],
  );

  const edit = (next: string) => {
    edited.current = true;
    setBody(next);
  };
  const apply = (f: Finding) => {
    if (f.suggestion === undefined) return;
    edit(body.slice(0, f.start) + f.suggestion + body.slice(f.end));
    setNotice(t('toneApplied'));
  };
  const copy = (text = channel === 'email' ? `${subject}\n\n${body}` : body, done = t('copied')) => {
    navigator.clipboard.writeText(text).then(
      () => setNotice(done),
      (error: unknown) => setNotice(t('copyFailed', { error: String(error) })),
    );
  };
  const markSent = () => {
    const to = recipientFor(channel, family).label;
    sendToBackground({
      type: 'log-contact',
      entry: {
        studentId: proposal.studentId,
        sectionId: proposal.sectionId,
        channel,
        kind: proposal.kind,
        reason: proposal.reason,
        severity: proposal.severity,
        ...(channel === 'email' ? { subject } : {}),
        text: body,
        ...(to ? { to } : {}),
        sentAt: Date.now(),
      },
    }).then(onLogged, (error: unknown) => setNotice(t('logFailed', { error: String(error) })));
  };

  return (
    <section class="composer" data-testid="composer" aria-labelledby="composer-heading">
      <h2 id="composer-heading">{t('draftFor', { student: proposal.studentName })}</h2>
      {draft.suggestCall && channel !== 'phone' && (
        <p class="warning" data-testid="suggest-call">
          {t('suggestCall')}{' '}
          <button type="button" class="link" onClick={() => choose({ channel: 'phone' })}>
            {t('switchToCall')}
          </button>
        </p>
      )}
      <div class="composer-options">
        <ChannelPicker value={channel} onChange={(c) => choose({ channel: c })} />
        <LanguagePicker languages={languages} value={language} onChange={(l) => choose({ language: l })} />
        <button type="button" class="secondary" data-testid="another-wording" onClick={() => choose({ variant: choice.variant + 1 })}>
          {t('anotherWording')}
        </button>
      </div>
      <aside class="student-note" data-testid="student-note">
        <h3>{t('studentNoteHeading')}</h3>
        <p>{draft.studentNote}</p>
      </aside>
      {channel === 'phone' && draft.talkingPoints && <TalkingPoints points={draft.talkingPoints} />}
      {channel === 'email' && (
        <label>
          {t('subjectLabel')}
          <input type="text" data-testid="draft-subject" value={subject} onInput={(e) => setSubject(e.currentTarget.value)} />
        </label>
      )}
      <label>
        {t('bodyLabel')}
        <textarea data-testid="draft-body" rows={channel === 'text' ? 5 : 12} value={body} onInput={(e) => edit(e.currentTarget.value)} />
      </label>
      <ToneFindings text={body} findings={findings} onApply={apply} />
      <SendActions channel={channel} family={family} subject={subject} body={body} now={now} onCopy={(text, done) => copy(text, done)} />
      <div class="actions">
        <button type="button" onClick={() => copy()}>
          {t('copy')}
        </button>
        <button type="button" data-testid="mark-sent" onClick={markSent}>
          {t('markSent')}
        </button>
        <button type="button" class="secondary" onClick={onClose}>
          {t('closeComposer')}
        </button>
      </div>
      <p role="status" class="notice">
        {notice}
      </p>
    </section>
  );
}
