/**
 * The mind map's tree links as SVG path data (TreeEdges.tsx draws them): one cubic curve per
 * parent → child link, {@link LINKS_PER_PATH} curves per path string, in the layout's tree order.
 */
import type { LayoutEdge, LayoutNode, MapLayout } from './layout';

/** Curves per `<path>`: small enough that a path covers a patch of the map, few enough paths that an edit is cheap. */
export const LINKS_PER_PATH = 64;

export interface NodeBox {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

const r = (v: number) => Math.round(v * 10) / 10;

/**
 * One tree link as SVG path data: from the middle of the parent's side its child lies on to the
 * middle of the child's facing side, as React Flow's default bezier draws it (control points half
 * the horizontal distance out; a link that doubles back bends out by 25 × √distance × 0.25).
 * @example linkPath({ x: 0, y: 0, width: 100, height: 40 }, { x: 200, y: 100, width: 80, height: 20 }, 'right')
 * // 'M100,20C150,20 150,110 200,110'
 */
export function linkPath(parent: NodeBox, child: NodeBox, side: LayoutEdge['sourceSide']): string {
  const right = side === 'right';
  const sx = right ? parent.x + parent.width : parent.x;
  const sy = parent.y + parent.height / 2;
  const tx = right ? child.x : child.x + child.width;
  const ty = child.y + child.height / 2;
  const distance = right ? tx - sx : sx - tx;
  const offset = (distance >= 0 ? 0.5 * distance : 0.25 * 25 * Math.sqrt(-distance)) * (right ? 1 : -1);
  return `M${r(sx)},${r(sy)}C${r(sx + offset)},${r(sy)} ${r(tx - offset)},${r(ty)} ${r(tx)},${r(ty)}`;
}

/**
 * Each link's path data while its two nodes keep their layout records: the layout hands back the
 * same record for a node an edit did not move (mind-model.ts), so an edit recomputes only the
 * links whose ends moved.
 */
const pathCache = new WeakMap<LayoutEdge, { readonly parent: LayoutNode; readonly child: LayoutNode; readonly d: string }>();

function cachedPath(edge: LayoutEdge, parent: LayoutNode, child: LayoutNode): string {
  const hit = pathCache.get(edge);
  if (hit && hit.parent === parent && hit.child === child) return hit.d;
  const d = linkPath(parent, child, edge.sourceSide);
  pathCache.set(edge, { parent, child, d });
  return d;
}

/**
 * The path data of every link, {@link LINKS_PER_PATH} links per string, in the layout's order.
 * `moved` overrides a node's box (the node being dragged), so its links follow the pointer.
 */
export function linkPaths(layout: MapLayout, byId: ReadonlyMap<string, LayoutNode>, moved?: { readonly id: string; readonly x: number; readonly y: number }): string[] {
  const paths: string[] = [];
  let current = '';
  let count = 0;
  for (const edge of layout.edges) {
    const parent = byId.get(edge.source);
    const child = byId.get(edge.target);
    if (!parent || !child) continue;
    if (moved?.id === edge.source || moved?.id === edge.target) {
      const at = (node: LayoutNode): NodeBox => (node.id === moved.id ? { ...node, x: moved.x, y: moved.y } : node);
      current += linkPath(at(parent), at(child), edge.sourceSide);
    } else {
      current += cachedPath(edge, parent, child);
    }
    if (++count === LINKS_PER_PATH) {
      paths.push(current);
      current = '';
      count = 0;
    }
  }
  if (current) paths.push(current);
  return paths;
}
