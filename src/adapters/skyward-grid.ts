// Skyward SMS 2.0 pages draw their grids by script from data in an inline script:
// `sff.sv('sf_gridObjects', $.extend(…, {'<grid id>': {th: {r: [{h: '<tr…>', c: [{h: '<th…>'}]}]}, tb: {…}}}))`,
// where every row and cell is an HTML string. These helpers find that literal in the script text, parse it
// as data (never run it), and read a grid's rows from it: as data (`gridRows`, each cell's HTML read only
// when asked for, without a DOM), or rebuilt in an inert document of its own to be read like a page (`rebuildGrid`).
import { type JsValue, parseJsLiteral } from './js-literal';

export type GridObject = { [key: string]: JsValue };

const DATA_CALL = "sff.sv('sf_gridObjects'";

export const isRecord = (value: JsValue | undefined): value is GridObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The grid objects literal from the page's inline scripts, or why it could not be read. */
export function gridObjects(doc: Document): GridObject | string {
  // one pass over each script's text: the search that finds the call also says where it is. The live list of
  // scripts rather than querySelectorAll: a page with its grid drawn has thousands of elements to match again.
  let script = '';
  let call = -1;
  for (const element of Array.from(doc.getElementsByTagName('script'))) {
    if (element.hasAttribute('src')) continue;
    script = element.textContent ?? '';
    call = script.indexOf(DATA_CALL);
    if (call >= 0) break;
  }
  if (call < 0) return 'the grid data script was not found (page still loading?)';
  // the first object with a quoted key after the call: `(sff.getValue(…) || {})` before it has none
  const opening = /\{\s*['"]/g;
  opening.lastIndex = call;
  const start = opening.exec(script)?.index;
  const parsed = start === undefined ? undefined : parseJsLiteral(script, start);
  if (!parsed?.ok || !isRecord(parsed.value)) return `the grid data could not be read as data${parsed && !parsed.ok ? `: ${parsed.reason}` : ''} (page cut off?)`;
  return parsed.value;
}

/** HTML strings of a grid part (`{r: [{h: '<tr…>', c: [{h: '<td…>'}]}]}`) joined into rows. */
function rowsHtml(part: JsValue | undefined): string {
  const rows = isRecord(part) && Array.isArray(part.r) ? part.r : [];
  return rows.map((row) => {
    if (!isRecord(row) || typeof row.h !== 'string' || !Array.isArray(row.c)) return '';
    return `${row.h}${row.c.map((cell) => (isRecord(cell) && typeof cell.h === 'string' ? cell.h : '<td></td>')).join('')}</tr>`;
  }).join('');
}

/** The grid as the page would draw it, in an inert template: nothing in it runs or loads. */
export function rebuildGrid(doc: Document, grid: GridObject): ParentNode {
  // A document of its own from DOMParser: inert (no script runs, nothing loads), and never attached.
  const Parser = doc.defaultView?.DOMParser ?? DOMParser;
  const html = `<table><thead>${rowsHtml(grid.th)}</thead><tbody>${rowsHtml(grid.tb)}</tbody></table>`;
  return new Parser().parseFromString(html, 'text/html').body;
}

/** One row of a grid, as data: its `<tr>` (without children) and its cells as the data holds them (one
 * `<td>`/`<th>` each, read with `cellNodes`: most are never read). */
export interface GridRow {
  tr: HtmlElement | undefined;
  cells: readonly JsValue[];
  /** the cells parsed so far, by index: a cell read twice is parsed once */
  parsed: Array<HtmlNode[] | undefined>;
}

/** A cell's HTML; a cell that is not data is an empty cell, as rowsHtml draws it. */
function cellHtml(row: GridRow, index: number): string {
  const cell = row.cells[index];
  return isRecord(cell) && typeof cell.h === 'string' ? cell.h : '<td></td>';
}

/** A cell's nodes, parsed when first asked for; none for a cell the row does not have. */
export function cellNodes(row: GridRow, index: number, doc: Document): HtmlNode[] {
  if (index >= row.cells.length) return [];
  return (row.parsed[index] ??= parseHtml(cellHtml(row, index), doc));
}

/** The rows of a grid part (`{r: [{h: '<tr…>', c: [{h: '<td…>'}]}]}`), read as rowsHtml joins them: a row
 * that is not data is left out. */
export function gridRows(part: JsValue | undefined, doc: Document): GridRow[] {
  const rows: GridRow[] = [];
  for (const row of isRecord(part) && Array.isArray(part.r) ? part.r : []) {
    if (!isRecord(row) || typeof row.h !== 'string' || !Array.isArray(row.c)) continue;
    const tr = parseHtml(row.h, doc).find((node): node is HtmlElement => typeof node !== 'string');
    // sized up front: filling an empty array at scattered indexes grows it each time
    rows.push({ tr: tr?.name === 'tr' ? tr : undefined, cells: row.c, parsed: new Array<HtmlNode[] | undefined>(row.c.length) });
  }
  return rows;
}

// A reader for the small, regular HTML of grid cells, so that 900 KB of them need not become a DOM:
// elements with attributes and text, character references decoded. It does not
// repair markup as a browser does (implied end tags, tables); Skyward writes each cell as one well-formed element.

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
/** The rest of a start tag up to its `>` (or to the end): any text but `>`, where a value after `=` may be
 * quoted (and hold `>`; an unclosed quote runs to the end). One native match, not a loop over each `=`. */
const START_TAG_REST = /(?:[^>=]+|=[\t\n\f\r ]*(?:"[^"]*(?:"|$)|'[^']*(?:'|$))|=)*/y;
const isAsciiLetter = (code: number) => (code | 0x20) >= 97 && (code | 0x20) <= 122;
const isTagSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;
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
    if (code === GT || code === SLASH || isTagSpace(code)) break;
  }
  return i;
}

/** Just after the `>` that closes the tag opened at `lt` (the end of the text when none does). */
function tagEnd(html: string, lt: number): number {
  const close = html.indexOf('>', lt);
  return close < 0 ? html.length : close + 1;
}

/** Where the `>` closing a start tag is, from `from` in its attributes: a quoted value may hold one. */
function startTagClose(html: string, from: number): number {
  START_TAG_REST.lastIndex = from;
  START_TAG_REST.test(html);
  return START_TAG_REST.lastIndex;
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
