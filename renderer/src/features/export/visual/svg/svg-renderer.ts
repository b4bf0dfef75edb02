/**
 * The one export renderer: a map's data and its computed layout → a standalone SVG.
 *
 * Why not a screenshot of the canvas: DOM screenshots are what lose edges, arrowheads and CJK
 * text in other tools' exports. This draws every box, edge and label itself from the
 * same layout (layout.ts) and theme tokens (theme.ts) the canvas uses, with real `<text>` per
 * wrapped line — so the file shows its text in a browser, Inkscape and office apps alike.
 *
 * What it never writes: `foreignObject`, `<script>`, `on*` attributes, or references outside the
 * file (only `url(#id)` to its own markers). Every text goes through `escapeXml`.
 *
 * Pure: no DOM, no React, no globals. PNG/JPEG (raster.ts) and PDF (pdf.ts) wrap the same parts.
 */
import type { ChainId, MapDoc } from '@shared/model/types';
import { scoreBand, weakLink, type ScoreBand } from '@shared/model/selectors';
import { mapWords, type MapLegendWords } from '@shared/templates/map-words';
import { frameSize, type SlideFrame } from '@shared/model/page-layout';
import type { LayoutNode, MapLayout } from '../../../../drawing/layout';
import { DARK, LIGHT, type ThemeTokens } from '../../../../drawing/theme';
import { FONT_WEIGHT_VALUE, NODE_GEOMETRY, measureText, wrapLabel } from '../../../../drawing/text-metrics';
import { CHAIN_BADGE, chainBadge } from '../../../../drawing/chain-badge';

/** What is behind the map: white paper, nothing (PNG/SVG only), or the dark theme. */
export type ExportBackground = 'white' | 'transparent' | 'dark';

/** Words the legend prints; the map's language's (map-words.ts) unless the caller overrides some. */
export type ExportWords = MapLegendWords;

/** The English legend: what an `en` map prints. */
export const DEFAULT_EXPORT_WORDS: ExportWords = mapWords('en').legend;

export interface SvgExportOptions {
  readonly background: ExportBackground;
  /** Draw doc.chains (in chainOrder) as numbered arrows between their steps. */
  readonly chains: boolean;
  readonly legend: boolean;
  /** A title block above the map: the map's title and `date`. */
  readonly titleBlock: boolean;
  /** The date the title block shows, already formatted (pure: the caller knows the locale and the clock). */
  readonly date?: string;
  /** Blank border around everything, px. Default 32. */
  readonly margin?: number;
  /** Overrides of the legend's words; the rest follow `doc.map.locale`. */
  readonly words?: Partial<ExportWords>;
  /** A slide's shape to centre the whole drawing in, the background filling the spare room. Default none. */
  readonly frame?: SlideFrame;
  /**
   * The layout is part of the map (a stage's slide): chains with no step in it are left out of the
   * legend too, and their links are drawn only between steps inside. Default false.
   */
  readonly partOfMap?: boolean;
  /** Draw only these of the map's chains (a chain's slide); default every chain. */
  readonly onlyChains?: readonly string[];
}

/** The export's pieces, so raster and print can re-wrap the same drawing (tiles, pages). */
export interface SvgParts {
  /** Size of the whole drawing, CSS px (margins included). */
  readonly width: number;
  readonly height: number;
  /** `<defs>` content (markers). */
  readonly defs: string;
  /** Everything drawn, in drawing coordinates (0,0 = top-left of the drawing). */
  readonly body: string;
  /** Background colour, or null for transparent. */
  readonly backgroundColor: string | null;
  /** The map's locale, for `xml:lang` (Chromium picks CJK glyph forms by it). */
  readonly lang: string;
  /** Where the map itself (the layout's bounds) sits in the drawing. */
  readonly mapBox: Box;
  /** Every node's box in the drawing, with its label: the tests check pixels against these. */
  readonly nodes: readonly ExportedNode[];
  /** Every tree edge's end points in the drawing. */
  readonly edges: readonly { readonly from: Point; readonly to: Point }[];
  /** All text drawn, so the rasteriser can load exactly the font faces it needs. */
  readonly text: string;
  /** `body` without its `<text>`: the shapes alone (the rasteriser paints them from `shapeItems`' `draws`, then `runs`). */
  readonly shapes: string;
  /**
   * `shapes` piece by piece, in drawing order, each with the vertical extent it can ink (drawing
   * px; ±Infinity when it may reach anywhere): a raster strip draws only the pieces that reach it.
   */
  readonly shapeItems: readonly ShapeItem[];
  /** Every `<text>` of `body`, in drawing order. */
  readonly runs: readonly TextRun[];
  readonly fontFamily: string;
}

/** A piece of `shapes` and the rows it can ink (see SvgParts.shapeItems). */
export interface ShapeItem {
  readonly top: number;
  readonly bottom: number;
  readonly markup: string;
  /** The same shapes as canvas operations, in drawing order: what the rasteriser paints (strip-painter.ts). */
  readonly draws: readonly ShapeDraw[];
}

/**
 * One shape of `markup`, described for a canvas: the same geometry (numbers rounded as the markup
 * writes them) and the same paint, so a canvas draws what the SVG shows without parsing an SVG
 * image per raster strip — that parse was most of a big PNG export's drawing time.
 */
