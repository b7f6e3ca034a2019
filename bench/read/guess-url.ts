// Where a saved page was served from, guessed from the file when `--url` is not given: most adapters
// recognise their pages by address as well as by content, and a saved file has lost its address.
import type { Adapter } from '../../src/adapters/adapter';

/** A URL to try, and where the guess came from (shown to the person running the command). */
export interface UrlGuess {
  url: URL;
  from: string;
  /** only this adapter is asked about this URL (its own test cases' addresses); absent: every adapter */
  onlyFor?: Adapter;
}

function absoluteUrl(text: string | null | undefined): URL | undefined {
  if (!text) return undefined;
  try {
    // a note may follow the address (urls.json: "http://… (POST … from …)")
    const url = new URL(text.trim().split(/\s+/)[0] ?? '');
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined; // not an absolute address: nothing to guess from
  }
}

/** Addresses the page itself states: a browser's "saved from url" comment, canonical link, og:url, base href. */
function statedUrls(html: string, doc: Document): UrlGuess[] {
  const found: Array<[string | undefined, string]> = [
    [/<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1], 'the "saved from url" comment'],
    [doc.querySelector('link[rel~="canonical" i]')?.getAttribute('href') ?? undefined, 'its canonical link'],
    [doc.querySelector('meta[property="og:url" i]')?.getAttribute('content') ?? undefined, 'its og:url'],
    [doc.querySelector('base[href]')?.getAttribute('href') ?? undefined, 'its <base href>'],
  ];
  return found.flatMap(([text, from]) => {
    const url = absoluteUrl(text);
    return url ? [{ url, from: `the page (${from})` }] : [];
  });
}

/** `urls.json` beside the page (as shared/fixtures/rosariosis has): `{ "file.html": { "url": … } }`. */
function siblingUrl(fileName: string, urlsJson: string | undefined): UrlGuess[] {
  if (!urlsJson) return [];
  try {
    const entry: unknown = (JSON.parse(urlsJson) as Record<string, unknown>)[fileName];
    const text = typeof entry === 'string' ? entry : (entry as { url?: unknown } | undefined)?.url;
    const url = absoluteUrl(typeof text === 'string' ? text : undefined);
    return url ? [{ url, from: 'urls.json beside the page' }] : [];
  } catch {
    return []; // a urls.json that is not JSON says nothing about this page
  }
}

/**
 * Each adapter's own test-case addresses: "would this adapter read the page if it were served there?"
 * Not for an adapter that knows its pages by address alone (it claims a blank page there: those that read
 * the page's same-origin data, say), since at its own address any saved file would look like its own.
 */
function caseUrls(adapters: readonly Adapter[], blank: Document): UrlGuess[] {
  return adapters.flatMap((adapter) =>
    adapter.cases.flatMap((testCase) => {
      const url = absoluteUrl(testCase.url);
      if (url && adapter.matches(url, blank)) return [];
      return url ? [{ url, from: `the address of ${adapter.id}'s own test page (a guess: pass --url to be sure)`, onlyFor: adapter }] : [];
    }),
  );
}

/**
 * Every guess, most trustworthy first; the file's own address last. An address the file states is
 * trusted alone: only a file that states none is tried at the addresses of each adapter's own test
 * pages (else another view of the same system, such as a parent page, would pass for the teacher one).
 */
export function guessUrls(input: { html: string; doc: Document; fileName: string; fileUrl: URL; urlsJson?: string; adapters: readonly Adapter[] }): UrlGuess[] {
  const stated = [...statedUrls(input.html, input.doc), ...siblingUrl(input.fileName, input.urlsJson)];
  return [...stated, ...(stated.length > 0 ? [] : caseUrls(input.adapters, input.doc.implementation.createHTMLDocument(''))), { url: input.fileUrl, from: 'the file itself' }];
}
