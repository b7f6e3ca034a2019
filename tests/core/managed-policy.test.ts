import { describe, expect, it } from 'vitest';
import { parseManagedPolicy } from '../../src/core/managed-policy';
import { effectiveSettings } from '../../src/core/settings';

const NOW = new Date(2026, 10, 25, 12).getTime();

describe('the school’s policy', () => {
  it('keeps the valid parts and says why the rest was ignored', () => {
    const { policy, problems } = parseManagedPolicy({
      calendar: { termStart: '2026-08-17', reportDates: ['2026-10-16', '2026-09-18'], termEnd: '2027-01-15' },
      thresholds: { lowGrade: 150, missingCount: 3 },
      sites: ['https://lakeview.powerschool.com'],
    });
    expect(policy.calendar).toEqual({ termStart: '2026-08-17', reportDates: ['2026-09-18', '2026-10-16'], termEnd: '2027-01-15' });
    expect(policy.sites).toEqual(['https://lakeview.powerschool.com']);
    expect(policy.thresholds).toBeUndefined();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^thresholds:/);
  });

  it('ignores what is not an object at all', () => {
    expect(parseManagedPolicy(undefined)).toEqual({ policy: {}, problems: [] });
    expect(parseManagedPolicy('calendar')).toEqual({ policy: {}, problems: [] });
  });

  it('wins over the teacher’s own settings, which win over the defaults', () => {
    const stored = { thresholds: { lowGrade: 65, missingCount: 4, dropPoints: 12, cadenceDays: 5 }, signature: 'Ms. Lee' };
    const policy = { thresholds: { lowGrade: 60 }, calendar: { termStart: '2026-08-17', reportDates: ['2026-12-18'], termEnd: '2027-01-15' } };
    const settings = effectiveSettings(stored, NOW, policy);
    expect(settings.thresholds).toEqual({ lowGrade: 60, missingCount: 4, dropPoints: 12, cadenceDays: 5 });
    expect(settings.calendar.reportDates).toEqual(['2026-12-18']);
    expect(settings.signature).toBe('Ms. Lee');
    expect(effectiveSettings(stored, NOW).thresholds.lowGrade).toBe(65);
  });
});
