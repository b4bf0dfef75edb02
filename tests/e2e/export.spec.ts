/**
 * The export story: a facilitator puts the map on a slide, on paper and in a colleague's inbox.
 * PDF, PNG, JPEG and SVG come from the one export renderer — run here through the headless CLI
 * (`npm run export`, which drives the built renderer in Chromium) and through the app's dialog —
 * and are checked with poppler's tools and by decoding the pixels against the layout.
 */
import { test, expect, chromium, type Browser, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { crc32, inflateSync } from 'node:zlib';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serializeTouchmapFile } from '../../shared/file-format';
import { landscapeFor, planPages } from '../../shared/model/page-layout';
import { countTouchpoints } from '../../shared/model/selectors';
import type { MapDoc } from '../../shared/model/types';
import { mapWords } from '../../shared/templates/map-words';
import { buildTemplate } from '../../shared/templates';
import { BY_LOCALE, HOSTILE_LABEL, MULTILINGUAL, labelsOf } from '../fixtures/export-maps';
import { generateMap } from '../fixtures/generate-map';
import { APP_CSP } from '../../electron/main/security/csp';
import { createMap, mod, openLibrary, SCREENSHOTS, stageGroup } from './driver';
import { asId } from '../builders/ids';

const OUT = resolve('.tmp/export-e2e');
const EXPORTED_AT = '2026-01-01T00:00:00.000Z';

function writeMapFile(name: string, docs: readonly MapDoc[]): string {
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, `${name}.touchmap`);
  writeFileSync(path, serializeTouchmapFile(docs, EXPORTED_AT));
  return path;
}

