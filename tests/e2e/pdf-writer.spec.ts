/**
 * The PDF writer against Chromium's printer: the same map, as the print document printed by
 * Chromium (what every PDF was before; still File ▸ Print and PDFs with the appendix) and as the
 * app's own writer writes it, rasterised by poppler at 50 dpi and compared pixel by pixel with
 * ImageMagick. Both draw the same shapes with the same fonts at the same places, so they differ
 * only where edges are antialiased and where the printer's text rendering differs from poppler's
 * by a fraction of a pixel.
 *
 * The bound: at most 1.5 % of a page's pixels differ by more than 10 % (compare -metric AE
 * -fuzz 10%). An A4 page at 50 dpi is 413 × 585 = 241,605 px; a map's labels and edges alone ink
 * 8–15 % of it, and their antialiased rims — a pixel either side of every stroke and glyph — are
 * what may differ. A missing label (a 60 × 10 px word at this size is 0.25 %), a missing node, a
 * shape in the wrong colour or a map shifted by a pixel or more exceeds it many times over.
 */
import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serializeTouchmapFile } from '../../shared/file-format';
import type { MapDoc } from '../../shared/model/types';
import { BY_LOCALE } from '../fixtures/export-maps';
import { SCREENSHOTS } from './driver';

const OUT = resolve('.tmp/pdf-writer-e2e');
/** See the header: the share of a page's pixels allowed to differ beyond the fuzz. */
const MAX_DIFFERING_SHARE = 0.015;

function tool(cmd: string, args: readonly string[]): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const HAS_TOOLS = tool('pdftoppm', ['-v']).status === 0 && tool('compare', ['-version']).status === 0;

/** Both PDFs of a map: Chromium's print of the print document, and the writer's file. */
async function bothPdfs(page: Page, doc: MapDoc, options: Record<string, unknown>, name: string): Promise<{ printed: string; written: string; pages: number }> {
  const fileText = serializeTouchmapFile([doc], '2026-01-01T00:00:00.000Z');
  const [html, file] = await page.evaluate(
    async ([text, opts]) => [await window.touchmapExport!(text, { ...opts, format: 'pdf', printDocument: true }), await window.touchmapExport!(text, { ...opts, format: 'pdf' })],
    [fileText, options] as const,
  );
  expect(file.pdf?.written, 'map pages alone come from the writer').toBe(true);
  expect(html.pdf?.written).toBeUndefined();
  mkdirSync(OUT, { recursive: true });
  const printer = await page.context().newPage();
  await printer.setContent(html.data, { waitUntil: 'load' });
  await printer.evaluate(() => document.fonts.ready);
  const printed = join(OUT, `${name}-printed.pdf`);
  writeFileSync(printed, await printer.pdf({ width: `${html.pdf!.widthIn}in`, height: `${html.pdf!.heightIn}in`, margin: { top: '0in', right: '0in', bottom: '0in', left: '0in' }, printBackground: true, preferCSSPageSize: true }));
  await printer.close();
  const written = join(OUT, `${name}-written.pdf`);
  writeFileSync(written, Buffer.from(file.data, 'base64'));
  return { printed, written, pages: file.pdf!.pages };
}

/** The pages of a PDF as PNGs at 50 dpi, in order. */
function rasterise(pdf: string, prefix: string): string[] {
  const run = tool('pdftoppm', ['-png', '-r', '50', pdf, join(OUT, prefix)]);
  expect(run.status, run.stderr).toBe(0);
  return readdirSync(OUT)
    .filter((f) => f.startsWith(`${prefix}-`) && f.endsWith('.png'))
    .sort()
    .map((f) => join(OUT, f));
}

/** Pixels differing by more than 10 %, and the page's pixel count. */
function differing(a: string, b: string, diff: string): { count: number; total: number } {
  const run = tool('compare', ['-metric', 'AE', '-fuzz', '10%', a, b, diff]);
  // compare exits 1 when the images differ, 2 on an error (sizes that do not match).
  expect(run.status, `compare ${a} ${b}: ${run.stderr}`).not.toBe(2);
  const size = tool('identify', ['-format', '%w %h', a]).stdout.split(' ').map(Number);
  return { count: Number(run.stderr.trim().split(/\s/)[0]), total: (size[0] as number) * (size[1] as number) };
}

const CASES = [
  { name: 'en-fit', doc: BY_LOCALE[0] as MapDoc, options: { pageMode: 'fit', paper: 'a4', orientation: 'landscape', background: 'white' } },
  { name: 'en-poster', doc: BY_LOCALE[0] as MapDoc, options: { pageMode: 'poster', paper: 'a4', orientation: 'portrait', background: 'white' } },
  { name: 'ja-fit-dark', doc: BY_LOCALE[3] as MapDoc, options: { pageMode: 'fit', paper: 'a4', orientation: 'landscape', background: 'dark' } },
  { name: 'ja-poster-dark', doc: BY_LOCALE[3] as MapDoc, options: { pageMode: 'poster', paper: 'a4', orientation: 'portrait', background: 'dark' } },
] as const;

test.describe('the PDF writer draws what Chromium printed', () => {
  test.skip(!HAS_TOOLS, 'needs poppler-utils (pdftoppm) and ImageMagick (compare): apt-get install poppler-utils imagemagick');

  for (const { name, doc, options } of CASES) {
    test(`${name}: every page matches the printed page but for antialiased edges`, async ({ page }) => {
      await page.goto('/export.html');
      await page.waitForFunction(() => typeof window.touchmapExport === 'function');
      const both = await bothPdfs(page, doc, { titleBlock: true, legend: true, chains: true, date: '1 January 2026', ...options }, name);
      const printed = rasterise(both.printed, `${name}-printed`);
      const written = rasterise(both.written, `${name}-written`);
      expect(written.length).toBe(both.pages);
      expect(written.length).toBe(printed.length);
      mkdirSync(SCREENSHOTS, { recursive: true });
      const shares = written.map((file, i) => {
        const { count, total } = differing(printed[i] as string, file, join(SCREENSHOTS, `pdf-writer-${name}-diff-${i + 1}.png`));
        return count / total;
      });
      for (const [i, file] of written.entries()) tool('cp', [file, join(SCREENSHOTS, `pdf-writer-${name}-${i + 1}.png`)]);
      for (const [i, file] of printed.entries()) tool('cp', [file, join(SCREENSHOTS, `pdf-printed-${name}-${i + 1}.png`)]);
      console.log(`${name}: differing share per page ${shares.map((s) => (s * 100).toFixed(2) + ' %').join(', ')}`);
      for (const share of shares) expect(share).toBeLessThanOrEqual(MAX_DIFFERING_SHARE);
    });
  }
});
