/**
 * The export drawing's shapes as a PDF content stream: the twin of the raster strip painter
 * (raster/strip-painter.ts), reading the same `ShapeDraw`s in the same order with SVG's paint
 * defaults — nonzero fill, butt caps, miter joins, miter limit 4 — in drawing px (the page's
 * matrix scales them to points).
 */
import { CHAIN_ARROW, type ShapeDraw } from '../../svg/svg-renderer';
import { colourOp, parseColour, type PdfColour } from './pdf-colour';
import { num } from './pdf-file';
import { pathOps } from './pdf-path';

/** The see-through levels a content stream asked for, named as its resources will list them. */
export class AlphaStates {
  private readonly names = new Map<string, string>();

  /** The ExtGState's name for fill (`ca`) or stroke (`CA`) alpha `a`. */
  nameFor(a: number, stroke: boolean): string {
    const key = `${stroke ? 'CA' : 'ca'} ${Math.round(a * 1000) / 1000}`;
    let name = this.names.get(key);
    if (!name) {
      name = `GS${this.names.size}`;
      this.names.set(key, name);
    }
    return name;
  }

  /** The `/ExtGState` resource dictionary's entries, or '' when nothing is see-through. */
  resources(): string {
    if (this.names.size === 0) return '';
    const entries = [...this.names].map(([key, name]) => {
      const [op, a] = key.split(' ');
      return `/${name} << /Type /ExtGState /${op} ${a} >>`;
    });
    return `/ExtGState << ${entries.join(' ')} >>`;
  }
}

/** SVG's stroke defaults, set once at the start of a drawing. */
export const SVG_STROKE_DEFAULTS = '0 J 0 j 4 M\n';

/** A circle as four Béziers (the usual 0.5523 handle), clockwise from the right. */
export function circleOps(cx: number, cy: number, r: number): string {
  const k = 0.5522847498 * r;
  return (
    `${num(cx + r)} ${num(cy)} m\n` +
    `${num(cx + r)} ${num(cy + k)} ${num(cx + k)} ${num(cy + r)} ${num(cx)} ${num(cy + r)} c\n` +
    `${num(cx - k)} ${num(cy + r)} ${num(cx - r)} ${num(cy + k)} ${num(cx - r)} ${num(cy)} c\n` +
    `${num(cx - r)} ${num(cy - k)} ${num(cx - k)} ${num(cy - r)} ${num(cx)} ${num(cy - r)} c\n` +
    `${num(cx + k)} ${num(cy - r)} ${num(cx + r)} ${num(cy - k)} ${num(cx + r)} ${num(cy)} c\nh\n`
  );
}

/** A rectangle with corner radius `rx` (clamped to half of each side, as SVG does). */
export function rectOps(x: number, y: number, w: number, h: number, rxIn: number): string {
  const rx = Math.min(rxIn, w / 2);
  const ry = Math.min(rxIn, h / 2);
  if (!(rx > 0 && ry > 0)) return `${num(x)} ${num(y)} ${num(w)} ${num(h)} re\n`;
  const kx = 0.5522847498 * rx;
  const ky = 0.5522847498 * ry;
  const r = x + w;
  const b = y + h;
  return (
    `${num(x + rx)} ${num(y)} m\n${num(r - rx)} ${num(y)} l\n` +
    `${num(r - rx + kx)} ${num(y)} ${num(r)} ${num(y + ry - ky)} ${num(r)} ${num(y + ry)} c\n` +
    `${num(r)} ${num(b - ry)} l\n` +
    `${num(r)} ${num(b - ry + ky)} ${num(r - rx + kx)} ${num(b)} ${num(r - rx)} ${num(b)} c\n` +
    `${num(x + rx)} ${num(b)} l\n` +
    `${num(x + rx - kx)} ${num(b)} ${num(x)} ${num(b - ry + ky)} ${num(x)} ${num(b - ry)} c\n` +
    `${num(x)} ${num(y + ry)} l\n` +
    `${num(x)} ${num(y + ry - ky)} ${num(x + rx - kx)} ${num(y)} ${num(x + rx)} ${num(y)} c\nh\n`
  );
}

