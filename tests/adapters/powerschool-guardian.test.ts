// @vitest-environment jsdom
// PowerSchool details the generic adapter test does not state: keys, dates, periods, the final percent
// as a live browser shows it, and the Codes icons (none of the saved pages has one, so they are put
// into a saved page's Codes cell here, as PowerSchool renders them: `<img src=… alt="Late">`).
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { powerschoolGuardian } from '../../src/adapters/powerschool-guardian';
import type { Reading } from '../../src/core/types';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const PAGE_URL = 'https://lakeview.powerschool.com/guardian/scores.html';

/** calc and lit are ASCII; german is UTF-8 bytes under an ISO-8859-1 meta (see adapters.test.ts). */
function loadPage(name: 'calc' | 'german' | 'lit', url = PAGE_URL): Document {
  const html = new TextDecoder('utf-8').decode(readFileSync(resolve(FIXTURES_DIR, `powerschool/guardian-scores-${name}.html`)));
  return new JSDOM(html, { url }).window.document;
}

function readOne(doc: Document, url = PAGE_URL): Reading {
  const result = powerschoolGuardian.read(doc, new URL(url), 0);
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

function scoreRow(doc: Document, assignmentName: string): HTMLTableRowElement {
  const row = Array.from(doc.querySelectorAll('tr')).find((tr) => tr.cells[2]?.textContent?.trim() === assignmentName);
  if (!row) throw new Error(`no row for ${assignmentName}`);
  return row;
}

function cellOf(reading: Reading, assignmentName: string) {
  const assignment = reading.assignments.find((a) => a.name === assignmentName);
  return reading.cells.find((cell) => cell.assignmentKey === assignment?.key);
}

describe('PowerSchool guardian scores: what the page says about the section', () => {
  it('takes the section key from the frn in the page URL, else from the switch-student form', () => {
    expect(readOne(loadPage('calc', `${PAGE_URL}?frn=123`), `${PAGE_URL}?frn=123`).section.key).toBe('123');
    expect(readOne(loadPage('calc')).section).toEqual({
      key: '004608884',
      name: 'AP Calculus BC',
      teacher: 'Lee, Dana',
      period: '5-6(A)',
    });
  });

  it('falls back to the normalised course name when no frn is anywhere', () => {
    const doc = loadPage('lit');
    doc.querySelector('#switch_student_form')?.remove();
    expect(readOne(doc).section.key).toBe('ap english lit');
  });

  it('reads the student from the welcome line, whitespace collapsed', () => {
    expect(readOne(loadPage('german')).students).toEqual([{ key: 'avery stone', name: 'Avery Stone' }]);
  });
});

describe('PowerSchool guardian scores: assignments', () => {
  it('keys a linked assignment by its asmtdescr frn and others by name and due date', () => {
    const reading = readOne(loadPage('calc'));
    expect(reading.assignments[0]).toEqual({
      key: '092934753',
      name: 'Take-home quizzes 7 - 11',
      category: 'QZ',
      dueDate: '2014-04-03',
      pointsPossible: 36,
    });
    expect(reading.assignments[2]?.key).toBe('final project|2014-05-08');
  });

  it('keeps the page order and takes points possible from `--/10` too', () => {
    const reading = readOne(loadPage('german'));
    expect(reading.assignments[0]?.name).toBe('H 1:M04(H) :A(18.M)');
    expect(reading.assignments.find((a) => a.name === 'CL 5:review grammar')?.pointsPossible).toBe(10);
    expect(reading.assignments.find((a) => a.name.startsWith('SOUP'))?.pointsPossible).toBeUndefined();
  });

  it('reads a category that is a link (EXC, extra credit) as its text, not as excused', () => {
    const reading = readOne(loadPage('german'));
    const soup = reading.assignments.find((a) => a.name.startsWith('SOUP'));
    expect(soup?.category).toBe('EXC');
    expect(cellOf(reading, soup!.name)?.score.flags).toEqual({ notGraded: true });
  });

  it('gives two rows with the same name and date distinct keys', () => {
    const doc = loadPage('calc');
    const copy = scoreRow(doc, 'Final Project').cloneNode(true);
    scoreRow(doc, 'Final Project').after(copy);
    const keys = readOne(doc).assignments.map((a) => a.key);
    expect(new Set(keys).size).toBe(6);
  });

  it('reports an unreadable score as a problem, keeping the assignment but not the cell', () => {
    const doc = loadPage('calc');
    scoreRow(doc, '2003 Exam').cells[8]!.textContent = '100/0';
    const reading = readOne(doc);
    expect(reading.assignments).toHaveLength(5);
    expect(cellOf(reading, '2003 Exam')).toBeUndefined();
    expect(reading.problems).toEqual([
      expect.objectContaining({ where: 'cell Avery Stone × 2003 Exam', raw: '100/0' }),
    ]);
  });
});

describe('PowerSchool guardian scores: Codes icons', () => {
  function withIcon(alt: string, assignmentName: string, page: 'calc' | 'german' = 'german'): Reading {
    const doc = loadPage(page);
    scoreRow(doc, assignmentName).cells[4]!.innerHTML = `<img src="/images/icon_${alt.toLowerCase()}.gif" alt="${alt}">`;
    return readOne(doc);
  }

  it.each([
    ['Late', { late: true }],
    ['Missing', { missing: true }],
    ['Exempt', { excused: true }],
    ['Excluded', { excused: true }],
    ['Collected', {}],
  ])('reads the %s icon', (alt, flags) => {
    expect(cellOf(withIcon(alt, 'N 5:Nachrichten'), 'N 5:Nachrichten')?.score).toEqual({
      points: 0, outOf: 10, percent: 0, flags,
    });
  });

  it('lets a Missing icon on `--/10` say missing rather than not graded', () => {
    expect(cellOf(withIcon('Missing', 'CL 5:review grammar'), 'CL 5:review grammar')?.score.flags).toEqual({ missing: true });
  });

  it('reports an icon it does not know, and still reads the score', () => {
    const doc = loadPage('calc');
    scoreRow(doc, 'Homework_1').cells[5]!.innerHTML = '<img alt="Sparkles">';
    const result = powerschoolGuardian.read(doc, new URL(PAGE_URL), 0);
    const reading = result.readings[0]!;
    expect(reading.problems).toEqual([expect.objectContaining({ raw: 'Sparkles' })]);
    expect(cellOf(reading, 'Homework_1')?.score.points).toBe(104);
  });
});

describe('PowerSchool guardian scores: the final grade', () => {
  it('reads the percent from the document.write script when scripts did not run (a saved page)', () => {
    expect(readOne(loadPage('calc')).overall).toEqual([{ studentKey: 'avery stone', letter: 'A', percent: 103, raw: 'A 103%' }]);
  });

  it('reads the rendered percent in a live page, where the script has written it', () => {
    const doc = loadPage('lit');
    const script = doc.querySelector('table.linkDescList script')!;
    script.after(doc.createTextNode('98%\u00a0'));
    script.textContent = '';
    expect(readOne(doc).overall).toEqual([{ studentKey: 'avery stone', letter: 'A', percent: 98, raw: 'A 98%' }]);
  });

  it('gives no overall grade when the page shows `--`', () => {
    const doc = loadPage('calc');
    const finalCell = doc.querySelector('table.linkDescList tr:nth-child(2) td:nth-child(4)')!;
    finalCell.innerHTML = '--&nbsp;<script>if ("--"=="--") { document.write("&nbsp;"); }</script>';
    expect(readOne(doc).overall).toEqual([]);
  });
});

describe('PowerSchool guardian scores: which pages it claims', () => {
  it('claims only the scores page that has the Class Score Detail table', () => {
    const doc = loadPage('calc');
    expect(powerschoolGuardian.matches(new URL(PAGE_URL), doc)).toBe(true);
    expect(powerschoolGuardian.matches(new URL('https://lakeview.powerschool.com/guardian/home.html'), doc)).toBe(false);
    doc.querySelector('table.linkDescList')?.remove();
    expect(powerschoolGuardian.matches(new URL(PAGE_URL), doc)).toBe(false);
  });
});

describe('PowerSchool guardian scores: the same reading wherever the page puts things', () => {
  const reading = readOne(loadPage('calc'));
  const scoreTable = (doc: Document) => doc.querySelectorAll('table')[1]!;

  // The score table is looked for among the course table's later siblings first, where PowerSchool puts it.
  it('finds the score table inside a wrapper, before the course table, or after another table', () => {
    const wrapped = loadPage('calc');
    const table = scoreTable(wrapped);
    const wrapper = wrapped.createElement('div');
    table.replaceWith(wrapper);
    wrapper.append(table);
    expect(readOne(wrapped)).toEqual(reading);

    const moved = loadPage('calc');
    moved.querySelector('table.linkDescList')!.before(scoreTable(moved));
    expect(readOne(moved)).toEqual(reading);

    const afterOther = loadPage('calc');
    afterOther.body.prepend(afterOther.createElement('table'));
    expect(readOne(afterOther)).toEqual(reading);
  });

  it('takes the first score table of the page when there are two', () => {
    const doc = loadPage('calc');
    const copy = scoreTable(doc).cloneNode(true) as Element;
    copy.querySelector('a')!.textContent = 'Copied first';
    doc.querySelector('h1')!.after(copy);
    expect(readOne(doc).assignments[0]?.name).toBe('Copied first');
  });

  // What the page-wide search reads: a table put first in the page sends the reader there (see afterOther above).
  const readByPageSearch = (doc: Document) => {
    doc.body.prepend(doc.createElement('table'));
    return powerschoolGuardian.read(doc, new URL(PAGE_URL), 0);
  };

  it('takes a score table inside the course table, which comes first in the page', () => {
    const doc = loadPage('calc');
    const copy = scoreTable(doc).cloneNode(true) as Element;
    copy.querySelector('a')!.textContent = 'Copied first';
    const courseCells = doc.querySelector('table.linkDescList')!.querySelectorAll('td');
    courseCells[courseCells.length - 1]!.append(copy);
    expect(readOne(doc).assignments[0]?.name).toBe('Copied first');
  });

  it('reads a course table whose header names the score columns as the page-wide search does', () => {
    const page = () => {
      const doc = loadPage('calc');
      doc.querySelector('table.linkDescList tr')!.insertAdjacentHTML('beforebegin', '<tr><th>Due Date</th><th>Assignment</th><th>Score</th></tr>');
      return doc;
    };
    expect(powerschoolGuardian.read(page(), new URL(PAGE_URL), 0)).toEqual(readByPageSearch(page()));
  });

  it('takes a first score table that sits inside a wrapper between the course table and the usual one', () => {
    const doc = loadPage('calc');
    const copy = scoreTable(doc).cloneNode(true) as Element;
    copy.querySelector('a')!.textContent = 'Copied first';
    const wrapper = doc.createElement('div');
    wrapper.append(copy);
    scoreTable(doc).before(wrapper);
    expect(readOne(doc).assignments[0]?.name).toBe('Copied first');
  });

  // The link is read without a query when it is the cell's first element, as PowerSchool writes it.
  it('keys an assignment by its link when the link is wrapped or follows another element', () => {
    const doc = loadPage('calc');
    const link = scoreRow(doc, 'Take-home quizzes 7 - 11').cells[2]!.querySelector('a')!;
    link.outerHTML = `<img alt="new"><span>${link.outerHTML}</span>`;
    expect(readOne(doc).assignments[0]?.key).toBe('092934753');
  });
});
