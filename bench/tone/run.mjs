// `npm run tone -- FILE.jsonl`: the tone check over a bank of messages. Reads JSON Lines of
// {id, text, language, channel, kind[, assignmentNames]} and prints JSON Lines of
// {id, findings: [{category, rule, start, end, message, suggestion}]}. A line that cannot be read is
// reported on stderr with its line number, and the exit code is 1.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { importTs } from '../build-ts.mjs';

/** The tone check, loaded from TypeScript (src/core/tone). */
export async function loadToneCheck() {
  const { checkTone } = await importTs('src/core/tone/index.ts');
  return checkTone;
}

/** Parsed lines of a JSON Lines file; blank lines skipped. Errors carry the line number. */
export function readJsonLines(text) {
  const rows = [];
  const errors = [];
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      rows.push(JSON.parse(line));
    } catch (error) {
      errors.push(`line ${i + 1}: ${error.message}`);
    }
  });
  return { rows, errors };
}

const CHANNELS = new Set(['email', 'text', 'phone']);
const KINDS = new Set(['heads-up', 'positive', 'follow-up']);

function inputOf(row) {
  if (typeof row.text !== 'string') return { error: 'text must be a string' };
  if (!CHANNELS.has(row.channel)) return { error: `channel must be one of ${[...CHANNELS].join(', ')}` };
  if (!KINDS.has(row.kind)) return { error: `kind must be one of ${[...KINDS].join(', ')}` };
  return {
    input: {
      text: row.text,
      language: typeof row.language === 'string' ? row.language : 'en',
      channel: row.channel,
      kind: row.kind,
      ...(Array.isArray(row.assignmentNames) ? { assignmentNames: row.assignmentNames } : {}),
    },
  };
}

/** Findings for each row, as printed: {id, findings} (fields in the documented order). */
export function checkRows(checkTone, rows) {
  return rows.map((row) => {
    const { input, error } = inputOf(row);
    if (error) return { id: row.id, error };
    const findings = checkTone(input).map((f) => ({
      category: f.category,
      rule: f.rule,
      start: f.start,
      end: f.end,
      message: f.message,
      suggestion: f.suggestion ?? null,
    }));
    return { id: row.id, findings };
  });
}

async function main(argv) {
  const file = argv.find((a) => !a.startsWith('-'));
  if (!file) {
    console.error('usage: npm run tone -- FILE.jsonl');
    return 2;
  }
  const { rows, errors } = readJsonLines(readFileSync(file, 'utf8'));
  for (const e of errors) console.error(`${file}: ${e}`);
  const checkTone = await loadToneCheck();
  let bad = errors.length > 0;
  for (const out of checkRows(checkTone, rows)) {
    if (out.error) {
      bad = true;
      console.error(`${file}: id ${JSON.stringify(out.id)}: ${out.error}`);
      continue;
    }
    console.log(JSON.stringify(out));
  }
  return bad ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.exitCode = await main(process.argv.slice(2));
}
