// A reader for the small, regular HTML of grid cells (Skyward keeps its grids as HTML strings in script
// data), so that 900 KB of them need not become a DOM: elements with attributes and text, character
// references decoded. It does not repair markup as a browser does (implied end tags, tables); Skyward
// writes each cell as one well-formed element.
import { isHtmlSpace } from '../core/text';

/** An element of a cell's HTML: its lower-case name, and its attributes as written (read with `attributeOf`). */
export interface HtmlElement {
  name: string;
  attributes: string;
  children: HtmlNode[];
  parent: HtmlElement | undefined;
}
/** A node of a cell's HTML: an element, or text (decoded). */
export type HtmlNode = HtmlElement | string;

const COMMON_REFERENCES: ReadonlyMap<string, string> = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0']]);
/** A character reference, or an `&` that may start one this reader does not know (no group matches then). */
const REFERENCE = /&(?:#(\d+);|#[xX]([0-9a-fA-F]+);|([a-zA-Z][a-zA-Z0-9]*);|(?=[#a-zA-Z]))/g;
const [GT, SLASH, EQUALS, DOUBLE_QUOTE, SINGLE_QUOTE] = ['>', '/', '=', '"', "'"].map((char) => char.charCodeAt(0));
const isAsciiLetter = (code: number) => (code | 0x20) >= 97 && (code | 0x20) <= 122;
/** White space as a regular expression's `\s` matches it, Unicode spaces included (between and around attributes). */
const isJsSpace = (code: number) => code === 32 || (code >= 9 && code <= 13) || (code >= 0xa0 && /\s/.test(String.fromCharCode(code)));
const isAttributeNameEnd = (code: number) => code === SLASH || code === GT || code === EQUALS || isJsSpace(code);

/** The character a numeric reference stands for, when it is one the browser takes as written. */
function codePointText(code: number): string | undefined {
  // 0, surrogates and beyond Unicode become U+FFFD, and C1 controls windows-1252 characters: left to the browser
  const asWritten = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && (code < 0x80 || code > 0x9f);
  return asWritten ? String.fromCodePoint(code) : undefined;
}

/** Text of HTML with its character references decoded; the browser decodes those this reader does not know. */
function decodeText(text: string, doc: Document): string {
  if (!text.includes('&')) return text;
  // `&nbsp;` fills every empty cell of a grid: it is replaced before (and often instead of) the general pass
  const spaced = text === '&nbsp;' ? '\u00a0' : text.replaceAll('&nbsp;', '\u00a0');
  if (!spaced.includes('&')) return spaced;
  let known = true;
  const decoded = spaced.replace(REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    const plain = name !== undefined ? COMMON_REFERENCES.get(name)
      : codePointText(decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : Number.NaN);
    if (plain === undefined) known = false;
    return plain ?? reference;
  });
  if (known) return decoded;
  const Parser = doc.defaultView?.DOMParser ?? globalThis.DOMParser;
  return new Parser().parseFromString(`<!doctype html><body><p>${text.replace(/</g, '&lt;')}`, 'text/html').body.textContent ?? '';
}

/** What an element holds: nothing (a void element), text up to its end tag (as written, or with its character
 * references decoded), or nodes. A switch rather than a Set: the name is a new string each time, and hashing it cost more. */
function contentOf(name: string): 'nothing' | 'raw text' | 'decoded text' | 'nodes' {
  switch (name) {
    case 'area': case 'base': case 'br': case 'col': case 'embed': case 'hr': case 'img': case 'input': case 'link': case 'meta': case 'source': case 'track': case 'wbr':
      return 'nothing';
    case 'script': case 'style':
      return 'raw text';
    case 'textarea': case 'title':
      return 'decoded text';
    default:
      return 'nodes';
  }
}

/** Parse the HTML of a grid row or cell into nodes; elements left open at the end are closed there. */
export function parseHtml(html: string, doc: Document): HtmlNode[] {
  const root: HtmlElement = { name: '#fragment', attributes: '', children: [], parent: undefined };
  let open = root;
  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i) open.children.push(decodeText(html.slice(i, textEnd), doc));
    if (lt < 0) break;
    const next = html.charCodeAt(lt + 1);
    if (isAsciiLetter(next)) {
      const attributes = nameEnd(html, lt + 1);
      const close = startTagClose(html, attributes);
      const element: HtmlElement = { name: html.slice(lt + 1, attributes).toLowerCase(), attributes: html.slice(attributes, close), children: [], parent: open };
      open.children.push(element);
      i = Math.min(close + 1, html.length);
      const content = contentOf(element.name);
      if (content === 'raw text' || content === 'decoded text') {
        const end = html.toLowerCase().indexOf(`</${element.name}`, i);
        const text = html.slice(i, end < 0 ? html.length : end);
        if (text) element.children.push(content === 'decoded text' ? decodeText(text, doc) : text);
        i = end < 0 ? html.length : end;
      } else if (content === 'nodes') open = element;
    } else if (next === SLASH && isAsciiLetter(html.charCodeAt(lt + 2))) {
      const name = html.slice(lt + 2, nameEnd(html, lt + 2)).toLowerCase();
      for (let element: HtmlElement | undefined = open; element && element !== root; element = element.parent) {
        if (element.name === name) {
          open = element.parent!;
          break;
        }
      }
      i = tagEnd(html, lt);
    } else if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      i = close < 0 ? html.length : close + 3;
    } else if (next === SLASH || html.startsWith('!', lt + 1) || html.startsWith('?', lt + 1)) {
      i = tagEnd(html, lt);
    } else {
      open.children.push('<');
      i = lt + 1;
    }
  }
  for (const node of root.children) if (typeof node !== 'string') node.parent = undefined;
  return root.children;
}