function cli(args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(process.execPath, ['scripts/export.mjs', ...args], { encoding: 'utf8', timeout: 240_000 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function exportOk(args: readonly string[]): string {
  const run = cli(args);
  expect(run.stderr.replace(/^note: .*$/gm, '').trim(), `stderr of export ${args.join(' ')}`).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

function tool(cmd: string, args: readonly string[]): string {
  const run = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${run.stderr}`);
  return run.stdout;
}

function pdfInfo(path: string): { pages: number; widthPt: number; heightPt: number } {
  const info = tool('pdfinfo', [path]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  return { pages, widthPt: Number(size?.[1]), heightPt: Number(size?.[2]) };
}

/** Width and height from a PNG's IHDR. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The drawing's size as the SVG export states it (the content the page plan lays out). */
function svgSize(path: string): { width: number; height: number } {
  const text = readFileSync(path, 'utf8');
  const m = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(text);
  return { width: Number(m?.[1]), height: Number(m?.[2]) };
}

const normalise = (text: string) => text.replace(/\s+/g, '');

/** A template map in a language, with chains, scores, competitors and actions: what a facilitator exports. */
function templateDoc(locale: MapDoc['map']['locale'], template: 'clinic' | 'coffee-shop' = 'clinic'): MapDoc {
  let id = 0;
  return buildTemplate(template, { locale, newId: asId.maker((prefix) => `${prefix}-${++id}`), now: EXPORTED_AT });
}

/** Where each page of a PDF has ink (anything darker than near-white), in fractions of the page: from pdftoppm's greyscale pages. */
function inkBoxes(pdf: string, name: string): { left: number; top: number; right: number; bottom: number }[] {
  const prefix = join(OUT, `ink-${name}`);
  const ours = () => readdirSync(OUT).filter((f) => f.startsWith(`ink-${name}-`) && f.endsWith('.pgm')).sort();
  for (const old of ours()) rmSync(join(OUT, old));
  tool('pdftoppm', ['-gray', '-r', '30', pdf, prefix]);
  const pages = ours();
  return pages.map((file) => {
    const bytes = readFileSync(join(OUT, file));
    // P5 header: magic, width, height, maxval, each followed by whitespace.
    const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 40).toString('latin1'));
    const [w, h] = [Number(header?.[1]), Number(header?.[2])];
    const data = bytes.subarray(header![0].length);
    let [left, top, right, bottom] = [w, h, -1, -1];
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if ((data[y * w + x] as number) < 240) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
        }
      }
    }
    return { left: left / w, top: top / h, right: (right + 1) / w, bottom: (bottom + 1) / h };
  });
}

/** The SVG file opened as the page itself (its own document, its own fonts), once its fonts are ready, as a PNG. */
async function shot(browser: Browser, svgPath: string, name: string): Promise<string> {
  // A viewport the drawing's size: a full-page screenshot of an SVG document never finishes (Chromium 156).
  const size = svgSize(svgPath);
  const page = await browser.newPage({ viewport: { width: Math.ceil(size.width), height: Math.ceil(size.height) } });
  try {
    await page.goto(`file://${resolve(svgPath)}`);
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const path = join(SCREENSHOTS, `export-${name}.png`);
    await page.screenshot({ path });
    return path;
  } finally {
    await page.close();
  }
}

/** How many pixels of two images differ by more than a quarter of the colour range (ImageMagick's compare). */
function differingPixels(a: string, b: string): number {
  const run = spawnSync('compare', ['-metric', 'AE', '-fuzz', '25%', a, b, 'null:'], { encoding: 'utf8' });
  const count = Number(/^[\d.e+]+/.exec(run.stderr.trim())?.[0]);
  if (run.status === 2 || Number.isNaN(count)) throw new Error(`compare ${a} ${b} failed: ${run.stderr}`);
  return count;
}

test.describe('headless export (npm run export)', () => {
  test.describe.configure({ timeout: 240_000 });
  // The export never replaces a file without --force: start from an empty folder, so each run writes afresh.
  test.beforeAll(() => rmSync(OUT, { recursive: true, force: true }));

  test('a file already at the target is left alone: exit 1 naming it, unless --force', () => {
    const file = writeMapFile('kept', [MULTILINGUAL]);
    const svg = join(OUT, 'kept.svg');
    writeFileSync(svg, 'an earlier export');
    const refused = cli([file, '--format', 'svg', '--out', svg]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`touchmap export: ${svg} already exists; add --force to replace it, or --out <path> to write elsewhere.\n`);
    expect(readFileSync(svg, 'utf8')).toBe('an earlier export');
    exportOk([file, '--format', 'svg', '--out', svg, '--force']);
    expect(readFileSync(svg, 'utf8')).toContain('<svg xmlns="http://www.w3.org/2000/svg"');
    expect(readdirSync(OUT).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  test('a map in English, Russian, Korean and Japanese prints to a PDF with every label as text and fonts embedded', () => {
    const file = writeMapFile('multilingual', [MULTILINGUAL]);
    const pdf = join(OUT, 'multi-a4.pdf');
    exportOk([file, '--format', 'pdf', '--page', 'a4', '--landscape', '--out', pdf]);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1); // fit to one page
    expect(info.widthPt).toBeCloseTo(841.89, 0); // A4 landscape
    expect(info.heightPt).toBeCloseTo(595.28, 0);
    const text = normalise(tool('pdftotext', [pdf, '-']));
    for (const label of labelsOf(MULTILINGUAL)) expect(text, `PDF text has "${label}"`).toContain(normalise(label));
    const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line, 'every font is embedded').toMatch(/\s+yes\s+yes\s+/);
    const names = fonts.join('\n');
    expect(names).toMatch(/NotoSans-/);
    expect(names).toMatch(/NotoSansJP|NotoSansKR|NotoSansCJK/);
    tool('pdftoppm', ['-png', '-r', '50', pdf, join(SCREENSHOTS, 'export-multi-a4')]);
  });

  test('poster splits the map over the pages planPages says; fit page to map gives one page the map’s size', () => {
    const file = writeMapFile('multilingual-poster', [MULTILINGUAL]);
    const svg = join(OUT, 'multi.svg');
    exportOk([file, '--format', 'svg', '--out', svg]);
    const content = svgSize(svg);

    const poster = join(OUT, 'multi-poster.pdf');
    exportOk([file, '--format', 'pdf', '--page', 'poster', '--paper', 'a4', '--out', poster]);
    // No --landscape or --portrait: the orientation the map's shape asks for, as the dialog defaults.
    const landscape = landscapeFor({ content, paper: 'a4', marginIn: 0.4, orientation: 'auto' });
    const plan = planPages({ content, mode: 'poster', paper: 'a4', landscape, marginIn: 0.4 });
    expect(plan.pages.length).toBeGreaterThan(1);
    const info = pdfInfo(poster);
    expect(info.pages).toBe(plan.pages.length);
    expect(info.widthPt).toBeCloseTo(landscape ? 841.89 : 595.28, 0);
    tool('pdftoppm', ['-png', '-r', '30', poster, join(SCREENSHOTS, 'export-multi-poster')]);

    const fit = join(OUT, 'multi-fit.pdf');
    exportOk([file, '--format', 'pdf', '--page', 'fit', '--appendix', '--out', fit]);
    const fitInfo = pdfInfo(fit);
    expect(fitInfo.widthPt).toBeCloseTo((content.width / 96 + 0.8) * 72, 0);
    expect(fitInfo.heightPt).toBeCloseTo((content.height / 96 + 0.8) * 72, 0);
    expect(fitInfo.pages).toBeGreaterThanOrEqual(2); // the map page, then the appendix
    const text = tool('pdftotext', [fit, '-']);
    // MULTILINGUAL is a Japanese map: the appendix heading is in the map's language.
    expect(normalise(text)).toContain(normalise(mapWords(MULTILINGUAL.map.locale).appendix.heading));
    expect(text).not.toContain('Touchpoints by stage');
    expect(text).toContain(HOSTILE_LABEL);
  });

  test('the map page of a PDF with the appendix fills its page, in the orientation the map’s shape asks for, and the pages are counted', () => {
    const file = writeMapFile('clinic-en', [templateDoc('en')]);
    const pdf = join(OUT, 'clinic-appendix.pdf');
    const out = exportOk([file, '--format', 'pdf', '--appendix', '--out', pdf]);
    const info = pdfInfo(pdf);
    expect(info.widthPt, 'a wide map lies landscape without being told').toBeGreaterThan(info.heightPt);
    expect(info.pages).toBeGreaterThanOrEqual(2);
    expect(out).toContain(`(${info.pages} pages of`);
    const [map] = inkBoxes(pdf, 'clinic-appendix');
    // Fitted inside 0.4 in margins: the map spans the printable width (or height), centred.
    const margin = (0.4 * 72) / info.widthPt;
    expect(map!.right - map!.left, 'map width on its page').toBeGreaterThan(1 - 2 * margin - 0.04);
    expect(Math.abs(map!.left - (1 - map!.right)), 'centred left to right').toBeLessThan(0.03);
    expect(Math.abs(map!.top - (1 - map!.bottom)), 'centred top to bottom').toBeLessThan(0.05);
    tool('pdftoppm', ['-png', '-r', '50', pdf, join(SCREENSHOTS, 'export-clinic-appendix')]);
  });

  test('poster sheets are printed whole: each tile reaches its sheet’s margins, the caption sits at the foot', () => {
    const file = writeMapFile('clinic-poster', [templateDoc('en')]);
    const pdf = join(OUT, 'clinic-poster.pdf');
    exportOk([file, '--format', 'pdf', '--page', 'poster', '--portrait', '--out', pdf]);
    const info = pdfInfo(pdf);
    expect(info.pages).toBeGreaterThan(1);
    const sheets = inkBoxes(pdf, 'clinic-poster');
    expect(sheets).toHaveLength(info.pages);
    for (const [i, sheet] of sheets.entries()) {
      // The crop marks sit at the printable area's corners and the caption half a margin from the foot.
      expect(sheet.bottom, `sheet ${i + 1} bottom`).toBeGreaterThan(0.96);
      expect(sheet.right, `sheet ${i + 1} right`).toBeGreaterThan(0.93);
      expect(sheet.left, `sheet ${i + 1} left`).toBeLessThan(0.07);
    }
    tool('pdftoppm', ['-png', '-r', '30', pdf, join(SCREENSHOTS, 'export-clinic-poster')]);
  });

  test('--frame 16:9 and 4:3 give slide-shaped PNG, SVG and PDF with the map centred', () => {
    const file = writeMapFile('clinic-ja-slide', [templateDoc('ja')]);
    for (const [frame, aspect] of [['16:9', 16 / 9], ['4:3', 4 / 3]] as const) {
      const tag = frame.replace(':', 'x');
      const png = join(OUT, `slide-${tag}.png`);
      exportOk([file, '--format', 'png', '--scale', '1', '--frame', frame, '--out', png]);
      const size = pngSize(readFileSync(png));
      expect(size.width / size.height).toBeCloseTo(aspect, 2);
      const svg = join(OUT, `slide-${tag}.svg`);
      exportOk([file, '--format', 'svg', '--frame', frame, '--out', svg]);
      const svgBox = svgSize(svg);
      expect(svgBox.width / svgBox.height).toBeCloseTo(aspect, 2);
      const pdf = join(OUT, `slide-${tag}.pdf`);
      exportOk([file, '--format', 'pdf', '--frame', frame, '--out', pdf]);
      const info = pdfInfo(pdf);
      expect(info.pages).toBe(1);
      expect(info.widthPt / info.heightPt).toBeCloseTo(aspect, 2);
      const [ink] = inkBoxes(pdf, `slide-${tag}`);
      expect(Math.abs(ink!.left - (1 - ink!.right)), 'centred left to right').toBeLessThan(0.04);
      expect(Math.abs(ink!.top - (1 - ink!.bottom)), 'centred top to bottom').toBeLessThan(0.04);
      writeFileSync(join(SCREENSHOTS, `export-slide-${tag}.png`), readFileSync(png));
      tool('pdftoppm', ['-png', '-r', '30', pdf, join(SCREENSHOTS, `export-slide-${tag}-pdf`)]);
    }
  });

  test('the SVG carries the Noto faces its text needs, cut to its characters, and shows the weak link; the PDF text has the weak-link tag', () => {
    const doc = templateDoc('ja');
    const file = writeMapFile('clinic-ja-fonts', [doc]);
    const svg = join(OUT, 'clinic-ja.svg');
    exportOk([file, '--format', 'svg', '--out', svg]);
    const text = readFileSync(svg, 'utf8');
    const faces = text.match(/@font-face\{[^}]*\}/g) ?? [];
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) expect(face).toMatch(/src:url\(data:font\/woff;base64,[A-Za-z0-9+/=]+\) format\('woff'\);unicode-range:U\+[0-9a-f]/);
    expect(faces.join('\n')).toMatch(/font-family:'Noto Sans JP'/);
    expect(faces.join('\n')).toMatch(/font-family:'Noto Sans'/);
    // Kanji are drawn from Noto Sans JP on a Japanese map: Noto Sans KR, which has them too, is not carried.
    expect(faces.join('\n')).not.toMatch(/font-family:'Noto Sans KR'/);
    const tag = mapWords('ja').legend.weakLink;
    expect(text).toContain(`>${tag}</text>`);
    const pdf = join(OUT, 'clinic-ja-weak.pdf');
    exportOk([file, '--format', 'pdf', '--out', pdf]);
    expect(normalise(tool('pdftotext', [pdf, '-']))).toContain(normalise(tag));
    // Each font's name says the weight it draws: Japanese labels are Regular (the bundled file is
    // weight 400), the stage and channel labels SemiBold; none calls itself Thin.
    const fontNames = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean).map((line) => line.split(/\s+/)[0] as string);
    expect(fontNames.length).toBeGreaterThan(0);
    for (const name of fontNames) expect(name).toMatch(/^[A-Z]{6}\+NotoSans(JP|KR)?-(Regular|SemiBold|Bold)$/);
    expect(fontNames).toContainEqual(expect.stringMatching(/\+NotoSansJP-Regular$/));
    const en = writeMapFile('clinic-en-weak', [templateDoc('en')]);
    const enPdf = join(OUT, 'clinic-en-weak.pdf');
    exportOk([en, '--format', 'pdf', '--out', enPdf]);
    expect(tool('pdftotext', [enPdf, '-'])).toContain('WEAK LINK');
  });

  test('the SVG shows every letter with the fonts it carries, on a machine with no Noto installed', async ({ browser }) => {
    const file = writeMapFile('clinic-ja-travel', [templateDoc('ja')]);
    const svg = join(OUT, 'clinic-ja-travel.svg');
    exportOk([file, '--format', 'svg', '--out', svg]);
    const text = readFileSync(svg, 'utf8');
    const faces = text.match(/@font-face\{[^}]*\}/g) ?? [];
    const fontBytes = faces.reduce((sum, face) => sum + Math.floor((/base64,([A-Za-z0-9+/=]+)/.exec(face)?.[1]?.length ?? 0) * 0.75), 0);
    // The whole unicode-range pieces this map's characters fall in came to 1.2 MB of fonts in 57 faces.
    expect(fontBytes, 'bytes of embedded font').toBeLessThan(120_000);
    const bare = join(OUT, 'clinic-ja-travel-no-fonts.svg');
    writeFileSync(bare, text.replace(/<style>[\s\S]*?<\/style>/, ''));

    // A Chromium whose fontconfig knows DejaVu alone (it has no kana or kanji, and its Latin is not
    // Noto's): only what the file carries can draw the map's letters as Noto. (With no font at all
    // Chromium 156 never finishes a screenshot.)
    const conf = join(OUT, 'no-noto.conf');
    writeFileSync(conf, `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${resolve(OUT, 'no-noto-cache')}</cachedir></fontconfig>`);
    const bareMachine = await chromium.launch({ ...test.info().project.use.launchOptions, env: { ...process.env, FONTCONFIG_FILE: conf } });
    try {
      const withNoto = await shot(browser, svg, 'svg-fonts-with-noto');
      const withoutNoto = await shot(bareMachine, svg, 'svg-fonts-without-noto');
      const nothingEmbedded = await shot(bareMachine, bare, 'svg-fonts-none-embedded');
      // Same pixels with or without Noto on the machine; a glyph missing from the file would draw as nothing here.
      expect(differingPixels(withNoto, withoutNoto), 'pixels that differ without Noto installed').toBe(0);
      // …and the bare machine really has no fonts: the same drawing without its faces loses its words.
      expect(differingPixels(withNoto, nothingEmbedded)).toBeGreaterThan(5_000);
    } finally {
      await bareMachine.close();
    }
  });

  test('a hostile label stays literal text in SVG, CSV and Markdown', () => {
    const file = writeMapFile('hostile', [MULTILINGUAL]);
    const svg = join(OUT, 'hostile.svg');
    exportOk([file, '--format', 'svg', '--out', svg]);
    const text = readFileSync(svg, 'utf8');
    // The label wraps over two lines; each part is escaped text.
    expect(text).toContain('&lt;img src=x');
    expect(text).toContain('onerror=alert(1)&gt;');
    expect(text).not.toMatch(/<img|<script|foreignObject|\son\w+=/i);
    const csv = join(OUT, 'hostile.csv');
    exportOk([file, '--format', 'csv', '--out', csv]);
    expect(readFileSync(csv, 'utf8').charCodeAt(0)).toBe(0xfeff);
    const md = join(OUT, 'hostile.md');
    exportOk([file, '--format', 'md', '--out', md]);
    expect(readFileSync(md, 'utf8')).toContain('\\<img src=x onerror=alert(1)\\>'); // escaped: shows as text, never as HTML
  });

  test('bad options and files are refused with a message naming the problem', () => {
    const file = writeMapFile('ok', [MULTILINGUAL]);
    const cases: [string[], RegExp][] = [
      [[file, '--format', 'gif'], /--format must be one of pdf, png, jpeg, svg, csv, md, slides-pdf, slides-pptx; got "gif"/],
      [[file, '--format', 'png', '--scale', '9'], /--scale must be a number from 1 to 4/],
      [[file, '--format', 'pdf', '--page', 'a5'], /--page must be one of/],
      [[file, '--format', 'jpeg', '--background', 'transparent'], /transparent works for PNG and SVG only/],
      [[file, '--format', 'png', '--frobnicate'], /Unknown option --frobnicate/],
      [[join(OUT, 'missing.touchmap'), '--format', 'png'], /No file at/],
      [[file, '--format', 'png', '--map', 'Nope'], /No map "Nope" in the file/],
    ];
    writeFileSync(join(OUT, 'broken.touchmap'), '{ not json');
    cases.push([[join(OUT, 'broken.touchmap'), '--format', 'svg'], /JSON/i]);
    for (const [args, message] of cases) {
      const run = cli(args);
      expect(run.status, args.join(' ')).not.toBe(0);
      expect(run.stderr).toMatch(message);
    }
  });

  test('each locale’s map exports to PDF and PNG for a look (rendered into the screenshots folder)', () => {
    for (const doc of BY_LOCALE) {
      const file = writeMapFile(`locale-${doc.map.locale}`, [doc]);
      const pdf = join(OUT, `locale-${doc.map.locale}.pdf`);
      exportOk([file, '--format', 'pdf', '--page', 'a4', '--landscape', '--appendix', '--out', pdf]);
      const text = normalise(tool('pdftotext', [pdf, '-']));
      for (const label of labelsOf(doc)) expect(text).toContain(normalise(label));
      tool('pdftoppm', ['-png', '-r', '50', pdf, join(SCREENSHOTS, `export-${doc.map.locale}`)]);
      // --force: the screenshots folder keeps the last run's look
      exportOk([file, '--format', 'png', '--scale', '1', '--force', '--out', join(SCREENSHOTS, `export-${doc.map.locale}.png`)]);
    }
    const file = writeMapFile('locale-ja-dark', [BY_LOCALE[3] as MapDoc]);
    exportOk([file, '--format', 'jpeg', '--scale', '1', '--background', 'dark', '--force', '--out', join(SCREENSHOTS, 'export-ja-dark.jpg')]);
  });

  test('a 2,000-touchpoint map exports to PNG 2× and to PDF', () => {
    const big = generateMap({ seed: 4, topics: 3400 });
    expect(countTouchpoints(big)).toBeGreaterThanOrEqual(2000);
    const file = writeMapFile('big', [big]);
    const png = join(OUT, 'big.png');
    const out = exportOk([file, '--format', 'png', '--scale', '2', '--out', png]);
    const [, w, h] = /\((\d+) × (\d+) px\)/.exec(out) ?? [];
    const size = pngSize(readFileSync(png));
    expect(size).toEqual({ width: Number(w), height: Number(h) });
    expect(size.height).toBeGreaterThan(16_384); // past one canvas: drawn in tiles
    const pdf = join(OUT, 'big.pdf');
    exportOk([file, '--format', 'pdf', '--page', 'fit', '--out', pdf]);
    const info = pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(Math.max(info.widthPt, info.heightPt)).toBeLessThanOrEqual(200 * 72 + 0.5);
  });
});

