// Sites & permissions: the school sites Heads-Up may read (each granted by the teacher through the
// browser's own prompt, removable at any time), common gradebook domains to add in one click, and the
// gradebooks Heads-Up knows — tested on a real page or built from documentation — each of which the
// teacher can switch off (to read that page with the generic reader instead, say).
import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { detectors } from '../adapters/detectors';
import { sitePatternOf } from '../core/site-pattern';
import type { HeadsUpDb } from '../storage/db';
import { loadReadingSetup } from '../storage/queries';
import { sendToBackground } from '../ui/send-to-background';
import { t } from '../ui/i18n';

/** Sites the extension reads without asking (the manifest's own: the bundled demo on this computer). */
const BUILT_IN = new Set(browser.runtime.getManifest().host_permissions ?? []);

/** Vendors' hosted domains, offered in one click (a district's own domain is typed in instead). */
const SUGGESTED: Array<{ label: string; pattern: string }> = [
  { label: 'PowerSchool', pattern: 'https://*.powerschool.com/*' },
  { label: 'Canvas', pattern: 'https://*.instructure.com/*' },
  { label: 'Infinite Campus', pattern: 'https://*.infinitecampus.org/*' },
  { label: 'Schoology', pattern: 'https://*.schoology.com/*' },
  { label: 'Skyward', pattern: 'https://*.skyward.com/*' },
  { label: 'Aeries', pattern: 'https://*.aeries.net/*' },
  { label: 'Google Classroom', pattern: 'https://classroom.google.com/*' },
];

/** The pattern for what the teacher typed: `lakeview.powerschool.com/teachers` → `https://lakeview.powerschool.com/*`. */
export function patternForAddress(typed: string): string | undefined {
  const text = typed.trim();
  if (!text) return undefined;
  try {
    const url = new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`);
    if (!/^https?:$/.test(url.protocol) || !url.hostname.includes('.') && url.hostname !== 'localhost') return undefined;
    return sitePatternOf(url);
  } catch {
    return undefined;
  }
}

function hostOf(pattern: string): string {
  return pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/\*$/, '');
}

export interface SitesPanelProps {
  db: HeadsUpDb;
  /** the school's gradebook sites, set by policy: offered first, marked as set by the school */
  schoolSites?: string[];
}

export function SitesPanel({ db, schoolSites = [] }: SitesPanelProps) {
  const [sites, setSites] = useState<string[]>([]);
  const [disabled, setDisabled] = useState<string[]>([]);
  const [address, setAddress] = useState('');
  const [notice, setNotice] = useState('');

  const refresh = () =>
    browser.permissions.getAll().then(({ origins = [] }) => setSites(origins.filter((o) => !BUILT_IN.has(o)).sort()));

  useEffect(() => {
    void refresh();
    void loadReadingSetup(db).then((setup) => setDisabled(setup.disabledAdapters));
  }, []);

  const add = (pattern: string) => {
    // Asked inside the click: the browser shows its own prompt, and only the teacher can say yes.
    browser.permissions.request({ origins: [pattern] }).then(
      (granted) => {
        setNotice(granted ? t('siteAdded', { host: hostOf(pattern) }) : t('siteNotEnabled'));
        if (granted) setAddress('');
        void refresh();
      },
      (error: unknown) => setNotice(String(error)),
    );
  };

  const addTyped = (event: Event) => {
    event.preventDefault();
    const pattern = patternForAddress(address);
    if (!pattern) {
      setNotice(t('siteAddressInvalid'));
      return;
    }
    add(pattern);
  };

  const remove = async (pattern: string) => {
    await browser.permissions.remove({ origins: [pattern] });
    const origin = pattern.replace(/\/\*$/, '');
    if (!origin.includes('*')) await sendToBackground({ type: 'forget-site', origin });
    setNotice(t('siteRemoved', { host: hostOf(pattern) }));
    await refresh();
  };

  const toggle = (adapterId: string, use: boolean) => {
    const next = use ? disabled.filter((id) => id !== adapterId) : [...disabled, adapterId];
    sendToBackground({ type: 'save-disabled-adapters', adapterIds: next }).then(
      () => {
        setDisabled(next);
        setNotice(t('systemsSaved'));
      },
      (error: unknown) => setNotice(String(error)),
    );
  };

  return (
    <section aria-labelledby="sites-heading" data-testid="sites">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      <p>{t('sitesIntro')}</p>
      {sites.length === 0 ? (
        <p class="muted" data-testid="sites-none">{t('sitesNone')}</p>
      ) : (
        <ul data-testid="sites-list">
          {sites.map((pattern) => (
            <li key={pattern}>
              <span>{hostOf(pattern)}</span>{' '}
              <button type="button" class="secondary" onClick={() => void remove(pattern)}>
                {t('siteRemove', { host: hostOf(pattern) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      {schoolSites.length > 0 && (
        <ul class="school-sites" data-testid="school-sites">
          {schoolSites.flatMap((address) => {
            const pattern = patternForAddress(address);
            if (!pattern) return [];
            const enabled = sites.includes(pattern);
            return [
              <li key={pattern}>
                <span>{hostOf(pattern)}</span> <span class="muted">({t('setBySchool')})</span>{' '}
                {enabled ? (
                  <span>{t('siteIsEnabled')}</span>
                ) : (
                  <button type="button" onClick={() => add(pattern)}>{t('siteEnable', { host: hostOf(pattern) })}</button>
                )}
              </li>,
            ];
          })}
        </ul>
      )}
      <form onSubmit={addTyped}>
        <label>
          {t('siteAddress')}{' '}
          <input type="url" inputMode="url" value={address} placeholder="https://lakeview.powerschool.com" onInput={(e) => setAddress(e.currentTarget.value)} data-testid="site-address" />
        </label>{' '}
        <button type="submit" data-testid="site-add">{t('siteAdd')}</button>
      </form>
      <p>{t('sitesSuggested')}</p>
      <ul class="suggested-sites">
        {SUGGESTED.filter((s) => !sites.includes(s.pattern)).map((s) => (
          <li key={s.pattern}>
            <button type="button" class="secondary" onClick={() => add(s.pattern)}>
              {s.label} ({hostOf(s.pattern)})
            </button>
          </li>
        ))}
      </ul>
      <p role="status" class="notice" data-testid="sites-notice">{notice}</p>
      <h3>{t('systemsHeading')}</h3>
      <ul class="systems" data-testid="systems">
        {detectors.map((info) => (
          <li key={info.id}>
            <label>
              <input type="checkbox" checked={!disabled.includes(info.id)} onChange={(e) => toggle(info.id, e.currentTarget.checked)} data-adapter={info.id} aria-label={t('systemUse', { label: info.label })} />{' '}
              {info.label} — <span class={info.status === 'verified' ? 'verified' : 'unverified'}>{info.status === 'verified' ? t('systemVerified') : t('systemUnverified')}</span>
            </label>
          </li>
        ))}
      </ul>
    </section>
  );
}
