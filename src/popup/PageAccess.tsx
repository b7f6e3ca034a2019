// The current page's access: whether Heads-Up may read this site (and the button that asks the browser
// for it), and "Read this page" for a grade table no adapter knows, which opens the guided mapping.
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { sitePatternOf } from '../core/site-pattern';
import type { TabStatus } from '../messages';
import { t } from '../ui/i18n';
import { GenericMapper } from './lazy-mapper';

export interface PageAccessProps {
  tabId?: number;
  status?: TabStatus;
  onChanged: () => void;
}

type Access =
  | { kind: 'unknown' }
  /** a page Heads-Up cannot read anywhere (the browser's own pages, files) */
  | { kind: 'none' }
  | { kind: 'not-enabled'; pattern: string; host: string }
  | { kind: 'enabled'; host: string };

async function accessOf(tabId: number): Promise<Access> {
  // The tab's address is known for granted sites, and for the active tab when the popup was opened
  // from the toolbar (activeTab); otherwise there is nothing to offer.
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  if (!tab?.url) return { kind: 'unknown' };
  const url = new URL(tab.url);
  if (!/^https?:$/.test(url.protocol)) return { kind: 'none' };
  const pattern = sitePatternOf(url);
  const enabled = await browser.permissions.contains({ origins: [pattern] });
  return enabled ? { kind: 'enabled', host: url.hostname } : { kind: 'not-enabled', pattern, host: url.hostname };
}

export function PageAccess({ tabId, status, onChanged }: PageAccessProps) {
  const [access, setAccess] = useState<Access>({ kind: 'unknown' });
  const [mapping, setMapping] = useState(false);
  const [notice, setNotice] = useState('');

  useEffect(() => {
    if (tabId === undefined) return;
    void accessOf(tabId).then(setAccess);
  }, [tabId]);

  if (tabId === undefined || access.kind === 'unknown' || access.kind === 'none') return null;

  if (access.kind === 'not-enabled') {
    const enable = () => {
      // Asked inside the click: the browser shows its own prompt, and only the teacher can say yes.
      browser.permissions.request({ origins: [access.pattern] }).then(
        (granted) => {
          setNotice(granted ? t('siteEnabled', { host: access.host }) : t('siteNotEnabled'));
          if (granted) {
            setAccess({ kind: 'enabled', host: access.host });
            // The background starts reading the open tab; give it a moment, then show what it read.
            setTimeout(onChanged, 1_500);
          }
        },
        (error: unknown) => setNotice(String(error)),
      );
    };
    return (
      <section class="page-access" aria-labelledby="page-access-heading" data-testid="page-access">
        <h2 id="page-access-heading" class="visually-hidden">{t('pageAccessHeading')}</h2>
        <p>{t('siteNotRead', { host: access.host })}</p>
        <button type="button" onClick={enable} data-testid="enable-site">{t('enableSite')}</button>
        <p role="status" class="notice">{notice}</p>
      </section>
    );
  }

  const readByAdapter = status !== undefined && status.adapterId !== 'generic-table' && status.students > 0;
  return (
    <section class="page-access" aria-labelledby="page-access-heading" data-testid="page-access">
      <h2 id="page-access-heading" class="visually-hidden">{t('pageAccessHeading')}</h2>
      {mapping ? (
        <GenericMapper
          tabId={tabId}
          onDone={(message) => {
            setMapping(false);
            setNotice(message);
            onChanged();
          }}
          onCancel={() => setMapping(false)}
        />
      ) : (
        !readByAdapter && (
          <button type="button" onClick={() => setMapping(true)} data-testid="read-this-page">
            {status?.adapterId === 'generic-table' ? t('remapThisPage') : t('readThisPage')}
          </button>
        )
      )}
      <p role="status" class="notice" data-testid="page-access-notice">{notice}</p>
    </section>
  );
}
