/**
 * A raster worker: paints PNG strips of the export drawing in an OffscreenCanvas, has the browser
 * encode each one, and frames it for joining (strip-encoder.ts) — everything a strip costs, off
 * the page's thread and on another core. The page (strip-workers.ts) runs one per core and joins.
 *
 * Fonts: a worker sees none of the page's, so it declares the page's bundled faces again (same
 * families, weights and unicode ranges: the same face is picked and bold synthesised alike) — the
 * files the labels need, read by the page (bundledFaceFiles) — and loads them before it says it is
 * ready. A face that fails to load fails the worker before any strip: the page then paints
 * everything itself, with its own fonts, rather than let labels come out in a fallback face.
 */
import { loadFacesFor, type FaceSource } from '../fonts/fonts';
import { StitchUnsupported } from './png-stitch';
import { frameStripFile, paintStrip, type StripJob, type StripWorkerReply, type StripWorkerRequest } from './strip-encoder';
import type { StripScene } from './strip-painter';

/** The parts of a dedicated worker's global this file uses (the renderer's types are the page's). */
interface WorkerScope {
  readonly fonts: FontFaceSet;
  onmessage: ((event: MessageEvent<StripWorkerRequest>) => void) | null;
  postMessage(message: StripWorkerReply, transfer?: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;
let scene: StripScene | null = null;
let ready: Promise<void> = Promise.resolve();
// One canvas for every strip of the same size: a fresh 16 M-pixel canvas cost ~35 ms a strip to
// set up (its memory first touched); encoding works on a snapshot, so the next strip may paint.
let canvas: OffscreenCanvas | null = null;
let ctx: OffscreenCanvasRenderingContext2D | null = null;

async function declareFaces(faces: readonly FaceSource[], text: string, fontFamily: string): Promise<void> {
  const declared = faces.map(
    (face) => new FontFace(face.family, face.data ?? `url(${JSON.stringify(face.url)}) format('woff2')`, { weight: face.weight, style: face.style, unicodeRange: face.unicodeRange }),
  );
  for (const face of declared) scope.fonts.add(face);
  // Files the page read are the ones the labels need (bundledFaceFiles); by address, every bundled face, loaded as needed.
  if (faces.every((face) => face.data)) await Promise.all(declared.map((face) => face.load().catch(() => face)));
  else await loadFacesFor(scope.fonts, text, fontFamily);
  const failed = declared.filter((face) => face.status === 'error');
  if (failed.length > 0) throw new Error(`A raster worker could not load ${failed.length} bundled font file(s), e.g. ${faces[declared.indexOf(failed[0] as FontFace)]?.url}.`);
}

async function encode(job: StripJob): Promise<void> {
  await ready;
  if (!scene) throw new Error('A strip was asked for before the drawing was sent.');
  if (!canvas || !ctx || canvas.width !== job.width || canvas.height !== job.rows) {
    canvas = new OffscreenCanvas(job.width, job.rows);
    ctx = canvas.getContext('2d');
    if (!ctx) throw new Error(`The browser could not make a ${job.width} × ${job.rows} px canvas.`);
  } else {
    ctx.clearRect(0, 0, job.width, job.rows);
  }
  paintStrip(ctx, scene, job);
  const png = await canvas.convertToBlob({ type: 'image/png' });
  // The file goes to the page by reference: the strip's bytes are not copied on the way.
  const strip = await frameStripFile(png, job);
  scope.postMessage({ type: 'strip', strip }, [strip.framed.buffer]);
}

const fail = (error: unknown) =>
  scope.postMessage({ type: 'failed', message: error instanceof Error ? error.message : String(error), unsupported: error instanceof StitchUnsupported });

scope.onmessage = (event) => {
  const request = event.data;
  if (request.type === 'scene') {
    scene = request.scene;
    ready = declareFaces(request.faces, request.scene.runs.map((run) => run.text).join('\n'), request.scene.fontFamily);
    ready.then(() => scope.postMessage({ type: 'ready' }), fail);
  } else {
    encode(request.job).catch(fail);
  }
};
