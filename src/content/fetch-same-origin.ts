// The one request a reader may make: a GET of the data the gradebook page itself loads, on the page's
// own origin, with the teacher's own session. Any other host is refused before a request is made.
import type { FetchSameOrigin } from '../adapters/adapter';

export function sameOriginFetcher(pageUrl: string, fetchImpl: typeof fetch = fetch): FetchSameOrigin {
  const origin = new URL(pageUrl).origin;
  return async (path, as = 'json') => {
    const target = new URL(path, pageUrl);
    if (target.origin !== origin) throw new Error(`refused: ${target.origin} is not this page's origin`);
    const response = await fetchImpl(target.href, {
      method: 'GET',
      credentials: 'include',
      headers: { Accept: as === 'json' ? 'application/json' : '*/*' },
    });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText} for ${target.pathname}`);
    return as === 'json' ? response.json() : response.text();
  };
}
