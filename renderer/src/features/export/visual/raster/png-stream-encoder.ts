/**
 * A streaming PNG encoder for images wider than one browser canvas (raster.ts draws them in
 * tiles): 8-bit RGBA, each tile row's scanlines encoded as they come by our strip encoder
 * (strip-deflate.ts: rows filtered "Up", runs of one pixel as back references, codes made from
 * the counts), so the whole image is never held in memory at once — only its compressed bytes.
 *
 * Why not CompressionStream any more: that is zlib at its default level, which searches for
 * matches in every byte (~150 MB/s here); the picture of a map is mostly runs of one colour and
 * rows repeating the row above, which our encoder codes without searching (several times faster
 * on a 2,000-topic map's strips, and a smaller file). Lossless either way: the same pixels.
 */
import { chunk, ihdrChunk, PNG_SIGNATURE } from './png-chunks';
import { joinedAdler, ZLIB_HEADER, zlibTrailer } from './png-stitch';
import { StripEncoder } from './strip-deflate';

/** Writes a PNG from rows of tiles without ever holding the whole image. */
export class PngStreamEncoder {
  private readonly encoder: StripEncoder;

  constructor(
    private readonly width: number,
    private readonly height: number,
  ) {
    this.encoder = new StripEncoder(width);
  }

  /** Adds `height` scanlines made of the tiles left to right. */
  async addRows(tiles: readonly ImageData[], height: number): Promise<void> {
    const rowBytes = this.width * 4;
    // Up to 64 scanlines at a time: big enough to be fast, small enough to stay light on memory.
    const batch = Math.max(1, Math.min(height, Math.floor((16 * 1024 * 1024) / rowBytes)));
    const buffer = new Uint8Array(batch * rowBytes);
    for (let y0 = 0; y0 < height; y0 += batch) {
      const lines = Math.min(batch, height - y0);
      for (let l = 0; l < lines; l++) {
        let at = l * rowBytes;
        for (const tile of tiles) {
          const tileRow = tile.width * 4;
          const from = (y0 + l) * tileRow;
          buffer.set(tile.data.subarray(from, from + tileRow), at);
          at += tileRow;
        }
      }
      this.encoder.addRows(buffer.subarray(0, lines * rowBytes));
    }
  }

  /** The PNG file. @throws Error when fewer rows were added than the image's height. */
  async finish(): Promise<Blob> {
    const segment = this.encoder.finish();
    if (segment.length !== this.height * (1 + this.width * 4)) throw new Error(`The PNG got ${segment.length / (1 + this.width * 4)} of its ${this.height} rows.`);
    const idat = chunk('IDAT', [ZLIB_HEADER, ...segment.deflate, zlibTrailer(joinedAdler([segment]))]);
    return new Blob([PNG_SIGNATURE, ihdrChunk(this.width, this.height), idat, chunk('IEND', [])], { type: 'image/png' });
  }
}
