/**
 * `touchmap --export` (electron/main/cli-export.ts) driven with fakes: a fake hidden window
 * whose executeJavaScript really runs the generated script against a fake export page (so the
 * JSON hand-over is exercised, not assumed), real temporary folders, and the real print service
 * over a fake print window for PDF. Then the real index.ts, bundled against the fake `electron`
 * module, started with `--export`: no lock, no window shown, the file written, the exit code.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  EXPORT_PAGE_URL,
  exportScript,
  pdfJobOf,
  runCliExport,
  startCliExport,
  type CliExportDeps,
  type CliExportFs,
  type CliOutput,
  type ExportPageResult,
  type ExportWindow,
} from '../../../electron/main/cli-export';
import { createPrintDocuments, createPrintService, type PrintWindow } from '../../../electron/main/print';
import type { PrintToPDFOptions } from 'electron';
import type { ExportRequest } from '../../../shared/export-cli';
import { parseTouchmapFile, refusalText } from '../../../shared/file-format';
import type { PrintJob } from '../../../shared/ipc';
import { bundleMainWithFakeElectron, createFakeElectron, FakeWebContents, type FakeElectron } from './fake-electron';

const PNG_BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 1, 2, 255]);
const JPEG_BYTES = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 7, 8, 9]);
const SVG_TEXT = '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50"><text>Кофейня 커피 コーヒー</text></svg>';
const PRINT_HTML = '<!doctype html><html><body><section class="page">map</section></body></html>';

type PageExport = (text: string, options: ExportRequest) => Promise<Record<string, unknown>>;

/** What the fake export page returns for each format, like renderer/src/export-entry.ts. */
function pageResult(format: string, title = 'Coffee shop'): Record<string, unknown> {
  const base = { mapId: 'm-1', mapTitle: title, otherMaps: [], geometry: { nodes: [], edges: [] } };
  switch (format) {
    case 'svg':
      return { ...base, encoding: 'text', data: SVG_TEXT, width: 100, height: 50 };
    case 'png':
      return { ...base, encoding: 'base64', data: PNG_BYTES.toString('base64'), width: 200, height: 100, scale: 2 };
    case 'jpeg':
      return { ...base, encoding: 'base64', data: JPEG_BYTES.toString('base64'), width: 200, height: 100, scale: 2 };
    case 'csv':
      return { ...base, encoding: 'text', data: '\uFEFFStage,Touchpoint\r\nVisit,"<img src=x onerror=alert(1)>"\r\n' };
    case 'markdown':
      return { ...base, encoding: 'text', data: '# Coffee shop\n\n- \\<img src=x\\>\n' };
    case 'pdf':
      return { ...base, encoding: 'text', data: PRINT_HTML, pdf: { widthIn: 11.69, heightIn: 8.27, pages: 1 } };
    default:
      throw new Error(format);
  }
}

