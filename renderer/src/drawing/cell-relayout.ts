/**
 * Laying out again after an edit inside one cell (the touchpoints of one channel within one
 * stage, with their details): only that cell's subtree is projected, measured and turned into new
 * nodes and links; every other node keeps its record, its link and its x, and gets a new record
 * only when the cell's new height moved it up or down.
 *
 * The result equals `layoutMindMap` of the whole new projection (a unit test holds the two
 * together on random edits): the vertical places are the same band arithmetic over the same
 * numbers, in the same order, over flat number arrays (no node objects, no strings), and the
 * columns — the one thing a cell could change for everyone — must come out unchanged, or this
 * gives up (null: lay the map out in full), as it does when the cell is not in the previous
 * layout. A node placed by hand stays where it was put, with its subtree, as in a full layout.
 */
import type { MindNode } from './projection';
import { gapOf, measure, sideOf, type LayoutEdge, type LayoutNode, type MapLayout } from './layout';
import { LEVEL_GAP, NODE_GEOMETRY, ROOT_GAP, type LabelBox, type MindNodeType, type NodeGeometry } from './text-metrics';

/** The cell's new subtree in pre-order, with each node's parent (an index into the list; -1 for the cell). */
function flatten(cell: MindNode): { nodes: MindNode[]; parents: number[] } {
  const nodes: MindNode[] = [];
  const parents: number[] = [];
  const stack: [MindNode, number][] = [[cell, -1]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop() as [MindNode, number];
    const index = nodes.length;
    nodes.push(node);
    parents.push(parent);
    for (let c = node.children.length - 1; c >= 0; c--) stack.push([node.children[c] as MindNode, index]);
  }
  return { nodes, parents };
}

/** The widest node per depth on one side, over `nodes[from, to)`, into `into`. */
function widestPerDepth(nodes: readonly { readonly depth: number; readonly width: number; readonly side: LayoutNode['side'] }[], from: number, to: number, side: 'left' | 'right', into: number[]): void {
  for (let i = from; i < to; i++) {
    const node = nodes[i] as { readonly depth: number; readonly width: number; readonly side: LayoutNode['side'] };
    if (sideOf(node) !== side) continue;
    if ((into[node.depth] ?? 0) < node.width) into[node.depth] = node.width;
  }
}

/** A node record like `node`, moved to `y` (every key written, as layoutMindMap writes them: one object shape). */
function movedTo(node: LayoutNode, y: number, count: number | undefined): LayoutNode {
  return {
    id: node.id,
    type: node.type,
    topicId: node.topicId,
    label: node.label,
    lines: node.lines,
    clipped: node.clipped,
    x: node.x,
    y,
    width: node.width,
    height: node.height,
    side: node.side,
    depth: node.depth,
    parentId: node.parentId,
    channel: node.channel,
    stageId: node.stageId,
    count,
    collapsed: node.collapsed,
    hiddenCount: node.hiddenCount,
    manual: node.manual,
  };
}

export interface RelaidCell {
  readonly layout: MapLayout;
  /** Where the cell's new nodes are in `layout.nodes`: [from, to). */
  readonly from: number;
  readonly to: number;
  /** The previous layout's records of the cell and everything under it. */
  readonly replaced: readonly LayoutNode[];
}

/**
 * `previous` with the cell `cell.id` replaced by `cell` (its new projection) and every other node
 * moved as a full layout would move it; null when that cannot be done exactly (see the header).
 */
