import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LETTER_SCALE,
  MAX_SCORE_NUMBER,
  letterForPercent,
  normaliseName,
  parsePercent,
  parseScore,
  parseUsDate,
} from '../../src/core/score-parse';
import type { ParsedScore } from '../../src/core/types';

describe('parseScore: points', () => {
  it.each([
    ['12', 12],
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['  7\u00a0', 7],
    ['0', 0],
  ])('reads plain points %j', (raw, points) => {
    expect(parseScore(raw)).toEqual({ points, flags: {} });
  });

  it('turns plain points into a percent when the assignment gives points possible', () => {
    expect(parseScore('12', 15)).toEqual({ points: 12, outOf: 15, percent: 80, flags: {} });
    expect(parseScore('2', 3)).toEqual({ points: 2, outOf: 3, percent: 66.67, flags: {} });
  });

  it('ignores points possible that cannot be used (zero, negative, not a number)', () => {
    expect(parseScore('12', 0)).toEqual({ points: 12, flags: {} });
    expect(parseScore('12', -4)).toEqual({ points: 12, flags: {} });
    expect(parseScore('12', Number.NaN)).toEqual({ points: 12, flags: {} });
  });

  it.each([
    ['12/15', 12, 15, 80],
    ['12 / 15', 12, 15, 80],
    ['52/50', 52, 50, 104],
    ['104/96', 104, 96, 108.33],
    ['28/30', 28, 30, 93.33],
    ['0/10', 0, 10, 0],
    ['9.5 out of 10', 9.5, 10, 95],
  ])('reads points over possible %j', (raw, points, outOf, percent) => {
    expect(parseScore(raw)).toEqual({ points, outOf, percent, flags: {} });
  });

  it("prefers the cell's own points possible over the assignment's", () => {
    expect(parseScore('12/15', 20)).toMatchObject({ points: 12, outOf: 15, percent: 80 });
  });

  it.each(['--/10', '—/10', '– / 10', '-/10'])('reads %j as not graded, worth 10', (raw) => {
    expect(parseScore(raw)).toEqual({ outOf: 10, flags: { notGraded: true } });
  });
});

describe('parseScore: percents and letters', () => {
  it.each([
    ['87.2%', 87.2],
    ['87,2 %', 87.2],
    ['103%', 103],
  ])('reads the percent %j', (raw, percent) => {
    expect(parseScore(raw)).toEqual({ percent, flags: {} });
  });

  it.each(Object.entries(LETTER_SCALE))('reads the letter %s at its scale value %d', (letter, percent) => {
    expect(parseScore(letter)).toEqual({ letter, percent, flags: {} });
    expect(parseScore(` ${letter.toLowerCase()} `)).toEqual({ letter, percent, flags: {} });
  });

  it.each([
    [100, 'A'], [93, 'A'], [92.99, 'A-'], [90, 'A-'], [87, 'B+'], [83, 'B'], [80, 'B-'], [77, 'C+'],
    [73, 'C'], [70, 'C-'], [67, 'D+'], [63, 'D'], [60, 'D-'], [59.99, 'F'], [0, 'F'], [120, 'A'],
  ])('letterForPercent(%d) is %s', (percent, letter) => {
    expect(letterForPercent(percent)).toBe(letter);
  });

  it("gives every letter's scale value back that letter (except A+, which has no cutoff of its own)", () => {
    for (const [letter, percent] of Object.entries(LETTER_SCALE)) {
      expect(letterForPercent(percent)).toBe(letter === 'A+' ? 'A' : letter);
    }
  });
});

describe('parseScore: marks', () => {
  it.each(['M', 'm', 'MI', 'MSG', 'Missing', ' MISSING '])('reads %j as missing, with no points', (raw) => {
    const score = parseScore(raw);
    expect(score).toEqual({ flags: { missing: true } });
    expect(score.points).toBeUndefined();
  });

  it.each(['EX', 'ex', 'EXC', 'Excused', 'Exempt'])('reads %j as excused', (raw) => {
    expect(parseScore(raw)).toEqual({ flags: { excused: true } });
  });

  it.each(['I', 'INC', 'Incomplete'])('reads %j as incomplete', (raw) => {
    expect(parseScore(raw)).toEqual({ flags: { incomplete: true } });
  });

  it.each(['L', 'Late'])('reads %j alone as late', (raw) => {
    expect(parseScore(raw)).toEqual({ flags: { late: true } });
  });

  it.each(['', '   ', '\u00a0', '—', '–', '-', '--', '*', 'N/A', 'n/a', 'NG'])('reads %j as not graded', (raw) => {
    expect(parseScore(raw)).toEqual({ flags: { notGraded: true } });
  });
});

