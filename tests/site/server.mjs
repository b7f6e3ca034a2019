// The demo site: the generated gradebook and a saved real PowerSchool page, served on 127.0.0.1.
// Every request is logged, so tests can check what the extension did (and did not) ask for.
// Run by hand: `node tests/site/server.mjs [port]`.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const SITE_DIR = fileURLToPath(new URL('.', import.meta.url));
const DEFAULT_FIXTURES = process.env.HEADS_UP_FIXTURES || fileURLToPath(new URL('../../../shared/fixtures/', import.meta.url));

/** The saved PowerSchool "Class Score Detail" pages, by `?course=`. */
const POWERSCHOOL_PAGES = {
  calc: 'powerschool/guardian-scores-calc.html',
  german: 'powerschool/guardian-scores-german.html',
  lit: 'powerschool/guardian-scores-lit.html',
};

/** Site files the browser may load from /gradebook/ (the page's modules and stylesheet). */
const ASSET_NAME = /^[a-z][a-z0-9-]*\.(js|css)$/;
const CONTENT_TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
const LOGGED_HEADERS = ['origin', 'referer', 'sec-fetch-site', 'sec-fetch-mode', 'sec-fetch-dest', 'user-agent', 'cookie'];

/**
 * @typedef {{ method: string, url: string, headers: Record<string, string | undefined>, at: number }} LoggedRequest
 * @param {{ port?: number, host?: string, fixturesDir?: string, pages?: Record<string, { file: string, type: string }> }} [options]
 *   pages: extra answers by exact path and query (`/api/v1/courses/7?x=1`) → a file and its content type,
 *   for tests that serve an adapter's documented pages and the data they load where the vendor serves them
 * @returns {Promise<{ origin: string, port: number, close(): Promise<void>, requests: LoggedRequest[] }>}
 */
