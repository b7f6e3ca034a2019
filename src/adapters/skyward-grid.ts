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
  // one pass over each script's text: the search that finds the call also says where it is
  let script = '';
  let call = -1;
  for (const element of Array.from(doc.querySelectorAll('script:not([src])'))) {
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
 * `<td>`/`<th>` each, read with `cellHtml`: most are never read). */
export interface GridRow {
  tr: HtmlElement | undefined;
  cells: readonly JsValue[];
}

/** A cell's HTML; a cell that is not data is an empty cell, as rowsHtml draws it. */
export function cellHtml(row: GridRow, index: number): string {
  const cell = row.cells[index];
  return isRecord(cell) && typeof cell.h === 'string' ? cell.h : '<td></td>';
}

/** The rows of a grid part (`{r: [{h: '<tr…>', c: [{h: '<td…>'}]}]}`), read as rowsHtml joins them: a row
 * that is not data is left out. */
export function gridRows(part: JsValue | undefined, doc: Document): GridRow[] {
  const rows: GridRow[] = [];
  for (const row of isRecord(part) && Array.isArray(part.r) ? part.r : []) {
    if (!isRecord(row) || typeof row.h !== 'string' || !Array.isArray(row.c)) continue;
    const tr = parseHtml(row.h, doc).find((node): node is HtmlElement => typeof node !== 'string');
    rows.push({ tr: tr?.name === 'tr' ? tr : undefined, cells: row.c });
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

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose content is text up to their end tag; the last two have their character references decoded. */
const RAW_TEXT = new Map([['script', false], ['style', false], ['textarea', true], ['title', true]]);
const ATTRIBUTE = /[\s/]*([^\s/>][^\s/>=]*)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?/y;
const COMMON_REFERENCES: ReadonlyMap<string, string> = new Map([['amp', '&'], ['lt', '<'], ['gt', '>'], ['quot', '"'], ['apos', "'"], ['nbsp', '\u00a0']]);
/** A character reference, or an `&` that may start one this reader does not know (no group matches then). */
const REFERENCE = /&(?:#(\d+);|#[xX]([0-9a-fA-F]+);|([a-zA-Z][a-zA-Z0-9]*);|(?=[#a-zA-Z]))/g;
const [GT, SLASH, EQUALS, DOUBLE_QUOTE, SINGLE_QUOTE] = ['>', '/', '=', '"', "'"].map((char) => char.charCodeAt(0));
const isAsciiLetter = (code: number) => (code | 0x20) >= 97 && (code | 0x20) <= 122;
const isTagSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/** The character a numeric reference stands for, when it is one the browser takes as written. */
function codePointText(code: number): string | undefined {
  // 0, surrogates and beyond Unicode become U+FFFD, and C1 controls windows-1252 characters: left to the browser
  const asWritten = code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) && (code < 0x80 || code > 0x9f);
  return asWritten ? String.fromCodePoint(code) : undefined;
}

/** Text of HTML with its character references decoded; the browser decodes those this reader does not know. */
function decodeText(text: string, doc: Document): string {
  if (!text.includes('&')) return text;
  let known = true;
  const decoded = text.replace(REFERENCE, (reference, decimal?: string, hex?: string, name?: string) => {
    const plain = name !== undefined ? COMMON_REFERENCES.get(name)
      : codePointText(decimal !== undefined ? Number(decimal) : hex !== undefined ? parseInt(hex, 16) : Number.NaN);
    if (plain === undefined) known = false;
    return plain ?? reference;
  });
  if (known) return decoded;
  const Parser = doc.defaultView?.DOMParser ?? globalThis.DOMParser;
  return new Parser().parseFromString(`<!doctype html><body><p>${text.replace(/</g, '&lt;')}`, 'text/html').body.textContent ?? '';
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
      const element = readStartTag(html, lt + 1, open);
      open.children.push(element.node);
      i = element.end;
      const raw = RAW_TEXT.get(element.node.name);
      if (raw !== undefined) {
        const close = html.toLowerCase().indexOf(`</${element.node.name}`, i);
        const text = html.slice(i, close < 0 ? html.length : close);
        if (text) element.node.children.push(raw ? decodeText(text, doc) : text);
        i = close < 0 ? html.length : close;
      } else if (!VOID_ELEMENTS.has(element.node.name)) open = element.node;
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
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (code === GT) return i;
    if (code !== EQUALS) continue;
    let value = i + 1;
    while (isTagSpace(html.charCodeAt(value))) value++;
    const quote = html.charCodeAt(value);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) continue;
    const close = html.indexOf(html.charAt(value), value + 1);
    if (close < 0) break;
    i = close;
  }
  return html.length;
}

function readStartTag(html: string, from: number, parent: HtmlElement): { node: HtmlElement; end: number } {
  const attributes = nameEnd(html, from);
  const close = startTagClose(html, attributes);
  const node: HtmlElement = { name: html.slice(from, attributes).toLowerCase(), attributes: html.slice(attributes, close), children: [], parent };
  return { node, end: Math.min(close + 1, html.length) };
}

/** The decoded value of an element's attribute (names are not case-sensitive); the first wins when it is repeated, as in a browser. */
export function attributeOf(element: HtmlElement | undefined, name: string, doc: Document): string | undefined {
  if (!element) return undefined;
  ATTRIBUTE.lastIndex = 0;
  for (let match = ATTRIBUTE.exec(element.attributes); match; match = ATTRIBUTE.exec(element.attributes)) {
    if (match[1]!.toLowerCase() === name) return decodeText(match[2] ?? match[3] ?? match[4] ?? '', doc);
  }
  return undefined;
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
