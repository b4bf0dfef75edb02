/**
 * A chart as a list of plain shapes and text lines — the one form every chart is drawn in, so
 * the SVG file (`sceneSvg`), the PNG (painted shape by shape on a canvas by the map export's
 * rasteriser) and the PDF page all show the same thing. Only rectangles, circles, paths and
 * single-line text: what both SVG and a canvas draw identically, with no clip paths, patterns or
 * markers (hatching is drawn as lines), so no viewer can lose a part of it.
 *
 * Pure: no DOM, no React.
 */
import { charWidth, ELLIPSIS, FONT_WEIGHT_VALUE, measureText, type FontWeight } from '../text-metrics';
import { DARK, LIGHT, type ThemeTokens } from '../theme';
import type { TopicId } from '@shared/model/types';

export interface Paint {
  /** A colour, or null for no fill. */
  readonly fill: string | null;
  readonly stroke?: string;
  readonly strokeWidth?: number;
  /** Dash and gap lengths, e.g. [4, 3]. */
  readonly dash?: readonly number[];
}

export type ChartShape =
  | (Paint & { readonly kind: 'rect'; readonly x: number; readonly y: number; readonly width: number; readonly height: number; readonly rx?: number })
  | (Paint & { readonly kind: 'circle'; readonly cx: number; readonly cy: number; readonly r: number })
  | (Paint & { readonly kind: 'path'; readonly d: string })
  | {
      readonly kind: 'text';
      readonly x: number;
      readonly y: number;
      readonly text: string;
      readonly size: number;
      readonly weight: number;
      readonly fill: string;
      readonly anchor: 'start' | 'middle' | 'end';
    };

/** A place on the chart that stands for a touchpoint (a matrix dot): the view makes it clickable. */
export interface ChartTarget {
  readonly topicId: TopicId;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly r: number;
}

export interface ChartScene {
  readonly width: number;
  readonly height: number;
  /** The page behind the chart; null for transparent. */
  readonly background: string | null;
  /** The map's locale, for `xml:lang` (CJK glyph forms). */
  readonly lang: string;
  readonly shapes: readonly ChartShape[];
  readonly targets: readonly ChartTarget[];
}

export type ChartTheme = 'light' | 'dark' | ThemeTokens;

export function tokensOf(theme: ChartTheme): ThemeTokens {
  return theme === 'dark' ? DARK : theme === 'light' ? LIGHT : theme;
}

/** Numbers as the markup writes them: two decimals at most. */
export const n = (v: number): string => String(Math.round(v * 100) / 100);

/** Collects shapes in drawing order; small verbs keep the charts' code about the chart. */
export class Pen {
  readonly shapes: ChartShape[] = [];
  readonly targets: ChartTarget[] = [];
  constructor(readonly theme: ThemeTokens) {}

  rect(x: number, y: number, width: number, height: number, paint: Paint, rx = 0): void {
    if (width <= 0 || height <= 0) return;
    this.shapes.push({ kind: 'rect', x, y, width, height, rx, ...paint });
  }
  circle(cx: number, cy: number, r: number, paint: Paint): void {
    this.shapes.push({ kind: 'circle', cx, cy, r, ...paint });
  }
  path(d: string, paint: Paint): void {
    this.shapes.push({ kind: 'path', d, ...paint });
  }
  line(x1: number, y1: number, x2: number, y2: number, stroke: string, strokeWidth = 1, dash?: readonly number[]): void {
    this.path(`M${n(x1)},${n(y1)} L${n(x2)},${n(y2)}`, { fill: null, stroke, strokeWidth, ...(dash ? { dash } : {}) });
  }
  /** One line of text; cut to `maxWidth` with an ellipsis when given. */
  text(x: number, y: number, text: string, size: number, options: { weight?: FontWeight; fill?: string; anchor?: 'start' | 'middle' | 'end'; maxWidth?: number } = {}): string {
    const weight = options.weight ?? 'regular';
    const shown = options.maxWidth !== undefined ? fitLine(text, options.maxWidth, size, weight) : text;
    if (shown === '') return shown;
    this.shapes.push({ kind: 'text', x, y, text: shown, size, weight: FONT_WEIGHT_VALUE[weight], fill: options.fill ?? this.theme.text, anchor: options.anchor ?? 'start' });
    return shown;
  }
  target(target: ChartTarget): void {
    this.targets.push(target);
  }
}

/**
 * The text cut to one line of at most `maxWidth` px, ending in '…' when cut (CJK widths right).
 * @example fitLine('Booking by phone with the reception', 80, 12) // 'Booking by p…'
 */
