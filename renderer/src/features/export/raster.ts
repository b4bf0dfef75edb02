/**
 * PNG and JPEG: the export SVG (svg-renderer.ts) rasterised in the browser at 1–4×.
 *
 * Why the text is painted separately: an SVG drawn as an image lives in its own document that
 * cannot see the page's fonts, and web fonts embedded in it load AFTER the image reports loaded —
 * labels then come out blank (we saw exactly that). So the shapes are drawn from the SVG without
 * its `<text>`, and every text run of the same drawing is painted on top with canvas `fillText`,
 * which uses the page's bundled fonts once `document.fonts.load` has them: same positions, same
 * fonts, deterministic.
 *
 * Why tiles: Chromium refuses canvases over 32,767 px a side or ~268 M pixels, and a canvas past
 * the limit draws BLANK without an error — the classic broken big-map export. So an image that
 * does not fit one canvas is drawn in pieces, each an SVG whose viewBox is that piece (drawn
 * sharp from vectors, holding only the shapes that reach it). When the image is no wider than a
 * canvas, the pieces are full-width strips that the browser encodes as PNGs itself, joined into
 * one PNG without recompressing (png-stitch.ts): ~5× faster than deflating the pixels through
 * CompressionStream. Wider images are drawn in tiles whose rows are streamed into our own PNG
 * encoder (zlib through CompressionStream). JPEG has no such encoder here: the browser encodes it
 * from one canvas, so a JPEG past that canvas is scaled down — with a notice saying so.
 */
import { svgDocument, type SvgParts } from './svg-renderer';
import { loadFontsFor } from './fonts';
import { PngStitcher, StitchUnsupported } from './png-stitch';

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

async function loadSvgImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    image.src = url;
    await image.decode();
    return image;
  } finally {
    // The decoded image keeps its pixels; the URL is no longer needed.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

function canvas2d(width: number, height: number): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d', { willReadFrequently: false });
  if (!ctx) throw new Error(`The browser could not make a ${width} × ${height} px canvas.`);
  return { canvas, ctx };
}

