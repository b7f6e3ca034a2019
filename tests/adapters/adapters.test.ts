// @vitest-environment jsdom
// The generic adapter test: every adapter in the registry is run on every page its `cases` name, must
// claim its own pages and no one else's, must yield the facts the case states, and must survive
// hostile pages (empty, cut off mid-table, names that look like markup) with problems, not exceptions.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Adapter, AdapterCase, AdapterResult, FetchSameOrigin } from '../../src/adapters/adapter';
import { adapters, pickAdapter } from '../../src/adapters/registry';
import type { Reading } from '../../src/core/types';
import { decodePage } from '../support/decode-page';

// Paths, not URL objects: under the jsdom environment the global URL is jsdom's, which node:fs refuses.
const TEST_DIR = dirname(fileURLToPath(import.meta.url));
const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES ?? resolve(TEST_DIR, '../../../shared/fixtures');
const SITE_DIR = resolve(TEST_DIR, '../site');
const LOCAL_FIXTURES_DIR = resolve(TEST_DIR, 'fixtures');
const NOW = Date.UTC(2014, 5, 3, 17, 30);

interface LoadedPage {
  /** the page's HTML as parsed (for a `site:` page, the DOM after rendering, serialised) */
  html: string;
  dom: JSDOM;
}

/** The demo site's modules, written in plain JS; loaded only for `site:` cases. */
interface SiteModules {
  readPageParams(url: string): { classOptions: object; sectionId: string; week: number };
  generateClass(options: object): unknown;
  renderGradebook(doc: Document, klass: unknown, options: { sectionId: string; week: number }): void;
}

async function loadSiteModules(): Promise<SiteModules> {
  const load = (file: string) => import(/* @vite-ignore */ join(SITE_DIR, file));
  const [params, data, render] = await Promise.all([
    load('gradebook-params.js'),
    load('gradebook-data.js'),
    load('gradebook-render.js'),
  ]);
  return { ...params, ...data, ...render } as SiteModules;
}

async function renderSitePage(path: string, url: string): Promise<LoadedPage> {
  const site = await loadSiteModules();
  const dom = new JSDOM('<!doctype html><html><head><title>Gradebook</title></head><body></body></html>', { url });
  const { classOptions, sectionId, week } = site.readPageParams(path);
  site.renderGradebook(dom.window.document, site.generateClass(classOptions), { sectionId, week });
  return { html: dom.serialize(), dom };
}

async function readFixture(fixture: string): Promise<Uint8Array> {
  const path = fixture.startsWith('local:') ? join(LOCAL_FIXTURES_DIR, fixture.slice('local:'.length)) : join(FIXTURES_DIR, fixture);
  return new Uint8Array(await readFile(path));
}

/** The same-origin fetch a case's `payloads` stand for: listed paths answer with their file (changed by
 * `transform`, for the hostile checks), others fail. */
function fakeFetch(testCase: AdapterCase, transform: (text: string) => string = (text) => text): FetchSameOrigin {
  return async (path, as = 'json') => {
    const file = testCase.payloads?.[path];
    if (file === undefined) throw new Error(`404 for ${path}`);
    const text = transform(decodePage(await readFixture(file)));
    return as === 'json' ? JSON.parse(text) : text;
  };
}

async function loadPage(fixture: string, url: string): Promise<LoadedPage> {
  if (fixture.startsWith('site:')) return renderSitePage(fixture.slice('site:'.length), url);
  const html = decodePage(await readFixture(fixture));
  return { html, dom: new JSDOM(html, { url }) };
}

function readPage(adapter: Adapter, dom: JSDOM, url: string): AdapterResult {
  return adapter.read(dom.window.document, new URL(url), NOW);
}

/** What the content script would read: through `readRemote` (with the case's payloads) when the adapter has it. */
async function readCase(adapter: Adapter, dom: JSDOM, testCase: AdapterCase): Promise<AdapterResult> {
  if (adapter.readRemote && testCase.payloads) return adapter.readRemote(dom.window.document, new URL(testCase.url), NOW, fakeFetch(testCase));
  return readPage(adapter, dom, testCase.url);
}

