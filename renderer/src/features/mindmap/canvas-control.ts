/**
 * The canvas's viewport verbs (fit, zoom, reveal a node) for the operations registry and the mind
 * map's own actions, which live outside the React Flow provider. The mounted canvas registers
 * itself; with none mounted they do nothing.
 */
import type { ReactFlowInstance } from '@xyflow/react';
import { viewportForBounds } from '../../drawing/viewport-fit';
import { NODE_GEOMETRY } from '../../drawing/text-metrics';

export interface CanvasHandle extends Pick<ReactFlowInstance, 'zoomIn' | 'zoomOut' | 'getViewport' | 'setViewport'> {
  /** The pane's size in screen px, as React Flow keeps it (asking the DOM would force a layout). */
  readonly paneSize: () => { readonly width: number; readonly height: number };
  /** The whole map's box (the layout's bounds); React Flow holds only the part around the view. */
  readonly mapBounds: () => Box | null;
  /** The business (root) node's box: where a map too big to fit readably is centred. */
  readonly anchor?: () => Box | null;
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

let canvas: CanvasHandle | null = null;
/** The view the last Fit to view press went to: a press at that view goes on to the whole map. */
let lastFit: { readonly x: number; readonly y: number; readonly zoom: number } | null = null;
/** Where the last glide started by `reveal` is going, and when it will be there. */
let heading: { readonly x: number; readonly y: number; readonly zoom: number; readonly until: number } | null = null;

/** Fit to view: the whole map with a margin, never magnified past 100 %. */
export const FIT_VIEW_OPTIONS = { padding: 0.15, maxZoom: 1 } as const;
/** The canvas's zoom limits (MindMapView.tsx). */
export const MIN_ZOOM = 0.05;
export const MAX_ZOOM = 3;

/** The smallest label the map draws (a detail's), CSS px at zoom 1. */
const SMALLEST_LABEL_PX = Math.min(...Object.values(NODE_GEOMETRY).map((g) => g.fontSize));
/** Text smaller than this on screen is not read in a workshop (a projector, a shared screen). */
export const READABLE_LABEL_PX = 12;
/**
 * The least zoom fit to view and opening a map go to: every label at least
 * {@link READABLE_LABEL_PX} on screen (≈ 0.92: details are 13 px). The wheel and the zoom
 * buttons still go down to {@link MIN_ZOOM} for the whole picture.
 */
export const READABLE_ZOOM = READABLE_LABEL_PX / SMALLEST_LABEL_PX;
/** Room kept between the map's edge and the pane's when a big map is framed at the readable zoom, screen px. */
const FRAME_MARGIN = 24;

/**
 * The view that shows the whole map (`bounds`) in the pane with a margin, as React Flow's own fit
 * would if it held every node — but never below {@link READABLE_ZOOM}: a map too big for the pane
 * at that zoom shows what fits, centred on `anchor` (the business) as far as that keeps the view
 * on the map, and the user pans or zooms out for the rest. Null when there is nothing to fit or no
 * pane yet.
 * @example fitView({ x: 0, y: 0, width: 400, height: 300 }, { width: 800, height: 600 }) // zoom 1, the box centred
 * @example fitView({ x: 0, y: 0, width: 4000, height: 300 }, { width: 800, height: 600 }, { x: 1950, y: 130, width: 100, height: 40 })
 * // zoom ≈ 0.92, the root in the middle across, the map's 300 px centred down
 */
export function fitView(bounds: Box | null, pane: { readonly width: number; readonly height: number }, anchor?: Box | null): { x: number; y: number; zoom: number } | null {
  if (!bounds || pane.width === 0 || pane.height === 0 || !Number.isFinite(bounds.width) || !Number.isFinite(bounds.height)) return null;
  const fitted = viewportForBounds(bounds, pane.width, pane.height, MIN_ZOOM, Math.min(FIT_VIEW_OPTIONS.maxZoom, MAX_ZOOM), FIT_VIEW_OPTIONS.padding);
  if (fitted.zoom >= READABLE_ZOOM) return fitted;
  const zoom = READABLE_ZOOM;
  const centre = anchor ?? bounds;
  const axis = (start: number, size: number, focus: number, paneSize: number): number => {
    const span = paneSize / zoom; // flow px the pane shows
    const margin = FRAME_MARGIN / zoom;
    if (size + 2 * margin <= span) return -(start + size / 2 - span / 2) * zoom;
    const from = Math.min(Math.max(focus - span / 2, start - margin), start + size + margin - span);
    return -from * zoom;
  };
  return {
    x: axis(bounds.x, bounds.width, centre.x + centre.width / 2, pane.width),
    y: axis(bounds.y, bounds.height, centre.y + centre.height / 2, pane.height),
    zoom,
  };
}

/** The whole map in the pane whatever the zoom it takes (down to {@link MIN_ZOOM}): the second press of Fit to view. */
function wholeMapView(bounds: Box | null, pane: { readonly width: number; readonly height: number }): { x: number; y: number; zoom: number } | null {
  if (!bounds || pane.width === 0 || pane.height === 0) return null;
  return viewportForBounds(bounds, pane.width, pane.height, MIN_ZOOM, Math.min(FIT_VIEW_OPTIONS.maxZoom, MAX_ZOOM), FIT_VIEW_OPTIONS.padding);
}

/** The same view within a pixel and a thousandth of zoom (a view set by an animation lands within rounding). */
const sameView = (a: { x: number; y: number; zoom: number }, b: { x: number; y: number; zoom: number }) =>
  Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) < 1e-3;

