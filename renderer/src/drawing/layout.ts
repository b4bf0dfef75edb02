/**
 * Where every node of the mind map goes: a tidy tree per side, in O(n), with nothing overlapping.
 *
 * Used by the canvas (React Flow nodes and edges) and by the SVG / PNG / PDF export renderer,
 * so it is pure: no DOM, no React; label sizes come from text-metrics.ts, not from a browser.
 *
 * The method (a "band" layout, as mind-map tools draw their maps):
 * - Columns: each depth on each side is a column as wide as its widest node. Right-side nodes
 *   align their left edges on the column, left-side nodes their right edges, so the left side
 *   mirrors the right. The root is centred on (0, 0); the first columns start `ROOT_GAP` from
 *   its edges, each next one `LEVEL_GAP` further out.
 * - Bands: every subtree owns a horizontal band as tall as the larger of its own node and its
 *   children's bands stacked with gaps; sibling bands are stacked top to bottom in tree order,
 *   and the bands of the root's children on each side are centred on y = 0.
 * - A parent sits midway between its first and last child, kept inside its own band.
 * Since bands of siblings never overlap vertically and a node and its descendants sit in
 * different columns, no two boxes can overlap, whatever the node sizes (d3-hierarchy's
 * `tree()` assumes one node size, which is why it is not used here). Two passes over the
 * nodes, no sorting: linear in the number of nodes, and deterministic.
 * - A topic's manual `position` (top-left, in these coordinates) replaces its computed place,
 *   and its subtree moves by the same offset (a descendant's own `position` wins for it).
 *
 * Coordinates are CSS px at zoom 1; x, y are a node's top-left corner, as React Flow wants.
 */
import type { Channel, StageId, TopicId } from '@shared/model/types';
import type { MindNode, MindTree, Side } from './projection';
import { breaksVersion } from './line-breaks';
import {
  DETAIL_GAP,
  GROUP_GAP,
  LEVEL_GAP,
  NODE_GEOMETRY,
  ROOT_GAP,
  TOP_GROUP_GAP,
  TOUCHPOINT_GAP,
  sizeLabel,
  type LabelBox,
  type MindNodeType,
  type NodeGeometry,
} from './text-metrics';

export interface LayoutNode {
  /** The topic id, or the group id (see projection.ts). */
  readonly id: string;
  readonly type: MindNodeType;
  readonly topicId?: TopicId;
  /** The full label (the inspector and tooltips show it). */
  readonly label: string;
  /** The label as drawn: wrapped, at most the type's `maxLines`, the last one ending in '…' when clipped. */
  readonly lines: readonly string[];
  readonly clipped: boolean;
  /** Top-left corner and size, px. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly side: Side;
  readonly depth: number;
  /** The node this one hangs from (null for the root). */
  readonly parentId: string | null;
  readonly channel?: Channel | null;
  readonly stageId?: StageId | null;
  /** Groups and the root: touchpoints under it, hidden ones included. */
  readonly count?: number;
  readonly collapsed: boolean;
  /** Topics hidden under this collapsed node. */
  readonly hiddenCount: number;
  /** True when the node's own `position` from the document placed it. */
  readonly manual: boolean;
}

export interface LayoutEdge {
  /** `${source}->${target}` */
  readonly id: string;
  readonly source: string;
  readonly target: string;
  /** The side of the source the edge leaves from: the side its target lies on. */
  readonly sourceSide: 'left' | 'right';
}

export interface MapLayout {
  /** In tree order (pre-order: a parent before its children, siblings in order). */
  readonly nodes: readonly LayoutNode[];
  readonly edges: readonly LayoutEdge[];
  /** The box around every node. */
  readonly bounds: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
}

export interface LayoutOptions {
  /** Node sizes per type; the theme's `NODE_GEOMETRY` unless given. */
  readonly geometry?: Readonly<Record<MindNodeType, NodeGeometry>>;
}

/**
 * Label boxes of the default geometry, by type and label: a map re-laid out after an edit
 * measures only the labels that changed. Bounded, so a long session cannot grow it for ever.
 */
const labelCache = new Map<MindNodeType, Map<string, LabelBox>>();
const LABEL_CACHE_LIMIT = 50_000;
let labelCacheSize = 0;

/** The line-breaks version the cached boxes were measured with: a newer one (BudouX's model arrived) voids them. */
let labelCacheBreaks = breaksVersion();

