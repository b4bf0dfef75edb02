/**
 * CSS colours as PDF paints: the forms the export drawing writes (#rgb, #rrggbb, #rrggbbaa,
 * rgb()/rgba(), a few names) become DeviceRGB components and an alpha for an ExtGState.
 */

export interface PdfColour {
  /** 0–1 each. */
  readonly r: number;
  readonly g: number;
  readonly b: number;
  /** 0–1; below 1 the painter sets an ExtGState with /ca or /CA. */
  readonly a: number;
}

const NAMED: Readonly<Record<string, string>> = { white: '#ffffff', black: '#000000', red: '#ff0000', green: '#008000', blue: '#0000ff', gray: '#808080', grey: '#808080' };

const cache = new Map<string, PdfColour | null>();

/**
 * A CSS colour as PDF components, or null for none (`none`, `transparent`, or a form not
 * understood — drawn as nothing, as SVG draws an invalid paint).
 * @example parseColour('#1f4e9c') // { r: 0.122, g: 0.306, b: 0.612, a: 1 }
 */
export function parseColour(css: string): PdfColour | null {
  let hit = cache.get(css);
  if (hit === undefined) {
    hit = parse(css.trim().toLowerCase());
    cache.set(css, hit);
  }
  return hit;
}

function parse(value: string): PdfColour | null {
  if (value === 'none' || value === 'transparent' || value === '') return null;
  const named = NAMED[value];
  if (named) return parse(named);
  if (value.startsWith('#')) {
    const hex = value.slice(1);
    if (!/^[0-9a-f]+$/.test(hex)) return null;
    const digits = hex.length === 3 || hex.length === 4 ? [...hex].map((c) => c + c).join('') : hex;
    if (digits.length !== 6 && digits.length !== 8) return null;
    const at = (i: number) => parseInt(digits.slice(i, i + 2), 16) / 255;
    return { r: at(0), g: at(2), b: at(4), a: digits.length === 8 ? at(6) : 1 };
  }
  const fn = /^rgba?\(([^)]*)\)$/.exec(value);
  if (fn) {
    const parts = (fn[1] as string).split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const channel = (p: string) => (p.endsWith('%') ? parseFloat(p) / 100 : parseFloat(p) / 255);
    const alpha = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    const [r, g, b] = parts.slice(0, 3).map(channel) as [number, number, number];
    if ([r, g, b, alpha].some((v) => Number.isNaN(v))) return null;
    const clamp = (v: number) => Math.min(1, Math.max(0, v));
    return { r: clamp(r), g: clamp(g), b: clamp(b), a: clamp(alpha) };
  }
  return null;
}

const c3 = (v: number) => String(Math.round(v * 1000) / 1000);

const ops = new WeakMap<PdfColour, readonly [string, string]>();

/** The colour-setting operator: `rg` for fills, `RG` for strokes (made once per colour: a map sets a dozen colours thousands of times). */
export function colourOp(colour: PdfColour, stroke: boolean): string {
  let pair = ops.get(colour);
  if (!pair) {
    const rgb = `${c3(colour.r)} ${c3(colour.g)} ${c3(colour.b)}`;
    pair = [`${rgb} rg`, `${rgb} RG`];
    ops.set(colour, pair);
  }
  return pair[stroke ? 1 : 0];
}
