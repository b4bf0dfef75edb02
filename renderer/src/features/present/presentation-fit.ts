/**
 * Where the view goes while presenting: the whole map, filling the screen. The editor's Fit to
 * view keeps a wide margin and never magnifies past 100 % (room for the toolbar's panels and for
 * editing); a projector shows a room the map alone, so it gets a thin margin and may be enlarged.
 */
import { viewportForBounds } from '../../drawing/viewport-fit';

export interface Size {
  readonly width: number;
  readonly height: number;
}

export interface Bounds extends Size {
  readonly x: number;
  readonly y: number;
}

/** A thin margin (3 % of the map each side): the map's edge stays off the screen's edge. */
export const PRESENT_PADDING = 0.06;
/** A small map is enlarged, but not past twice its size, where labels start to look coarse. */
export const PRESENT_MAX_ZOOM = 2;
const PRESENT_MIN_ZOOM = 0.05;

/**
 * The viewport that fits `bounds` into `pane` for presenting; null without a map or a pane.
 * @example presentationViewport({ x: 0, y: 0, width: 1000, height: 500 }, { width: 1280, height: 720 }) // zoom ≈ 1.2
 */
export function presentationViewport(bounds: Bounds | null, pane: Size): { x: number; y: number; zoom: number } | null {
  if (!bounds || pane.width <= 0 || pane.height <= 0 || !(bounds.width > 0) || !(bounds.height > 0)) return null;
  return viewportForBounds(bounds, pane.width, pane.height, PRESENT_MIN_ZOOM, PRESENT_MAX_ZOOM, PRESENT_PADDING);
}
