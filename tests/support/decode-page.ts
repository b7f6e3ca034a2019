// Turning a saved page's bytes into text as the browser did when it showed the page. One rule for the
// adapter tests, `npm run read` and the per-fixture bench, so all three read the same text.

function hasNonAscii(bytes: Uint8Array): boolean {
  return bytes.some((byte) => byte > 0x7f);
}

/** The charset a `<meta>` in the first 4 KB declares, if any. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('windows-1252').decode(bytes.subarray(0, 4096));
  return /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
}

/** Decode a saved page as a browser would have. The declared charset (windows-1252 when none), except
 * that bytes which are valid UTF-8 with non-ASCII text were served as UTF-8 whatever the meta says (the
 * HTTP header wins): powerschool/guardian-scores-german.html declares ISO-8859-1 and holds UTF-8. */
export function decodePage(bytes: Uint8Array): string {
  const declared = declaredCharset(bytes) ?? 'windows-1252';
  if (!hasNonAscii(bytes)) return new TextDecoder(declared).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder(declared).decode(bytes); // not UTF-8: the declared charset is right
  }
}