export interface ShapeDraw {
  readonly geometry: ShapeGeometry;
  /** A CSS colour, or null for `fill="none"`. */
  readonly fill: string | null;
  readonly stroke: string | null;
  readonly strokeWidth: number;
  /** `stroke-dasharray`, or null for a solid line. */
  readonly dash: readonly number[] | null;
}

export type ShapeGeometry =
  | { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly rx: number }
  | { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number }
  /** SVG path data, as in the markup (a canvas Path2D reads the same syntax). */
  | { readonly kind: 'path'; readonly d: string }
  /** A chain arrow's head (CHAIN_ARROW) with its tip at x, y, pointing along `angle` (radians). */
  | { readonly kind: 'arrowhead'; readonly x: number; readonly y: number; readonly angle: number };

/**
 * The chains' `<marker>` (drawn at a chain arrow's end): a triangle in a 10 × 10 box whose point
 * (refX, refY) sits on the line's end, scaled to markerWidth / 10 in the drawing's units.
 */
export const CHAIN_ARROW = { d: 'M0,0 L10,5 L0,10 Z', box: 10, refX: 9, refY: 5, size: 8 } as const;

/** One line of text as drawn: the rasteriser paints these with the page's own fonts (see raster.ts). */
export interface TextRun {
  readonly x: number;
  readonly y: number;
  readonly text: string;
  readonly size: number;
  readonly weight: number;
  readonly fill: string;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}
export interface Point {
  readonly x: number;
  readonly y: number;
}
export interface ExportedNode extends Box {
  readonly id: string;
  readonly label: string;
  readonly lines: readonly string[];
}

/**
 * Fonts named in the file: the bundled faces first, then the same families as installed on
 * most systems (Noto Sans CJK), then the platforms' own CJK faces, so a viewer without the
 * bundled fonts still shows every script.
 */
export function fontFamilyFor(lang: string): string {
  // Every bundled face before any system one: a system CJK face (an OpenType/CFF collection)
  // reached first for, say, Hangul on a Japanese map prints as unembedded Type 3 glyphs.
  const bundled = lang === 'ko' ? ["'Noto Sans'", "'Noto Sans KR'", "'Noto Sans JP'"] : ["'Noto Sans'", "'Noto Sans JP'", "'Noto Sans KR'"];
  const system =
    lang === 'ko'
      ? ["'Noto Sans CJK KR'", "'Noto Sans CJK JP'", "'Malgun Gothic'", "'Apple SD Gothic Neo'"]
      : ["'Noto Sans CJK JP'", "'Noto Sans CJK KR'", "'Yu Gothic'", "'Hiragino Sans'", "'Malgun Gothic'"];
  return [...bundled, ...system, "'Segoe UI'", 'Arial', 'sans-serif'].join(', ');
}

// eslint-disable-next-line no-control-regex -- the characters escapeXml drops or escapes
const NEEDS_ESCAPING = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff&<>"']/;

/**
 * Escapes text for XML content and attribute values: a label `<img src=x onerror=alert(1)>`
 * stays literal text. Also drops the control characters XML 1.0 cannot hold at all.
 * @example escapeXml('a < b & "c"') // 'a &lt; b &amp; &quot;c&quot;'
 */