/** A hidden window whose page is a fake export page; executeJavaScript runs the real script in a VM. */
class FakeExportWindow implements ExportWindow {
  destroyed = false;
  shown = false;
  readonly loaded: string[] = [];
  readonly scripts: string[] = [];
  readonly calls: Array<[string, ExportRequest]> = [];
  /** Undefined: the page never defines window.touchmapExport. */
  touchmapExport: PageExport | undefined;
  loadURL: (url: string) => Promise<void> = async (url) => void this.loaded.push(url);
  executeJavaScript: (code: string) => Promise<unknown> = (code) => {
    this.scripts.push(code);
    const page = this.touchmapExport;
    const window = page ? { touchmapExport: (t: string, o: ExportRequest) => (this.calls.push([t, o]), page(t, o)) } : {};
    // A fresh context: the script sees only `window` and timers, like a page's main world.
    return vm.runInNewContext(code, { window, setTimeout, Date, JSON, Error, String }) as Promise<unknown>;
  };
  readonly webContents = {
    loadURL: (url: string) => this.loadURL(url),
    executeJavaScript: (code: string) => this.executeJavaScript(code),
  };
  constructor(page: PageExport | undefined) {
    this.touchmapExport = page;
  }
  show(): void {
    this.shown = true;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function captureOutput(): CliOutput & { out: string; err: string } {
  const o = {
    out: '',
    err: '',
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
    flush: async () => undefined,
  };
  return o;
}

let dir: string;
let mapFile: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'touchmap-cli-export-'));
  mapFile = path.join(dir, 'clinic.touchmap');
  writeFileSync(mapFile, '{"format":"touchmap","version":1,"maps":[]}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

interface Harness {
  readonly windows: FakeExportWindow[];
  readonly output: ReturnType<typeof captureOutput>;
  readonly pdfJobs: PrintJob[];
  run(args: string[], overrides?: Partial<CliExportDeps>): Promise<number>;
}

/** `null`: a page that never defines window.touchmapExport. */
function harness(page: PageExport | null = async (_t, o) => pageResult(o.format)): Harness {
  const windows: FakeExportWindow[] = [];
  const output = captureOutput();
  const pdfJobs: PrintJob[] = [];
  return {
    windows,
    output,
    pdfJobs,
    run: (args, overrides = {}) =>
      runCliExport({
        args,
        cwd: dir,
        createWindow: () => {
          const win = new FakeExportWindow(page ?? undefined);
          windows.push(win);
          return win;
        },
        printToPDF: async (job) => {
          pdfJobs.push(job);
          return new Uint8Array(Buffer.from('%PDF-1.7 fake'));
        },
        output,
        ...overrides,
      }),
  };
}

describe('touchmap --export: a good run', () => {
  const cases: [string, string, Buffer | string][] = [
    ['svg', 'Coffee shop.svg', SVG_TEXT],
    ['png', 'Coffee shop.png', PNG_BYTES],
    ['jpeg', 'Coffee shop.jpg', JPEG_BYTES],
    ['csv', 'Coffee shop.csv', pageResult('csv').data as string],
    ['md', 'Coffee shop.md', pageResult('markdown').data as string],
  ];
  it.each(cases)('writes %s bytes next to the file, named after the map, and prints the path', async (format, name, expected) => {
    const h = harness();
    const code = await h.run([mapFile, '--format', format]);
    expect(h.output.err).toBe('');
    expect(code).toBe(0);
    const written = path.join(dir, name);
    expect(readFileSync(written)).toEqual(Buffer.isBuffer(expected) ? expected : Buffer.from(expected, 'utf8'));
    expect(h.output.out.split(' (')[0]?.trim()).toBe(written);
    expect(h.pdfJobs).toHaveLength(0);
  });

  it('loads the export page in one hidden window, never shows it, and destroys it', async () => {
    const h = harness();
    await h.run([mapFile, '--format', 'png']);
    expect(h.windows).toHaveLength(1);
    const [win] = h.windows;
    expect(win?.loaded).toEqual([EXPORT_PAGE_URL]);
    expect(EXPORT_PAGE_URL).toBe('app://touchmap/export.html');
    expect(win?.shown).toBe(false);
    expect(win?.destroyed).toBe(true);
  });

  it('hands the file text and the shared request to window.touchmapExport unchanged', async () => {
    const h = harness();
    await h.run([mapFile, '--format', 'pdf', '--page', 'poster', '--paper', 'a3', '--landscape', '--appendix', '--map', 'Visit', '--no-legend']);
    expect(h.windows[0]?.calls).toEqual([
      [
        readFileSync(mapFile, 'utf8'),
        { format: 'pdf', map: 'Visit', scale: 2, background: 'white', pageMode: 'poster', paper: 'a3', orientation: 'landscape', frame: 'none', appendix: true, legend: false, titleBlock: true, chains: true, language: 'en' },
      ],
    ]);
  });

  it('writes to --out relative to the working directory, creating folders', async () => {
    const h = harness();
    const code = await h.run([mapFile, '--format', 'svg', '--out', 'deep/er/x.svg']);
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, 'deep/er/x.svg'), 'utf8')).toBe(SVG_TEXT);
  });

  it('refuses to replace a file named after the map, names it, exits 1 and leaves it as it was', async () => {
    const h = harness();
    const existing = path.join(dir, 'Coffee shop.svg');
    writeFileSync(existing, 'an earlier export');
    expect(await h.run([mapFile, '--format', 'svg'])).toBe(1);
    expect(h.output.err).toBe(`touchmap export: ${existing} already exists; add --force to replace it, or --out <path> to write elsewhere.\n`);
    expect(h.output.out).toBe('');
    expect(readFileSync(existing, 'utf8')).toBe('an earlier export');
  });

  it('refuses to replace an existing --out file too', async () => {
    const h = harness();
    writeFileSync(path.join(dir, 'x.svg'), 'kept');
    expect(await h.run([mapFile, '--format', 'svg', '--out', 'x.svg'])).toBe(1);
    expect(h.output.err).toContain(`${path.join(dir, 'x.svg')} already exists`);
    expect(readFileSync(path.join(dir, 'x.svg'), 'utf8')).toBe('kept');
  });

  it('replaces an existing file with --force', async () => {
    const h = harness();
    const existing = path.join(dir, 'Coffee shop.svg');
    writeFileSync(existing, 'an earlier export');
    expect(await h.run([mapFile, '--format', 'svg', '--force'])).toBe(0);
    expect(readFileSync(existing, 'utf8')).toBe(SVG_TEXT);
  });

  it('names the default file from a sanitised title', async () => {
    const h = harness(async (_t, o) => pageResult(o.format, '../Clinic: visit/follow-up'));
    await h.run([mapFile, '--format', 'csv']);
    expect(existsSync(path.join(dir, 'Clinic visit follow-up.csv'))).toBe(true);
  });

  it('notes the other maps of the file and the renderer’s notice on stderr', async () => {
    const h = harness(async (_t, o) => ({ ...pageResult(o.format), otherMaps: ['B'], notice: 'Labels print small.' }));
    expect(await h.run([mapFile, '--format', 'png'])).toBe(0);
    expect(h.output.err).toBe('note: the file holds 2 maps; exported "Coffee shop". Pick another with --map.\nnote: Labels print small.\n');
  });

  it('prints the usage with --help and exits 0 without opening a window', async () => {
    const h = harness();
    expect(await h.run(['--help'])).toBe(0);
    expect(h.output.out).toMatch(/^Usage: touchmap --export <file\.touchmap> --format/);
    expect(h.windows).toHaveLength(0);
  });
});