/** How close to the pane's edge a followed node may come, screen px. */
const FOLLOW_MARGIN = 40;

/** The minimap's size (MapOverview.tsx), screen px; React Flow's panels sit 15 px in from the pane's edges. */
export const OVERVIEW_SIZE = { width: 200, height: 150 } as const;
const PANEL_INSET = 15;

/**
 * How far above the pane's bottom a node just made is brought (`nearest`): clear of the minimap
 * (and of a legend no taller), which would otherwise cover each new touchpoint as a stage grows
 * downwards; a third of the pane at most, in a short window.
 */
const nearestBottomMargin = (paneHeight: number) => Math.min(OVERVIEW_SIZE.height + 2 * PANEL_INSET, paneHeight / 3);

/**
 * A reveal's glide: fast at first, settling at the end (cubic ease-out), along a straight line.
 * React Flow's default (ease-in-out, zooming out and back in on the way) spends the glide's first
 * half barely moving, so the node the eye is waiting for stays off screen for ~100 ms.
 * @example REVEAL_GLIDE.ease(0.5) // 0.875
 */
export const REVEAL_GLIDE = { ease: (t: number) => 1 - (1 - t) ** 3, interpolate: 'linear' } as const;

/** True when the system asks for less motion (prefers-reduced-motion): the view then jumps instead of gliding. */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;
}

/** An animation's length, or none when the system asks for less motion. */
export const motion = (ms: number): number => (prefersReducedMotion() ? 0 : ms);

export function registerCanvas(instance: CanvasHandle): () => void {
  canvas = instance;
  lastFit = null;
  return () => {
    if (canvas === instance) canvas = null;
  };
}

/**
 * How the view follows a node. `glide`, for a node the selection moved to: one just off screen
 * is glided to and centred (150 ms keeps the eye on it). `nearest`, for a node just made and
 * being typed into: the view moves at once, and only as far as brings it inside the margins (at
 * the bottom, clear of the minimap), as an editor scrolls to its cursor — a glide kept the new label out of sight for its first frames
 * while keys already went into it, and Enter after Enter at the bottom edge would re-centre the
 * map each time. Either way a node more than a screen away — the end of a long stage,
 * after Tab — is jumped to and centred: a glide across thousands of pixels shows nothing but a
 * blur, and every frame of it mounts and drops a screenful of nodes.
 */
export type Follow = 'glide' | 'nearest';

/**
 * Where the view must move so that `box` (flow px) is on screen with a margin, zoom unchanged;
 * null when it is on screen already.
 * @example followView({ x: 900, y: 0, width: 100, height: 40 }, { x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 })
 * // { x: -550, y: 280, zoom: 1, duration: 150 }
 * @example followView({ x: 900, y: 0, width: 100, height: 40 }, { x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 }, 'nearest')
 * // { x: -240, y: 40, zoom: 1, duration: 0 }
 */
