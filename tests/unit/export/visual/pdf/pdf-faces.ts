/**
 * The bundled faces as the PDF writer's tests see them: the same Fontsource `@font-face` rules the
 * app imports (main.tsx, export-entry.ts), read from node_modules, and the same subsetter, run from
 * disk; and poppler's tools, which read back what the writer wrote.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { inflateSync } from 'node:zlib';
import { parseUnicodeRange } from '../../../../../renderer/src/features/export/visual/fonts/fonts';
import { woffToSfnt } from '../../../../../renderer/src/features/export/visual/fonts/sfnt';
import { instantiateSubsetter, subsetSfnt, type HarfBuzzSubset } from '../../../../../renderer/src/features/export/visual/fonts/hb-subset';
import type { FaceLoader, FaceRule } from '../../../../../renderer/src/features/export/visual/pdf/writer/pdf-fonts';

const require = createRequire(import.meta.url);

/** The style sheets the app imports. */
const SHEETS = ['@fontsource/noto-sans/400.css', '@fontsource/noto-sans/600.css', '@fontsource/noto-sans-kr/400.css', '@fontsource/noto-sans-jp/400.css'];

/** Every bundled face with its WOFF file's path. */
export function bundledRules(): FaceRule[] {
  const rules: FaceRule[] = [];
  for (const sheet of SHEETS) {
    const path = require.resolve(sheet);
    const css = readFileSync(path, 'utf8');
    for (const block of css.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const family = /font-family:\s*'([^']+)'/.exec(block)?.[1];
      const weight = Number(/font-weight:\s*(\d+)/.exec(block)?.[1] ?? 400);
      const woff = /url\(([^)]+\.woff)\)/.exec(block)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1] ?? '';
      if (!family || !woff) continue;
      rules.push({ family, weight, ranges: parseUnicodeRange(range), url: resolve(dirname(path), woff) });
    }
  }
  return rules;
}

let hb: Promise<HarfBuzzSubset> | undefined;

/** Reads a face from disk and cuts it to the code points, as the app's subsetFaceFile does. */
export const diskLoader: FaceLoader = async (url, codePoints) => {
  hb ??= instantiateSubsetter(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
  const sfnt = await woffToSfnt(new Uint8Array(readFileSync(url)), async (b) => new Uint8Array(inflateSync(b)));
  return subsetSfnt(await hb, sfnt, codePoints, { forPdf: true });
};

/** Whether poppler-utils (pdftotext, pdffonts, pdfinfo, pdftoppm) are installed; CI installs them (.ci/run). */
export const HAS_POPPLER = spawnSync('pdftotext', ['-v']).status === 0;
export const NO_POPPLER = 'poppler-utils is not installed (pdftotext, pdffonts, pdfinfo): apt-get install poppler-utils to run these checks';

/** Runs a poppler tool on PDF bytes given on stdin ('-'), returning its output. */
export function poppler(tool: 'pdftotext' | 'pdffonts' | 'pdfinfo', bytes: Uint8Array, args: readonly string[] = []): string {
  const fileArgs = tool === 'pdftotext' ? [...args, '-', '-'] : [...args, '-'];
  return execFileSync(tool, fileArgs, { input: bytes, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
