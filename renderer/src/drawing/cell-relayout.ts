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
import { gapOf, groupBandsOf, keepGroupBands, measure, setOffset, sideOf, type GroupBand, type LayoutEdge, type LayoutNode, type MapLayout, type ShiftedRange } from './layout';
import { nodeRangesOf, type NodeRange } from './node-ranges';
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

/**
 * The widest node per depth on one side outside the cell `[ci, ce)`, into `outside`; returns the
 * same with the cell's nodes too. From the layout's runs (node-ranges.ts), so a Tab does not walk
 * every node of a 20,000-topic map for its columns; node by node when the layout has none.
 */
function columnsAround(previous: MapLayout, ci: number, ce: number, side: 'left' | 'right', outside: number[]): number[] {
  const ranges = nodeRangesOf(previous);
  if (ranges === undefined || ranges[0]?.from !== 1 || !ranges.some((range) => range.from === ci && range.to === ce)) {
    widestPerDepth(previous.nodes, 1, ci, side, outside);
    widestPerDepth(previous.nodes, ce, previous.nodes.length, side, outside);
    const before = [...outside];
    widestPerDepth(previous.nodes, ci, ce, side, before);
    return before;
  }
  const widen = (into: number[], widths: readonly number[]) => {
    for (let d = 0; d < widths.length; d++) if ((into[d] ?? 0) < (widths[d] ?? 0)) into[d] = widths[d] as number;
  };
  let cell: NodeRange | undefined;
  for (const range of ranges) {
    if (range.from === ci) cell = range;
    else widen(outside, side === 'left' ? range.widestLeft : range.widestRight);
  }
  const before = [...outside];
  if (cell) widen(before, side === 'left' ? cell.widestLeft : cell.widestRight);
  return before;
}

/**
 * The box around every node of a re-laid layout: the runs of the previous layout that a shifted
 * range holds (node-ranges.ts) give theirs, moved by its `dy`; only the other nodes — the root,
 * the cell's group, the cell, anything placed by hand that stayed — are looked at one by one.
 */
function boundsOf(nodes: readonly LayoutNode[], shifted: readonly ShiftedRange[], previous: MapLayout): MapLayout['bounds'] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const add = (left: number, top: number, right: number, bottom: number) => {
    if (left < minX) minX = left;
    if (top < minY) minY = top;
    if (right > maxX) maxX = right;
    if (bottom > maxY) maxY = bottom;
  };
  const addNodes = (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const node = nodes[i] as LayoutNode;
      add(node.x, node.y, node.x + node.width, node.y + node.height);
    }
  };
  const runs = nodeRangesOf(previous);
  const runAt = new Map<number, NodeRange>();
  for (const run of runs ?? []) runAt.set(run.from, run);
  let at = 0;
  for (const range of shifted) {
    addNodes(at, range.from);
    // the previous runs that make up the range, back to back; node by node where they do not
    let old = range.oldFrom;
    const oldTo = range.oldFrom + (range.to - range.from);
    while (old < oldTo) {
      const run = runAt.get(old);
      if (run === undefined || run.to > oldTo) break;
      add(run.minX, run.minY + range.dy, run.maxX, run.maxY + range.dy);
      old = run.to;
    }
    addNodes(range.from + (old - range.oldFrom), range.to);
    at = range.to;
  }
  addNodes(at, nodes.length);
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
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
  /** The new records of nodes outside the cell (moved, or recounted). */
  readonly renewed: readonly LayoutNode[];
  /** The group subtrees that only moved (or stayed), with their links (layout.ts `ShiftedRange`). */
  readonly shifted: readonly ShiftedRange[];
}

/** Sibling bands stacked with their gaps, in order: the same sum, in the same order, as layoutMindMap's. */
function stacked(count: number, band: (k: number) => number, gap: (k: number) => number): number {
  let total = 0;
  for (let k = 0; k < count; k++) {
    total += band(k);
    if (k > 0) total += Math.max(gap(k), gap(k - 1));
  }
  return total;
}

/** The tops of sibling bands stacked from `from`, as layoutMindMap places them. */
function tops(count: number, from: number, band: (k: number) => number, gap: (k: number) => number): number[] {
  const out: number[] = new Array(count);
  let y = from;
  for (let k = 0; k < count; k++) {
    if (k > 0) y += Math.max(gap(k), gap(k - 1));
    out[k] = y;
    y += band(k);
  }
  return out;
}

