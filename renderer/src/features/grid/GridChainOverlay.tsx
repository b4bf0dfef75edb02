/**
 * The chains drawn across the grid: an SVG over the table, one numbered arrow per link between
 * consecutive steps of each shown chain. Card positions come from the DOM (the grid is laid out
 * by CSS), measured after each render and again when the table resizes or a cell scrolls —
 * batched to one measure per animation frame. A card scrolled out of its cell is pinned to the
 * cell's visible edge, so the arrow still points the right way.
 */
import { memo, useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useDocumentStore } from '../../store/document-store';
import { chainLinks, useChainUiStore, chainMarkerId, ChainMarkers, ChainBadgeMark } from '../chains';
import { sideLink, verticalLink, type LinkCurve, type Point } from '../../drawing/chain-geometry';
import { chainColourVar } from '../../drawing/theme';
import type { GridProjection } from '../../drawing/grid-projection';
import type { ChainId, SegmentId, TopicId } from '@shared/model/types';

interface DrawnLink extends LinkCurve {
  readonly id: string;
  readonly colourIndex: number;
  readonly number: number;
  readonly title: string;
}

interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

const clampBox = (box: Box, within: Box): Box => {
  const top = Math.min(Math.max(box.top, within.top), within.bottom - 8);
  const bottom = Math.max(Math.min(box.bottom, within.bottom), within.top + 8);
  return { left: box.left, right: box.right, top: Math.min(top, bottom), bottom: Math.max(top, bottom) };
};

function measure(table: HTMLElement, grid: GridProjection, links: ReturnType<typeof chainLinks>, segmentOf: (chainId: ChainId) => SegmentId | undefined): DrawnLink[] {
  const origin = table.getBoundingClientRect();
  const boxes = new Map<string, Box | null>();
  const boxOf = (topicId: TopicId, chainId: ChainId): Box | null => {
    const cells = grid.cellsOf.get(topicId);
    if (!cells || cells.length === 0) return null;
    // in segment rows, the copy in the chain's own segment row
    const segment = segmentOf(chainId);
    const cellKey = (segment && cells.find((key) => key.startsWith(`segment:${segment}|`))) || (cells[0] as string);
    const key = `${cellKey}/${topicId}`;
    if (boxes.has(key)) return boxes.get(key) ?? null;
    const card = table.querySelector<HTMLElement>(`[data-card="${CSS.escape(key)}"]`);
    const list = card?.parentElement;
    let box: Box | null = null;
    if (card && list) {
      const r = card.getBoundingClientRect();
      const l = list.getBoundingClientRect();
      const rel = (b: DOMRect): Box => ({ left: b.left - origin.left, top: b.top - origin.top, right: b.right - origin.left, bottom: b.bottom - origin.top });
      box = clampBox(rel(r), rel(l));
    }
    boxes.set(key, box);
    return box;
  };
  const drawn: DrawnLink[] = [];
  for (const link of links) {
    const a = boxOf(link.from, link.chainId);
    const b = boxOf(link.to, link.chainId);
    if (!a || !b) continue;
    const ax = (a.left + a.right) / 2;
    const bx = (b.left + b.right) / 2;
    let curve: LinkCurve;
    if (Math.abs(ax - bx) < (a.right - a.left) / 2) {
      const down = b.top >= a.top;
      const from: Point = { x: ax, y: down ? a.bottom : a.top };
      const to: Point = { x: bx, y: down ? b.top : b.bottom };
      curve = verticalLink(from, to, link.lane);
    } else {
      const right = bx > ax;
      const from: Point = { x: right ? a.right : a.left, y: (a.top + a.bottom) / 2 };
      const to: Point = { x: right ? b.left : b.right, y: (b.top + b.bottom) / 2 };
      curve = sideLink(from, to, link.lane);
    }
    drawn.push({ ...curve, id: link.id, colourIndex: link.colourIndex, number: link.number, title: `${link.chainName} · ${link.number} → ${link.number + 1}` });
  }
  return drawn;
}

/**
 * Rendered inside the grid's table: it measures the table it sits in (its SVG's parent — the
 * table's own ref is attached only after this component's layout effect has run).
 */
export const GridChainOverlay = memo(function GridChainOverlay({ grid }: { readonly grid: GridProjection }) {
  const svgRef = useRef<SVGSVGElement>(null);
  const doc = useDocumentStore((s) => s.doc);
  const hidden = useChainUiStore((s) => s.hidden);
  const [drawn, setDrawn] = useState<{ links: DrawnLink[]; width: number; height: number }>({ links: [], width: 0, height: 0 });

  const remeasure = useCallback(() => {
    const table = svgRef.current?.parentElement;
    if (!table || !doc) return;
    const links = chainLinks(doc, hidden);
    const segmentOf = (chainId: ChainId) => doc.chains[chainId]?.segmentId;
    setDrawn({ links: links.length === 0 ? [] : measure(table, grid, links, segmentOf), width: table.scrollWidth, height: table.scrollHeight });
  }, [doc, hidden, grid]);

  useLayoutEffect(() => {
    remeasure();
    const table = svgRef.current?.parentElement;
    if (!table) return;
    let frame = 0;
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), remeasure()));
    };
    const observer = new ResizeObserver(schedule);
    observer.observe(table);
    // scroll does not bubble; capture sees every cell's scroll
    table.addEventListener('scroll', schedule, { capture: true, passive: true });
    return () => {
      observer.disconnect();
      table.removeEventListener('scroll', schedule, { capture: true });
      cancelAnimationFrame(frame);
    };
  }, [remeasure]);

  // Two layers: the lines under the cards (no line strikes through a card's text), the link
  // numbers over them (a number in the gap between two stacked cards stays readable).
  return (
    <>
      <ChainMarkers />
      <svg ref={svgRef} className="grid-chains" width={drawn.width} height={drawn.height} aria-hidden>
        {drawn.links.map((link) => (
          <g key={link.id} className="chain-edge" data-chain-link={link.id} style={{ color: chainColourVar(link.colourIndex) }}>
            <title>{link.title}</title>
            <path d={link.path} className="chain-edge__path" markerEnd={`url(#${chainMarkerId(link.colourIndex)})`} />
          </g>
        ))}
      </svg>
      <svg className="grid-chains grid-chains--numbers" width={drawn.width} height={drawn.height} aria-hidden>
        {drawn.links.map((link) => (
          <g key={link.id} className="chain-edge" style={{ color: chainColourVar(link.colourIndex) }}>
            <ChainBadgeMark number={link.number} at={link.mid} />
          </g>
        ))}
      </svg>
    </>
  );
});
