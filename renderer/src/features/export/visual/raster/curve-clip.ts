/**
 * The part of a long curve a raster strip shows. A chain link or a tree edge can run the whole
 * height of a big map (a 2,000-topic map at 2× is 25 strips of ~4,000 rows, and its chain links
 * span ~90,000); the canvas strokes — and dashes — the WHOLE curve before it clips to the strip,
 * so every strip paid for every long curve over its full length (a dashed one most: Skia makes
 * every dash). A strip now paints only the piece of the curve within its rows: cut from the
 * curve exactly (de Casteljau), and for a dashed line started at the dash pattern's phase there
 * (the arc length up to the cut), so the strips' pieces meet as one line.
 *
 * Pure geometry on the one-curve paths the export draws ("M x,y C …" tree edges, "M x,y Q …"
 * chain links); any other path is painted whole.
 */

/** A curve's control points, x and y in turn, start point first: 6 numbers (quadratic) or 8 (cubic). */
export type CurvePoints = readonly number[];

const NUMBER = String.raw`(-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)`;
const PAIR = String.raw`${NUMBER}[ ,]+${NUMBER}`;
const CUBIC = new RegExp(String.raw`^\s*M\s*${PAIR}\s*C\s*${PAIR}[ ,]+${PAIR}[ ,]+${PAIR}\s*$`);
const QUADRATIC = new RegExp(String.raw`^\s*M\s*${PAIR}\s*Q\s*${PAIR}[ ,]+${PAIR}\s*$`);

/**
 * The control points of path data that is one absolute curve, else null.
 * @example singleCurve('M0,0 Q5,10 10,0') // [0, 0, 5, 10, 10, 0]
 */
export function singleCurve(d: string): CurvePoints | null {
  const match = CUBIC.exec(d) ?? QUADRATIC.exec(d);
  return match ? match.slice(1).map(Number) : null;
}

/** The curve's rows: the least and greatest y of its control points (the curve lies within them). */
export function curveRows(points: CurvePoints): [number, number] {
  let top = Infinity;
  let bottom = -Infinity;
  for (let i = 1; i < points.length; i += 2) {
    top = Math.min(top, points[i] as number);
    bottom = Math.max(bottom, points[i] as number);
  }
  return [top, bottom];
}

/** Splits at t: the control points of [0, t] and of [t, 1] (de Casteljau, exact). */
function split(points: CurvePoints, t: number): [number[], number[]] {
  const n = points.length / 2;
  let level = [...points];
  const left: number[] = [level[0] as number, level[1] as number];
  const right: number[] = [level[level.length - 2] as number, level[level.length - 1] as number];
  for (let k = 1; k < n; k++) {
    const next: number[] = [];
    for (let i = 0; i + 3 < level.length; i += 2) {
      next.push((level[i] as number) + t * ((level[i + 2] as number) - (level[i] as number)), (level[i + 1] as number) + t * ((level[i + 3] as number) - (level[i + 1] as number)));
    }
    left.push(next[0] as number, next[1] as number);
    right.unshift(next[next.length - 2] as number, next[next.length - 1] as number);
    level = next;
  }
  return [left, right];
}

/**
 * The control points of the curve between parameters t0 < t1.
 * @example subCurve([0, 0, 5, 10, 10, 0], 0, 0.5) // [0, 0, 2.5, 5, 5, 5]
 */
export function subCurve(points: CurvePoints, t0: number, t1: number): number[] {
  const head = t1 < 1 ? split(points, t1)[0] : [...points];
  return t0 > 0 ? split(head, t0 / t1)[1] : head;
}

/**
 * The parameters [t0, t1] between which the curve can reach rows [top, bottom] (null: it never
 * does). Pieces are halved until each lies wholly inside or outside the rows (or is tiny), so
 * [t0, t1] holds every point within them; a curve that leaves the rows and comes back keeps the
 * stretch between.
 * @example visibleSpan([0, 0, 0, 50, 0, 100], 40, 60) // ≈ [0.4, 0.6], a little wider
 */
export function visibleSpan(points: CurvePoints, top: number, bottom: number): [number, number] | null {
  let t0 = Infinity;
  let t1 = -Infinity;
  const visit = (piece: CurvePoints, from: number, to: number, depth: number) => {
    const [pieceTop, pieceBottom] = curveRows(piece);
    if (pieceBottom < top || pieceTop > bottom) return;
    if (depth >= 24 || (pieceTop >= top && pieceBottom <= bottom)) {
      t0 = Math.min(t0, from);
      t1 = Math.max(t1, to);
      return;
    }
    const [left, right] = split(piece, 0.5);
    const mid = (from + to) / 2;
    visit(left, from, mid, depth + 1);
    visit(right, mid, to, depth + 1);
  };
  visit(points, 0, 1, 0);
  return t0 <= t1 ? [t0, t1] : null;
}

/** Gauss–Legendre nodes and weights on [-1, 1], five points: exact for polynomials to degree 9. */
const GAUSS_X = [0, -0.5384693101056831, 0.5384693101056831, -0.906179845938664, 0.906179845938664];
const GAUSS_W = [0.5688888888888889, 0.47862867049936647, 0.47862867049936647, 0.23692688505618908, 0.23692688505618908];

/** The speed |B'(t)| of the curve at t. */
function speed(points: CurvePoints, t: number): number {
  const n = points.length / 2 - 1; // degree
  const u = 1 - t;
  let dx = 0;
  let dy = 0;
  // B'(t) = n Σ (P[i+1] − P[i]) · Bernstein(n−1, i)(t)
  const basis = n === 2 ? [u, t] : [u * u, 2 * u * t, t * t];
  for (let i = 0; i < n; i++) {
    dx += (basis[i] as number) * ((points[2 * i + 2] as number) - (points[2 * i] as number));
    dy += (basis[i] as number) * ((points[2 * i + 3] as number) - (points[2 * i + 1] as number));
  }
  return n * Math.hypot(dx, dy);
}

/**
 * The curve's length from its start to parameter t (where a dashed piece cut at t starts its
 * pattern). Gauss–Legendre over 32 stretches: within a twentieth of a pixel over a map’s height.
 * @example arcLength([0, 0, 50, 0, 100, 0], 0.5) // 50
 */
export function arcLength(points: CurvePoints, t: number): number {
  const stretches = 32;
  const h = t / stretches;
  let length = 0;
  for (let s = 0; s < stretches; s++) {
    const mid = (s + 0.5) * h;
    for (let k = 0; k < GAUSS_X.length; k++) length += (GAUSS_W[k] as number) * speed(points, mid + ((GAUSS_X[k] as number) * h) / 2);
  }
  return (length * h) / 2;
}
