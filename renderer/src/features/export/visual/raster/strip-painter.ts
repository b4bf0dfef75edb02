/**
 * Paints a window of the export drawing into a 2D canvas — on the page or in a raster worker.
 *
 * Why not the SVG drawn as an image: a PNG of a big map is drawn in dozens of strips, and an SVG
 * image per strip meant parsing markup, rasterising it into an image of the strip's size and
 * copying that into the canvas. The shapes' canvas form (ShapeItem.draws, written alongside the
 * markup by svg-renderer.ts) paints straight into the strip with Path2D, which reads the same path
 * data, in the same order, with SVG's paint defaults. The text is painted on top with fillText, as
 * before (an SVG image cannot see the page's fonts; see raster.ts).
 *
 * Works on plain data (a StripScene), so the same code runs in a worker (raster.worker.ts).
 */
import { CHAIN_ARROW, type ShapeDraw, type SvgParts, type TextRun } from '../svg/svg-renderer';
import { arcLength, curveRows, singleCurve, subCurve, visibleSpan, type CurvePoints } from './curve-clip';

/** The drawing as a raster strip needs it: plain data that can be posted to a worker. */
export interface StripScene {
  /** Drawing size, CSS px. */
  readonly width: number;
  readonly height: number;
  readonly backgroundColor: string | null;
  /** Shapes with the rows they can ink (drawing px), in drawing order. */
  readonly shapes: readonly { readonly top: number; readonly bottom: number; readonly draws: readonly ShapeDraw[] }[];
  readonly runs: readonly TextRun[];
  readonly fontFamily: string;
  /** The map's locale: Chromium picks Japanese or Korean forms of shared ideographs by the canvas's language. */
  readonly lang: string;
}