// ---------------------------------------------------------------------------------------------
// Pixels, checked in the browser against the layout the renderer reports.
// ---------------------------------------------------------------------------------------------

/** What `window.touchmapExport` (renderer/src/export-entry.ts) returns for an image or a PDF, as far as the tests read it. */
interface Box { x: number; y: number; width: number; height: number }
interface ImageExport {
  data: string;
  scale?: number;
  tiled?: boolean;
  /** `written`: data is the PDF itself (base64), from the app's own writer; otherwise the print document. */
  pdf?: { widthIn: number; heightIn: number; pages: number; written?: boolean };
  geometry?: { nodes: (Box & { label: string; lines: string[] })[]; edges: { from: { x: number; y: number }; to: { x: number; y: number } }[]; mapBox: Box; width: number; height: number };
}
declare global {
  interface Window {
    touchmapExport?: (fileText: string, options: Record<string, unknown>) => Promise<ImageExport>;
  }
}

interface PixelReport {
  width: number;
  height: number;
  drawingWidth: number;
  drawingHeight: number;
  mapBox: { width: number; height: number };
  blankLabels: string[];
  blankEdges: number;
  edges: number;
  marginAlpha: number[];
  tiled: boolean;
}

async function exportPixels(page: Page, fileText: string, options: Record<string, unknown>): Promise<PixelReport> {
  await page.goto('/export.html');
  await page.waitForFunction(() => typeof window.touchmapExport === 'function');
  return page.evaluate(
    async ([text, opts]) => {
      const result = await window.touchmapExport!(text, opts);
      const bytes = Uint8Array.from(atob(result.data), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }), { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const s = result.scale!;
      const g = result.geometry!;
      /** How many pixels of a region differ clearly from its most common colour: text or lines drawn on a fill. */
      const inked = (x: number, y: number, w: number, h: number) => {
        const data = ctx.getImageData(Math.round(x * s), Math.round(y * s), Math.max(1, Math.round(w * s)), Math.max(1, Math.round(h * s))).data;
        const counts = new Map<number, number>();
        for (let i = 0; i < data.length; i += 4) counts.set((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!, (counts.get((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!) ?? 0) + 1);
        let top = 0;
        let topCount = -1;
        for (const [c, k] of counts) if (k > topCount) [top, topCount] = [c, k];
        let differ = 0;
        for (let i = 0; i < data.length; i += 4) {
          const d = Math.abs(data[i]! - ((top >> 16) & 255)) + Math.abs(data[i + 1]! - ((top >> 8) & 255)) + Math.abs(data[i + 2]! - (top & 255));
          if (d > 96 && data[i + 3]! > 0) differ++;
        }
        return differ;
      };
      const blankLabels = g.nodes
        // the label's own area: inside the padding, as many lines as the layout wrapped
        .filter((n) => inked(n.x + 8, n.y + (n.height - n.lines.length * 18) / 2, Math.min(n.width - 16, 60), n.lines.length * 18) < 15)
        .map((n) => n.label);
      let blankEdges = 0;
      for (const e of g.edges) {
        // A cubic with horizontal tangents at both ends passes through the midpoint of its ends.
        const mx = (e.from.x + e.to.x) / 2;
        const my = (e.from.y + e.to.y) / 2;
        const data = ctx.getImageData(Math.round(mx * s) - 3, Math.round(my * s) - 3, 7, 7).data;
        let dark = 0;
        for (let i = 0; i < data.length; i += 4) if (data[i + 3]! > 0 && data[i]! + data[i + 1]! + data[i + 2]! < 700) dark++;
        if (dark === 0) blankEdges++;
      }
      const alphaAt = (x: number, y: number) => ctx.getImageData(x, y, 1, 1).data[3]!;
      return {
        width: bitmap.width,
        height: bitmap.height,
        drawingWidth: g.width,
        drawingHeight: g.height,
        mapBox: { width: g.mapBox.width, height: g.mapBox.height },
        blankLabels,
        blankEdges,
        edges: g.edges.length,
        marginAlpha: [alphaAt(2, 2), alphaAt(bitmap.width - 3, 2), alphaAt(2, bitmap.height - 3), alphaAt(bitmap.width - 3, bitmap.height - 3)],
        tiled: result.tiled ?? false,
      };
    },
    [fileText, options] as const,
  );
}

test.describe('PNG pixels against the layout', () => {
  const fileText = serializeTouchmapFile([MULTILINGUAL], EXPORTED_AT);
  const plain = { format: 'png', scale: 2, titleBlock: false, legend: false, chains: false };

  test('PNG 2× is the map’s bounds × 2 plus margins, with ink at every label and edge; transparent margins are clear', async ({ page }) => {
    const report = await exportPixels(page, fileText, { ...plain, background: 'transparent' });
    const margin = 32;
    expect(report.drawingWidth).toBe(Math.ceil(report.mapBox.width + 2 * margin));
    expect(report.drawingHeight).toBe(Math.ceil(report.mapBox.height + 2 * margin));
    expect(report.width).toBe(report.drawingWidth * 2);
    expect(report.height).toBe(report.drawingHeight * 2);
    expect(report.blankLabels).toEqual([]);
    expect(report.edges).toBeGreaterThan(5);
    expect(report.blankEdges).toBe(0);
    expect(report.marginAlpha).toEqual([0, 0, 0, 0]);
  });

  test('past the canvas limit the PNG is drawn in tiles and comes out whole', async ({ page }) => {
    const report = await exportPixels(page, fileText, { ...plain, background: 'white', maxCanvasSide: 700 });
    expect(report.tiled).toBe(true);
    expect(report.width).toBe(report.drawingWidth * 2);
    expect(report.blankLabels).toEqual([]);
    expect(report.blankEdges).toBe(0);
    expect(report.marginAlpha).toEqual([255, 255, 255, 255]);
  });
});

/** A PNG's chunks, each with whether its CRC is right (zlib's crc32). */
function pngChunks(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  const chunks: { type: string; data: Buffer; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    chunks.push({ type: png.toString('latin1', at + 4, at + 8), data: png.subarray(at + 8, at + 8 + length), crcOk: crc32(png.subarray(at + 4, at + 8 + length)) === png.readUInt32BE(at + 8 + length) });
    at += 12 + length;
  }
  return chunks;
}

/** An 8-bit RGBA PNG's pixels (inflating checks the stream's Adler-32). */
function pngPixels(png: Buffer): { width: number; height: number; rgba: Uint8Array } {
  const chunks = pngChunks(png);
  const header = chunks[0]!.data;
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const raw = inflateSync(Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)));
  const stride = width * 4;
  const rgba = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!;
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (stride + 1) + 1 + i]!;
      const a = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      const b = y > 0 ? rgba[(y - 1) * stride + i]! : 0;
      const c = i >= 4 && y > 0 ? rgba[(y - 1) * stride + i - 4]! : 0;
      const p = a + b - c;
      const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
      rgba[y * stride + i] = (x + [0, a, b, (a + b) >> 1, paeth][filter]!) & 255;
    }
  }
  return { width, height, rgba };
}

