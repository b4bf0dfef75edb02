/**
 * `npm run import` run as a person runs it, as a child process on the sample files: it writes a
 * .touchmap of new maps the app reads, refuses to overwrite without --force, follows --stages,
 * and exits 0 only on success with a message naming the problem otherwise.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parseTouchmapFile } from '@shared/file-format';
import { summary } from './summary';

const SCRIPT = fileURLToPath(new URL('../../../scripts/import.mjs', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'touchmap-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(...args: string[]) {
  // English whatever the machine's locale: the messages follow LC_ALL / LC_MESSAGES / LANG (import-cli-language.test.ts).
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function mapsIn(path: string) {
  const parsed = parseTouchmapFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.docs;
}

describe('npm run import', () => {
  it('writes an XMind file’s sheets as maps of a .touchmap file, sorted by words', { timeout: 60_000 }, () => {
    const out = join(dir, 'coffee.touchmap');
    const { code, stdout, stderr } = run(join(SAMPLES, 'coffee-zen.xmind'), '--out', out);
    expect(code).toBe(0);
    expect(stdout).toBe(`Wrote 2 map(s) to ${out}\n`);
    expect(stderr).toContain('“Coffee shop journey”: 4 touchpoints, 2 details, 6 stages');
    const [first, second] = mapsIn(out);
    expect(summary(first!).map((t) => [t.label, t.stage, t.channel, t.importance])).toEqual([
      ['Instagram ad', 'Awareness', 'online', 9],
      ['Website menu', 'Consideration', 'online', 10],
      ['Receipt', 'Purchase', 'offline', 6],
      ['Barista greeting', 'Experience', 'offline', undefined],
    ]);
    expect(second!.map.title).toBe('Competitor');
  });

  it('refuses to overwrite without --force, and leaves the file as it was', { timeout: 60_000 }, () => {
    const out = join(dir, 'kept.touchmap');
    writeFileSync(out, 'mine');
    const refused = run(join(SAMPLES, 'gym-outline.md'), '--out', out);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe(`touchmap import: ${out} exists; add --force to replace it.\n`);
    expect(readFileSync(out, 'utf8')).toBe('mine');
    const forced = run(join(SAMPLES, 'gym-outline.md'), '--out', out, '--force', '--stages', 'first-level');
    expect(forced.code).toBe(0);
    expect(mapsIn(out)[0]!.map.stages.map((s) => s.name)).toEqual(['Awareness', 'Purchase', 'Loyalty']);
  });

  it('--stages none puts the first level in the stage named by --stage', { timeout: 60_000 }, () => {
    const out = join(dir, 'bakery.touchmap');
    expect(run(join(SAMPLES, 'journey-outliner.opml'), '--out', out, '--stages', 'none', '--stage', 'Visit').code).toBe(0);
    expect(summary(mapsIn(out)[0]!).map((t) => [t.label, t.stage])).toEqual([
      ['Shop window', 'Visit'],
      ['Loyalty card', 'Visit'],
      ['Online order form', 'Visit'],
    ]);
  });

  it('imports a table with its columns guessed, next to the file when --out is left out', { timeout: 60_000 }, () => {
    const csv = join(dir, 'cafe-ru.csv');
    writeFileSync(csv, readFileSync(join(SAMPLES, 'cafe-ru.csv')));
    const { code } = run(csv);
    expect(code).toBe(0);
    expect(summary(mapsIn(join(dir, 'cafe-ru.touchmap'))[0]!)[0]).toMatchObject({ label: 'Вывеска у входа', stage: 'Осведомлённость', channel: 'offline', importance: 7 });
  });

  it('exits 1 naming the problem: a bad option, a missing file, a refused file', { timeout: 60_000 }, () => {
    const bad = run(join(SAMPLES, 'gym-outline.md'), '--stages', 'sideways');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--stages sideways: give one of auto, first-level, none.');
    const missing = run(join(dir, 'nowhere.xmind'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No file at');
    const wrong = join(dir, 'plan.xmind');
    writeFileSync(wrong, '<opml><body/></opml>');
    const refused = run(wrong, '--out', join(dir, 'never.touchmap'));
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('touchmap import: plan.xmind: It is named .xmind but it is XML text, not an XMind map. It looks like an OPML outline; rename it to end in .opml.\n');
    expect(existsSync(join(dir, 'never.touchmap'))).toBe(false);
  });
});