export function followView(
  box: Box,
  view: { readonly x: number; readonly y: number; readonly zoom: number },
  pane: { readonly width: number; readonly height: number },
  follow: Follow = 'glide',
): { x: number; y: number; zoom: number; duration: number } | null {
  if (pane.width === 0 || pane.height === 0) return null;
  const { x, y, zoom } = view;
  const left = box.x * zoom + x;
  const top = box.y * zoom + y;
  const right = left + box.width * zoom;
  const bottom = top + box.height * zoom;
  const m = FOLLOW_MARGIN;
  const mb = follow === 'nearest' ? nearestBottomMargin(pane.height) : m;
  if (left >= m && top >= m && right <= pane.width - m && bottom <= pane.height - mb) return null;
  const far = Math.abs((left + right) / 2 - pane.width / 2) > pane.width || Math.abs((top + bottom) / 2 - pane.height / 2) > pane.height;
  if (follow === 'nearest' && !far) return { x: x + nearestShift(left, right, pane.width, m, m), y: y + nearestShift(top, bottom, pane.height, m, mb), zoom, duration: 0 };
  return {
    x: pane.width / 2 - (box.x + box.width / 2) * zoom,
    y: pane.height / 2 - (box.y + box.height / 2) * zoom,
    zoom,
    duration: far ? 0 : 150,
  };
}

/** The least shift (screen px, one axis) that brings [from, to] inside the margins; a span too big for the room is aligned to its start. */
function nearestShift(from: number, to: number, size: number, start: number, end: number): number {
  if (from < start || to - from > size - start - end) return start - from;
  if (to > size - end) return size - end - to;
  return 0;
}

export const canvasControl = {
  /**
   * Fit to view, with the readable floor. Pressed again straight after, on a map too big for the
   * floor, it shows the whole map, as small as that takes — the overview a facilitator asks for
   * before reaching for a far touchpoint; a third press frames it readably again.
   */
  fit: (): void => {
    if (!canvas) return;
    const bounds = canvas.mapBounds();
    const pane = canvas.paneSize();
    const readable = fitView(bounds, pane, canvas.anchor?.());
    if (!readable) return;
    const whole = wholeMapView(bounds, pane);
    const again = lastFit !== null && sameView(lastFit, readable) && sameView(canvas.getViewport(), readable);
    const to = again && whole && whole.zoom < readable.zoom ? whole : readable;
    lastFit = to;
    void canvas.setViewport(to, { duration: motion(200) });
  },
  /** The view a map opens at: Fit to view's readable framing, at once. False when there was no map or pane yet. */
  open: (): boolean => {
    const to = canvas && fitView(canvas.mapBounds(), canvas.paneSize(), canvas.anchor?.());
    if (!to) return false;
    lastFit = null;
    void canvas?.setViewport(to, { duration: 0 });
    return true;
  },
  zoomIn: () => void canvas?.zoomIn({ duration: motion(150) }),
  zoomOut: () => void canvas?.zoomOut({ duration: motion(150) }),
  /**
   * Brings a node on screen. The mind map's actions call it right after their command, before
   * React renders: a jump then lands in the same render as the edit, so the canvas
   * mounts the nodes around the new place once, rather than the old place's first.
   */
  reveal: (box: Box, follow: Follow = 'glide') => {
    if (!canvas) return;
    const followed = followView(box, canvas.getViewport(), canvas.paneSize(), follow);
    if (!followed) return;
    const to = { ...followed, duration: motion(followed.duration) };
    // The canvas's own follow effect asks again right after an action did, mid-glide: the glide
    // already heads there, and starting it over would only delay it. (By time, not by the glide's
    // end: a glide the user interrupts by panning never reports one.)
    const now = performance.now();
    if (heading && heading.until > now && heading.x === to.x && heading.y === to.y && heading.zoom === to.zoom) return;
    heading = { x: to.x, y: to.y, zoom: to.zoom, until: now + to.duration };
    void canvas.setViewport({ x: to.x, y: to.y, zoom: to.zoom }, { duration: to.duration, ...REVEAL_GLIDE });
  },
  /** Moves the view to `viewport` at once (the benchmark suite restores a view with it). */
  moveTo: (viewport: { readonly x: number; readonly y: number; readonly zoom: number }) => void canvas?.setViewport(viewport, { duration: 0 }),
  available: () => canvas !== null,
};
