/**
 * A big layout cut into runs of nodes, one per group (layout.ts `GroupBand`: every channel and
 * stage group, and touchpoints straight under a group, with what hangs below them), each with the
 * box around its nodes and its widest node per depth. What needs "which nodes are near here" or
 * "how wide is each column" then reads ~30 runs instead of 20,000 nodes: the canvas's window
 * (canvas-window.ts `inWindowByRanges`) skips the groups far from the view, and re-laying one cell
 * (cell-relayout.ts) takes the columns of the rest of the map from the runs around it.
 *
 * Made once for a full layout (one pass over its nodes); a layout made by re-laying one cell
 * carries over the runs of the groups that only moved (layout.ts `ShiftedRange`: the same nodes,
 * one `dy`) and measures only the others. A unit test holds the carried runs equal to runs
 * measured from scratch after random edits.
 */
import { groupBandsOf, shiftsOf, sideOf, type LayoutNode, type MapLayout, type ShiftedRange } from './layout';

export interface NodeRange {
  /** The run is `layout.nodes[from, to)`: a group (or a touchpoint straight under one) up to the next. */
  readonly from: number;
  readonly to: number;
  /** The box around its nodes (nodes placed by hand included), as edges: left, top, right, bottom. */
  readonly minX: number;
  readonly minY: number;
  readonly maxX: number;
  readonly maxY: number;
  /** The widest node per depth on each side (the columns it asks for). */
  readonly widestLeft: readonly number[];
  readonly widestRight: readonly number[];
}

const RANGES = new WeakMap<MapLayout, readonly NodeRange[]>();

/** The box and the columns of `nodes[from, to)`, measured. */
function measured(nodes: readonly LayoutNode[], from: number, to: number): NodeRange {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const widestLeft: number[] = [];
  const widestRight: number[] = [];
  for (let i = from; i < to; i++) {
    const node = nodes[i] as LayoutNode;
    if (node.x < minX) minX = node.x;
    if (node.y < minY) minY = node.y;
    if (node.x + node.width > maxX) maxX = node.x + node.width;
    if (node.y + node.height > maxY) maxY = node.y + node.height;
    const widest = sideOf(node) === 'left' ? widestLeft : widestRight;
    if ((widest[node.depth] ?? 0) < node.width) widest[node.depth] = node.width;
  }
  return { from, to, minX, minY, maxX, maxY, widestLeft, widestRight };
}

/** The run `[from, to)` carried from the previous layout's when a shifted range holds it whole: its box moved, its columns the same. */
function carried(from: number, to: number, shifted: readonly ShiftedRange[], before: ReadonlyMap<number, NodeRange>): NodeRange | null {
  for (const range of shifted) {
    if (from < range.from || to > range.to) continue;
    const old = before.get(from - range.from + range.oldFrom);
    if (old === undefined || old.to - old.from !== to - from) return null;
    const dy = range.dy;
    return dy === 0 ? { ...old, from, to } : { ...old, from, to, minY: old.minY + dy, maxY: old.maxY + dy };
  }
  return null;
}

/**
 * The runs of a layout made by layoutMindMap or by re-laying one cell, in order, covering every
 * node but the root (index 0); undefined for any other layout (no group bands are known for it).
 */
export function nodeRangesOf(layout: MapLayout): readonly NodeRange[] | undefined {
  const known = RANGES.get(layout);
  if (known !== undefined) return known;
  const groups = groupBandsOf(layout);
  if (groups === undefined) return undefined;
  const nodes = layout.nodes;
  const shifts = shiftsOf(layout);
  const previous = shifts === undefined ? undefined : RANGES.get(shifts.previous);
  const before = previous === undefined ? undefined : new Map(previous.map((range) => [range.from, range]));
  const ranges: NodeRange[] = [];
  for (let e = 0; e < groups.length; e++) {
    const from = (groups[e] as { readonly index: number }).index;
    const to = (groups[e + 1] as { readonly index: number } | undefined)?.index ?? nodes.length;
    ranges.push((shifts && before && carried(from, to, shifts.ranges, before)) || measured(nodes, from, to));
  }
  RANGES.set(layout, ranges);
  return ranges;
}

/** The runs measured from scratch, nothing carried (the yardstick of the unit tests). */
export function measureNodeRanges(layout: MapLayout): readonly NodeRange[] | undefined {
  const groups = groupBandsOf(layout);
  if (groups === undefined) return undefined;
  return groups.map((entry, e) => measured(layout.nodes, entry.index, groups[e + 1]?.index ?? layout.nodes.length));
}
