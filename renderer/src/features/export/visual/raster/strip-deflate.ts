/**
 * Our PNG encoder: full-width rows of RGBA pixels (getImageData) → a byte-aligned run of deflate
 * blocks and its Adler-32 (png-stitch.ts's StripSegment), so pieces encoded apart could be joined
 * by laying bytes end to end (strip-encoder.ts `joinStrips`). Used for images wider than a canvas
 * (png-stream-encoder.ts), where it replaced CompressionStream.
 *
 * Why it is fast: a map's picture is mostly background. zlib — even at its fastest level — looks
 * for matches in every byte. Here every row is filtered "Up" (a repeated row turns into zeros) and
 * each run of one filtered pixel is ONE back reference at distance 4 (the pixel before it), or at
 * distance 1 when it is zeros after a zero byte — found by comparing 32-bit pixels, never searched
 * for. What is left (antialiased edges and text) goes out as literals. Each block's Huffman codes
 * are made from the counts of the block before, so symbols are written as they are found.
 *
 * The Adler-32 a zlib stream ends with is kept as we go; a run's share of it is worked out in
 * closed form rather than byte by byte.
 *
 * The first row is filtered "None" (nothing above it in this piece). Pixels come out byte for
 * byte as given (lossless; the tests decode them with Node's zlib).
 *
 * Tried in the raster workers instead of the browser's PNG encoding (convertToBlob) for the
 * stitched strips: no faster there — reading the canvas back costs about what it saves
 * (docs/performance.md, "PNG export: our encoder").
 */
import type { StripSegment } from './png-stitch';

const ADLER_BASE = 65521;
/**
 * Symbols per deflate block (checked at the end of a row): each block's codes are made from the
 * counts of the block before, so the symbols go out as they are found, never stored.
 */
const BLOCK_SYMBOLS = 1 << 16;
/** The byte-wise subtraction of packed pixels works on the bytes in memory order, low byte first. */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

// Length symbols (RFC 1951 3.2.5): for each match length 3–258, its symbol and extra bits' value.
const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
/** Per length: symbol | extra value << 9 (the number of extra bits is LEXT[symbol - 257]). */
const LENGTH_CODE = (() => {
  const table = new Uint32Array(259);
  for (let li = 0; li < LBASE.length; li++) {
    const base = LBASE[li] as number;
    const top = li + 1 < LBASE.length ? (LBASE[li + 1] as number) : 259;
    for (let len = base; len < top && len <= 258; len++) table[len] = (257 + li) | ((len - base) << 9);
  }
  table[258] = 285;
  return table;
})();
const LENGTH_EXTRA_BITS = Uint8Array.from({ length: 286 }, (_, s) => (s >= 257 ? (LEXT[s - 257] as number) : 0));
/** Distance 4 (the pixel before) is distance code 3, distance 1 (the byte before) code 0; no extra bits. */
const DIST4 = 3;
const DIST1 = 0;
const END_OF_BLOCK = 256;
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

/** Per match length: its length symbol. */
const LENGTH_SYMBOL = LENGTH_CODE.map((code) => code & 511);

/** Bits written LSB first into a growing buffer. */
class Bits {
  out = new Uint8Array(1 << 20);
  pos = 0;
  acc = 0;
  /** Bits waiting in `acc`: fewer than 16 between writes. */
  n = 0;

  /** `length` ≤ 16 bits. */
  write(value: number, length: number): void {
    this.acc |= value << this.n;
    this.n += length;
    if (this.n >= 16) {
      this.room(2);
      this.out[this.pos++] = this.acc;
      this.out[this.pos++] = this.acc >>> 8;
      this.acc >>>= 16;
      this.n -= 16;
    }
  }

  /** Pads with zero bits to a byte boundary. */
  align(): void {
    this.room(2);
    while (this.n > 0) {
      this.out[this.pos++] = this.acc;
      this.acc >>>= 8;
      this.n = Math.max(0, this.n - 8);
    }
    this.acc = 0;
  }