/** A node's label box, from the cache when the geometry is the theme's. */
export function measure(type: MindNodeType, label: string, geometry: Readonly<Record<MindNodeType, NodeGeometry>>): LabelBox {
  if (geometry !== NODE_GEOMETRY) return sizeLabel(label, geometry[type]);
  if (labelCacheBreaks !== breaksVersion()) {
    clearLabelCache();
    labelCacheBreaks = breaksVersion();
  }
  // Keyed by the label string itself (its hash is cached in the string), one map per type.
  const known = labelCache.get(type)?.get(label);
  if (known !== undefined) return known;
  const box = sizeLabel(label, geometry[type]);
  if (labelCacheSize >= LABEL_CACHE_LIMIT) clearLabelCache();
  let boxes = labelCache.get(type);
  if (boxes === undefined) {
    boxes = new Map();
    labelCache.set(type, boxes);
  }
  boxes.set(label, box);
  labelCacheSize++;
  return box;
}

/** Forgets every measured label (benchmarks use it to time a cold layout; nothing else needs it). */
export function clearLabelCache(): void {
  labelCache.clear();
  labelCacheSize = 0;
}

const NO_KIDS: readonly number[] = Object.freeze([]);

/** The side a non-root node is laid out on ('center' below the root is not made by the projection; it goes right). */
export function sideOf(node: { readonly side: Side }): 'left' | 'right' {
  return node.side === 'left' ? 'left' : 'right';
}

/** The vertical gap a node wants from its siblings. */
export function gapOf(type: MindNodeType, depth: number): number {
  if (type === 'touchpoint') return TOUCHPOINT_GAP;
  if (type === 'detail') return DETAIL_GAP;
  return depth <= 1 ? TOP_GROUP_GAP : GROUP_GAP;
}

/**
 * Lays out a projected mind map.
 * @example
 * const layout = layoutMindMap(projectMindMap(doc, { grouping: 'channel-stage' }));
 * layout.nodes[0] // the root, centred on (0, 0)
 */