export function escapeXml(text: string): string {
  // most labels need nothing: one test instead of six passes (4,000-odd runs in a 2,000-topic map)
  if (!NEEDS_ESCAPING.test(text)) return text;
  return text
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Chain colours: distinct from the blue/orange channels and from each other, per theme. */
const CHAIN_COLOURS = {
  light: ['#7048e8', '#0c8599', '#d6336c', '#5c940d', '#e8590c'],
  dark: ['#b197fc', '#3bc9db', '#f783ac', '#a9e34b', '#ffa94d'],
} as const;

/** A chain link's dashed line, drawing px. */
const CHAIN_LINK_WIDTH = 2;

/**
 * Adds a piece of markup (with the canvas form of the shapes drawn since the last piece) and the
 * rows of the drawing it can ink: a raster strip leaves out what cannot reach it.
 */
type PutPiece = (markup: string, top?: number, bottom?: number) => void;

const TITLE_FONT = 22;
const TITLE_LINE = 30;
const DATE_FONT = 13;
const LEGEND_FONT = 12;
const LEGEND_ROW = 24;
const BLOCK_GAP = 24;

const n = (v: number): string => String(Math.round(v * 100) / 100);

/** The theme the drawing uses for a background choice. */
export function themeFor(background: ExportBackground): ThemeTokens {
  return background === 'dark' ? DARK : LIGHT;
}

/**
 * Draws a map as SVG parts; `svgDocument(parts)` makes the file.
 * @example
 * const parts = renderMapSvg(doc, mindModelFor(doc, 'channel-stage').layout, { background: 'white', chains: true, legend: true, titleBlock: false });
 * const file = svgDocument(parts); // '<?xml version="1.0" encoding="UTF-8"?>\n<svg …'
 */
export function renderMapSvg(doc: MapDoc, layout: MapLayout, options: SvgExportOptions): SvgParts {
  const parts = drawParts(doc, layout, options, { x: 0, y: 0 });
  if (options.frame === undefined || options.frame === 'none') return parts;
  // Drawn again shifted to the frame's centre: every coordinate the parts carry (runs, shapes,
  // nodes, edges) then agrees with the framed file, which no after-the-fact translate would give.
  const size = frameSize(parts, options.frame);
  const width = Math.ceil(size.width);
  const height = Math.ceil(size.height);
  const framed = drawParts(doc, layout, options, { x: (width - parts.width) / 2, y: (height - parts.height) / 2 });
  return { ...framed, width, height };
}

/** The drawing with its top-left margin corner at `origin` (a frame's offset; 0, 0 unframed). */
function drawParts(doc: MapDoc, layout: MapLayout, options: SvgExportOptions, origin: Point): SvgParts {
  const theme = themeFor(options.background);
  const words = { ...mapWords(doc.map.locale).legend, ...options.words };
  const margin = options.margin ?? 32;
  const left = origin.x + margin;
  const bounds = layout.bounds;
  const out: string[] = [];
  // The vertical extent of each `out` entry (same index), so raster strips can leave out what
  // cannot reach them: parsing all of a 2,000-topic map's shapes for every strip was most of a
  // PNG export's drawing time.
  const spans: [number, number][] = [];
  // The canvas form of each `out` entry's shapes (same index), collected as its markup is written.
  const draws: ShapeDraw[][] = [];
  const put: PutPiece = (markup, top = -Infinity, bottom = Infinity) => {
    out.push(markup);
    spans.push([top, bottom]);
    draws.push(drawing);
    drawing = [];
  };
  const texts: string[] = [];
  const family = escapeXml(fontFamilyFor(doc.map.locale));
  const runs: TextRun[] = [];
  collecting = runs;
  drawing = [];
  try {

  // Title block: sits above the map, as wide as the map (or 480 px for a tiny one).
  let y = origin.y + margin;
  const blockWidth = Math.max(bounds.width, 480);
  if (options.titleBlock) {
    const wrapped = wrapLabel(doc.map.title, blockWidth, TITLE_FONT, 2, 'bold');
    for (const line of wrapped.lines) {
      put(textEl(left, y + TITLE_LINE / 2 + 0.36 * TITLE_FONT, line, TITLE_FONT, 700, theme.text));
      texts.push(line);
      y += TITLE_LINE;
    }
    if (options.date) {
      put(textEl(left, y + 4 + DATE_FONT, options.date, DATE_FONT, 400, theme.textMuted));
      texts.push(options.date);
      y += DATE_FONT + 10;
    }
    y += BLOCK_GAP;
  }

  // The map: layout coordinates shifted so its bounds start at (margin, y).
  const mapBox = { x: left, y, width: bounds.width, height: bounds.height };
  const dx = left - bounds.x;
  const dy = y - bounds.y;
  const byId = new Map<string, LayoutNode>();
  for (const node of layout.nodes) byId.set(node.id, node);

  const edges: { from: Point; to: Point }[] = [];
  const edgePaint: Paint = { fill: 'none', stroke: theme.edge, strokeWidth: 1.5 };
  put(`<g fill="none" stroke="${edgePaint.stroke}" stroke-width="${edgePaint.strokeWidth}">`);
  for (const edge of layout.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
    const left = edge.sourceSide === 'left';
    const from = { x: (left ? source.x : source.x + source.width) + dx, y: source.y + source.height / 2 + dy };
    const to = { x: (left ? target.x + target.width : target.x) + dx, y: target.y + target.height / 2 + dy };
    edges.push({ from, to });
    // The bezier's control points share its end points' y, so it stays between them (+ the stroke).
    put(pathEl(bezier(from, to, left), edgePaint, { inherited: true }), Math.min(from.y, to.y) - 2, Math.max(from.y, to.y) + 2);
  }
  put('</g>');

  const chainIds = options.chains
    ? doc.chainOrder.filter((id) => (!options.onlyChains || options.onlyChains.includes(id)) && doc.chains[id] && doc.chains[id].steps.length > 0 && (!options.partOfMap || doc.chains[id].steps.some((step) => byId.has(step))))
    : [];
  const weak = weakLinksOf(doc, chainIds, words.weakLink);

  // Chain lines go under the nodes, as on the canvas, so they never strike through a label; the
  // numbered dots go over them, where the canvas shows them on each step's top edge.
  const mode = options.background === 'dark' ? 'dark' : 'light';
  if (chainIds.length > 0) {
    put('<g class="chains">');
    drawChainLines(doc, chainIds, byId, dx, dy, mode, put);
    put('</g>');
  }

  const nodes: ExportedNode[] = [];
  for (const node of layout.nodes) {
    const box = { x: node.x + dx, y: node.y + dy, width: node.width, height: node.height };
    nodes.push({ id: node.id, label: node.label, lines: node.lines, ...box });
    texts.push(...node.lines);
    const topic = node.topicId !== undefined ? doc.topics[node.topicId] : undefined;
    const mark = node.topicId !== undefined ? weak.get(node.topicId) : undefined;
    if (mark) texts.push(mark.tag);
    // Everything a node draws (badges, collapse chip) stays within its box's rows; a weak link's
    // ring and tag reach a little above and around it.
    put(drawNode(node, box, theme, topic?.score, mark), box.y - (mark ? WEAK_TAG_RISE + 2 : 2), box.y + box.height + (mark ? WEAK_RING_OUT + 2 : 2));
  }

  if (chainIds.length > 0) {
    put('<g class="chain-steps">');
    drawChainSteps(doc, chainIds, byId, dx, dy, mode, put);
    put('</g>');
  }
  y += bounds.height;

  let width = Math.max(bounds.width, options.titleBlock ? blockWidth : 0) + 2 * margin;
  if (options.legend) {
    y += BLOCK_GAP;
    const legend = drawLegend(doc, layout, chainIds, words, theme, mode, left, y);
    put(legend.markup);
    texts.push(...legend.texts);
    y += legend.height;
    width = Math.max(width, legend.width + 2 * margin);
  }
  const height = y + margin - origin.y;

  const defs = chainIds.length > 0 ? chainMarkers(chainIds.length, mode) : '';
  const body = `<g font-family="${family}">${out.join('')}</g>`;
  // Escaped text holds no '<', so this drops exactly the text elements.
  const shapeItems = out.map((markup, i) => ({
    top: (spans[i] as [number, number])[0],
    bottom: (spans[i] as [number, number])[1],
    markup: markup.replace(TEXT_ELEMENT, ''),
    draws: draws[i] as ShapeDraw[],
  }));
  const shapes = `<g font-family="${family}">${shapeItems.map((item) => item.markup).join('')}</g>`;
  return {
    width: Math.ceil(width),
    height: Math.ceil(height),
    defs,
    body,
    backgroundColor: options.background === 'transparent' ? null : options.background === 'dark' ? DARK.background : '#ffffff',
    lang: doc.map.locale,
    mapBox,
    nodes,
    edges,
    text: texts.join('\n'),
    shapes,
    shapeItems,
    runs,
    fontFamily: fontFamilyFor(doc.map.locale),
  };
  } finally {
    collecting = null;
    drawing = [];
  }
}

/** Escaped text holds no '<', so this matches exactly the text elements. */
const TEXT_ELEMENT = /<text\b[^>]*>[^<]*<\/text>/g;

/** The runs of the drawing being rendered (renderMapSvg is synchronous, so one at a time). */
let collecting: TextRun[] | null = null;
/** The canvas form of the shapes written since the last `put` (see ShapeItem.draws). */
let drawing: ShapeDraw[] = [];

export interface SvgDocumentOptions {
  /** The part of the drawing to show (default: all of it), in drawing px. */
  readonly viewBox?: Box;
  /** Output size in px (default: the viewBox's size, i.e. scale 1). */
  readonly pixelWidth?: number;
  readonly pixelHeight?: number;
  /** `@font-face` rules to embed (raster only: an SVG drawn as an image sees no page fonts). */
  readonly fontCss?: string;
  /** Leave out the XML declaration (inline in HTML). */
  readonly inline?: boolean;
  /** Shapes only, no `<text>` (the rasteriser paints the text itself). */
  readonly textless?: boolean;
}

/**
 * Wraps parts into one standalone SVG file (or a window onto it, for tiles and pages).
 * @example svgDocument(parts, { viewBox: { x: 0, y: 0, width: 500, height: 500 }, pixelWidth: 1000, pixelHeight: 1000 })
 */
export function svgDocument(parts: SvgParts, options: SvgDocumentOptions = {}): string {
  const view = options.viewBox ?? { x: 0, y: 0, width: parts.width, height: parts.height };
  const w = options.pixelWidth ?? view.width;
  const h = options.pixelHeight ?? view.height;
  const style = options.fontCss ? `<style>${options.fontCss}</style>` : '';
  const background = parts.backgroundColor
    ? `<rect x="${n(view.x - 1)}" y="${n(view.y - 1)}" width="${n(view.width + 2)}" height="${n(view.height + 2)}" fill="${parts.backgroundColor}"/>`
    : '';
  const head = options.inline ? '' : '<?xml version="1.0" encoding="UTF-8"?>\n';
  return (
    `${head}<svg xmlns="http://www.w3.org/2000/svg" version="1.1" xml:lang="${escapeXml(parts.lang)}" lang="${escapeXml(parts.lang)}"` +
    ` width="${n(w)}" height="${n(h)}" viewBox="${n(view.x)} ${n(view.y)} ${n(view.width)} ${n(view.height)}" text-rendering="geometricPrecision">` +
    `<defs>${style}${parts.defs}</defs>${background}${options.textless ? parts.shapes : parts.body}</svg>`
  );
}

// ---------------------------------------------------------------------------------------------
// Pieces
// ---------------------------------------------------------------------------------------------

function textEl(x: number, y: number, text: string, size: number, weight: number, fill: string, anchor?: 'middle' | 'end'): string {
  const a = anchor ? ` text-anchor="${anchor}"` : '';
  collecting?.push({ x, y, text, size, weight, fill, anchor: anchor ?? 'start' });
  return `<text x="${n(x)}" y="${n(y)}" font-size="${size}" font-weight="${weight}" fill="${fill}"${a} xml:space="preserve">${escapeXml(text)}</text>`;
}

/** A shape's paint as the markup writes it: attributes left out are left out of the markup too. */
interface Paint {
  /** A colour or 'none'. */
  readonly fill: string;
  readonly stroke?: string;
  /** Left out: SVG's default, 1. */
  readonly strokeWidth?: number;
  /** `stroke-dasharray`, e.g. '4 3'. */
  readonly dash?: string;
}

function paintAttributes(paint: Paint): string {
  return (
    ` fill="${paint.fill}"` +
    (paint.stroke !== undefined ? ` stroke="${paint.stroke}"` : '') +
    (paint.strokeWidth !== undefined ? ` stroke-width="${paint.strokeWidth}"` : '') +
    (paint.dash !== undefined ? ` stroke-dasharray="${paint.dash}"` : '')
  );
}

/** Records a shape's canvas form for the item being written (see ShapeItem.draws). */
function draw(geometry: ShapeGeometry, paint: Paint): void {
  drawing.push({
    geometry,
    fill: paint.fill === 'none' ? null : paint.fill,
    stroke: paint.stroke ?? null,
    strokeWidth: paint.strokeWidth ?? 1,
    dash: paint.dash !== undefined ? paint.dash.split(' ').map(Number) : null,
  });
}

/** The value as the markup writes it: what an SVG viewer draws, so what the canvas must draw. */
const r2 = (v: number): number => Number(n(v));

function rectEl(x: number, y: number, width: number, height: number, rx: number, paint: Paint): string {
  draw({ kind: 'rect', x: r2(x), y: r2(y), width: r2(width), height: r2(height), rx: r2(rx) }, paint);
  return `<rect x="${n(x)}" y="${n(y)}" width="${n(width)}" height="${n(height)}" rx="${n(rx)}"${paintAttributes(paint)}/>`;
}

function circleEl(cx: number, cy: number, r: number, paint: Paint): string {
  draw({ kind: 'circle', cx: r2(cx), cy: r2(cy), r: r2(r) }, paint);
  return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}"${paintAttributes(paint)}/>`;
}