/**
 * `previous` with the cell `cell.id` replaced by `cell` (its new projection) and every other node
 * moved as a full layout would move it; null when that cannot be done exactly (see the header).
 */
export function relayoutCell(previous: MapLayout, cell: MindNode, geometry: Readonly<Record<MindNodeType, NodeGeometry>> = NODE_GEOMETRY): RelaidCell | null {
  const groups = groupBandsOf(previous);
  if (!groups) return null;
  const old = previous.nodes;
  const n = old.length;
  const g = groups.findIndex((entry) => entry.id === cell.id);
  if (g < 0 || (groups[g] as GroupBand).depth !== 2) return null;
  const cellEntry = groups[g] as GroupBand;
  const ci = cellEntry.index;
  const oldCell = old[ci] as LayoutNode;
  if (oldCell.depth !== cell.depth || oldCell.side !== cell.side || oldCell.collapsed) return null;
  // the cell's subtree holds no other entry (its nodes are deeper): the next entry ends it
  const ce = (groups[g + 1] as GroupBand | undefined)?.index ?? n;
  const side = cellEntry.side;
  let pg = g - 1;
  while (pg >= 0 && (groups[pg] as GroupBand).depth !== 1) pg--;
  if (pg < 0) return null;
  const parentEntry = groups[pg] as GroupBand;
  const pi = parentEntry.index;
  const kids: GroupBand[] = [];
  for (let e = pg + 1; e < groups.length && (groups[e] as GroupBand).depth === 2; e++) kids.push(groups[e] as GroupBand);
  const firstLevel = groups.filter((entry) => entry.depth === 1);

  // The cell's new nodes, measured.
  const fresh = flatten(cell);
  const k = fresh.nodes.length;
  const boxes: LabelBox[] = fresh.nodes.map((node) => measure(node.type, node.label, geometry));

  // The columns of the cell's side must not change: they place every node on that side.
  const outside: number[] = [];
  const before = columnsAround(previous, ci, ce, side, outside);
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

  // The cell's bands, children before parents.
  const height = new Float64Array(k);
  const gap = new Float64Array(k);
  const firstChild = new Int32Array(k).fill(-1);
  const lastChild = new Int32Array(k).fill(-1);
  const nextSibling = new Int32Array(k).fill(-1);
  for (let j = 0; j < k; j++) {
    const node = fresh.nodes[j] as MindNode;
    height[j] = (boxes[j] as LabelBox).nodeHeight;
    gap[j] = gapOf(node.type, node.depth);
    const p = fresh.parents[j] as number;
    if (p < 0) continue;
    if (firstChild[p] === -1) firstChild[p] = j;
    else nextSibling[lastChild[p] as number] = j;
    lastChild[p] = j;
  }
  const band = new Float64Array(k);
  const stack = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    let total = 0;
    let previousChild = -1;
    for (let c = firstChild[j] as number; c >= 0; c = nextSibling[c] as number) {
      total += band[c] as number;
      if (previousChild >= 0) total += Math.max(gap[c] as number, gap[previousChild] as number);
      previousChild = c;
    }
    stack[j] = total;
    band[j] = Math.max(height[j] as number, total);
  }

  // The cell's group: its children's bands stacked again, the cell's new band among them.
  const kidBand = (kk: number) => ((kids[kk] as GroupBand) === cellEntry ? (band[0] as number) : (kids[kk] as GroupBand).band);
  const kidGap = (kk: number) => gapOf((old[(kids[kk] as GroupBand).index] as LayoutNode).type, 2);
  const parentNode = old[pi] as LayoutNode;
  const parentStack = stacked(kids.length, kidBand, kidGap);
  const parentBand = Math.max(parentNode.height, parentStack);
  // The side's groups stacked again, centred on y = 0.
  const sideGroups = firstLevel.filter((entry) => entry.side === side);
  const sideBand = (kk: number) => ((sideGroups[kk] as GroupBand) === parentEntry ? parentBand : (sideGroups[kk] as GroupBand).band);
  const sideGap = (kk: number) => gapOf((old[(sideGroups[kk] as GroupBand).index] as LayoutNode).type, 1);
  const sideTops = tops(sideGroups.length, Math.round(-stacked(sideGroups.length, sideBand, sideGap) / 2), sideBand, sideGap);
  const moveOf = new Map<GroupBand, number>();
  sideGroups.forEach((entry, kk) => moveOf.set(entry, (sideTops[kk] as number) - entry.top));
  const parentTop = sideTops[sideGroups.indexOf(parentEntry)] as number;
  const kidTops = tops(kids.length, parentTop + (parentBand - parentStack) / 2, kidBand, kidGap);
  kids.forEach((entry, kk) => moveOf.set(entry, (kidTops[kk] as number) - entry.top));

  // The cell's tops and centres.
  const top = new Float64Array(k);
  top[0] = kidTops[kids.indexOf(cellEntry)] as number;
  for (let j = 0; j < k; j++) {
    let y = (top[j] as number) + ((band[j] as number) - (stack[j] as number)) / 2;
    let previousChild = -1;
    for (let c = firstChild[j] as number; c >= 0; c = nextSibling[c] as number) {
      if (previousChild >= 0) y += Math.max(gap[c] as number, gap[previousChild] as number);
      top[c] = y;
      y += band[c] as number;
      previousChild = c;
    }
  }
  const centre = new Float64Array(k);
  for (let j = k - 1; j >= 0; j--) {
    const h = height[j] as number;
    if (firstChild[j] === -1) {
      centre[j] = (top[j] as number) + (band[j] as number) / 2;
      continue;
    }
    const mid = ((centre[firstChild[j] as number] as number) + (centre[lastChild[j] as number] as number)) / 2;
    centre[j] = Math.min((top[j] as number) + (band[j] as number) - h / 2, Math.max((top[j] as number) + h / 2, mid));
  }
  // The cell's group: midway between its first and last child, inside its band.
  const kidCentre = (entry: GroupBand) => (entry === cellEntry ? (centre[0] as number) : entry.centre + (moveOf.get(entry) as number));
  const parentCentre = Math.min(
    parentTop + parentBand - parentNode.height / 2,
    Math.max(parentTop + parentNode.height / 2, (kidCentre(kids[0] as GroupBand) + kidCentre(kids[kids.length - 1] as GroupBand)) / 2),
  );

  // The records. A hand-placed root moves everything by its offset; groups are never placed by hand.
  const root = old[0] as LayoutNode;
  const rootDx = root.manual ? root.x - Math.round(-root.width / 2) : 0;
  const rootDy = root.manual ? root.y - Math.round(-root.height / 2) : 0;
  const countChange = (cell.count ?? 0) - (oldCell.count ?? 0);
  const m = n - (ce - ci) + k;
  const nodes: LayoutNode[] = new Array(m);
  const edges: LayoutEdge[] = new Array(Math.max(0, m - 1));
  let at = 0;
  const renewed: LayoutNode[] = [];
  const keep = (o: number, node: LayoutNode) => {
    if (node !== old[o]) renewed.push(node);
    nodes[at] = node;
    if (at > 0) edges[at - 1] = previous.edges[o - 1] as LayoutEdge;
    at++;
  };
  const ranges: ShiftedRange[] = [];
  /** Old nodes [from, to) moved down by `dy`, except those placed by hand and their subtrees. */
  const shifted = (from: number, to: number, dy: number) => {
    const start = at;
    const oldEdges = previous.edges;
    if (dy === 0) {
      // kept as they are (the other side, groups that did not move): records and links copied over
      for (let o = from; o < to; o++) {
        nodes[at] = old[o] as LayoutNode;
        edges[at - 1] = oldEdges[o - 1] as LayoutEdge;
        at++;
      }
      ranges.push({ from: start, to: at, oldFrom: from, dy });
      return;
    }
    let pinned = false;
    let pinnedDepth = -1;
    for (let o = from; o < to; o++) {
      const was = old[o] as LayoutNode;
      if (pinnedDepth !== -1 && was.depth <= pinnedDepth) pinnedDepth = -1;
      if (pinnedDepth === -1 && was.manual) pinnedDepth = was.depth;
      let node = was;
      if (pinnedDepth !== -1) pinned = true;
      else {
        node = movedTo(was, was.y + dy, was.count);
        renewed.push(node);
      }
      nodes[at] = node;
      edges[at - 1] = oldEdges[o - 1] as LayoutEdge;
      at++;
    }
    // a node placed by hand stays while the rest moves: the range did not move as one
    if (!pinned || dy === 0) ranges.push({ from: start, to: at, oldFrom: from, dy });
  };
  keep(0, countChange === 0 ? root : movedTo(root, root.y, (root.count ?? 0) + countChange));
  const cellFrom = { value: 0 };
  let parentRecord: LayoutNode = parentNode;
  const endOf = (list: readonly GroupBand[], kk: number, end: number) => (list[kk + 1] as GroupBand | undefined)?.index ?? end;
  firstLevel.forEach((entry, kk) => {
    const end = endOf(firstLevel, kk, n);
    if (entry.side !== side) shifted(entry.index, end, 0);
    else if (entry !== parentEntry) shifted(entry.index, end, moveOf.get(entry) as number);
    else {
      parentRecord = movedTo(parentNode, Math.round(parentCentre - parentNode.height / 2) + rootDy, (parentNode.count ?? 0) + countChange);
      keep(pi, parentRecord);
      kids.forEach((kid, kk2) => {
        const kidEnd = endOf(kids, kk2, end);
        if (kid !== cellEntry) shifted(kid.index, kidEnd, moveOf.get(kid) as number);
        else {
          cellFrom.value = at;
          placeCell();
        }
      });
    }
  });

  /** The cell's new records and links, placed as layoutMindMap places a subtree. */
  function placeCell(): void {
    const xs = new Float64Array(k);
    const dx = new Float64Array(k);
    const dy = new Float64Array(k);
    for (let j = 0; j < k; j++) {
      const draft = fresh.nodes[j] as MindNode;
      const box = boxes[j] as LabelBox;
      const w = box.nodeWidth;
      const h = box.nodeHeight;
      let x = Math.round(sideOf(draft) === 'left' ? -(columnStart[draft.depth] ?? 0) - w : (columnStart[draft.depth] ?? 0));
      let y = Math.round((centre[j] as number) - h / 2);
      const pj = fresh.parents[j] as number;
      const manual = setOffset(dx, dy, j, x, y, draft.position, pj >= 0 ? (dx[pj] as number) : rootDx, pj >= 0 ? (dy[pj] as number) : rootDy);
      x += dx[j] as number;
      y += dy[j] as number;
      xs[j] = x;
      const source = pj >= 0 ? { id: (fresh.nodes[pj] as MindNode).id, x: xs[pj] as number, width: (boxes[pj] as LabelBox).nodeWidth } : parentRecord;
      edges[at - 1] = { id: `${source.id}->${draft.id}`, source: source.id, target: draft.id, sourceSide: x + w / 2 < source.x + source.width / 2 ? 'left' : 'right' };
      nodes[at++] = {
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
        parentId: source.id,
        channel: draft.channel,
        stageId: draft.stageId,
        count: draft.count,
        collapsed: draft.collapsed,
        hiddenCount: draft.hiddenCount,
        manual,
      };
    }
  }

  const layout: MapLayout = { nodes, edges, bounds: boundsOf(nodes, ranges, previous) };

  // The new layout's group bands: moved with their groups, the cell's and its group's anew.
  const shift = k - (ce - ci);
  const parentOfEntry = new Map<GroupBand, GroupBand>();
  {
    let current: GroupBand | null = null;
    for (const entry of groups) {
      if (entry.depth === 1) current = entry;
      else if (current) parentOfEntry.set(entry, current);
    }
  }
  keepGroupBands(
    layout,
    groups.map((entry) => {
      const index = entry.index >= ce ? entry.index + shift : entry.index;
      if (entry === cellEntry) return { ...entry, index, band: band[0] as number, stack: stack[0] as number, top: top[0] as number, centre: centre[0] as number };
      if (entry === parentEntry) return { ...entry, index, band: parentBand, stack: parentStack, top: parentTop, centre: parentCentre };
      const move = moveOf.get(entry) ?? (entry.depth === 2 ? moveOf.get(parentOfEntry.get(entry) as GroupBand) : undefined) ?? 0;
      return move === 0 && index === entry.index ? entry : { ...entry, index, top: entry.top + move, centre: entry.centre + move };
    }),
  );
  return { layout, from: cellFrom.value, to: cellFrom.value + k, replaced: old.slice(ci, ce), renewed, shifted: ranges };
}
