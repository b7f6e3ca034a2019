import { describe, expect, it } from 'vitest';
import {
  cellAt,
  defaultTermStart,
  generateClass,
  LETTER_SCALE,
  MARKUP_NAME,
  overallAt,
  overallLetter,
  roleStudents,
  type DemoSection,
} from './gradebook-data.js';

const TERM_START = '2026-10-19';
const klass = generateClass({ termStart: TERM_START });
const FINAL_WEEK = 18;

/** The percent a shown cell is worth, read from its text as a teacher would (undefined = not counted). */
function cellPercent(text: string, points: number): number | undefined {
  if (text === 'M') return 0;
  if (text in LETTER_SCALE) return LETTER_SCALE[text as keyof typeof LETTER_SCALE];
  const fraction = text.match(/^(\d+(?:\.\d+)?)\/(\d+)$/);
  if (fraction) return (Number(fraction[1]) / Number(fraction[2])) * 100;
  if (/^\d+(\.\d+)?$/.test(text)) return (Number(text) / points) * 100;
  return undefined;
}

/** Percent over the work due in one week, as shown at the end of the term. */
function weekPercent(section: DemoSection, studentId: string, week: number): number {
  let earned = 0;
  let possible = 0;
  for (const a of section.assignments.filter((x) => x.week === week)) {
    const percent = cellPercent(cellAt(section, studentId, a.id, FINAL_WEEK).text, a.points);
    if (percent === undefined) continue;
    earned += (percent / 100) * a.points;
    possible += a.points;
  }
  return (earned / possible) * 100;
}

function roles(section: DemoSection) {
  const found = roleStudents(klass, section.id);
  const { sliding, missingRun, recovering, highAchiever } = found;
  if (!sliding || !missingRun || !recovering || !highAchiever) throw new Error(`section ${section.id} lacks a role`);
  return { sliding, missingRun, recovering, highAchiever };
}

function shownTexts(section: DemoSection, week: number): string[] {
  return section.students.flatMap((s) => section.assignments.map((a) => cellAt(section, s.id, a.id, week).text));
}

