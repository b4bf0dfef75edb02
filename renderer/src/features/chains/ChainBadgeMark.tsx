/**
 * A chain link's number on the canvas and on the grid: the one chain badge of drawing/ (the
 * exports draw the same geometry as SVG markup). Colours come from CSS (`.chain-edge__badge`):
 * the dot takes the chain's colour from its link.
 */
import { chainBadge } from '../../drawing/chain-badge';
import type { Point } from '../../drawing/chain-geometry';

export function ChainBadgeMark({ number, at }: { readonly number: number; readonly at: Point }) {
  const badge = chainBadge(number, at);
  return (
    <g className="chain-edge__badge">
      <circle cx={badge.cx} cy={badge.cy} r={badge.r} />
      <text x={badge.textX} y={badge.textY} textAnchor="middle">
        {badge.label}
      </text>
    </g>
  );
}
