// Text as pages show it: white space collapsed and trimmed, and capped for reports.

const SPACES = /\s+/g;

/**
 * White space collapsed to single spaces and trimmed. Text already in that form once trimmed (most
 * cells: printable ASCII with single inner spaces, often indented in the page's markup) is returned
 * without a regex pass; `trim` removes what `\s` matches, so trimming first changes nothing else.
 */
export function collapse(text: string | null | undefined): string {
  if (!text) return '';
  const trimmed = text.trim();
  return isTidyAscii(trimmed) ? trimmed : trimmed.replace(SPACES, ' ');
}

/** Is the text printable ASCII with single spaces between words: nothing to collapse or trim, no accents? */
export function isTidyAscii(text: string): boolean {
  const last = text.length - 1;
  for (let i = 0; i <= last; i++) {
    const code = text.charCodeAt(i);
    if (code > 32 && code < 127) continue;
    if (code === 32 && i > 0 && i < last && text.charCodeAt(i + 1) !== 32) continue;
    return false;
  }
  return true;
}

/** ASCII white space as HTML defines it (between class names, between a tag's attributes). */
export const isHtmlSpace = (code: number) => code === 32 || code === 9 || code === 10 || code === 12 || code === 13;

/** The longest page text a problem report quotes. */
export const MAX_RAW = 80;

/** Text cut to MAX_RAW characters for a report, with an ellipsis when cut. */
export function capRaw(text: string): string {
  return text.length > MAX_RAW ? `${text.slice(0, MAX_RAW - 1)}…` : text;
}
