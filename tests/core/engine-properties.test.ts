// Property tests: for any history the engine returns proposals without throwing, the same ones every
// time and in any input order, and never good news beside a concern.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultSettings, proposeContacts } from '../../src/core/engine';
import { computeSignals } from '../../src/core/signals';
import { DAY, type HistorySpec, addDaysIso, atNoon, studentHistory } from './history-factory';

const TODAY = '2025-10-20';
const NOW = atNoon(TODAY);
const settings = defaultSettings(TODAY);

const RAWS = ['9/10', '10/10', '4/10', '0/10', '85', '100', '55', '72%', 'B', 'F', 'M', 'Missing', 'EX', '--', '', 'INC', '12/10', 'see me'];

const workSpec = fc.record({
  raw: fc.constantFrom(...RAWS),
  dueOffset: fc.option(fc.integer({ min: -120, max: 60 }), { nil: undefined }),
  possible: fc.option(fc.constantFrom(0, 5, 10, 20, 100), { nil: undefined }),
  dropped: fc.boolean(),
  late: fc.boolean(),
  category: fc.option(fc.constantFrom('Tests', 'Homework', 'Labs'), { nil: undefined }),
});

const historySpec = (key: string) =>
  fc
    .record({
      work: fc.array(workSpec, { maxLength: 25 }),
      overall: fc.array(fc.record({ percent: fc.option(fc.double({ min: 0, max: 110, noNaN: true }), { nil: undefined }), ago: fc.integer({ min: -5, max: 90 }) }), { maxLength: 4 }),
      contacts: fc.array(
        fc.record({
          kind: fc.constantFrom('heads-up', 'positive', 'follow-up' as const),
          reason: fc.constantFrom('missing-work', 'sliding-grade', 'sudden-drop', 'improvement', 'follow-up'),
          severity: fc.double({ min: 0, max: 1, noNaN: true }),
          ago: fc.integer({ min: -3, max: 60 }),
        }),
        { maxLength: 3 },
      ),
      madeUp: fc.array(fc.record({ index: fc.nat(30), ago: fc.integer({ min: 0, max: 30 }) }), { maxLength: 3 }),
      weights: fc.option(fc.record({ Tests: fc.integer({ min: 0, max: 60 }), Homework: fc.integer({ min: 0, max: 40 }) }), { nil: undefined }),
    })
    .map(({ work, overall, contacts, madeUp, weights }): HistorySpec => ({
      key,
      name: `Student ${key}`,
      work: work.map((w, i) => ({
        name: `Work ${i + 1}`,
        raw: w.raw,
        ...(w.dueOffset === undefined ? {} : { due: addDaysIso(TODAY, w.dueOffset) }),
        ...(w.possible === undefined ? {} : { possible: w.possible }),
        ...(w.category === undefined ? {} : { category: w.category }),
        flags: { ...(w.dropped ? { dropped: true } : {}), ...(w.late ? { late: true } : {}) },
      })),
      overall: overall.map((o) => ({ ...(o.percent === undefined ? {} : { percent: o.percent }), at: NOW - o.ago * DAY })),
      contacts: contacts.map((c) => ({ kind: c.kind, reason: c.reason, severity: c.severity, sentAt: NOW - c.ago * DAY })),
      madeUp: madeUp.filter((m) => m.index < work.length).map((m) => ({ name: `Work ${m.index + 1}`, at: NOW - m.ago * DAY })),
      ...(weights === undefined ? {} : { categoryWeights: weights }),
    }));

const histories = fc.tuple(historySpec('a'), historySpec('b'), historySpec('c')).map((specs) => specs.map(studentHistory));

describe('proposeContacts on any history', () => {
  it('never throws, is deterministic and does not depend on the order of the students', () => {
    fc.assert(
      fc.property(histories, (hs) => {
        const first = proposeContacts(hs, settings, NOW);
        expect(proposeContacts(hs, settings, NOW)).toEqual(first);
        expect(proposeContacts([...hs].reverse(), settings, NOW)).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('gives at most one proposal per student, never a positive beside a concern, severities in 0–1', () => {
    fc.assert(
      fc.property(histories, (hs) => {
        const proposals = proposeContacts(hs, settings, NOW);
        const students = proposals.map((p) => p.studentId);
        expect(new Set(students).size).toBe(students.length);
        for (const p of proposals) {
          expect(p.severity).toBeGreaterThanOrEqual(0);
          expect(p.severity).toBeLessThanOrEqual(1);
          expect(Number.isFinite(p.urgency)).toBe(true);
          if (p.kind !== 'heads-up') expect(p.evidence.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('computeSignals never throws and keeps its numbers finite', () => {
    fc.assert(
      fc.property(historySpec('a'), (spec) => {
        const s = computeSignals(studentHistory(spec), settings, NOW);
        for (const value of [s.grade?.percent, s.trend?.pointsPerWeek, s.projection?.percent, s.projection?.low, s.projection?.high]) {
          if (value !== undefined) expect(Number.isFinite(value)).toBe(true);
        }
        if (s.projection) expect(s.projection.low).toBeLessThanOrEqual(s.projection.high);
      }),
      { numRuns: 300 },
    );
  });
});