export function layoutMindMap(tree: MindTree, options: LayoutOptions = {}): MapLayout {
  const geometry = options.geometry ?? NODE_GEOMETRY;

  // 1. Flatten in pre-order (iteratively: a deep chain of details cannot overflow the stack).
  // Leaves share one empty child list, and the stack is two flat arrays: most nodes are leaves,
  // and a first Tab runs this before the JIT has warmed up, where every allocation shows.
  const nodes: MindNode[] = [];
  const parentOf: number[] = [];
  const childrenOf: (readonly number[])[] = [];
  const stackNodes: MindNode[] = [tree.root];
  const stackParents: number[] = [-1];
  while (stackNodes.length > 0) {
    const node = stackNodes.pop() as MindNode;
    const parent = stackParents.pop() as number;
    const index = nodes.length;
    nodes.push(node);
    parentOf.push(parent);
    childrenOf.push(NO_KIDS);
    if (parent >= 0) {
      if (childrenOf[parent] === NO_KIDS) childrenOf[parent] = [];
      (childrenOf[parent] as number[]).push(index);
    }
    for (let c = node.children.length - 1; c >= 0; c--) {
      stackNodes.push(node.children[c] as MindNode);
      stackParents.push(index);
    }
  }
  const n = nodes.length;

  // 2. Sizes, and each column's width (per side, per depth).
  const boxes: LabelBox[] = new Array(n);
  const width = new Float64Array(n);
  const height = new Float64Array(n);
  const columns: Record<'left' | 'right', number[]> = { left: [], right: [] };
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as MindNode;
    const box = measure(node.type, node.label, geometry);
    boxes[i] = box;
    width[i] = box.nodeWidth;
    height[i] = box.nodeHeight;
    if (i > 0) {
      const column = columns[sideOf(node)];
      if ((column[node.depth] ?? 0) < box.nodeWidth) column[node.depth] = box.nodeWidth;
    }
  }
  // Where each column starts, measured outward from x = 0.
  const columnStart: Record<'left' | 'right', number[]> = { left: [], right: [] };
  for (const side of ['left', 'right'] as const) {
    let x = (width[0] as number) / 2 + ROOT_GAP;
    const column = columns[side];
    for (let d = 1; d < column.length; d++) {
      columnStart[side][d] = x;
      x += (column[d] ?? 0) + LEVEL_GAP;
    }
  }

  // 3. Band heights, children before parents (reverse pre-order).
  const band = new Float64Array(n);
  const stackHeight = new Float64Array(n); // the children's bands stacked with gaps
  const gap = new Float64Array(n);
  for (let i = 0; i < n; i++) gap[i] = gapOf((nodes[i] as MindNode).type, (nodes[i] as MindNode).depth);
  const stacked = (kids: readonly number[]): number => {
    let total = 0;
    for (let k = 0; k < kids.length; k++) {
      const c = kids[k] as number;
      total += band[c] as number;
      if (k > 0) total += Math.max(gap[c] as number, gap[kids[k - 1] as number] as number);
    }
    return total;
  };
  for (let i = n - 1; i >= 1; i--) {
    const s = stacked(childrenOf[i] as readonly number[]);
    stackHeight[i] = s;
    band[i] = Math.max(height[i] as number, s);
  }

  // 4. Band tops, parents before children (pre-order). The root's children: one stack per side.
  const top = new Float64Array(n);
  const place = (kids: readonly number[], from: number): void => {
    let y = from;
    for (let k = 0; k < kids.length; k++) {
      const c = kids[k] as number;
      if (k > 0) y += Math.max(gap[c] as number, gap[kids[k - 1] as number] as number);
      top[c] = y;
      y += band[c] as number;
    }
  };
  const rootKids = childrenOf[0] as readonly number[];
  for (const side of ['left', 'right'] as const) {
    const kids = rootKids.filter((c) => sideOf(nodes[c] as MindNode) === side);
    // a whole pixel, so an edit moves each group by whole pixels and its nodes keep their rounding
    // relative to each other (tree-links.ts reuses a moved group's link data on that)
    place(kids, Math.round(-stacked(kids) / 2));
  }
  for (let i = 1; i < n; i++) {
    const kids = childrenOf[i] as readonly number[];
    if (kids.length > 0) place(kids, (top[i] as number) + ((band[i] as number) - (stackHeight[i] as number)) / 2);
  }

  // 5. Node centres, children before parents: midway between the first and last child, inside the band.
  const centre = new Float64Array(n);
  for (let i = n - 1; i >= 1; i--) {
    const kids = childrenOf[i] as readonly number[];
    const h = height[i] as number;
    if (kids.length === 0) {
      centre[i] = (top[i] as number) + (band[i] as number) / 2;
      continue;
    }
    const mid = ((centre[kids[0] as number] as number) + (centre[kids[kids.length - 1] as number] as number)) / 2;
    const low = (top[i] as number) + h / 2;
    const high = (top[i] as number) + (band[i] as number) - h / 2;
    centre[i] = Math.min(high, Math.max(low, mid));
  }

  // 6. Final places, with manual positions and their subtrees' offsets (pre-order), and each
  // node's link from its parent (placed already: parents come first), leaving the parent on the
  // side its child lies.
  const edges: LayoutEdge[] = new Array(Math.max(0, n - 1));
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  const out: LayoutNode[] = new Array(n);
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const node = nodes[i] as MindNode;
    const w = width[i] as number;
    const h = height[i] as number;
    let x: number;
    let y: number;
    if (i === 0) {
      x = -w / 2;
      y = -h / 2;
    } else if (sideOf(node) === 'left') {
      x = -(columnStart.left[node.depth] ?? 0) - w;
      y = (centre[i] as number) - h / 2;
    } else {
      x = columnStart.right[node.depth] ?? 0;
      y = (centre[i] as number) - h / 2;
    }
    x = Math.round(x);
    y = Math.round(y);
    const p = parentOf[i] as number;
    const manual = setOffset(dx, dy, i, x, y, node.position, p >= 0 ? (dx[p] as number) : 0, p >= 0 ? (dy[p] as number) : 0);
    x += dx[i] as number;
    y += dy[i] as number;
    xs[i] = x;
    ys[i] = y;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x + w > maxX) maxX = x + w;
    if (y + h > maxY) maxY = y + h;

    const box = boxes[i] as LabelBox;
    const parentId = p >= 0 ? (nodes[p] as MindNode).id : null;
    if (parentId !== null) {
      const side = x + w / 2 < (xs[p] as number) + (width[p] as number) / 2 ? 'left' : 'right';
      edges[i - 1] = { id: `${parentId}->${node.id}`, source: parentId, target: node.id, sourceSide: side };
    }
    // Every node gets every key (optional ones may be undefined): one object shape, fast to make and read.
    out[i] = {
      id: node.id,
      type: node.type,
      topicId: node.topicId,
      label: node.label,
      lines: box.lines,
      clipped: box.clipped,
      x,
      y,
      width: w,
      height: h,
      side: node.side,
      depth: node.depth,
      parentId,
      channel: node.channel,
      stageId: node.stageId,
      count: node.count,
      collapsed: node.collapsed,
      hiddenCount: node.hiddenCount,
      manual,
    };
  }

  const layout: MapLayout = { nodes: out, edges, bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
  const groups: GroupBand[] = [];
  for (let i = 1; i < n; i++) {
    const node = nodes[i] as MindNode;
    if (node.depth <= 2) groups.push({ index: i, id: node.id, depth: node.depth, side: sideOf(node), band: band[i] as number, stack: stackHeight[i] as number, top: top[i] as number, centre: centre[i] as number });
  }
  GROUP_BANDS.set(layout, groups);
  return layout;
}

