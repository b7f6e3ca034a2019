// The Firefox build (`npm run build:firefox`, linted by `web-ext lint` in `npm test`): the background is
// a module script, the add-on has its id and declares that it collects no data.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const manifestPath = new URL('../../dist-firefox/manifest.json', import.meta.url);

describe('the Firefox build', () => {
  it('has a Firefox manifest', () => {
    expect(existsSync(manifestPath), 'run npm run build:firefox first').toBe(true);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.background.service_worker).toBeUndefined();
    expect(manifest.background.scripts).toHaveLength(1);
    expect(existsSync(new URL(`../../dist-firefox/${manifest.background.scripts[0]}`, import.meta.url))).toBe(true);
    expect(manifest.browser_specific_settings.gecko).toMatchObject({ id: expect.stringMatching(/^\{[0-9a-f-]{36}\}$/), data_collection_permissions: { required: ['none'] } });
    expect(manifest.minimum_chrome_version).toBeUndefined();
    expect(manifest.permissions).toEqual(['storage', 'unlimitedStorage', 'scripting', 'activeTab']);
    // school sites are asked for one by one; the reader ships as plain files, nothing web-accessible
    expect(manifest.host_permissions).toEqual(['http://127.0.0.1/*', 'http://localhost/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.content_scripts).toBeUndefined();
    expect(manifest.web_accessible_resources).toBeUndefined();
    expect(existsSync(new URL('../../dist-firefox/content/reader.js', import.meta.url))).toBe(true);
    expect(existsSync(new URL('../../dist-firefox/readers/generic-table.js', import.meta.url))).toBe(true);
  });
});
