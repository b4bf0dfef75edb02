/**
 * The PNG of an image wider than a canvas is written from rows of tiles (png-stream-encoder.ts):
 * decoded back with Node's zlib (which checks the Adler-32) and unfiltered, it holds the tiles'
 * pixels side by side, byte for byte.
 */
import { describe, expect, it } from 'vitest';
import { PngStreamEncoder } from '../../../../../renderer/src/features/export/visual/raster/png-stream-encoder';
import { pixels, unfilter } from './png-fixtures';

/** A stand-in for the browser's ImageData (vitest runs in Node). */
function tile(px: Uint8Array, width: number, x0: number, y0: number, w: number, h: number): ImageData {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) data.set(px.subarray(((y0 + y) * width + x0) * 4, ((y0 + y) * width + x0 + w) * 4), y * w * 4);
  return { width: w, height: h, data, colorSpace: 'srgb' } as ImageData;
}

function idatOf(png: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const view = new DataView(png.buffer, png.byteOffset);
  for (let at = 8; at < png.length; ) {
    const len = view.getUint32(at);
    if (String.fromCharCode(...png.subarray(at + 4, at + 8)) === 'IDAT') parts.push(png.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  return Buffer.concat(parts);
}

describe('PngStreamEncoder', () => {
  it('writes tiles, row by row of tiles, into one PNG with the same pixels (odd sizes, transparent)', async () => {
    const width = 53;
    const height = 47;
    const side = 20;
    const px = pixels(width, height, 4, 0);
    const encoder = new PngStreamEncoder(width, height);
    for (let y0 = 0; y0 < height; y0 += side) {
      const h = Math.min(side, height - y0);
      const tiles: ImageData[] = [];
      for (let x0 = 0; x0 < width; x0 += side) tiles.push(tile(px, width, x0, y0, Math.min(side, width - x0), h));
      await encoder.addRows(tiles, h);
    }
    const png = new Uint8Array(await (await encoder.finish()).arrayBuffer());
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(new DataView(png.buffer).getUint32(16)).toBe(width);
    expect(new DataView(png.buffer).getUint32(20)).toBe(height);
    expect(Buffer.from(unfilter(idatOf(png), width, height)).equals(Buffer.from(px))).toBe(true);
  });

  it('refuses to finish a PNG missing rows rather than write a broken file', async () => {
    const encoder = new PngStreamEncoder(10, 5);
    await encoder.addRows([tile(pixels(10, 2, 1, 255), 10, 0, 0, 10, 2)], 2);
    await expect(encoder.finish()).rejects.toThrow(/2 of its 5 rows/);
  });
});
