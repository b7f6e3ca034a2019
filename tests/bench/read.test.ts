// `npm run read`: the command run as a person would run it, on a saved real page and on a page no
// adapter knows.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const FIXTURES = process.env.HEADS_UP_FIXTURES ?? resolve(ROOT, '../shared/fixtures');

function read(...args: string[]) {
  const run = spawnSync(process.execPath, ['bench/read/run.mjs', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'heads-up-read-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run read -- PAGE.html [--url URL] [--summary]', () => {
  it('reads a saved PowerSchool page at its address and sums it up: one course, five assignments', () => {
    const page = join(FIXTURES, 'powerschool/guardian-scores-calc.html');
    const { code, stdout, stderr } = read(page, '--url', 'https://lakeview.powerschool.com/guardian/scores.html', '--summary');
    expect(code, stderr).toBe(0);
    const summary = JSON.parse(stdout);
    expect(summary).toMatchObject({ adapter: 'powerschool-guardian', view: 'student-detail', url: 'https://lakeview.powerschool.com/guardian/scores.html', problems: [] });
    expect(summary.readings).toHaveLength(1);
    expect(summary.readings[0]).toMatchObject({ section: { name: 'AP Calculus BC', teacher: 'Lee, Dana' }, students: 1, assignments: 5, cells: 5, problems: [] });
  }, 60_000);

  it('prints the whole reading without --summary', () => {
    const page = join(FIXTURES, 'powerschool/guardian-scores-calc.html');
    const { code, stdout } = read(page, '--url', 'https://lakeview.powerschool.com/guardian/scores.html');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    const finalProject = result.readings[0].cells.find((cell: { raw: string }) => cell.raw.startsWith('52/50'));
    expect(finalProject?.score).toMatchObject({ points: 52, outOf: 50, percent: 104 });
  }, 60_000);

  it('fails with the list of adapters and a hint about --url when no adapter reads the page', () => {
    const page = join(dir, 'hello.html');
    writeFileSync(page, '<!doctype html><html><head><title>Hello</title></head><body><p>Hello</p></body></html>');
    const { code, stdout, stderr } = read(page);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toContain('No adapter reads');
    expect(stderr).toContain('powerschool-guardian');
    expect(stderr).toContain('demo-gradebook');
    expect(stderr).toContain('--url');
  }, 60_000);

  it('refuses a command without a page, saying how to use it', () => {
    const { code, stderr } = read('--summary');
    expect(code).toBe(2);
    expect(stderr).toMatch(/usage: npm run read -- PAGE\.html/);
  }, 60_000);
});
