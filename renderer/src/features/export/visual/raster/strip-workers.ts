/**
 * Runs a big PNG's strips in raster workers (raster.worker.ts), one per core: each paints, has the
 * browser encode and frames the strips it is handed, and the page only collects the chunks. A
 * PNG of a 2,000-topic map at 2× is ~25 strips of ~16 M pixels; on the page's one thread that was
 * painting, Chromium's encoding and the join all in a row.
 *
 * A worker is handed one strip at a time, the next when it returns one, so a slow strip does not
 * hold the others up. Handing it two (to paint one while the other encodes) measured slower: the
 * encoding runs on the worker's own thread, and the two strips only fought over its canvas; nor did
 * painting the second while the first one's file was read and sent gain anything measurable.
 */
import type { FaceSource } from '../fonts/fonts';
import { StitchUnsupported } from './png-stitch';
import type { HeldStrip, StripJob, StripWorkerReply, StripWorkerRequest } from './strip-encoder';
import type { StripScene } from './strip-painter';

/** The workers could not start (no OffscreenCanvas, a policy, a failed load): paint on the page instead. */
export class WorkersUnavailable extends Error {}

/** At most this many workers, whatever the core count: each holds a strip's canvas (~64 MB) and its encoding. */
export const MAX_STRIP_WORKERS = 4;
/** A worker not ready to paint by then (its fonts loaded) is given up on; the page paints instead. */
const READY_TIMEOUT_MS = 20_000;

/** Whether this browser can paint and encode a canvas in a worker. */
export function stripWorkersSupported(): boolean {
  return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined' && typeof OffscreenCanvas.prototype.convertToBlob === 'function';
}

/**
 * Encodes `jobs` in workers; `onStrip` hears of each strip as it is done (in any order).
 * @throws WorkersUnavailable when no worker got ready to paint; StitchUnsupported when a strip's PNG cannot be joined.
 * `faces`: the fonts to declare (bundledFaceFiles), posted with the drawing once read.
 * @example await encodeInWorkers(scene, bundledFaceFiles(text, scene.fontFamily), stripJobs(scene, plan, rows), () => onProgress(++done, total));
 */
export function encodeInWorkers(scene: StripScene, faces: Promise<readonly FaceSource[]>, jobs: readonly StripJob[], onStrip: (strip: HeldStrip) => void): Promise<void> {
  const count = Math.max(1, Math.min(MAX_STRIP_WORKERS, navigator.hardwareConcurrency || 2, jobs.length));
  const workers: Worker[] = [];
  let received = 0;
  const timeouts: ReturnType<typeof setTimeout>[] = [];
  let next = 0;
  return new Promise((resolve, reject) => {
    let settled = false;
    const settle = (error: Error | null) => {
      if (settled) return;
      settled = true;
      for (const timeout of timeouts) clearTimeout(timeout);
      for (const worker of workers) worker.terminate();
      if (error) reject(error);
      else resolve();
    };
    const handOut = (worker: Worker) => {
      if (next < jobs.length) worker.postMessage({ type: 'strip', job: jobs[next++] as StripJob } satisfies StripWorkerRequest);
    };
    if (jobs.length === 0) return settle(null);
    for (let i = 0; i < count && !settled; i++) {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./raster.worker.ts', import.meta.url), { type: 'module', name: `touchmap-raster-${i + 1}` });
      } catch (error) {
        if (workers.length > 0) break;
        return settle(new WorkersUnavailable(`A raster worker could not start: ${error instanceof Error ? error.message : String(error)}`));
      }
      workers.push(worker);
      let ready = false;
      // A worker that cannot get ready holds no strip: the others carry on without it.
      const notReady = (message: string) => {
        clearTimeout(timeout);
        if (ready || !workers.includes(worker)) return;
        worker.terminate();
        workers.splice(workers.indexOf(worker), 1);
        if (workers.length === 0) settle(new WorkersUnavailable(message));
      };
      // Its fonts come from the app itself, so this only trips when something is badly wrong.
      const timeout = setTimeout(() => notReady(`A raster worker was not ready after ${READY_TIMEOUT_MS / 1000} s.`), READY_TIMEOUT_MS);
      timeouts.push(timeout);
      worker.onmessage = (event: MessageEvent<StripWorkerReply>) => {
        const reply = event.data;
        if (reply.type === 'ready') {
          clearTimeout(timeout);
          ready = true;
          handOut(worker);
        } else if (reply.type === 'strip') {
          // The next strip first, so the worker paints it while the page takes this one in.
          handOut(worker);
          onStrip(reply.strip);
          if (++received === jobs.length) settle(null);
        } else if (!ready) {
          notReady(reply.message);
        } else {
          settle(reply.unsupported ? new StitchUnsupported(reply.message) : new Error(reply.message));
        }
      };
      const broken = (what: string) => (event: Event) => {
        event.preventDefault();
        const message = `A raster worker ${what}${event instanceof ErrorEvent && event.message ? `: ${event.message}` : ''}.`;
        if (ready) settle(new Error(message));
        else notReady(message);
      };
      worker.onerror = broken('failed');
      worker.onmessageerror = broken('sent a message the page could not read');
      // The drawing as soon as the fonts are read: the worker starts up meanwhile.
      void faces.then((list) => {
        if (workers.includes(worker)) worker.postMessage({ type: 'scene', scene, faces: list } satisfies StripWorkerRequest);
      });
    }
  });
}
