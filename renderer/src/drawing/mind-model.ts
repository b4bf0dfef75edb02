/**
 * The laid-out mind map of a doc, computed once per (doc, grouping) and shared by the canvas,
 * the keyboard commands and the exports, with the tree links the arrow keys walk.
 */
import type { MapDoc } from '@shared/model/types';
import { projectCell, projectMindMap, type Grouping } from './projection';
import { changedCell } from './changed-cell';
import { relayoutCell } from './cell-relayout';
import { mapWords } from '@shared/templates/map-words';
import { groupBandsOf, keepGroupBands, keepShifts, layoutMindMap, type LayoutEdge, type LayoutNode, type MapLayout } from './layout';
import { breaksVersion } from './line-breaks';
import { NodeIndex } from './node-index';

export interface MindModel {
  readonly layout: MapLayout;
  readonly byId: ReadonlyMap<string, LayoutNode>;
  /** The ids of a node's children, in order (built on first use: only the arrow keys need them). */
  childrenOf(id: string): readonly string[];
}

let cached: { doc: MapDoc; grouping: Grouping; hideEmptyStages: boolean; breaks: number; model: MindModel } | null = null;

/**
 * The laid-out map for a grouping; `hideEmptyStages` is the view option of that name (the exports
 * draw every stage). Made again when the line breaks change (BudouX's Japanese model arrived):
 * `breaks` is the version the caller has seen — the canvas keys its memo on it.
 */
export function mindModelFor(doc: MapDoc, grouping: Grouping, hideEmptyStages = false, breaks = breaksVersion()): MindModel {
  if (cached && cached.doc === doc && cached.grouping === grouping && cached.hideEmptyStages === hideEmptyStages && cached.breaks === breaks) return cached.model;
  const last = cached;
  const sameView = last !== null && last.grouping === grouping && last.hideEmptyStages === hideEmptyStages && last.breaks === breaks;
  const { layout, byId } = (sameView ? withinOneCell(last.doc, doc, last.model, hideEmptyStages) : null) ?? laidOutInFull(doc, grouping, hideEmptyStages, last?.model ?? null);
  let children: Map<string, string[]> | null = null;
  const childrenOf = (id: string): readonly string[] => {
    if (children === null) {
      children = new Map();
      for (const edge of layout.edges) {
        const list = children.get(edge.source);
        if (list) list.push(edge.target);
        else children.set(edge.source, [edge.target]);
      }
    }
    return children.get(id) ?? [];
  };
  const model = { layout, byId, childrenOf };
  cached = { doc, grouping, hideEmptyStages, breaks, model };
  return model;
}

/** Projection and layout of the whole map, sharing the records that did not change with `previous`. */
function laidOutInFull(doc: MapDoc, grouping: Grouping, hideEmptyStages: boolean, previous: MindModel | null): { layout: MapLayout; byId: NodeIndex } {
  // Group nodes are part of the map, so they speak the map's language, not the UI's.
  const labels = mapWords(doc.map.locale).groups;
  return shareUnchanged(layoutMindMap(projectMindMap(doc, { grouping, labels, hideEmptyStages })), previous);
}

/**
 * After an edit inside one cell (a channel within a stage): that cell re-projected and re-laid,
 * the rest moved (cell-relayout.ts) — the same layout as in full, at the cost of the cell. Null
 * when the edit reaches further, or a cell appears or disappears with "Hide empty stages".
 */
function withinOneCell(before: MapDoc, doc: MapDoc, previous: MindModel, hideEmptyStages: boolean): { layout: MapLayout; byId: NodeIndex } | null {
  const cellId = changedCell(before, doc);
  if (cellId === null) return null;
  const was = previous.byId.get(cellId);
  if (!was) return null;
  const cell = projectCell(doc, cellId, was);
  if (!cell || (hideEmptyStages && cell.count === 0)) return null;
  const relaid = relayoutCell(previous.layout, cell);
  if (!relaid) return null;
  const nodes = relaid.layout.nodes as LayoutNode[];
  // the previous index, brought up to date in place (node-index.ts): no copy of 20,000 entries
  const byId = NodeIndex.next(previous.byId, nodes, (map) => {
    // the cell's nodes that draw as before keep their records, as a full layout's would (shareUnchanged)
    for (let i = relaid.from; i < relaid.to; i++) {
      let node = nodes[i] as LayoutNode;
      const old = map.get(node.id);
      if (old !== undefined && sameNode(node, old)) node = old;
      else if (old !== undefined && node.lines !== old.lines && sameLines(node.lines, old.lines)) node = { ...node, lines: old.lines };
      nodes[i] = node;
    }
    for (const gone of relaid.replaced) map.delete(gone.id);
    for (const node of relaid.renewed) map.set(node.id, node);
    for (let i = relaid.from; i < relaid.to; i++) map.set((nodes[i] as LayoutNode).id, nodes[i] as LayoutNode);
  });
  const layout = sameGroupBands(relaid.layout, { nodes, edges: relaid.layout.edges, bounds: relaid.layout.bounds });
  keepShifts(layout, { previous: previous.layout, ranges: relaid.shifted });
  return { layout, byId };
}