describe('the generated class', () => {
  it('is the same for the same seed and different for another seed', () => {
    expect(generateClass({ termStart: TERM_START })).toEqual(klass);
    const other = generateClass({ seed: 7, termStart: TERM_START });
    expect(other.sections[0]?.students.map((s) => s.name)).not.toEqual(klass.sections[0]?.students.map((s) => s.name));
  });

  it('has the README shape: 3 sections × 28 students × 20 assignments, midterm on Friday of week 9', () => {
    expect(klass.sections.map((s) => s.id)).toEqual(['p1', 'p2', 'p3']);
    expect(klass.sections[0]?.name).toBe('English 9 — Period 1');
    for (const section of klass.sections) {
      expect(section.students).toHaveLength(28);
      expect(section.assignments).toHaveLength(20);
      expect(section.assignments.map((a) => a.week)).toEqual([...section.assignments.map((a) => a.week)].sort((x, y) => x - y));
    }
    expect(klass.midterm).toBe('2026-12-18');
    expect(klass.termEnd).toBe('2027-02-19');
    const allIds = klass.sections.flatMap((s) => s.students.map((x) => x.id));
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('starts the term five weeks before this week by default, so today is in week 6', () => {
    expect(defaultTermStart(new Date(2026, 10, 25))).toBe('2026-10-19'); // a Wednesday
    expect(defaultTermStart(new Date(2026, 10, 29))).toBe('2026-10-19'); // the Sunday after
    expect(defaultTermStart(new Date(2026, 10, 30))).toBe('2026-10-26'); // the next Monday
  });

  it('shows work not yet due as — (not graded)', () => {
    const section = klass.sections[0]!;
    const later = section.assignments.find((a) => a.week === 10)!;
    for (const student of section.students) {
      expect(cellAt(section, student.id, later.id, 4)).toEqual({ text: '—', flags: { missing: false, late: false, excused: false } });
    }
  });
});

describe.each(klass.sections.map((s) => [s.id, s] as const))('section %s', (_id, section) => {
  it('has a student sliding from week 3: ≥ 85 % in weeks 1–2, ≤ 70 % by week 8', () => {
    const { sliding } = roles(section);
    expect(weekPercent(section, sliding.id, 1)).toBeGreaterThanOrEqual(85);
    expect(weekPercent(section, sliding.id, 2)).toBeGreaterThanOrEqual(85);
    expect(weekPercent(section, sliding.id, 8)).toBeLessThanOrEqual(70);
    expect(overallAt(section, sliding.id, 8).percent!).toBeLessThan(overallAt(section, sliding.id, 2).percent!);
  });

  it('has a student with three or more missing in a row from week 4 on', () => {
    const { missingRun } = roles(section);
    const marks = section.assignments.map((a) => ({ week: a.week, text: cellAt(section, missingRun.id, a.id, FINAL_WEEK).text }));
    const start = marks.findIndex((m) => m.text === 'M');
    expect(marks[start]!.week).toBeGreaterThanOrEqual(4);
    expect(marks.slice(start, start + 3).map((m) => m.text)).toEqual(['M', 'M', 'M']);
  });

  it('has a recovering student whose missing work turns into a late score', () => {
    const { recovering } = roles(section);
    const madeUp = section.assignments.filter((a) => {
      const early = cellAt(section, recovering.id, a.id, a.week);
      const late = cellAt(section, recovering.id, a.id, FINAL_WEEK);
      return early.text === 'M' && late.flags.late && !late.flags.missing && cellPercent(late.text, a.points)! > 0;
    });
    expect(madeUp.length).toBeGreaterThanOrEqual(1);
    expect(madeUp.some((a) => cellAt(section, recovering.id, a.id, 4).text === 'M' && cellAt(section, recovering.id, a.id, 5).flags.late)).toBe(true);
    expect(weekPercent(section, recovering.id, 6)).toBeGreaterThanOrEqual(85);
  });

  it('has a steady high achiever at 95 % or more every week', () => {
    const { highAchiever } = roles(section);
    for (let week = 1; week <= FINAL_WEEK; week++) expect(overallAt(section, highAchiever.id, week).percent!).toBeGreaterThanOrEqual(95);
  });

  it('shows every kind of mark by week 4', () => {
    const texts = shownTexts(section, 4);
    expect(texts.some((t) => /^\d+\/\d+$/.test(t))).toBe(true);
    expect(texts.some((t) => /^\d+$/.test(t))).toBe(true);
    expect(texts.some((t) => /^[A-DF][+-]?$/.test(t))).toBe(true);
    for (const mark of ['M', 'EX', '*']) expect(texts).toContain(mark);
    const dueButBlank = section.students.some((s) => section.assignments.some((a) => a.week <= 4 && cellAt(section, s.id, a.id, 4).text === '—'));
    expect(dueButBlank).toBe(true);
    const late = section.students.some((s) => section.assignments.some((a) => cellAt(section, s.id, a.id, 4).flags.late));
    expect(late).toBe(true);
    const extraCredit = texts.some((t) => /^(\d+)\/(\d+)$/.test(t) && Number(t.split('/')[0]) > Number(t.split('/')[1]));
    expect(extraCredit).toBe(true);
  });

  it('has 1–2 letter-graded assignments, shown as letters', () => {
    const lettered = section.assignments.filter((a) => a.letterGraded);
    expect(lettered.length).toBeGreaterThanOrEqual(1);
    expect(lettered.length).toBeLessThanOrEqual(2);
    for (const s of section.students) expect(cellAt(section, s.id, lettered[0]!.id, FINAL_WEEK).text).toMatch(/^([A-DF][+-]?|M|EX|\*|—)$/);
  });

  it('changes some earlier grades of other students between weeks 4 and 5 (a regrade)', () => {
    const { recovering } = roles(section);
    const changed = section.students.filter((s) => s.id !== recovering.id).filter((s) =>
      section.assignments.some((a) => {
        const before = cellAt(section, s.id, a.id, 4).text;
        return a.week <= 4 && before !== '—' && before !== cellAt(section, s.id, a.id, 5).text;
      }));
    expect(changed.length).toBeGreaterThanOrEqual(1);
  });

  it('computes each overall grade from what the cells show', () => {
    for (const student of section.students) {
      for (const week of [2, 4, 9, FINAL_WEEK]) {
        let earned = 0;
        let possible = 0;
        for (const a of section.assignments.filter((x) => x.week <= week)) {
          const percent = cellPercent(cellAt(section, student.id, a.id, week).text, a.points);
          if (percent === undefined) continue;
          earned += (percent / 100) * a.points;
          possible += a.points;
        }
        const overall = overallAt(section, student.id, week);
        // the page rounds to one decimal
        expect(Math.abs(overall.percent! - (earned / possible) * 100)).toBeLessThanOrEqual(0.05 + 1e-9);
        expect(overall.letter).toBe(overallLetter(overall.percent!));
      }
    }
  });
});

describe('overallAt', () => {
  const flags = { missing: false, late: false, excused: false };
  const section: DemoSection = {
    id: 'px', name: 'Test', teacher: 'T', period: '1', students: [{ id: 's1', name: 'A, B', role: 'ordinary' }],
    assignments: [
      { id: 'a1', name: 'one', category: 'Homework', due: '2026-10-20', points: 10, week: 1, display: 'fraction' },
      { id: 'a2', name: 'excused', category: 'Homework', due: '2026-10-20', points: 20, week: 1, display: 'points' },
      { id: 'a3', name: 'blank', category: 'Homework', due: '2026-10-20', points: 10, week: 1, display: 'points' },
      { id: 'a4', name: 'letter', category: 'Essays', due: '2026-10-23', points: 100, week: 1, display: 'letter', letterGraded: true },
      { id: 'a5', name: 'missing', category: 'Homework', due: '2026-10-23', points: 10, week: 1, display: 'points' },
      { id: 'a6', name: 'pending', category: 'Quizzes', due: '2026-10-23', points: 20, week: 1, display: 'fraction' },
      { id: 'a7', name: 'future', category: 'Tests', due: '2026-10-30', points: 100, week: 2, display: 'points' },
    ],
    cells: {
      s1: {
        a1: [{ week: 1, text: '8/10', flags, earned: 8 }],
        a2: [{ week: 1, text: 'EX', flags: { ...flags, excused: true } }],
        a3: [{ week: 1, text: '—', flags }],
        a4: [{ week: 1, text: 'B+', flags, earned: 88 }],
        a5: [{ week: 1, text: 'M', flags: { ...flags, missing: true }, earned: 0 }],
        a6: [{ week: 1, text: '*', flags }],
        a7: [{ week: 2, text: '20', flags, earned: 20 }],
      },
    },
  };

  it('counts missing as zero and leaves out excused, pending, blank and future work', () => {
    expect(overallAt(section, 's1', 1)).toEqual({ percent: 80, letter: 'B-' }); // (8 + 88 + 0) / (10 + 100 + 10)
  });

  it('has no grade before any graded work', () => {
    expect(overallAt({ ...section, cells: { s1: { ...section.cells.s1, a1: [], a4: [], a5: [] } } }, 's1', 1)).toEqual({ percent: null, letter: '' });
  });

  it('maps percents to letters at the school cutoffs', () => {
    expect([93, 92.9, 90, 87, 83, 80, 77, 73, 70, 67, 63, 60, 59.9].map(overallLetter)).toEqual(['A', 'A-', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F']);
  });
});

describe('names', () => {
  const names = klass.sections.flatMap((s) => s.students.map((x) => x.name));

  it('include accents, compound surnames and one name that looks like markup', () => {
    expect(names.some((n) => /[\u00C0-\u024F]/.test(n))).toBe(true);
    expect(names.some((n) => /^[^,]+[- ][^,]+,/.test(n))).toBe(true);
    expect(names.filter((n) => n === MARKUP_NAME)).toHaveLength(1);
    expect(klass.sections[0]!.students.map((s) => s.name)).toContain(MARKUP_NAME);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('a large class (the benchmark size)', () => {
  it('generates 180 students × 60 assignments quickly', () => {
    const started = performance.now();
    const big = generateClass({ sections: 1, studentsPerSection: 180, assignments: 60, termStart: TERM_START });
    const section = big.sections[0]!;
    for (const s of section.students) overallAt(section, s.id, 18);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(section.students).toHaveLength(180);
    expect(section.assignments).toHaveLength(60);
    expect(section.assignments[59]!.id).toBe('p1-a60');
    expect(Object.keys(section.cells)).toHaveLength(180);
    expect(roleStudents(big, 'p1').sliding).toBeDefined();
  });
});
