// Reading data a page keeps in its inline scripts (`sff.sv('grid', {...})`, `ENV = {...}`) without
// running any of it: a parser for JavaScript *literals* only — objects, arrays, strings in either
// quote, numbers, true/false/null and unquoted keys. Anything else (a call, a variable, an expression)
// is an error with its position, never evaluated. Most such data is JSON: a `{…}` or `[…]` that is
// JSON is handed to JSON.parse, which is native and never runs code either; what it refuses is read here.

export type JsValue = string | number | boolean | null | JsValue[] | { [key: string]: JsValue };

export type LiteralResult = { ok: true; value: JsValue; end: number } | { ok: false; reason: string; at: number };

const ESCAPES: Readonly<Record<string, string>> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', v: '\v', '0': '\0' };
const NUMBER = /-?(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/y;
const IDENTIFIER = /[A-Za-z_$][\w$]*/y;
const WORDS: Readonly<Record<string, JsValue>> = { true: true, false: false, null: null };
const SLASH = 47;
const STAR = 42;
const [DOUBLE_QUOTE, SINGLE_QUOTE, BACKSLASH] = ['"', "'", '\\'].map((char) => char.charCodeAt(0));
const [OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = ['{', '}', '[', ']'].map((char) => char.charCodeAt(0));
/** Nesting deeper than this is not data a gradebook page holds; it stops a hostile page from exhausting the stack. */
const MAX_DEPTH = 200;

class LiteralError extends Error {
  constructor(readonly reason: string, readonly at: number) {
    super(reason);
  }
}

/** How far the JSON-looking text from `from` (a `{` or `[`) reaches: `end` just after the bracket that
 * closes it; or, when it stops before (a single quote or a comment outside a string, nesting deeper than
 * `maxDepth`, no end), `closed` is false and `end` is where it stopped. Brackets are counted, not checked. */
function jsonExtent(text: string, from: number, maxDepth: number): { end: number; closed: boolean } {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === DOUBLE_QUOTE) {
      i = closingQuote(text, i);
      if (i < 0) break;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > maxDepth) return { end: i, closed: false };
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      if (--depth === 0) return { end: i + 1, closed: true };
    } else if (code === SINGLE_QUOTE || code === SLASH) return { end: i, closed: false };
  }
  return { end: text.length, closed: false };
}