/**
 * A `<path>`. `inherited`: the paint comes from the enclosing `<g>`, so the markup leaves it out.
 * `arrow`: a chain marker at the end, whose tip points along the path's last direction (from `from` to `tip`).
 */
function pathEl(d: string, paint: Paint, options: { readonly inherited?: boolean; readonly arrow?: { readonly index: number; readonly colour: string; readonly from: Point; readonly tip: Point } } = {}): string {
  draw({ kind: 'path', d }, paint);
  const { arrow } = options;
  if (arrow) {
    draw({ kind: 'arrowhead', x: arrow.tip.x, y: arrow.tip.y, angle: Math.atan2(arrow.tip.y - arrow.from.y, arrow.tip.x - arrow.from.x) }, { fill: arrow.colour });
  }
  return `<path d="${d}"${options.inherited ? '' : paintAttributes(paint)}${arrow ? ` marker-end="url(#tm-chain-arrow-${arrow.index})"` : ''}/>`;
}

/** React Flow's default bezier between a right (or left) handle and the opposite one. */
function bezier(from: Point, to: Point, leftward: boolean): string {
  const dist = Math.abs(to.x - from.x);
  const off = Math.max(dist / 2, 20) * (leftward ? -1 : 1);
  return `M${n(from.x)},${n(from.y)} C${n(from.x + off)},${n(from.y)} ${n(to.x - off)},${n(to.y)} ${n(to.x)},${n(to.y)}`;
}