function problemCount(result: AdapterResult): number {
  return result.problems.length + result.readings.reduce((sum, reading) => sum + reading.problems.length, 0);
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function duplicates(values: string[]): string[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

/** What must hold of any reading, whatever the page. */
function expectConsistent(reading: Reading, adapter: Adapter): void {
  expect(reading.adapterId).toBe(adapter.id);
  expect(reading.view).toBe(adapter.view);
  expect(reading.readAt).toBe(NOW);
  expect(reading.section.key, 'section key').not.toBe('');
  const studentKeys = reading.students.map((student) => student.key);
  const assignmentKeys = reading.assignments.map((assignment) => assignment.key);
  expect(duplicates(studentKeys), 'duplicate student keys').toEqual([]);
  expect(duplicates(assignmentKeys), 'duplicate assignment keys').toEqual([]);
  expect(studentKeys.concat(assignmentKeys).filter((key) => !key), 'empty keys').toEqual([]);
  for (const cell of reading.cells) {
    expect(studentKeys, `cell for unknown student ${cell.studentKey}`).toContain(cell.studentKey);
    expect(assignmentKeys, `cell for unknown assignment ${cell.assignmentKey}`).toContain(cell.assignmentKey);
    expect(cell.score.unreadable, `unreadable cell ${cell.raw} should be a problem`).toBeUndefined();
  }
  const cellIds = reading.cells.map((cell) => `${cell.studentKey}|${cell.assignmentKey}`);
  expect(duplicates(cellIds), 'two cells for one student and assignment').toEqual([]);
  for (const overall of reading.overall) expect(studentKeys).toContain(overall.studentKey);
}

function findCells(readings: Reading[], studentName: string, assignmentName: string) {
  return readings.flatMap((reading) => {
    const students = reading.students.filter((s) => s.name === studentName).map((s) => s.key);
    const assignments = reading.assignments.filter((a) => a.name === assignmentName).map((a) => a.key);
    return reading.cells.filter((cell) => students.includes(cell.studentKey) && assignments.includes(cell.assignmentKey));
  });
}

/** Every fact a case states must hold exactly; facts it leaves out are not checked. */
function expectFacts(result: AdapterResult, facts: AdapterCase['expect']): void {
  const { readings } = result;
  const sum = (count: (reading: Reading) => number) => readings.reduce((total, reading) => total + count(reading), 0);
  if (facts.readings !== undefined) expect(readings).toHaveLength(facts.readings);
  if (facts.sectionName !== undefined) expect(readings.map((r) => r.section.name)).toContain(facts.sectionName);
  if (facts.teacher !== undefined) expect(readings.map((r) => r.section.teacher)).toContain(facts.teacher);
  if (facts.students !== undefined) expect(sum((r) => r.students.length), 'students').toBe(facts.students);
  if (facts.assignments !== undefined) expect(sum((r) => r.assignments.length), 'assignments').toBe(facts.assignments);
  for (const { student, assignment, raw, missing, late, excused, notGraded, ...numbers } of facts.cells ?? []) {
    const where = `cell ${student} × ${assignment}`;
    const found = findCells(readings, student, assignment);
    expect(found, where).toHaveLength(1);
    const score = found[0]!.score;
    if (raw !== undefined) expect(found[0]!.raw, where).toBe(raw);
    for (const [key, value] of Object.entries(numbers)) {
      if (value !== undefined) expect(score[key as keyof typeof numbers], `${where}: ${key}`).toBe(value);
    }
    for (const [flag, value] of Object.entries({ missing, late, excused, notGraded })) {
      if (value !== undefined) expect(Boolean(score.flags[flag as keyof typeof score.flags]), `${where}: ${flag}`).toBe(value);
    }
  }
  for (const { student, percent, letter } of facts.overall ?? []) {
    const overall = readings.flatMap((reading) => {
      const keys = reading.students.filter((s) => s.name === student).map((s) => s.key);
      return reading.overall.filter((o) => keys.includes(o.studentKey));
    });
    expect(overall, `overall of ${student}`).toHaveLength(1);
    if (percent !== undefined) expect(overall[0]!.percent, `overall percent of ${student}`).toBe(percent);
    if (letter !== undefined) expect(overall[0]!.letter, `overall letter of ${student}`).toBe(letter);
  }
  if (facts.problems !== undefined) expect(problemCount(result), JSON.stringify(readings.flatMap((r) => r.problems))).toBe(facts.problems);
}

/** The page's HTML cut off in the middle of a table row (the middle row of the page). */
function cutMidTable(html: string): string {
  const rowStarts = Array.from(html.matchAll(/<tr[\s>]/gi), (match) => match.index);
  const start = rowStarts[Math.floor(rowStarts.length / 2)];
  if (start === undefined) return html.slice(0, Math.floor(html.length / 2));
  const end = html.indexOf('</tr>', start);
  return html.slice(0, start + Math.floor(((end > start ? end : html.length) - start) / 2));
}

const MARKUP = (name: string) => `<b>${name}</b> & "Co" <script>alert(1)</script>`;

/** Replace each text node that shows one of `names` with a markup-looking version; return the new names. */
function giveNamesMarkup(doc: Document, names: Set<string>): Set<string> {
  const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
  const changed = new Set<string>();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const shown = collapse(node.nodeValue ?? '');
    if (!names.has(shown) || node.parentElement?.closest('script, style')) continue;
    node.nodeValue = MARKUP(shown);
    changed.add(MARKUP(shown));
  }
  return changed;
}

/** For pages whose names live in inline script data (Canvas's `ENV`): give JSON string literals that are
 * one of `names` a markup-looking value, as the DOM check does for text nodes; return the new names. */
function giveScriptNamesMarkup(doc: Document, names: Set<string>): Set<string> {
  const changed = new Set<string>();
  for (const script of Array.from(doc.querySelectorAll('script:not([src])'))) {
    script.textContent = (script.textContent ?? '').replace(/"((?:[^"\\\n]|\\.)*)"/g, (literal, body: string) => {
      let value: unknown;
      try {
        value = JSON.parse(`"${body}"`);
      } catch {
        return literal;
      }
      if (typeof value !== 'string' || !names.has(collapse(value))) return literal;
      changed.add(MARKUP(collapse(value)));
      return JSON.stringify(MARKUP(collapse(value)));
    });
  }
  return changed;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeXml = (text: string) => text.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]!);
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[name]!);

