// @vitest-environment jsdom
// Synergy TeacherVUE's Grade Book (unverified: read from a page written from Edupoint's guides): the Perm ID
// is the identity (two students of one name stay two), the points row gives each assignment's points, score
// codes become flags, the mark is the overall grade; and a TeacherVUE page that is not the grade book is not claimed.
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { synergyTeachervue } from '../../src/adapters/synergy-teachervue';

// a path, not a URL object: under jsdom the global URL is jsdom's, which node:fs refuses
const PAGE = readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures/synergy-teachervue/grade-book-main.html'), 'utf8');
const URL_ = 'https://synergy.lakeview.example/TeacherVUE/GradeBook';

describe('synergy-teachervue', () => {
  const doc = new JSDOM(PAGE, { url: URL_ }).window.document;
  const [reading] = synergyTeachervue.read(doc, new URL(URL_), 0).readings;

  it('keys students by Perm ID, so two students called Nguyen, Tam stay two', () => {
    const tams = reading!.students.filter((s) => s.name === 'Nguyen, Tam');
    expect(tams.map((s) => s.vendorId)).toEqual(['100582', '100744']);
    expect(reading!.assignments.map((a) => [a.name, a.pointsPossible])).toEqual([['Cell Quiz', 10], ['Lab 4: Osmosis', 20], ['Mitosis Worksheet', 10], ['Unit 2 Test', 100]]);
  });

  it('reads EX as exempt, INC as incomplete, a blank as not yet graded', () => {
    const cell = (vendorId: string, assignment: string) => {
      const student = reading!.students.find((s) => s.vendorId === vendorId)!;
      const key = reading!.assignments.find((a) => a.name === assignment)!.key;
      return reading!.cells.find((c) => c.studentKey === student.key && c.assignmentKey === key)!;
    };
    expect(cell('100582', 'Cell Quiz').score.flags.excused).toBe(true);
    expect(cell('100603', 'Lab 4: Osmosis').score.flags.incomplete).toBe(true);
    expect(cell('100744', 'Unit 2 Test').score.flags.notGraded).toBe(true);
  });

  it('does not claim other TeacherVUE pages', () => {
    const seating = new JSDOM('<title>TeacherVUE - Seating Chart</title><table><tr><td>Desk 1</td></tr></table>', { url: 'https://synergy.lakeview.example/TeacherVUE/SeatingChart' }).window.document;
    expect(synergyTeachervue.matches(new URL('https://synergy.lakeview.example/TeacherVUE/SeatingChart'), seating)).toBe(false);
  });
});