/** A rectangle with its own radius per corner (top-left, top-right, bottom-right, bottom-left). */
function roundedPath(b: Box, tl: number, tr: number, br: number, bl: number): string {
  const { x, y, width: w, height: h } = b;
  return (
    `M${n(x + tl)},${n(y)} H${n(x + w - tr)} A${tr},${tr} 0 0 1 ${n(x + w)},${n(y + tr)} V${n(y + h - br)} ` +
    `A${br},${br} 0 0 1 ${n(x + w - br)},${n(y + h)} H${n(x + bl)} A${bl},${bl} 0 0 1 ${n(x)},${n(y + h - bl)} V${n(y + tl)} ` +
    `A${tl},${tl} 0 0 1 ${n(x + tl)},${n(y)} Z`
  );
}

/** The canvas's weak-link ring (styles.css `.is-weak-link`): 3 px of red, 3 px off the node's edge. */
const WEAK_RING_GAP = 3;
const WEAK_RING_WIDTH = 3;
const WEAK_RING_OUT = WEAK_RING_GAP + WEAK_RING_WIDTH;
/** The canvas's weak-link tag (`.weak-link-badge`): a 16 px pill whose top sits 17 px above the node. */
const WEAK_TAG_RISE = 17;
const WEAK_TAG_HEIGHT = 16;
const WEAK_TAG_FONT = 10;

/** How a weak-link touchpoint is marked: its tag's text and how many chain dots sit on its top edge (the tag goes after them). */
interface WeakMark {
  readonly tag: string;
  readonly dots: number;
}

/**
 * The weak link (DOMAIN.md §4: the lowest-scored step) of each chain drawn, as the canvas marks
 * it: only chains that are drawn, so a map exported without its chains shows no marker either.
 */