export function relayoutCell(previous: MapLayout, cell: MindNode, geometry: Readonly<Record<MindNodeType, NodeGeometry>> = NODE_GEOMETRY): RelaidCell | null {
  const old = previous.nodes;
  const n = old.length;
  let ci = -1;
  for (let i = 1; i < n; i++) {
    if ((old[i] as LayoutNode).id === cell.id) {
      ci = i;
      break;
    }
  }
  if (ci < 0) return null;
  const oldCell = old[ci] as LayoutNode;
  if (oldCell.depth !== cell.depth || oldCell.side !== cell.side || oldCell.collapsed) return null;
  let ce = ci + 1;
  while (ce < n && (old[ce] as LayoutNode).depth > oldCell.depth) ce++;
  const side = sideOf(oldCell);

  // The cell's new nodes, measured.
  const fresh = flatten(cell);
  const k = fresh.nodes.length;
  const boxes: LabelBox[] = fresh.nodes.map((node) => measure(node.type, node.label, geometry));

  // The columns of the cell's side must not change: they place every node on that side.
  const outside: number[] = [];
  widestPerDepth(old, 1, ci, side, outside);
  widestPerDepth(old, ce, n, side, outside);
  const before = [...outside];
  widestPerDepth(old, ci, ce, side, before);
  const after = [...outside];
  for (let j = 0; j < k; j++) {
    const d = (fresh.nodes[j] as MindNode).depth;
    const w = (boxes[j] as LabelBox).nodeWidth;
    if ((after[d] ?? 0) < w) after[d] = w;
  }
  for (let d = 1; d < Math.max(before.length, after.length); d++) if ((before[d] ?? 0) !== (after[d] ?? 0)) return null;
  const columnStart: number[] = [];
  {
    let x = (old[0] as LayoutNode).width / 2 + ROOT_GAP;
    for (let d = 1; d < after.length; d++) {
      columnStart[d] = x;
      x += (after[d] ?? 0) + LEVEL_GAP;
    }
  }

  // The new map as flat arrays: old nodes before the cell, the cell's new nodes, old nodes after it.
  const m = ci + k + (n - ce);
  const oldIndex = (i: number) => (i < ci ? i : i - ci - k + ce);
  const inCell = (i: number) => i >= ci && i < ci + k;
  const depth = new Int32Array(m);
  const height = new Float64Array(m);
  const gap = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let type: MindNodeType;
    if (inCell(i)) {
      const node = fresh.nodes[i - ci] as MindNode;
      type = node.type;
      depth[i] = node.depth;
      height[i] = (boxes[i - ci] as LabelBox).nodeHeight;
    } else {
      const node = old[oldIndex(i)] as LayoutNode;
      type = node.type;
      depth[i] = node.depth;
      height[i] = node.height;
    }
    gap[i] = gapOf(type, depth[i] as number);
  }
  // Parent, first child and next sibling from the depths (pre-order: a child is one deeper than its parent).
  const parent = new Int32Array(m).fill(-1);
  const firstChild = new Int32Array(m).fill(-1);
  const lastChild = new Int32Array(m).fill(-1);
  const nextSibling = new Int32Array(m).fill(-1);
  const open: number[] = [0];
  for (let i = 1; i < m; i++) {
    while ((depth[open[open.length - 1] as number] as number) >= (depth[i] as number)) open.pop();
    const p = open[open.length - 1] as number;
    parent[i] = p;
    if (firstChild[p] === -1) firstChild[p] = i;
    else nextSibling[lastChild[p] as number] = i;
    lastChild[p] = i;
    open.push(i);
  }

  // Bands, children before parents — the same sums, in the same order, as layoutMindMap.
  const band = new Float64Array(m);
  const stackHeight = new Float64Array(m);
  for (let i = m - 1; i >= 1; i--) {
    let total = 0;
    let previousChild = -1;
    for (let c = firstChild[i] as number; c >= 0; c = nextSibling[c] as number) {
      total += band[c] as number;
      if (previousChild >= 0) total += Math.max(gap[c] as number, gap[previousChild] as number);
      previousChild = c;
    }
    stackHeight[i] = total;
    band[i] = Math.max(height[i] as number, total);
  }
  // Band tops, parents before children; the root's children one stack per side, centred on y = 0.
  const top = new Float64Array(m);
  const place = (from: number, y0: number, only?: 'left' | 'right', sideOfChild?: (c: number) => 'left' | 'right') => {
    let y = y0;
    let previousChild = -1;
    for (let c = firstChild[from] as number; c >= 0; c = nextSibling[c] as number) {
      if (only !== undefined && sideOfChild?.(c) !== only) continue;
      if (previousChild >= 0) y += Math.max(gap[c] as number, gap[previousChild] as number);
      top[c] = y;
      y += band[c] as number;
      previousChild = c;
    }
  };
  const nodeSide = (i: number): 'left' | 'right' => (inCell(i) ? sideOf(fresh.nodes[i - ci] as MindNode) : sideOf(old[oldIndex(i)] as LayoutNode));
  for (const s of ['left', 'right'] as const) {
    let total = 0;
    let previousChild = -1;
    for (let c = firstChild[0] as number; c >= 0; c = nextSibling[c] as number) {
      if (nodeSide(c) !== s) continue;
      total += band[c] as number;
      if (previousChild >= 0) total += Math.max(gap[c] as number, gap[previousChild] as number);
      previousChild = c;
    }
    place(0, Math.round(-total / 2), s, nodeSide);
  }
  for (let i = 1; i < m; i++) if (firstChild[i] !== -1) place(i, (top[i] as number) + ((band[i] as number) - (stackHeight[i] as number)) / 2);
  // Centres, children before parents: midway between the first and last child, inside the band.
  const centre = new Float64Array(m);
  for (let i = m - 1; i >= 1; i--) {
    const h = height[i] as number;
    if (firstChild[i] === -1) {
      centre[i] = (top[i] as number) + (band[i] as number) / 2;
      continue;
    }
    const mid = ((centre[firstChild[i] as number] as number) + (centre[lastChild[i] as number] as number)) / 2;
    centre[i] = Math.min((top[i] as number) + (band[i] as number) - h / 2, Math.max((top[i] as number) + h / 2, mid));
  }

  // The records: the cell's nodes anew, the rest kept or moved; links kept outside the cell.
  const countChange = (cell.count ?? 0) - (oldCell.count ?? 0);
  const parentOfCell = parent[ci] as number;
  const nodes: LayoutNode[] = new Array(m);
  const edges: LayoutEdge[] = new Array(Math.max(0, m - 1));
  const xs = new Float64Array(k);
  // each node's offset from its computed place: a node placed by hand moves its subtree with it
  const dx = new Float64Array(m);
  const dy = new Float64Array(m);
  const computedX = (side_: 'left' | 'right', d: number, w: number) => Math.round(side_ === 'left' ? -(columnStart[d] ?? 0) - w : (columnStart[d] ?? 0));
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < m; i++) {
    let node: LayoutNode;
    if (inCell(i)) {
      const j = i - ci;
      const draft = fresh.nodes[j] as MindNode;
      const box = boxes[j] as LabelBox;
      const w = box.nodeWidth;
      const h = box.nodeHeight;
      let x = computedX(sideOf(draft), draft.depth, w);
      let y = Math.round((centre[i] as number) - h / 2);
      const pj = fresh.parents[j] as number;
      let ox = dx[parent[i] as number] as number;
      let oy = dy[parent[i] as number] as number;
      const manual = draft.position !== undefined && Number.isFinite(draft.position.x) && Number.isFinite(draft.position.y);
      if (manual) {
        ox = (draft.position?.x as number) - x;
        oy = (draft.position?.y as number) - y;
      }
      dx[i] = ox;
      dy[i] = oy;
      x += ox;
      y += oy;
      xs[j] = x;
      const parentNode = pj >= 0 ? { id: (fresh.nodes[pj] as MindNode).id, x: xs[pj] as number, width: (boxes[pj] as LabelBox).nodeWidth } : (nodes[parentOfCell] as LayoutNode);
      edges[i - 1] = {
        id: `${parentNode.id}->${draft.id}`,
        source: parentNode.id,
        target: draft.id,
        sourceSide: x + w / 2 < parentNode.x + parentNode.width / 2 ? 'left' : 'right',
      };
      node = {
        id: draft.id,
        type: draft.type,
        topicId: draft.topicId,
        label: draft.label,
        lines: box.lines,
        clipped: box.clipped,
        x,
        y,
        width: w,
        height: h,
        side: draft.side,
        depth: draft.depth,
        parentId: parentNode.id,
        channel: draft.channel,
        stageId: draft.stageId,
        count: draft.count,
        collapsed: draft.collapsed,
        hiddenCount: draft.hiddenCount,
        manual,
      };
    } else {
      const o = oldIndex(i);
      const was = old[o] as LayoutNode;
      // its x is as it was (same columns, same hand-placed offsets); its y is the band arithmetic's
      const placedX = i === 0 ? Math.round(-was.width / 2) : computedX(sideOf(was), was.depth, was.width);
      const placedY = Math.round(i === 0 ? -was.height / 2 : (centre[i] as number) - was.height / 2);
      if (was.manual) {
        dx[i] = was.x - placedX;
        dy[i] = was.y - placedY;
      } else if (i > 0) {
        dx[i] = dx[parent[i] as number] as number;
        dy[i] = dy[parent[i] as number] as number;
      }
      const y = placedY + (dy[i] as number);
      // the root and the cell's group count the cell's touchpoints
      const count = i === 0 || i === parentOfCell ? (was.count ?? 0) + countChange : was.count;
      node = y === was.y && count === was.count ? was : movedTo(was, y, count);
      if (i > 0) edges[i - 1] = previous.edges[o - 1] as LayoutEdge;
    }
    nodes[i] = node;
    if (node.x < minX) minX = node.x;
    if (node.y < minY) minY = node.y;
    if (node.x + node.width > maxX) maxX = node.x + node.width;
    if (node.y + node.height > maxY) maxY = node.y + node.height;
  }
  return { layout: { nodes, edges, bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } }, from: ci, to: ci + k, replaced: old.slice(ci, ce) };
}
