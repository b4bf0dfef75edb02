/**
 * Where a raster strip can hold ink (ink-spans.ts): a worker reads back only those columns and
 * takes everything else for background, so a box that misses ink would lose it from the PNG. The
 * boxes are checked against points sampled on the curves and lines they stand for.
 */
import { describe, expect, it } from 'vitest';
import { inkSpans, pathBoxes, shapeInkBoxes, textInkBox, viewInkBoxes, type InkBox } from '../../../../../renderer/src/features/export/visual/raster/ink-spans';

const inside = (boxes: readonly InkBox[], x: number, y: number) => boxes.some((b) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1);

function cubicAt(p: readonly number[], t: number): [number, number] {
  const u = 1 - t;
  const f = (i: number) => u * u * u * (p[i] as number) + 3 * u * u * t * (p[i + 2] as number) + 3 * u * t * t * (p[i + 4] as number) + t * t * t * (p[i + 6] as number);
  return [f(0), f(1)];
}

describe('pathBoxes', () => {
  it('holds every point of a long tree-link curve in small boxes (a link across 20,000 px is not one huge box)', () => {
    const p = [1360, 14000, 1360 + 600, 14000, 2560 - 600, 34000, 2560, 34000];
    const boxes: InkBox[] = [];
    expect(pathBoxes(`M${p[0]},${p[1]} C${p[2]},${p[3]} ${p[4]},${p[5]} ${p[6]},${p[7]}`, 1, boxes)).toBe(true);
    for (let i = 0; i <= 2000; i++) {
      const [x, y] = cubicAt(p, i / 2000);
      expect(inside(boxes, x, y)).toBe(true);
    }
    // In any 24 px of height the curve's boxes cover a narrow part of its 1,200 px of width.
    const band = boxes.filter((b) => b.y1 >= 24_000 && b.y0 <= 24_024);
    const covered = Math.max(...band.map((b) => b.x1)) - Math.min(...band.map((b) => b.x0));
    expect(covered).toBeLessThan(120);
  });

  it('reads relative commands from the current point, and lines, H, V, Q, A and Z', () => {
    const boxes: InkBox[] = [];
    expect(pathBoxes('M10,20 h14 v6 l-4,4 Z M100,100 Q150,50 200,100 A8,8 0 0 1 208,108', 0, boxes)).toBe(true);
    for (const [x, y] of [[24, 20], [24, 26], [20, 30], [15, 25], [150, 75], [204, 100]] as const) expect(inside(boxes, x, y)).toBe(true);
    expect(inside(boxes, 60, 60)).toBe(false);
  });

  it('refuses path data it does not read, so the caller assumes the whole width', () => {
    expect(pathBoxes('M0,0 S10,10 20,20', 0, [])).toBe(false);
    expect(pathBoxes('M0,0 L10', 0, [])).toBe(false);
  });
});

describe('shapeInkBoxes', () => {
  it('widens stroked shapes by twice the stroke (miter joins reach past the path) and boxes what it cannot read by its rows, full width', () => {
    const boxes: InkBox[] = [];
    shapeInkBoxes(
      [
        { geometry: { kind: 'rect', x: 10, y: 10, width: 100, height: 40, rx: 8 }, fill: '#fff', stroke: '#000', strokeWidth: 3, dash: null },
        { geometry: { kind: 'path', d: 'M0,0 T5,5' }, fill: null, stroke: '#000', strokeWidth: 1, dash: null },
      ],
      0,
      60,
      boxes,
    );
    expect(boxes[0]?.x0).toBeLessThanOrEqual(10 - 6);
    expect(boxes[0]?.y1).toBeGreaterThanOrEqual(50 + 6);
    expect(boxes[1]).toMatchObject({ x0: -Infinity, x1: Infinity });
    expect(boxes[1]?.y0).toBeLessThan(0);
  });
});

describe('textInkBox', () => {
  it('boxes a run by its measured ink on both sides of the anchor, with a margin', () => {
    const box = textInkBox({ x: 100, y: 50, size: 12 }, { left: 30, right: 30, ascent: 9, descent: 3 });
    expect(box.x0).toBeLessThan(70);
    expect(box.x1).toBeGreaterThan(130);
    expect(box.y0).toBeLessThan(41);
    expect(box.y1).toBeGreaterThan(53);
  });
});

describe('inkSpans', () => {
  const boxes: InkBox[] = [
    { x0: 10, x1: 20, y0: 0, y1: 10 },
    { x0: 30, x1: 40, y0: 5, y1: 8 },
    { x0: 500, x1: 600, y0: 0, y1: 10 },
    { x0: 0, x1: 2000, y0: 100, y1: 110 },
  ];

  it('gives the columns of the boxes a band of rows meets, in image px, joining near ones', () => {
    // Rows 0–19 at 2×: drawing rows 0–10; the last box is far below.
    expect(Array.from(inkSpans(boxes, 4000, 2, 2, 0, 20, 48))).toEqual([18, 82, 998, 1202]);
  });

  it('keeps spans apart when the gap is wider than the join, and clips to the image', () => {
    expect(Array.from(inkSpans(boxes, 1100, 2, 2, 0, 20, 4))).toEqual([18, 42, 58, 82, 998, 1100]);
    expect(Array.from(inkSpans(boxes, 1000, 1, 1, 100, 5, 48))).toEqual([0, 1000]);
  });

  it('is empty for a band with no ink', () => {
    expect(inkSpans(boxes, 4000, 2, 2, 60, 20, 48)).toHaveLength(0);
  });
});

describe('viewInkBoxes', () => {
  it('boxes the shapes and runs the painter paints in a strip, and measures only those runs', () => {
    const draw = (y: number) => ({ top: y, bottom: y + 10, draws: [{ geometry: { kind: 'rect' as const, x: 0, y, width: 10, height: 10, rx: 0 }, fill: '#000', stroke: null, strokeWidth: 0, dash: null }] });
    const measured: string[] = [];
    const boxes = viewInkBoxes(
      { shapes: [draw(0), draw(500), draw(1000)], runs: [{ x: 5, y: 540, size: 12, text: 'in' }, { x: 5, y: 2000, size: 12, text: 'out' }] },
      480,
      560,
      (run) => {
        measured.push(run.text);
        return { left: 0, right: 20, ascent: 9, descent: 3 };
      },
    );
    expect(measured).toEqual(['in']);
    expect(boxes).toHaveLength(2);
    expect(boxes.every((b) => b.y1 >= 480 && b.y0 <= 560)).toBe(true);
  });
});
