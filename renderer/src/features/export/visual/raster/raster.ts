/**
 * PNG and JPEG: the export drawing (svg-renderer.ts) rasterised in the browser at 1–4×.
 *
 * Why canvas operations, not the SVG drawn as an image: an SVG image lives in its own document
 * that cannot see the page's fonts (web fonts embedded in it load AFTER the image reports loaded —
 * labels came out blank), and parsing an SVG image per piece was most of a big export's drawing
 * time. So the shapes are painted from their canvas form (ShapeItem.draws: the same geometry and
 * paint as the markup, through Path2D) and every text run on top with `fillText` in the bundled
 * fonts once they are loaded: same positions, same fonts, deterministic (strip-painter.ts).
 *
 * Why pieces: Chromium refuses canvases over 32,767 px a side or ~268 M pixels, and a canvas past
 * the limit draws BLANK without an error — the classic broken big-map export. So an image that
 * does not fit one canvas is drawn in pieces, each sharp from vectors. When the image is no wider
 * than a canvas, the pieces are full-width strips that the browser encodes as PNGs itself, joined
 * into one PNG without recompressing (png-stitch.ts, strip-encoder.ts) — painted, encoded and
 * framed in raster workers, one per core, where the browser has them (strip-workers.ts), else on
 * the page. Wider images are drawn in tiles whose rows are streamed into our own PNG encoder (zlib
 * through CompressionStream). JPEG has no such encoder here: the browser encodes it from one
 * canvas, so a JPEG past that canvas is scaled down — with a notice saying so.
 */
import type { SvgParts } from '../svg/svg-renderer';
import { bundledFaceSources, loadFontsFor } from '../fonts/fonts';
import { StitchUnsupported } from './png-stitch';
import { chunk, ihdrChunk, PNG_SIGNATURE } from './png-chunks';
import { paintView, stripScene, type PaintContext, type StripScene, type View } from './strip-painter';
import { frameStrip, joinStrips, paintStrip, stripJobs, type EncodedStrip, type StripJob } from './strip-encoder';
import { encodeInWorkers, stripWorkersSupported, WorkersUnavailable } from './strip-workers';

export type RasterFormat = 'png' | 'jpeg';

/** One canvas can hold this much (Chromium: 32,767 a side and 268 M pixels; we stay well inside). */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 16_384 * 16_384;
/** Tile side for images past one canvas. */
export const TILE_SIDE = 4_096;
/** A PNG this big (raw RGBA ~2 GB) is more than the app can assemble in memory; larger ones scale down. */
export const MAX_PNG_PIXELS = 500_000_000;

export interface RasterOptions {
  readonly format: RasterFormat;
  /** 1–4. */
  readonly scale: number;
  /** JPEG quality 0–1 (default 0.92). */
  readonly quality?: number;
  /** Called after each tile: done of total. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Test hooks: smaller limits exercise the tiled path with small maps. */
  readonly maxCanvasSide?: number;
  readonly tileSide?: number;
}

export interface RasterResult {
  readonly blob: Blob;
  readonly width: number;
  readonly height: number;
  /** The scale actually used (lower than asked only with a notice). */
  readonly scale: number;
  readonly tiled: boolean;
  readonly notice?: string;
}

/**
 * The pixel size and scale an export will come out at, and why it differs from the ask.
 * @example rasterPlan(1000, 800, 2, 'png') // { width: 2000, height: 1600, scale: 2, tiled: false }
 */
export function rasterPlan(
  width: number,
  height: number,
  scale: number,
  format: RasterFormat,
  limits: { readonly maxCanvasSide?: number } = {},
): { width: number; height: number; scale: number; tiled: boolean; notice?: string } {
  if (!Number.isFinite(scale) || scale < 1 || scale > 4) throw new RangeError(`The scale must be 1–4; got ${scale}.`);
  const side = limits.maxCanvasSide ?? MAX_CANVAS_SIDE;
  const area = Math.min(MAX_CANVAS_AREA, side * side);
  const size = (s: number) => ({ width: Math.max(1, Math.ceil(width * s)), height: Math.max(1, Math.ceil(height * s)) });
  const wanted = size(scale);
  const fitsCanvas = (w: number, h: number) => w <= side && h <= side && w * h <= area;
  if (format === 'jpeg') {
    if (fitsCanvas(wanted.width, wanted.height)) return { ...wanted, scale, tiled: false };
    const s = Math.min(scale, (side - 1) / width, (side - 1) / height, Math.sqrt(area / (width * height))) * 0.999;
    const got = size(s);
    return {
      ...got,
      scale: s,
      tiled: false,
      notice: `At ${scale}× this map is ${wanted.width} × ${wanted.height} px; a JPEG is encoded from one browser canvas (at most ${side} px a side), so it was scaled to ${s.toFixed(2)}× (${got.width} × ${got.height} px). PNG keeps the full size.`,
    };
  }
  if (wanted.width * wanted.height <= MAX_PNG_PIXELS) return { ...wanted, scale, tiled: !fitsCanvas(wanted.width, wanted.height) };
  const s = Math.sqrt(MAX_PNG_PIXELS / (width * height)) * 0.999;
  const got = size(s);
  return {
    ...got,
    scale: s,
    tiled: !fitsCanvas(got.width, got.height),
    notice: `At ${scale}× this map would be ${wanted.width} × ${wanted.height} px, more than the ${MAX_PNG_PIXELS / 1e6} million pixels Touchmap can assemble; it was scaled to ${s.toFixed(2)}× (${got.width} × ${got.height} px). PDF poster pages keep it vector at any size.`,
  };
}

