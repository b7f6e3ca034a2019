// Sizes of what each extension entry loads: the entry file plus every chunk it imports, raw and gzip.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Files a JS module imports (static and dynamic imports of relative paths or runtime URLs). */
function importsOf(dist, file) {
  const code = readFileSync(join(dist, file), 'utf8');
  const found = new Set();
  const patterns = [/(?:import|export)\s*(?:[^'"]*?from\s*)?["']([^"']+\.js)["']/g, /import\(\s*["']([^"']+\.js)["']\s*\)/g, /getURL\(\s*["']([^"']+\.js)["']\s*\)/g];
  for (const pattern of patterns) {
    for (const match of code.matchAll(pattern)) {
      const spec = match[1];
      const path = spec.startsWith('.') ? normalize(join(dirname(file), spec)) : spec.replace(/^\//, '');
      if (existsSync(join(dist, path))) found.add(path);
    }
  }
  return [...found];
}

function closure(dist, roots) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) stack.push(...importsOf(dist, file));
  }
  return [...seen];
}

/** Scripts and stylesheets an HTML page of the extension loads. */
function htmlAssets(dist, page) {
  const html = readFileSync(join(dist, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => normalize(join(dirname(page), m[1])).replace(/^\/+/, ''));
  return [page, ...refs.map((r) => (existsSync(join(dist, r)) ? r : r.replace(/^.*?(assets\/)/, '$1')))];
}

export function bundleSizes(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const entries = {
    'content script': manifest.content_scripts.flatMap((c) => c.js),
    background: [manifest.background.service_worker],
    popup: htmlAssets(dist, manifest.action.default_popup),
    options: htmlAssets(dist, manifest.options_ui.page),
  };
  return Object.entries(entries).map(([entry, roots]) => {
    const files = closure(dist, roots);
    let raw = 0;
    let gzip = 0;
    for (const file of files) {
      const bytes = readFileSync(join(dist, file));
      raw += bytes.length;
      gzip += gzipSync(bytes, { level: 9 }).length;
    }
    return { entry, files: files.length, raw, gzip };
  });
}
