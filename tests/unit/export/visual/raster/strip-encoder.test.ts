/**
 * A big PNG as strips (strip-encoder.ts): the strips cover the image exactly, and strips framed
 * one by one — in whatever order the raster workers finish them — join into one valid PNG whose
 * pixels are the strips' pixels.
 */
import { describe, expect, it } from 'vitest';
import { frameStrip, frameStripFile, holdStrip, StripJoiner, stripJobs, type HeldStrip } from '../../../../../renderer/src/features/export/visual/raster/strip-encoder';
import { STRIP_HEAD_BYTES, stripSegmentParts, STRIP_TAIL_BYTES } from '../../../../../renderer/src/features/export/visual/raster/png-stitch';
import { chunk, pixels, stripPng, unfilter } from './png-fixtures';

/** The PNG file of strips given all at once, in any order. */
function joinStrips(width: number, height: number, strips: readonly HeldStrip[]): Blob {
  const joiner = new StripJoiner(width, height, strips.length);
  for (const strip of strips) joiner.add(strip);
  return joiner.finish();
}

describe('strip jobs', () => {
  it('cut the image into full-width strips, top to bottom, each showing its rows of the drawing', () => {
    const jobs = stripJobs({ width: 1000, height: 2500 }, { width: 2000, height: 5000 }, 1200);
    expect(jobs.map((job) => job.rows)).toEqual([1200, 1200, 1200, 1200, 200]);
    expect(jobs.map((job) => job.index)).toEqual([0, 1, 2, 3, 4]);
    expect(jobs.every((job) => job.width === 2000 && job.view.x === 0 && job.view.width === 1000)).toBe(true);
    expect(jobs[1]?.view).toEqual({ x: 0, y: 600, width: 1000, height: 600 });
    expect(jobs[4]?.view).toEqual({ x: 0, y: 2400, width: 1000, height: 100 });
  });
});

/** The chunks of a PNG file, checked: type, data, and whether its CRC is right. */
function chunksOf(png: Buffer): { type: string; data: Buffer; crcOk: boolean }[] {
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  const out: { type: string; data: Buffer; crcOk: boolean }[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    const again = chunk(type, data);
    out.push({ type, data, crcOk: again.readUInt32BE(again.length - 4) === png.readUInt32BE(at + 8 + length) });
    at += 12 + length;
  }
  return out;
}

describe('framed strips', () => {
  for (const [name, syncFlush, background] of [
    ['sync-flushed, as Chromium ends them', true, 255],
    ['ending in a final block', false, 255],
    ['transparent', true, 0],
  ] as const) {
    it(`join into one PNG, whatever order they were framed in: ${name}`, async () => {
      const width = 120;
      const height = 700;
      const px = pixels(width, height, 21, background);
      const jobs = stripJobs({ width: 60, height: 350 }, { width, height }, 160);
      const framed = jobs.map((job) => frameStrip(stripPng(px, width, job.index * 160, job.rows, { level: 1, syncFlush }), job));
      const png = Buffer.from(await joinStrips(width, height, [...framed].reverse().map(holdStrip)).arrayBuffer());
      const chunks = chunksOf(png);
      expect(chunks.map((c) => c.type)).toEqual(['IHDR', ...jobs.map(() => 'IDAT'), 'IDAT', 'IEND']);
      expect(chunks.every((c) => c.crcOk)).toBe(true);
      expect(chunks[0]?.data.readUInt32BE(0)).toBe(width);
      expect(chunks[0]?.data.readUInt32BE(4)).toBe(height);
      const stream = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
      // Inflating checks the joined Adler-32 too.
      expect(Buffer.from(unfilter(stream, width, height)).equals(Buffer.from(px))).toBe(true);
    });
  }
});

describe('the strip joiner', () => {
  it('lays strips as they come in any order, and will not make a file with one missing', async () => {
    const width = 40;
    const height = 90;
    const px = pixels(width, height, 4, 255);
    const jobs = stripJobs({ width: 20, height: 45 }, { width, height }, 30);
    const held = jobs.map((job) => holdStrip(frameStrip(stripPng(px, width, job.index * 30, job.rows, { level: 1, syncFlush: true }), job)));
    const missing = new StripJoiner(width, height, 3);
    missing.add(held[2]!);
    missing.add(held[0]!);
    expect(() => missing.finish()).toThrow('strip 2 of 3 never arrived');
    missing.add(held[1]!);
    const stream = Buffer.concat(chunksOf(Buffer.from(await missing.finish().arrayBuffer())).filter((c) => c.type === 'IDAT').map((c) => c.data));
    expect(Buffer.from(unfilter(stream, width, height)).equals(Buffer.from(px))).toBe(true);
  });
});

