/**
 * PNG's framing: the signature, chunks with their CRC-32, the header of an 8-bit RGBA image.
 * Shared by the page (raster.ts) and the raster workers (raster.worker.ts), which frame their
 * strips' compressed rows themselves so the page only lays chunks end to end.
 */

export const PNG_SIGNATURE: Uint8Array<ArrayBuffer> = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

/**
 * CRC-32 tables for eight bytes a step ("slicing by 8"): table k (at k × 256) is the CRC of a byte
 * followed by k zero bytes. A strip's IDAT chunk is ~3 MB; a byte at a time its CRC took ~9 ms of
 * each strip's ~120 ms in a raster worker, eight at a time about a third of that.
 */
const CRC_TABLES = (() => {
  const tables = new Uint32Array(256 * 8);
  for (let i = 0; i < 256; i++) {
    let c = i;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    tables[i] = c >>> 0;
  }
  for (let i = 0; i < 256; i++) {
    for (let k = 1; k < 8; k++) {
      const prev = tables[(k - 1) * 256 + i] as number;
      tables[k * 256 + i] = ((prev >>> 8) ^ (tables[prev & 0xff] as number)) >>> 0;
    }
  }
  return tables;
})();

/**
 * CRC-32 (ISO 3309, as PNG and zlib's crc32) of `bytes`.
 * @example crc32(new TextEncoder().encode('IEND')) // 0xae426082
 */
export function crc32(bytes: Uint8Array): number {
  const t = CRC_TABLES;
  let c = 0xffffffff;
  let i = 0;
  const end8 = bytes.length - 7;
  for (; i < end8; i += 8) {
    const a = c ^ ((bytes[i] as number) | ((bytes[i + 1] as number) << 8) | ((bytes[i + 2] as number) << 16) | ((bytes[i + 3] as number) << 24));
    c =
      (t[1792 + (a & 0xff)] as number) ^
      (t[1536 + ((a >>> 8) & 0xff)] as number) ^
      (t[1280 + ((a >>> 16) & 0xff)] as number) ^
      (t[1024 + (a >>> 24)] as number) ^
      (t[768 + (bytes[i + 4] as number)] as number) ^
      (t[512 + (bytes[i + 5] as number)] as number) ^
      (t[256 + (bytes[i + 6] as number)] as number) ^
      (t[bytes[i + 7] as number] as number);
  }
  for (; i < bytes.length; i++) c = (t[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8);
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
  view.setUint32(8 + length, crc32(out.subarray(4, 8 + length)));
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
