// A mailto: link with subject and body (RFC 6068: each part percent-encoded, line breaks as %0D%0A).
export function mailtoLink(to: string, subject: string, body: string): string {
  const encode = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  return `mailto:${encodeURIComponent(to)}?subject=${encode(subject)}&body=${encode(body)}`;
}
