/**
 * The viewport that frames a box in a pane: React Flow's `getViewportForBounds` for a padding
 * given as a fraction, written out here because importing it from `@xyflow/react` pulls React
 * Flow's d3 modules (which patch d3-selection on load) into the library screen's first load,
 * and the fit is needed there by the operations registry. Pure arithmetic; a unit test holds it
 * equal to React Flow's own.
 */

export interface FitBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface FitViewport {
  x: number;
  y: number;
  zoom: number;
}

/** The margin a fractional padding leaves on one side of a pane `size` px long, whole px (as React Flow rounds it). */
const sideMargin = (padding: number, size: number) => Math.floor((size - size / (1 + padding)) * 0.5);

/**
 * `bounds` centred in a `width` × `height` pane at the largest zoom within [minZoom, maxZoom]
 * that leaves `padding` (a fraction of the pane) around it.
 * @example viewportForBounds({ x: 0, y: 0, width: 400, height: 300 }, 800, 600, 0.05, 1, 0.15) // { x: 200, y: 150, zoom: 1 }
 */
export function viewportForBounds(bounds: FitBox, width: number, height: number, minZoom: number, maxZoom: number, padding: number): FitViewport {
  const padX = sideMargin(padding, width);
  const padY = sideMargin(padding, height);
  const zoom = Math.min(Math.max(Math.min((width - 2 * padX) / bounds.width, (height - 2 * padY) / bounds.height), minZoom), maxZoom);
  const x = width / 2 - (bounds.x + bounds.width / 2) * zoom;
  const y = height / 2 - (bounds.y + bounds.height / 2) * zoom;
  // A clamped zoom can leave one side closer than the padding: shift back towards it, as React Flow does.
  const left = Math.floor(bounds.x * zoom + x);
  const top = Math.floor(bounds.y * zoom + y);
  const right = Math.floor(width - ((bounds.x + bounds.width) * zoom + x));
  const bottom = Math.floor(height - ((bounds.y + bounds.height) * zoom + y));
  return {
    x: x - Math.min(left - padX, 0) + Math.min(right - padX, 0),
    y: y - Math.min(top - padY, 0) + Math.min(bottom - padY, 0),
    zoom,
  };
}
