/**
 * One bundled font face made ready to travel inside an SVG or a PDF: read from the app's own
 * WOFF file, cut down to the characters the map draws, named for the weight its glyphs are
 * drawn at, and packed again as WOFF.
 *
 * Loaded on demand (fonts.ts imports it when an SVG or PDF is made), so neither this nor the
 * subsetter's wasm is in the first bundle.
 *
 * Why WOFF and not WOFF2: the renderer has no Brotli (Chromium's CompressionStream offers only
 * gzip and deflate) and the one WOFF2 encoder on npm (wawoff2) compiles its wasm with `new Function`,
 * which the app's CSP refuses; WOFF's zlib is the browser's own. Subsetting is what makes the file
 * small: the clinic's Japanese glyphs go from whole unicode-range pieces to the few hundred it uses.
 */
import wasmUrl from '../../../../../../node_modules/harfbuzzjs/dist/harfbuzz-subset.wasm?url';
import { unzlibSync, zlibSync } from 'fflate';
import { instantiateSubsetter, subsetSfnt, type HarfBuzzSubset } from './hb-subset';
import { faceNames, renameFace, sfntToWoff, weightClass, woffToSfnt, type Zlib } from './sfnt';

/** A face to embed: the family the drawing names, the weight the CSS declares it at, and its WOFF file. */
export interface FaceToPack {
  readonly family: string;
  readonly weight: number;
  readonly woffUrl: string;
}

export interface PackedFace {
  /** A data: URL of the WOFF. */
  readonly dataUrl: string;
  /** Bytes of the WOFF. */
  readonly bytes: number;
  /** False when the subsetter could not run here (then the whole face travels, renamed all the same). */
  readonly subset: boolean;
}

// zlib in the page's thread, not the browser's streams: a face's tables are small (a few KB each,
// ~15 a face, 40-odd faces a map) and a stream per table cost far more in Blobs, Responses and
// promise hops than the compression itself — ~0.4 s of a 2,000-topic PDF.
const inflate: Zlib = async (bytes) => unzlibSync(bytes);
const deflate: Zlib = async (bytes) => zlibSync(bytes, { level: 6 });

const sfntCache = new Map<string, Promise<Uint8Array>>();
let subsetter: Promise<HarfBuzzSubset | null> | undefined;

/** The face's whole font, read once per session. */
function sfntOf(url: string): Promise<Uint8Array> {
  let pending = sfntCache.get(url);
  if (!pending) {
    pending = (async () => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`The bundled font ${url} could not be read (HTTP ${response.status}).`);
      return woffToSfnt(new Uint8Array(await response.arrayBuffer()), inflate);
    })();
    sfntCache.set(url, pending);
    pending.catch(() => sfntCache.delete(url));
  }
  return pending;
}

/**
 * The subsetter, or null where wasm may not run (a CSP without 'wasm-unsafe-eval'): the export
 * then carries whole faces, as it did before there was a subsetter, rather than failing.
 */
function loadSubsetter(): Promise<HarfBuzzSubset | null> {
  subsetter ??= (async () => {
    try {
      const response = await fetch(wasmUrl);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      return await instantiateSubsetter(await response.arrayBuffer());
    } catch (error) {
      console.warn(`Fonts are embedded whole: the font subsetter could not load (${error instanceof Error ? error.message : String(error)}).`);
      return null;
    }
  })();
  return subsetter;
}

function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * The face with only `codePoints`' glyphs, named "<family> <weight word>", as a WOFF data: URL.
 * @example const { dataUrl } = await packFace({ family: 'Noto Sans JP', weight: 400, woffUrl }, new Set([0x4e88]));
 */
export async function packFace(face: FaceToPack, codePoints: ReadonlySet<number>): Promise<PackedFace> {
  const whole = await sfntOf(face.woffUrl);
  const hb = await loadSubsetter();
  const cut = hb ? subsetSfnt(hb, whole, codePoints) : whole;
  // The weight the glyphs are drawn at (OS/2), not the one the CSS declares: the names must say what prints.
  const named = renameFace(cut, faceNames(face.family, weightClass(cut) ?? face.weight));
  const woff = await sfntToWoff(named, deflate);
  return { dataUrl: `data:font/woff;base64,${base64(woff)}`, bytes: woff.length, subset: hb !== null };
}

/**
 * The face's TrueType font cut down to `codePoints` (the whole face where the subsetter cannot
 * run): what the PDF writer embeds as /FontFile2 (pdf/writer/pdf-fonts.ts).
 * @example const ttf = await subsetFaceFile(woffUrl, new Set([0x4e88]));
 */
export async function subsetFaceFile(woffUrl: string, codePoints: ReadonlySet<number>): Promise<Uint8Array> {
  const whole = await sfntOf(woffUrl);
  const hb = await loadSubsetter();
  return hb ? subsetSfnt(hb, whole, codePoints, { forPdf: true }) : whole;
}
