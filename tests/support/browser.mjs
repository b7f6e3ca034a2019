// Starts the system Chromium with the built extension loaded (used by the E2E tests, the demo and the
// bench). Never downloads a browser: a missing one is an error that says how to install it.
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = process.env.HEADS_UP_DIST ?? fileURLToPath(new URL('../../dist/', import.meta.url));

export function chromiumPath() {
  const path = process.env.CHROME_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium not found at ${path}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  }
  return path;
}

/**
 * @param {{ headless?: boolean, extension?: boolean, proxy?: string, userDataDir?: string, lang?: string, hostRules?: string, display?: string }} [options]
 *   hostRules: Chromium `--host-resolver-rules` (e.g. `MAP school.test 127.0.0.1`: a second site on the demo server)
 *   display: the X display for a headed browser (an Xvfb server's, e.g. `:99`)
 *   proxy: `host:port` of an HTTP proxy that ALL traffic goes through, loopback included (for the network test)
 */
/** The background registers the content script for its sites when it starts; pages opened before that
 * would not be read, so a test (or the demo) waits for it. */
async function contentScriptRegistered(worker) {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const ids = await worker.evaluate(async () => (await chrome.scripting.getRegisteredContentScripts()).map((s) => s.id)).catch(() => []);
    if (ids.length > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the extension did not register its content script within 15 s');
}

export async function launchBrowser(options = {}) {
  const { headless = true, extension = true, proxy } = options;
  if (extension && !existsSync(join(DIST, 'manifest.json'))) {
    throw new Error(`No built extension in ${DIST}: run \`npm run build\` first.`);
  }
  const ownsDir = !options.userDataDir;
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'heads-up-chromium-'));
  const args = [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-quic',
  ];
  if (extension) args.push(`--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`);
  if (proxy) args.push(`--proxy-server=http://${proxy}`, '--proxy-bypass-list=<-loopback>');
  // The browser's UI language, which the extension's i18n follows.
  if (options.lang) args.push(`--lang=${options.lang}`);
  if (options.hostRules) args.push(`--host-resolver-rules=${options.hostRules}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    args,
    viewport: { width: 1280, height: 800 },
    ...(options.lang ? { locale: options.lang } : {}),
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
  });
  let extensionId;
  let worker;
  if (extension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
    await contentScriptRegistered(worker);
  }
  return {
    context,
    extensionId,
    /** the current service worker (a new one after the extension is reloaded) */
    async serviceWorker() {
      const live = context.serviceWorkers().find((w) => new URL(w.url()).host === extensionId);
      return live ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    },
    popupUrl: (query = '') => `chrome-extension://${extensionId}/src/popup/index.html${query}`,
    optionsUrl: () => `chrome-extension://${extensionId}/src/options/index.html`,
    async close() {
      await context.close();
      if (ownsDir) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
