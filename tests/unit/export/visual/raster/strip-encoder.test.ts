/**
 * A big PNG as strips (strip-encoder.ts): the strips cover the image exactly, and strips framed
 * one by one — in whatever order the raster workers finish them — join into one valid PNG whose
 * pixels are the strips' pixels.
 */
import { describe, expect, it } from 'vitest';
import { frameStrip, holdStrip, joinStrips, stripJobs } from '../../../../../renderer/src/features/export/visual/raster/strip-encoder';
import { chunk, pixels, stripPng, unfilter } from './png-fixtures';

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