export function fitLine(text: string, maxWidth: number, size: number, weight: FontWeight = 'regular'): string {
  if (maxWidth <= 0) return '';
  const line = text.replace(/\s+/g, ' ').trim();
  if (measureText(line, size, weight) <= maxWidth) return line;
  // one line needs no line breaking (and none of its phrase analysis): cut where the ellipsis still fits
  const room = maxWidth - measureText(ELLIPSIS, size, weight);
  let width = 0;
  let end = 0;
  for (const char of line) {
    const next = width + charWidth(char.codePointAt(0) ?? 0, size, weight);
    if (next > room) break;
    width = next;
    end += char.length;
  }
  return end === 0 ? '' : `${line.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** XML-escapes text and drops the control characters XML cannot hold. */
export function escapeXml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function paintAttributes(p: Paint): string {
  return (
    ` fill="${p.fill ?? 'none'}"` +
    (p.stroke !== undefined ? ` stroke="${p.stroke}"` : '') +
    (p.strokeWidth !== undefined ? ` stroke-width="${n(p.strokeWidth)}"` : '') +
    (p.dash !== undefined ? ` stroke-dasharray="${p.dash.join(' ')}"` : '')
  );
}

/** One shape as SVG markup. */
export function shapeMarkup(s: ChartShape): string {
  switch (s.kind) {
    case 'rect':
      return `<rect x="${n(s.x)}" y="${n(s.y)}" width="${n(s.width)}" height="${n(s.height)}"${s.rx ? ` rx="${n(s.rx)}"` : ''}${paintAttributes(s)}/>`;
    case 'circle':
      return `<circle cx="${n(s.cx)}" cy="${n(s.cy)}" r="${n(s.r)}"${paintAttributes(s)}/>`;
    case 'path':
      return `<path d="${s.d}"${paintAttributes(s)}/>`;
    case 'text':
      return (
        `<text x="${n(s.x)}" y="${n(s.y)}" font-size="${n(s.size)}" font-weight="${s.weight}" fill="${s.fill}"` +
        `${s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : ''} xml:space="preserve">${escapeXml(s.text)}</text>`
      );
  }
}

export interface SceneSvgOptions {
  /** `@font-face` rules to embed (an exported file). */
  readonly fontCss?: string;
  /** Leave out the XML declaration (inline in HTML). */
  readonly inline?: boolean;
  readonly fontFamily: string;
  /** The accessible name of the picture. */
  readonly title?: string;
}

/**
 * The scene as one standalone SVG: real `<text>`, no script, no reference outside the file.
 * @example sceneSvg(scene, { fontFamily: "'Noto Sans', sans-serif" })
 */
export function sceneSvg(scene: ChartScene, options: SceneSvgOptions): string {
  const head = options.inline ? '' : '<?xml version="1.0" encoding="UTF-8"?>\n';
  const style = options.fontCss ? `<defs><style>${options.fontCss}</style></defs>` : '';
  const title = options.title ? `<title>${escapeXml(options.title)}</title>` : '';
  const background = scene.background ? `<rect x="0" y="0" width="${n(scene.width)}" height="${n(scene.height)}" fill="${scene.background}"/>` : '';
  return (
    `${head}<svg xmlns="http://www.w3.org/2000/svg" version="1.1" xml:lang="${escapeXml(scene.lang)}" lang="${escapeXml(scene.lang)}"` +
    ` width="${n(scene.width)}" height="${n(scene.height)}" viewBox="0 0 ${n(scene.width)} ${n(scene.height)}" role="img"` +
    ` font-family="${escapeXml(options.fontFamily)}" text-rendering="geometricPrecision">` +
    `${title}${style}${background}${scene.shapes.map(shapeMarkup).join('')}</svg>`
  );
}

/** Every text of the scene: what the fonts embedded in a file must cover. */
export function sceneText(scene: ChartScene): string {
  return scene.shapes.map((s) => (s.kind === 'text' ? s.text : '')).join('\n');
}

/** A colour between two hex colours (0 → a, 1 → b): the heat map's shades. */
export function mix(a: string, b: string, t: number): string {
  const pa = parseInt(a.slice(1), 16);
  const pb = parseInt(b.slice(1), 16);
  const ch = (p: number, shift: number) => (p >> shift) & 255;
  const c = (shift: number) => Math.round(ch(pa, shift) + (ch(pb, shift) - ch(pa, shift)) * Math.min(1, Math.max(0, t)));
  return `#${((c(16) << 16) | (c(8) << 8) | c(0)).toString(16).padStart(6, '0')}`;
}

/** Relative luminance of a hex colour: picks dark or light text on a fill. */
export function isDark(hex: string): boolean {
  const p = parseInt(hex.slice(1), 16);
  const lin = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin((p >> 16) & 255) + 0.7152 * lin((p >> 8) & 255) + 0.0722 * lin(p & 255) < 0.4;
}

/** Shapes that tell apart what colours also tell apart (score bands, quadrants). */
export type SymbolKind = 'up' | 'down' | 'dot' | 'ring' | 'square' | 'diamond';

/**
 * A small symbol centred at cx, cy: the shape carries the meaning for readers who cannot tell the colours apart.
 * @example symbol(pen, 'up', 10, 10, 6, theme.wow)
 */
export function symbol(pen: Pen, kind: SymbolKind, cx: number, cy: number, r: number, fill: string, stroke?: string): void {
  const outline = stroke ? { stroke, strokeWidth: 1.5 } : {};
  switch (kind) {
    case 'dot':
      pen.circle(cx, cy, r, { fill, ...outline });
      return;
    case 'ring':
      pen.circle(cx, cy, r - 1, { fill: null, stroke: fill, strokeWidth: 2 });
      return;
    case 'square':
      pen.rect(cx - r * 0.85, cy - r * 0.85, r * 1.7, r * 1.7, { fill, ...outline });
      return;
    case 'up':
      pen.path(`M${n(cx)},${n(cy - r)} L${n(cx + r)},${n(cy + r * 0.8)} L${n(cx - r)},${n(cy + r * 0.8)} Z`, { fill, ...outline });
      return;
    case 'down':
      pen.path(`M${n(cx - r)},${n(cy - r * 0.8)} L${n(cx + r)},${n(cy - r * 0.8)} L${n(cx)},${n(cy + r)} Z`, { fill, ...outline });
      return;
    case 'diamond':
      pen.path(`M${n(cx)},${n(cy - r)} L${n(cx + r)},${n(cy)} L${n(cx)},${n(cy + r)} L${n(cx - r)},${n(cy)} Z`, { fill, ...outline });
      return;
  }
}
