/**
 * Where a strip can hold ink: boxes around every shape and text run of the drawing, and per band
 * of rows the columns those boxes cover. A raster worker reads back only those columns
 * (getImageData of a 2,000-topic map's ~410 M pixels was as slow as encoding them); every other
 * pixel of the band is the background, as painted (strip-painter.ts fills it first).
 *
 * The boxes err on the wide side: a curve is cut (de Casteljau, exact) until each piece's control
 * points — which hold the piece — span a small box; strokes widen a box by twice their width
 * (miter joins reach miterLimit 4 × half the width); text is boxed by its measured ink; path
 * data that is not understood covers the whole width. Pure geometry: no canvas, no React.
 */
import { CHAIN_ARROW, type ShapeDraw } from '../svg/svg-renderer';

/** A box that may hold ink, drawing px. */
export interface InkBox {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** Wider than the painter's culling (strip-painter.ts: a shape ±1 drawing px, a run's baseline ±40). */
const SHAPE_REACH = 2;
const RUN_REACH = 44;
/** Antialiasing reaches about a pixel past a shape's edge; a little more costs nothing. */
const EDGE = 2;
/** A curve piece is cut again while its box is taller than this and wider than NARROW (drawing px). */
const PIECE_HEIGHT = 24;
const NARROW = 6;

/**
 * Boxes around what `draws` can ink (drawing px), appended to `out`.
 * @example const boxes: InkBox[] = []; shapeInkBoxes(item.draws, item.top, item.bottom, boxes);
 */
export function shapeInkBoxes(draws: readonly ShapeDraw[], top: number, bottom: number, out: InkBox[]): void {
  for (const shape of draws) {
    const stroked = shape.stroke && shape.strokeWidth > 0;
    const m = (stroked ? 2 * shape.strokeWidth : 0) + EDGE;
    const g = shape.geometry;
    switch (g.kind) {
      case 'rect':
        out.push({ x0: g.x - m, x1: g.x + g.width + m, y0: g.y - m, y1: g.y + g.height + m });
        break;
      case 'circle':
        out.push({ x0: g.cx - g.r - m, x1: g.cx + g.r + m, y0: g.cy - g.r - m, y1: g.cy + g.r + m });
        break;
      case 'arrowhead': {
        // The marker box (clipped to) is `size` a side with the tip inside it: within √2 · size of the tip.
        const reach = CHAIN_ARROW.size * 1.5 + EDGE;
        out.push({ x0: g.x - reach, x1: g.x + reach, y0: g.y - reach, y1: g.y + reach });
        break;
      }
      case 'path':
        if (!pathBoxes(g.d, m, out)) out.push({ x0: -Infinity, x1: Infinity, y0: top - m, y1: bottom + m });
        break;
    }
  }
}

/**
 * Boxes around path data's segments (M L H V C Q A Z, absolute or relative), widened by `m`;
 * false for data it does not read — the caller then assumes the whole width.
 */
