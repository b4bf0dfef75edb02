/**
 * The part of a big mind map React Flow is given: the nodes in and around the view.
 *
 * React Flow walks every node it holds on each edit (adopting the node array, rebuilding its
 * look-ups) and on each pan or zoom frame (finding the visible ones), so at thousands of nodes
 * it spent more on the map than on the screen. The canvas hands it the nodes that touch a
 * *window*: the view plus at least half a pane on every side, snapped to a grid of half-pane
 * cells so that a pan changes it only every half pane, not every frame. React Flow still renders
 * only the nodes in view (`onlyRenderVisibleElements`); the window only bounds what it walks.
 * Everything that needs the whole map — fit to view, the minimap, box select, the arrow keys,
 * the tree links, export — reads the layout, never React Flow.
 *
 * Pure: the canvas selects `viewWindow` from React Flow's store and filters with `inWindow`.
 */
import type { NodeRange } from '../../drawing/node-ranges';

export interface View {
  /** React Flow's transform: screen px = flow px × zoom + x. */
  readonly x: number;
  readonly y: number;
  readonly zoom: number;
}

export interface Pane {
  readonly width: number;
  readonly height: number;
}

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Maps up to this many nodes are handed to React Flow whole: walking them costs little, and its own fit on open needs them. */
export const WINDOW_MIN_NODES = 300;

/**
 * The window around a view, in flow px: whole cells, each half a pane at the view's zoom rounded
 * down to a power of √2 (so a zoom step inside one band keeps the cells), from the cell before
 * the view's first to the cell after its last. Since the view is at most two cells wide and
 * tall, the window reaches at least half a pane beyond it on every side, and it moves only
 * when the view crosses a cell's edge. null while the pane has no size.
 * @example viewWindow({ x: 0, y: 0, zoom: 1 }, { width: 800, height: 600 }) // { x: -400, y: -300, width: 2000, height: 1500 }
 */
export function viewWindow(view: View, pane: Pane): Rect | null {
  if (!(pane.width > 0 && pane.height > 0 && view.zoom > 0)) return null;
  const bandZoom = Math.SQRT2 ** Math.floor(Math.log2(view.zoom) * 2);
  const cellW = pane.width / bandZoom / 2;
  const cellH = pane.height / bandZoom / 2;
  const left = -view.x / view.zoom;
  const top = -view.y / view.zoom;
  const i0 = Math.floor(left / cellW) - 1;
  const j0 = Math.floor(top / cellH) - 1;
  const i1 = Math.floor((left + pane.width / view.zoom) / cellW) + 1;
  const j1 = Math.floor((top + pane.height / view.zoom) / cellH) + 1;
  return { x: i0 * cellW, y: j0 * cellH, width: (i1 - i0 + 1) * cellW, height: (j1 - j0 + 1) * cellH };
}

/** Equal windows (the canvas's store selector re-renders only when this is false). */
export function sameWindow(a: Rect | null, b: Rect | null): boolean {
  return a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height);
}

/** True when `box` overlaps `rect` (touching edges count: a node on the border is kept). */
export function touches(box: Rect, rect: Rect): boolean {
  return box.x <= rect.x + rect.width && box.x + box.width >= rect.x && box.y <= rect.y + rect.height && box.y + box.height >= rect.y;
}

/**
 * The nodes React Flow gets: all of them for a small map, else those touching the window plus
 * the ones in `keep` (the root, which the opening view is fitted to, and the ends of the chain
 * links, which React Flow draws as edges and needs both ends of). In the layout's order.
 * With no window yet (the pane unmeasured), only the kept ones.
 */
export function inWindow<T extends Rect & { readonly id: string }>(nodes: readonly T[], rect: Rect | null, keep: ReadonlySet<string>): readonly T[] {
  if (nodes.length <= WINDOW_MIN_NODES) return nodes;
  const out: T[] = [];
  for (const node of nodes) if ((rect !== null && touches(node, rect)) || keep.has(node.id)) out.push(node);
  return out;
}

/** The runs of nodes a big layout is cut into, each with its box: what the window needs of a NodeRange. */
export type BoxedRange = Pick<NodeRange, 'from' | 'to' | 'minX' | 'minY' | 'maxX' | 'maxY'>;

/**
 * `inWindow` for a layout cut into runs of nodes: a run whose box misses the window is skipped
 * whole, so an edit of a 20,000-topic map looks at the few groups around the view instead of
 * every node. The same nodes as `inWindow`: those touching the window in the layout's order, then
 * the kept ones outside the runs looked at (found through `byId`; their order among themselves is
 * `keep`'s — none of them is on screen, so nothing drawn depends on it).
 */
export function inWindowByRanges<T extends Rect & { readonly id: string }>(
  nodes: readonly T[],
  ranges: readonly BoxedRange[],
  rect: Rect | null,
  keep: ReadonlySet<string>,
  byId: ReadonlyMap<string, T>,
): readonly T[] {
  if (nodes.length <= WINDOW_MIN_NODES || rect === null) return inWindow(nodes, rect, keep);
  const out: T[] = [];
  const found = new Set<string>();
  const look = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const node = nodes[i] as T;
      if (touches(node, rect)) out.push(node);
      else if (keep.has(node.id)) {
        out.push(node);
        found.add(node.id);
      }
    }
  };
  look(0, Math.min(nodes.length, ranges[0]?.from ?? nodes.length));
  const right = rect.x + rect.width;
  const bottom = rect.y + rect.height;
  for (const range of ranges) {
    if (range.minX <= right && range.maxX >= rect.x && range.minY <= bottom && range.maxY >= rect.y) look(range.from, range.to);
  }
  for (const id of keep) {
    const node = byId.get(id);
    if (node !== undefined && !found.has(id) && !touches(node, rect)) out.push(node);
  }
  return out;
}
