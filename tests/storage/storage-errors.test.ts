import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../../src/storage/db';
import { ingestReading } from '../../src/storage/ingest';
import { explainStorageError, isQuotaError } from '../../src/storage/storage-errors';
import { gridReading } from '../support/reading-factory';

const db = openDb('storage-errors-test');
afterEach(async () => {
  await db.delete();
});

describe('storage errors', () => {
  it('a full disk during ingest is explained as such, and nothing of the reading is written', async () => {
    db.events.bulkAdd = (() => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))) as unknown as typeof db.events.bulkAdd;
    const error = await ingestReading(db, 'http://127.0.0.1', gridReading({ rows: { s1: { a1: '8', a2: 'M' } } })).catch((e: unknown) => e);
    expect(isQuotaError(error)).toBe(true);
    expect(explainStorageError(error)).toMatch(/no room left.*nothing from this reading was saved/);
    for (const table of db.tables) expect(await table.count(), table.name).toBe(0);
  });

  it('other failures keep their message and still say nothing was saved', () => {
    expect(isQuotaError(new Error('boom'))).toBe(false);
    expect(explainStorageError(new Error('boom'))).toBe('Heads-Up could not save this reading (nothing from it was saved): boom');
  });
});