  /** Makes sure `bytes` more fit. */
  room(bytes: number): void {
    if (this.pos + bytes <= this.out.length) return;
    const bigger = new Uint8Array(Math.max(this.out.length * 2, this.pos + bytes));
    bigger.set(this.out.subarray(0, this.pos));
    this.out = bigger;
  }
}

/**
 * Code lengths of a Huffman code for `freq` (zero: unused), none longer than `limit`. Counts are
 * flattened until the code fits, which costs a little size only in blocks that need it. At least
 * two codes, so the code is complete as every inflater wants.
 */
export function codeLengths(freq: ArrayLike<number>, limit: number): Uint8Array {
  const n = freq.length;
  const lengths = new Uint8Array(n);
  const weights = Array.from(freq, (f) => f);
  let used: number[] = [];
  for (let i = 0; i < n; i++) if ((weights[i] as number) > 0) used.push(i);
  if (used.length < 2) {
    const one = used[0] ?? 0;
    lengths[one] = 1;
    lengths[one === 0 ? 1 : 0] = 1;
    return lengths;
  }
  for (;;) {
    used = used.sort((a, b) => (weights[a] as number) - (weights[b] as number) || a - b);
    const m = used.length;
    // Two queues: leaves in order of weight, internal nodes in the order they are made (also by weight).
    const weight = new Float64Array(2 * m - 1);
    const parent = new Int32Array(2 * m - 1);
    for (let i = 0; i < m; i++) weight[i] = weights[used[i] as number] as number;
    let leaf = 0;
    let inner = m;
    const take = (made: number): number => (leaf < m && (inner >= made || (weight[leaf] as number) <= (weight[inner] as number)) ? leaf++ : inner++);
    for (let made = m; made < 2 * m - 1; made++) {
      const a = take(made);
      const b = take(made);
      weight[made] = (weight[a] as number) + (weight[b] as number);
      parent[a] = made;
      parent[b] = made;
    }
    const depth = new Uint8Array(2 * m - 1);
    let max = 0;
    for (let i = 2 * m - 3; i >= 0; i--) {
      depth[i] = (depth[parent[i] as number] as number) + 1;
      if (i < m) max = Math.max(max, depth[i] as number);
    }
    if (max <= limit) {
      for (let i = 0; i < m; i++) lengths[used[i] as number] = depth[i] as number;
      return lengths;
    }
    for (const i of used) weights[i] = ((weights[i] as number) >>> 1) | 1;
  }
}

/** Canonical codes (RFC 1951 3.2.2), bit-reversed for LSB-first writing. */
function canonicalCodes(lengths: Uint8Array): Uint16Array {
  const count = new Uint16Array(16);
  for (const len of lengths) count[len] = (count[len] as number) + 1;
  count[0] = 0;
  const next = new Uint16Array(16);
  let code = 0;
  for (let len = 1; len <= 15; len++) {
    code = (code + (count[len - 1] as number)) << 1;
    next[len] = code;
  }
  const codes = new Uint16Array(lengths.length);
  for (let s = 0; s < lengths.length; s++) {
    const len = lengths[s] as number;
    if (len === 0) continue;
    let c = next[len] as number;
    next[len] = c + 1;
    let r = 0;
    for (let i = 0; i < len; i++) {
      r = (r << 1) | (c & 1);
      c >>>= 1;
    }
    codes[s] = r;
  }
  return codes;
}

/** The code lengths of both codes, run-length coded with symbols 16–18: [symbol, extra value] pairs. */
function runLengthCoded(lengths: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lengths.length; ) {
    const len = lengths[i] as number;
    let run = 1;
    while (i + run < lengths.length && lengths[i + run] === len) run++;
    if (len === 0 && run >= 3) {
      const take = Math.min(run, 138);
      out.push(take >= 11 ? [18, take - 11] : [17, take - 3]);
      i += take;
    } else if (len !== 0 && run >= 4) {
      out.push([len, 0]);
      const take = Math.min(run - 1, 6);
      out.push([16, take - 3]);
      i += 1 + take;
    } else {
      out.push([len, 0]);
      i++;
    }
  }
  return out;
}