/**
 * The band arithmetic of a layout's first two levels below the root (channel and stage groups, and
 * touchpoints straight under a group): what re-laying one cell needs to place it and move the
 * rest without redoing the sums over every node (cell-relayout.ts). In pre-order.
 */
export interface GroupBand {
  /** Where the node is in `layout.nodes`. */
  readonly index: number;
  readonly id: string;
  readonly depth: number;
  readonly side: 'left' | 'right';
  /** Its band's height, its children's bands stacked, its band's top and its centre, unrounded. */
  readonly band: number;
  readonly stack: number;
  readonly top: number;
  readonly centre: number;
}

const GROUP_BANDS = new WeakMap<MapLayout, readonly GroupBand[]>();

/** The group bands of a layout made by layoutMindMap or by re-laying a cell; undefined for any other. */
export const groupBandsOf = (layout: MapLayout): readonly GroupBand[] | undefined => GROUP_BANDS.get(layout);

/** Records the group bands of a layout made by re-laying a cell. */
export function keepGroupBands(layout: MapLayout, groups: readonly GroupBand[]): void {
  GROUP_BANDS.set(layout, groups);
}

/**
 * Nodes `[from, to)` of a layout are the previous layout's nodes `[oldFrom, oldFrom + to − from)`
 * moved `dy` px down, each with its link (the same edge record) and nothing else changed: whole
 * group subtrees (a depth-1 or depth-2 node and everything under it) that re-laying one cell
 * shifted or kept (cell-relayout.ts). What follows from it, like the tree links' path data, can
 * be carried over instead of made again (tree-links.ts).
 */
export interface ShiftedRange {
  readonly from: number;
  readonly to: number;
  readonly oldFrom: number;
  readonly dy: number;
}

/** How a layout was made from the one before it: its ranges that only moved, in order. */
export interface LayoutShifts {
  readonly previous: MapLayout;
  readonly ranges: readonly ShiftedRange[];
}

const SHIFTS = new WeakMap<MapLayout, LayoutShifts>();

/** The ranges of `layout` that are the previous layout's moved (a layout made by re-laying a cell); undefined for any other. */
export const shiftsOf = (layout: MapLayout): LayoutShifts | undefined => SHIFTS.get(layout);

/**
 * Records how a layout made by re-laying a cell relates to the one it was made from. The one before
 * forgets its own: each layout would otherwise hold every layout since the last full one alive.
 */
export function keepShifts(layout: MapLayout, shifts: LayoutShifts): void {
  SHIFTS.delete(shifts.previous);
  SHIFTS.set(layout, shifts);
}

/**
 * Node `i`'s offset from the place the layout gives it, into `dx`/`dy`: a node placed by hand
 * (a finite `position`) moves there, and its subtree with it; any other node takes its parent's
 * offset. The full layout and the one-cell relayout (cell-relayout.ts) both place nodes with it,
 * so the two agree. True when the node was placed by hand.
 */
export function setOffset(
  dx: Float64Array,
  dy: Float64Array,
  i: number,
  x: number,
  y: number,
  position: { readonly x: number; readonly y: number } | undefined,
  parentDx: number,
  parentDy: number,
): boolean {
  const manual = position !== undefined && Number.isFinite(position.x) && Number.isFinite(position.y);
  dx[i] = manual ? position.x - x : parentDx;
  dy[i] = manual ? position.y - y : parentDy;
  return manual;
}
