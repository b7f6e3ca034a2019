// Builds the MV3 extension with crxjs: `vite build` → dist/ for Chrome and Edge; `vite build --mode
// firefox` → dist-firefox/ (manifest.json at the root is the source of truth for both).
import { defineConfig } from 'vite';
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

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox';
  return {
    plugins: [
      preact(),
      crx({
        manifest: (firefox ? forFirefox(manifest) : manifest) as unknown as ManifestV3Export,
        browser: firefox ? 'firefox' : 'chrome',
      }),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      emptyOutDir: true,
      sourcemap: false,
      target: firefox ? 'firefox142' : 'chrome120',
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
