// The evaluation on a tiny OULAD-shaped folder written here, where every figure can be worked out by hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalMain } from '../../bench/eval/main';

// One module of 100 days (midpoint 50): TMA 1 due day 10, TMA 2 due day 40 (30 points each), TMA 3 due
// day 70 (40 points), and an exam with no date (left out).
// - 1 Pass: 90, 85 and 88, on time. 5 Distinction: 95, 98 and 99.
// - 2 Fail: submits nothing: TMA 1 shows missing on day 11 → a heads-up, lead 50 − 11 = 39 days.
// - 3 Withdrawn on day 5, before the first due day: cannot be flagged, left out of totalBad.
// - 4 Withdrawn on day 30: TMA 1 at 40 on day 9 → a heads-up (grade under 70), lead 30 − 9 = 21 days.
const files: Record<string, string> = {
  'courses.csv': 'code_module,code_presentation,module_presentation_length\nXXX,2020J,100\n',
  'assessments.csv':
    'code_module,code_presentation,id_assessment,assessment_type,date,weight\n' +
    'XXX,2020J,1,TMA,10,30\nXXX,2020J,2,TMA,40,30\nXXX,2020J,4,TMA,70,40\nXXX,2020J,3,Exam,?,100\n',
  'studentInfo.csv':
    'code_module,code_presentation,id_student,gender,region,highest_education,imd_band,age_band,num_of_prev_attempts,studied_credits,disability,final_result\n' +
    ['1,Pass', '2,Fail', '3,Withdrawn', '4,Withdrawn', '5,Distinction'].map((s) => `XXX,2020J,${s.split(',')[0]},F,R,H,?,0-35,0,60,N,${s.split(',')[1]}`).join('\n') + '\n',
  'studentRegistration.csv':
    'code_module,code_presentation,id_student,date_registration,date_unregistration\n' +
    'XXX,2020J,1,-10,?\nXXX,2020J,2,-10,?\nXXX,2020J,3,-10,5\nXXX,2020J,4,-10,30\nXXX,2020J,5,-10,?\n',
  'studentAssessment.csv':
    'id_assessment,id_student,date_submitted,is_banked,score\n' +
    '1,1,10,0,90\n2,1,40,0,85\n4,1,70,0,88\n1,4,9,0,40\n1,5,8,0,95\n2,5,39,0,98\n4,5,69,0,99\n',
};

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'heads-up-oulad-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const FIGURE_KEYS = ['alerts', 'flaggedBad', 'medianLeadDays', 'precision', 'recall', 'totalBad'];

describe('npm run eval -- --data DIR --json', () => {
  it('prints one JSON object with the engine, the baseline and the positives, keyed as specified', () => {
    const result = JSON.parse(evalMain(['--data', dir, '--json'], '/nowhere'));
    expect(Object.keys(result).sort()).toEqual(['baseline', 'engine', 'positives']);
    for (const side of [result.engine, result.baseline]) {
      expect(Object.keys(side).sort()).toEqual([...FIGURE_KEYS, 'perModule'].sort());
      expect(Object.keys(side.perModule)).toEqual(['XXX 2020J']);
      expect(Object.keys(side.perModule['XXX 2020J']).sort()).toEqual(FIGURE_KEYS);
    }
  });

  it('flags both flaggable Fail/Withdrawn students, with their lead times', () => {
    const { engine } = JSON.parse(evalMain(['--data', dir, '--json'], '/nowhere'));
    expect(engine).toMatchObject({ alerts: 2, flaggedBad: 2, totalBad: 2, recall: 1, precision: 1, medianLeadDays: 30 });
  });

  it('the baseline at two alerts needs a threshold above the Pass student’s 87.5 and catches one of the two', () => {
    // Over scored work student 2 has no grade at all; student 4 has 40 and student 1 87.5 at his lowest.
    const { baseline } = JSON.parse(evalMain(['--data', dir, '--json'], '/nowhere'));
    expect(baseline).toMatchObject({ alerts: 2, flaggedBad: 1, totalBad: 2, recall: 0.5, precision: 0.5, medianLeadDays: 21 });
  });

  it('counts students with good news and never good news beside a concern', () => {
    const { positives } = JSON.parse(evalMain(['--data', dir, '--json'], '/nowhere'));
    expect(positives.students).toBe(5);
    expect(positives.coincidingWithConcern).toBe(0);
    // After TMA 3: the Pass student turned in three in a row; the Distinction student reached a new best.
    expect(positives.withPositive).toBe(2);
    expect(positives.byReason).toEqual({ 'personal-best': 1, 'work-complete': 1 });
  });

  it('the Markdown report names the baseline threshold and the students no rule can flag', () => {
    const text = evalMain(['--data', dir], '/nowhere');
    expect(text).toMatch(/\| XXX 2020J +\| 2 +\| 2 +\| 100\.0% +\| 100\.0% +\| 30 /);
    expect(text).toContain('excludes the 1 who withdrew on or before the first due day');
    expect(text).toMatch(/grade over scored work < 87\.5\d/);
  });

  it('explains the leads: a student flagged by both on the same day, one only the engine flags, with no score', () => {
    // Student 4: engine and baseline both on day 9. Student 2: only the engine, missing on day 11, lead 39.
    const text = evalMain(['--data', dir], '/nowhere');
    expect(text).toContain('flagged by both the engine and "grade < 87.5');
    expect(text).toMatch(/: 1\. Engine's first flag − baseline's, in days: same day 1, engine earlier 0, engine later 0/);
    expect(text).toContain('Only the engine flags 1 (median lead 39; 1 of them had no score by their horizon)');
    expect(text).toContain('Flagged on the first day anything showed in their row: engine 2 of 2, baseline 1 of 1.');
  });
});

describe('npm run eval -- --modules', () => {
  it('keeps the named modules (a code takes all its presentations) and refuses an unknown one', () => {
    const all = JSON.parse(evalMain(['--data', dir, '--json'], '/nowhere'));
    expect(JSON.parse(evalMain(['--data', dir, '--modules', 'XXX', '--json'], '/nowhere'))).toEqual(all);
    expect(JSON.parse(evalMain(['--data', dir, '--modules=XXX 2020J', '--json'], '/nowhere'))).toEqual(all);
    expect(() => evalMain(['--data', dir, '--modules', 'YYY'], '/nowhere')).toThrow(/"YYY"/);
  });
});

describe('npm run eval -- --sweep', () => {
  it('puts the default line on the curve with the same figures as the plain run, and holds each module out', () => {
    const result = JSON.parse(evalMain(['--data', dir, '--sweep', '--json'], '/nowhere'));
    const atDefault = result.curve.find((p: { lowGrade: number }) => p.lowGrade === 70);
    const { perModule: _p, ...engine } = result.engine;
    expect(atDefault.engine).toEqual(engine);
    expect(result.holdOut.map((r: { heldOut: string }) => r.heldOut)).toEqual(['XXX']);
  });
});
