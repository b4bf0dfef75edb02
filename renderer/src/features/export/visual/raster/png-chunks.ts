/**
 * PNG's framing: the signature, chunks with their CRC-32, the header of an 8-bit RGBA image.
 * Shared by the page (raster.ts) and the raster workers (raster.worker.ts), which frame their
 * strips' compressed rows themselves so the page only lays chunks end to end.
 */

export const PNG_SIGNATURE: Uint8Array<ArrayBuffer> = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[i] = c >>> 0;
  }
  return table;
})();

function crc32(parts: readonly Uint8Array[]): number {
  let c = 0xffffffff;
  const table = CRC_TABLE;
  for (const bytes of parts) for (let i = 0; i < bytes.length; i++) c = (table[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/**
 * One chunk: length, type, the data (given in pieces, laid end to end) and the CRC.
 * @example chunk('IEND', [])
 */
export function chunk(type: string, pieces: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
  let length = 0;
  for (const piece of pieces) length += piece.length;
  const out = new Uint8Array(12 + length);
  const view = new DataView(out.buffer);
  view.setUint32(0, length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  let at = 8;
  for (const piece of pieces) {
    out.set(piece, at);
    at += piece.length;
  }
  view.setUint32(8 + length, crc32([out.subarray(4, 8 + length)]));
  return out;
}

/** The IHDR chunk of a width × height, 8-bit RGBA, non-interlaced image. */
export function ihdrChunk(width: number, height: number): Uint8Array<ArrayBuffer> {
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit, RGBA, deflate, adaptive filtering, no interlace
  return chunk('IHDR', [header]);
}
