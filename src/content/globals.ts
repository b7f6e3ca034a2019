// What the content script and the readers injected next to it share: they run in the same isolated
// world of the page's frame, so a reader announces itself on `globalThis` under these names.
import type { Adapter } from '../adapters/adapter';
import type { previewTable, proposeMapping, readWithMapping, withColumnRole } from '../adapters/generic-table';

export interface GenericReader {
  proposeMapping: typeof proposeMapping;
  previewTable: typeof previewTable;
  withColumnRole: typeof withColumnRole;
  readWithMapping: typeof readWithMapping;
}

export interface HeadsUpGlobals {
  /** readers injected so far, by adapter id */
  __headsUpReaders?: Record<string, Adapter>;
  __headsUpGeneric?: GenericReader;
  /** set by the first content script to start in this frame; a second injection leaves at once */
  __headsUpStarted?: boolean;
}

export const shared = globalThis as typeof globalThis & HeadsUpGlobals;