function canvas2d(width: number, height: number, lang: string): { canvas: HTMLCanvasElement; ctx: PaintContext } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  // Chromium picks Japanese or Korean glyph forms of shared ideographs by the canvas's language.
  canvas.lang = lang;
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx) throw new Error(`The browser could not make a ${width} × ${height} px canvas.`);
  return { canvas, ctx };
}

/** Paints the part `view` (drawing px) of the map into a fresh canvas of w × h px on the page. */
function drawRegion(scene: StripScene, view: View, w: number, h: number, opaque: string | null) {
  const { canvas, ctx } = canvas2d(w, h, scene.lang);
  paintView(ctx, scene, view, w, h, opaque);
  return { canvas, ctx };
}

const nextFrame = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function toBlob(canvas: HTMLCanvasElement, type: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(`The browser could not encode a ${canvas.width} × ${canvas.height} px ${type}.`))), type, quality),
  );
}

/**
 * Rasterises the export drawing.
 * @example const { blob, width, height } = await rasterize(parts, { format: 'png', scale: 2 });
 */
export async function rasterize(parts: SvgParts, options: RasterOptions): Promise<RasterResult> {
  const plan = rasterPlan(parts.width, parts.height, options.scale, options.format, { maxCanvasSide: options.maxCanvasSide });
  const scene = stripScene(parts);
  // Painting on the page needs the page's fonts loaded; the raster workers load their own.
  let fonts: Promise<void> | null = null;
  const pageFonts = () => (fonts ??= loadFontsFor(parts.text));
  const sx = plan.width / parts.width;
  const sy = plan.height / parts.height;
  // JPEG has no alpha: a transparent export is laid on white.
  const opaque = options.format === 'jpeg' ? (parts.backgroundColor ?? '#ffffff') : null;
  const notice = plan.notice;
  if (!plan.tiled) {
    await pageFonts();
    options.onProgress?.(0, 1);
    const { canvas } = drawRegion(scene, { x: 0, y: 0, width: parts.width, height: parts.height }, plan.width, plan.height, opaque);
    const blob = await toBlob(canvas, options.format === 'png' ? 'image/png' : 'image/jpeg', options.quality ?? 0.92);
    options.onProgress?.(1, 1);
    return { blob, width: plan.width, height: plan.height, scale: plan.scale, tiled: false, ...(notice ? { notice } : {}) };
  }

  const tile = options.tileSide ?? TILE_SIDE;
  if (plan.width <= (options.maxCanvasSide ?? MAX_CANVAS_SIDE)) {
    try {
      const rows = Math.max(1, Math.min(options.maxCanvasSide ?? MAX_CANVAS_SIDE, Math.floor((tile * tile) / plan.width)));
      const blob = await stitchedStrips(scene, plan, rows, pageFonts, options.onProgress);
      return { blob, width: plan.width, height: plan.height, scale: plan.scale, tiled: true, ...(notice ? { notice } : {}) };
    } catch (error) {
      // The browser's PNGs were not laid out as the stitcher expects: our own encoder, slower but sure.
      if (!(error instanceof StitchUnsupported)) throw error;
    }
  }
  await pageFonts();
  const columns = Math.ceil(plan.width / tile);
  const rows = Math.ceil(plan.height / tile);
  const total = columns * rows;
  const encoder = new PngStreamEncoder(plan.width, plan.height);
  let done = 0;
  options.onProgress?.(0, total);
  for (let row = 0; row < rows; row++) {
    const top = row * tile;
    const h = Math.min(tile, plan.height - top);
    const slices: ImageData[] = [];
    for (let col = 0; col < columns; col++) {
      const left = col * tile;
      const w = Math.min(tile, plan.width - left);
      const { ctx } = drawRegion(scene, { x: left / sx, y: top / sy, width: w / sx, height: h / sy }, w, h, opaque);
      slices.push(ctx.getImageData(0, 0, w, h));
      options.onProgress?.(++done, total);
      await nextFrame();
    }
    await encoder.addRows(slices, h);
  }
  const blob = await encoder.finish();
  return { blob, width: plan.width, height: plan.height, scale: plan.scale, tiled: true, ...(notice ? { notice } : {}) };
}

