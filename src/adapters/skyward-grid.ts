// Skyward SMS 2.0 pages draw their grids by script from data in an inline script:
// `sff.sv('sf_gridObjects', $.extend(…, {'<grid id>': {th: {r: [{h: '<tr…>', c: [{h: '<th…>'}]}]}, tb: {…}}}))`,
// where every row and cell is an HTML string. These helpers find that literal in the script text, parse it
// as data (never run it), and rebuild a grid's rows in an inert <template> to be read like a page.
import { type JsValue, parseJsLiteral } from './js-literal';

export type GridObject = { [key: string]: JsValue };

const DATA_CALL = "sff.sv('sf_gridObjects'";

export const isRecord = (value: JsValue | undefined): value is GridObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The grid objects literal from the page's inline scripts, or why it could not be read. */
export function gridObjects(doc: Document): GridObject | string {
  const script = Array.from(doc.querySelectorAll('script:not([src])')).map((s) => s.textContent ?? '').find((text) => text.includes(DATA_CALL));
  if (!script) return 'the grid data script was not found (page still loading?)';
  // the first object with a quoted key after the call: `(sff.getValue(…) || {})` before it has none
  const opening = /\{\s*['"]/g;
  opening.lastIndex = script.indexOf(DATA_CALL);
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
export function rebuildGrid(doc: Document, grid: GridObject): DocumentFragment {
  const template = doc.createElement('template');
  template.innerHTML = `<table><thead>${rowsHtml(grid.th)}</thead><tbody>${rowsHtml(grid.tb)}</tbody></table>`;
  return template.content;
}
