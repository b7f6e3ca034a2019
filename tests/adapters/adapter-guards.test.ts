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