test.describe('PNG strips against one canvas', () => {
  test('a map taller than a canvas is drawn in strips, each read back only at its ends, and joins into the picture one canvas draws', async ({ page }) => {
    test.setTimeout(120_000);
    const fileText = serializeTouchmapFile([generateMap({ seed: 11, topics: 220 })], EXPORTED_AT);
    const options = { format: 'png', scale: 2, titleBlock: true, legend: true, chains: true, background: 'white' };
    await page.goto('/export.html');
    await page.waitForFunction(() => typeof window.touchmapExport === 'function');
    const one = await page.evaluate(([text, opts]) => window.touchmapExport!(text, opts), [fileText, options] as const);
    const whole = Buffer.from(one.data, 'base64');
    const width = whole.readUInt32BE(16);
    const height = whole.readUInt32BE(20);
    expect(one.tiled).toBe(false);
    expect(height).toBeGreaterThan(2 * width);
    // A canvas no taller than the image is wide: strips of `width` rows, painted and encoded in the raster workers.
    const cut = await page.evaluate(([text, opts, side]) => window.touchmapExport!(text, { ...opts, maxCanvasSide: side }), [fileText, options, width] as const);
    expect(cut.tiled).toBe(true);
    const joined = Buffer.from(cut.data, 'base64');
    const chunks = pngChunks(joined);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    expect(chunks.map((c) => c.type).filter((t) => t !== 'IDAT')).toEqual(['IHDR', 'IEND']);
    // Chromium's own 4 KB chunks, carried over from the strips' files as they were.
    expect(chunks.filter((c) => c.type === 'IDAT' && c.data.length === 4096).length).toBeGreaterThan(100);
    const a = pngPixels(whole);
    const b = pngPixels(joined);
    expect([b.width, b.height]).toEqual([a.width, a.height]);
    // The same picture: a long curve is stroked only where it crosses a strip (cut from the curve
    // exactly), so its antialiased rim may differ by a shade; nothing else does.
    let differing = 0;
    let far = 0;
    for (let i = 0; i < a.rgba.length; i += 4) {
      const d = Math.max(Math.abs(a.rgba[i]! - b.rgba[i]!), Math.abs(a.rgba[i + 1]! - b.rgba[i + 1]!), Math.abs(a.rgba[i + 2]! - b.rgba[i + 2]!), Math.abs(a.rgba[i + 3]! - b.rgba[i + 3]!));
      if (d > 8) differing++;
      if (d > 160) far++;
    }
    const pixels = a.rgba.length / 4;
    console.log(`strips against one canvas: ${((100 * differing) / pixels).toFixed(3)} % of ${pixels} pixels differ by more than 8, ${far} by more than 160`);
    expect(differing / pixels).toBeLessThan(0.01);
    expect(far).toBe(0);
  });
});

