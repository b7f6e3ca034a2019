// `npm run read -- PAGE.html [--url URL] [--summary]`: reads a saved page with Heads-Up's adapters and
// prints the result as JSON (see main.ts). The TypeScript is built for Node with importTs; jsdom is
// imported here and the parsed document handed in.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { JSDOM } from 'jsdom';
import { importTs } from '../build-ts.mjs';

/** Files, a DOM and the clock, for main.ts. */
const io = {
  readBytes: (path) => new Uint8Array(readFileSync(path)),
  readSibling: (path, name) => {
    const sibling = join(dirname(resolve(path)), name);
    return existsSync(sibling) ? readFileSync(sibling, 'utf8') : undefined;
  },
  // scripts stay off: the page is read as saved, as the adapters' tests read it
  parseHtml: (html, url) => new JSDOM(html, { url }).window.document,
  fileUrl: (path) => pathToFileURL(resolve(path)),
  now: () => Date.now(),
};

const { readMain } = await importTs('bench/read/main.ts');
const { code, stdout, stderr } = readMain(process.argv.slice(2), io);
if (stdout) process.stdout.write(`${stdout}\n`);
if (stderr) process.stderr.write(`${stderr}\n`);
process.exitCode = code;
