// The literal parser reads what JSON.stringify writes, and JavaScript's own literal forms (single
// quotes, unquoted keys, comments, trailing commas), and refuses anything that would need running.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseJsLiteral } from '../../src/adapters/js-literal';

describe('parseJsLiteral', () => {
  it('reads any JSON as JSON.parse does', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const text = JSON.stringify(value);
      const result = parseJsLiteral(text);
      expect(result).toEqual({ ok: true, value: JSON.parse(text), end: text.length });
    }));
  });

  it('reads single quotes, unquoted keys, escapes, comments and trailing commas', () => {
    const text = `{'a': 'it\\'s', b: "<\\/td>", /* note */ c: [1, -2.5, .5, 1e3,], 'd': {"e": null, f: true}, // end
    }`;
    expect(parseJsLiteral(text)).toEqual({ ok: true, end: text.length, value: { a: "it's", b: '</td>', c: [1, -2.5, 0.5, 1000], d: { e: null, f: true } } });
  });

  it('reads JSON inside a JavaScript literal to the same value, and goes on after it', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => {
      const json = JSON.stringify(value);
      const text = `{'k': ${json}, /* note */ l: [${json}, 'x']}`;
      expect(parseJsLiteral(text)).toEqual({ ok: true, value: { k: JSON.parse(json), l: [JSON.parse(json), 'x'] }, end: text.length });
    }));
  });

  it('starts where it is told and says where the literal ends', () => {
    const text = "sff.sv('x', {'k': 1}));";
    expect(parseJsLiteral(text, text.indexOf('{'))).toEqual({ ok: true, value: { k: 1 }, end: text.indexOf(')') });
  });

  it('refuses calls, variables and expressions instead of running them', () => {
    expect(parseJsLiteral("{'a': alert(1)}")).toMatchObject({ ok: false, reason: '"alert" is not a literal' });
    expect(parseJsLiteral('{a: window.x}')).toMatchObject({ ok: false });
    expect(parseJsLiteral('[1 + 2]')).toMatchObject({ ok: false });
  });

  it('keeps __proto__ a plain key', () => {
    const result = parseJsLiteral('{"__proto__": {"polluted": true}}');
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('reports text cut off, and nesting too deep for data, as errors', () => {
    expect(parseJsLiteral('{"a": [1, 2')).toMatchObject({ ok: false });
    expect(parseJsLiteral("{'a': 'open")).toMatchObject({ ok: false, reason: 'unclosed string' });
    expect(parseJsLiteral('['.repeat(10_000))).toMatchObject({ ok: false, reason: 'nested too deeply' });
  });

  it('holds text that looks like JSON to the same rules: too deep, or hiding a call, is an error', () => {
    expect(parseJsLiteral('['.repeat(300) + ']'.repeat(300))).toMatchObject({ ok: false, reason: 'nested too deeply' });
    expect(parseJsLiteral(`{"k": ${'['.repeat(199)}${']'.repeat(199)}}`)).toMatchObject({ ok: true });
    expect(parseJsLiteral('{"a": [1, {"b": alert(1)}]}')).toMatchObject({ ok: false, reason: '"alert" is not a literal' });
  });
});
