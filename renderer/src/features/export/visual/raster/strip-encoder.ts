/**
 * A big PNG as full-width strips: which strips, how one is painted and framed, how they join.
 * The same steps run in the raster workers (raster.worker.ts) and, where there are none, on the
 * page (raster.ts): paint the strip (strip-painter.ts), let the browser encode it as a PNG, turn
 * that into the strip's byte-aligned share of the image's one zlib stream (png-stitch.ts) and frame
 * it as an IDAT chunk, CRC included. Joining is then laying chunks end to end — no pass over the
 * image's bytes on the page.
 */
import type { FaceSource } from '../fonts/fonts';
import { chunk, ihdrChunk, PNG_SIGNATURE } from './png-chunks';
import { joinedAdler, STRIP_HEAD_BYTES, STRIP_TAIL_BYTES, stripSegment, stripSegmentParts, ZLIB_HEADER, zlibTrailer } from './png-stitch';
import { paintView, type PaintContext, type StripScene, type View } from './strip-painter';

/** One strip: image rows [top, top + rows) of the whole width, showing `view` of the drawing. */
export interface StripJob {
  /** 0 for the top strip: its stream carries the zlib header, and its first row has nothing above. */
  readonly index: number;
  readonly view: View;
  /** Image px. */
  readonly width: number;
  readonly rows: number;
}

/** A strip ready to join: its IDAT chunk, and what the stream's checksum needs of it. */
export interface EncodedStrip {
  readonly index: number;
  readonly idat: Uint8Array<ArrayBuffer>;
  readonly adler: number;
  /** Bytes of scanlines the strip holds. */
  readonly length: number;
}

/**
 * Cuts a width × height px image of the drawing into strips of `rows` px (the last one shorter).
 * @example stripJobs(scene, { width: 4224, height: 96352 }, 3971).length // 25
 */
export function stripJobs(scene: Pick<StripScene, 'width' | 'height'>, image: { readonly width: number; readonly height: number }, rows: number): StripJob[] {
  const sy = image.height / scene.height;
  const jobs: StripJob[] = [];
  for (let top = 0, index = 0; top < image.height; top += rows, index++) {
    const h = Math.min(rows, image.height - top);
    jobs.push({ index, view: { x: 0, y: top / sy, width: scene.width, height: h / sy }, width: image.width, rows: h });
  }
  return jobs;
}

/** Paints a strip into a canvas of its size (fresh, so transparent). */
export function paintStrip(ctx: PaintContext, scene: StripScene, job: StripJob): void {
  paintView(ctx, scene, job.view, job.width, job.rows, null);
}

/**
 * The browser's PNG of a strip → the strip's IDAT chunk.
 * @throws StitchUnsupported when the PNG is not laid out as png-stitch.ts expects.
 */
export function frameStrip(png: Uint8Array, job: StripJob): EncodedStrip {
  const segment = stripSegment(png, job.width, job.rows, job.index === 0);
  const idat = chunk('IDAT', job.index === 0 ? [ZLIB_HEADER, ...segment.deflate] : segment.deflate);
  return { index: job.index, idat, adler: segment.adler, length: segment.length };
}

/**
 * A strip as the page holds it until the join: its framed bytes, and what follows them still in
 * the browser's PNG of the strip — so the strips' bytes stay out of the page's heap and nothing
 * is copied to join them (making one Blob of ~25 strips' 70 MB took ~40 ms after the last strip).
 * The file goes from a worker to the page as the Blob it is, by reference.
 */
export interface HeldStrip extends Omit<EncodedStrip, 'idat'> {
  /** IDAT chunks framed here: the strip's head, or all of it. */
  readonly framed: Uint8Array<ArrayBuffer>;
  /** The strip's PNG and its bytes [from, to) that follow `framed` in the joined file: whole IDAT chunks, unread. */
  readonly rest: { readonly file: Blob; readonly from: number; readonly to: number } | null;
}

