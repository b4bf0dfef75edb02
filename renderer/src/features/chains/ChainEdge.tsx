/**
 * Chains on the mind map: each link between consecutive steps of a shown chain is a React Flow
 * edge of type `chain` — a curve in the chain's colour with an arrowhead and the link's number
 * at its midpoint. They are React Flow's only edges on the mind map, drawn above the tree links
 * (TreeEdges.tsx).
 */
import { memo, useMemo } from 'react';
import type { Edge, EdgeProps } from '@xyflow/react';
import { useDocumentStore } from '../../store/document-store';
import { CHAIN_TOKENS, chainColourVar } from '../../drawing/theme';
import { chainLinks, weakLinkIds } from './chain-model';
import { loopLink, sideLink } from '../../drawing/chain-geometry';
import { useChainUiStore } from './chain-ui-store';
import { ChainBadgeMark } from './ChainBadgeMark';
import type { TopicId } from '@shared/model/types';

export type ChainEdgeData = {
  readonly number: number;
  readonly colourIndex: number;
  readonly lane: number;
  readonly chainName: string;
  /** Both ends in one column: loop out on this side (+1 right, −1 left); 0 otherwise. */
  readonly loop: -1 | 0 | 1;
};
export type ChainFlowEdge = Edge<ChainEdgeData, 'chain'>;

/** The id of the arrowhead marker for a palette slot (defined once by `ChainMarkers`). */
export const chainMarkerId = (colourIndex: number) => `tm-chain-arrow-${(colourIndex % CHAIN_TOKENS.length) + 1}`;

/** The arrowheads, one per palette colour, in a zero-size SVG: `url(#id)` finds them document-wide. */
export const ChainMarkers = memo(function ChainMarkers() {
  return (
    <svg className="chain-markers" width="0" height="0" aria-hidden focusable="false">
      <defs>
        {CHAIN_TOKENS.map((_, i) => (
          <marker key={i} id={chainMarkerId(i)} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse" markerUnits="strokeWidth">
            <path d="M0,1 L10,5 L0,9 z" style={{ fill: chainColourVar(i) }} />
          </marker>
        ))}
      </defs>
    </svg>
  );
});

/** One chain link on the canvas. */
export const ChainEdge = memo(function ChainEdge({ id, sourceX, sourceY, targetX, targetY, data }: EdgeProps<ChainFlowEdge>) {
  if (!data) return null;
  const from = { x: sourceX, y: sourceY };
  const to = { x: targetX, y: targetY };
  const { path, mid } = data.loop === 0 ? sideLink(from, to, data.lane) : loopLink(from, to, data.loop, data.lane);
  const colour = chainColourVar(data.colourIndex);
  return (
    <g className="chain-edge" data-chain-link={id} style={{ color: colour }}>
      <title>{`${data.chainName} · ${data.number} → ${data.number + 1}`}</title>
      <path d={path} className="chain-edge__path" markerEnd={`url(#${chainMarkerId(data.colourIndex)})`} />
      <ChainBadgeMark number={data.number} at={mid} />
    </g>
  );
});

/** At module level so React Flow never sees a new object. */
export const CHAIN_EDGE_TYPES = { chain: ChainEdge };

/** The laid-out nodes the chain edges need: where each is and on which side of the map. */
export interface PlacedNode {
  readonly x: number;
  readonly width: number;
  readonly side: 'left' | 'right' | 'center';
}

/** One empty list, so a map without chains hands React Flow the same edges after every edit. */
const NO_LINKS: ChainFlowEdge[] = [];

/** The same link drawn the same way: ends, handles and every data field. */
function sameEdge(a: ChainFlowEdge, b: ChainFlowEdge): boolean {
  const x = a.data;
  const y = b.data;
  return (
    a.id === b.id &&
    a.source === b.source &&
    a.target === b.target &&
    a.sourceHandle === b.sourceHandle &&
    a.targetHandle === b.targetHandle &&
    x !== undefined &&
    y !== undefined &&
    x.number === y.number &&
    x.colourIndex === y.colourIndex &&
    x.lane === y.lane &&
    x.chainName === y.chainName &&
    x.loop === y.loop
  );
}

/**
 * `next` with every edge that equals one of `previous` (by id) replaced by that object, and
 * `previous` itself when nothing changed: most edits leave the chains alone, and React
 * Flow re-renders an edge whose object is new — every chain link on every Tab.
 * @example keepSameEdges(before, after) === before // when no link changed
 */
export function keepSameEdges(previous: readonly ChainFlowEdge[], next: ChainFlowEdge[]): ChainFlowEdge[] {
  if (previous.length === 0) return next.length === 0 ? (previous as ChainFlowEdge[]) : next;
  const byId = new Map(previous.map((edge) => [edge.id, edge]));
  let changed = next.length !== previous.length;
  const kept = next.map((edge, i) => {
    const old = byId.get(edge.id);
    if (old !== undefined && sameEdge(old, edge)) {
      if (previous[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return edge;
  });
  return changed ? kept : (previous as ChainFlowEdge[]);
}

/** The chain edges last handed to the canvas (there is one mind map canvas at a time). */
let lastEdges: ChainFlowEdge[] = NO_LINKS;

/**
 * The chain edges for the mind map's current layout. Links to a node that is not laid out
 * (its group is folded) are left out. Handles: a link going right leaves the source's right
 * side and enters the target's left; going left, the reverse; within one column it loops out
 * on the column's outer side.
 */
export function useChainEdges(byId: ReadonlyMap<string, PlacedNode> | undefined): ChainFlowEdge[] {
  const doc = useDocumentStore((s) => s.doc);
  const hidden = useChainUiStore((s) => s.hidden);
  return useMemo(() => {
    if (!doc || !byId || doc.chainOrder.length === 0) return (lastEdges = NO_LINKS);
    const edges: ChainFlowEdge[] = [];
    for (const link of chainLinks(doc, hidden)) {
      const a = byId.get(link.from);
      const b = byId.get(link.to);
      if (!a || !b) continue;
      const ax = a.x + a.width / 2;
      const bx = b.x + b.width / 2;
      const sameColumn = Math.abs(ax - bx) < Math.min(a.width, b.width) / 2;
      const outward: 1 | -1 = a.side === 'left' ? -1 : 1;
      const goingRight = bx > ax;
      const sourceHandle = sameColumn ? (outward === 1 ? 'right-out' : 'left-out') : goingRight ? 'right-out' : 'left-out';
      const targetHandle = sameColumn ? (outward === 1 ? 'right-in' : 'left-in') : goingRight ? 'left-in' : 'right-in';
      edges.push({
        id: link.id,
        type: 'chain',
        source: link.from,
        target: link.to,
        sourceHandle,
        targetHandle,
        selectable: false,
        focusable: false,
        data: { number: link.number, colourIndex: link.colourIndex, lane: link.lane, chainName: link.chainName, loop: sameColumn ? outward : 0 },
      });
    }
    lastEdges = keepSameEdges(lastEdges, edges);
    return lastEdges;
  }, [doc, hidden, byId]);
}

/** True when this topic is the weak link of a shown chain: the node wears the marker. */
export function useIsWeakLink(topicId: TopicId): boolean {
  const hidden = useChainUiStore((s) => s.hidden);
  return useDocumentStore((s) => (s.doc && s.doc.chainOrder.length > 0 ? weakLinkIds(s.doc, hidden).has(topicId) : false));
}
