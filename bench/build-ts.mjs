// Loads a TypeScript entry of this repository in plain Node: vite (already a dev dependency) bundles it
// for Node (SSR build) into a temporary folder, which is imported and removed. No other runner needed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Builds `entry` (a path from the repository root, e.g. `bench/eval/main.ts`) and imports it. */
export async function importTs(entry) {
  const outDir = mkdtempSync(join(tmpdir(), 'heads-up-ts-'));
  try {
    await build({
      configFile: false,
      logLevel: 'warn',
      root: ROOT,
      // Bundle dependencies too: the output lives in a temporary folder, outside node_modules' reach.
      ssr: { noExternal: true },
      build: { ssr: join(ROOT, entry), outDir, emptyOutDir: true, minify: false, target: 'node20' },
    });
    return await import(pathToFileURL(join(outDir, basename(entry).replace(/\.ts$/, '.js'))).href);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