describe('touchmap --export: PDF', () => {
  it('prints the page’s print document with its page size and explicit zero margins', async () => {
    const h = harness();
    expect(await h.run([mapFile, '--format', 'pdf', '--landscape'])).toBe(0);
    expect(h.pdfJobs).toEqual([{ html: PRINT_HTML, pageSize: { widthInches: 11.69, heightInches: 8.27 }, margins: { top: 0, right: 0, bottom: 0, left: 0 }, title: 'Coffee shop' }]);
    expect(readFileSync(path.join(dir, 'Coffee shop.pdf'), 'latin1')).toBe('%PDF-1.7 fake');
    expect(h.output.out).toBe(`${path.join(dir, 'Coffee shop.pdf')} (1 page of 11.69 × 8.27 in)\n`);
    // The export page is gone before the PDF is printed (it can hold a large map).
    expect(h.windows[0]?.destroyed).toBe(true);
  });

  it('saves a PDF the page wrote itself (map pages alone) as it is: no print window, its own pages counted', async () => {
    const written = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Pages /Count 2 >> endobj 2 0 obj << /Type /Page >> endobj 3 0 obj << /Type /Page >> endobj\n%%EOF', 'latin1');
    const h = harness(async () => ({ mapTitle: 'Coffee shop', otherMaps: [], encoding: 'base64', data: written.toString('base64'), pdf: { widthIn: 8.27, heightIn: 11.69, pages: 2, written: true } }));
    expect(await h.run([mapFile, '--format', 'pdf', '--page', 'poster'])).toBe(0);
    expect(h.pdfJobs).toHaveLength(0);
    expect(readFileSync(path.join(dir, 'Coffee shop.pdf'))).toEqual(written);
    expect(h.output.out).toBe(`${path.join(dir, 'Coffee shop.pdf')} (2 pages of 8.27 × 11.69 in)\n`);
  });

  it('reports the pages the printed PDF has, not the map pages planned (the appendix adds its own)', async () => {
    const h = harness();
    const twoPages = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj <</Type /Pages /Count 2>> endobj 2 0 obj <</Type /Page>> endobj 3 0 obj <</Type /Page>> endobj\n%%EOF', 'latin1'));
    expect(await h.run([mapFile, '--format', 'pdf', '--appendix'], { printToPDF: async () => twoPages })).toBe(0);
    expect(h.output.out).toBe(`${path.join(dir, 'Coffee shop.pdf')} (2 pages of 11.69 × 8.27 in)\n`);
  });

  it('leaves the orientation to the map’s shape unless --landscape or --portrait is given', async () => {
    const h = harness();
    expect(await h.run([mapFile, '--format', 'pdf'])).toBe(0);
    expect(h.windows[0]?.calls[0]?.[1]).toMatchObject({ orientation: 'auto' });
  });

  it('goes through webContents.printToPDF of a hidden print window with explicit margins (the real print service)', async () => {
    const pdfCalls: PrintToPDFOptions[] = [];
    const printWindows: { destroyed: boolean; url: string }[] = [];
    const printService = createPrintService({
      documents: createPrintDocuments(() => 'doc-1'),
      createWindow: (): PrintWindow => {
        const state = { destroyed: false, url: '' };
        printWindows.push(state);
        return {
          webContents: {
            loadURL: async (url) => void (state.url = url),
            executeJavaScript: async () => 3,
            printToPDF: async (o) => (pdfCalls.push(o), Buffer.from('%PDF-1.7 real service')),
            print: () => undefined,
          },
          setTitle: () => undefined,
          destroy: () => void (state.destroyed = true),
          isDestroyed: () => state.destroyed,
        };
      },
    });
    const h = harness();
    expect(await h.run([mapFile, '--format', 'pdf', '--out', 'a.pdf'], { printToPDF: (job) => printService.toPDF(job) })).toBe(0);
    expect(pdfCalls).toHaveLength(1);
    expect(pdfCalls[0]).toMatchObject({ pageSize: { width: 11.69, height: 8.27 }, margins: { top: 0, right: 0, bottom: 0, left: 0 }, printBackground: true, preferCSSPageSize: true });
    expect(printWindows).toEqual([{ destroyed: true, url: 'app://print/doc/doc-1.html' }]);
    expect(readFileSync(path.join(dir, 'a.pdf'), 'latin1')).toBe('%PDF-1.7 real service');
  });

  it('builds a valid job even from odd page sizes, and refuses a result without one', () => {
    const result = pageResult('pdf') as unknown as ExportPageResult;
    expect(pdfJobOf({ ...result, pdf: { widthIn: 0.2, heightIn: 900, pages: 1 } }).pageSize).toEqual({ widthInches: 1, heightInches: 200 });
    expect(pdfJobOf({ ...result, mapTitle: 'x'.repeat(500) }).title).toHaveLength(200);
    const { pdf: _pdf, ...noPdf } = result;
    expect(() => pdfJobOf(noPdf)).toThrow(/no page size/);
  });
});

