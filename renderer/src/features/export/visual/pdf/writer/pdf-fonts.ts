/**
 * The map's words as real PDF text: each bundled Noto face the words need, cut down to their
 * characters, embedded as a Type 0 font (CIDFontType2, Identity-H: two bytes a glyph id) with its
 * widths and a ToUnicode map, so every script prints from the same outlines the canvas draws with
 * and `pdftotext` — or a reader's copy and search — gets the labels back.
 *
 * Which face draws a character is the browser's choice, repeated: the drawing's font-family list
 * in order (Japanese before Korean on a Japanese map, so shared ideographs take the Japanese
 * forms), within a family the face of the nearest weight at or below the asked one (the exports
 * declare each face up to the next heavier one, fonts.ts), and within that weight the file whose
 * unicode-range holds the character. A character no bundled face has is left out.
 */
import { faceMetrics, type FaceMetrics } from './font-metrics';
import { pdfName, ref, type PdfFile } from './pdf-file';

/** One bundled `@font-face`: its family, weight, unicode-range and TrueType-flavoured WOFF file. */
export interface FaceRule {
  readonly family: string;
  readonly weight: number;
  /** Empty: every character. */
  readonly ranges: readonly (readonly [number, number])[];
  readonly url: string;
}

/** Reads `url` and returns it as an sfnt cut down to `codePoints` (the subsetter, or the whole face). */
export type FaceLoader = (url: string, codePoints: ReadonlySet<number>) => Promise<Uint8Array>;

/** A piece of text at a weight: what the fonts must be able to draw. */
export interface TextNeed {
  readonly text: string;
  readonly weight: number;
}

/** One embedded face: its resource name, metrics and the glyphs the pages used. */
export class PdfFont {
  /** Glyph id → the characters it stands for (ToUnicode). */
  private readonly used = new Map<number, string>();

  constructor(
    /** Resource name, e.g. `F3`. */
    readonly name: string,
    readonly metrics: FaceMetrics,
    readonly sfnt: Uint8Array,
    readonly postscriptName: string,
  ) {}

  /** The glyph for `char` (one code point), remembered for the ToUnicode map; 0 when the face lacks it. */
  glyph(char: string, cp: number): number {
    const glyph = this.metrics.glyphOf.get(cp) ?? 0;
    if (glyph !== 0 && !this.used.has(glyph)) this.used.set(glyph, char);
    return glyph;
  }

  private readonly widths = new Map<number, number>();

  /** A glyph's advance in text space units (1000 per em). */
  width(glyph: number): number {
    let w = this.widths.get(glyph);
    if (w === undefined) {
      w = Math.round((this.metrics.advanceOf(glyph) * 1000) / this.metrics.unitsPerEm);
      this.widths.set(glyph, w);
    }
    return w;
  }