/** A strip framed whole (see HeldStrip). */
export function holdStrip(strip: EncodedStrip): HeldStrip {
  return { index: strip.index, framed: strip.idat, rest: null, adler: strip.adler, length: strip.length };
}

/**
 * The browser's PNG of a strip (a Blob, as toBlob / convertToBlob give it) → the strip held for
 * the join. Reads only both ends of the file where it can (stripSegmentParts): the head framed
 * again as an IDAT chunk, the file's own chunks after it left where they are. Otherwise reads it
 * whole (frameStrip).
 * @throws StitchUnsupported when the PNG is not laid out as png-stitch.ts expects.
 */
export async function frameStripFile(png: Blob, job: StripJob): Promise<HeldStrip> {
  const [head, tail] = await Promise.all([png.slice(0, STRIP_HEAD_BYTES).arrayBuffer(), png.slice(Math.max(0, png.size - STRIP_TAIL_BYTES)).arrayBuffer()]);
  const parts = stripSegmentParts(new Uint8Array(head), new Uint8Array(tail), png.size, job.width, job.rows, job.index === 0);
  if (!parts) return holdStrip(frameStrip(new Uint8Array(await png.arrayBuffer()), job));
  const framed = chunk('IDAT', job.index === 0 ? [ZLIB_HEADER, ...parts.head] : parts.head);
  return { index: job.index, framed, rest: { file: png, from: parts.middle[0], to: parts.middle[1] }, adler: parts.adler, length: parts.length };
}

/**
 * Joins strips into one PNG as they arrive, in any order: each one that follows the strips
 * already laid is added to the file's body at once, while the workers paint the rest, so the join
 * at the end has little left to do (slicing the strips' files and making the Blob of ~50 pieces
 * after the last strip took ~30 ms, all of it on the wait).
 * @example const joiner = new StripJoiner(4224, 96352, jobs.length); for (const strip of strips) joiner.add(strip); const png = joiner.finish();
 */
export class StripJoiner {
  private readonly waiting = new Map<number, HeldStrip>();
  private readonly laid: Pick<HeldStrip, 'adler' | 'length'>[] = [];
  private body = new Blob([]);

  constructor(
    private readonly width: number,
    private readonly height: number,
    private readonly count: number,
  ) {}

  add(strip: HeldStrip): void {
    this.waiting.set(strip.index, strip);
    for (let next = this.waiting.get(this.laid.length); next; next = this.waiting.get(this.laid.length)) {
      this.waiting.delete(next.index);
      this.body = new Blob(next.rest ? [this.body, next.framed, next.rest.file.slice(next.rest.from, next.rest.to)] : [this.body, next.framed]);
      this.laid.push(next);
    }
  }

  /**
   * The PNG file.
   * @throws Error when a strip is missing.
   */
  finish(): Blob {
    if (this.laid.length !== this.count) throw new Error(`The PNG's strip ${this.laid.length + 1} of ${this.count} never arrived.`);
    return new Blob([PNG_SIGNATURE, ihdrChunk(this.width, this.height), this.body, chunk('IDAT', [zlibTrailer(joinedAdler(this.laid))]), chunk('IEND', [])], { type: 'image/png' });
  }
}

// ---------------------------------------------------------------------------------------------
// What the page and a raster worker say to each other (raster.worker.ts, strip-workers.ts).
// ---------------------------------------------------------------------------------------------

/** Page → worker: the drawing and the faces to declare (once), then strips to encode. */
export type StripWorkerRequest =
  | { readonly type: 'scene'; readonly scene: StripScene; readonly faces: readonly FaceSource[] }
  | { readonly type: 'strip'; readonly job: StripJob };

/** Worker → page: ready to paint (fonts loaded), a strip done, or why not. */
export type StripWorkerReply =
  | { readonly type: 'ready' }
  | { readonly type: 'strip'; readonly strip: HeldStrip }
  | { readonly type: 'failed'; readonly message: string; readonly unsupported: boolean };