const HIGH = 0x80808080;
const LOW = 0x7f7f7f7f;

/**
 * Byte-wise a − b (mod 256) of two packed pixels, all four bytes at once.
 * @example subBytes(0x01020304, 0x01010101) === 0x00010203
 */
export function subBytes(a: number, b: number): number {
  return (((a | HIGH) - (b & LOW)) ^ ((a ^ ~b) & HIGH)) >>> 0;
}

/**
 * Counts the first block's codes are made from, before any symbol was seen: zero bytes and long
 * runs are what a map's picture is mostly made of.
 */
function priorCounts(): Uint32Array {
  const counts = new Uint32Array(286).fill(1);
  counts[0] = 4096;
  counts[255] = 256;
  counts[285] = 512;
  return counts;
}

/**
 * Per match length 3–258: its length code, extra bits and the distance code, as code | bits << 16
 * in `low` when they fit 16 bits, else the distance part in `high` (which is 0 otherwise).
 */
function matchCodes(litCodes: Uint16Array, litLengths: Uint8Array, distCode: number, distLength: number, low: Uint32Array, high: Uint32Array): void {
  for (let len = 3; len <= 258; len++) {
    const sym = LENGTH_SYMBOL[len] as number;
    const headLength = (litLengths[sym] as number) + (LENGTH_EXTRA_BITS[sym] as number);
    const head = (litCodes[sym] as number) | (((LENGTH_CODE[len] as number) >>> 9) << (litLengths[sym] as number));
    if (headLength + distLength <= 16) {
      low[len] = head | (distCode << headLength) | ((headLength + distLength) << 16);
      high[len] = 0;
    } else {
      low[len] = head | (headLength << 16);
      high[len] = distCode | (distLength << 16);
    }
  }
}

/**
 * Encodes one full-width strip, rows in order, in as many calls as suit the caller (a worker reads
 * its canvas back a band at a time, so the pixels it encodes are still in the CPU's cache).
 * @example
 * const encoder = new StripEncoder(width);
 * for (let y = 0; y < rows; y += band) encoder.addRows(ctx.getImageData(0, y, width, Math.min(band, rows - y)).data);
 * const segment = encoder.finish();
 */
export class StripEncoder {
  private readonly bits = new Bits();
  private rows = 0;
  /** The last row added, for the next call's first row to be filtered against. */
  private readonly last: Uint32Array;
  /** This block's codes: per literal byte, code | length << 16; per match length, one or two such parts. */
  private readonly literal = new Uint32Array(256);
  private readonly matchLow = new Uint32Array(259);
  private readonly matchHigh = new Uint32Array(259);
  /** The same for matches at distance 1. */
  private readonly zeroLow = new Uint32Array(259);
  private readonly zeroHigh = new Uint32Array(259);
  /** Four zero literals in one write (0 when they do not fit 16 bits). */
  private zeroPixel = 0;
  private endOfBlock = 0;
  /** Symbols counted for the next block's codes. */
  private counts = new Uint32Array(286);
  private matches = 0;
  private zeroMatches = 0;
  private symbols = 0;
  private s1 = 1;
  private s2 = 0;

  constructor(private readonly width: number) {
    if (!LITTLE_ENDIAN) throw new Error('The strip encoder reads pixels as little-endian words.');
    if (!(Number.isInteger(width) && width > 0)) throw new RangeError(`A strip's width must be a whole number of pixels; got ${width}.`);
    this.last = new Uint32Array(width);
    this.startBlock(priorCounts(), 1, 1);
  }

