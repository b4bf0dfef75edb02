/**
 * Our strip encoder (strip-deflate.ts) is checked against zlib itself: strips encoded from pixels,
 * joined as the export joins them (a zlib header, the segments end to end, an empty final block
 * and the combined Adler-32), inflated by Node's zlib (which checks the Adler-32) and unfiltered
 * back — byte for byte the pixels that went in.
 */
import { describe, expect, it } from 'vitest';
import { inflateSync } from 'node:zlib';
import { joinedAdler, ZLIB_HEADER, zlibTrailer, type StripSegment } from '../../../../../renderer/src/features/export/visual/raster/png-stitch';
import { codeLengths, encodeStrip, StripEncoder, subBytes } from '../../../../../renderer/src/features/export/visual/raster/strip-deflate';
import { pixels, unfilter } from './png-fixtures';

/** Encodes `px` in strips of `heights` rows and joins them into one zlib stream. */
function encodeInStrips(px: Uint8Array, width: number, heights: readonly number[]): { zlib: Buffer; segments: StripSegment[] } {
  const segments: StripSegment[] = [];
  let top = 0;
  for (const rows of heights) {
    // A copy at an odd offset in a bigger buffer would break a Uint32Array view: getImageData's is its own.
    const strip = px.slice(top * width * 4, (top + rows) * width * 4);
    segments.push(encodeStrip(strip, width, rows));
    top += rows;
  }
  const zlib = Buffer.concat([ZLIB_HEADER, ...segments.flatMap((s) => s.deflate), zlibTrailer(joinedAdler(segments))]);
  return { zlib, segments };
}

function roundTrip(px: Uint8Array, width: number, heights: readonly number[]): void {
  const height = heights.reduce((a, b) => a + b, 0);
  const { zlib } = encodeInStrips(px, width, heights);
  expect(Buffer.from(unfilter(zlib, width, height)).equals(Buffer.from(px))).toBe(true);
}

/** A 32-bit generator, so "noise" is the same every run. */
function noise(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let s = seed;
  for (let i = 0; i < length; i++) out[i] = (s = (s * 1103515245 + 12345) >>> 0) >>> 24;
  return out;
}

describe('encodeStrip', () => {
  it('gives back the same pixels: boxes and text-like noise on white, strips of several sizes', () => {
    const width = 37;
    roundTrip(pixels(width, 28, 7, 255), width, [5, 7, 1, 12, 3]);
  });

  it('gives back transparent pixels as they were (alpha 0 with colour, and fully clear)', () => {
    const width = 41;
    const px = pixels(width, 30, 3, 0);
    // See-through pixels that still carry colour must survive too: nothing premultiplies here.
    for (let i = 0; i < 40; i++) px.set([200, 100, 50, i % 3 === 0 ? 0 : 128], (i * 29 * 4) % px.length);
    roundTrip(px, width, [10, 20]);
  });

  it('gives back an odd width, a one-pixel-wide image and a one-row strip', () => {
    roundTrip(pixels(13, 11, 9, 255), 13, [1, 4, 1, 5]);
    roundTrip(noise(1 * 17 * 4, 4), 1, [17]);
    roundTrip(noise(9 * 1 * 4, 5), 9, [1]);
  });

  it('gives back incompressible noise (literals only, over many blocks)', () => {
    const width = 300;
    roundTrip(noise(width * 120 * 4, 11), width, [60, 60]);
  });

  it('codes a run of identical rows in a few bytes a row, and its checksum matches zlib over the raw rows', () => {
    const width = 4000;
    const rows = 500;
    const px = new Uint8Array(width * rows * 4).fill(255);
    // One dark line across, then the same white rows again.
    px.fill(30, 200 * width * 4, 201 * width * 4);
    const { zlib, segments } = encodeInStrips(px, width, [rows]);
    expect(Buffer.from(unfilter(zlib, width, rows)).equals(Buffer.from(px))).toBe(true);
    // 2 MB of raw scanlines: each repeated row is ~66 back references of 258 bytes.
    expect(zlib.length).toBeLessThan(rows * 40);
    expect(segments[0]?.length).toBe(rows * (1 + width * 4));
  });

  it('codes a long run of one colour inside a row as back references of the pixel before', () => {
    const width = 5000;
    const px = new Uint8Array(width * 4);
    for (let x = 0; x < width; x++) px.set(x < 2500 ? [10, 20, 30, 255] : [250, 240, 230, 128], x * 4);
    const { zlib } = encodeInStrips(px, width, [1]);
    expect(Buffer.from(unfilter(zlib, width, 1)).equals(Buffer.from(px))).toBe(true);
    expect(zlib.length).toBeLessThan(200);
  });

  it('handles run lengths that leave 1 or 2 bytes after the 258-byte matches', () => {
    // 4k bytes per run: k = 65 → 260 = 258 + 2; k = 130 → 520 = 2 · 258 + 4; k = 194 → 776 = 3 · 258 + 2.
    for (const width of [66, 131, 195, 260]) {
      const px = new Uint8Array(width * 3 * 4).fill(77);
      roundTrip(px, width, [3]);
    }
  });

  it('joins segments made separately: the joined stream inflates to all the strips, in order', () => {
    const width = 64;
    const px = pixels(width, 40, 2, 0);
    const { zlib } = encodeInStrips(px, width, [13, 14, 13]);
    const raw = inflateSync(zlib);
    expect(raw.length).toBe(40 * (1 + width * 4));
    // Each strip starts with a row filtered None (its row above is another strip's), the rest Up.
    expect([0, 13, 27].map((y) => raw[y * (1 + width * 4)])).toEqual([0, 0, 0]);
    expect(raw[1 * (1 + width * 4)]).toBe(2);
  });

  it('refuses pixels that do not match the size it was told', () => {
    expect(() => encodeStrip(new Uint8Array(10 * 4 * 2), 10, 3)).toThrow(/10 × 3 px/);
  });
});

