import { describe, expect, it } from 'vitest';
import { safeMatches, safeRead } from '../../src/adapters/adapter';

const url = new URL('https://school.example/grades');
const doc = {} as Document;

describe('adapter guards', () => {
  it('a matches() that throws says no', () => {
    expect(safeMatches(() => { throw new Error('boom'); })(url, doc)).toBe(false);
    expect(safeMatches(() => true)(url, doc)).toBe(true);
  });

  it('a read() that throws reports the reason instead of throwing into the page', () => {
    const read = safeRead(() => { throw new TypeError('cells is undefined'); });
    expect(read(doc, url, 0)).toEqual({ readings: [], problems: [{ where: 'page', reason: 'unexpected error while reading: cells is undefined' }] });
  });
});

describe('the content script’s detector list', () => {
  it('names the same adapters as the registry, in the same order, with the same info', async () => {
    const { detectors } = await import('../../src/adapters/detectors');
    const { adapters } = await import('../../src/adapters/registry');
    expect(detectors.map((info) => info.id)).toEqual(adapters.map((adapter) => adapter.id));
    for (const [index, info] of detectors.entries()) {
      const adapter = adapters[index]!;
      expect({ label: info.label, view: info.view, status: info.status, matches: info.matches })
        .toEqual({ label: adapter.label, view: adapter.view, status: adapter.status, matches: adapter.matches });
    }
  });
});

describe('the reader files the build makes', () => {
  it('exist for every adapter: each lives in src/adapters/<its id>.ts (the build names readers by file)', async () => {
    const { existsSync } = await import('node:fs');
    const { detectors } = await import('../../src/adapters/detectors');
    const missing = detectors.filter((info) => !existsSync(new URL(`../../src/adapters/${info.id}.ts`, import.meta.url)));
    expect(missing.map((info) => info.id)).toEqual([]);
  });
});