describe('parseScore: text it cannot understand', () => {
  it.each(['abc', '12/0', '12/-5', '1e999', '1e999/10', '10/1e999', '<b>', '12 pts extra', 'A++', '5000001', '9'.repeat(80)])(
    'reports %j as unreadable, with a reason',
    (raw) => {
      const score = parseScore(raw);
      expect(score.unreadable).toMatch(/\w{3,}/);
      expect(score.flags).toEqual({});
      expect(score.points).toBeUndefined();
      expect(score.percent).toBeUndefined();
    },
  );

  it('explains a zero points possible in plain words', () => {
    expect(parseScore('12/0').unreadable).toMatch(/points possible/);
  });

  it('does not throw on values that are not strings at run time', () => {
    expect(parseScore(undefined as unknown as string).unreadable).toBeDefined();
  });
});

/** Something usable, or a reason why not: the contract every reading relies on. */
function isUsableOrExplained(score: ParsedScore): boolean {
  const hasNumber = [score.points, score.percent].some((n) => typeof n === 'number' && Number.isFinite(n));
  const hasFlag = Object.values(score.flags).some(Boolean);
  return hasNumber || hasFlag || (typeof score.unreadable === 'string' && score.unreadable.length > 0);
}

describe('parseScore: properties', () => {
  const points = fc.double({ min: -MAX_SCORE_NUMBER, max: MAX_SCORE_NUMBER, noNaN: true });
  const possible = fc.double({ min: 0.01, max: 10_000, noNaN: true });

  it('reads `n/d` as n points out of d, for any finite n and positive d', () => {
    fc.assert(
      fc.property(points, possible, (n, d) => {
        const score = parseScore(`${n}/${d}`);
        if (score.unreadable) {
          // only when the percent itself is beyond any plausible value
          return Math.abs((n / d) * 100) > MAX_SCORE_NUMBER;
        }
        return score.points === n + 0 && score.outOf === d && score.percent === Math.round((n / d) * 100 * 100) / 100;
      }),
    );
  });

  it('reads `n/d` with surrounding and inner spaces the same as without', () => {
    fc.assert(
      fc.property(fc.nat(1000), fc.integer({ min: 1, max: 1000 }), (n, d) => {
        expect(parseScore(` ${n} /\u00a0${d} `)).toEqual(parseScore(`${n}/${d}`));
      }),
    );
  });

  it('reads a decimal comma the same as a decimal point', () => {
    fc.assert(
      fc.property(fc.nat(999), fc.nat(99), (whole, fraction) => {
        expect(parseScore(`${whole},${fraction}`)).toEqual(parseScore(`${whole}.${fraction}`));
      }),
    );
  });

  it('never throws, and always gives a number, a flag or a reason', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.option(fc.double(), { nil: undefined }), (raw, pointsPossible) => {
        const score = parseScore(raw, pointsPossible);
        expect(isUsableOrExplained(score)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads text as it is exactly as it reads the same text padded with spaces (the fast paths agree with the full one)', () => {
    // Padding sends the text past every fast path (plain points, exact marks and letters) to the full parser.
    const marks = ['M', 'MI', 'Missing', 'EX', 'Exempt', 'INC', 'L', 'LATE', '', '—', '–', '-', '--', '*', 'N/A', 'NG'];
    const letters = Object.keys(LETTER_SCALE).flatMap((letter) => [letter, letter.toLowerCase()]);
    const others = ['constructor', 'toString', '__proto__', 'F+', 'E', 'A--'];
    const scoreLike = fc.oneof(
      fc.constantFrom(...marks, ...letters, ...others),
      fc.stringMatching(/^[-+]?[0-9]{0,6}([.,][0-9]{0,3})?(\/[0-9]{0,4}([.][0-9]{0,2})?)?%?$/),
    );
    fc.assert(
      fc.property(scoreLike, fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }), (raw, pointsPossible) => {
        expect(parseScore(raw, pointsPossible)).toEqual(parseScore(` ${raw}\u00a0`, pointsPossible));
      }),
      { numRuns: 3000 },
    );
  });

  it('never gives a number that is not finite or beyond the cap', () => {
    const scoreLike = fc.stringMatching(/^[-+]?[0-9]{0,12}([.,][0-9]{0,4})?(e[0-9]{1,4})?( ?\/ ?[-+]?[0-9]{0,12}(e[0-9]{1,4})?)?%?$/);
    fc.assert(
      fc.property(scoreLike, (raw) => {
        const score = parseScore(raw);
        for (const n of [score.points, score.outOf, score.percent]) {
          if (n !== undefined) expect(Number.isFinite(n) && Math.abs(n) <= MAX_SCORE_NUMBER).toBe(true);
        }
      }),
    );
  });
});