  /** Writes the font's objects into `file`; returns the Type 0 font's object number. */
  write(file: PdfFile, tag: string): number {
    const m = this.metrics;
    const scale = 1000 / m.unitsPerEm;
    const baseFont = pdfName(`${tag}+${this.postscriptName}`);
    const fontFile = file.add(file.stream(`/Length1 ${this.sfnt.length}`, this.sfnt));
    const descriptor = file.add(
      `<< /Type /FontDescriptor /FontName ${baseFont} /Flags 4 /FontBBox [${m.bbox.map((v) => Math.round(v * scale)).join(' ')}] ` +
        `/ItalicAngle 0 /Ascent ${Math.round(m.ascent * scale)} /Descent ${Math.round(m.descent * scale)} /CapHeight ${Math.round(m.capHeight * scale)} /StemV 80 /FontFile2 ${ref(fontFile)} >>`,
    );
    const glyphs = [...this.used.keys()].sort((a, b) => a - b);
    const widths = glyphs.map((g) => `${g} [${this.width(g)}]`).join(' ');
    const cid = file.add(
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont ${baseFont} /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ` +
        `/FontDescriptor ${ref(descriptor)} /DW ${this.width(0)} /W [${widths}] /CIDToGIDMap /Identity >>`,
    );
    const toUnicode = file.add(file.stream('', toUnicodeCMap(glyphs.map((g) => [g, this.used.get(g) as string]))));
    return file.add(`<< /Type /Font /Subtype /Type0 /BaseFont ${baseFont} /Encoding /Identity-H /DescendantFonts [${ref(cid)}] /ToUnicode ${ref(toUnicode)} >>`);
  }
}

const hexCache: string[] = [];
/** A glyph id or UTF-16 unit as four hex digits (cached: a map's labels repeat a few hundred glyphs thousands of times). */
const hex4 = (v: number) => (hexCache[v] ??= v.toString(16).padStart(4, '0').toUpperCase());

/** A string as UTF-16BE hex, as a ToUnicode map writes its destinations. */
function utf16Hex(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) out += hex4(text.charCodeAt(i));
  return out;
}

/**
 * The ToUnicode CMap of a font: which characters each glyph id stands for (ISO 32000-1 §9.10.3).
 * @example toUnicodeCMap([[36, 'A']]) // '…1 beginbfchar\n<0024> <0041>\nendbfchar…'
 */
export function toUnicodeCMap(entries: readonly (readonly [number, string])[]): string {
  let body = '';
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    body += `${chunk.length} beginbfchar\n${chunk.map(([g, text]) => `<${hex4(g)}> <${utf16Hex(text)}>`).join('\n')}\nendbfchar\n`;
  }
  return (
    '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n' +
    body +
    'endcmap\nCMapName currentdict /CIDResource defineresource pop\nend\nend\n'
  );
}

/** The bundled families of a CSS font-family list, in its order, lower case. */
export function familyOrder(fontFamily: string, rules: readonly FaceRule[]): string[] {
  const bundled = new Set(rules.map((r) => r.family.toLowerCase()));
  return fontFamily
    .split(',')
    .map((f) => f.replace(/["']/g, '').trim().toLowerCase())
    .filter((f, i, all) => bundled.has(f) && all.indexOf(f) === i);
}

/** Within a family, the weight the browser draws `weight` with: the heaviest face at or below it, else the lightest. */
export function faceWeight(weights: readonly number[], weight: number): number {
  const below = weights.filter((w) => w <= weight);
  return below.length > 0 ? Math.max(...below) : Math.min(...weights);
}

const inRanges = (ranges: FaceRule['ranges'], cp: number) => ranges.length === 0 || ranges.some(([from, to]) => cp >= from && cp <= to);

/** The fonts of a PDF: which face draws each character at each weight, and the faces themselves. */
export class PdfFontSet {
  constructor(
    readonly fonts: readonly PdfFont[],
    /** The font of each code point, by weight. */
    private readonly owners: ReadonlyMap<number, ReadonlyMap<number, PdfFont>>,
    /** The characters asked for that no bundled face has (left out of the PDF), in the order first met. */
    readonly missing: readonly string[] = [],
  ) {}

  /** The font drawing code point `cp` at `weight`, or null when no bundled face has it. */
  fontFor(cp: number, weight: number): PdfFont | null {
    return this.owners.get(weight)?.get(cp) ?? null;
  }

  /** Lines already set, by weight and text: a map repeats its stage names, badges and counts many times. */
  private readonly lines = new Map<string, SetLine | null>();

  /** `text` at `weight` in these fonts (see setLine). */
  line(text: string, weight: number): SetLine | null {
    const key = `${weight}|${text}`;
    let line = this.lines.get(key);
    if (line === undefined) {
      line = this.set(text, weight);
      this.lines.set(key, line);
    }
    return line;
  }

  private set(text: string, weight: number): SetLine | null {
    const byCp = this.owners.get(weight);
    if (!byCp) return null;
    const ops: string[] = [];
    let codes: string[] = [];
    let current: PdfFont | null = null;
    let width = 0;
    const flush = () => {
      if (current && codes.length > 0) ops.push(`/${current.name} 1 Tf <${codes.join('')}> Tj`);
      codes = [];
    };
    for (const char of text) {
      const cp = char.codePointAt(0) as number;
      const font = byCp.get(cp);
      if (!font) continue;
      if (font !== current) {
        flush();
        current = font;
      }
      const glyph = font.glyph(char, cp);
      width += font.width(glyph);
      codes.push(hex4(glyph));
    }
    flush();
    return ops.length === 0 ? null : { ops: ops.join(' '), width };
  }
}

/**
 * Picks and loads the faces that draw `needs` in `fontFamily`'s order, each cut to its characters.
 * @example const fonts = await loadPdfFonts(parts.runs, parts.fontFamily, rules, loader);
 */
export async function loadPdfFonts(needs: readonly TextNeed[], fontFamily: string, rules: readonly FaceRule[], load: FaceLoader): Promise<PdfFontSet> {
  const order = familyOrder(fontFamily, rules);
  const byFamily = new Map<string, FaceRule[]>();
  for (const rule of rules) {
    const key = rule.family.toLowerCase();
    byFamily.set(key, [...(byFamily.get(key) ?? []), rule]);
  }
  const pairs = new Map<string, { cp: number; weight: number }>();
  for (const need of needs) {
    for (const char of need.text) {
      const cp = char.codePointAt(0) as number;
      pairs.set(`${need.weight}:${cp}`, { cp, weight: need.weight });
    }
  }
  const ruleOf = new Map<string, FaceRule>();
  const wanted = new Map<FaceRule, Set<number>>();
  const missing = new Set<string>();
  for (const [key, { cp, weight }] of pairs) {
    let found = false;
    for (const family of order) {
      const faces = byFamily.get(family) ?? [];
      const w = faceWeight([...new Set(faces.map((f) => f.weight))], weight);
      const rule = faces.find((f) => f.weight === w && inRanges(f.ranges, cp));
      if (!rule) continue;
      ruleOf.set(key, rule);
      const set = wanted.get(rule) ?? new Set<number>();
      set.add(cp);
      wanted.set(rule, set);
      found = true;
      break;
    }
    if (!found) missing.add(String.fromCodePoint(cp));
  }
  const entries = [...wanted];
  const loaded = await Promise.all(entries.map(([rule, cps]) => load(rule.url, cps)));
  const fontOf = new Map<FaceRule, PdfFont>();
  entries.forEach(([rule], i) => {
    const sfnt = loaded[i] as Uint8Array;
    const metrics = faceMetrics(sfnt);
    if (!metrics.trueType) throw new Error(`The bundled face ${rule.family} ${rule.weight} has no TrueType outlines; the PDF writer embeds TrueType faces only.`);
    fontOf.set(rule, new PdfFont(`F${i}`, metrics, sfnt, postscriptName(rule)));
  });
  const owners = new Map<number, Map<number, PdfFont>>();
  for (const [key, rule] of ruleOf) {
    const { cp, weight } = pairs.get(key) as { cp: number; weight: number };
    let byCp = owners.get(weight);
    if (!byCp) owners.set(weight, (byCp = new Map()));
    byCp.set(cp, fontOf.get(rule) as PdfFont);
  }
  return new PdfFontSet([...fontOf.values()], owners, [...missing]);
}

const WEIGHT_WORDS: Readonly<Record<number, string>> = { 100: 'Thin', 200: 'ExtraLight', 300: 'Light', 400: 'Regular', 500: 'Medium', 600: 'SemiBold', 700: 'Bold', 800: 'ExtraBold', 900: 'Black' };

/** "NotoSansJP-Regular": the face's PostScript name as the PDF's font list shows it. */
function postscriptName(rule: FaceRule): string {
  const family = rule.family.replace(/\b\w/g, (c) => c.toUpperCase()).replace(/\s+/g, '').replace(/Jp$/, 'JP').replace(/Kr$/, 'KR');
  return `${family}-${WEIGHT_WORDS[Math.round(rule.weight / 100) * 100] ?? String(rule.weight)}`;
}

/** A subset tag for font `index`: six capitals, distinct per font (ISO 32000-1 §9.6.4). */
export function subsetTag(index: number): string {
  let tag = '';
  let v = index;
  for (let i = 0; i < 6; i++) {
    tag = String.fromCharCode(65 + (v % 26)) + tag;
    v = Math.floor(v / 26);
  }
  return tag;
}

/** One line set in the PDF's fonts: its show-text operators and its advance. */
export interface SetLine {
  /** `/F0 1 Tf <…> Tj …`: to be drawn at font size 1 inside a text object whose matrix scales it. */
  readonly ops: string;
  /** The line's advance, in thousandths of the font size. */
  readonly width: number;
}

/**
 * A line of text in the PDF's fonts: split where the face changes; its width from the glyphs' own
 * advances (what places a centred or end-anchored label). Null when none of its characters can be drawn.
 * @example const line = setLine('予約 Booking', 400, fonts); // line.width / 1000 * size = its length
 */
export function setLine(text: string, weight: number, fonts: PdfFontSet): SetLine | null {
  return fonts.line(text, weight);
}