/** The path ops of a chain arrow's head, in the marker's own box (see CHAIN_ARROW), computed once. */
let arrowOps: string | null = null;

/**
 * Appends the PDF operators for `shapes` to `out`. `alpha` collects the see-through levels used.
 * @example const ops: string[] = []; paintShapes(parts.shapeItems[0].draws, ops, new AlphaStates());
 */
export function paintShapes(shapes: readonly ShapeDraw[], out: string[], alpha: AlphaStates): void {
  for (const shape of shapes) {
    const g = shape.geometry;
    let path: string;
    switch (g.kind) {
      case 'rect':
        // SVG draws nothing for an empty rect.
        if (!(g.width > 0 && g.height > 0)) continue;
        path = rectOps(g.x, g.y, g.width, g.height, g.rx);
        break;
      case 'circle':
        if (!(g.r > 0)) continue;
        path = circleOps(g.cx, g.cy, g.r);
        break;
      case 'path':
        path = pathOps(g.d);
        if (path === '') continue;
        break;
      case 'arrowhead': {
        const fill = shape.fill ? parseColour(shape.fill) : null;
        if (!fill) continue;
        // The marker's box, scaled and turned so (refX, refY) sits on the tip, clipped to that box as SVG clips a marker.
        arrowOps ??= pathOps(CHAIN_ARROW.d);
        const s = CHAIN_ARROW.size / CHAIN_ARROW.box;
        const cos = Math.cos(g.angle) * s;
        const sin = Math.sin(g.angle) * s;
        const tx = g.x - (cos * CHAIN_ARROW.refX - sin * CHAIN_ARROW.refY);
        const ty = g.y - (sin * CHAIN_ARROW.refX + cos * CHAIN_ARROW.refY);
        out.push(
          `q ${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} ${num(tx)} ${num(ty)} cm 0 0 ${CHAIN_ARROW.box} ${CHAIN_ARROW.box} re W n\n` +
            withAlpha(fill, false, alpha) +
            `${colourOp(fill, false)}\n${arrowOps}f\nQ\n`,
        );
        continue;
      }
    }
    const fill = shape.fill ? parseColour(shape.fill) : null;
    const stroke = shape.stroke && shape.strokeWidth > 0 ? parseColour(shape.stroke) : null;
    if (!fill && !stroke) continue;
    const seeThrough = (fill !== null && fill.a < 1) || (stroke !== null && stroke.a < 1);
    let ops = seeThrough ? 'q\n' : '';
    if (fill) ops += withAlpha(fill, false, alpha) + `${colourOp(fill, false)}\n`;
    if (stroke) {
      ops += withAlpha(stroke, true, alpha) + `${colourOp(stroke, true)} ${num(shape.strokeWidth)} w ${dashOp(shape.dash)}\n`;
    }
    ops += path + (fill && stroke ? 'B\n' : fill ? 'f\n' : 'S\n');
    if (seeThrough) ops += 'Q\n';
    out.push(ops);
  }
}

function withAlpha(colour: PdfColour, stroke: boolean, alpha: AlphaStates): string {
  return colour.a < 1 ? `/${alpha.nameFor(colour.a, stroke)} gs\n` : '';
}

/** `stroke-dasharray` as the `d` operator: none (or all zeros) is solid; an odd count repeats, as SVG does. */
export function dashOp(dash: readonly number[] | null): string {
  if (!dash || dash.length === 0 || dash.every((v) => v === 0) || dash.some((v) => v < 0 || !Number.isFinite(v))) return '[] 0 d';
  const pattern = dash.length % 2 === 1 ? [...dash, ...dash] : dash;
  return `[${pattern.map(num).join(' ')}] 0 d`;
}
