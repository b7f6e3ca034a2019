// Sizes of what each extension entry loads, raw and gzip, in two parts: `initial` (the entry file and
// every chunk it imports statically: what must arrive before the first screen) and `lazy` (chunks
// reached only through a dynamic `import()`, loaded when a later screen is opened, less what initial
// already holds).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { gzipSync } from 'node:zlib';

// Quotes include the backtick: the bundler writes dynamic imports as import(`./chunk.js`).
const STATIC_IMPORTS = [/(?:import|export)\s*(?:[^'"`]*?from\s*)?["'`]([^"'`]+\.js)["'`]/g, /getURL\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g];
const DYNAMIC_IMPORTS = [/import\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g];

/** Files a JS module imports, statically or dynamically (relative paths or runtime URLs). */
function importsOf(dist, file) {
  const code = readFileSync(join(dist, file), 'utf8');
  const find = (patterns) => {
    const found = new Set();
    for (const pattern of patterns) {
      for (const match of code.matchAll(pattern)) {
        const spec = match[1];
        const path = spec.startsWith('.') ? normalize(join(dirname(file), spec)) : spec.replace(/^\//, '');
        if (existsSync(join(dist, path))) found.add(path);
      }
    }
    return found;
  };
  const lazy = find(DYNAMIC_IMPORTS);
  // A content script's loader `import()`s its real module at once: that counts as initial.
  const loads = find(STATIC_IMPORTS);
  for (const path of loads) lazy.delete(path);
  return { loads: [...loads], lazy: [...lazy] };
}

/** Every file reached from `roots` through the imports `follow` picks. */
function closure(dist, roots, follow) {
  const seen = new Set();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.js')) stack.push(...follow(importsOf(dist, file)));
  }
  return seen;
}

/** Scripts and stylesheets an HTML page of the extension loads. */
function htmlAssets(dist, page) {
  const html = readFileSync(join(dist, page), 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => normalize(join(dirname(page), m[1])).replace(/^\/+/, ''));
  return [page, ...refs.map((r) => (existsSync(join(dist, r)) ? r : r.replace(/^.*?(assets\/)/, '$1')))];
}

function measure(dist, files) {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: files.size, raw, gzip };
}

export function bundleSizes(dist) {
  const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8'));
  const entries = {
    // Listed in the manifest, or (sites by permission) registered by the background at run time.
    'content script': manifest.content_scripts?.flatMap((c) => c.js) ?? ['content/reader.js'].filter((file) => existsSync(join(dist, file))),
    background: [manifest.background.service_worker],
    popup: htmlAssets(dist, manifest.action.default_popup),
    options: htmlAssets(dist, manifest.options_ui.page),
  };
  const rows = Object.entries(entries).map(([entry, roots]) => {
    const initial = closure(dist, roots, (i) => i.loads);
    const everything = closure(dist, roots, (i) => [...i.loads, ...i.lazy]);
    const lazy = new Set([...everything].filter((file) => !initial.has(file)));
    return { entry, initial: measure(dist, initial), lazy: measure(dist, lazy) };
  });
  // What a gradebook page gets at most: the content script and the one reader injected for its system.
  const readersDir = join(dist, 'readers');
  if (existsSync(readersDir) && entries['content script'].length > 0) {
    const readers = readdirSync(readersDir).filter((file) => file.endsWith('.js')).map((file) => `readers/${file}`);
    const sized = readers.map((file) => ({ file, gzip: measure(dist, new Set([file])).gzip })).sort((a, b) => b.gzip - a.gzip);
    const largest = sized[0];
    if (largest) {
      rows.push({
        entry: `content script + largest reader (${largest.file}; ${readers.length} readers)`,
        initial: measure(dist, new Set([...entries['content script'], largest.file])),
        lazy: measure(dist, new Set()),
      });
    }
  }
  return rows;
}