describe('strips framed from both ends of their file', () => {
  /** Noisy pixels: a strip's stream of many 4 KB chunks past the head that is read, as a big map's strip is. */
  function noisy(width: number, height: number, seed: number, background: number): Uint8Array {
    const px = pixels(width, height, seed, background);
    let s = seed;
    const next = () => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return s >>> 24;
    };
    for (let i = 0; i < px.length; i += 4) if ((i / 4) % 3 === 1) px.set([next(), next(), next(), 255], i);
    return px;
  }

  for (const [name, background, level] of [
    ['white, zlib level 1 as Chromium', 255, 1],
    ['transparent: later rows copy byte 0', 0, 1],
    ['zlib level 6', 255, 6],
  ] as const) {
    it(`join into the same pixels as strips read whole, the middle of each file unread: ${name}`, async () => {
      const width = 600;
      const height = 900;
      const px = noisy(width, height, 5, background);
      const jobs = stripJobs({ width: 300, height: 450 }, { width, height }, 300);
      const files = jobs.map((job) => stripPng(px, width, job.index * 300, job.rows, { level, syncFlush: true, chromiumChunks: true }));
      expect(files.every((file) => file.length > 2 * STRIP_HEAD_BYTES)).toBe(true);
      for (const [i, file] of files.entries()) {
        const parts = stripSegmentParts(file.subarray(0, STRIP_HEAD_BYTES), file.subarray(file.length - STRIP_TAIL_BYTES), file.length, width, 300, i === 0);
        expect(parts, `strip ${i}`).not.toBeNull();
        // Most of the file is carried over unread.
        expect((parts?.middle[1] ?? 0) - (parts?.middle[0] ?? 0)).toBeGreaterThan(file.length * 0.8);
      }
      const held = await Promise.all(jobs.map((job, i) => frameStripFile(new Blob([new Uint8Array(files[i] as Buffer)]), job)));
      const png = Buffer.from(await joinStrips(width, height, held.reverse()).arrayBuffer());
      const chunks = chunksOf(png);
      expect(chunks.every((c) => c.crcOk)).toBe(true);
      expect(chunks.filter((c) => c.type !== 'IDAT').map((c) => c.type)).toEqual(['IHDR', 'IEND']);
      const stream = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
      expect(Buffer.from(unfilter(stream, width, height)).equals(Buffer.from(px))).toBe(true);
      const whole = jobs.map((job, i) => holdStrip(frameStrip(files[i] as Buffer, job)));
      const wholePng = Buffer.from(await joinStrips(width, height, whole).arrayBuffer());
      const wholeStream = Buffer.concat(chunksOf(wholePng).filter((c) => c.type === 'IDAT').map((c) => c.data));
      expect(Buffer.from(unfilter(wholeStream, width, height)).equals(Buffer.from(px))).toBe(true);
    });
  }

  it('reads a file whole when it is not laid out as Chromium’s (no flush, one big chunk, or small enough to be all head)', async () => {
    const width = 120;
    const height = 320;
    const px = noisy(width, height, 9, 255);
    const jobs = stripJobs({ width: 60, height: 160 }, { width, height }, 160);
    // No flush; one chunk after the first seven bytes; stored blocks of 64 KB, longer than the head read.
    for (const options of [{ level: 1, syncFlush: false, chromiumChunks: true }, { level: 1, syncFlush: true }, { level: 0, syncFlush: true, chromiumChunks: true }]) {
      const files = jobs.map((job) => stripPng(px, width, job.index * 160, job.rows, options));
      const second = files[1] as Buffer;
      {
        expect(stripSegmentParts(second.subarray(0, STRIP_HEAD_BYTES), second.subarray(second.length - STRIP_TAIL_BYTES), second.length, width, 160, false)).toBeNull();
      }
      const held = await Promise.all(jobs.map((job, i) => frameStripFile(new Blob([new Uint8Array(files[i] as Buffer)]), job)));
      const stream = Buffer.concat(chunksOf(Buffer.from(await joinStrips(width, height, held).arrayBuffer())).filter((c) => c.type === 'IDAT').map((c) => c.data));
      expect(Buffer.from(unfilter(stream, width, height)).equals(Buffer.from(px))).toBe(true);
    }
  });

  it('reads a file whole when the blocks that can reach its first byte run past the head it read', () => {
    const width = 3000;
    const px = noisy(width, 80, 3, 255);
    // Noisy rows of 12 KB: the blocks that hold the first 32 KB of them are longer than a short head.
    const file = stripPng(px, width, 40, 40, { level: 1, syncFlush: true, chromiumChunks: true });
    expect(stripSegmentParts(file.subarray(0, 20_000), file.subarray(file.length - STRIP_TAIL_BYTES), file.length, width, 40, false)).toBeNull();
    expect(stripSegmentParts(file.subarray(0, STRIP_HEAD_BYTES), file.subarray(file.length - STRIP_TAIL_BYTES), file.length, width, 40, false)).not.toBeNull();
  });
});
