/**
 * The chain badge: a chain step's number in a filled dot, in the chain's colour. The canvas's
 * chain links, the grid's chain overlay and every export draw it from this one geometry, so the
 * dot looks the same wherever a chain is shown. Pure: the callers turn it into React elements or
 * SVG markup.
 */
import type { Point } from './chain-geometry';

export const CHAIN_BADGE = {
  /** Room for two digits of 11 px bold, the same for one digit so a chain's dots line up. */
  radius: 10,
  fontSize: 11,
  fontWeight: 700,
  /** The number's baseline below the dot's centre: 0.35 em of 11 px, which centres its digits. */
  baseline: 4,
  /** The number is white on every chain colour (each is dark enough in both themes). */
  textColour: '#ffffff',
} as const;

export interface ChainBadge {
  readonly cx: number;
  readonly cy: number;
  readonly r: number;
  readonly label: string;
  /** Where the number's baseline starts; it is drawn centred (`text-anchor="middle"`). */
  readonly textX: number;
  readonly textY: number;
}

/**
 * The badge of step `number` centred at `at`.
 * @example chainBadge(2, { x: 40, y: 20 }) // { cx: 40, cy: 20, r: 10, label: '2', textX: 40, textY: 24 }
 */
export function chainBadge(number: number, at: Point): ChainBadge {
  return { cx: at.x, cy: at.y, r: CHAIN_BADGE.radius, label: String(number), textX: at.x, textY: at.y + CHAIN_BADGE.baseline };
}
