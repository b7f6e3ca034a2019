// Database failures in words a teacher can act on. Dexie wraps IndexedDB's errors; the name of the
// error (or of the one it wraps) says what happened.

function errorNames(error: unknown): string[] {
  const names: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 4; depth++) {
    const e = current as { name?: unknown; inner?: unknown; cause?: unknown };
    if (typeof e.name === 'string') names.push(e.name);
    current = e.inner ?? e.cause;
  }
  return names;
}

/** True when the browser refused the write because the extension's storage is full. */
export function isQuotaError(error: unknown): boolean {
  return errorNames(error).some((name) => name === 'QuotaExceededError');
}

/** A plain-words explanation; the write it came from was rolled back whole (one transaction). */
export function explainStorageError(error: unknown): string {
  if (isQuotaError(error)) {
    return 'The browser has no room left for Heads-Up: nothing from this reading was saved. Export your data, free up disk space, then reload the page.';
  }
  const message = error instanceof Error ? error.message : String(error);
  return `Heads-Up could not save this reading (nothing from it was saved): ${message}`;
}
