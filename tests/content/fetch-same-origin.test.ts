// The readers' only network access: same-origin GETs; another host, even one a path or a protocol-relative
// URL points to, is refused before any request is made.
import { describe, expect, it } from 'vitest';
import { sameOriginFetcher } from '../../src/content/fetch-same-origin';

function recordingFetch(body: unknown, status = 200) {
  const calls: Array<{ url: string; init?: RequestInit }> = [];
  const impl = (async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, statusText: status === 200 ? 'OK' : 'Not Found' });
  }) as unknown as typeof fetch;
  return { calls, impl };
}

describe('sameOriginFetcher', () => {
  const page = 'https://lakeview.instructure.com/courses/110/gradebook';

  it('GETs a path on the page’s origin with the teacher’s session, as JSON or text', async () => {
    const { calls, impl } = recordingFetch({ ok: 1 });
    const get = sameOriginFetcher(page, impl);
    await expect(get('/api/v1/courses/110/assignment_groups?per_page=100')).resolves.toEqual({ ok: 1 });
    await expect(get('relative/data.xml', 'text')).resolves.toBe('{"ok":1}');
    expect(calls.map((c) => c.url)).toEqual([
      'https://lakeview.instructure.com/api/v1/courses/110/assignment_groups?per_page=100',
      'https://lakeview.instructure.com/courses/110/relative/data.xml',
    ]);
    expect(calls.every((c) => c.init?.method === 'GET' && c.init.credentials === 'include')).toBe(true);
  });

  it('refuses other hosts, schemes and ports without making a request', async () => {
    const { calls, impl } = recordingFetch({});
    const get = sameOriginFetcher(page, impl);
    for (const path of ['https://evil.example/steal', '//evil.example/steal', 'http://lakeview.instructure.com/api', 'https://lakeview.instructure.com:8443/api']) {
      await expect(get(path)).rejects.toThrow(/refused/);
    }
    expect(calls).toEqual([]);
  });

  it('fails with the status for an answer that is not OK', async () => {
    const { impl } = recordingFetch('nope', 404);
    await expect(sameOriginFetcher(page, impl)('/api/v1/missing')).rejects.toThrow('404 Not Found for /api/v1/missing');
  });
});
