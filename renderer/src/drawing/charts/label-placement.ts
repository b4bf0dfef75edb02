/**
 * Places the labels of a scatter of dots so that no two overlap and none covers a dot: greedy,
 * the most important dot first, each label trying eight sides of its dot, near then farther out
 * (a leader line then joins it to its dot). A label with no free place left is reported, so the
 * chart can list it instead of printing it over another.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LabelRequest {
  readonly id: string;
  /** The dot's centre and radius. */
  readonly x: number;
  readonly y: number;
  readonly r: number;
  /** The label's size (measured with text-metrics, so CJK widths are right). */
  readonly width: number;
  readonly height: number;
}

export interface PlacedLabel {
  readonly id: string;
  readonly box: Rect;
  /** Where a leader line starts (on the dot's edge) and ends (on the label's box); null when the label sits by its dot. */
  readonly leader: { readonly from: { x: number; y: number }; readonly to: { x: number; y: number } } | null;
}

const GAP = 3;
const RING_STEP = 14;
const RINGS = 6;
// right, left, above, below, then the diagonals: the order a reader looks for a label
const SIDES: readonly (readonly [number, number])[] = [
  [1, 0],
  [-1, 0],
  [0, -1],
  [0, 1],
  [1, -1],
  [1, 1],
  [-1, -1],
  [-1, 1],
];

export function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function inside(a: Rect, bounds: Rect): boolean {
  return a.x >= bounds.x && a.y >= bounds.y && a.x + a.width <= bounds.x + bounds.width && a.y + a.height <= bounds.y + bounds.height;
}

/**
 * The dots in square buckets, so a label's candidate place is checked against the few dots near
 * it rather than all of them: a matrix of thousands of touchpoints places its labels in
 * milliseconds instead of seconds.
 */
class DotGrid {
  private static readonly CELL = 32;
  private readonly cells = new Map<string, Rect[]>();
  constructor(dots: readonly LabelRequest[]) {
    for (const d of dots) {
      const rect = { x: d.x - d.r - 1, y: d.y - d.r - 1, width: 2 * d.r + 2, height: 2 * d.r + 2 };
      this.each(rect, (key) => {
        const list = this.cells.get(key);
        if (list) list.push(rect);
        else this.cells.set(key, [rect]);
      });
    }
  }
  private each(rect: Rect, visit: (key: string) => void): void {
    const c = DotGrid.CELL;
    for (let gx = Math.floor(rect.x / c); gx <= Math.floor((rect.x + rect.width) / c); gx += 1) {
      for (let gy = Math.floor(rect.y / c); gy <= Math.floor((rect.y + rect.height) / c); gy += 1) visit(`${gx}:${gy}`);
    }
  }
  hits(box: Rect): boolean {
    let hit = false;
    this.each(box, (key) => {
      if (!hit) hit = (this.cells.get(key) ?? []).some((d) => overlaps(d, box));
    });
    return hit;
  }
}

function candidate(req: LabelRequest, side: readonly [number, number], distance: number): Rect {
  const [dx, dy] = side;
  const diagonal = dx !== 0 && dy !== 0 ? Math.SQRT1_2 : 1;
  const cx = req.x + dx * distance * diagonal;
  const cy = req.y + dy * distance * diagonal;
  const x = dx > 0 ? cx : dx < 0 ? cx - req.width : cx - req.width / 2;
  const y = dy > 0 ? cy : dy < 0 ? cy - req.height : cy - req.height / 2;
  return { x, y, width: req.width, height: req.height };
}

function nearestOn(box: Rect, x: number, y: number): { x: number; y: number } {
  return { x: Math.min(box.x + box.width, Math.max(box.x, x)), y: Math.min(box.y + box.height, Math.max(box.y, y)) };
}

/**
 * Places labels in the order given (put the most important first), clear of the dots (their own
 * and `otherDots`, left unlabelled), of each other and of `obstacles`.
 * @example placeLabels([{ id: 'a', x: 50, y: 50, r: 5, width: 40, height: 14 }], { x: 0, y: 0, width: 200, height: 200 })
 */
export function placeLabels(requests: readonly LabelRequest[], bounds: Rect, obstacles: readonly Rect[] = [], otherDots: readonly LabelRequest[] = []): { placed: PlacedLabel[]; unplaced: string[] } {
  const dots = new DotGrid([...requests, ...otherDots]);
  // fixed texts (a quadrant's name) no label may cover
  const taken: Rect[] = [...obstacles];
  const placed: PlacedLabel[] = [];
  const unplaced: string[] = [];
  for (const req of requests) {
    let found: PlacedLabel | null = null;
    for (let ring = 0; ring < RINGS && !found; ring += 1) {
      const distance = req.r + GAP + ring * RING_STEP;
      for (const side of SIDES) {
        const box = candidate(req, side, distance);
        if (!inside(box, bounds) || taken.some((t) => overlaps(t, box)) || dots.hits(box)) continue;
        let leader: PlacedLabel['leader'] = null;
        if (ring > 0) {
          const to = nearestOn(box, req.x, req.y);
          const len = Math.hypot(to.x - req.x, to.y - req.y) || 1;
          leader = { from: { x: req.x + ((to.x - req.x) / len) * req.r, y: req.y + ((to.y - req.y) / len) * req.r }, to };
        }
        found = { id: req.id, box, leader };
        break;
      }
    }
    if (found) {
      placed.push(found);
      taken.push(found.box);
    } else unplaced.push(req.id);
  }
  return { placed, unplaced };
}