function weakLinksOf(doc: MapDoc, chainIds: readonly ChainId[], word: string): Map<string, WeakMark> {
  // The canvas upper-cases the tag with CSS; the export writes the letters it shows.
  const tag = word.toLocaleUpperCase(doc.map.locale);
  const dots = new Map<string, number>();
  for (const id of chainIds) for (const step of doc.chains[id]?.steps ?? []) dots.set(step, (dots.get(step) ?? 0) + 1);
  const marks = new Map<string, WeakMark>();
  for (const id of chainIds) {
    const chain = doc.chains[id];
    const ref = chain ? weakLink(doc, chain) : undefined;
    if (ref) marks.set(ref.topicId, { tag, dots: dots.get(ref.topicId) ?? 0 });
  }
  return marks;
}

/** The red ring around a weak link and its tag above the node's top edge, after the chain dots there. */
function drawWeakMark(b: Box, theme: ThemeTokens, mark: WeakMark): string {
  const off = WEAK_RING_GAP + WEAK_RING_WIDTH / 2;
  const ring = rectEl(b.x - off, b.y - off, b.width + 2 * off, b.height + 2 * off, 8 + off, { fill: 'none', stroke: theme.danger, strokeWidth: WEAK_RING_WIDTH });
  const w = measureText(mark.tag, WEAK_TAG_FONT, 'bold') + 12;
  // Chain dots are 22 px apart from b.x + 4 (drawChainSteps); the tag starts clear of the last one.
  const x = b.x + (mark.dots > 0 ? 4 + (mark.dots - 1) * 22 + 14 : 8);
  const y = b.y - WEAK_TAG_RISE;
  const pill = rectEl(x, y, w, WEAK_TAG_HEIGHT, WEAK_TAG_HEIGHT / 2, { fill: theme.danger });
  const text = textEl(x + w / 2, y + 12, mark.tag, WEAK_TAG_FONT, 700, theme.dangerText, 'middle');
  return ring + pill + text;
}

const BAND_COLOUR = (theme: ThemeTokens, band: ScoreBand): string => (band === 'awful' ? theme.awful : band === 'ok' ? theme.ok : theme.wow);

/** One node, as the canvas draws it (styles.css `.mind-node--*`). */
function drawNode(node: LayoutNode, b: Box, theme: ThemeTokens, score: number | undefined, weak?: WeakMark): string {
  const g = NODE_GEOMETRY[node.type];
  const tone = node.channel ?? null;
  const toneColour = tone === 'online' ? theme.online : tone === 'offline' ? theme.offline : theme.unsorted;
  const parts: string[] = [];
  let textFill = theme.text;
  let textX = b.x + g.borderX / 2 + g.paddingX;
  let anchor: 'middle' | undefined;
  switch (node.type) {
    case 'root':
      parts.push(rectEl(b.x, b.y, b.width, b.height, 14, { fill: theme.root }));
      textFill = theme.rootText;
      textX = b.x + b.width / 2;
      anchor = 'middle';
      break;
    case 'channel':
      parts.push(rectEl(b.x, b.y, b.width, b.height, b.height / 2, { fill: toneColour }));
      textFill = tone === 'online' ? theme.onlineText : tone === 'offline' ? theme.offlineText : theme.unsortedText;
      break;
    case 'stage':
    case 'unsorted': {
      const soft = tone === 'online' ? theme.onlineSoft : tone === 'offline' ? theme.offlineSoft : theme.unsortedSoft;
      parts.push(pathEl(roundedPath(b, 4, 8, 8, 4), { fill: soft }));
      const bar = roundedPath({ x: b.x, y: b.y, width: 5, height: b.height }, 4, 0, 0, 4);
      parts.push(pathEl(bar, tone === null ? { fill: 'none', stroke: toneColour, strokeWidth: 1.5, dash: '4 3' } : { fill: toneColour }));
      textX = b.x + 5 + g.paddingX;
      break;
    }
    case 'touchpoint':
    case 'detail': {
      const detail = node.type === 'detail';
      const stroke = detail ? theme.border : toneColour;
      const sw = detail ? 1 : 1.5;
      parts.push(
        rectEl(b.x + sw / 2, b.y + sw / 2, b.width - sw, b.height - sw, 8, {
          fill: detail ? theme.background : theme.surface,
          stroke,
          strokeWidth: sw,
          ...(!detail && tone === null ? { dash: '5 3' } : {}),
        }),
      );
      break;
    }
  }
  const weight = FONT_WEIGHT_VALUE[g.fontWeight];
  const top = b.y + (b.height - node.lines.length * g.lineHeight) / 2;
  node.lines.forEach((line, i) => {
    // Baseline ≈ line centre + 0.36 em: where Noto Sans's x-height centres on the line.
    parts.push(textEl(textX, top + g.lineHeight * (i + 0.5) + 0.36 * g.fontSize, line, g.fontSize, weight, textFill, anchor));
  });
  if ((node.type === 'channel' || node.type === 'stage' || node.type === 'unsorted') && node.count !== undefined && node.count > 0) {
    const label = String(node.count);
    const w = Math.max(22, measureText(label, 12, 'semibold') + 12);
    const cx = b.x + b.width - g.paddingX - w;
    const cy = b.y + b.height / 2 - 9;
    parts.push(rectEl(cx, cy, w, 18, 9, { fill: theme.surface }));
    parts.push(textEl(cx + w / 2, cy + 13, label, 12, 600, theme.textMuted, 'middle'));
  }
  if ((node.type === 'touchpoint' || node.type === 'detail') && score !== undefined) {
    const band = scoreBand(score);
    if (band) {
      const label = String(score);
      // The canvas's `.score-badge`: 13 px bold in a 20 px tall tab at the top right corner.
      const w = Math.max(24, measureText(label, 13, 'bold') + 8);
      const bx = b.x + b.width - w;
      parts.push(pathEl(roundedPath({ x: bx, y: b.y, width: w, height: 20 }, 0, 8, 0, 8), { fill: BAND_COLOUR(theme, band) }));
      parts.push(textEl(bx + w / 2, b.y + 14.5, label, 13, 700, band === 'awful' ? theme.awfulText : band === 'ok' ? theme.okText : theme.wowText, 'middle'));
    }
  }
  if (node.collapsed && node.hiddenCount > 0) {
    // The canvas's collapse chip: "+N" just outside the node's outer edge.
    const label = `+${node.hiddenCount}`;
    const w = measureText(label, 11, 'bold') + 10;
    const cx = node.side === 'left' ? b.x - w - 4 : b.x + b.width + 4;
    const cy = b.y + b.height / 2 - 9;
    parts.push(rectEl(cx, cy, w, 18, 9, { fill: theme.surface, stroke: theme.border }));
    parts.push(textEl(cx + w / 2, cy + 13, label, 11, 700, theme.textMuted, 'middle'));
  }
  if (weak) parts.push(drawWeakMark(b, theme, weak));
  return `<g>${parts.join('')}</g>`;
}

