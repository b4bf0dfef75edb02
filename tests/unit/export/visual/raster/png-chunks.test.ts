/** PNG's framing: the CRC-32 every chunk ends with, against Node's zlib. */
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { chunk, crc32 } from '../../../../../renderer/src/features/export/visual/raster/png-chunks';

/** Deterministic bytes (a linear congruential sequence), so a failure can be repeated. */
function bytes(length: number, seed: number): Uint8Array {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

describe('PNG chunks', () => {
  it('computes CRC-32 as zlib does, for every length around the eight-byte step and for big buffers', () => {
    for (let length = 0; length <= 40; length++) expect(crc32(bytes(length, length + 1))).toBe(zlibCrc32(bytes(length, length + 1)));
    for (const length of [1_000, 65_537, 3_000_003]) expect(crc32(bytes(length, 7))).toBe(zlibCrc32(bytes(length, 7)));
    // Runs of one byte value and of 0xff, where a slip in a table's index would show.
    expect(crc32(new Uint8Array(4099).fill(0xff))).toBe(zlibCrc32(new Uint8Array(4099).fill(0xff)));
    expect(crc32(new Uint8Array(4099))).toBe(zlibCrc32(new Uint8Array(4099)));
  });

  it('ends a chunk with the CRC of its type and data', () => {
    const data = bytes(1234, 3);
    const out = chunk('IDAT', [data.subarray(0, 100), data.subarray(100)]);
    const view = new DataView(out.buffer);
    expect(view.getUint32(0)).toBe(1234);
    expect(new TextDecoder().decode(out.subarray(4, 8))).toBe('IDAT');
    expect(view.getUint32(8 + 1234)).toBe(zlibCrc32(out.subarray(4, 8 + 1234)));
    expect(chunk('IEND', [])).toEqual(Uint8Array.of(0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82));
  });
});