describe('subBytes', () => {
  it('subtracts four bytes at once, each mod 256', () => {
    const bytes = noise(8 * 200, 3);
    const words = new Uint32Array(bytes.buffer);
    for (let i = 0; i < words.length; i += 2) {
      const a = words[i] as number;
      const b = words[i + 1] as number;
      let expected = 0;
      for (let k = 0; k < 4; k++) expected |= ((((a >>> (8 * k)) & 255) - ((b >>> (8 * k)) & 255)) & 255) << (8 * k);
      expect(subBytes(a, b)).toBe(expected >>> 0);
    }
  });
});

describe('codeLengths', () => {
  it('makes a complete code no longer than its limit, even for very skewed counts', () => {
    const freq = Array.from({ length: 286 }, (_, i) => (i < 40 ? 2 ** Math.min(i, 30) : 0));
    const lengths = codeLengths(freq, 15);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(15);
    // Kraft: a complete prefix code sums to exactly 1.
    expect(Array.from(lengths).reduce((sum, len) => sum + (len > 0 ? 2 ** -len : 0), 0)).toBe(1);
  });

  it('gives a lone symbol a partner, as inflaters want two codes', () => {
    const lengths = codeLengths([0, 0, 5, 0], 15);
    expect(Array.from(lengths).filter((len) => len > 0)).toHaveLength(2);
    expect(lengths[2]).toBe(1);
  });
});

describe('StripEncoder', () => {
  it('takes a strip in bands of rows and filters each band’s first row against the band before', () => {
    const width = 45;
    const rows = 40;
    const px = pixels(width, rows, 8, 255);
    const encoder = new StripEncoder(width);
    for (const [top, h] of [[0, 7], [7, 1], [8, 20], [28, 12]] as const) encoder.addRows(px.slice(top * width * 4, (top + h) * width * 4));
    const segment = encoder.finish();
    const zlib = Buffer.concat([ZLIB_HEADER, ...segment.deflate, zlibTrailer(joinedAdler([segment]))]);
    expect(Buffer.from(unfilter(zlib, width, rows)).equals(Buffer.from(px))).toBe(true);
    // One strip: only its very first row is filtered None.
    const raw = inflateSync(zlib);
    expect([0, 7, 8, 28].map((y) => raw[y * (1 + width * 4)])).toEqual([0, 2, 2, 2]);
  });

  it('refuses rows that are not whole rows of its width, and a strip with none', () => {
    expect(() => new StripEncoder(10).addRows(new Uint8Array(39))).toThrow(/rows of 40 bytes/);
    expect(() => new StripEncoder(10).finish()).toThrow(/at least one row/);
  });
});
