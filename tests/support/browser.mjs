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
 * @param {{ headless?: boolean, extension?: boolean, proxy?: string, userDataDir?: string, lang?: string }} [options]
 *   proxy: `host:port` of an HTTP proxy that ALL traffic goes through, loopback included (for the network test)
 */
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
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: chromiumPath(),
    headless,
    args,
    viewport: { width: 1280, height: 800 },
    ...(options.lang ? { locale: options.lang } : {}),
  });
  let extensionId;
  let worker;
  if (extension) {
    worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
    extensionId = new URL(worker.url()).host;
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
