// The saved real pages the adapters carry as test cases, for the per-fixture parse benchmark
// (bench/fixture-parse.mjs): which adapter reads which file at which address.
import { adapters } from '../src/adapters/registry';

export { decodePage } from '../tests/support/decode-page';

export interface FixtureCase {
  adapterId: string;
  /** a file under shared/fixtures */
  fixture: string;
  url: string;
}

/** Every adapter case whose page is a saved real file (not a `site:` page of the demo site, not a
 * `local:` page written from documentation, not a data payload read through `readRemote`). */
export function fixtureCases(): FixtureCase[] {
  return adapters.flatMap((adapter) =>
    adapter.cases.filter((testCase) => !/^(site|local):/.test(testCase.fixture) && !testCase.payloads).map((testCase) => ({ adapterId: adapter.id, fixture: testCase.fixture, url: testCase.url })),
  );
}
