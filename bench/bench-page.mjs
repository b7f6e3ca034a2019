// A demo-site page in Chromium (no extension) with a bundled bench entry to inject: what the in-page
// benchmarks share.
import { bundle } from './bench-util.mjs';
import { launchBrowser } from '../tests/support/browser.mjs';
import { startSite } from '../tests/site/server.mjs';

/**
 * Opens `path` of the demo site in Chromium (no extension) and runs `measure(page, inject)`, where
 * `inject()` adds the bundled bench entry to the page.
 */
export async function withBenchPage(entry, path, measure) {
  const code = await bundle(entry);
  const site = await startSite();
  const browser = await launchBrowser({ extension: false });
  try {
    const page = await browser.context.newPage();
    await page.goto(`${site.origin}${path}`);
    return await measure(page, () => page.addScriptTag({ content: code }));
  } finally {
    await browser.close();
    await site.close();
  }
}
