/**
 * The shape of a chain link, shared by the mind map's chain edges and the grid's chain overlay:
 * a cubic curve between two anchor points, and the point halfway along it for the link's number.
 * Pure arithmetic, no DOM.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface LinkCurve {
  /** An SVG path `d`. */
  readonly path: string;
  /** Where the curve is at t = ½: the number sits there. */
  readonly mid: Point;
}

/** Lanes of different chains between the same two nodes are this far apart, px. */
export const LANE_SPREAD = 14;

const cubicMid = (p0: Point, c1: Point, c2: Point, p3: Point): Point => ({
  x: (p0.x + 3 * c1.x + 3 * c2.x + p3.x) / 8,
  y: (p0.y + 3 * c1.y + 3 * c2.y + p3.y) / 8,
});

const curve = (p0: Point, c1: Point, c2: Point, p3: Point): LinkCurve => ({
  path: `M${p0.x},${p0.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${p3.x},${p3.y}`,
  mid: cubicMid(p0, c1, c2, p3),
});

/**
 * A link that leaves and enters sideways (the mind map's nodes, the grid's cards in different
 * columns). The curve bows up by a lane-dependent amount, so it never lies on a tree edge and
 * chains sharing two nodes stay apart.
 * @example sideLink({ x: 0, y: 0 }, { x: 200, y: 0 }, 0).path // 'M0,0 C100,-24 100,-24 200,0'
 */
export function sideLink(from: Point, to: Point, lane: number): LinkCurve {
  const dx = (to.x - from.x) / 2;
  const bow = -(24 + lane * LANE_SPREAD);
  return curve(from, { x: from.x + dx, y: from.y + bow }, { x: to.x - dx, y: to.y + bow }, to);
}

/**
 * A link between two nodes of one column: it leaves and re-enters the same side (`outward` = +1
 * for the right, −1 for the left) in a loop clear of the column.
 * @example loopLink({ x: 100, y: 0 }, { x: 100, y: 60 }, 1, 0).mid // { x: 137.5, y: 30 }
 */
export function loopLink(from: Point, to: Point, outward: 1 | -1, lane: number): LinkCurve {
  const reach = outward * (50 + lane * LANE_SPREAD);
  return curve(from, { x: from.x + reach, y: from.y }, { x: to.x + reach, y: to.y }, to);
}

/**
 * A link that leaves a card's bottom and enters the next card's top (or the reverse, going up):
 * the grid's steps within one column.
 */
export function verticalLink(from: Point, to: Point, lane: number): LinkCurve {
  const dy = (to.y - from.y) / 2;
  const bow = 18 + lane * LANE_SPREAD;
  return curve(from, { x: from.x + bow, y: from.y + dy }, { x: to.x + bow, y: to.y - dy }, to);
}
