/**
 * Code is named after what it does, not after the ticket that asked for it: a comment such as
 * "(issue N)" with a number tells the next reader nothing once the tracker is gone. This scan keeps the tree so.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..', '..', '..');
const FOLDERS = ['renderer', 'shared', 'electron', 'tests', 'scripts', 'build', 'docs'];
const FILES = ['README.md', 'vite.config.ts', 'electron-builder.yml', 'package.json', 'eslint.config.js', 'eslint-layers.js'];
const TEXT = /\.(ts|tsx|mts|mjs|js|cjs|css|html|md|yml|yaml|json)$/;
const SKIP = new Set(['node_modules', 'dist', '.tmp', 'fixtures']);
// built from parts so that this file does not match itself
const TICKET = new RegExp(['\\bissues?', '\\s*#?\\d+\\b'].join(''), 'i');

function walk(folder: string, found: string[]): void {
  for (const name of readdirSync(folder)) {
    if (SKIP.has(name)) continue;
    const path = join(folder, name);
    if (statSync(path).isDirectory()) walk(path, found);
    else if (TEXT.test(name)) found.push(path);
  }
}

describe('names in the tree', () => {
  it('no code, test, style or document names a tracker ticket by number', () => {
    const files: string[] = [];
    for (const folder of FOLDERS) walk(join(ROOT, folder), files);
    for (const file of FILES) files.push(join(ROOT, file));
    const hits: string[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue; // an optional top-level file this checkout does not have
      }
      text.split('\n').forEach((line, index) => {
        if (TICKET.test(line)) hits.push(`${relative(ROOT, file)}:${index + 1}: ${line.trim().slice(0, 120)}`);
      });
    }
    expect(hits).toEqual([]);
  });
});
