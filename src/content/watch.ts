// Calls `onChange` after the page has changed and then been quiet for a moment (debounced), but at
// least every `maxWaitMs` while it keeps changing, so a constantly animating page is still re-read.
export interface WatchOptions {
  quietMs?: number;
  maxWaitMs?: number;
}

export function startWatching(doc: Document, onChange: () => void, options: WatchOptions = {}): () => void {
  const quietMs = options.quietMs ?? 500;
  const maxWaitMs = options.maxWaitMs ?? 3_000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstChangeAt: number | undefined;

  const fire = () => {
    timer = undefined;
    firstChangeAt = undefined;
    onChange();
  };
  const schedule = () => {
    const now = Date.now();
    firstChangeAt ??= now;
    if (timer !== undefined) clearTimeout(timer);
    const waited = now - firstChangeAt;
    timer = setTimeout(fire, waited >= maxWaitMs ? 0 : quietMs);
  };

  const observer = new MutationObserver(schedule);
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  const view = doc.defaultView;
  view?.addEventListener('popstate', schedule);
  view?.addEventListener('hashchange', schedule);

  return () => {
    observer.disconnect();
    view?.removeEventListener('popstate', schedule);
    view?.removeEventListener('hashchange', schedule);
    if (timer !== undefined) clearTimeout(timer);
  };
}
