/**
 * `npm run import` speaks the person's language, as a child process run the way a person runs it:
 * `--lang` first, else LC_ALL / LC_MESSAGES / LANG (`ru_RU.UTF-8` → Russian), else English. The
 * readers' refusals (a zip bomb), the report and the script's own lines all follow it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('../../../scripts/import.mjs', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../fixtures/import/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'touchmap-import-lang-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(env: Record<string, string>, ...args: string[]) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, LC_ALL: '', LC_MESSAGES: '', LANG: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** An .xmind whose directory says content.json unpacks to 4 GB. */
function zipBomb(): string {
  const zip = zipSync({ 'content.json': strToU8('[]') });
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = zip.length - 22; i >= 0; i--) {
    if (view.getUint32(i, true) === 0x02014b50) {
      view.setUint32(i + 24, 0xfffffff0, true);
      break;
    }
  }
  const path = join(dir, 'bomb.xmind');
  writeFileSync(path, zip);
  return path;
}

describe('npm run import in the locale’s language', { timeout: 60_000 }, () => {
  it('prints Russian with LANG=ru_RU.UTF-8: a zip bomb refused, exit 1', () => {
    const { code, stderr } = run({ LANG: 'ru_RU.UTF-8' }, zipBomb());
    expect(code).toBe(1);
    expect(stderr).toBe('touchmap import: bomb.xmind: При распаковке его содержимое заняло бы больше 200 МБ («ZIP-бомба»), поэтому он отклонён без распаковки.\n');
  });

  it('prints English when the locale says nothing Touchmap speaks', () => {
    const { code, stderr } = run({ LANG: 'C.UTF-8' }, zipBomb());
    expect(code).toBe(1);
    expect(stderr).toBe('touchmap import: bomb.xmind: Its contents would unpack to more than 200 MB (a “zip bomb”), so it is refused without unpacking.\n');
  });

  it('takes --lang over the locale, and reports a good import in that language', () => {
    const out = join(dir, 'coffee.touchmap');
    const { code, stdout, stderr } = run({ LANG: 'ru_RU.UTF-8' }, join(SAMPLES, 'coffee-zen.xmind'), '--out', out, '--lang', 'ko');
    expect(code).toBe(0);
    expect(stdout).toBe(`맵 2개를 ${out}에 썼습니다\n`);
    expect(stderr).toContain('“Coffee shop journey”: 접점 4개, 세부 항목 2개, 단계 6개');
  });

  it('takes LC_ALL over LANG, for its own messages too', () => {
    const { code, stderr } = run({ LC_ALL: 'ja_JP.UTF-8', LANG: 'ru_RU.UTF-8' }, join(dir, 'missing.xmind'));
    expect(code).toBe(1);
    expect(stderr).toBe(`touchmap import: ${join(dir, 'missing.xmind')} にファイルがありません。\n`);
  });
});