/** Where a tag name starting at `from` ends: at white space, `/` or `>`. */
function nameEnd(html: string, from: number): number {
  let i = from;
  for (; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (code === GT || code === SLASH || isHtmlSpace(code)) break;
  }
  return i;
}

/** Just after the `>` that closes the tag opened at `lt` (the end of the text when none does). */
function tagEnd(html: string, lt: number): number {
  const close = html.indexOf('>', lt);
  return close < 0 ? html.length : close + 1;
}

/** Where the `>` closing a start tag is, from `from` in its attributes: a value quoted after `=` may hold one (an
 * unclosed quote runs to the end). Found with a search per `=` rather than a pattern matched per character. */
function startTagClose(html: string, from: number): number {
  let gt = html.indexOf('>', from);
  for (let i = from; ;) {
    const eq = html.indexOf('=', i);
    if (eq < 0 || (gt >= 0 && gt < eq)) return gt < 0 ? html.length : gt;
    let value = eq + 1;
    while (isHtmlSpace(html.charCodeAt(value))) value++;
    const quote = html.charCodeAt(value);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) {
      i = eq + 1;
      continue;
    }
    const close = html.indexOf(html.charAt(value), value + 1);
    if (close < 0) return html.length;
    i = close + 1;
    if (gt >= 0 && gt < i) gt = html.indexOf('>', i);
  }
}

/** The decoded value of an element's attribute, by its lower-case ASCII name (names are not case-sensitive);
 * the first wins when it is repeated, as in a browser. */
export function attributeOf(element: HtmlElement | undefined, name: string, doc: Document): string | undefined {
  if (!element) return undefined;
  const value = attributeAsWritten(element.attributes, name);
  return value === undefined ? undefined : decodeText(value, doc);
}

/** The value of the first attribute named `name` in a start tag's attributes, as written. Scanned in place,
 * allocating nothing for the attributes it passes: a row or a link is asked for several names. */
function attributeAsWritten(attributes: string, name: string): string | undefined {
  let i = 0;
  for (;;) {
    while (i < attributes.length && (isJsSpace(attributes.charCodeAt(i)) || attributes.charCodeAt(i) === SLASH)) i++;
    if (i >= attributes.length || attributes.charCodeAt(i) === GT) return undefined;
    const nameStart = i;
    while (++i < attributes.length && !isAttributeNameEnd(attributes.charCodeAt(i)));
    const wanted = isNamed(attributes, nameStart, i, name);
    const start = valueStart(attributes, i);
    if (start < 0) {
      if (wanted) return '';
      continue;
    }
    const quoted = attributes.charCodeAt(start) === DOUBLE_QUOTE || attributes.charCodeAt(start) === SINGLE_QUOTE;
    const end = valueEnd(attributes, start);
    if (wanted) return attributes.slice(quoted ? start + 1 : start, end);
    i = quoted ? end + 1 : end;
  }
}

/** Whether the attribute name written from `start` to `end` is `name` (lower-case ASCII) once lower-cased,
 * compared in place: most names differ in length or in their first letter. */
function isNamed(attributes: string, start: number, end: number, name: string): boolean {
  // lower-casing changes a length only to add a combining mark, which no ASCII name has
  if (end - start !== name.length) return false;
  for (let k = 0; k < name.length; k++) {
    const code = attributes.charCodeAt(start + k);
    // beyond ASCII, lower-casing is Unicode's (the Kelvin sign is a "k"): left to toLowerCase
    if (code > 127) return attributes.slice(start, end).toLowerCase() === name;
    if ((code >= 65 && code <= 90 ? code + 32 : code) !== name.charCodeAt(k)) return false;
  }
  return true;
}

/** Where the value of an attribute whose name ends at `nameEnd` starts (after `=` and white space: at its
 * opening quote if it has one), or -1 when no `=` follows the name. */
function valueStart(attributes: string, nameEnd: number): number {
  let i = nameEnd;
  while (isJsSpace(attributes.charCodeAt(i))) i++;
  if (attributes.charCodeAt(i) !== EQUALS) return -1;
  i++;
  while (isJsSpace(attributes.charCodeAt(i))) i++;
  return i;
}

/** Where a value starting at `start` ends: at its closing quote (the end, when it has none), or at white space
 * or `>` when it is not quoted. */
function valueEnd(attributes: string, start: number): number {
  const quote = attributes.charCodeAt(start);
  if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
    const close = attributes.indexOf(attributes.charAt(start), start + 1);
    return close < 0 ? attributes.length : close;
  }
  let end = start;
  while (end < attributes.length && !isJsSpace(attributes.charCodeAt(end)) && attributes.charCodeAt(end) !== GT) end++;
  return end;
}

/** The text of nodes, as `textContent` reads it. */
export function textOf(nodes: readonly HtmlNode[]): string {
  let text = '';
  for (const node of nodes) text += typeof node === 'string' ? node : textOf(node.children);
  return text;
}

/** The first element among nodes and their descendants (in document order) that passes `test`. */
export function findElement(nodes: readonly HtmlNode[], test: (element: HtmlElement) => boolean): HtmlElement | undefined {
  for (const node of nodes) {
    if (typeof node === 'string') continue;
    if (test(node)) return node;
    const found = findElement(node.children, test);
    if (found) return found;
  }
  return undefined;
}