/**
 * Full-width strips of `rows` px, each painted and encoded by the browser and framed as its own
 * IDAT chunk (strip-encoder.ts) — in raster workers where the browser has them, else on the page —
 * and joined into one PNG.
 */
async function stitchedStrips(
  scene: StripScene,
  plan: { width: number; height: number },
  rows: number,
  pageFonts: () => Promise<void>,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<Blob> {
  const jobs = stripJobs(scene, plan, rows);
  let done = 0;
  onProgress?.(0, jobs.length);
  const stripDone = () => onProgress?.(++done, jobs.length);
  if (stripWorkersSupported()) {
    try {
      return joinStrips(plan.width, plan.height, await encodeInWorkers(scene, bundledFaceSources(), jobs, stripDone));
    } catch (error) {
      if (!(error instanceof WorkersUnavailable)) throw error;
      // No worker could start (a policy, an old browser): the page does it all, as before.
      done = 0;
      onProgress?.(0, jobs.length);
    }
  }
  await pageFonts();
  return joinStrips(plan.width, plan.height, await encodeOnPage(scene, jobs, stripDone));
}

/** The strips on the page: each one's PNG encodes (toBlob) while the next one paints. */
async function encodeOnPage(scene: StripScene, jobs: readonly StripJob[], onStrip: () => void): Promise<EncodedStrip[]> {
  const strips: EncodedStrip[] = [];
  let pending: { job: StripJob; canvas: HTMLCanvasElement; png: Promise<Blob> } | null = null;
  const frame = async ({ job, canvas, png }: NonNullable<typeof pending>) => {
    const bytes = new Uint8Array(await (await png).arrayBuffer());
    canvas.width = 0; // frees its pixels now rather than at the next GC
    strips.push(frameStrip(bytes, job));
    onStrip();
  };
  for (const job of jobs) {
    const { canvas, ctx } = canvas2d(job.width, job.rows, scene.lang);
    paintStrip(ctx, scene, job);
    // toBlob snapshots the canvas now and encodes it natively; the previous strip is framed meanwhile.
    const strip = { job, canvas, png: toBlob(canvas, 'image/png') };
    if (pending) await frame(pending);
    pending = strip;
    // Lets the page handle input between strips.
    await nextFrame();
  }
  if (pending) await frame(pending);
  return strips;
}

// ---------------------------------------------------------------------------------------------
// A streaming PNG encoder: 8-bit RGBA, no filtering, one IDAT per deflate chunk.
// ---------------------------------------------------------------------------------------------

/** Writes a PNG from rows of tiles without ever holding the whole image. */
export class PngStreamEncoder {
  private readonly output: BlobPart[] = [];
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly reading: Promise<void>;

  constructor(
    private readonly width: number,
    height: number,
  ) {
    this.output.push(PNG_SIGNATURE, ihdrChunk(width, height));
    const stream = new CompressionStream('deflate');
    this.writer = stream.writable.getWriter();
    this.reading = (async () => {
      const reader = stream.readable.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (value && value.length > 0) this.output.push(chunk('IDAT', [value as Uint8Array]));
      }
    })();
  }

  /** Adds `height` scanlines made of the tiles left to right. */
  async addRows(tiles: readonly ImageData[], height: number): Promise<void> {
    const stride = 1 + this.width * 4;
    // Up to 64 scanlines per write: big enough to be fast, small enough to stay light on memory.
    const batch = Math.max(1, Math.min(height, Math.floor((16 * 1024 * 1024) / stride)));
    for (let y0 = 0; y0 < height; y0 += batch) {
      const lines = Math.min(batch, height - y0);
      const buffer = new Uint8Array(lines * stride);
      for (let l = 0; l < lines; l++) {
        let at = l * stride + 1; // filter byte 0 = None
        for (const tile of tiles) {
          const rowBytes = tile.width * 4;
          const from = (y0 + l) * rowBytes;
          buffer.set(tile.data.subarray(from, from + rowBytes), at);
          at += rowBytes;
        }
      }
      await this.writer.write(buffer);
    }
  }

  async finish(): Promise<Blob> {
    await this.writer.close();
    await this.reading;
    this.output.push(chunk('IEND', []));
    return new Blob(this.output, { type: 'image/png' });
  }
}