/** `copy` (the same nodes where they are, some records swapped for equal ones) with `layout`'s group bands. */
function sameGroupBands(layout: MapLayout, copy: MapLayout): MapLayout {
  const groups = groupBandsOf(layout);
  if (groups) keepGroupBands(copy, groups);
  return copy;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Every field `sameNode` compares: the check below stops compiling when LayoutNode gains one it does not. */
type Compared = 'x' | 'y' | 'id' | 'label' | 'width' | 'height' | 'type' | 'topicId' | 'clipped' | 'side' | 'depth' | 'parentId' | 'channel' | 'stageId' | 'count' | 'collapsed' | 'hiddenCount' | 'manual' | 'lines';
export type UncomparedLayoutFields = Exclude<keyof LayoutNode, Compared>;
export const EVERY_LAYOUT_FIELD_COMPARED: [UncomparedLayoutFields] extends [never] ? true : UncomparedLayoutFields = true;

/** Two layout nodes that draw the same: every field equal, `lines` line by line (checked by hand: a `for…in` over the keys cost more than the layout). */
function sameNode(a: LayoutNode, b: LayoutNode): boolean {
  return (
    a.x === b.x &&
    a.y === b.y &&
    a.id === b.id &&
    a.label === b.label &&
    a.width === b.width &&
    a.height === b.height &&
    a.type === b.type &&
    a.topicId === b.topicId &&
    a.clipped === b.clipped &&
    a.side === b.side &&
    a.depth === b.depth &&
    a.parentId === b.parentId &&
    a.channel === b.channel &&
    a.stageId === b.stageId &&
    a.count === b.count &&
    a.collapsed === b.collapsed &&
    a.hiddenCount === b.hiddenCount &&
    a.manual === b.manual &&
    sameLines(a.lines, b.lines)
  );
}

/**
 * The new layout with every node and edge that did not change replaced by the previous model's
 * object. Everything downstream keys on identity — the canvas's React Flow nodes,
 * React Flow's own per-node internals, the memoised node components, the minimap — so an edit
 * that moves a few nodes re-renders those few, not the whole map. O(n), a fraction of the layout.
 * Also indexes the result by id.
 */
function shareUnchanged(layout: MapLayout, previous: MindModel | null): { layout: MapLayout; byId: NodeIndex } {
  const byId = new Map<string, LayoutNode>();
  if (previous === null) {
    for (const node of layout.nodes) byId.set(node.id, node);
    return { layout, byId: NodeIndex.of(byId, layout.nodes) };
  }
  const before = previous.byId;
  // one pass that also indexes the result: a second walk of N nodes costs as much again
  const nodes = layout.nodes.map((node) => {
    const old = before.get(node.id);
    let kept = node;
    if (old !== undefined && sameNode(node, old)) kept = old;
    // Moved (or resized) but worded the same: keep the old lines array, so the node's memoised
    // body, which takes `lines` by reference, skips the node (nodes.tsx).
    else if (old !== undefined && node.lines !== old.lines && sameLines(node.lines, old.lines)) kept = { ...node, lines: old.lines };
    byId.set(kept.id, kept);
    return kept;
  });
  // Edges by index: one per non-root node, in the same pre-order, so an edit shifts them by the
  // few nodes it added or removed; a look-up by id string would hash 2 × N new strings.
  const oldEdges = previous.layout.edges;
  const shift = layout.edges.length - oldEdges.length;
  const same = (edge: LayoutEdge, old: LayoutEdge | undefined) => old !== undefined && old.target === edge.target && old.source === edge.source && old.sourceSide === edge.sourceSide;
  const edges = layout.edges.map((edge, i) => {
    const old = oldEdges[i];
    if (same(edge, old)) return old as LayoutEdge;
    const shifted = oldEdges[i - shift];
    return same(edge, shifted) ? (shifted as LayoutEdge) : edge;
  });
  return { layout: sameGroupBands(layout, { nodes, edges, bounds: layout.bounds }), byId: NodeIndex.of(byId, nodes) };
}

export type Direction = 'left' | 'right' | 'up' | 'down';

const centreY = (node: LayoutNode) => node.y + node.height / 2;

/** Where an arrow key goes from a node: parent or child across, the nearest node of its column up or down. */
export function neighbour(model: MindModel, fromId: string, direction: Direction): string | undefined {
  const from = model.byId.get(fromId);
  if (!from) return undefined;
  if (direction === 'left' || direction === 'right') {
    const outward = from.side === 'center' ? direction : from.side;
    if (direction === outward) {
      const children = model.childrenOf(fromId)
        .map((id) => model.byId.get(id))
        .filter((n): n is LayoutNode => n !== undefined && (from.side !== 'center' || n.side === direction));
      // the child nearest the parent's middle, as the eye expects
      let best: LayoutNode | undefined;
      for (const child of children) {
        if (!best || Math.abs(centreY(child) - centreY(from)) < Math.abs(centreY(best) - centreY(from))) best = child;
      }
      return best?.id;
    }
    return from.parentId ?? undefined;
  }
  let best: LayoutNode | undefined;
  for (const node of model.layout.nodes) {
    if (node.side !== from.side || node.depth !== from.depth || node.id === fromId) continue;
    const dy = centreY(node) - centreY(from);
    if (direction === 'up' ? dy >= 0 : dy <= 0) continue;
    if (!best || Math.abs(dy) < Math.abs(centreY(best) - centreY(from))) best = node;
  }
  return best?.id;
}

/** The stage a node stands for when it is a stage group (its label is the stage's name), else undefined. */
export function stageOfNode(model: MindModel, nodeId: string): string | undefined {
  const node = model.byId.get(nodeId);
  return node?.type === 'stage' ? (node.stageId ?? undefined) : undefined;
}
