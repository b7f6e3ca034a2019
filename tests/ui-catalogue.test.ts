// The UI text catalogue must load in every browser: Chrome refuses an extension whose message names
// use anything but ASCII letters, digits, _ and @.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const catalogue = JSON.parse(readFileSync(new URL('../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;

describe('the UI text catalogue', () => {
  it('names every message with the characters Chrome accepts', () => {
    expect(Object.keys(catalogue).filter((k) => !/^[A-Za-z0-9_@]+$/.test(k))).toEqual([]);
  });
  it('gives every message text', () => {
    expect(Object.entries(catalogue).filter(([, v]) => typeof v.message !== 'string' || v.message === '')).toEqual([]);
  });
});

describe('UI text used in the code', () => {
  it('exists in the catalogue for every literal key', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    const { join } = await import('node:path');
    const root = new URL('../src/', import.meta.url).pathname;
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name)) files.push(path);
      }
    };
    walk(root);
    const used = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\('([A-Za-z0-9_@]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !(key in catalogue))).toEqual([]);
  });
});
