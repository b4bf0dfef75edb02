/**
 * The PNG strip stitcher (png-stitch.ts) works on deflate bits, so it is checked against zlib
 * itself: strips encoded as Chromium encodes a canvas (every row filtered "Up", the first against
 * a zero row), with the block kinds zlib can emit (stored, fixed, dynamic), joined and decoded
 * back pixel for pixel.
 */
import { describe, expect, it } from 'vitest';
import { constants, deflateSync, inflateRawSync } from 'node:zlib';
import { adler32Combine, BitWriter, padToBitOffset, PngStitcher, StitchUnsupported, stripSegment } from '../../../../../renderer/src/features/export/visual/raster/png-stitch';
import { pixels, stripPng, unfilter } from './png-fixtures';

describe('PngStitcher', () => {
  const cases: [string, { level: number; strategy?: number }, number][] = [
    ['dynamic blocks (zlib level 1, as Chromium), white', { level: 1 }, 255],
    ['dynamic blocks, transparent (byte 0 copied by later rows)', { level: 1 }, 0],
    ['fixed-code blocks', { level: 6, strategy: constants.Z_FIXED }, 0],
    ['stored blocks', { level: 0 }, 255],
    ['run-length blocks', { level: 9, strategy: constants.Z_RLE }, 0],
  ];
  for (const [name, zopts, background] of cases) {
    it(`joins strips into the same pixels: ${name}`, () => {
      const width = 37;
      const heights = [5, 7, 1, 12, 3];
      const height = heights.reduce((a, b) => a + b, 0);
      const px = pixels(width, height, 7, background);
      const stitcher = new PngStitcher(width);
      let top = 0;
      for (const rows of heights) {
        stitcher.add(stripPng(px, width, top, rows, zopts), rows);
        top += rows;
      }
      const joined = Buffer.concat(stitcher.finish());
      expect(Buffer.from(unfilter(joined, width, height)).equals(Buffer.from(px))).toBe(true);
    });
  }

  it('refuses strips it cannot join (wrong size), so the caller falls back to its own encoder', () => {
    const px = pixels(10, 4, 1, 255);
    expect(() => new PngStitcher(11).add(stripPng(px, 10, 0, 4, { level: 1 }), 4)).toThrow(StitchUnsupported);
  });

  for (const [name, zopts] of [
    ['dynamic', { level: 1, syncFlush: true }],
    ['stored', { level: 0 }],
    ['stored, sync flushed', { level: 0, syncFlush: true }],
  ] as const) {
    it(`joins strips of many deflate blocks each (${name}; stored blocks land on other bit offsets)`, () => {
      const width = 301;
      const heights = [90, 61, 1, 120];
      const height = heights.reduce((a, b) => a + b, 0);
      const px = pixels(width, height, 5, 255);
      const stitcher = new PngStitcher(width);
      let top = 0;
      for (const rows of heights) {
        stitcher.add(stripPng(px, width, top, rows, zopts), rows);
        top += rows;
      }
      expect(Buffer.from(unfilter(Buffer.concat(stitcher.finish()), width, height)).equals(Buffer.from(px))).toBe(true);
    });
  }

  it('joins strips of many deflate blocks each', () => {
    const width = 301;
    const heights = [90, 61, 120];
    const height = heights.reduce((a, b) => a + b, 0);
    const px = pixels(width, height, 3, 0);
    // Noise in a third of the rows: tens of thousands of literals, so zlib starts new blocks.
    let s = 1;
    for (let i = 0; i < px.length; i++) if (Math.floor(i / (width * 4)) % 3 === 0) px[i] = (s = (s * 69069 + 1) >>> 0) >>> 24;
    const stitcher = new PngStitcher(width);
    let top = 0;
    for (const rows of heights) {
      stitcher.add(stripPng(px, width, top, rows, { level: 1 }), rows);
      top += rows;
    }
    expect(Buffer.from(unfilter(Buffer.concat(stitcher.finish()), width, height)).equals(Buffer.from(px))).toBe(true);
  });

  // Chromium ends each strip's stream with a sync flush: then only the blocks that can reach the
  // first row's filter byte are walked, and the rest is copied at its own bit offset.
  for (const [name, background, seed] of [
    ['white', 255, 11],
    ['transparent (the filter byte copied by later rows)', 0, 12],
    ['noisy', 255, 13],
  ] as const) {
    it(`joins sync-flushed strips walking only their first blocks: ${name}`, () => {
      const width = 257;
      const heights = [70, 33, 2, 95, 41, 64, 1, 80];
      const height = heights.reduce((a, b) => a + b, 0);
      const px = pixels(width, height, seed, background);
      let s = seed;
      if (name === 'noisy') for (let i = 0; i < px.length; i += 7) px[i] = (s = (s * 69069 + 1) >>> 0) >>> 24;
      const stitcher = new PngStitcher(width);
      let top = 0;
      for (const rows of heights) {
        stitcher.add(stripPng(px, width, top, rows, { level: 1, syncFlush: true }), rows);
        top += rows;
      }
      expect(Buffer.from(unfilter(Buffer.concat(stitcher.finish()), width, height)).equals(Buffer.from(px))).toBe(true);
    });
  }

  it('hands back a strip that needs no fixing as it came, up to its flush', () => {
    const width = 64;
    const px = pixels(width, 200, 3, 255);
    const png = stripPng(px, width, 0, 200, { level: 1, syncFlush: true });
    const segment = stripSegment(png, width, 200, true);
    expect(segment.deflate).toHaveLength(1);
    // The whole stream but its zlib header, its empty final block and its checksum.
    const idat = Buffer.concat(segment.deflate);
    expect(idat.subarray(idat.length - 4).toString('hex')).toBe('0000ffff');
    expect(inflateRawSync(Buffer.concat([idat, Buffer.from([0x03, 0x00])])).length).toBe(200 * (1 + 4 * width));
  });

  it('pads to any bit offset with empty blocks a decoder reads as nothing', () => {
    for (let literals = 0; literals < 8; literals++) {
      for (let offset = 0; offset < 8; offset++) {
        const w = new BitWriter();
        // A fixed-code block of 9-bit literals: 10 + 9 × literals bits, every offset in a byte.
        w.write(0b010, 3);
        for (let i = 0; i < literals; i++) w.write(0b000010011, 9); // literal 144: code 110010000, sent last bit first
        w.write(0, 7);
        padToBitOffset(w, offset);
        expect(w.offset).toBe(offset);
        w.write(0b011, 3); // final, fixed codes, end of block
        w.write(0, 7);
        const out = inflateRawSync(Buffer.concat(w.finish()));
        expect([...out]).toEqual(new Array(literals).fill(144));
      }
    }
  });

  it('combines Adler-32 checksums as zlib does', () => {
    const adler32 = (bytes: Buffer) => deflateSync(bytes).readUInt32BE(deflateSync(bytes).length - 4);
    const a = Buffer.from('touchpoint map ');
    const b = Buffer.alloc(100_000, 7);
    expect(adler32Combine(adler32(a), adler32(b), b.length)).toBe(adler32(Buffer.concat([a, b])));
  });
});
