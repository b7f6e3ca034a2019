// Rows of the test data files (moodle/expected-grades.csv), read with papaparse (the product's own CSV
// library): quoted fields may hold commas, doubled quotes and line breaks.
import Papa from 'papaparse';

export function csvRows(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text, { skipEmptyLines: true });
  if (parsed.errors.length > 0) throw new Error(`not CSV: ${parsed.errors[0]!.message} (row ${parsed.errors[0]!.row})`);
  return parsed.data;
}

/** Rows as records keyed by the header row's names. */
export function csvRecords(text: string): Array<Record<string, string>> {
  const [header = [], ...rows] = csvRows(text);
  return rows.map((row) => Object.fromEntries(header.map((name, index) => [name, row[index] ?? ''])));
}
