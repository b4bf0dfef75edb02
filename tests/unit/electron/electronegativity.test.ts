/**
 * Electronegativity over the Electron shell's sources. The tool's exit code says nothing about
 * findings, so this reads them and fails on any finding of medium severity or above with firm
 * confidence or above that the reviewed allow-list (electronegativity-allowlist.json) does not
 * explain. It scans the TypeScript sources, not the esbuild bundle: in the bundle every
 * `new BrowserWindow` becomes `new import_electron.BrowserWindow`, which its checks do not see.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const RUNNER = fileURLToPath(new URL('./run-electronegativity.cjs', import.meta.url));
const require = createRequire(import.meta.url);
const ELECTRON_VERSION = (require('electron/package.json') as { version: string }).version;

const SEVERITY = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];
const CONFIDENCE = ['TENTATIVE', 'FIRM', 'CERTAIN'];

interface Finding {
  id: string;
  severity: string;
  confidence: string;
  file: string;
  line: number;
  sample: string;
  description: string;
}
interface AllowEntry {
  id: string;
  file: string;
  sampleIncludes: string;
  reason: string;
}

const allowlist = (JSON.parse(readFileSync(fileURLToPath(new URL('./electronegativity-allowlist.json', import.meta.url)), 'utf8')) as { entries: AllowEntry[] }).entries;

const matches = (entry: AllowEntry, f: Finding) => entry.id === f.id && entry.file === f.file.replace(/\\/g, '/') && f.sample.includes(entry.sampleIncludes);
const serious = (f: Finding) => SEVERITY.indexOf(f.severity) >= SEVERITY.indexOf('MEDIUM') && CONFIDENCE.indexOf(f.confidence) >= CONFIDENCE.indexOf('FIRM');

describe('Electronegativity', () => {
  let result: { checks: number; errors: unknown[]; findings: Finding[] };

  beforeAll(async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [RUNNER, 'electron', ELECTRON_VERSION], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    result = JSON.parse(stdout) as typeof result;
  }, 120_000);

  it('ran its checks over every source file without a parse error', () => {
    expect(result.checks).toBeGreaterThan(30);
    expect(result.errors).toEqual([]);
  });

  it('finds nothing of medium severity or above (firm confidence or above) that is not reviewed', () => {
    const unexplained = result.findings.filter((f) => serious(f) && !allowlist.some((entry) => matches(entry, f)));
    expect(
      unexplained.map((f) => `${f.id} (${f.severity}, ${f.confidence}) at electron/${f.file}:${f.line}: ${f.sample.trim()} — ${f.description}`),
    ).toEqual([]);
  });

  it('has a reason for every allow-list entry, and no entry that no longer matches anything', () => {
    for (const entry of allowlist) {
      expect(entry.reason.length, `${entry.id} needs a reason`).toBeGreaterThan(20);
      expect(result.findings.some((f) => matches(entry, f)), `stale allow-list entry ${entry.id} ${entry.sampleIncludes}`).toBe(true);
    }
  });

  it('sees the navigation limits and the permission handler (no global finding about them)', () => {
    const ids = result.findings.map((f) => f.id);
    expect(ids).not.toContain('LIMIT_NAVIGATION_GLOBAL_CHECK');
    expect(ids).not.toContain('PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK');
  });
});
