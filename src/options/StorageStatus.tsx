// How much the history takes and whether the browser may evict it (data lost on reinstall or disk
// pressure is the top complaint about grade extensions): ask for persistent storage here, where the
// teacher can see the answer. `persist()` is only available to pages, not to the service worker.
import { useEffect, useState } from 'preact/hooks';
import { t, uiLocale } from '../ui/i18n';

interface Estimate {
  used: number;
  quota: number;
  persistent: boolean;
}

const bytes = (n: number) =>
  new Intl.NumberFormat(uiLocale(), { style: 'unit', unit: n >= 1e9 ? 'gigabyte' : n >= 1e6 ? 'megabyte' : 'kilobyte', maximumFractionDigits: 1 }).format(
    n >= 1e9 ? n / 1e9 : n >= 1e6 ? n / 1e6 : n / 1e3,
  );

async function estimate(): Promise<Estimate> {
  const [{ usage = 0, quota = 0 }, persistent] = await Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]);
  return { used: usage, quota, persistent };
}

export function StorageStatus({ refreshKey }: { refreshKey: number }) {
  const [state, setState] = useState<Estimate | undefined>();
  const [notice, setNotice] = useState('');
  useEffect(() => {
    estimate().then(setState, (error: unknown) => setNotice(String(error)));
  }, [refreshKey]);
  if (!state) return <p class="muted">{notice}</p>;
  const ask = () => {
    navigator.storage.persist().then(
      (granted) => {
        if (!granted) setNotice(t('persistDenied'));
        return estimate().then(setState);
      },
      (error: unknown) => setNotice(String(error)),
    );
  };
  return (
    <div data-testid="storage-status">
      <p>{t('storageUsed', { used: bytes(state.used), quota: bytes(state.quota) })}</p>
      <p data-testid="storage-persistent">{state.persistent ? t('storagePersistent') : t('storageNotPersistent')}</p>
      {!state.persistent && (
        <button type="button" class="secondary" onClick={ask}>
          {t('askPersistent')}
        </button>
      )}
      {notice && <p role="status">{notice}</p>}
    </div>
  );
}