export async function startSite({ port = 0, host = '127.0.0.1', fixturesDir = DEFAULT_FIXTURES, pages = {} } = {}) {
  /** @type {LoggedRequest[]} */
  const requests = [];
  const server = createServer((req, res) => {
    requests.push({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: Object.fromEntries(LOGGED_HEADERS.map((name) => [name, /** @type {string | undefined} */ (req.headers[name])])),
      at: Date.now(),
    });
    const extra = pages[req.url ?? ''];
    (extra ? file(extra.file, extra.type) : route(req, fixturesDir)).then(
      (answer) => send(res, req.method === 'HEAD', answer),
      (error) => send(res, false, text(500, `demo site error: ${error instanceof Error ? error.message : String(error)}`)),
    );
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(undefined));
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;
  return {
    origin: `http://${host}:${boundPort}`,
    port: boundPort,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/**
 * @typedef {{ status: number, headers: Record<string, string>, body: Buffer | string }} Answer
 * @param {import('node:http').IncomingMessage} req @param {string} fixturesDir
 * @returns {Promise<Answer>}
 */
async function route(req, fixturesDir) {
  const url = new URL(req.url ?? '/', 'http://site.invalid');
  if (req.method !== 'GET' && req.method !== 'HEAD') return text(405, 'only GET and HEAD');
  if (url.pathname === '/') return redirect(`/gradebook/${url.search}`);
  if (url.pathname === '/gradebook') return redirect(`/gradebook/${url.search}`);
  if (url.pathname === '/gradebook/') return file(path.join(SITE_DIR, 'gradebook.html'), 'text/html; charset=utf-8');
  const asset = url.pathname.match(/^\/gradebook\/([^/]+)$/)?.[1];
  if (asset && ASSET_NAME.test(asset) && existsSync(path.join(SITE_DIR, asset))) {
    const extension = /** @type {'js' | 'css'} */ (asset.split('.').pop());
    return file(path.join(SITE_DIR, asset), CONTENT_TYPES[extension]);
  }
  if (url.pathname === '/guardian/scores.html') return powerSchoolPage(fixturesDir, url.searchParams.get('course') ?? 'calc');
  if (url.pathname === '/embed.html') return embedPage(url.searchParams.get('src') ?? '/gradebook/');
  if (url.pathname === '/hostile-table.html') return file(path.join(SITE_DIR, 'hostile-table.html'), 'text/html; charset=utf-8');
  // a page written from a vendor's documentation (an unverified adapter's test page), where the vendor serves it
  if (url.pathname === '/TeacherVUE/GradeBook') return file(path.join(SITE_DIR, '../adapters/fixtures/synergy-teachervue/grade-book-main.html'), 'text/html; charset=utf-8');
  const saved = SAVED_TEACHER_PAGES[url.pathname];
  if (saved) return savedPage(fixturesDir, saved);
  return text(404, `not found: ${url.pathname}`);
}

/**
 * Real teacher grids (saved from the real software) served where that software serves them: for the
 * generic reader's tests, which read them with their dedicated adapters switched off.
 * @type {Record<string, string>}
 */
const SAVED_TEACHER_PAGES = {
  '/grade/report/grader/index.php': 'moodle/teacher-grader-report.html',
  '/Modules.php': 'rosariosis/teacher-gradebook-algebra.html',
};

/**
 * A portal page that shows the gradebook inside a frame, as Infinite Campus and HAC do.
 * @param {string} src a same-site path @returns {Answer}
 */
function embedPage(src) {
  if (!src.startsWith('/') || src.startsWith('//')) return text(400, 'src must be a path on this site');
  const escaped = src.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>School portal</title></head><body><h1>School portal</h1><iframe id="content" src="${escaped}" width="1200" height="700"></iframe></body></html>`;
  return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: html };
}

/** @param {string} fixturesDir @param {string} relative @returns {Promise<Answer>} */
async function savedPage(fixturesDir, relative) {
  const fullPath = path.join(fixturesDir, relative);
  if (!existsSync(fullPath)) return text(500, `saved page not found at ${fullPath}: set HEADS_UP_FIXTURES to the shared/fixtures folder`);
  const bytes = await readFile(fullPath);
  return { status: 200, headers: { 'Content-Type': `text/html; charset=${pageCharset(bytes)}` }, body: bytes };
}

/** @param {string} fixturesDir @param {string} course @returns {Promise<Answer>} */
async function powerSchoolPage(fixturesDir, course) {
  const relative = POWERSCHOOL_PAGES[/** @type {keyof typeof POWERSCHOOL_PAGES} */ (course)];
  if (!relative) return text(404, `no saved PowerSchool page for course "${course}" (try calc, german, lit)`);
  const fullPath = path.join(fixturesDir, relative);
  if (!existsSync(fullPath)) {
    return text(500, `saved PowerSchool page not found at ${fullPath}: set HEADS_UP_FIXTURES to the shared/fixtures folder`);
  }
  const bytes = await readFile(fullPath);
  return { status: 200, headers: { 'Content-Type': `text/html; charset=${pageCharset(bytes)}` }, body: bytes };
}

/**
 * The charset the bytes really are in. The saved pages all declare ISO-8859-1 in a meta tag, but the
 * German one was saved as UTF-8 (ä, ß): the HTTP header wins over the meta in browsers, so send the
 * truth rather than the declaration.
 * @param {Buffer} bytes
 */
export function pageCharset(bytes) {
  const declared = bytes.toString('latin1', 0, 4096).match(/charset=["']?([\w-]+)/i)?.[1]?.toLowerCase();
  const hasNonAscii = bytes.some((byte) => byte > 0x7f);
  if (hasNonAscii && isUtf8(bytes)) return 'utf-8';
  return declared ?? 'windows-1252';
}

/** @param {Buffer} bytes */
function isUtf8(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false; // not UTF-8: the caller falls back to the declared charset
  }
}

/** @param {string} fullPath @param {string} contentType @returns {Promise<Answer>} */
async function file(fullPath, contentType) {
  return { status: 200, headers: { 'Content-Type': contentType }, body: await readFile(fullPath) };
}

/** @param {string} location @returns {Answer} */
function redirect(location) {
  return { status: 302, headers: { Location: location, 'Content-Type': 'text/plain; charset=utf-8' }, body: `see ${location}\n` };
}

/** @param {number} status @param {string} message @returns {Answer} */
function text(status, message) {
  return { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: `${message}\n` };
}

/** @param {import('node:http').ServerResponse} res @param {boolean} headOnly @param {Answer} answer */
function send(res, headOnly, answer) {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  res.writeHead(answer.status, { ...answer.headers, 'Cache-Control': 'no-store', 'Content-Length': String(body.length) });
  res.end(headOnly ? undefined : body);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const port = Number(process.argv[2] ?? 8080);
  const site = await startSite({ port });
  console.log(`Demo gradebook:     ${site.origin}/gradebook/?section=p1&week=4`);
  console.log(`Saved PowerSchool:  ${site.origin}/guardian/scores.html (?course=calc | german | lit)`);
  console.log('Ctrl-C to stop.');
}
