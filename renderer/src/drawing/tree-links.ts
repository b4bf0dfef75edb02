/**
 * The mind map's tree links as SVG path data (TreeEdges.tsx draws them): one cubic curve per
 * parent → child link, a few dozen curves per path, in the layout's tree order.
 *
 * Why the paths are cut where they are and drawn relative to an origin: adding a touchpoint moves
 * every node below it down by one row — thousands at 5,000 topics — and with absolute coordinates
 * every path below would get new data for the browser to parse. The links into groups are one
 * path; each group's own links start a new path (another after {@link LINKS_PER_PATH} curves)
 * holding its curves relative to the top of its first link's child, so a group that merely moved
 * keeps its path data word for word and only the path's `translate` changes.
 */
import { shiftsOf, type LayoutEdge, type LayoutNode, type MapLayout, type ShiftedRange } from './layout';

/** Curves per `<path>` at most: small enough that a path covers a patch of the map, few enough paths that an edit is cheap. */
export const LINKS_PER_PATH = 64;

/** A path start at every link into a node this shallow: the root's groups and their groups. */
const GROUP_DEPTH = 2;

export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** Some links as one path: its data, drawn `dy` px down. */
export interface LinkPath {
  /** The first link's child: a path's identity across edits (an index would shift with every path added before it). */
  readonly key: string;
  readonly d: string;
  readonly dy: number;
}

const r = (v: number) => Math.round(v * 10) / 10;

/**
 * One tree link as SVG path data, `dy` px above where it is drawn: from the middle of the parent's
 * side its child lies on to the middle of the child's facing side, as React Flow's default bezier
 * draws it (control points half the horizontal distance out; a link that doubles back bends out by
 * 25 × √distance × 0.25).
 * @example linkPath({ x: 0, y: 0, width: 100, height: 40 }, { x: 200, y: 100, width: 80, height: 20 }, 'right')
 * // 'M100,20C150,20 150,110 200,110'
 */
export function linkPath(parent: NodeBox, child: NodeBox, side: LayoutEdge['sourceSide'], dy = 0): string {
  const right = side === 'right';
  const sx = right ? parent.x + parent.width : parent.x;
  const sy = parent.y + parent.height / 2 - dy;
  const tx = right ? child.x : child.x + child.width;
  const ty = child.y + child.height / 2 - dy;
  const distance = right ? tx - sx : sx - tx;
  const offset = (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance)) * (right ? 1 : -1);
  return `M${r(sx)},${r(sy)}C${r(sx + offset)},${r(sy)} ${r(tx - offset)},${r(ty)} ${r(tx)},${r(ty)}`;
}

/** What a link's path data depends on: both boxes, relative to the path's origin. */
interface CachedLink {
  readonly px: number;
  readonly py: number;
  readonly pw: number;
  readonly ph: number;
  readonly cx: number;
  readonly cy: number;
  readonly cw: number;
  readonly ch: number;
  readonly d: string;
}

/**
 * Each link's path data, kept while its two boxes stay where they were relative to the path's
 * origin. Keyed by the layout's edge record, which an edit that does not re-link a node keeps
 * (mind-model.ts); compared by place, not by node record: a group an edit pushed down has new
 * node records at new places, but the same data relative to its origin — rebuilding those
 * strings (eight numbers printed per link, thousands of links) cost more than the layout on the
 * first Tab after a map opened.
 */
const pathCache = new WeakMap<LayoutEdge, CachedLink>();

function cachedPath(edge: LayoutEdge, parent: NodeBox, child: NodeBox, dy: number): string {
  const py = parent.y - dy;
  const cy = child.y - dy;
  const hit = pathCache.get(edge);
  if (
    hit !== undefined &&
    hit.px === parent.x &&
    hit.py === py &&
    hit.cx === child.x &&
    hit.cy === cy &&
    hit.pw === parent.width &&
    hit.ph === parent.height &&
    hit.cw === child.width &&
    hit.ch === child.height
  ) {
    return hit.d;
  }
  const d = linkPath(parent, child, edge.sourceSide, dy);
  pathCache.set(edge, { px: parent.x, py, pw: parent.width, ph: parent.height, cx: child.x, cy, cw: child.width, ch: child.height, d });
  return d;
}

