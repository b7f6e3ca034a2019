import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ContentToBackgroundSchema, UiToBackgroundSchema } from '../src/messages';
import { gridReading } from './support/reading-factory';

const reading = () => gridReading({ rows: { s1: { a1: '8', a2: 'M' } }, overall: { s1: 40 } });
const accepts = (schema: v.GenericSchema, message: unknown) => v.safeParse(schema, message).success;

describe('messages between contexts are validated at the receiving end', () => {
  it('accepts a well-formed reading', () => {
    expect(accepts(ContentToBackgroundSchema, { type: 'reading', reading: reading() })).toBe(true);
  });

  it('refuses an unknown message type, a missing field and a wrong type', () => {
    expect(accepts(ContentToBackgroundSchema, { type: 'delete-everything' })).toBe(false);
    const { section: _section, ...noSection } = reading();
    expect(accepts(ContentToBackgroundSchema, { type: 'reading', reading: noSection })).toBe(false);
    expect(accepts(ContentToBackgroundSchema, { type: 'reading', reading: { ...reading(), readAt: 'yesterday' } })).toBe(false);
  });

  it('refuses page text beyond any real gradebook, rather than truncating it', () => {
    const long = reading();
    long.students[0]!.name = 'x'.repeat(501);
    expect(accepts(ContentToBackgroundSchema, { type: 'reading', reading: long })).toBe(false);
    const huge = reading();
    huge.cells = Array.from({ length: 200_001 }, () => huge.cells[0]!);
    expect(accepts(ContentToBackgroundSchema, { type: 'reading', reading: huge })).toBe(false);
  });

  it('refuses numbers that are not finite and dates that are not ISO', () => {
    const bad = reading();
    bad.cells[0]!.score.points = Number.POSITIVE_INFINITY;
    expect(accepts(ContentToBackgroundSchema, { type: 'reading', reading: bad })).toBe(false);
    const badDate = reading();
    badDate.assignments[0]!.dueDate = '10/03/2026';
    expect(accepts(ContentToBackgroundSchema, { type: 'reading', reading: badDate })).toBe(false);
  });

  it('does not let a content-script message pass as an extension-page message', () => {
    expect(accepts(UiToBackgroundSchema, { type: 'reading', reading: reading() })).toBe(false);
  });

  it('wipes only with the literal confirmation', () => {
    expect(accepts(UiToBackgroundSchema, { type: 'wipe-everything', confirm: 'wipe' })).toBe(true);
    expect(accepts(UiToBackgroundSchema, { type: 'wipe-everything', confirm: true })).toBe(false);
    expect(accepts(UiToBackgroundSchema, { type: 'wipe-everything' })).toBe(false);
  });
});
