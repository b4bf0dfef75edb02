/**
 * A streaming PNG encoder for images wider than one browser canvas (raster.ts draws them in
 * tiles): 8-bit RGBA, no filtering, zlib through CompressionStream, one IDAT per deflate chunk,
 * so the whole image is never held in memory at once.
 */
import { chunk, ihdrChunk, PNG_SIGNATURE } from './png-chunks';

/** Writes a PNG from rows of tiles without ever holding the whole image. */
export class PngStreamEncoder {
  private readonly output: BlobPart[] = [];
  private readonly writer: WritableStreamDefaultWriter<BufferSource>;
  private readonly reading: Promise<void>;

  constructor(
    private readonly width: number,
    height: number,
  ) {
    this.output.push(PNG_SIGNATURE, ihdrChunk(width, height));
    const stream = new CompressionStream('deflate');
    this.writer = stream.writable.getWriter();
    this.reading = (async () => {
      const reader = stream.readable.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        if (value && value.length > 0) this.output.push(chunk('IDAT', [value as Uint8Array]));
      }
    })();
  }

  /** Adds `height` scanlines made of the tiles left to right. */
  async addRows(tiles: readonly ImageData[], height: number): Promise<void> {
    const stride = 1 + this.width * 4;
    // Up to 64 scanlines per write: big enough to be fast, small enough to stay light on memory.
    const batch = Math.max(1, Math.min(height, Math.floor((16 * 1024 * 1024) / stride)));
    for (let y0 = 0; y0 < height; y0 += batch) {
      const lines = Math.min(batch, height - y0);
      const buffer = new Uint8Array(lines * stride);
      for (let l = 0; l < lines; l++) {
        let at = l * stride + 1; // filter byte 0 = None
        for (const tile of tiles) {
          const rowBytes = tile.width * 4;
          const from = (y0 + l) * rowBytes;
          buffer.set(tile.data.subarray(from, from + rowBytes), at);
          at += rowBytes;
        }
      }
      await this.writer.write(buffer);
    }
  }

  async finish(): Promise<Blob> {
    await this.writer.close();
    await this.reading;
    this.output.push(chunk('IEND', []));
    return new Blob(this.output, { type: 'image/png' });
  }
}