describe('parsePercent', () => {
  it.each([
    ['87.2%', 87.2],
    ['87,2 %', 87.2],
    ['103%', 103],
    [' 96% \u00a0', 96],
    ['108.33', 108.33],
  ])('reads %j as %d', (text, percent) => {
    expect(parsePercent(text)).toBe(percent);
  });

  it.each(['', '%', 'A', '--', '1e999%', 'ninety'])('gives nothing for %j', (text) => {
    expect(parsePercent(text)).toBeUndefined();
  });

  it('reads a plain percent or number as it reads the same text padded with spaces (the fast path agrees with the full one)', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{0,8}(\.[0-9]{0,3})?%?$/), (text) => {
        expect(parsePercent(text)).toBe(parsePercent(` ${text}\u00a0`));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('normaliseName', () => {
  it.each([
    ['  Avery\u00a0\u00a0Stone ', 'avery stone'],
    ['Stone,\tAvery\n', 'stone, avery'],
    ['Zoë Ångström-Nuñez', 'zoe angstrom-nunez'],
    ['AVERY STONE', 'avery stone'],
  ])('normalises %j to %j', (name, key) => {
    expect(normaliseName(name)).toBe(key);
  });

  it('gives a plain ASCII name the same form as the full path gives it padded with spaces', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'Z', "'", '-', ' ', '  ', '.', ',', 'é', '\u00a0', '\t') }), (name) => {
        expect(normaliseName(name)).toBe(normaliseName(`\u00a0${name} `));
      }),
      { numRuns: 3000 },
    );
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (name) => normaliseName(normaliseName(name)) === normaliseName(name)));
  });
});

describe('parseUsDate', () => {
  it.each([
    ['04/03/2014', '2014-04-03'],
    ['4/3/2014', '2014-04-03'],
    [' 12/21/2022 ', '2022-12-21'],
    ['02/29/2024', '2024-02-29'],
    ['09/08/17', '2017-09-08'],
  ])('reads %j as %s', (text, iso) => {
    expect(parseUsDate(text)).toBe(iso);
  });

  it.each(['', '13/01/2014', '02/30/2014', '02/29/2023', '2014-04-03', '08/24', 'soon'])('gives nothing for %j', (text) => {
    expect(parseUsDate(text)).toBeUndefined();
  });

  it('reads a date as it is exactly as it reads the same text padded with spaces (the fast path agrees with the full one)', () => {
    const dateLike = fc.oneof(
      fc.stringMatching(/^[0-9]{0,3}\/[0-9]{0,3}\/[0-9]{0,5}$/),
      fc.tuple(fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.integer({ min: 0, max: 2400 }), fc.boolean())
        .map(([m, d, y, padded]) => (padded ? `${String(m).padStart(2, '0')}/${String(d).padStart(2, '0')}/${String(y).padStart(4, '0')}` : `${m}/${d}/${y}`)),
      fc.constantFrom('2/29/2000', '2/29/1900', '2/29/2024', '2/29/23', '02/29/0100', '1/1/0099', '12/31/0999', '1/1/1', '1/1/123'),
    );
    fc.assert(
      fc.property(dateLike, (text) => {
        expect(parseUsDate(text)).toBe(parseUsDate(` ${text}\u00a0`));
      }),
      { numRuns: 5000 },
    );
  });

  it('round-trips every real date', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1990-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = iso.split('-');
        expect(parseUsDate(`${m}/${d}/${y}`)).toBe(iso);
      }),
    );
  });
});
