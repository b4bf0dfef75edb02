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
 * the page. Wider images are drawn in tiles whose rows are streamed into our own PNG encoder
 * (png-stream-encoder.ts, strip-deflate.ts). How big the image comes out, and when it is
 * scaled down, is decided first (raster-plan.ts). JPEG has no such encoder here: the browser encodes it from one
 * canvas, so a JPEG past that canvas is scaled down — with a notice saying so.
 */
import { EXPORT_FORMAT_INFO } from '@shared/export-formats';
import type { SvgParts } from '../svg/svg-renderer';
import { bundledFaceFiles, loadFontsFor } from '../fonts/fonts';
import { StitchUnsupported } from './png-stitch';
import { PngStreamEncoder } from './png-stream-encoder';
import { MAX_CANVAS_SIDE, rasterPlan, TILE_SIDE, type RasterFormat } from './raster-plan';
import { paintView, stripScene, type PaintContext, type StripScene, type View } from './strip-painter';
import { frameStripFile, paintStrip, StripJoiner, stripJobs, type HeldStrip, type StripJob } from './strip-encoder';
import { encodeInWorkers, stripWorkersSupported, WorkersUnavailable } from './strip-workers';

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
    const blob = await toBlob(canvas, EXPORT_FORMAT_INFO[options.format].mimeType, options.quality ?? 0.92);
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
  let joiner = new StripJoiner(plan.width, plan.height, jobs.length);
  onProgress?.(0, jobs.length);
  const stripDone = (strip: HeldStrip) => {
    joiner.add(strip);
    onProgress?.(++done, jobs.length);
  };
  if (stripWorkersSupported()) {
    try {
      const faces = bundledFaceFiles(scene.runs.map((run) => run.text).join('\n'), scene.fontFamily);
      await encodeInWorkers(scene, faces, jobs, stripDone);
      return joiner.finish();
    } catch (error) {
      if (!(error instanceof WorkersUnavailable)) throw error;
      // No worker could start (a policy, an old browser): the page does it all, as before.
      done = 0;
      joiner = new StripJoiner(plan.width, plan.height, jobs.length);
      onProgress?.(0, jobs.length);
    }
  }
  await pageFonts();
  await encodeOnPage(scene, jobs, stripDone);
  return joiner.finish();
}

/** The strips on the page: each one's PNG encodes (toBlob) while the next one paints. */
async function encodeOnPage(scene: StripScene, jobs: readonly StripJob[], onStrip: (strip: HeldStrip) => void): Promise<void> {
  let pending: { job: StripJob; canvas: HTMLCanvasElement; png: Promise<Blob> } | null = null;
  const frame = async ({ job, canvas, png }: NonNullable<typeof pending>) => {
    const file = await png;
    canvas.width = 0; // frees its pixels now rather than at the next GC
    onStrip(await frameStripFile(file, job));
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
}
