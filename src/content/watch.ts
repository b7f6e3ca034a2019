// Calls `onChange` after the page's grades may have changed and it has then been quiet for a moment
// (debounced), but at least every `maxWaitMs` while it keeps changing, so a constantly changing grid is
// still re-read. Changes outside any table or grid (a clock, a banner, a chat badge) are not a reason to
// re-read; a score typed into a grid's input (which changes no markup) is, and so is navigation.
export interface WatchOptions {
  quietMs?: number;
  maxWaitMs?: number;
}

/** Where pages show grades: tables and ARIA grids. */
const GRADE_CONTAINERS = 'table, [role="grid"], [role="table"], [role="treegrid"]';

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Did any of these changes happen in, or bring or take away, a table or grid? */
export function touchesGrades(records: readonly MutationRecord[]): boolean {
  for (const record of records) {
    const target = isElement(record.target) ? record.target : record.target.parentElement;
    if (target?.closest(GRADE_CONTAINERS)) return true;
    for (const nodes of [record.addedNodes, record.removedNodes]) {
      for (let i = 0; i < nodes.length; i++) {
        const node = nodes[i]!;
        if (isElement(node) && (node.matches(GRADE_CONTAINERS) || node.querySelector(GRADE_CONTAINERS) !== null)) return true;
      }
    }
  }
  return false;
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

  const observer = new MutationObserver((records) => {
    if (touchesGrades(records)) schedule();
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true });
  const onInput = (event: Event) => {
    if (event.target instanceof Element && event.target.closest(GRADE_CONTAINERS)) schedule();
  };
  doc.addEventListener('change', onInput, true);
  const view = doc.defaultView;
  view?.addEventListener('popstate', schedule);
  view?.addEventListener('hashchange', schedule);

  return () => {
    observer.disconnect();
    doc.removeEventListener('change', onInput, true);
    view?.removeEventListener('popstate', schedule);
    view?.removeEventListener('hashchange', schedule);
    if (timer !== undefined) clearTimeout(timer);
  };
}
