// The match pattern a school site is granted and read under: scheme and host, any port (match patterns
// ignore ports), any path. One rule for the background, the popup and the options page.

export function sitePatternOf(url: URL): string {
  return `${url.protocol}//${url.hostname}/*`;
}
