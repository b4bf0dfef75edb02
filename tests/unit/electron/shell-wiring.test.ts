/**
 * How the shell is put together, read from its sources: the rules that keep the main-process
 * modules testable and the app offline, which no single module's unit test can see.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const read = (p: string) => readFileSync(path.join(ROOT, p), 'utf8');

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    return entry.isDirectory() ? sources(rel) : entry.name.endsWith('.ts') ? [rel.replace(/\\/g, '/')] : [];
  });
}

/** A runtime (not type-only) import of 'electron'. */
const RUNTIME_ELECTRON_IMPORT = /^import\s+(?!type\b)[^;]*from\s+'electron';/m;

describe('the shell’s wiring', () => {
  it('imports Electron at run time only in the two entry points; every other module takes it as parameters', () => {
    const importing = [...sources('electron/main'), ...sources('electron/preload')].filter((f) => RUNTIME_ELECTRON_IMPORT.test(read(f)));
    expect(importing.sort()).toEqual(['electron/main/index.ts', 'electron/preload/index.ts']);
  });

  it('never starts an auto-updater or a crash reporter (no network at all)', () => {
    for (const file of sources('electron')) {
      expect(read(file), file).not.toMatch(/\b(autoUpdater|crashReporter|electron-updater|net\.request)\b/);
    }
  });

  it('registers the app scheme, takes the single-instance lock and guards every web contents', () => {
    const index = read('electron/main/index.ts');
    expect(index.indexOf('registerAppScheme(protocol)')).toBeGreaterThan(-1);
    expect(index.indexOf('registerAppScheme(protocol)')).toBeLessThan(index.indexOf('app.whenReady()'));
    expect(index).toContain('app.requestSingleInstanceLock()');
    expect(index).toContain("app.on('web-contents-created'");
    expect(index).toContain('app.enableSandbox()');
    expect(index).toContain('denyPermissions(ses)');
    expect(index).toContain('blockRemoteRequests(ses, () => roomSocket)');
  });

  it('creates windows only from the secure option builders', () => {
    const constructions = [...read('electron/main/index.ts').matchAll(/new BrowserWindow\(([^)]*\))/g)].map((m) => m[1]);
    expect(constructions.length).toBeGreaterThan(0);
    for (const args of constructions) expect(args).toMatch(/^(mainWindowOptions|printWindowOptions)\(/);
  });

  it('bundles the preload into one small file whose only require is electron (sandboxed preloads can require nothing else)', async () => {
    const out = await build({
      entryPoints: [path.join(ROOT, 'electron/preload/index.ts')],
      bundle: true,
      write: false,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      logLevel: 'silent',
    });
    const code = out.outputFiles[0]?.text ?? '';
    expect([...code.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).toEqual(['electron']);
    // What is exposed is the bridge object (preload-bridge.test.ts: functions only), never ipcRenderer.
    expect(code).toMatch(/exposeInMainWorld\(BRIDGE_GLOBAL, createBridge\(/);
    expect(code.match(/exposeInMainWorld/g)).toHaveLength(1);
    // zod stays in main: the preload validates nothing, so it carries only the channel names.
    expect(code.length).toBeLessThan(20_000);
  });
});
