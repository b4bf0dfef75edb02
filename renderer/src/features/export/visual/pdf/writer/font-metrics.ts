/**
 * What a PDF needs to know of an embedded TrueType face: which glyph draws each character (cmap
 * formats 4 and 12), each glyph's advance (hmtx), and the descriptor's figures (units per em,
 * bounding box, ascent, descent, cap height). Pure: bytes in, numbers out.
 */
import { readSfnt, type SfntTable } from '../../fonts/sfnt';

export interface FaceMetrics {
  /** True for TrueType outlines (glyf): embedded as /FontFile2. */
  readonly trueType: boolean;
  readonly unitsPerEm: number;
  readonly bbox: readonly [number, number, number, number];
  readonly ascent: number;
  readonly descent: number;
  readonly capHeight: number;
  /** Glyph id by code point. */
  readonly glyphOf: ReadonlyMap<number, number>;
  /** Advance of a glyph, font units. */
  advanceOf(glyph: number): number;
}

const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const i16 = (b: Uint8Array, o: number) => {
  const v = u16(b, o);
  return v >= 0x8000 ? v - 0x10000 : v;
};
const u32 = (b: Uint8Array, o: number) => ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);

function table(tables: readonly SfntTable[], tag: string): Uint8Array {
  const found = tables.find((t) => t.tag === tag);
  if (!found) throw new Error(`The font has no ${tag} table, so it cannot be embedded in the PDF.`);
  return found.data;
}

/**
 * Reads the metrics of an sfnt (a subset face, as the subsetter returns it).
 * @example const m = faceMetrics(ttf); m.glyphOf.get(0x41) // the glyph of "A"
 */
export function faceMetrics(sfnt: Uint8Array): FaceMetrics {
  const font = readSfnt(sfnt);
  const head = table(font.tables, 'head');
  const hhea = table(font.tables, 'hhea');
  const hmtx = table(font.tables, 'hmtx');
  const os2 = font.tables.find((t) => t.tag === 'OS/2')?.data;
  const unitsPerEm = u16(head, 18) || 1000;
  const bbox = [i16(head, 36), i16(head, 38), i16(head, 40), i16(head, 42)] as const;
  const metricsCount = u16(hhea, 34);
  const ascent = os2 && os2.length >= 72 ? i16(os2, 68) : i16(hhea, 4);
  const descent = os2 && os2.length >= 72 ? i16(os2, 70) : i16(hhea, 6);
  const capHeight = os2 && os2.length >= 90 && u16(os2, 0) >= 2 ? i16(os2, 88) : Math.round(ascent * 0.9);
  const lastAdvance = metricsCount > 0 ? u16(hmtx, (metricsCount - 1) * 4) : 0;
  return {
    trueType: font.tables.some((t) => t.tag === 'glyf'),
    unitsPerEm,
    bbox,
    ascent,
    descent,
    capHeight,
    glyphOf: readCmap(table(font.tables, 'cmap')),
    advanceOf: (glyph) => (glyph < metricsCount ? u16(hmtx, glyph * 4) : lastAdvance),
  };
}

/** The Unicode subtable of a cmap (3/10 or 0/4 format 12 first, else 3/1 or 0/3 format 4), read whole. */
export function readCmap(cmap: Uint8Array): Map<number, number> {
  const count = u16(cmap, 2);
  let best = -1;
  let bestRank = -1;
  for (let i = 0; i < count; i++) {
    const platform = u16(cmap, 4 + i * 8);
    const encoding = u16(cmap, 6 + i * 8);
    const offset = u32(cmap, 8 + i * 8);
    const format = u16(cmap, offset);
    const unicode = platform === 0 || (platform === 3 && (encoding === 1 || encoding === 10));
    if (!unicode) continue;
    const rank = format === 12 ? 2 : format === 4 ? 1 : -1;
    if (rank > bestRank) {
      best = offset;
      bestRank = rank;
    }
  }
  const map = new Map<number, number>();
  if (best < 0) return map;
  if (bestRank === 2) {
    const groups = u32(cmap, best + 12);
    for (let g = 0; g < groups; g++) {
      const at = best + 16 + g * 12;
      const start = u32(cmap, at);
      const end = u32(cmap, at + 4);
      const glyph = u32(cmap, at + 8);
      for (let cp = start; cp <= end; cp++) map.set(cp, glyph + cp - start);
    }
    return map;
  }
  const segments = u16(cmap, best + 6) / 2;
  const ends = best + 14;
  const starts = ends + segments * 2 + 2;
  const deltas = starts + segments * 2;
  const ranges = deltas + segments * 2;
  for (let s = 0; s < segments; s++) {
    const end = u16(cmap, ends + s * 2);
    const start = u16(cmap, starts + s * 2);
    const delta = u16(cmap, deltas + s * 2);
    const rangeOffset = u16(cmap, ranges + s * 2);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) glyph = (cp + delta) & 0xffff;
      else {
        const at = ranges + s * 2 + rangeOffset + (cp - start) * 2;
        glyph = u16(cmap, at);
        if (glyph !== 0) glyph = (glyph + delta) & 0xffff;
      }
      if (glyph !== 0) map.set(cp, glyph);
    }
  }
  return map;
}