/** A payload (JSON, or XML) with every string value or attribute that is one of `names` made markup-looking;
 * the new names are added to `changed`. */
function payloadWithMarkupNames(names: Set<string>, changed: Set<string>): (text: string) => string {
  const swap = (value: string) => {
    if (!names.has(collapse(value))) return undefined;
    changed.add(MARKUP(collapse(value)));
    return MARKUP(collapse(value));
  };
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return swap(value) ?? value;
    if (Array.isArray(value)) return value.map(walk);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v)]));
    return value;
  };
  return (text) => {
    try {
      return JSON.stringify(walk(JSON.parse(text)));
    } catch {
      return text.replace(/="([^"]*)"/g, (attribute, value: string) => {
        const markup = swap(unescapeXml(value));
        return markup === undefined ? attribute : `="${escapeXml(markup)}"`;
      });
    }
  };
}

describe('the adapter registry', () => {
  it('lists adapters with unique ids, each carrying at least one case', () => {
    expect(duplicates(adapters.map((adapter) => adapter.id))).toEqual([]);
    for (const adapter of adapters) expect(adapter.cases.length, adapter.id).toBeGreaterThan(0);
  });

  it('picks no adapter for a page no adapter knows', () => {
    const dom = new JSDOM('<!doctype html><p>Hello</p>', { url: 'https://example.invalid/guardian/home.html' });
    expect(pickAdapter(new URL(dom.window.location.href), dom.window.document)).toBeUndefined();
  });

  it('skips an adapter whose matches() throws and tries the next', () => {
    const broken: Adapter = { ...adapters[0]!, id: 'broken', matches: () => { throw new Error('boom'); } };
    const always: Adapter = { ...adapters[0]!, id: 'always', matches: () => true };
    const dom = new JSDOM('', { url: 'https://example.invalid/' });
    const silence = console.warn;
    console.warn = () => undefined;
    try {
      expect(pickAdapter(new URL('https://example.invalid/'), dom.window.document, [broken, always])?.id).toBe('always');
    } finally {
      console.warn = silence;
    }
  });
});