/** The `"` that closes the double-quoted string opened at `open` (one not escaped by a backslash), or -1. */
function closingQuote(text: string, open: number): number {
  // a one-letter key, as each of Skyward's thousands of cells has (`{"h":"<td…>"}`), closes without a search
  const first = text.charCodeAt(open + 1);
  if (first !== DOUBLE_QUOTE && first !== BACKSLASH && text.charCodeAt(open + 2) === DOUBLE_QUOTE) return open + 2;
  for (let quote = text.indexOf('"', open + 1); quote >= 0; quote = text.indexOf('"', quote + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
  return -1;
}

class Parser {
  private i: number;
  private backslash = -1;
  /** text before this is not tried as JSON again: inside a span JSON.parse refused, retrying each nested
   * value could make a hostile page take quadratic time */
  private refusedUntil = -1;
  constructor(private readonly text: string, start: number) {
    this.i = start;
  }

  get position(): number {
    return this.i;
  }

  private fail(reason: string): never {
    throw new LiteralError(reason, this.i);
  }

  private skipSpace(): void {
    const text = this.text;
    for (;;) {
      const code = text.charCodeAt(this.i);
      if (code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0 || code === 0xfeff) this.i++;
      else if (code !== SLASH) return;
      else if (text.charCodeAt(this.i + 1) === SLASH) {
        const end = text.indexOf('\n', this.i);
        this.i = end < 0 ? text.length : end;
      } else if (text.charCodeAt(this.i + 1) === STAR) {
        const end = text.indexOf('*/', this.i + 2);
        if (end < 0) this.fail('unclosed comment');
        this.i = end + 2;
      } else return;
    }
  }

  value(depth = 0): JsValue {
    if (depth > MAX_DEPTH) this.fail('nested too deeply');
    this.skipSpace();
    const char = this.text[this.i];
    if (char === '{' || char === '[') {
      const json = this.json(depth);
      if (json !== undefined) return json;
      return char === '{' ? this.object(depth) : this.array(depth);
    }
    if (char === '"' || char === "'") return this.string();
    NUMBER.lastIndex = this.i;
    const number = NUMBER.exec(this.text);
    if (number) {
      this.i += number[0].length;
      return Number(number[0]);
    }
    const word = this.identifier();
    if (word !== undefined && word in WORDS) return WORDS[word]!;
    return this.fail(word === undefined ? `unexpected ${char === undefined ? 'end of text' : `"${char}"`}` : `"${word}" is not a literal`);
  }

  /** The object or array here read by JSON.parse, or undefined (nothing read) when it is not JSON. JSON.parse
   * takes exactly the JSON this parser would read, and reads it to the same value, `__proto__` keys included. */
  private json(depth: number): JsValue | undefined {
    if (this.i < this.refusedUntil) return undefined;
    // nesting the JSON is allowed: what this parser allows below `depth`, so that it reports deeper text itself
    const { end, closed } = jsonExtent(this.text, this.i, MAX_DEPTH - depth);
    if (!closed) {
      this.refusedUntil = end;
      return undefined;
    }
    try {
      const value = JSON.parse(this.text.slice(this.i, end)) as JsValue;
      this.i = end;
      return value;
    } catch {
      // not JSON: this parser reads the span instead, and says what is wrong with it if anything is
      this.refusedUntil = end;
      return undefined;
    }
  }

  private identifier(): string | undefined {
    IDENTIFIER.lastIndex = this.i;
    const match = IDENTIFIER.exec(this.text);
    if (!match) return undefined;
    this.i += match[0].length;
    return match[0];
  }

  private string(): string {
    const text = this.text;
    const quote = text[this.i]!;
    let out = '';
    let from = ++this.i;
    let close = -1;
    for (;;) {
      if (close < this.i) close = text.indexOf(quote, this.i);
      if (close < 0) this.fail('unclosed string');
      const next = this.nextBackslash();
      if (close < next) {
        out += text.slice(from, close);
        this.i = close + 1;
        return out;
      }
      out += text.slice(from, next);
      this.i = next + 1;
      out += this.escape();
      from = this.i;
    }
  }

  /** The next backslash from here on (Infinity when there is none); remembered, so that all the strings of a
   * long literal search the text for backslashes once between them, not each to its next one. */
  private nextBackslash(): number {
    if (this.backslash < this.i) {
      const found = this.text.indexOf('\\', this.i);
      this.backslash = found < 0 ? Infinity : found;
    }
    return this.backslash;
  }

  private escape(): string {
    const char = this.text[this.i++];
    if (char === undefined) this.fail('unclosed string');
    if (char === 'u' || char === 'x') {
      const braced = char === 'u' && this.text[this.i] === '{';
      const length = char === 'x' ? 2 : braced ? this.text.indexOf('}', this.i) - this.i - 1 : 4;
      const hex = this.text.slice(this.i + (braced ? 1 : 0), this.i + (braced ? 1 : 0) + length);
      if (!/^[0-9a-fA-F]+$/.test(hex) || (braced && length > 6)) this.fail('bad escape');
      this.i += length + (braced ? 2 : 0);
      return String.fromCodePoint(parseInt(hex, 16));
    }
    // a backslash before a line end continues the string
    if (char === '\r' && this.text[this.i] === '\n') this.i++;
    if (char === '\n' || char === '\r' || char === '\u2028' || char === '\u2029') return '';
    return ESCAPES[char] ?? char;
  }

  private object(depth: number): { [key: string]: JsValue } {
    const out: { [key: string]: JsValue } = {};
    this.i++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] === '}') {
        this.i++;
        return out;
      }
      const char = this.text[this.i];
      const key = char === '"' || char === "'" ? this.string() : this.identifier() ?? this.numberKey();
      this.skipSpace();
      if (this.text[this.i] !== ':') this.fail('expected ":" after a key');
      this.i++;
      const value = this.value(depth + 1);
      // a data key, never a prototype: `__proto__` stays a plain property (defined, not assigned, which is slower)
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      else out[key] = value;
      this.skipSpace();
      if (this.text[this.i] === ',') this.i++;
      else if (this.text[this.i] !== '}') this.fail('expected "," or "}"');
    }
  }

  private numberKey(): string {
    NUMBER.lastIndex = this.i;
    const number = NUMBER.exec(this.text);
    if (!number) this.fail('expected a key');
    this.i += number[0].length;
    return String(Number(number[0]));
  }

  private array(depth: number): JsValue[] {
    const out: JsValue[] = [];
    this.i++;
    for (;;) {
      this.skipSpace();
      if (this.text[this.i] === ']') {
        this.i++;
        return out;
      }
      out.push(this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.i] === ',') this.i++;
      else if (this.text[this.i] !== ']') this.fail('expected "," or "]"');
    }
  }
}

/** Parse the literal that starts at `start` in `text` (spaces first are skipped); `end` is just after it. */
export function parseJsLiteral(text: string, start = 0): LiteralResult {
  const parser = new Parser(text, start);
  try {
    const value = parser.value();
    return { ok: true, value, end: parser.position };
  } catch (error) {
    if (error instanceof LiteralError) return { ok: false, reason: error.reason, at: error.at };
    throw error;
  }
}
