// The contract every gradebook adapter fulfils: one file per system, DOM in, plain data out.
// Vendor selectors live in the adapter files and nowhere else.
import type { Reading, ReadingProblem, ViewKind } from '../core/types';

/** What one read of a page yields: the readings it could make and the page-level problems it met. */
export interface AdapterResult {
  readings: Reading[];
  /** problems that stopped a whole reading (e.g. "grade table not found"); cell-level ones sit in each Reading */
  problems: ReadingProblem[];
}

/** A test case carried by the adapter: a saved page and facts that must hold when it is read. */
export interface AdapterCase {
  /** a file under `shared/fixtures/` (e.g. `powerschool/guardian-scores-calc.html`), `site:` + a demo-site URL
   * path, or `local:` + a file under `tests/adapters/fixtures/` (pages written from a vendor's documentation,
   * for unverified adapters: each such file says at its top what it was built from) */
  fixture: string;
  /** for adapters with `readRemote`: what each same-origin request returns, as request path (with its
   * query) → fixture file named as above; a request not listed fails as a 404 would */
  payloads?: Record<string, string>;
  /** the URL the page was served at (drives `matches`) */
  url: string;
  /** generic hostile-page checks that cannot apply to this page (e.g. no text node holds a name alone), each with why */
  skipChecks?: Array<{ check: 'markup-names' | 'cut-mid-table'; reason: string }>;
  /** facts checked by the generic adapter test (exact values); omitted keys are not checked */
  expect: {
    readings?: number;
    sectionName?: string;
    teacher?: string;
    students?: number;
    assignments?: number;
    /** a few cells: the student's and assignment's display names, and what must be read there */
    cells?: Array<{
      student: string;
      assignment: string;
      raw?: string;
      points?: number;
      outOf?: number;
      percent?: number;
      letter?: string;
      missing?: boolean;
      late?: boolean;
      excused?: boolean;
      notGraded?: boolean;
    }>;
    overall?: Array<{ student: string; percent?: number; letter?: string }>;
    /** the number of reported problems across all readings */
    problems?: number;
  };
}

/** What the content script needs to recognise a page: small, so every adapter's check can ship in the
 * content script while each reader is injected only into the pages it matches. */
export interface AdapterInfo {
  id: string;
  label: string;
  view: ViewKind;
  /** verified = tested against a saved real page (or the demo site); unverified = built from documentation */
  status: 'verified' | 'unverified';
  /** is this page one this adapter reads? Cheap; must not throw. */
  matches(url: URL, doc: Document): boolean;
}

/** A same-origin GET of JSON (or text) with the teacher's own session; refuses any other host. */
export type FetchSameOrigin = (path: string, as?: 'json' | 'text') => Promise<unknown>;

export interface Adapter extends AdapterInfo {
  /** read the page; never throws for page content (problems are returned instead) */
  read(doc: Document, url: URL, now: number): AdapterResult;
  /** for pages that render from JSON or virtualise rows: read the same-origin data the page itself loads.
   * When present the content script uses it instead of `read`; it never throws (problems instead). */
  readRemote?(doc: Document, url: URL, now: number, fetchSameOrigin: FetchSameOrigin): Promise<AdapterResult>;
  cases: AdapterCase[];
}

/** The full adapter from its info, its reader and its cases (the reader wrapped so it cannot throw).
 * Call it under a `@__PURE__` annotation so that a bundle that only needs the info drops the reader. */
export function withReader(info: AdapterInfo, read: Adapter['read'], cases: AdapterCase[], extra: Pick<Adapter, 'readRemote'> = {}): Adapter {
  return { ...info, read: safeRead(read), cases, ...extra };
}

/** A `matches` that cannot throw: a page the check cannot even query is not the adapter's. */
export function safeMatches(check: (url: URL, doc: Document) => boolean): Adapter['matches'] {
  return (url, doc) => {
    try {
      return check(url, doc);
    } catch {
      return false;
    }
  };
}

/** A `read` that never throws into the page: an unexpected exception becomes a reported problem. */
export function safeRead(read: Adapter['read']): Adapter['read'] {
  return (doc, url, now) => {
    try {
      return read(doc, url, now);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      return { readings: [], problems: [{ where: 'page', reason: `unexpected error while reading: ${reason}` }] };
    }
  };
}
