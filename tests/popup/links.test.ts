import { describe, expect, it } from 'vitest';
import { mailtoLink, smsLink, telLink } from '../../src/popup/links';

describe('links to the teacher’s own apps', () => {
  it('encodes subject and body of a mailto: link, line breaks as CRLF', () => {
    const link = mailtoLink('jo@example.org', 'Avery & math?', 'Line one\nLine two: 100%');
    expect(link).toBe('mailto:jo%40example.org?subject=Avery%20%26%20math%3F&body=Line%20one%0D%0ALine%20two%3A%20100%25');
    const body = decodeURIComponent(link.split('&body=')[1]!);
    expect(body).toBe('Line one\r\nLine two: 100%');
  });

  it('keeps only digits and + of a phone number in sms: and tel: links', () => {
    expect(smsLink('(555) 123-4567', '¿Hola? Sí')).toBe('sms:5551234567?body=%C2%BFHola%3F%20S%C3%AD');
    expect(telLink('+1 555 123 4567')).toBe('tel:+15551234567');
  });
});
