// Hands the draft to the teacher's own apps for the chosen channel: mail app, messages (and a QR code
// for a phone), a call; copy works for all. Heads-Up never sends anything itself.
import { quietHours, smsSegments } from '../core/sms';
import type { Channel, Family } from '../core/types';
import { t } from '../ui/i18n';
import { MAILTO_MAX, mailtoLink, recipientFor, smsLink, telLink } from './links';
import { QrCode } from './QrCode';

export interface SendActionsProps {
  channel: Channel;
  family?: Family;
  subject: string;
  body: string;
  now: number;
  onCopy: (text: string, notice?: string) => void;
}

export function SendActions({ channel, family, subject, body, now, onCopy }: SendActionsProps) {
  const email = recipientFor('email', family).address;
  const phone = recipientFor('phone', family).address;
  if (channel === 'email') {
    const full = mailtoLink(email, subject, body);
    const tooLong = full.length > MAILTO_MAX;
    const href = tooLong ? mailtoLink(email, subject, '') : full;
    return (
      <div class="actions">
        <a class="button" data-testid="open-email" href={href} onClick={tooLong ? () => onCopy(body, t('mailtoTooLong')) : undefined}>
          {t('openEmail')}
        </a>
      </div>
    );
  }
  if (channel === 'text') {
    const sms = smsSegments(body);
    const link = smsLink(phone, body);
    return (
      <div class="sms">
        <p class="muted" data-testid="sms-segments">
          {t('smsSegments', { segments: sms.segments, encoding: sms.encoding })}
        </p>
        {sms.segments > 2 && <p class="warning">{t('smsTooLong')}</p>}
        {quietHours(now) && <p class="warning">{t('quietHours')}</p>}
        <div class="actions">
          <a class="button" data-testid="open-text" href={link}>
            {t('openText')}
          </a>
        </div>
        <p class="muted">{t('qrHelp')}</p>
        <QrCode value={link} label={t('qrLabel')} />
      </div>
    );
  }
  return (
    <div class="actions">
      {phone ? (
        <a class="button" data-testid="call" href={telLink(phone)}>
          {t('callNow')}
        </a>
      ) : (
        <p class="muted">{t('noContact', { channel: t('channelPhone') })}</p>
      )}
    </div>
  );
}
