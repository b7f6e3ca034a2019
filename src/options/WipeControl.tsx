// Deletes everything, only after the teacher ticks the confirmation.
import { useState } from 'preact/hooks';
import { t } from '../ui/i18n';
import { sendToBackground } from '../ui/send-to-background';

export function WipeControl({ onChanged }: { onChanged: () => void }) {
  const [confirmed, setConfirmed] = useState(false);
  const [notice, setNotice] = useState('');
  const wipe = () => {
    sendToBackground({ type: 'wipe-everything', confirm: 'wipe' }).then(
      () => {
        setConfirmed(false);
        setNotice(t('wiped'));
        onChanged();
      },
      (error: unknown) => setNotice(String(error)),
    );
  };
  return (
    <div>
      <p class="muted">{t('wipeHelp')}</p>
      <label class="inline">
        <input type="checkbox" data-testid="wipe-confirm" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
        {t('wipeConfirmLabel')}
      </label>
      <button type="button" class="danger" data-testid="wipe-button" disabled={!confirmed} onClick={wipe}>
        {t('wipeButton')}
      </button>
      <p role="status" data-testid="wipe-notice">{notice}</p>
    </div>
  );
}
