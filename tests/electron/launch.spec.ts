/**
 * The desktop app itself, driven by Playwright's Electron launcher: it opens on the library,
 * opens a .touchmap given on the command line, exports a PDF through the real printToPDF, and
 * quits only after the import is saved; and `touchmap --export` writes files without a window.
 *
 * Where the Electron binary is not installed (this project's CI installs with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1), every test is skipped with the reason.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { PrintJob, TouchmapBridge } from '../../shared/ipc';
import { findElectronBinary } from './electron-binary';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const MAIN = path.join(ROOT, 'dist', 'electron', 'main.cjs');
const FIXTURE = fileURLToPath(new URL('./fixtures/launcher-clinic.touchmap', import.meta.url));
const FIXTURE_TITLE = 'Launcher test clinic';
const binary = findElectronBinary(ROOT);

type BridgeWindow = { touchmap: TouchmapBridge };

test.describe('Touchmap desktop app', () => {
  test.skip(!binary.ok, `Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ${binary.ok ? '' : binary.reason}`);

  let profile: string;
  test.beforeEach(() => {
    if (!existsSync(MAIN) || !existsSync(path.join(ROOT, 'dist', 'renderer', 'index.html'))) {
      throw new Error('The app is not built: run `npm run build` first (dist/electron/main.cjs and dist/renderer/index.html).');
    }
    profile = mkdtempSync(path.join(os.tmpdir(), 'touchmap-electron-'));
  });
  test.afterEach(() => rmSync(profile, { recursive: true, force: true }));

  async function launch(extraArgs: string[] = []): Promise<{ app: ElectronApplication; page: Page }> {
    if (!binary.ok) throw new Error(binary.reason);
    const env = Object.fromEntries(Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined));
    // Chromium refuses to start its sandbox as root (CI containers); the renderer's own sandbox flag stays on.
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const app = await electron.launch({
      executablePath: binary.path,
      args: [...rootArgs, MAIN, ...extraArgs],
      env: { ...env, TOUCHMAP_USER_DATA_DIR: profile },
    });
    const page = await app.firstWindow();
    return { app, page };
  }

  test('opens on the library of maps, served from app://touchmap, with the bridge and no Node', async () => {
    const { app, page } = await launch();
    try {
      await expect(page.getByRole('heading', { level: 1, name: 'Your maps' })).toBeVisible();
      expect(page.url()).toMatch(/^app:\/\/touchmap\//);
      const globals = await page.evaluate(() => {
        const w = window as unknown as BridgeWindow & { require?: unknown; process?: unknown };
        return {
          bridge: Object.entries(w.touchmap).map(([k, v]) => `${k}:${typeof v}`).sort(),
          require: typeof w.require,
          process: typeof w.process,
        };
      });
      expect(globals.require).toBe('undefined');
      expect(globals.process).toBe('undefined');
      expect(globals.bridge).toContain('printToPDF:function');
      expect(globals.bridge.every((entry) => entry.endsWith(':function'))).toBe(true);
      const info = await page.evaluate(() => (window as unknown as BridgeWindow).touchmap.getAppInfo());
      expect(info.name).toBe('Touchmap');
    } finally {
      await app.close();
    }
  });

  test('opens a .touchmap given on the command line as a new map', async () => {
    const { app, page } = await launch([FIXTURE]);
    try {
      await expect(page.getByText(FIXTURE_TITLE).first()).toBeVisible();
    } finally {
      await app.close();
    }
  });

  test('exports a PDF through Chromium’s printer, with the text in it', async () => {
    const { app, page } = await launch();
    try {
      await expect(page.getByRole('heading', { level: 1, name: 'Your maps' })).toBeVisible();
      const job: PrintJob = {
        html: '<!doctype html><html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="600" height="200"><text x="20" y="60" font-size="32">Touchpoint map PDF</text></svg></body></html>',
        pageSize: { widthInches: 11.69, heightInches: 8.27 },
        margins: { top: 0.4, right: 0.4, bottom: 0.4, left: 0.4 },
        title: 'Launcher test',
      };
      const bytes = await page.evaluate(async (j) => Array.from(await (window as unknown as BridgeWindow).touchmap.printToPDF(j)), job);
      const pdf = Buffer.from(bytes);
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const file = path.join(profile, 'export.pdf');
      writeFileSync(file, pdf);
      const pdftotext = ['/usr/bin/pdftotext', '/usr/local/bin/pdftotext', '/opt/homebrew/bin/pdftotext'].find((p) => existsSync(p));
      if (pdftotext) expect(execFileSync(pdftotext, [file, '-'], { encoding: 'utf8' })).toContain('Touchpoint map PDF');
    } finally {
      await app.close();
    }
  });

  test('`touchmap --export` writes SVG and PDF with no window and exits 0; a bad option exits 1', () => {
    if (!binary.ok) throw new Error(binary.reason);
    const env = { ...process.env, TOUCHMAP_USER_DATA_DIR: profile };
    const rootArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
    const run = (args: string[]) => spawnSync(binary.path, [...rootArgs, MAIN, '--export', ...args], { env, encoding: 'utf8', timeout: 120_000 });

    const svg = path.join(profile, 'out.svg');
    const svgRun = run([FIXTURE, '--format', 'svg', '--out', svg]);
    expect(svgRun.status, svgRun.stderr).toBe(0);
    expect(svgRun.stdout).toContain(svg);
    const svgText = readFileSync(svg, 'utf8');
    expect(svgText).toMatch(/^<svg|^<\?xml/);
    expect(svgText).not.toMatch(/foreignObject|<script/i);

    const pdf = path.join(profile, 'out.pdf');
    const pdfRun = run([FIXTURE, '--format', 'pdf', '--page', 'a4', '--landscape', '--out', pdf]);
    expect(pdfRun.status, pdfRun.stderr).toBe(0);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const pdfinfo = ['/usr/bin/pdfinfo', '/usr/local/bin/pdfinfo', '/opt/homebrew/bin/pdfinfo'].find((p) => existsSync(p));
    if (pdfinfo) expect(execFileSync(pdfinfo, [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts/);

    const bad = run([FIXTURE, '--format', 'png', '--scale', '9']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--scale must be a number from 1 to 4; got "9"/);
  });

  test('quits only after the imported map is saved, and shows it on the next start', async () => {
    const first = await launch([FIXTURE]);
    await expect(first.page.getByText(FIXTURE_TITLE).first()).toBeVisible();
    // Quit at once: the autosave may not have run yet; the quit handshake must flush it.
    await first.app.close();

    const second = await launch();
    try {
      // In the library, or already open as the last open map: either way it was kept.
      await expect(second.page.getByText(FIXTURE_TITLE).first()).toBeVisible();
    } finally {
      await second.app.close();
    }
  });
});