  /** Adds whole rows of RGBA pixels (`width` × 4 bytes each) below the ones added before. */
  addRows(rgba: Uint8Array | Uint8ClampedArray): void {
    const width = this.width;
    if (rgba.length % (width * 4) !== 0) throw new Error(`A ${width} px wide strip takes rows of ${width * 4} bytes of RGBA; got ${rgba.length} bytes.`);
    const rows = rgba.length / (width * 4);
    if (rows === 0) return;
    // A view needs 4-byte alignment (getImageData's own buffer has it); a copy otherwise.
    const px = rgba.byteOffset % 4 === 0 ? new Uint32Array(rgba.buffer, rgba.byteOffset, width * rows) : new Uint32Array(new Uint8Array(rgba).buffer);
    for (let y = 0; y < rows; y++) {
      if (y === 0) {
        this.row(px, 0, this.rows === 0 ? null : this.last, 0);
      } else {
        this.row(px, y * width, px, (y - 1) * width);
      }
      this.rows++;
      // Fresh codes after the first row (from what it held), then every BLOCK_SYMBOLS symbols.
      if (this.rows === 1 || this.symbols >= BLOCK_SYMBOLS) this.nextBlock();
    }
    this.last.set(px.subarray((rows - 1) * width, rows * width));
  }

  /**
   * Ends the strip's segment on a byte boundary with an empty stored block (a sync flush).
   * @throws Error when no row was added.
   */
  finish(): StripSegment {
    if (this.rows === 0) throw new Error('A strip needs at least one row.');
    const bits = this.bits;
    bits.write(this.endOfBlock & 0xffff, this.endOfBlock >>> 16);
    bits.write(0, 3);
    bits.align();
    bits.write(0x0000, 16);
    bits.write(0xffff, 16);
    return {
      deflate: [bits.out.slice(0, bits.pos)],
      adler: (((this.s2 % ADLER_BASE) << 16) | (this.s1 % ADLER_BASE)) >>> 0,
      length: this.rows * (1 + this.width * 4),
    };
  }

  /** Ends the block (unless it is the first) and starts one with codes made from the counts so far. */
  private nextBlock(): void {
    this.bits.write(this.endOfBlock & 0xffff, this.endOfBlock >>> 16);
    // Every symbol keeps a code (one seen nowhere yet may turn up in the next block).
    const counts = this.counts;
    for (let i = 0; i < counts.length; i++) counts[i] = (counts[i] as number) + 1;
    this.startBlock(counts, this.matches + 1, this.zeroMatches + 1);
    this.counts = new Uint32Array(286);
    this.matches = 0;
    this.zeroMatches = 0;
    this.symbols = 0;
  }

  /**
   * Writes a block header with codes made from `counts` (literal/length), `matches` (distance 4)
   * and `zeroMatches` (distance 1), and keeps the codes.
   */
  private startBlock(counts: Uint32Array, matches: number, zeroMatches: number): void {
    const bits = this.bits;
    counts[END_OF_BLOCK] = 1;
    const litLengths = codeLengths(counts, 15);
    const distFreq = new Uint32Array(30);
    distFreq[DIST4] = matches;
    distFreq[DIST1] = zeroMatches;
    const distLengths = codeLengths(distFreq, 15);
    let hlit = 286;
    while (hlit > 257 && litLengths[hlit - 1] === 0) hlit--;
    let hdist = 30;
    while (hdist > 1 && distLengths[hdist - 1] === 0) hdist--;
    const coded = runLengthCoded([...litLengths.subarray(0, hlit), ...distLengths.subarray(0, hdist)]);
    const clenFreq = new Uint32Array(19);
    for (const [sym] of coded) clenFreq[sym] = (clenFreq[sym] as number) + 1;
    const clenLengths = codeLengths(clenFreq, 7);
    const clenCodes = canonicalCodes(clenLengths);
    let hclen = 19;
    while (hclen > 4 && clenLengths[CLEN_ORDER[hclen - 1] as number] === 0) hclen--;
    bits.write(0b100, 3); // not final, dynamic codes
    bits.write(hlit - 257, 5);
    bits.write(hdist - 1, 5);
    bits.write(hclen - 4, 4);
    for (let i = 0; i < hclen; i++) bits.write(clenLengths[CLEN_ORDER[i] as number] as number, 3);
    for (const [sym, extra] of coded) {
      bits.write(clenCodes[sym] as number, clenLengths[sym] as number);
      if (sym >= 16) bits.write(extra, sym === 16 ? 2 : sym === 17 ? 3 : 7);
    }
    const litCodes = canonicalCodes(litLengths);
    for (let b = 0; b < 256; b++) this.literal[b] = (litCodes[b] as number) | ((litLengths[b] as number) << 16);
    this.endOfBlock = (litCodes[END_OF_BLOCK] as number) | ((litLengths[END_OF_BLOCK] as number) << 16);
    const distCodes = canonicalCodes(distLengths);
    matchCodes(litCodes, litLengths, distCodes[DIST4] as number, distLengths[DIST4] as number, this.matchLow, this.matchHigh);
    matchCodes(litCodes, litLengths, distCodes[DIST1] as number, distLengths[DIST1] as number, this.zeroLow, this.zeroHigh);
    const zero = litLengths[0] as number;
    const zeroCode = litCodes[0] as number;
    this.zeroPixel = 4 * zero <= 16 ? (zeroCode | (zeroCode << zero) | (zeroCode << (2 * zero)) | (zeroCode << (3 * zero)) | ((4 * zero) << 16)) >>> 0 : 0;
  }

