#!/usr/bin/env node
// Headless export, like draw.io's: the app's own renderer (dist/renderer/export.html) in Chromium.
//   npm run export -- <file.touchmap> --format pdf|png|jpeg|svg|csv|md [--map <id or title>]
//     [--out <path>] [--scale 2] [--page a4|a3|letter|fit|poster] [--paper a4|a3|letter]
//     [--landscape] [--appendix] [--background white|transparent|dark] [--no-legend] [--no-title]
//     [--no-chains]
// Why a browser: the export must look exactly like the app's (same layout, fonts, SVG and PDF
// printer), and that renderer is web code. Exits 1 with a message naming the problem on a bad
// option or file, 2 when the export itself fails.
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findChromium, CHROMIUM_ARGS } from './find-chromium.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist', 'renderer');
const FORMATS = ['pdf', 'png', 'jpeg', 'svg', 'csv', 'md'];
const PAGES = ['a4', 'a3', 'letter', 'fit', 'poster'];
const PAPERS = ['a4', 'a3', 'letter'];
const BACKGROUNDS = ['white', 'transparent', 'dark'];
const EXTENSION = { pdf: 'pdf', png: 'png', jpeg: 'jpg', svg: 'svg', csv: 'csv', md: 'md' };
const MAX_FILE_BYTES = 50 * 1024 * 1024;

const USAGE = `Usage: npm run export -- <file.touchmap> --format pdf|png|jpeg|svg|csv|md [options]
  --map <id or title>     which map of the file (default: the first)
  --out <path>            where to write (default: next to the file, named after the map)
  --scale <1-4>           PNG/JPEG pixel scale (default 2)
  --page a4|a3|letter|fit|poster
                          PDF: fit on one page of that paper, fit the page to the map, or poster (default a4)
  --paper a4|a3|letter    PDF poster paper (default a4)
  --landscape             PDF: landscape paper
  --appendix              PDF: add the table of touchpoints by stage
  --background white|transparent|dark   (transparent: PNG and SVG only)
  --no-legend --no-title --no-chains    leave those out`;

class UsageError extends Error {}

function fail(message, code = 1) {
  process.stderr.write(`touchmap export: ${message}\n`);
  process.exit(code);
}