function chainMarkers(count: number, mode: 'light' | 'dark'): string {
  const colours = CHAIN_COLOURS[mode];
  let out = '';
  for (let i = 0; i < count; i++) {
    const { d, box, refX, refY, size } = CHAIN_ARROW;
    out += `<marker id="tm-chain-arrow-${i}" viewBox="0 0 ${box} ${box}" refX="${refX}" refY="${refY}" markerWidth="${size}" markerHeight="${size}" orient="auto-start-reverse" markerUnits="userSpaceOnUse"><path d="${d}" fill="${colours[i % colours.length]}"/></marker>`;
  }
  return out;
}

/** Where the line from a box's centre towards `toward` leaves the box (so arrowheads touch its border). */
function exitPoint(b: Box, toward: Point): Point {
  const cx = b.x + b.width / 2;
  const cy = b.y + b.height / 2;
  const vx = toward.x - cx;
  const vy = toward.y - cy;
  if (vx === 0 && vy === 0) return { x: cx, y: cy };
  const t = Math.min(vx === 0 ? Infinity : b.width / 2 / Math.abs(vx), vy === 0 ? Infinity : b.height / 2 / Math.abs(vy));
  return { x: cx + vx * t, y: cy + vy * t };
}

type StepBox = { readonly id: string; readonly x: number; readonly y: number; readonly width: number; readonly height: number };

/** Each chain drawn, with its colour and its steps' boxes on the page (null where a step is not drawn). */
function chainsOnPage(doc: MapDoc, chainIds: readonly ChainId[], byId: ReadonlyMap<string, LayoutNode>, dx: number, dy: number, mode: 'light' | 'dark') {
  const colours = CHAIN_COLOURS[mode];
  return chainIds.flatMap((chainId, ci) => {
    const chain = doc.chains[chainId];
    if (!chain) return [];
    const boxes = chain.steps.map((id): StepBox | null => {
      const node = byId.get(id);
      return node ? { id, x: node.x + dx, y: node.y + dy, width: node.width, height: node.height } : null;
    });
    return [{ index: ci, colour: colours[ci % colours.length] as string, boxes }];
  });
}

/**
 * Chain lines: a dashed arrow from each step to the next, curved off the tree's edges. Drawn
 * under the nodes, as the canvas draws them, so a line never strikes through a label.
 */
function drawChainLines(doc: MapDoc, chainIds: readonly ChainId[], byId: ReadonlyMap<string, LayoutNode>, dx: number, dy: number, mode: 'light' | 'dark', put: PutPiece): void {
  for (const { index: ci, colour, boxes } of chainsOnPage(doc, chainIds, byId, dx, dy, mode)) {
    for (let s = 0; s + 1 < boxes.length; s++) {
      const a = boxes[s];
      const b = boxes[s + 1];
      if (!a || !b || a.id === b.id) continue;
      const ca = { x: a.x + a.width / 2, y: a.y + a.height / 2 };
      const cb = { x: b.x + b.width / 2, y: b.y + b.height / 2 };
      const from = exitPoint(a, cb);
      const to = exitPoint(b, ca);
      // Bow each link sideways by a fifth of its length, so it reads apart from straight tree edges.
      const mx = (from.x + to.x) / 2;
      const my = (from.y + to.y) / 2;
      const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
      const bow = Math.min(80, len / 5);
      const qx = mx + (-(to.y - from.y) / len) * bow;
      const qy = my + ((to.x - from.x) / len) * bow;
      // The arrowhead points along the curve's end tangent: from the control point to the end.
      const tip = { x: r2(to.x), y: r2(to.y) };
      const control = { x: r2(qx), y: r2(qy) };
      const heading = control.x === tip.x && control.y === tip.y ? { x: r2(from.x), y: r2(from.y) } : control;
      // A quadratic stays within its control points' rows; the stroke and the arrowhead at the tip reach past them.
      const reach = CHAIN_LINK_WIDTH + CHAIN_ARROW.size * 1.5;
      put(
        pathEl(`M${n(from.x)},${n(from.y)} Q${n(qx)},${n(qy)} ${n(to.x)},${n(to.y)}`, { fill: 'none', stroke: colour, strokeWidth: CHAIN_LINK_WIDTH, dash: '6 4' }, { arrow: { index: ci, colour, from: heading, tip } }),
        Math.min(from.y, qy, to.y) - reach,
        Math.max(from.y, qy, to.y) + reach,
      );
    }
  }
}