test.describe('PDF words against the drawing', () => {
  // Every label of the multilingual map, in all four scripts, with the title block and legend.
  const fileText = serializeTouchmapFile([MULTILINGUAL], EXPORTED_AT);
  const options = { titleBlock: true, legend: true, chains: true, background: 'white', date: '1 January 2026' };

  test('each label of the print document (File ▸ Print, and PDFs with the appendix) sits where the SVG export draws it, to a fraction of a pixel', async ({ page }) => {
    await page.goto('/export.html');
    await page.waitForFunction(() => typeof window.touchmapExport === 'function');
    const [svg, pdf] = await page.evaluate(
      async ([text, opts]) => [await window.touchmapExport!(text, { ...opts, format: 'svg' }), await window.touchmapExport!(text, { ...opts, format: 'pdf', pageMode: 'fit', printDocument: true })],
      [fileText, options] as const,
    );
    // The print document as Chromium prints it, the SVG export's text laid in it at scale 1 (same fonts).
    await page.setContent(pdf.data, { waitUntil: 'load' });
    const placed = await page.evaluate(async (svgText) => {
      const holder = document.createElement('div');
      holder.style.cssText = 'position:absolute;left:0;top:0';
      holder.innerHTML = svgText.replace(/^<\?xml[^>]*>\s*/, '');
      document.body.append(holder);
      await document.fonts.ready;
      // SVG: each run's pen at its first character and after its last, on the baseline (drawing px).
      const texts = [...holder.querySelectorAll('text')].map((t) => {
        const start = t.getStartPositionOfChar(0);
        const end = t.getEndPositionOfChar(t.getNumberOfChars() - 1);
        return { text: t.textContent, left: start.x, right: end.x, baseline: start.y };
      });
      // HTML: the text's extent, and its baseline from an empty inline-block (whose bottom sits on it).
      const layer = document.querySelector<HTMLElement>('.labels')!;
      const origin = layer.getBoundingClientRect();
      const scale = origin.width / layer.offsetWidth;
      const labels = [...layer.querySelectorAll('i')].map((label) => {
        const range = document.createRange();
        range.selectNodeContents(label);
        const box = range.getBoundingClientRect();
        const mark = document.createElement('span');
        mark.style.cssText = 'display:inline-block;width:0;height:0';
        label.append(mark);
        const baseline = mark.getBoundingClientRect().bottom;
        return { text: label.textContent, left: (box.left - origin.left) / scale, right: (box.right - origin.left) / scale, baseline: (baseline - origin.top) / scale };
      });
      return { labels, texts };
    }, svg.data);
    expect(placed.labels.length).toBeGreaterThan(40);
    expect(placed.labels.map((l) => l.text)).toEqual(placed.texts.map((t) => t.text));
    const misplaced = placed.labels.flatMap((label, i) => {
      const text = placed.texts[i]!;
      const worst = Math.max(...(['left', 'right', 'baseline'] as const).map((side) => Math.abs(label[side] - text[side])));
      return worst > 0.25 ? [{ text: label.text, worst, html: label, svg: text }] : [];
    });
    expect(misplaced).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The dialog in the app.
// ---------------------------------------------------------------------------------------------

test('the export dialog shows the size that will come out, previews the map, and downloads it', async ({ page }) => {
  await page.goto('/');
  await createMap(page, 'Dialog <b>cafe</b>');
  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'Export preview' })).toBeVisible();
  await dialog.getByRole('radio', { name: 'PNG' }).check();
  await dialog.getByLabel('Scale').selectOption('3');
  await expect(dialog.getByTestId('export-size')).toContainText(/[\d,]+ × [\d,]+ px/);
  await page.screenshot({ path: `${SCREENSHOTS}/export-dialog-png.png` });
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await dialog.getByLabel('Pages').selectOption('poster');
  await expect(dialog.getByTestId('export-size')).toContainText(/page/);
  await page.screenshot({ path: `${SCREENSHOTS}/export-dialog-pdf.png` });
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Dialog b cafe b.svg');
  const svg = readFileSync((await download.path())!, 'utf8');
  expect(svg).toContain('Dialog &lt;b&gt;cafe&lt;/b&gt;');
  await expect(dialog).toBeHidden();

  // the next export starts where this one left off, also after a restart
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Dialog <b>cafe</b>' })).toBeVisible();
  await page.keyboard.press(`${mod}+e`);
  await expect(dialog.getByRole('radio', { name: 'SVG' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await expect(dialog.getByLabel('Pages')).toHaveValue('poster');
});

test('under the desktop app’s Content-Security-Policy an SVG export still subsets its fonts (WebAssembly allowed, no JS eval)', async ({ page }) => {
  // The desktop app serves every page with APP_CSP (electron/main/security/csp.ts); the preview
  // server sends none, so the page gets the same header here. The font subsetter is WebAssembly.
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': APP_CSP } });
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (event) => seen.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}:${event.columnNumber}`));
  });
  await page.goto('/');
  await createMap(page, 'ウェブサイト clinic');
  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await dialog.getByRole('radio', { name: 'SVG' }).check();
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const svg = readFileSync((await (await downloading).path())!, 'utf8');
  expect(svg).toContain('ウェブサイト clinic');
  expect(svg).toContain('data:font/woff;'); // subsets are WOFF; a whole bundled piece would be WOFF2
  expect(svg).not.toContain('data:font/woff2');
  // Chromium reports blocked WebAssembly as "wasm-eval". (zod's own probe for JS eval, caught by
  // zod, shows as "eval" and is expected: the policy forbids eval.)
  const violations = await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
  expect(violations.filter((v) => v.includes('wasm-eval'))).toEqual([]);
});

test('the export dialog offers a slide frame for every picture format and a PDF orientation that defaults to the map’s shape', async ({ page }) => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await page.evaluate(() => localStorage.removeItem('touchmap.export.options'));
    await createMap(page, `Slides ${viewport.width}`);
    await page.keyboard.press(`${mod}+e`);
    const dialog = page.getByRole('dialog', { name: 'Export map' });
    await dialog.getByRole('radio', { name: 'PDF' }).check();
    await expect(dialog.getByLabel('Orientation')).toHaveValue('auto');
    await dialog.getByLabel('Slide frame').selectOption('16:9');
    await expect(dialog.getByLabel('Orientation')).toBeHidden();
    const [, w, h] = /([\d.]+) × ([\d.]+) in/.exec((await dialog.getByTestId('export-size').textContent()) ?? '') ?? [];
    expect(Number(w) / Number(h)).toBeCloseTo(16 / 9, 1);
    await page.screenshot({ path: `${SCREENSHOTS}/export-dialog-frame-${viewport.width}.png` });
    await dialog.getByRole('radio', { name: 'PNG' }).check();
    await dialog.getByLabel('Slide frame').selectOption('4:3');
    const [, pw, ph] = /([\d,]+) × ([\d,]+) px/.exec((await dialog.getByTestId('export-size').textContent()) ?? '') ?? [];
    expect(Number(pw!.replace(/,/g, '')) / Number(ph!.replace(/,/g, ''))).toBeCloseTo(4 / 3, 1);
    await page.keyboard.press('Escape');
  }
});

test('a stage selected on the map gets a slide of its own: its touchpoints, framed 16:9', async ({ page }) => {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    await page.setViewportSize(viewport);
    await openLibrary(page);
    await page.evaluate(() => localStorage.removeItem('touchmap.export.options'));
    await createMap(page, `Clinic slides ${viewport.width}`, 'Medical clinic');
    await stageGroup(page, 'offline', 'Purchase').click();
    await page.keyboard.press(`${mod}+e`);
    const dialog = page.getByRole('dialog', { name: 'Export map' });
    await dialog.getByRole('radio', { name: 'PNG' }).check();
    // Unframed there is no choice: a stage's slide is a slide.
    await expect(dialog.getByLabel('Slide shows')).toBeHidden();
    await dialog.getByLabel('Slide frame').selectOption('16:9');
    const scope = dialog.getByLabel('Slide shows');
    await expect(scope).toHaveValue('map');
    const sizeOf = async () => {
      const [, w, h] = /([\d,]+) × ([\d,]+) px/.exec((await dialog.getByTestId('export-size').textContent()) ?? '') ?? [];
      return { width: Number(w!.replace(/,/g, '')), height: Number(h!.replace(/,/g, '')) };
    };
    const whole = await sizeOf();
    await scope.selectOption({ label: 'Selected stage: Purchase' });
    await expect(dialog.getByTestId('export-size')).not.toContainText(`${whole.width.toLocaleString('en')} ×`);
    const stage = await sizeOf();
    expect(stage.width / stage.height).toBeCloseTo(16 / 9, 1);
    expect(stage.width).toBeLessThan(whole.width);
    await page.screenshot({ path: `${SCREENSHOTS}/export-dialog-stage-slide-${viewport.width}.png` });

    if (viewport.width === 1440) {
      const download = async () => {
        const downloading = page.waitForEvent('download');
        await dialog.getByRole('button', { name: 'Export', exact: true }).click();
        return readFileSync((await (await downloading).path())!);
      };
      const png = await download();
      expect(pngSize(png).width / pngSize(png).height).toBeCloseTo(16 / 9, 2);
      writeFileSync(join(SCREENSHOTS, 'export-stage-slide.png'), png);
      await page.keyboard.press(`${mod}+e`);
      await dialog.getByRole('radio', { name: 'SVG' }).check();
      await dialog.getByLabel('Slide shows').selectOption({ label: 'Selected stage: Purchase' });
      const svg = (await download()).toString('utf8');
      // The stage's touchpoints (the long one wraps), nothing of the other stages.
      for (const line of ['Purchase', 'Booking by phone', 'Talk with reception', 'Filling in the card and']) expect(svg.includes(`>${line}</text>`), line).toBe(true);
      for (const line of ['Context ad', 'Site page', 'Doctor’s consultation', 'Awareness', 'Experience']) expect(svg.includes(`>${line}</text>`), line).toBe(false);
      // The whole map's 16:9 PNG is another picture.
      await page.keyboard.press(`${mod}+e`);
      await dialog.getByRole('radio', { name: 'PNG' }).check();
      await dialog.getByLabel('Slide shows').selectOption('map');
      const wholePng = await download();
      expect(pngSize(wholePng).width).toBeGreaterThan(pngSize(png).width);
    }
    await page.keyboard.press('Escape');
  }
});
