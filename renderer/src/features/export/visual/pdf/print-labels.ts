/**
 * The PDF's labels as HTML over the drawing, not as SVG `<text>` in it (pdf.ts).
 *
 * Why: Chromium parses, lays out and prints SVG text far more slowly than the same words in
 * HTML. On a 2,000-topic map (4,600 text runs) the `<text>` elements were ~70 % of parsing the
 * print document and ~40 % of printing it; as positioned HTML the same PDF took a quarter less
 * time in all. The words stay vector text with the same embedded fonts either way.
 *
 * How a label lands where the SVG would have drawn it: each run is an absolutely placed element
 * whose bottom edge is its baseline — `text-box: trim-end text alphabetic` trims the line box to
 * the alphabetic baseline, whatever the fonts' metrics — placed `bottom: height − y` px in a box
 * the size of the drawing. Centred and end-anchored runs get a wide box around their anchor with
 * the text aligned in it. The box is then scaled and moved like the page's SVG viewBox.
 */
import type { Box, TextRun } from '../svg/svg-renderer';
import { escapeXml } from '../svg/svg-renderer';

/**
 * Width of a centred or end-anchored run's box, px: wider than any line the layout wraps to
 * (labels wrap at a few hundred px; the title block at the map's width is left-anchored).
 */
const ANCHOR_BOX = 20_000;

/** A label's look: the runs that share it share a class, so each label's markup is its place and text. */
const lookOf = (run: TextRun) => `${run.size}|${run.weight}|${run.fill}|${run.anchor}`;

const n = (v: number) => String(Math.round(v * 100) / 100);

export interface PrintLabels {
  /** The labels' CSS: the layer and one class per look. */
  readonly css: string;
  /**
   * The layer of labels for one page: the runs that may reach into `view` (drawing px), placed as
   * the page's `<svg viewBox>` places the drawing in an area `areaWidth` × `areaHeight` CSS px.
   */
  layer(view: Box, areaWidth: number, areaHeight: number): string;
}

/**
 * The labels of a drawing `width` × `height` px, ready to lay over its pages.
 * @example
 * const labels = printLabels(parts.runs, parts.width, parts.height, parts.fontFamily);
 * const page = `<div class="area">${labels.layer(page, areaPx.width, areaPx.height)}</div>`;
 */
export function printLabels(runs: readonly TextRun[], width: number, height: number, fontFamily: string): PrintLabels {
  const classes = new Map<string, string>();
  for (const run of runs) if (!classes.has(lookOf(run))) classes.set(lookOf(run), `l${classes.size}`);
  const looks = [...classes]
    .map(([look, name]) => {
      const [size, weight, fill, anchor] = look.split('|');
      const align = anchor === 'middle' ? `width:${ANCHOR_BOX}px;margin-left:${-ANCHOR_BOX / 2}px;text-align:center;` : anchor === 'end' ? `width:${ANCHOR_BOX}px;margin-left:${-ANCHOR_BOX}px;text-align:right;` : '';
      return `.${name}{font-size:${size}px;font-weight:${weight};color:${fill};${align}}`;
    })
    .join('\n');
  const css =
    `.labels { position: absolute; left: 0; top: 0; width: ${width}px; height: ${height}px; transform-origin: 0 0; font-family: ${fontFamily}; text-rendering: geometricPrecision; }\n` +
    `.labels i { position: absolute; font-style: normal; white-space: pre; line-height: 1; text-box: trim-end text alphabetic; }\n` +
    looks;
  // Each run's markup is made once: a poster page repeats only the runs that reach it.
  const markup = runs.map((run) => `<i class="${classes.get(lookOf(run))}" style="left:${n(run.x)}px;bottom:${n(height - run.y)}px">${escapeXml(run.text)}</i>`);
  const whole = { x: 0, y: 0, width, height };
  return {
    css,
    layer(view, areaWidth, areaHeight) {
      const sx = areaWidth / view.width;
      const sy = areaHeight / view.height;
      const inside = covers(view, whole) ? markup : markup.filter((_, i) => overlaps(reachOf(runs[i] as TextRun), view));
      return `<div class="labels" style="transform:scale(${sx.toPrecision(8)},${sy.toPrecision(8)}) translate(${n(-view.x)}px,${n(-view.y)}px)">${inside.join('')}</div>`;
    },
  };
}

/**
 * Where a run may ink, generously: no glyph of the bundled fonts is wider than 1.5 em, nothing
 * reaches higher than 1.5 em above the baseline or lower than 0.5 em below it.
 * @example reachOf({ x: 10, y: 20, text: 'ab', size: 10, weight: 400, fill: '#000', anchor: 'start' })
 * // { x: 10, y: 5, width: 30, height: 20 }
 */
export function reachOf(run: TextRun): Box {
  const width = run.text.length * run.size * 1.5;
  const x = run.anchor === 'middle' ? run.x - width / 2 : run.anchor === 'end' ? run.x - width : run.x;
  return { x, y: run.y - run.size * 1.5, width, height: run.size * 2 };
}

function overlaps(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

function covers(outer: Box, inner: Box): boolean {
  return outer.x <= inner.x && outer.y <= inner.y && outer.x + outer.width >= inner.x + inner.width && outer.y + outer.height >= inner.y + inner.height;
}
