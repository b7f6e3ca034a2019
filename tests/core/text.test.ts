// Page text: collapsed like the regex would, with the tidy-text shortcut taking no other path.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { capRaw, collapse, MAX_RAW } from '../../src/core/text';

describe('collapse', () => {
  it('gives exactly what collapsing every run of white space and trimming gives', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'B', '7', ' ', '  ', '\n', '\t', '\u00a0', '\u2003', 'é', '/', '—') }), (text) => {
        expect(collapse(text)).toBe(text.replace(/\s+/g, ' ').trim());
      }),
    );
    expect(collapse(undefined)).toBe('');
    expect(collapse(null)).toBe('');
    expect(collapse('  12 /\u00a015 ')).toBe('12 / 15');
  });
});

describe('capRaw', () => {
  it('cuts long text to the cap with an ellipsis, and leaves short text alone', () => {
    expect(capRaw('12/15')).toBe('12/15');
    const long = 'x'.repeat(200);
    expect(capRaw(long)).toHaveLength(MAX_RAW);
    expect(capRaw(long).endsWith('…')).toBe(true);
  });
});