  /**
   * One row: its filter byte (Up against `up`, None without one), then run by run. A run of zero
   * bytes after a zero byte (an unchanged stretch after a pixel whose alpha did not change) is one
   * match at distance 1; any other run is its pixel as four literals, the rest matches at
   * distance 4. The hot loop of an export: the bit writer and the checksum live in locals here,
   * and symbols are counted (for the next block's codes) in one row of four — a sample is enough.
   */
  private row(px: Uint32Array, at: number, up: Uint32Array | null, upAt: number): void {
    const width = this.width;
    const bits = this.bits;
    // At most 4 literals of 15 bits and a match of 35 bits per pixel, plus the filter byte.
    bits.room(width * 13 + 16);
    const out = bits.out;
    let pos = bits.pos;
    let acc = bits.acc;
    let n = bits.n;
    const literal = this.literal;
    const counts = this.counts;
    const zeroPixel = this.zeroPixel;
    const counting = (this.rows & 3) === 0;
    let s1 = this.s1;
    let s2 = this.s2;
    let symbols = 1;
    let matches = 0;
    let zeroMatches = 0;

    const filter = up ? 2 : 0;
    let e = literal[filter] as number;
    acc |= (e & 0xffff) << n;
    n += e >>> 16;
    if (n >= 16) {
      out[pos++] = acc;
      out[pos++] = acc >>> 8;
      acc >>>= 16;
      n -= 16;
    }
    counts[filter] = (counts[filter] as number) + 1;
    s1 += filter;
    s2 += s1;

    // The last byte written (the filter byte's, then each pixel's alpha byte).
    let lastByte = filter;
    let x = 0;
    while (x < width) {
      const d = up ? subBytes(px[at + x] as number, up[upAt + x] as number) : (px[at + x] as number);
      let end = x + 1;
      if (!up) while (end < width && px[at + end] === d) end++;
      else if (d === 0) while (end < width && px[at + end] === up[upAt + end]) end++;
      else while (end < width && subBytes(px[at + end] as number, up[upAt + end] as number) === d) end++;
      let k = end - x;
      let low = this.matchLow;
      let high = this.matchHigh;
      if (d === 0 && lastByte === 0) {
        // All 4k bytes copy the zero before them.
        low = this.zeroLow;
        high = this.zeroHigh;
        s2 += 4 * k * s1;
      } else {
        if (d === 0 && zeroPixel !== 0) {
          acc |= (zeroPixel & 0xffff) << n;
          n += zeroPixel >>> 16;
          if (n >= 16) {
            out[pos++] = acc;
            out[pos++] = acc >>> 8;
            acc >>>= 16;
            n -= 16;
          }
          if (counting) counts[0] = (counts[0] as number) + 4;
          s2 += 4 * s1;
        } else {
          for (let shift = 0; shift < 32; shift += 8) {
            const b = (d >>> shift) & 255;
            e = literal[b] as number;
            acc |= (e & 0xffff) << n;
            n += e >>> 16;
            if (n >= 16) {
              out[pos++] = acc;
              out[pos++] = acc >>> 8;
              acc >>>= 16;
              n -= 16;
            }
            if (counting) counts[b] = (counts[b] as number) + 1;
          }
          const p0 = d & 255;
          const p1 = (d >>> 8) & 255;
          const p2 = (d >>> 16) & 255;
          const p3 = d >>> 24;
          s2 += 4 * s1 + 4 * p0 + 3 * p1 + 2 * p2 + p3;
          s1 += p0 + p1 + p2 + p3;
        }
        symbols += 4;
        k--;
        if (k > 0) {
          // k repeats of bytes p0..p3 add k·Σp to s1, and 4k·s1 + k·(4p0 + 3p1 + 2p2 + p3) + Σp·4·k(k−1)/2 to s2.
          if (d === 0) {
            s2 += 4 * k * s1;
          } else {
            const p0 = d & 255;
            const p1 = (d >>> 8) & 255;
            const p2 = (d >>> 16) & 255;
            const p3 = d >>> 24;
            const sum = p0 + p1 + p2 + p3;
            s2 += 4 * k * s1 + k * (4 * p0 + 3 * p1 + 2 * p2 + p3) + sum * 2 * k * (k - 1);
            s1 += k * sum;
          }
        }
      }
      // Lengths 3–258: the last piece is never 1 or 2 bytes (a one-pixel run is one match of 4).
      const zeros = low === this.zeroLow;
      let left = 4 * k;
      while (left > 0) {
        const len = left > 258 ? (left - 258 < 3 ? left - 3 : 258) : left;
        e = low[len] as number;
        acc |= (e & 0xffff) << n;
        n += e >>> 16;
        if (n >= 16) {
          out[pos++] = acc;
          out[pos++] = acc >>> 8;
          acc >>>= 16;
          n -= 16;
        }
        e = high[len] as number;
        if (e !== 0) {
          acc |= (e & 0xffff) << n;
          n += e >>> 16;
          if (n >= 16) {
            out[pos++] = acc;
            out[pos++] = acc >>> 8;
            acc >>>= 16;
            n -= 16;
          }
        }
        if (counting) {
          const sym = LENGTH_SYMBOL[len] as number;
          counts[sym] = (counts[sym] as number) + 1;
        }
        if (zeros) zeroMatches++;
        else matches++;
        left -= len;
      }
      lastByte = d >>> 24;
      x = end;
    }
    bits.pos = pos;
    bits.acc = acc;
    bits.n = n;
    // A row adds at most ~1.1e12 to s2 (16,384 px of bytes ≤ 255): exact in a double, reduced here.
    this.s1 = s1 % ADLER_BASE;
    this.s2 = s2 % ADLER_BASE;
    this.symbols += symbols + matches + zeroMatches;
    if (counting) {
      this.matches += matches;
      this.zeroMatches += zeroMatches;
    }
  }
}

/**
 * Encodes a whole strip at once: `rows` rows of `width` RGBA pixels.
 * @example const segment = encodeStrip(imageData.data, imageData.width, imageData.height);
 */
export function encodeStrip(rgba: Uint8Array | Uint8ClampedArray, width: number, rows: number): StripSegment {
  if (rgba.length !== width * rows * 4) throw new Error(`A ${width} × ${rows} px strip needs ${width * rows * 4} bytes of RGBA, got ${rgba.length}.`);
  const encoder = new StripEncoder(width);
  encoder.addRows(rgba);
  return encoder.finish();
}