export function pathBoxes(d: string, m: number, out: InkBox[]): boolean {
  const tokens = d.match(/[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g);
  if (!tokens) return d.trim() === '';
  let i = 0;
  const num = (): number => {
    const t = tokens[i++];
    const v = t === undefined ? NaN : Number(t);
    if (!Number.isFinite(v)) throw new RangeError('path number');
    return v;
  };
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let command = '';
  try {
    while (i < tokens.length) {
      const t = tokens[i] as string;
      if (/[A-Za-z]/.test(t)) {
        command = t;
        i++;
        if (command === 'Z' || command === 'z') {
          box(out, [x, startX], [y, startY], m);
          x = startX;
          y = startY;
          continue;
        }
      }
      // Relative commands: coordinates from the current point.
      const relative = command >= 'a';
      const ox = relative ? x : 0;
      const oy = relative ? y : 0;
      const px = (): number => ox + num();
      const py = (): number => oy + num();
      switch (command.toUpperCase()) {
        case 'M':
          x = startX = px();
          y = startY = py();
          command = relative ? 'l' : 'L'; // further pairs are lines
          break;
        case 'L': {
          const nx = px();
          const ny = py();
          box(out, [x, nx], [y, ny], m);
          x = nx;
          y = ny;
          break;
        }
        case 'H': {
          const nx = px();
          box(out, [x, nx], [y, y], m);
          x = nx;
          break;
        }
        case 'V': {
          const ny = py();
          box(out, [x, x], [y, ny], m);
          y = ny;
          break;
        }
        case 'C': {
          const p = [x, y, px(), py(), px(), py(), px(), py()];
          cubicBoxes(p, m, out, 0);
          x = p[6] as number;
          y = p[7] as number;
          break;
        }
        case 'Q': {
          const cx = px();
          const cy = py();
          const nx = px();
          const ny = py();
          // A quadratic is the cubic with control points two thirds of the way to its control point.
          cubicBoxes([x, y, x + (2 / 3) * (cx - x), y + (2 / 3) * (cy - y), nx + (2 / 3) * (cx - nx), ny + (2 / 3) * (cy - ny), nx, ny], m, out, 0);
          x = nx;
          y = ny;
          break;
        }
        case 'A': {
          const rx = Math.abs(num());
          const ry = Math.abs(num());
          num(); // rotation
          num(); // large-arc flag
          num(); // sweep flag
          const nx = px();
          const ny = py();
          // Every point of an arc is within its diameter of either end.
          const r = 2 * Math.max(rx, ry);
          box(out, [x - r, x + r, nx], [y - r, y + r, ny], m);
          x = nx;
          y = ny;
          break;
        }
        default:
          return false;
      }
    }
  } catch {
    return false;
  }
  return true;
}

function box(out: InkBox[], xs: readonly number[], ys: readonly number[], m: number): void {
  out.push({ x0: Math.min(...xs) - m, x1: Math.max(...xs) + m, y0: Math.min(...ys) - m, y1: Math.max(...ys) + m });
}

/** A cubic's control polygon holds it: cut it in halves until each half's box is small, then box each. */
function cubicBoxes(p: readonly number[], m: number, out: InkBox[], depth: number): void {
  const [x0, y0, x1, y1, x2, y2, x3, y3] = p as [number, number, number, number, number, number, number, number];
  const minX = Math.min(x0, x1, x2, x3);
  const maxX = Math.max(x0, x1, x2, x3);
  const minY = Math.min(y0, y1, y2, y3);
  const maxY = Math.max(y0, y1, y2, y3);
  if (depth >= 16 || maxY - minY <= PIECE_HEIGHT || maxX - minX <= NARROW) {
    out.push({ x0: minX - m, x1: maxX + m, y0: minY - m, y1: maxY + m });
    return;
  }
  const ax = (x0 + x1) / 2;
  const ay = (y0 + y1) / 2;
  const bx = (x1 + x2) / 2;
  const by = (y1 + y2) / 2;
  const cx = (x2 + x3) / 2;
  const cy = (y2 + y3) / 2;
  const abx = (ax + bx) / 2;
  const aby = (ay + by) / 2;
  const bcx = (bx + cx) / 2;
  const bcy = (by + cy) / 2;
  const mx = (abx + bcx) / 2;
  const my = (aby + bcy) / 2;
  cubicBoxes([x0, y0, ax, ay, abx, aby, mx, my], m, out, depth + 1);
  cubicBoxes([mx, my, bcx, bcy, cx, cy, x3, y3], m, out, depth + 1);
}

/** What a text run inks around its anchor, as the canvas measures it (px). */
export interface TextInk {
  readonly left: number;
  readonly right: number;
  readonly ascent: number;
  readonly descent: number;
}

/**
 * A text run's box (drawing px) from its measured ink, with a margin for antialiasing and for
 * anything the measurement leaves out.
 * @example textInkBox(run, ctx.measureText(run.text))
 */
export function textInkBox(run: { readonly x: number; readonly y: number; readonly size: number }, ink: TextInk): InkBox {
  const m = EDGE + run.size * 0.25;
  return { x0: run.x - Math.abs(ink.left) - m, x1: run.x + Math.abs(ink.right) + m, y0: run.y - Math.abs(ink.ascent) - m, y1: run.y + Math.abs(ink.descent) + m };
}

/**
 * The columns [x0, x1) of a band that may hold ink, as pairs in an Int32Array, left to right:
 * image rows [rowTop, rowTop + rows) of an image `width` px wide drawn at `sx`, `sy` px per
 * drawing px. Columns closer than `join` px are read as one span (one getImageData).
 * @example inkSpans(boxes, 4224, 2, 2, 38_000, 256, 64)
 */
export function inkSpans(boxes: readonly InkBox[], width: number, sx: number, sy: number, rowTop: number, rows: number, join: number): Int32Array {
  const spans: [number, number][] = [];
  // A box's rows in the image, widened by a row each way (a shape's edge pixel is shared).
  const top = rowTop / sy;
  const bottom = (rowTop + rows) / sy;
  const slack = 2 / sy;
  for (const b of boxes) {
    if (b.y1 < top - slack || b.y0 > bottom + slack) continue;
    const x0 = Math.max(0, Math.floor(b.x0 * sx) - 2);
    const x1 = Math.min(width, Math.ceil(b.x1 * sx) + 2);
    if (x1 > x0) spans.push([x0, x1]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: number[] = [];
  for (const [x0, x1] of spans) {
    const last = merged.length - 1;
    if (last > 0 && x0 <= (merged[last] as number) + join) merged[last] = Math.max(merged[last] as number, x1);
    else merged.push(x0, x1);
  }
  return Int32Array.from(merged);
}

/**
 * The ink boxes (drawing px) of what a strip showing rows [top, bottom) of the drawing paints:
 * the shapes and text runs the painter does not cull there (strip-painter.ts culls by the same
 * rows, so nothing it paints is left out), text boxed as `measure` finds it.
 * @example const boxes = viewInkBoxes(scene, job.view.y, job.view.y + job.view.height, (run) => measureRun(ctx, scene, run));
 */
export function viewInkBoxes<Run extends { readonly x: number; readonly y: number; readonly size: number }>(
  scene: { readonly shapes: readonly { readonly top: number; readonly bottom: number; readonly draws: readonly ShapeDraw[] }[]; readonly runs: readonly Run[] },
  top: number,
  bottom: number,
  measure: (run: Run) => TextInk,
): InkBox[] {
  const boxes: InkBox[] = [];
  for (const item of scene.shapes) if (item.bottom >= top - SHAPE_REACH && item.top <= bottom + SHAPE_REACH) shapeInkBoxes(item.draws, item.top, item.bottom, boxes);
  for (const run of scene.runs) if (run.y >= top - RUN_REACH && run.y <= bottom + RUN_REACH) boxes.push(textInkBox(run, measure(run)));
  return boxes;
}
