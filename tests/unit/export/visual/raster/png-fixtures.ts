/**
 * PNG strips as Chromium encodes a canvas (every row filtered "Up", the first against a zero row,
 * the stream split over IDAT chunks), made with zlib, and the way back to pixels: shared by the
 * stitcher's and the strip encoder's tests.
 */
import { expect } from 'vitest';
import { constants, deflateRawSync, deflateSync, inflateSync } from 'node:zlib';

// CRC-32 written out here rather than imported from png-chunks.ts: the tests' PNGs must not share
// the code they check (Node 20's zlib has no crc32 yet).
function crcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[i] = c >>> 0;
  }
  return t;
}
const CRC = crcTable();
export function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  let c = 0xffffffff;
  for (const b of out.subarray(4, 8 + data.length)) c = (CRC[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}

/** Pixels: transparent or white margins, boxes, noisy "text", so matches, runs and literals all occur. */
export function pixels(width: number, height: number, seed: number, background: number): Uint8Array {
  const px = new Uint8Array(width * height * 4).fill(background);
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) >>> 0) >>> 8) / 16_777_216;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (x > 3 && x < width - 4 && y % 9 > 2) px.set([40, 90, 200, 255], i);
      if (x > 8 && x < 20 && y % 9 === 5) px.set([rnd() * 255, rnd() * 255, rnd() * 255, 255], i);
    }
  }
  return px;
}

/** A PNG of rows [top, top + rows) as Chromium writes one: every row "Up", the first against zeros. */
export function stripPng(px: Uint8Array, width: number, top: number, rows: number, options: { level: number; strategy?: number; syncFlush?: boolean; chromiumChunks?: boolean }): Buffer {
  const stride = width * 4;
  const raw = Buffer.alloc(rows * (1 + stride));
  for (let y = 0; y < rows; y++) {
    raw[y * (1 + stride)] = 2;
    for (let i = 0; i < stride; i++) {
      const here = px[(top + y) * stride + i] as number;
      const up = y === 0 ? 0 : (px[(top + y - 1) * stride + i] as number);
      raw[y * (1 + stride) + 1 + i] = (here - up) & 255;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(rows, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const zopts = { level: options.level, strategy: options.strategy ?? constants.Z_DEFAULT_STRATEGY };
  let idat = deflateSync(raw, zopts);
  if (options.syncFlush) {
    // As Chromium's encoder ends a stream: a sync flush (an empty stored block), then an empty final block.
    const body = deflateRawSync(raw, { ...zopts, finishFlush: constants.Z_SYNC_FLUSH });
    idat = Buffer.concat([idat.subarray(0, 2), body, Buffer.from([0x03, 0x00]), idat.subarray(idat.length - 4)]);
  }
  // Split over several IDAT chunks: as Chromium does (4 KB each, the final block and the Adler-32
  // in a chunk of their own after a sync flush), or just in two.
  const parts: Uint8Array[] = [];
  if (options.chromiumChunks) {
    const end = options.syncFlush ? idat.length - 6 : idat.length;
    for (let at = 0; at < end; at += 4096) parts.push(idat.subarray(at, Math.min(end, at + 4096)));
    if (options.syncFlush) parts.push(idat.subarray(end));
  } else parts.push(idat.subarray(0, 7), idat.subarray(7));
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), ...parts.map((p) => chunk('IDAT', p)), chunk('IEND', new Uint8Array(0))]);
}

/** Inflates a stitched stream and undoes the filters (None / Sub / Up) → RGBA. */
export function unfilter(zlib: Uint8Array, width: number, height: number): Uint8Array {
  const raw = inflateSync(zlib); // also checks the Adler-32 trailer
  const stride = width * 4;
  expect(raw.length).toBe(height * (1 + stride));
  const px = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const f = raw[y * (1 + stride)] as number;
    expect([0, 1, 2]).toContain(f);
    for (let i = 0; i < stride; i++) {
      const x = raw[y * (1 + stride) + 1 + i] as number;
      const left = i >= 4 ? (px[y * stride + i - 4] as number) : 0;
      const up = y > 0 ? (px[(y - 1) * stride + i] as number) : 0;
      px[y * stride + i] = (x + (f === 1 ? left : f === 2 ? up : 0)) & 255;
    }
  }
  return px;
}