/** Parses argv into options; throws UsageError naming the bad option. */
export function parseArgs(argv) {
  const opts = { scale: 2, page: 'a4', paper: 'a4', landscape: false, appendix: false, background: 'white', legend: true, titleBlock: true, chains: true };
  const files = [];
  const value = (i, name) => {
    const v = argv[i + 1];
    if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value.`);
    return v;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const take = () => {
      if (inline !== undefined) return inline;
      const v = value(i, flag);
      i++;
      return v;
    };
    switch (flag) {
      case '--format': opts.format = take().toLowerCase(); if (opts.format === 'jpg') opts.format = 'jpeg'; if (opts.format === 'markdown') opts.format = 'md'; break;
      case '--map': opts.map = take(); break;
      case '--out': opts.out = take(); break;
      case '--scale': {
        const raw = take();
        opts.scale = Number(raw);
        if (!Number.isFinite(opts.scale) || opts.scale < 1 || opts.scale > 4) throw new UsageError(`--scale must be a number from 1 to 4; got "${raw}".`);
        break;
      }
      case '--page': opts.page = take().toLowerCase(); if (!PAGES.includes(opts.page)) throw new UsageError(`--page must be one of ${PAGES.join(', ')}; got "${opts.page}".`); break;
      case '--paper': opts.paper = take().toLowerCase(); if (!PAPERS.includes(opts.paper)) throw new UsageError(`--paper must be one of ${PAPERS.join(', ')}; got "${opts.paper}".`); break;
      case '--landscape': opts.landscape = true; break;
      case '--portrait': opts.landscape = false; break;
      case '--appendix': opts.appendix = true; break;
      case '--background': opts.background = take().toLowerCase(); if (!BACKGROUNDS.includes(opts.background)) throw new UsageError(`--background must be one of ${BACKGROUNDS.join(', ')}; got "${opts.background}".`); break;
      case '--no-legend': opts.legend = false; break;
      case '--no-title': opts.titleBlock = false; break;
      case '--no-chains': opts.chains = false; break;
      case '--help': case '-h': process.stdout.write(`${USAGE}\n`); process.exit(0); break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`Unknown option ${arg}.`);
        files.push(arg);
    }
  }
  if (files.length === 0) throw new UsageError('Give the .touchmap file to export.');
  if (files.length > 1) throw new UsageError(`Give one .touchmap file; got ${files.length}: ${files.join(', ')}.`);
  if (!opts.format) throw new UsageError(`--format is required: one of ${FORMATS.join(', ')}.`);
  if (!FORMATS.includes(opts.format)) throw new UsageError(`--format must be one of ${FORMATS.join(', ')}; got "${opts.format}".`);
  if (opts.background === 'transparent' && !['png', 'svg'].includes(opts.format)) {
    throw new UsageError(`--background transparent works for PNG and SVG only; ${opts.format.toUpperCase()} has no transparency.`);
  }
  opts.file = files[0];
  return opts;
}

const MIME = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.woff2': 'font/woff2', '.woff': 'font/woff', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json', '.map': 'application/json' };

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

function safeStem(title) {
  // eslint-disable-next-line no-control-regex -- control characters cannot be in file names
  const clean = title.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '');
  return clean || 'map';
}

async function main() {
  let opts;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (error instanceof UsageError) fail(`${error.message}\n\n${USAGE}`);
    throw error;
  }
  const file = resolve(opts.file);
  if (!existsSync(file) || !statSync(file).isFile()) fail(`No file at ${file}.`);
  const size = statSync(file).size;
  if (size > MAX_FILE_BYTES) fail(`${basename(file)} is ${(size / 1048576).toFixed(1)} MB; Touchmap reads files up to 50 MB.`);
  const text = readFileSync(file, 'utf8');
  if (!existsSync(join(DIST, 'export.html'))) fail(`The built renderer is missing (${join(DIST, 'export.html')}). Run "npm run build:renderer" first.`);

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
      throw new Error(`The export page did not start${pageErrors.length ? `: ${pageErrors.join('; ')}` : '.'}`);
    });
    const pageMode = opts.page === 'fit' ? 'fit-page-to-map' : opts.page === 'poster' ? 'poster' : 'fit';
    const paper = PAPERS.includes(opts.page) ? opts.page : opts.paper;
    const request = {
      format: opts.format, map: opts.map, scale: opts.scale, background: opts.background, pageMode, paper, landscape: opts.landscape,
      appendix: opts.appendix, legend: opts.legend, titleBlock: opts.titleBlock, chains: opts.chains,
    };
    let result;
    try {
      result = await page.evaluate(([t, o]) => window.touchmapExport(t, o), [text, request]);
    } catch (error) {
      // The page's error message is the user's message (a bad file, an unknown map).
      fail(String(error.message ?? error).replace(/^page\.evaluate: (Error: )?/, '').split('\n')[0]);
    }
    const out = resolve(opts.out ?? join(dirname(file), `${safeStem(result.mapTitle)}.${EXTENSION[opts.format]}`));
    mkdirSync(dirname(out), { recursive: true });
    if (opts.format === 'pdf') {
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
      writeFileSync(out, pdf);
    } else {
      writeFileSync(out, result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : result.data);
    }
    if (result.otherMaps.length > 0 && !opts.map) process.stderr.write(`note: the file holds ${result.otherMaps.length + 1} maps; exported "${result.mapTitle}". Pick another with --map.\n`);
    if (result.notice) process.stderr.write(`note: ${result.notice}\n`);
    const what = result.width ? ` (${result.width} × ${result.height} px)` : result.pdf ? ` (${result.pdf.pages} page${result.pdf.pages === 1 ? '' : 's'} of ${result.pdf.widthIn.toFixed(2)} × ${result.pdf.heightIn.toFixed(2)} in)` : '';
    process.stdout.write(`${out}${what}\n`);
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error) => fail(error?.message ?? String(error), 2));