for (const adapter of adapters) {
  describe(`adapter ${adapter.id}`, () => {
    for (const testCase of adapter.cases) {
      describe(testCase.fixture, () => {
        it('is picked for its own page, and no other adapter claims it', async () => {
          const { dom } = await loadPage(testCase.fixture, testCase.url);
          const url = new URL(testCase.url);
          expect(adapter.matches(url, dom.window.document)).toBe(true);
          const claimedBy = adapters.filter((other) => other !== adapter && other.matches(url, dom.window.document));
          expect(claimedBy.map((other) => other.id)).toEqual([]);
          expect(pickAdapter(url, dom.window.document)?.id).toBe(adapter.id);
        });

        it('reads the facts the case states', async () => {
          const { dom } = await loadPage(testCase.fixture, testCase.url);
          expectFacts(await readCase(adapter, dom, testCase), testCase.expect);
        });

        it('reads unique students and assignments, and cells that refer to them', async () => {
          const { dom } = await loadPage(testCase.fixture, testCase.url);
          const result = await readCase(adapter, dom, testCase);
          expect(result.readings.length).toBeGreaterThan(0);
          for (const reading of result.readings) expectConsistent(reading, adapter);
        });

        const skipped = (check: 'markup-names' | 'cut-mid-table') => testCase.skipChecks?.find((skip) => skip.check === check);
        const markupSkip = skipped('markup-names');
        const cutSkip = skipped('cut-mid-table');

        it('states a reason for each generic check it skips', () => {
          for (const skip of testCase.skipChecks ?? []) expect(skip.reason.trim().length, skip.check).toBeGreaterThan(20);
        });

        // An adapter that reads the page's data through readRemote gets these two checks on its payloads
        // instead; a check a case opts out of (with its reason, checked above) is not registered at all.
        const remote = Boolean(adapter.readRemote && testCase.payloads);

        if (!remote && !markupSkip) it('reads names that look like markup as plain text', async () => {
          const { dom } = await loadPage(testCase.fixture, testCase.url);
          const before = readPage(adapter, dom, testCase.url);
          const names = new Set(before.readings.flatMap((r) => [...r.students, ...r.assignments].map((x) => collapse(x.name))));
          let markupNames = giveNamesMarkup(dom.window.document, names);
          if (markupNames.size === 0) markupNames = giveScriptNamesMarkup(dom.window.document, names);
          expect(markupNames.size).toBeGreaterThan(0);
          const after = readPage(adapter, dom, testCase.url);
          const namesRead = new Set(after.readings.flatMap((r) => [...r.students, ...r.assignments].map((x) => collapse(x.name))));
          for (const name of markupNames) expect(namesRead, 'a name changed by the adapter').toContain(name);
          expect(problemCount(after), 'markup-looking names are names, not problems').toBe(problemCount(before));
          for (const reading of after.readings) expectConsistent(reading, adapter);
        });

        if (!remote && !cutSkip) it('reports problems, without throwing, on the page cut off mid-table', async () => {
          const { html } = await loadPage(testCase.fixture, testCase.url);
          const dom = new JSDOM(cutMidTable(html), { url: testCase.url });
          const result = readPage(adapter, dom, testCase.url);
          expect(problemCount(result)).toBeGreaterThan(0);
          for (const reading of result.readings) expectConsistent(reading, adapter);
        });

        if (remote) it('reads names that look like markup in its payloads as plain text', async () => {
          const { dom } = await loadPage(testCase.fixture, testCase.url);
          const url = new URL(testCase.url);
          const before = await adapter.readRemote!(dom.window.document, url, NOW, fakeFetch(testCase));
          const names = new Set(before.readings.flatMap((r) => [...r.students, ...r.assignments].map((x) => collapse(x.name))));
          const markupNames = new Set<string>();
          const after = await adapter.readRemote!(dom.window.document, url, NOW, fakeFetch(testCase, payloadWithMarkupNames(names, markupNames)));
          expect(markupNames.size).toBeGreaterThan(0);
          const namesRead = new Set(after.readings.flatMap((r) => [...r.students, ...r.assignments].map((x) => collapse(x.name))));
          for (const name of markupNames) expect(namesRead, 'a name changed by the adapter').toContain(name);
          expect(problemCount(after), 'markup-looking names are names, not problems').toBe(problemCount(before));
          for (const reading of after.readings) expectConsistent(reading, adapter);
        });

        if (remote) it('reports problems, without throwing, on payloads cut off halfway', async () => {
          const { dom } = await loadPage(testCase.fixture, testCase.url);
          const cut = (text: string) => text.slice(0, Math.floor(text.length / 2));
          const result = await adapter.readRemote!(dom.window.document, new URL(testCase.url), NOW, fakeFetch(testCase, cut));
          expect(problemCount(result)).toBeGreaterThan(0);
          for (const reading of result.readings) expectConsistent(reading, adapter);
        });
      });
    }

    it('reports problems, without throwing, on an empty page', () => {
      const url = adapter.cases[0]?.url ?? 'https://example.invalid/';
      for (const html of ['', '<!doctype html><html><body></body></html>', '<table><tr><td>']) {
        const result = readPage(adapter, new JSDOM(html, { url }), url);
        expect(result.readings).toEqual([]);
        expect(problemCount(result)).toBeGreaterThan(0);
      }
    });
  });
}
