/**
 * The part of a map a slide of one stage shows: the stage's group node(s) and everything under
 * them — its touchpoints and their details — on each side where the stage has touchpoints.
 *
 * Why whole subtrees of the layout, not a new layout: the slide shows the stage exactly where and
 * how the map draws it, so the picture matches the canvas and the whole-map export.
 */
import { parseGroupId } from '../../../drawing/projection';
import type { LayoutNode, MapLayout } from '../../../drawing/layout';
import type { StageId } from '@shared/model/types';

/**
 * The stage a selected node stands for, when it is a stage's group (in either grouping), else null.
 * @example selectedStage('group:online:stage:s-aw') // 's-aw'
 * @example selectedStage('t-k3j9x2') // null
 */
export function selectedStage(nodeId: string | null | undefined): string | null {
  if (!nodeId) return null;
  const target = parseGroupId(nodeId);
  return target?.stageId ?? null;
}

/**
 * The layout cut to one stage's subtrees, its bounds around what is left; null when the layout has
 * no group of that stage (a stage removed since it was selected): the caller draws the whole map.
 * Edges are kept only between nodes that are both inside.
 * @example const part = stageLayout(layout, 's-aw') ?? layout;
 */
export function stageLayout(layout: MapLayout, stageId: StageId): MapLayout | null {
  const groups = layout.nodes.filter((node) => node.type === 'stage' && node.stageId === stageId);
  if (groups.length === 0) return null;
  // A side where the stage has no touchpoint stays out, unless it is the only one there is.
  const withTouchpoints = groups.filter((node) => (node.count ?? 0) > 0);
  const roots = new Set((withTouchpoints.length > 0 ? withTouchpoints : groups).map((node) => node.id));
  const inside = new Set<string>();
  // Pre-order: a parent comes before its children, so one pass collects whole subtrees.
  for (const node of layout.nodes) {
    if (roots.has(node.id) || (node.parentId !== null && inside.has(node.parentId))) inside.add(node.id);
  }
  const nodes = layout.nodes.filter((node) => inside.has(node.id));
  const edges = layout.edges.filter((edge) => inside.has(edge.source) && inside.has(edge.target));
  return { nodes, edges, bounds: boundsOf(nodes) };
}

function boundsOf(nodes: readonly LayoutNode[]): MapLayout['bounds'] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const node of nodes) {
    minX = Math.min(minX, node.x);
    minY = Math.min(minY, node.y);
    maxX = Math.max(maxX, node.x + node.width);
    maxY = Math.max(maxY, node.y + node.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}