describe('touchmap --export: refusals and failures', () => {
  it('refuses a bad option with exit 1, the message and the usage, before opening anything', async () => {
    const h = harness();
    expect(await h.run([mapFile, '--format', 'png', '--scale', '9'])).toBe(1);
    expect(h.output.err).toMatch(/^touchmap export: --scale must be a number from 1 to 4; got "9"\.\n\nUsage: touchmap --export /);
    expect(h.output.out).toBe('');
    expect(h.windows).toHaveLength(0);
  });

  it('refuses a missing file or a folder with exit 1', async () => {
    const h = harness();
    expect(await h.run(['missing.touchmap', '--format', 'svg'])).toBe(1);
    expect(h.output.err).toBe(`touchmap export: No file at ${path.join(dir, 'missing.touchmap')}.\n`);
    const folder = path.join(dir, 'folder.touchmap');
    mkdirSync(folder);
    expect(await h.run([folder, '--format', 'svg'])).toBe(1);
    expect(h.windows).toHaveLength(0);
  });

  /** A disk that holds the .touchmap file given and nothing else. */
  const fakeFs = (over: Partial<CliExportFs>): CliExportFs => ({
    stat: async (filePath) => (filePath.endsWith('.touchmap') ? { size: 10, isFile: true } : Promise.reject(new Error(`ENOENT: ${filePath}`))),
    readText: async () => '{}',
    mkdir: async () => undefined,
    writeFile: async () => undefined,
    ...over,
  });

  it('refuses an unreadable file with exit 1', async () => {
    const h = harness();
    const fs = fakeFs({ readText: async () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' })) });
    expect(await h.run(['locked.touchmap', '--format', 'svg'], { fs })).toBe(1);
    expect(h.output.err).toBe(`touchmap export: Cannot read ${path.join(dir, 'locked.touchmap')}: EACCES: permission denied\n`);
    expect(h.windows).toHaveLength(0);
  });

  it('refuses a file over 50 MB without reading it', async () => {
    const h = harness();
    const readText = vi.fn(async () => '{}');
    expect(await h.run(['huge.touchmap', '--format', 'svg'], { fs: fakeFs({ stat: async () => ({ size: 51 * 1024 * 1024, isFile: true }), readText }) })).toBe(1);
    expect(h.output.err).toBe('touchmap export: huge.touchmap is 51.0 MB; Touchmap reads files up to 50 MB.\n');
    expect(readText).not.toHaveBeenCalled();
  });

  it('passes the page’s message on with exit 1 when the file or map is wrong', async () => {
    const h = harness(async () => {
      throw new Error('No map "Nope" in the file; it holds: "Coffee shop" (m-1).');
    });
    expect(await h.run([mapFile, '--format', 'png', '--map', 'Nope'])).toBe(1);
    expect(h.output.err).toBe('touchmap export: No map "Nope" in the file; it holds: "Coffee shop" (m-1).\n');
    expect(h.windows[0]?.destroyed).toBe(true);
  });

  it('prints a refused file’s message for people, then its details, with exit 1', async () => {
    const refused = parseTouchmapFile(readFileSync(new URL('../../fixtures/files/refused/score-out-of-range.touchmap', import.meta.url), 'utf8'));
    if (refused.ok) throw new Error('the fixture was accepted');
    // The export page throws what export-entry.ts throws for a refused file.
    const h = harness(async () => {
      throw new Error(refusalText(refused));
    });
    expect(await h.run([mapFile, '--format', 'svg'])).toBe(1);
    expect(h.output.err).toBe(
      'touchmap export: Map "Clinic — new patients": touchpoint "Extra touchpoint 8" has our score 14; scores are 0–10. Fix it in a text editor, or export the map again from the Touchmap it came from.\n' +
        'Details: maps[0].topics[12].score: 14 is not 0–10\n',
    );
  });

  it('exits 2 when the export page never starts', async () => {
    const h = harness(null);
    expect(await h.run([mapFile, '--format', 'png'], { pageStartMs: 20 })).toBe(2);
    expect(h.output.err).toBe('touchmap export: The export page did not start.\n');
  });

  it('exits 2 when the page does not load, hangs, or the call breaks', async () => {
    const failing: [string, (w: FakeExportWindow) => void, RegExp][] = [
      ['load', (w) => (w.loadURL = async () => Promise.reject(new Error('ERR_FILE_NOT_FOUND (-6) loading app://touchmap/export.html'))), /ERR_FILE_NOT_FOUND/],
      ['hang', (w) => (w.loadURL = () => new Promise<void>(() => undefined)), /did not load within/],
      ['crash', (w) => (w.executeJavaScript = async () => Promise.reject(new Error('Render frame was disposed'))), /Render frame was disposed/],
      ['garbage', (w) => (w.executeJavaScript = async () => 42), /no usable result/],
    ];
    for (const [what, breakIt, message] of failing) {
      const output = captureOutput();
      const windows: FakeExportWindow[] = [];
      const code = await runCliExport({
        args: [mapFile, '--format', 'svg'],
        cwd: dir,
        output,
        timeoutMs: 30,
        createWindow: () => {
          const w = new FakeExportWindow(async (_t, o) => pageResult(o.format));
          breakIt(w);
          windows.push(w);
          return w;
        },
        printToPDF: async () => new Uint8Array(),
      });
      expect(code, what).toBe(2);
      expect(output.err, what).toMatch(message);
      expect(windows[0]?.destroyed, what).toBe(true);
    }
  });

  it('exits 2 when the PDF printer or the disk fails', async () => {
    const h = harness();
    expect(await h.run([mapFile, '--format', 'pdf'], { printToPDF: async () => Promise.reject(new Error('The PDF was not ready within 60 seconds.')) })).toBe(2);
    expect(h.output.err).toBe('touchmap export: The PDF was not ready within 60 seconds.\n');
    const h2 = harness();
    const fs = fakeFs({ writeFile: async () => Promise.reject(new Error('ENOSPC: no space left on device')) });
    expect(await h2.run([mapFile, '--format', 'png'], { fs })).toBe(2);
    expect(h2.output.err).toMatch(/ENOSPC/);
    expect(h2.output.out).toBe('');
  });
});

describe('exportScript', () => {
  it('carries any text as data: quotes, backticks, ${}, </script>, line separators', async () => {
    const hostile = 'a"b\'c`d${process.exit(1)}</script><script>alert(1)</script>\u2028\u2029\\n\n';
    const seen: unknown[] = [];
    const window = { touchmapExport: async (t: string, o: unknown) => (seen.push(t, o), { mapTitle: 'x', otherMaps: [], encoding: 'text', data: '', geometry: { huge: true } }) };
    const request = { format: 'svg', map: hostile, scale: 2 } as unknown as ExportRequest;
    const code = exportScript(hostile, request);
    // Apart from its one JSON string literal, the code is the same whatever the text: nothing is spliced in raw.
    const literal = /JSON\.parse\(("(?:[^"\\]|\\.)*")\)/;
    expect(code.replace(literal, 'L')).toBe(exportScript('', {} as ExportRequest).replace(literal, 'L'));
    const reply = await (vm.runInNewContext(code, { window, setTimeout, Date, JSON, Error, String }) as Promise<unknown>);
    expect(seen).toEqual([hostile, request]);
    // The layout geometry stays in the page.
    expect(reply).toEqual({ ok: true, result: { mapTitle: 'x', otherMaps: [], encoding: 'text', data: '' } });
  });
});

describe('startCliExport', () => {
  const app = () => ({
    order: [] as string[],
    exitCode: undefined as number | undefined,
    listeners: [] as string[],
    whenReady() {
      this.order.push('ready');
      return Promise.resolve();
    },
    on(event: string) {
      this.listeners.push(event);
      return this;
    },
    exit(code: number) {
      this.order.push('exit');
      this.exitCode = code;
    },
  });

  it('prepares the session after ready, exports, flushes the output and exits with the code', async () => {
    const a = app();
    const output = captureOutput();
    output.flush = async () => void a.order.push('flush');
    const h = harness();
    const code = await startCliExport(a, () => a.order.push('prepare'), {
      args: [mapFile, '--format', 'svg'],
      cwd: dir,
      output,
      createWindow: () => (a.order.push('window'), new FakeExportWindow(async (_t, o) => pageResult(o.format))),
      printToPDF: async () => new Uint8Array(),
    });
    expect(code).toBe(0);
    expect(a.order).toEqual(['ready', 'prepare', 'window', 'flush', 'exit']);
    expect(a.exitCode).toBe(0);
    // Without its own listener Electron would quit as soon as the export window closes.
    expect(a.listeners).toContain('window-all-closed');
    expect(h.windows).toHaveLength(0);
  });

  it('exits 1 on a bad option and 2 when preparing fails', async () => {
    const bad = app();
    await startCliExport(bad, () => undefined, { args: ['--format', 'png'], cwd: dir, output: captureOutput(), createWindow: () => new FakeExportWindow(undefined), printToPDF: async () => new Uint8Array() });
    expect(bad.exitCode).toBe(1);
    const broken = app();
    const output = captureOutput();
    await startCliExport(
      broken,
      () => {
        throw new Error('protocol already handled');
      },
      { args: [mapFile, '--format', 'png'], cwd: dir, output, createWindow: () => new FakeExportWindow(undefined), printToPDF: async () => new Uint8Array() },
    );
    expect(broken.exitCode).toBe(2);
    expect(output.err).toBe('touchmap export: protocol already handled\n');
  });
});

describe('index.ts started with --export (fake electron)', () => {
  const require = createRequire(import.meta.url);
  let workDir: string;
  let bundle: string;
  let fake: FakeElectron;
  const savedArgv = process.argv;

  beforeAll(async () => {
    workDir = mkdtempSync(path.join(os.tmpdir(), 'touchmap-main-export-'));
    bundle = await bundleMainWithFakeElectron(workDir);
  }, 60_000);
  afterAll(() => rmSync(workDir, { recursive: true, force: true }));
  afterEach(() => {
    process.argv = savedArgv;
    vi.restoreAllMocks();
  });

  async function startWith(args: string[]): Promise<{ exit: Promise<number>; lock: ReturnType<typeof vi.fn>; loaded: string[]; stdout: string[] }> {
    fake = createFakeElectron();
    const lock = vi.fn(() => true);
    let exited: (code: number) => void = () => undefined;
    const exit = new Promise<number>((resolve) => (exited = resolve));
    Object.assign(fake.app, { requestSingleInstanceLock: lock, exit: (code: number) => exited(code) });
    const loaded: string[] = [];
    vi.spyOn(FakeWebContents.prototype, 'loadURL').mockImplementation(async (url?: unknown) => void loaded.push(String(url)));
    // Plays the export page (the fake's own executeJavaScript answers only the print window's font wait).
    const playPage = async (code?: unknown): Promise<unknown> => {
      if (!String(code).includes('touchmapExport')) return 0; // the print window's font wait
      const [, request] = JSON.parse(JSON.parse(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/.exec(String(code))?.[1] ?? '""')) as [string, ExportRequest];
      const { geometry: _g, ...result } = pageResult(request.format);
      return { ok: true, result };
    };
    vi.spyOn(FakeWebContents.prototype, 'executeJavaScript').mockImplementation(playPage as () => Promise<number>);
    const stdout: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation(((chunk: unknown, cb?: unknown) => {
      stdout.push(String(chunk));
      if (typeof cb === 'function') cb();
      return true;
    }) as typeof process.stdout.write);
    (globalThis as Record<string, unknown>).__touchmapFakeElectron = fake;
    process.argv = [process.execPath, bundle, ...args];
    delete require.cache[bundle];
    require(bundle);
    fake.calls.ready = true;
    fake.fireReady();
    return { exit, lock, loaded, stdout };
  }

  it('exports without the single-instance lock, the menu or a shown window, then exits 0', async () => {
    const { exit, lock, loaded, stdout } = await startWith(['--export', mapFile, '--format', 'svg', '--out', path.join(dir, 'out.svg')]);
    expect(await exit).toBe(0);
    expect(readFileSync(path.join(dir, 'out.svg'), 'utf8')).toBe(SVG_TEXT);
    expect(stdout.join('')).toContain(path.join(dir, 'out.svg'));
    expect(lock).not.toHaveBeenCalled();
    expect(fake.calls.menus).toHaveLength(0);
    expect(fake.windows).toHaveLength(1);
    const [win] = fake.windows;
    expect(win?.shown).toBe(false);
    expect(win?.destroyed).toBe(true);
    // The print window's options: hidden, sandboxed, no preload (no bridge to main).
    expect(win?.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect((win?.options.webPreferences as Record<string, unknown>).preload).toBeUndefined();
    expect(loaded).toEqual(['app://touchmap/export.html']);
    // Served and guarded as the app is.
    expect(fake.calls.handled).toEqual(['app']);
    expect(fake.session.defaultSession.onBeforeRequest).toBeTypeOf('function');
    expect(fake.calls.enableSandbox).toBe(true);
    expect(win?.webContents.windowOpenHandler).toBeTypeOf('function');
  });

  it('prints PDF through a hidden print window', async () => {
    const { exit } = await startWith(['--export', mapFile, '--format', 'pdf', '--out', path.join(dir, 'out.pdf')]);
    expect(await exit).toBe(0);
    expect(readFileSync(path.join(dir, 'out.pdf'), 'latin1')).toBe('%PDF-1.7');
    expect(fake.windows).toHaveLength(2);
    expect(fake.windows.every((w) => !w.shown && w.destroyed)).toBe(true);
  });

  it('exits 1 on a bad option without creating any window', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(((_chunk: unknown, cb?: unknown) => {
      if (typeof cb === 'function') cb();
      return true;
    }) as typeof process.stderr.write);
    const { exit } = await startWith(['--export', mapFile, '--format', 'gif']);
    expect(await exit).toBe(1);
    expect(String(stderr.mock.calls[0]?.[0])).toMatch(/--format must be one of pdf, png, jpeg, svg, csv, md, slides-pdf, slides-pptx; got "gif"/);
    expect(fake.windows).toHaveLength(0);
  });

  it('starts the app as before without --export', async () => {
    const { lock } = await startWith([]);
    await new Promise((r) => setTimeout(r, 0));
    expect(lock).toHaveBeenCalledTimes(1);
    expect(fake.windows).toHaveLength(1);
  });
});

describe('touchmap --export: the language of its messages', () => {
  it('speaks the system’s language (app.getLocale()) when neither --lang nor the environment names one', async () => {
    const h = harness();
    const missing = path.join(dir, 'nowhere.touchmap');
    expect(await h.run([missing, '--format', 'svg'], { env: {}, locale: () => 'ko-KR' })).toBe(1);
    expect(h.output.err).toBe(`touchmap export: ${missing}에 파일이 없습니다.\n`);
  });

  it('takes LANG over the system’s language and --lang over both, and hands the language to the page', async () => {
    const h = harness();
    expect(await h.run([path.join(dir, 'nowhere.touchmap'), '--format', 'svg'], { env: { LANG: 'ru_RU.UTF-8' }, locale: () => 'ko-KR' })).toBe(1);
    expect(h.output.err).toMatch(/^touchmap export: Файл не найден: /);
    const j = harness();
    expect(await j.run([mapFile, '--format', 'svg', '--lang', 'ja'], { env: { LANG: 'ru_RU.UTF-8' }, locale: () => 'ko-KR' })).toBe(0);
    expect(j.windows[0]?.calls[0]?.[1]).toMatchObject({ format: 'svg', language: 'ja' });
  });
});
