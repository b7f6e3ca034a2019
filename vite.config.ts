// Builds the MV3 extension with crxjs: `vite build` → dist/ for Chrome and Edge; `vite build --mode
// firefox` → dist-firefox/ (manifest.json at the root is the source of truth for both).
import { build, defineConfig, type Plugin } from 'vite';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import manifest from './manifest.json' with { type: 'json' };

/** Firefox runs the background as a module script (no service worker) and wants its own settings. */
function forFirefox(chrome: typeof manifest) {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = chrome;
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: {
      gecko: {
        id: '{6d5f3c2e-8a41-4b7e-9c1d-2f0e7a9b4c31}',
        strict_min_version: '142.0',
        // Heads-Up collects nothing: no data leaves the browser.
        data_collection_permissions: { required: ['none'] },
      },
    },
  };
}

const ROOT = import.meta.dirname;
/** Generated entry modules, one per reader (build input only, never shipped). */
const GENERATED = resolve(ROOT, 'node_modules/.heads-up/readers');

/** Each adapter's reader is built as its own file, injected only into the pages its `matches` claims. */
function adapterIds(): string[] {
  const dir = resolve(ROOT, 'src/adapters');
  return readdirSync(dir)
    .filter((file) => file.endsWith('.ts') && /export const \w+Info: AdapterInfo/.test(readFileSync(resolve(dir, file), 'utf8')))
    .map((file) => file.slice(0, -'.ts'.length))
    .filter((id) => id !== 'generic-table');
}

/** The module that announces one adapter's reader to the content script in the same frame. */
function readerModule(id: string): string {
  const file = JSON.stringify(resolve(ROOT, 'src/adapters', `${id}.ts`));
  const globals = JSON.stringify(resolve(ROOT, 'src/content/globals.ts'));
  return `import * as m from ${file};
import { shared } from ${globals};
const adapter = Object.values(m).find((x) => x && typeof x === 'object' && typeof x.read === 'function' && x.id === ${JSON.stringify(id)});
if (adapter) (shared.__headsUpReaders ??= {})[adapter.id] = adapter;`;
}

function writeReaderEntry(id: string): string {
  mkdirSync(GENERATED, { recursive: true });
  const path = resolve(GENERATED, `${id}.ts`);
  writeFileSync(path, readerModule(id));
  return path;
}

/**
 * After the extension's own build: the content script and every reader as self-contained scripts
 * (IIFE, no imports, nothing web-accessible). crxjs's content-script loader imports a web-accessible
 * module, which Chromium refuses on origins granted at run time; a plain file has no such limit and
 * cannot be probed by pages (see ../shared/PLATFORM.md).
 */
function selfContainedScripts(target: string): Plugin {
  // The build's own outDir, so `vite build --outDir other` does not write these into dist/.
  let outDir = '';
  return {
    name: 'heads-up-self-contained-scripts',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const entries: Array<{ file: string; entry: string }> = [
        { file: 'content/reader.js', entry: resolve(ROOT, 'src/content/index.ts') },
        { file: 'readers/generic-table.js', entry: resolve(ROOT, 'src/content/readers/generic-table.ts') },
        ...adapterIds().map((id) => ({ file: `readers/${id}.js`, entry: writeReaderEntry(id) })),
      ];
      for (const { file, entry } of entries) {
        await build({
          configFile: false,
          logLevel: 'warn',
          build: {
            outDir,
            emptyOutDir: false,
            target,
            minify: true,
            sourcemap: false,
            copyPublicDir: false,
            lib: { entry, formats: ['iife'], name: 'headsUp', fileName: () => file },
          },
        });
      }
    },
  };
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  const outDir = firefox ? 'dist-firefox' : 'dist';
  const target = firefox ? 'firefox142' : 'chrome120';
  return {
    plugins: [
      preact(),
      crx({
        manifest: (firefox ? forFirefox(manifest) : manifest) as unknown as ManifestV3Export,
        browser: firefox ? 'firefox' : 'chrome',
      }),
      selfContainedScripts(target),
    ],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: false,
      target,
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
