/**
 * Hooks for the benchmark suite (`npm run bench`, tests/bench/run.mjs), on
 * `window.__touchmap`. Installed only when the page's URL has `?bench`, and loaded as its own
 * chunk (main.tsx imports it dynamically), so the app as people use it never carries them.
 *
 * The suite stores its generated maps through the app's own repository before timing starts,
 * reads what autosave committed for one edit, and times the layout and the exports in the page.
 */
import type { MapDoc } from '@shared/model/types';
import { PERSIST_THROTTLE_MS, type WriteReport } from '../db/autosave';
import { database, flushPendingSaves, library, watchWrites } from '../db/library';
import { createRestorePoints } from '../db/restore-points';
import { useDocumentStore } from '../store/document-store';
import { useUiStore, type ViewName } from '../store/ui-store';
import { projectMindMap } from '../drawing/projection';
import { clearLabelCache, layoutMindMap } from '../drawing/layout';
import { canvasControl } from '../features/mindmap/canvas-control';

/** A committed write and when it was reported (`performance.now()`, the page's clock). */
export interface TimedWrite {
  readonly report: WriteReport;
  readonly at: number;
}

/** What a benchmark run times of a visual export. */
export interface BenchExport {
  /** In the page: layout, SVG, and the raster, the PDF file or the print document (ms). */
  readonly ms: number;
  /** PNG: image size in px. */
  readonly width?: number;
  readonly height?: number;
  /**
   * PDF: the file as written by the app's own PDF writer (its size, pages, and where the time went,
   * ms); `html` only from a build that still printed the map through Chromium (the suite prints it then).
   */
  readonly pdf?: {
    readonly html?: string;
    readonly bytes?: number;
    readonly widthIn: number;
    readonly heightIn: number;
    readonly pages: number;
    readonly timings?: { readonly drawMs: number; readonly fontsMs: number; readonly writeMs: number };
  };
}

export interface TouchmapBenchHooks {
  /** Autosave's gathering time: `edit_saved` is reported after it. */
  readonly throttleMs: number;
  /** Stores maps through the repository (one transaction), as an import does. */
  importDocs(docs: readonly MapDoc[]): Promise<void>;
  /** The last committed autosave write, or null before the first. */
  lastWrite(): TimedWrite | null;
  /** Resolves at the next committed autosave write. */
  nextWrite(): Promise<TimedWrite>;
  /** Writes everything pending now (so a measured edit is not mixed with an earlier one). */
  flush(): Promise<void>;
  /** The view shown (mind map, grid, outline). */
  view(): ViewName;
  /** Selects nodes as a click does (the canvas then pans a selected node into view). */
  select(ids: readonly string[]): void;
  /** Puts the mind map's viewport back where a figure found it (the zoom figure's wheel steps end elsewhere). */
  setViewport(viewport: { readonly x: number; readonly y: number; readonly zoom: number }): void;
  /** Projection + layout of the open map with the label cache cleared: `runs` timings (ms). */
  layout(runs: number, warmup: number): number[];
  /** Whole-map visual export of the open map, if the export feature is built in. */
  exportVisual(kind: 'png_2x' | 'pdf_fit'): Promise<BenchExport>;
  /** Bytes [from, from + length) of the last PNG `exportVisual` made, base64 (the suite saves it with BENCH_PNG_OUT). */
  lastPngPart(from: number, length: number): Promise<{ readonly base64: string; readonly total: number }>;
  /** Writes a named restore point of the open map (the whole document, as the dialog does) and removes it again: the write's ms. */
  restorePointWrite(): Promise<number>;
}

declare global {
  interface Window {
    __touchmap?: TouchmapBenchHooks;
  }
}

/** The last PNG the export hook made (kept for the suite to save; one at a time). */
let lastPng: Blob | null = null;

function openDoc(): MapDoc {
  const doc = useDocumentStore.getState().doc;
  if (!doc) throw new Error('No map is open: open one in the editor before calling this bench hook.');
  return doc;
}

/** Puts the hooks on `window.__touchmap` when the URL asks for them (`?bench`). */
export function installBenchHooks(): void {
  if (!new URLSearchParams(window.location.search).has('bench')) return;
  let last: TimedWrite | null = null;
  let waiting: ((write: TimedWrite) => void)[] = [];
  watchWrites((report) => {
    last = { report, at: performance.now() };
    const resolve = waiting;
    waiting = [];
    for (const r of resolve) r(last);
  });

  window.__touchmap = {
    throttleMs: PERSIST_THROTTLE_MS,
    importDocs: (docs) => library().saveDocs(docs),
    lastWrite: () => last,
    nextWrite: () => new Promise((resolve) => waiting.push(resolve)),
    flush: () => flushPendingSaves(),
    view: () => useUiStore.getState().view,
    select: (ids) => useUiStore.getState().select(ids),
    setViewport: (viewport) => canvasControl.moveTo(viewport),
    layout(runs, warmup) {
      const doc = openDoc();
      const grouping = useUiStore.getState().grouping;
      const times: number[] = [];
      for (let i = 0; i < warmup + runs; i++) {
        clearLabelCache();
        const start = performance.now();
        layoutMindMap(projectMindMap(doc, { grouping }));
        const ms = performance.now() - start;
        if (i >= warmup) times.push(ms);
      }
      return times;
    },
    async exportVisual(kind) {
      const doc = openDoc();
      const start = performance.now();
      const { DEFAULT_VISUAL_OPTIONS, exportVisual } = await import('../features/export/visual/visual-export');
      const grouping = useUiStore.getState().grouping;
      if (kind === 'png_2x') {
        const result = await exportVisual(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'png', scale: 2, grouping });
        const ms = performance.now() - start;
        lastPng = result.kind === 'raster' ? result.blob : null;
        return result.kind === 'raster' ? { ms, width: result.width, height: result.height } : { ms };
      }
      const result = await exportVisual(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'pdf', pageMode: 'fit', grouping });
      // The figure ends when the PDF's bytes exist: our writer makes them in the page, no printer after.
      const ms = performance.now() - start;
      if (result.kind === 'pdf-file') {
        const { plan } = result;
        return { ms, pdf: { bytes: result.bytes.length, widthIn: plan.pageWidthIn, heightIn: plan.pageHeightIn, pages: plan.pages.length, timings: result.timings } };
      }
      if (result.kind !== 'pdf') return { ms };
      const { plan, html } = result.print;
      return { ms, pdf: { html, widthIn: plan.pageWidthIn, heightIn: plan.pageHeightIn, pages: plan.pages.length } };
    },
    async lastPngPart(from, length) {
      if (!lastPng) throw new Error('No PNG was exported yet.');
      const bytes = new Uint8Array(await lastPng.slice(from, from + length).arrayBuffer());
      let binary = '';
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return { base64: btoa(binary), total: lastPng.size };
    },
    async restorePointWrite() {
      const points = createRestorePoints(database());
      const start = performance.now();
      const point = await points.saveNamed(openDoc(), 'Benchmark');
      const ms = performance.now() - start;
      await points.remove(point.id);
      return ms;
    },
  };
}