/** A region of the drawing (drawing px). */
export interface View {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** What both canvases offer (the page's and a worker's OffscreenCanvas); `lang` is Chromium's. */
export type PaintContext = (CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D) & { lang?: string };

/**
 * The parts of an export a raster strip needs (no markup: a worker gets this by message).
 * @example const scene = stripScene(renderMapSvg(doc, layout, options));
 */
export function stripScene(parts: SvgParts): StripScene {
  return {
    width: parts.width,
    height: parts.height,
    backgroundColor: parts.backgroundColor,
    shapes: parts.shapeItems.filter((item) => item.draws.length > 0).map(({ top, bottom, draws }) => ({ top, bottom, draws })),
    runs: parts.runs,
    fontFamily: parts.fontFamily,
    lang: parts.lang,
  };
}

/** Text runs reach this far past their baseline (ascenders above, descenders below), drawing px. */
const RUN_REACH = 40;

/**
 * Paints `view` of the drawing into a w × h px canvas that starts out transparent.
 * `opaque`: a colour laid under everything (JPEG has no alpha).
 * @example paintView(canvas.getContext('2d')!, scene, { x: 0, y: 0, width: scene.width, height: scene.height }, 2 * scene.width, 2 * scene.height, null);
 */
export function paintView(ctx: PaintContext, scene: StripScene, view: View, w: number, h: number, opaque: string | null): void {
  const sx = w / view.width;
  const sy = h / view.height;
  if (opaque) {
    ctx.fillStyle = opaque;
    ctx.fillRect(0, 0, w, h);
  }
  if (scene.backgroundColor) {
    ctx.fillStyle = scene.backgroundColor;
    ctx.fillRect(0, 0, w, h);
  }
  ctx.setTransform(sx, 0, 0, sy, -view.x * sx, -view.y * sy);
  // SVG's stroke defaults (a canvas's miter limit is 10, SVG's 4).
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'miter';
  ctx.miterLimit = 4;
  // A shape whose rows reach the view by a pixel's fraction still inks its edge (antialiasing).
  const top = view.y - 1;
  const bottom = view.y + view.height + 1;
  for (const item of scene.shapes) {
    if (item.bottom < top || item.top > bottom) continue;
    for (const shape of item.draws) paintShape(ctx, shape, top, bottom);
  }
  ctx.setLineDash([]);
  ctx.lineDashOffset = 0;
  ctx.textBaseline = 'alphabetic';
  ctx.lang = scene.lang;
  for (const run of scene.runs) {
    if (run.y < view.y - RUN_REACH || run.y > view.y + view.height + RUN_REACH) continue;
    ctx.font = `${run.weight} ${run.size}px ${scene.fontFamily}`;
    ctx.fillStyle = run.fill;
    ctx.textAlign = run.anchor === 'middle' ? 'center' : run.anchor === 'end' ? 'right' : 'left';
    ctx.fillText(run.text, run.x, run.y);
  }
  ctx.setTransform(1, 0, 0, 1, 0, 0);
}

let arrowPath: Path2D | null = null;
let arrowBox: Path2D | null = null;

function boxPath(side: number): Path2D {
  const path = new Path2D();
  path.rect(0, 0, side, side);
  return path;
}

/** Each path's curve, read once per drawing (a worker paints the same draws into every strip). */
const curves = new WeakMap<ShapeDraw, CurvePoints | null>();

/**
 * The piece of a stroked one-curve path within rows [top, bottom] of the drawing (curve-clip.ts):
 * its path and where its dashes start; null to paint the path whole; 'none' when no part of it
 * reaches the rows.
 */
function stripPiece(shape: ShapeDraw, d: string, top: number, bottom: number): { path: Path2D; dashOffset: number } | null | 'none' {
  if (shape.fill || !shape.stroke) return null;
  let points = curves.get(shape);
  if (points === undefined) {
    points = singleCurve(d);
    curves.set(shape, points);
  }
  if (!points) return null;
  // The stroke and its antialiasing reach this far past the curve; a cut further out never shows.
  const reach = 2 * shape.strokeWidth + 2;
  const [curveTop, curveBottom] = curveRows(points);
  if (curveTop >= top - reach && curveBottom <= bottom + reach) return null;
  const span = visibleSpan(points, top - reach, bottom + reach);
  if (!span) return 'none';
  const [t0, t1] = span;
  const p = subCurve(points, t0, t1);
  const path = new Path2D();
  path.moveTo(p[0] as number, p[1] as number);
  if (p.length === 8) path.bezierCurveTo(p[2] as number, p[3] as number, p[4] as number, p[5] as number, p[6] as number, p[7] as number);
  else path.quadraticCurveTo(p[2] as number, p[3] as number, p[4] as number, p[5] as number);
  return { path, dashOffset: shape.dash && t0 > 0 ? arcLength(points, t0) : 0 };
}

/** `top`, `bottom`: the rows of the drawing being painted (a long curve is painted only there). */
function paintShape(ctx: PaintContext, shape: ShapeDraw, top: number, bottom: number): void {
  const g = shape.geometry;
  let path: Path2D;
  let dashOffset = 0;
  switch (g.kind) {
    case 'rect':
      // SVG draws nothing for an empty rect; its corner radii stop at half the side.
      if (!(g.width > 0 && g.height > 0)) return;
      path = new Path2D();
      if (g.rx > 0) path.roundRect(g.x, g.y, g.width, g.height, [{ x: Math.min(g.rx, g.width / 2), y: Math.min(g.rx, g.height / 2) }]);
      else path.rect(g.x, g.y, g.width, g.height);
      break;
    case 'circle':
      if (!(g.r > 0)) return;
      path = new Path2D();
      path.arc(g.cx, g.cy, g.r, 0, 2 * Math.PI);
      break;
    case 'path': {
      const piece = stripPiece(shape, g.d, top, bottom);
      if (piece === 'none') return;
      path = piece ? piece.path : new Path2D(g.d);
      dashOffset = piece ? piece.dashOffset : 0;
      break;
    }
    case 'arrowhead': {
      // The marker's box, scaled to its size and turned so (refX, refY) sits on the tip — and
      // clipped to that box as SVG clips a marker (its edge pixels come out lighter for it).
      arrowPath ??= new Path2D(CHAIN_ARROW.d);
      arrowBox ??= boxPath(CHAIN_ARROW.box);
      const scale = CHAIN_ARROW.size / CHAIN_ARROW.box;
      ctx.save();
      ctx.translate(g.x, g.y);
      ctx.rotate(g.angle);
      ctx.scale(scale, scale);
      ctx.translate(-CHAIN_ARROW.refX, -CHAIN_ARROW.refY);
      ctx.clip(arrowBox);
      if (shape.fill) {
        ctx.fillStyle = shape.fill;
        ctx.fill(arrowPath);
      }
      ctx.restore();
      return;
    }
  }
  if (shape.fill) {
    ctx.fillStyle = shape.fill;
    ctx.fill(path);
  }
  if (shape.stroke && shape.strokeWidth > 0) {
    ctx.strokeStyle = shape.stroke;
    ctx.lineWidth = shape.strokeWidth;
    ctx.setLineDash(shape.dash ?? []);
    ctx.lineDashOffset = dashOffset;
    ctx.stroke(path);
  }
}
