#!/usr/bin/env node
// Headless export, like draw.io's: the app's own renderer (dist/renderer/export.html) in Chromium.
//   npm run export -- <file.touchmap> --format pdf|png|jpeg|svg|csv|md [--map <id or title>]
//     [--out <path>] [--force] [--scale 2] [--page a4|a3|letter|fit|poster] [--paper a4|a3|letter]
//     [--landscape|--portrait] [--frame none|16:9|4:3] [--appendix] [--background white|transparent|dark] [--no-legend] [--no-title]
//     [--no-chains]
// Why a browser: the export must look exactly like the app's (same layout, fonts, SVG and PDF
// printer), and that renderer is web code. Exits 1 with a message naming the problem on a bad
// option or file, 2 when the export itself fails. The options and messages are shared with the
// packaged app's `touchmap --export` (shared/export-cli.ts, electron/main/cli-export.ts).
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';
import { ExistingFileError, writeExportFile } from './export-file.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist', 'renderer');

/**
 * The command line itself (parsing, messages, file names) lives in shared/export-cli.ts, which
 * the packaged app's `touchmap --export` uses too, so the two cannot disagree; the formats and
 * their `--format` words come with it from shared/export-formats.ts, and its words in four languages
 * from shared/i18n/ (plain data). It is TypeScript: bundled in memory and imported from a data: URL, so parallel
 * runs never race over a file in .tmp/ and nothing stale is ever loaded.
 */
async function loadExportCli() {
  const out = await build({
    entryPoints: [join(ROOT, 'shared', 'export-cli.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'node20',
    logLevel: 'silent',
  });
  const code = out.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

const cli = await loadExportCli().catch((error) => {
  process.stderr.write(`touchmap export: cannot load shared/export-cli.ts: ${error?.message ?? error}\n`);
  process.exit(2);
});

function fail(message, code = 1) {
  process.stderr.write(cli.exportErrorText(message));
  process.exit(code);
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.map': 'application/json' };

/** A static server for dist/renderer on 127.0.0.1 (module scripts do not load from file://). */
function serve(root) {
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok(server)));
}

// Messages in the person's language: --lang, else LC_ALL / LC_MESSAGES / LANG, else English.
const language = cli.cliMessageLanguage(process.argv.slice(2), process.env);
cli.setMessageLanguage(language);
const words = (key, vars) => cli.cliText(key, vars);

async function main() {
  const parsed = cli.parseExportArgs(process.argv.slice(2));
  if (!parsed.ok) fail(`${parsed.error}\n\n${cli.exportUsage()}`);
  if (parsed.help) {
    process.stdout.write(`${cli.exportUsage()}\n`);
    process.exit(0);
  }
  const opts = parsed.options;
  const file = resolve(opts.file);
  if (!existsSync(file) || !statSync(file).isFile()) fail(words('noFileAt', { path: file }));
  const size = statSync(file).size;
  if (size > cli.MAX_EXPORT_FILE_BYTES) fail(cli.fileTooLargeMessage(basename(file), size));
  const text = readFileSync(file, 'utf8');
  if (!existsSync(join(DIST, 'export.html'))) fail(words('rendererMissing', { path: join(DIST, 'export.html') }));

  const { chromium } = await import('playwright-core');
  let executablePath;
  try {
    executablePath = await findChromium();
  } catch (error) {
    fail(error.message);
  }
  const server = await serve(DIST);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    const { port } = server.address();
    await page.goto(`http://127.0.0.1:${port}/export.html`);
    await page.waitForFunction(() => typeof window.touchmapExport === 'function', null, { timeout: 30_000 }).catch(() => {
      throw new Error(`${words('pageDidNotStart')}${pageErrors.length ? ` ${pageErrors.join('; ')}` : ''}`);
    });
    // The page words a refused file in the same language as this script.
    const request = { ...cli.exportRequest(opts), language };
    let result;
    try {
      result = await page.evaluate(([t, o]) => window.touchmapExport(t, o), [text, request]);
    } catch (error) {
      // The page's error message is the user's message (a bad file, an unknown map).
      fail(cli.pageErrorMessage(error));
    }
    const out = resolve(opts.out ?? join(dirname(file), cli.exportFileName(result.mapTitle, opts.format)));
    // Checked before printing too, so a refused export does not spend a PDF's print time first.
    if (!opts.force && existsSync(out)) fail(cli.existingFileMessage(out));
    mkdirSync(dirname(out), { recursive: true });
    const write = (data) => {
      try {
        writeExportFile(out, data, { force: opts.force, message: cli.existingFileMessage });
      } catch (error) {
        if (error instanceof ExistingFileError) fail(error.message);
        throw error;
      }
    };
    let printedPages;
    // A PDF of map pages alone arrives written by the page's own PDF writer (result.pdf.written): saved as it is.
    if (cli.needsPrinting(opts.format, result)) {
      const printPage = await browser.newPage();
      await printPage.setContent(result.data, { waitUntil: 'load' });
      await printPage.evaluate(() => document.fonts.ready);
      // The same page arithmetic as the app: CSS @page sizes from planPages, printer margins explicitly 0.
      const pdf = await printPage.pdf({
        width: `${result.pdf.widthIn}in`,
        height: `${result.pdf.heightIn}in`,
        margin: { top: '0in', right: '0in', bottom: '0in', left: '0in' },
        printBackground: true,
        preferCSSPageSize: true,
      });
      write(pdf);
      printedPages = cli.countPdfPages(pdf);
    } else {
      const data = result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : result.data;
      write(data);
      if (cli.isPrintedFormat(opts.format) && typeof data !== 'string') printedPages = cli.countPdfPages(data);
    }
    process.stderr.write(cli.exportNotes(result, opts.map !== undefined));
    process.stdout.write(cli.exportDoneLine(out, result, printedPages));
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => fail(error?.message ?? String(error), 2));