/** Draws the part `view` (drawing px) of the map into a fresh canvas of w × h px. */
async function drawRegion(parts: SvgParts, view: { x: number; y: number; width: number; height: number }, w: number, h: number, opaque: string | null) {
  const image = await loadSvgImage(svgDocument(parts, { viewBox: view, pixelWidth: w, pixelHeight: h, textless: true, cull: true }));
  const { canvas, ctx } = canvas2d(w, h);
  if (opaque) {
    ctx.fillStyle = opaque;
    ctx.fillRect(0, 0, w, h);
  }
  ctx.drawImage(image, 0, 0, w, h);
  const sx = w / view.width;
  const sy = h / view.height;
  ctx.setTransform(sx, 0, 0, sy, -view.x * sx, -view.y * sy);
  ctx.textBaseline = 'alphabetic';
  // Chromium picks Japanese or Korean glyph forms of shared ideographs by the canvas's language.
  canvas.lang = parts.lang;
  (ctx as CanvasRenderingContext2D & { lang?: string }).lang = parts.lang;
  for (const run of parts.runs) {
    // Skip runs far outside this tile (a 4,096 px tile of a 2,000-touchpoint map holds few of them).
    if (run.y < view.y - 40 || run.y > view.y + view.height + 40) continue;
    ctx.font = `${run.weight} ${run.size}px ${parts.fontFamily}`;
    ctx.fillStyle = run.fill;
    ctx.textAlign = run.anchor === 'middle' ? 'center' : run.anchor === 'end' ? 'right' : 'left';
    ctx.fillText(run.text, run.x, run.y);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
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
  await loadFontsFor(parts.text);
  const sx = plan.width / parts.width;
  const sy = plan.height / parts.height;
  // JPEG has no alpha: a transparent export is laid on white.
  const opaque = options.format === 'jpeg' ? (parts.backgroundColor ?? '#ffffff') : null;
  const notice = plan.notice;
  if (!plan.tiled) {
    options.onProgress?.(0, 1);
    const { canvas } = await drawRegion(parts, { x: 0, y: 0, width: parts.width, height: parts.height }, plan.width, plan.height, opaque);
    const blob = await toBlob(canvas, options.format === 'png' ? 'image/png' : 'image/jpeg', options.quality ?? 0.92);
    options.onProgress?.(1, 1);
    return { blob, width: plan.width, height: plan.height, scale: plan.scale, tiled: false, ...(notice ? { notice } : {}) };
  }

  const tile = options.tileSide ?? TILE_SIDE;
  if (plan.width <= (options.maxCanvasSide ?? MAX_CANVAS_SIDE)) {
    try {
      const blob = await stitchedStrips(parts, plan, Math.max(1, Math.min(options.maxCanvasSide ?? MAX_CANVAS_SIDE, Math.floor((tile * tile) / plan.width))), options.onProgress);
      return { blob, width: plan.width, height: plan.height, scale: plan.scale, tiled: true, ...(notice ? { notice } : {}) };
    } catch (error) {
      // The browser's PNGs were not laid out as the stitcher expects: our own encoder, slower but sure.
      if (!(error instanceof StitchUnsupported)) throw error;
    }
  }
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
      const { ctx } = await drawRegion(parts, { x: left / sx, y: top / sy, width: w / sx, height: h / sy }, w, h, opaque);
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
 * Full-width strips of `rows` px, each encoded by the browser (toBlob) while the next one draws,
 * joined into one PNG (png-stitch.ts).
 */
async function stitchedStrips(
  parts: SvgParts,
  plan: { width: number; height: number },
  rows: number,
  onProgress: ((done: number, total: number) => void) | undefined,
): Promise<Blob> {
  const sx = plan.width / parts.width;
  const sy = plan.height / parts.height;
  const total = Math.ceil(plan.height / rows);
  const stitcher = new PngStitcher(plan.width);
  let pending: { blob: Promise<Blob>; canvas: HTMLCanvasElement; rows: number } | null = null;
  let done = 0;
  const join = async (strip: NonNullable<typeof pending>) => {
    const bytes = new Uint8Array(await (await strip.blob).arrayBuffer());
    strip.canvas.width = 0; // frees its pixels now rather than at the next GC
    stitcher.add(bytes, strip.rows);
    onProgress?.(++done, total);
  };
  onProgress?.(0, total);
  for (let top = 0; top < plan.height; top += rows) {
    const h = Math.min(rows, plan.height - top);
    const { canvas } = await drawRegion(parts, { x: 0, y: top / sy, width: plan.width / sx, height: h / sy }, plan.width, h, null);
    // toBlob snapshots the canvas now and encodes it natively; the previous strip joins meanwhile.
    const strip = { blob: toBlob(canvas, 'image/png'), canvas, rows: h };
    if (pending) await join(pending);
    pending = strip;
  }
  if (pending) await join(pending);
  const output: BlobPart[] = [new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr(plan.width, plan.height))];
  for (const piece of stitcher.finish()) output.push(chunk('IDAT', piece));
  output.push(chunk('IEND', new Uint8Array(0)));
  return new Blob(output, { type: 'image/png' });
}

// ---------------------------------------------------------------------------------------------
// A streaming PNG encoder: 8-bit RGBA, no filtering, one IDAT per deflate chunk.
// ---------------------------------------------------------------------------------------------

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

function crc32(parts: readonly Uint8Array[]): number {
  let c = 0xffffffff;
  for (const bytes of parts) for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  const typeBytes = new TextEncoder().encode(type);
  out.set(typeBytes, 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32([typeBytes, data]));
  return out;
}

function ihdr(width: number, height: number): Uint8Array {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  return header;
}

/** Writes a PNG from rows of tiles without ever holding the whole image. */
export class PngStreamEncoder {
  private readonly output: BlobPart[] = [];
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly reading: Promise<void>;

  constructor(
    private readonly width: number,
    height: number,
  ) {
    this.output.push(new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr(width, height)));
    const stream = new CompressionStream('deflate');
    this.writer = stream.writable.getWriter();
    this.reading = (async () => {
      const reader = stream.readable.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (value && value.length > 0) this.output.push(chunk('IDAT', value as Uint8Array<ArrayBuffer>));
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
    this.output.push(chunk('IEND', new Uint8Array(0)));
    return new Blob(this.output, { type: 'image/png' });
  }
}
