// `npm run read -- PAGE.html [--url URL] [--summary]`: reads a saved page with the same adapters the
// extension uses and prints what Heads-Up would read, as JSON: the whole result, or with --summary the
// adapter, and per reading the section, counts and problems. Without --url the adapters are tried with
// addresses guessed from the file (guess-url.ts). The DOM comes from the caller (bench/read/run.mjs
// parses with jsdom), so this file stays free of Node-only DOM code.
import type { Adapter, AdapterResult } from '../../src/adapters/adapter';
import { adapters as registry, pickAdapter } from '../../src/adapters/registry';
import type { ReadingProblem } from '../../src/core/types';
import { decodePage } from '../../tests/support/decode-page';
import { type UrlGuess, guessUrls } from './guess-url';

/** What the command needs from its surroundings (files, a DOM parser, the clock). */
export interface ReadIo {
  readBytes(path: string): Uint8Array;
  /** the text of a file beside `path`, if there is one */
  readSibling(path: string, name: string): string | undefined;
  parseHtml(html: string, url: string): Document;
  fileUrl(path: string): URL;
  now(): number;
}

/** What to print, and the exit code: 0 read, 1 no adapter reads the page, 2 the command was misused. */
export interface ReadOutput {
  code: number;
  stdout: string;
  stderr: string;
}

const USAGE = 'usage: npm run read -- PAGE.html [--url URL] [--summary]';

interface Options {
  file: string;
  url?: string;
  summary: boolean;
}

function parseArgs(argv: readonly string[]): Options | string {
  const files: string[] = [];
  let url: string | undefined;
  let summary = false;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--summary') summary = true;
    else if (arg === '--url') url = argv[++index];
    else if (arg.startsWith('--url=')) url = arg.slice('--url='.length);
    else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg.startsWith('--')) return `unknown option ${arg}\n${USAGE}`;
    else files.push(arg);
  }
  if (files.length !== 1) return `give one saved page\n${USAGE}`;
  if (argv.includes('--url') && !url) return `--url needs an address\n${USAGE}`;
  return { file: files[0]!, url, summary };
}

/** The first guess an adapter claims, and that adapter. */
function pickWithGuesses(guesses: readonly UrlGuess[], doc: Document, adapters: readonly Adapter[]) {
  for (const guess of guesses) {
    const adapter = pickAdapter(guess.url, doc, guess.onlyFor ? [guess.onlyFor] : adapters);
    if (adapter) return { adapter, guess };
  }
  return undefined;
}

/** Counts and problems: what someone repairing an adapter looks at first. */
export function summarise(adapter: Adapter, result: AdapterResult) {
  return {
    adapter: adapter.id,
    view: adapter.view,
    status: adapter.status,
    readings: result.readings.map((reading) => ({
      section: reading.section,
      students: reading.students.length,
      assignments: reading.assignments.length,
      cells: reading.cells.length,
      overall: reading.overall.length,
      problems: reading.problems,
    })),
    problems: result.problems satisfies ReadingProblem[],
  };
}

function noAdapterMessage(file: string, tried: readonly UrlGuess[], adapters: readonly Adapter[]): string {
  const addresses = [...new Set(tried.filter((guess) => !guess.onlyFor).map((guess) => `  ${guess.url.href} (from ${guess.from})`))];
  return [
    `No adapter reads ${file}.`,
    `Tried every adapter with:`,
    ...addresses,
    ...(tried.some((guess) => guess.onlyFor) ? ['and each adapter with the addresses of its own test pages.'] : []),
    `Adapters (${adapters.length}): ${adapters.map((adapter) => `${adapter.id} (${adapter.label}, ${adapter.status})`).join('; ')}.`,
    `Most adapters recognise a page by its address as well as its content, and a saved file has lost it:`,
    `pass the address the page was saved from with --url URL (e.g. --url https://school.example/guardian/scores.html).`,
  ].join('\n');
}

export function readMain(argv: readonly string[], io: ReadIo, adapters: readonly Adapter[] = registry): ReadOutput {
  const options = parseArgs(argv);
  if (typeof options === 'string') return { code: 2, stdout: '', stderr: options };
  let html: string;
  try {
    html = decodePage(io.readBytes(options.file));
  } catch (error) {
    return { code: 2, stdout: '', stderr: `cannot read ${options.file}: ${error instanceof Error ? error.message : String(error)}` };
  }
  let given: URL | undefined;
  try {
    given = options.url === undefined ? undefined : new URL(options.url);
  } catch {
    return { code: 2, stdout: '', stderr: `--url ${options.url} is not an absolute address\n${USAGE}` };
  }
  const fileUrl = io.fileUrl(options.file);
  const doc = io.parseHtml(html, (given ?? fileUrl).href);
  const fileName = options.file.split(/[\\/]/).pop() ?? options.file;
  const guesses: UrlGuess[] = given
    ? [{ url: given, from: '--url' }]
    : guessUrls({ html, doc, fileName, fileUrl, urlsJson: io.readSibling(options.file, 'urls.json'), adapters });
  const picked = pickWithGuesses(guesses, doc, adapters);
  if (!picked) {
    const message = given
      ? `No adapter reads ${options.file} at ${given.href}.\nAdapters: ${adapters.map((adapter) => adapter.id).join(', ')}.`
      : noAdapterMessage(options.file, guesses, adapters);
    return { code: 1, stdout: '', stderr: message };
  }
  const { adapter, guess } = picked;
  const result = adapter.read(doc, guess.url, io.now());
  const body = options.summary ? summarise(adapter, result) : { adapter: adapter.id, view: adapter.view, status: adapter.status, ...result };
  const note = given ? '' : `${adapter.id} reads this page at ${guess.url.href}; address taken from ${guess.from}`;
  return { code: 0, stdout: JSON.stringify({ ...body, url: guess.url.href, urlFrom: guess.from }, null, 2), stderr: note };
}
