// Skyward SMS 2.0 pages draw their grids by script from data in an inline script:
// `sff.sv('sf_gridObjects', $.extend(…, {'<grid id>': {th: {r: [{h: '<tr…>', c: [{h: '<th…>'}]}]}, tb: {…}}}))`,
// where every row and cell is an HTML string. These helpers find that literal in the script text, parse it
// as data (never run it), and read a grid's rows from it: as data (`gridRows`, each cell's HTML read only
// when asked for, without a DOM), or rebuilt in an inert document of its own to be read like a page (`rebuildGrid`).
import { type JsValue, parseJsLiteral } from './js-literal';
import { type HtmlElement, type HtmlNode, parseHtml } from './cell-html';

export type GridObject = { [key: string]: JsValue };

const DATA_CALL = "sff.sv('sf_gridObjects'";

export const isRecord = (value: JsValue | undefined): value is GridObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The grid objects literal from the page's inline scripts, or why it could not be read. */
export function gridObjects(doc: Document): GridObject | string {
  // one pass over each script's text: the search that finds the call also says where it is. querySelectorAll
  // rather than the live list of scripts: after a change to the page it walks a drawn grid three times faster.
  let script = '';
  let call = -1;
  const scripts = doc.querySelectorAll('script');
  for (let index = 0; index < scripts.length; index++) {
    const element = scripts[index]!;
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
  const oneGrid = start === undefined ? undefined : oneGridObject(script, start);
  if (oneGrid) return oneGrid;
  const parsed = start === undefined ? undefined : parseJsLiteral(script, start);
  if (!parsed?.ok || !isRecord(parsed.value)) return `the grid data could not be read as data${parsed && !parsed.ok ? `: ${parsed.reason}` : ''} (page cut off?)`;
  return parsed.value;
}

/** `{'<grid id>':` opening the literal: one quoted key without escapes, and its colon. */
const GRID_KEY_OPENING = /\{\s*(['"])([\w$-]+)\1\s*:/y;

/**
 * The literal as Skyward writes it for one grid, `{'<grid id>': {…JSON…}}` closing the script's call: the grid is
 * then the JSON between the colon and the script's last `}`, read natively in one go, without first finding where
 * it ends (a pass over 900 KB). Undefined when it is anything else (two grids, a comment, a page cut off): the
 * general parser reads that. When JSON.parse takes the whole span, it is the one value the parser would read there.
 */
function oneGridObject(script: string, start: number): GridObject | undefined {
  GRID_KEY_OPENING.lastIndex = start;
  const key = GRID_KEY_OPENING.exec(script)?.[2];
  const close = script.lastIndexOf('}');
  if (key === undefined || close < GRID_KEY_OPENING.lastIndex) return undefined;
  try {
    return { [key]: JSON.parse(script.slice(GRID_KEY_OPENING.lastIndex, close)) as JsValue };
  } catch {
    return undefined; // not one JSON value: the general parser reads the literal, or says what is wrong with it
  }
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