/** A numbered dot per chain step on its top edge, drawn over the nodes. */
function drawChainSteps(doc: MapDoc, chainIds: readonly ChainId[], byId: ReadonlyMap<string, LayoutNode>, dx: number, dy: number, mode: 'light' | 'dark', put: PutPiece): void {
  const badgesAt = new Map<string, number>();
  for (const { colour, boxes } of chainsOnPage(doc, chainIds, byId, dx, dy, mode)) {
    boxes.forEach((b, s) => {
      if (!b) return;
      // A topic visited by several steps (or chains) gets its dots side by side along its top edge.
      const k = badgesAt.get(b.id) ?? 0;
      badgesAt.set(b.id, k + 1);
      const badge = chainBadge(s + 1, { x: b.x + 4 + k * 22, y: b.y - 2 });
      put(
        circleEl(badge.cx, badge.cy, badge.r, { fill: colour }) +
          textEl(badge.textX, badge.textY, badge.label, CHAIN_BADGE.fontSize, CHAIN_BADGE.fontWeight, CHAIN_BADGE.textColour, 'middle'),
        badge.cy - badge.r - 2,
        badge.cy + badge.r + 2,
      );
    });
  }
}

/** The legend: channel colours, score bands, and the chains drawn. */
function drawLegend(
  doc: MapDoc,
  layout: MapLayout,
  chainIds: readonly ChainId[],
  words: ExportWords,
  theme: ThemeTokens,
  mode: 'light' | 'dark',
  x0: number,
  y0: number,
): { markup: string; width: number; height: number; texts: string[] } {
  const out: string[] = [];
  const texts: string[] = [];
  /** Draws a heading (optional) and swatch + label items left to right from x; returns where it ended. */
  const row = (x: number, y: number, heading: string | null, items: readonly { swatch: (x: number, y: number) => string; label: string }[]): number => {
    if (heading !== null) {
      out.push(textEl(x, y + 16, heading, LEGEND_FONT, 600, theme.textMuted));
      texts.push(heading);
      x += measureText(heading, LEGEND_FONT, 'semibold') + 10;
    }
    for (const item of items) {
      out.push(item.swatch(x, y + 4));
      x += 22;
      out.push(textEl(x, y + 16, item.label, LEGEND_FONT, 400, theme.text));
      texts.push(item.label);
      x += measureText(item.label, LEGEND_FONT) + 20;
    }
    return x;
  };
  const swatch =
    (fill: string, stroke = fill, dash?: string) =>
    (x: number, y: number) =>
      rectEl(x, y, 16, 16, 4, { fill, stroke, strokeWidth: 1.5, ...(dash !== undefined ? { dash } : {}) });
  const channels = [
    { swatch: swatch(theme.online), label: words.online },
    { swatch: swatch(theme.offline), label: words.offline },
  ];
  if (layout.nodes.some((node) => node.type === 'touchpoint' && !node.channel)) {
    channels.push({ swatch: swatch(theme.unsortedSoft, theme.unsorted, '3 2'), label: words.unsorted });
  }
  const scores = [
    { swatch: swatch(theme.awful), label: words.awful },
    { swatch: swatch(theme.ok), label: words.ok },
    { swatch: swatch(theme.wow), label: words.wow },
  ];
  const afterChannels = row(x0, y0, null, channels);
  let right = row(afterChannels + 12, y0, `${words.score}:`, scores);
  let height = LEGEND_ROW;
  if (chainIds.length > 0) {
    const colours = CHAIN_COLOURS[mode];
    const items = chainIds.map((id, i) => {
      const name = doc.chains[id]?.name ?? '';
      return {
        swatch: (x: number, y: number) => {
          const colour = colours[i % colours.length] as string;
          const start = { x: r2(x), y: r2(y + 8) };
          return pathEl(`M${n(x)},${n(y + 8)} h14`, { fill: 'none', stroke: colour, strokeWidth: 2.5, dash: '5 3' }, { arrow: { index: i, colour, from: start, tip: { x: start.x + 14, y: start.y } } });
        },
        // A nameless chain (a hand-edited file) still needs a legend entry to match its arrows to.
        label: name.trim() !== '' ? name : words.untitledChain.replace('{n}', String(i + 1)),
      };
    });
    right = Math.max(right, row(x0, y0 + LEGEND_ROW + 4, `${words.chains}:`, items));
    height += LEGEND_ROW + 4;
  }
  return { markup: `<g class="legend">${out.join('')}</g>`, width: right - x0, height, texts };
}