/** A path of links below the groups, as made for one layout: where its links start among the layout's edges, and how many. */
interface DeepPath extends LinkPath {
  readonly edge: number;
  /** Edges from the first link to the last, both counted. */
  readonly span: number;
}

/**
 * Each layout's paths below the groups, by the index of their first link. A layout made by re-laying
 * one cell (layout.ts `shiftsOf`) carries over the paths of every group subtree that only moved —
 * the same data, a new offset — instead of walking their links again: after a Tab at 20,000 topics
 * that walk compared ~20,000 links to find the few dozen that changed.
 */
const deepPathsOf = new WeakMap<MapLayout, ReadonlyMap<number, DeepPath>>();

/**
 * Every link as paths, in the layout's order (see the file's comment for where paths start); the
 * links into groups come first, as one path.
 * `moved` overrides a node's place (the node being dragged), so its links follow the pointer.
 */
export function linkPaths(layout: MapLayout, byId: ReadonlyMap<string, LayoutNode>, moved?: { readonly id: string; readonly x: number; readonly y: number }): LinkPath[] {
  const paths: LinkPath[] = [];
  const deep = moved === undefined ? new Map<number, DeepPath>() : null;
  // what the layout this one was made from drew, and the ranges of it that only moved
  const shifts = deep === null ? undefined : shiftsOf(layout);
  const before = shifts === undefined ? undefined : deepPathsOf.get(shifts.previous);
  const ranges: readonly ShiftedRange[] = before === undefined || shifts === undefined ? [] : shifts.ranges;
  const oldEdges = shifts?.previous.edges ?? [];
  let range = 0;
  // the links into groups: few, and they move whenever a group grows, so they are a path of their own
  let trunk = '';
  let key = '';
  let d = '';
  let dy = 0;
  let start = 0;
  let last = 0;
  let count = 0;
  const flush = () => {
    if (count > 0) {
      const path = { key, d, dy };
      paths.push(path);
      deep?.set(start, { ...path, edge: start, span: last - start + 1 });
    }
    d = '';
    count = 0;
  };
  const curve = (edge: LayoutEdge, parent: LayoutNode, child: LayoutNode, origin: number) => {
    if (moved?.id !== edge.source && moved?.id !== edge.target) return cachedPath(edge, parent, child, origin);
    const at = (node: LayoutNode): NodeBox => (node.id === moved.id ? { ...node, x: moved.x, y: moved.y } : node);
    return linkPath(at(parent), at(child), edge.sourceSide, origin);
  };
  const edges = layout.edges;
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i] as LayoutEdge;
    if (count === 0 && before !== undefined) {
      // Edge i leads into node i + 1 (one link per node, in the nodes' order): inside a range that
      // only moved, a path that started here before is the same path, moved as the range moved.
      while (range < ranges.length && (ranges[range] as ShiftedRange).to <= i + 1) range++;
      const r = ranges[range];
      if (r !== undefined && r.from <= i + 1) {
        const o = i + 1 - r.from + r.oldFrom - 1;
        const was = before.get(o);
        if (was !== undefined && o + 1 + was.span <= r.oldFrom + (r.to - r.from) && oldEdges[o] === edge && oldEdges[o + was.span - 1] === edges[i + was.span - 1]) {
          const path = { key: was.key, d: was.d, dy: was.dy + r.dy };
          paths.push(path);
          deep?.set(i, { ...path, edge: i, span: was.span });
          i += was.span - 1;
          continue;
        }
      }
    }
    const parent = byId.get(edge.source);
    const child = byId.get(edge.target);
    if (!parent || !child) continue;
    if (child.depth <= GROUP_DEPTH) {
      trunk += curve(edge, parent, child, 0);
      flush(); // a new group's links start a new path
      continue;
    }
    if (count === LINKS_PER_PATH) flush();
    if (count === 0) {
      key = child.id;
      dy = child.y;
      start = i;
    }
    d += curve(edge, parent, child, dy);
    last = i;
    count++;
  }
  flush();
  if (trunk) paths.unshift({ key: 'trunk', d: trunk, dy: 0 });
  if (deep !== null) deepPathsOf.set(layout, deep);
  return paths;
}
