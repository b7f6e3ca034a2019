// @vitest-environment jsdom
// Skyward assignment-popup details the generic adapter test does not state: ids, period, categories
// (not the Q1/Q2 subtotal rows inside them), due dates, and the Missing / No Count columns (empty in
// both saved popups, so a mark is put into a saved row here).
import { describe, expect, it } from 'vitest';
import { JSDOM } from 'jsdom';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { skywardPopup } from '../../src/adapters/skyward-popup';
import type { Reading } from '../../src/core/types';

const FIXTURES_DIR = process.env.HEADS_UP_FIXTURES
  ?? resolve(dirname(fileURLToPath(import.meta.url)), '../../../shared/fixtures');
const PAGE_URL = 'https://lakeview.skyward.net/scripts/wsisa.dll/WService=wsEAplus/sfgradebook001.w';

/** The popups are Latin-1 (see SOURCES.md). */
function loadPage(name: 'physics-s1' | 'capstone-pr1'): Document {
  const html = new TextDecoder('windows-1252').decode(readFileSync(resolve(FIXTURES_DIR, `skyward/popup-${name}.html`)));
  return new JSDOM(html, { url: PAGE_URL }).window.document;
}

function readOne(doc: Document): Reading {
  const result = skywardPopup.read(doc, new URL(PAGE_URL), 0);
  expect(result.problems).toEqual([]);
  expect(result.readings).toHaveLength(1);
  return result.readings[0]!;
}

function rowOf(doc: Document, name: string): Element {
  const link = Array.from(doc.querySelectorAll('a[name="showAssignmentInfo"]')).find((a) => a.textContent === name);
  return link!.closest('tr')!;
}

describe('Skyward assignment popup: class and student', () => {
  it('keys the section by course, track and section ids, with period and teacher', () => {
    expect(readOne(loadPage('physics-s1')).section).toEqual({ key: '72066_0_01', name: 'PHYSICS 1 AP', teacher: 'Robin Park', period: '5' });
    expect(readOne(loadPage('capstone-pr1')).section).toEqual({ key: '83876_0_02', name: 'AP CAPSTONE SEMINAR', teacher: 'Dana Lee', period: '2' });
  });

  it('reads the student with the Skyward student id', () => {
    expect(readOne(loadPage('physics-s1')).students).toEqual([{ key: '10001', name: 'Avery J. Stone', vendorId: '10001' }]);
  });

  it('reads the term grade as the overall, naming the term', () => {
    expect(readOne(loadPage('physics-s1')).overall).toEqual([{ studentKey: '10001', percent: 94.95, letter: undefined, raw: 'S1 95 94.95' }]);
    expect(readOne(loadPage('capstone-pr1')).overall[0]?.raw).toBe('PR1 100 100.00');
  });
});

describe('Skyward assignment popup: assignments', () => {
  it('files assignments under Major and Minor, never under the Q1/Q2 subtotal rows', () => {
    const reading = readOne(loadPage('physics-s1'));
    const categories = new Set(reading.assignments.map((a) => a.category));
    expect(categories).toEqual(new Set(['Major', 'Minor']));
    expect(reading.assignments.find((a) => a.name === 'TEST 171206 Forces I')).toEqual({
      key: '2118039', name: 'TEST 171206 Forces I', category: 'Major', dueDate: '2017-12-06', pointsPossible: 100,
    });
    expect(reading.assignments.find((a) => a.name === 'CPO Gravitation')?.category).toBe('Minor');
  });

  it('keeps two assignments of the same name apart by their ids', () => {
    const same = readOne(loadPage('physics-s1')).assignments.filter((a) => a.name === 'Participation & Comprehension');
    expect(same.map((a) => a.key)).toEqual(['2118035', '1784536']);
  });

  it('reads a mark in the Missing column as missing, and in No Count as excused', () => {
    const doc = loadPage('physics-s1');
    rowOf(doc, 'CPO Gravitation').children[5]!.textContent = 'X';
    rowOf(doc, 'Forces 1.4 Force Prep').children[6]!.textContent = 'X';
    const reading = readOne(doc);
    const flagsOf = (name: string) => reading.cells.find((c) => c.assignmentKey === reading.assignments.find((a) => a.name === name)?.key)?.score.flags;
    expect(flagsOf('CPO Gravitation')).toEqual({ missing: true });
    expect(flagsOf('Forces 1.4 Force Prep')).toEqual({ excused: true });
    expect(flagsOf('TEST 171101 Motion III')).toEqual({}); // "TEACHER TARDY" in Absent is not a mark on the work
  });

  it('reports a category that lists nothing, as a cut-off page would show it', () => {
    const doc = loadPage('capstone-pr1');
    doc.querySelector('td[colspan="9"]')!.closest('tr')!.remove();
    const reading = skywardPopup.read(doc, new URL(PAGE_URL), 0).readings[0]!;
    expect(reading.problems.map((p) => p.where)).toEqual(['category Major']);
  });
});
