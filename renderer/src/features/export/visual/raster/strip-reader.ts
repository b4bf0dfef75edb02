/**
 * A painted strip → its segment of the PNG's zlib stream, with our encoder (strip-deflate.ts):
 * read back a band of rows at a time (the pixels are still in the CPU's cache when encoded), and
 * of each band only the columns that can hold ink (ink-spans.ts); the rest is the background the
 * strip was filled with. Runs in a raster worker (raster.worker.ts).
 */
import { inkSpans, type InkBox } from './ink-spans';
import { StripEncoder } from './strip-deflate';
import type { StripSegment } from './png-stitch';
import type { PaintContext } from './strip-painter';
import type { StripJob } from './strip-encoder';

/** Rows read back and encoded at a time: ~4 MB of a 4,000 px wide strip. */
export const BAND_ROWS = 256;
/** Ink columns closer than this are read as one span: fewer, larger reads. */
const JOIN_PX = 48;

/**
 * Encodes the strip painted in `ctx` (job.width × job.rows px). `boxes`: ink boxes of the drawing (at least the strip's);
 * `background`: the packed RGBA every pixel outside them holds (0 when transparent).
 * @example const segment = readStrip(ctx, job, boxes, background, 2, 2);
 */
export function readStrip(ctx: PaintContext, job: StripJob, boxes: readonly InkBox[], background: number, sx: number, sy: number): StripSegment {
  const { width, rows } = job;
  const stripTop = job.view.y * sy;
  // The boxes this strip can show, so each band looks through a few hundred, not all.
  const reach = 4 / sy;
  const here = boxes.filter((b) => b.y1 >= job.view.y - reach && b.y0 <= job.view.y + job.view.height + reach);
  const encoder = new StripEncoder(width);
  const band = new Uint32Array(width * Math.min(BAND_ROWS, rows));
  for (let top = 0; top < rows; top += BAND_ROWS) {
    const h = Math.min(BAND_ROWS, rows - top);
    const spans = inkSpans(here, width, sx, sy, stripTop + top, h, JOIN_PX);
    const pixels = band.subarray(0, width * h);
    pixels.fill(background);
    for (let i = 0; i < spans.length; i += 2) {
      const x0 = spans[i] as number;
      const w = (spans[i + 1] as number) - x0;
      const data = ctx.getImageData(x0, top, w, h).data;
      const read = new Uint32Array(data.buffer, data.byteOffset, w * h);
      for (let y = 0; y < h; y++) pixels.set(read.subarray(y * w, (y + 1) * w), y * width + x0);
    }
    encoder.addRows(new Uint8Array(pixels.buffer, pixels.byteOffset, pixels.byteLength), gapsOf(spans, width));
  }
  return encoder.finish();
}

/** The columns between spans (pairs [x0, x1), left to right). */
function gapsOf(spans: Int32Array, width: number): Int32Array {
  const gaps: number[] = [];
  let x = 0;
  for (let i = 0; i < spans.length; i += 2) {
    if ((spans[i] as number) > x) gaps.push(x, spans[i] as number);
    x = spans[i + 1] as number;
  }
  if (x < width) gaps.push(x, width);
  return Int32Array.from(gaps);
}
