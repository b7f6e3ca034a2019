// The tone check against its labelled corpus (tests/core/tone-corpus.jsonl): per category and overall,
// precision = found where it must be found / all found where labelled either way, recall = found where
// it must be found / all it must find. A category a message labels neither way is not counted for it.
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkRows, loadToneCheck, readJsonLines } from './run.mjs';

const CORPUS = fileURLToPath(new URL('../../tests/core/tone-corpus.jsonl', import.meta.url));

/** Counts per category from labelled rows and the categories found for each. */
export function scoreCorpus(rows, foundById) {
  const counts = new Map();
  const count = (category) => {
    if (!counts.has(category)) counts.set(category, { tp: 0, fp: 0, fn: 0 });
    return counts.get(category);
  };
  const misses = [];
  for (const row of rows) {
    const found = foundById.get(row.id) ?? new Set();
    for (const c of row.mustFind) {
      if (found.has(c)) count(c).tp++;
      else {
        count(c).fn++;
        misses.push(`${row.id}: missed ${c}`);
      }
    }
    for (const c of row.mustNotFind) {
      if (found.has(c)) {
        count(c).fp++;
        misses.push(`${row.id}: wrongly found ${c}`);
      }
    }
  }
  return { counts, misses };
}

const ratio = (a, b) => (b === 0 ? 1 : a / b);

/** Rows {measure, value}: precision and recall per category and overall, and the corpus size. */
export async function toneBench() {
  const { rows, errors } = readJsonLines(readFileSync(CORPUS, 'utf8'));
  if (errors.length > 0) throw new Error(`tone corpus: ${errors.join('; ')}`);
  const checkTone = await loadToneCheck();
  const found = new Map(checkRows(checkTone, rows).map((r) => [r.id, new Set((r.findings ?? []).map((f) => f.category))]));
  const { counts, misses } = scoreCorpus(rows, found);
  const out = [{ measure: 'tone corpus: messages', value: rows.length }];
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const [category, c] of [...counts].sort(([a], [b]) => a.localeCompare(b))) {
    total.tp += c.tp;
    total.fp += c.fp;
    total.fn += c.fn;
    out.push({ measure: `tone ${category}: precision`, value: ratio(c.tp, c.tp + c.fp).toFixed(2) });
    out.push({ measure: `tone ${category}: recall (${c.tp + c.fn} to find)`, value: ratio(c.tp, c.tp + c.fn).toFixed(2) });
  }
  out.push({ measure: 'tone overall: precision', value: ratio(total.tp, total.tp + total.fp).toFixed(2) });
  out.push({ measure: 'tone overall: recall', value: ratio(total.tp, total.tp + total.fn).toFixed(2) });
  out.misses = misses;
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await toneBench();
  for (const r of rows) console.log(`${r.measure}\t${r.value}`);
  if (rows.misses.length > 0) console.log(`\n${rows.misses.join('\n')}`);
}
