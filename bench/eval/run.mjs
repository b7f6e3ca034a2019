// `npm run eval [-- --data DIR] [--json]`: runs the TypeScript evaluation (bench/eval/main.ts and the
// engine it imports) in Node and prints its Markdown table, or its JSON with --json.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { importTs } from '../build-ts.mjs';

/** shared/ lies beside the repository, on developers' machines and in CI. */
const DEFAULT_DATA = fileURLToPath(new URL('../../../shared/data/oulad/', import.meta.url));

/** The evaluation's Markdown report as a string (for bench/run.mjs), or its JSON with `--json`. */
export async function evaluation(argv = []) {
  const { evalMain } = await importTs('bench/eval/main.ts');
  return evalMain(argv, DEFAULT_DATA);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await evaluation(process.argv.slice(2)));
}
