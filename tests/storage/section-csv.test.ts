import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type HeadsUpDb } from '../../src/storage/db';
import { ingestReading } from '../../src/storage/ingest';
import { csvCell, sectionHistoryCsv } from '../../src/storage/section-csv';
import { gridReading } from '../support/reading-factory';
import { ORIGIN, SOURCE_ID } from '../support/random-history';

let db: HeadsUpDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`section-csv-test-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const HEADER = 'Observed at (UTC),Student,Assignment,Due date,What happened,Before,After';
const day1 = Date.UTC(2026, 9, 1, 14);
const day2 = Date.UTC(2026, 9, 2, 14);
const names = { s1: 'Stone, Avery', s2: '=HYPERLINK("http://evil")', s3: 'Jo "JJ" Li' };

/** Two readings of p1 (with names a spreadsheet would misread) and one of p2. */
async function writeHistory(): Promise<void> {
  for (const [readAt, s1a1, overall] of [[day1, '8', 85], [day2, '6', 80]] as const) {
    const reading = gridReading({ readAt, names, rows: { s1: { a1: s1a1 }, s2: { a1: 'M' }, s3: { a2: '9' } }, overall: { s1: overall } });
    reading.assignments[0]!.name = 'Quiz 1, part A';
    reading.assignments[1]!.name = '+2 bonus\n(late)';
    await ingestReading(db, ORIGIN, reading);
  }
  await ingestReading(db, ORIGIN, gridReading({ section: 'p2', readAt: day1, names, rows: { s1: { a1: '3' } } }));
}

describe('sectionHistoryCsv', () => {
  it('writes a header, then one row per event and per overall grade of that section only, in time order', async () => {
    await writeHistory();
    const csv = await sectionHistoryCsv(db, `${SOURCE_ID}|p1`);
    expect(csv).toBe(
      [
        HEADER,
        `2026-10-01T14:00:00.000Z,"'=HYPERLINK(""http://evil"")","Quiz 1, part A",2026-10-10,marked-missing,,M`,
        `2026-10-01T14:00:00.000Z,"Jo ""JJ"" Li","'+2 bonus\n(late)",2026-10-11,score-entered,,9`,
        `2026-10-01T14:00:00.000Z,"Stone, Avery",,,overall-grade-seen,,85%`,
        `2026-10-01T14:00:00.000Z,"Stone, Avery","Quiz 1, part A",2026-10-10,score-entered,,8`,
        `2026-10-02T14:00:00.000Z,"Stone, Avery",,,overall-changed,85%,80%`,
        `2026-10-02T14:00:00.000Z,"Stone, Avery","Quiz 1, part A",2026-10-10,score-changed,8,6`,
        '',
      ].join('\r\n'),
    );
  });

  it('leaves out other sections: p2 has its own single event', async () => {
    await writeHistory();
    const lines = (await sectionHistoryCsv(db, `${SOURCE_ID}|p2`)).split('\r\n');
    expect(lines).toEqual([HEADER, `2026-10-01T14:00:00.000Z,"Stone, Avery",Assignment a1,2026-10-10,score-entered,,3`, '']);
  });

  it('gives only the header for a section with no history', async () => {
    expect(await sectionHistoryCsv(db, 'nowhere')).toBe(`${HEADER}\r\n`);
  });
});

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tx', "'\tx"],
    ['=A1,B1', `"'=A1,B1"`],
    ['<b>Ana</b>', '<b>Ana</b>'],
    ['1+1=2', '1+1=2'],
  ])('writes %j as %j', (text, field) => {
    expect(csvCell(text)).toBe(field);
  });

  it('reads back (RFC 4180) as the text itself, or with a leading quote mark when a spreadsheet would run it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 30 }), (text) => {
        const field = csvCell(text);
        let read = field;
        if (field.startsWith('"')) {
          expect(field.endsWith('"') && field.length >= 2).toBe(true);
          expect(field.slice(1, -1).replace(/""/g, '')).not.toContain('"');
          read = field.slice(1, -1).replace(/""/g, '"');
        } else {
          expect(field).not.toMatch(/[",\r\n]/);
        }
        expect(read).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
      }),
      { numRuns: 300 },
    );
  });
});
