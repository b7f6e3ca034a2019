import { describe, expect, it } from 'vitest';
import { isGsm7, plainForSms, quietHours, smsSegments, smsSummary } from '../../src/core/sms';

describe('SMS segments', () => {
  it('GSM-7: 160 characters fit in one segment, 161 take two of 153', () => {
    expect(smsSegments('a'.repeat(160))).toMatchObject({ segments: 1, encoding: 'GSM-7', perSegment: 160, units: 160 });
    expect(smsSegments('a'.repeat(161))).toMatchObject({ segments: 2, encoding: 'GSM-7', perSegment: 153 });
    expect(smsSegments('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsSegments('a'.repeat(307))).toMatchObject({ segments: 3 });
  });

  it('extension characters (€ [ ] { } ~ ^ | \\) count two septets', () => {
    expect(smsSegments('€'.repeat(80))).toMatchObject({ segments: 1, encoding: 'GSM-7', units: 160 });
    expect(smsSegments(`${'a'.repeat(159)}€`)).toMatchObject({ segments: 2, units: 161 });
    expect(smsSegments('[]{}~^|\\').units).toBe(16);
  });

  it('an escape pair is never split across segments', () => {
    // 152 plain + € would need septets 153–154: the € moves to the second part.
    const count = smsSegments(`${'a'.repeat(152)}€${'b'.repeat(10)}`);
    expect(count.breaks).toEqual([152]);
  });

  it('Spanish é ñ ü ¿ ¡ are GSM-7; á í ó ú are not', () => {
    expect(isGsm7('¿Qué tal? ¡Señora Müller, él!')).toBe(true);
    expect(isGsm7('María está aquí')).toBe(false);
  });

  it('any character outside GSM-7 switches to UCS-2: 70 per segment, then 67', () => {
    expect(smsSegments(`${'a'.repeat(69)}á`)).toMatchObject({ segments: 1, encoding: 'UCS-2', perSegment: 70, units: 70 });
    expect(smsSegments(`${'a'.repeat(70)}á`)).toMatchObject({ segments: 2, encoding: 'UCS-2', perSegment: 67 });
    expect(smsSegments('á'.repeat(134)).segments).toBe(2);
    expect(smsSegments('á'.repeat(135)).segments).toBe(3);
  });

  it('UCS-2 counts UTF-16 code units and never splits a surrogate pair', () => {
    expect(smsSegments('😀'.repeat(35))).toMatchObject({ segments: 1, units: 70 });
    const count = smsSegments(`${'a'.repeat(66)}😀${'a'.repeat(10)}`);
    expect(count.units).toBe(78);
    expect(count.breaks).toEqual([66]);
  });

  it('warns past two segments only', () => {
    const warn = (c: { segments: number }) => `${c.segments} parts`;
    expect(smsSummary('a'.repeat(306), warn)).toEqual({ segments: 2, encoding: 'GSM-7' });
    expect(smsSummary('a'.repeat(307), warn)).toEqual({ segments: 3, encoding: 'GSM-7', warning: '3 parts' });
  });
});

describe('quiet hours (no texts from 8 pm to 7 am)', () => {
  const at = (iso: string) => Date.parse(iso);
  it.each([
    ['2025-10-20T19:59:00Z', false],
    ['2025-10-20T20:00:00Z', true],
    ['2025-10-20T23:30:00Z', true],
    ['2025-10-21T06:59:00Z', true],
    ['2025-10-21T07:00:00Z', false],
    ['2025-10-21T12:00:00Z', false],
  ])('%s in UTC → %s', (iso, quiet) => {
    expect(quietHours(at(iso), 'UTC')).toBe(quiet);
  });

  it('uses the given time zone', () => {
    // 02:00 UTC is 19:00 the evening before in Los Angeles (PDT), 15:00 in Auckland (NZDT).
    expect(quietHours(at('2025-10-21T02:00:00Z'), 'America/Los_Angeles')).toBe(false);
    expect(quietHours(at('2025-10-21T04:00:00Z'), 'America/Los_Angeles')).toBe(true);
    expect(quietHours(at('2025-10-21T02:00:00Z'), 'Pacific/Auckland')).toBe(false);
  });
});

describe('plainForSms', () => {
  it('makes typography plain so a text stays GSM-7, and leaves letters alone', () => {
    const fancy = 'English 9 \u2014 Period 1: \u201cReading Log\u201d isn\u2019t in\u2026';
    expect(isGsm7(fancy)).toBe(false);
    expect(plainForSms(fancy)).toBe('English 9 - Period 1: "Reading Log" isn\'t in...');
    expect(isGsm7(plainForSms(fancy))).toBe(true);
    expect(plainForSms('Núñez, José')).toBe('Núñez, José');
  });
});
