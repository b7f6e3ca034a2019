// A screen loaded on first use (dynamic import), so the popup's first bundle holds only the first
// screen. Until the module is there the screen shows as busy; a failed load says so in plain words.
import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../ui/i18n';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>, busyClass: string): ComponentType<P> {
  let loaded: ComponentType<P> | undefined;
  return function LazyScreen(props: P) {
    const [Screen, setScreen] = useState<ComponentType<P> | undefined>(() => loaded);
    const [error, setError] = useState<string>();
    useEffect(() => {
      if (Screen) return;
      load().then(
        (component) => {
          loaded = component;
          setScreen(() => component);
        },
        (failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)),
      );
    }, [Screen]);
    if (error) return <p role="alert" class="error">{t('loadFailed', { error })}</p>;
    if (!Screen) return <section class={busyClass} aria-busy="true" />;
    return <Screen {...props} />;
  };
}
