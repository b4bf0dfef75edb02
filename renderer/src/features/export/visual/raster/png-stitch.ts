/**
 * Joins PNG strips the browser encoded (canvas.toBlob / convertToBlob, full image width, top to
 * bottom) into one PNG without compressing anything again.
 *
 * Why: a PNG past one canvas (a 2,000-topic map at 2× is ~4,200 × 96,000 px, 1.6 GB of RGBA) was
 * read back with getImageData and deflated through CompressionStream, which is zlib at its default
 * level: ~150 MB/s here, 10 of the export's ~20 s. Chromium encodes a canvas at zlib's fastest
 * level in native code, ~5× faster. A PNG holds ONE zlib stream, but deflate blocks refer only
 * backwards, so the strips' streams can be laid end to end: each strip becomes a segment — its
 * blocks with the "final" bit cleared, ending on a byte boundary (an empty stored block, i.e. a
 * sync flush) — and the segments' Adler-32 checksums combine arithmetically. A segment needs
 * nothing of the other strips, so strips are prepared in parallel (raster workers) and joined as
 * bytes, each in its own IDAT chunk.
 *
 * One fix-up: Chromium filters every row with "Up", and a strip's first row was filtered against
 * the zero row above the strip, which in the joined image is the previous strip's last row. Up
 * against zeros is byte for byte filter "None", so that row's filter byte (the first byte of the
 * strip's stream) becomes 0. The block holding it, and any block that copies that byte by a back
 * reference, are re-encoded with deflate's fixed codes; every other block is copied bit for bit.
 *
 * Finding the blocks means walking their Huffman codes (no output is produced). Chromium ends a
 * strip's stream as zlib does after a sync flush (…, 00 00 FF FF, then an empty final block 03 00):
 * then only the blocks that start within deflate's 32 KB window of byte 0 are walked — no later
 * one can copy it — and the rest is copied as it is, up to and with the flush, at the bit offset
 * it had (empty blocks pad the re-encoded head to that offset). Any other ending: every block is
 * walked, as a stream from anywhere else would need.
 *
 * Anything unexpected (another PNG layout, a filter whose meaning depends on the row above)
 * throws StitchUnsupported and the caller uses its own encoder instead.
 */

import { crc32 } from './png-chunks';

export class StitchUnsupported extends Error {}

const LBASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
const LEXT = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DBASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
const DEXT = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CLEN_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function reverseBits(code: number, length: number): number {
  let out = 0;
  for (let i = 0; i < length; i++) {
    out = (out << 1) | (code & 1);
    code >>>= 1;
  }
  return out;
}

/** A canonical Huffman decoding table: entry = symbol << 4 | code length, indexed by the next `bits` input bits. */
interface Table {
  readonly table: Int32Array;
  readonly bits: number;
}

function buildTable(lengths: ArrayLike<number>): Table {
  let maxLen = 0;
  for (let i = 0; i < lengths.length; i++) maxLen = Math.max(maxLen, lengths[i] as number);
  const count = new Array<number>(16).fill(0);
  for (let i = 0; i < lengths.length; i++) count[lengths[i] as number] = (count[lengths[i] as number] as number) + 1;
  count[0] = 0;
  const next = new Array<number>(16).fill(0);
  let code = 0;
  for (let len = 1; len <= 15; len++) {
    code = (code + (count[len - 1] as number)) << 1;
    next[len] = code;
  }
  const table = new Int32Array(1 << maxLen);
  for (let sym = 0; sym < lengths.length; sym++) {
    const len = lengths[sym] as number;
    if (len === 0) continue;
    const rev = reverseBits((next[len] as number)++, len);
    for (let i = rev; i < table.length; i += 1 << len) table[i] = (sym << 4) | len;
  }
  return { table, bits: maxLen };
}

const FIXED_LIT = buildTable(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
const FIXED_DIST = buildTable(new Array<number>(30).fill(5));

/** Fixed-code encoding: reversed code and length per literal/length symbol (RFC 1951 3.2.6). */
const FIXED_CODE = Array.from({ length: 288 }, (_, s) => {
  const [base, start, len] = s < 144 ? [0x30, 0, 8] : s < 256 ? [0x190, 144, 9] : s < 280 ? [0, 256, 7] : [0xc0, 280, 8];
  return { code: reverseBits(base + s - start, len), len };
});

/** Reads bits LSB first, as deflate packs them. `data` is padded so a peek past the end reads zeros. */
class BitReader {
  bit = 0;
  constructor(readonly data: Uint8Array) {}
  peek(): number {
    const d = this.data;
    const p = this.bit >>> 3;
    return ((d[p] as number) | ((d[p + 1] as number) << 8) | ((d[p + 2] as number) << 16) | ((d[p + 3] as number) << 24)) >>> (this.bit & 7);
  }
  take(n: number): number {
    const v = n === 0 ? 0 : this.peek() & ((1 << n) - 1);
    this.bit += n;
    return v;
  }
  decode(t: Table): number {
    // A stream cut short (a strip read only at its head) must not decode the padding forever.
    if (this.bit >>> 3 >= this.data.length) throw new StitchUnsupported('truncated deflate stream');
    const entry = t.table[this.peek() & ((1 << t.bits) - 1)] as number;
    const len = entry & 15;
    if (len === 0) throw new StitchUnsupported('invalid Huffman code');
    this.bit += len;
    return entry >>> 4;
  }
}

/** Writes bits LSB first into IDAT-sized pieces. */
export class BitWriter {
  readonly pieces: Uint8Array[] = [];
  private buf = new Uint8Array(1 << 20);
  private pos = 0;
  private acc = 0;
  private n = 0;

  /** How many bits into a byte the next bit goes. */
  get offset(): number {
    return this.n;
  }

  write(value: number, length: number): void {
    this.acc |= value << this.n;
    this.n += length;
    while (this.n >= 8) {
      this.byte(this.acc & 255);
      this.acc >>>= 8;
      this.n -= 8;
    }
  }

  private byte(b: number): void {
    if (this.pos === this.buf.length) this.flush();
    this.buf[this.pos++] = b;
  }

  /** Copies input bits [from, to) as they are. */
  copy(src: Uint8Array, from: number, to: number): void {
    while (from < to && (from & 7) !== 0) {
      this.write(((src[from >>> 3] as number) >>> (from & 7)) & 1, 1);
      from++;
    }
    let p = from >>> 3;
    const end = to >>> 3;
    while (p < end) {
      if (this.pos === this.buf.length) this.flush();
      const take = Math.min(end - p, this.buf.length - this.pos);
      if (this.n === 0) {
        this.buf.set(src.subarray(p, p + take), this.pos);
        this.pos += take;
      } else {
        const n = this.n;
        const back = 8 - n;
        let acc = this.acc;
        const buf = this.buf;
        let q = this.pos;
        for (let i = p; i < p + take; i++) {
          const b = src[i] as number;
          buf[q++] = (acc | (b << n)) & 255;
          acc = b >>> back;
        }
        this.acc = acc;
        this.pos = q;
      }
      p += take;
    }
    for (let b = Math.max(end * 8, from); b < to; b++) this.write(((src[b >>> 3] as number) >>> (b & 7)) & 1, 1);
  }

  /** Pads with zero bits to a byte boundary. */
  align(): void {
    if (this.n > 0) this.byte(this.acc & 255);
    this.acc = 0;
    this.n = 0;
  }

  /** Pads to a byte and hands back everything written. */
  finish(): Uint8Array[] {
    if (this.n > 0) this.byte(this.acc & 255);
    this.acc = 0;
    this.n = 0;
    this.flush();
    return this.pieces;
  }

  private flush(): void {
    if (this.pos > 0) this.pieces.push(this.buf.slice(0, this.pos));
    this.pos = 0;
  }
}

function writeLiteral(w: BitWriter, sym: number): void {
  const c = FIXED_CODE[sym] as { code: number; len: number };
  w.write(c.code, c.len);
}

function writeMatch(w: BitWriter, length: number, dist: number): void {
  let li = LBASE.length - 1;
  while ((LBASE[li] as number) > length) li--;
  writeLiteral(w, 257 + li);
  w.write(length - (LBASE[li] as number), LEXT[li] as number);
  let di = DBASE.length - 1;
  while ((DBASE[di] as number) > dist) di--;
  w.write(reverseBits(di, 5), 5);
  w.write(dist - (DBASE[di] as number), DEXT[di] as number);
}

const ADLER_BASE = 65521;

/** adler32 of A followed by B, from their checksums and B's length (zlib's adler32_combine). */
export function adler32Combine(a: number, b: number, lengthB: number): number {
  const rem = lengthB % ADLER_BASE;
  let sum1 = a & 0xffff;
  let sum2 = (rem * sum1) % ADLER_BASE;
  sum1 = (sum1 + (b & 0xffff) + ADLER_BASE - 1) % ADLER_BASE;
  sum2 = (sum2 + (a >>> 16) + (b >>> 16) + ADLER_BASE - rem) % ADLER_BASE;
  return ((sum2 << 16) | sum1) >>> 0;
}

interface Block {
  readonly start: number;
  readonly end: number;
  /** Uncompressed position where the block starts. */
  readonly pos: number;
  /** Must be re-encoded (holds or copies the strip's first byte, which is patched). */
  readonly rewrite: boolean;
  /** A stored block's bytes (byte offset, count): its header pads to a byte, so it cannot move by bits. */
  readonly stored: readonly [number, number] | null;
}

/** Walks one block from r.bit; with `emit`, re-encodes it with fixed codes (patching byte 0). */
function walkBlock(
  r: BitReader,
  state: { pos: number; head: number[] },
  patch: boolean,
  emit: BitWriter | null,
): { final: boolean; touchesZero: boolean; stored: [number, number] | null } {
  const final = r.take(1) === 1;
  const type = r.take(2);
  let touchesZero = false;
  const literal = (v: number) => {
    if (state.pos < 8) state.head[state.pos] = v;
    if (state.pos === 0) touchesZero = true;
    if (emit) writeLiteral(emit, patch && state.pos === 0 ? 0 : v);
    state.pos++;
  };
  if (type === 0) {
    r.bit = (r.bit + 7) & ~7;
    const len = r.take(16);
    r.take(16);
    const at = r.bit >>> 3;
    // Stored bytes in a rewritten block become literals; elsewhere only their count matters.
    if (emit || state.pos < 8) for (let i = 0; i < len; i++) literal(r.data[at + i] as number);
    else state.pos += len;
    r.bit += len * 8;
    if (emit) writeLiteral(emit, 256);
    return { final, touchesZero, stored: [at, len] };
  }
  if (type === 3) throw new StitchUnsupported('reserved deflate block type');
  let lit = FIXED_LIT;
  let dist = FIXED_DIST;
  if (type === 2) {
    const hlit = r.take(5) + 257;
    const hdist = r.take(5) + 1;
    const hclen = r.take(4) + 4;
    const clen = new Array<number>(19).fill(0);
    for (let i = 0; i < hclen; i++) clen[CLEN_ORDER[i] as number] = r.take(3);
    const ct = buildTable(clen);
    const lengths = new Array<number>(hlit + hdist).fill(0);
    for (let i = 0; i < hlit + hdist; ) {
      const sym = r.decode(ct);
      if (sym < 16) lengths[i++] = sym;
      else {
        const [value, times] = sym === 16 ? [lengths[i - 1] ?? 0, 3 + r.take(2)] : sym === 17 ? [0, 3 + r.take(3)] : [0, 11 + r.take(7)];
        for (let k = 0; k < times; k++) lengths[i++] = value;
      }
    }
    lit = buildTable(lengths.slice(0, hlit));
    dist = buildTable(lengths.slice(hlit));
  }
  if (!emit && state.pos >= 8) {
    // The hot path (every block of every strip): count the output, track only references to byte 0.
    // Inlined bit reads: this loop walks tens of millions of codes per export.
    const d = r.data;
    const lt = lit.table;
    const lmask = (1 << lit.bits) - 1;
    const dt = dist.table;
    const dmask = (1 << dist.bits) - 1;
    let bit = r.bit;
    let pos = state.pos;
    for (;;) {
      let p = bit >>> 3;
      if (p >= d.length) throw new StitchUnsupported('truncated deflate stream');
      const e = lt[(((d[p] as number) | ((d[p + 1] as number) << 8) | ((d[p + 2] as number) << 16) | ((d[p + 3] as number) << 24)) >>> (bit & 7)) & lmask] as number;
      if ((e & 15) === 0) throw new StitchUnsupported('invalid Huffman code');
      bit += e & 15;
      const sym = e >>> 4;
      if (sym < 256) {
        pos++;
        continue;
      }
      if (sym === 256) break;
      const li = sym - 257;
      if (li >= 29 || dmask === 0) throw new StitchUnsupported('bad length symbol');
      p = bit >>> 3;
      let v = (((d[p] as number) | ((d[p + 1] as number) << 8) | ((d[p + 2] as number) << 16) | ((d[p + 3] as number) << 24)) >>> (bit & 7));
      const lx = LEXT[li] as number;
      const length = (LBASE[li] as number) + (v & ((1 << lx) - 1));
      bit += lx;
      p = bit >>> 3;
      v = (((d[p] as number) | ((d[p + 1] as number) << 8) | ((d[p + 2] as number) << 16) | ((d[p + 3] as number) << 24)) >>> (bit & 7));
      const de = dt[v & dmask] as number;
      if ((de & 15) === 0) throw new StitchUnsupported('invalid Huffman code');
      bit += de & 15;
      const di = de >>> 4;
      if (di >= 30) throw new StitchUnsupported('bad distance symbol');
      p = bit >>> 3;
      v = (((d[p] as number) | ((d[p + 1] as number) << 8) | ((d[p + 2] as number) << 16) | ((d[p + 3] as number) << 24)) >>> (bit & 7));
      const dx = DEXT[di] as number;
      const from = pos - ((DBASE[di] as number) + (v & ((1 << dx) - 1)));
      bit += dx;
      if (from < 0) throw new StitchUnsupported('reference before the stream');
      if (from === 0) touchesZero = true;
      pos += length;
    }
    r.bit = bit;
    state.pos = pos;
    return { final, touchesZero, stored: null };
  }
  for (;;) {
    const sym = r.decode(lit);
    if (sym < 256) {
      literal(sym);
      continue;
    }
    if (sym === 256) break;
    const li = sym - 257;
    if (li >= 29) throw new StitchUnsupported('bad length symbol');
    const length = (LBASE[li] as number) + r.take(LEXT[li] as number);
    if (dist.bits === 0) throw new StitchUnsupported('match without distance codes');
    const di = r.decode(dist);
    if (di >= 30) throw new StitchUnsupported('bad distance symbol');
    const d = (DBASE[di] as number) + r.take(DEXT[di] as number);
    const from = state.pos - d;
    if (from < 0) throw new StitchUnsupported('reference before the stream');
    if (state.pos < 8) for (let k = 0; k < length && state.pos + k < 8; k++) state.head[state.pos + k] = state.head[from + k] as number;
    if (from === 0) touchesZero = true;
    if (emit) {
      if (patch && from === 0) {
        // Copy the original byte 0 as a literal and the rest of the match from byte 1 on.
        writeLiteral(emit, state.head[0] as number);
        if (length - 1 >= 3) writeMatch(emit, length - 1, d);
        else for (let k = 1; k < length; k++) writeLiteral(emit, state.head[k % d] as number);
      } else writeMatch(emit, length, d);
    }
    state.pos += length;
  }
  if (emit) writeLiteral(emit, 256);
  return { final, touchesZero, stored: null };
}

function u32(bytes: Uint8Array, at: number): number {
  return (((bytes[at] as number) << 24) | ((bytes[at + 1] as number) << 16) | ((bytes[at + 2] as number) << 8) | (bytes[at + 3] as number)) >>> 0;
}

/** One strip's share of the joined zlib stream (see stripSegment). */
export interface StripSegment {
  /**
   * Deflate blocks, none of them final, starting and ending on a byte boundary (the last one is an
   * empty stored block), so segments are laid end to end as bytes — even in separate IDAT chunks.
   */
  readonly deflate: readonly Uint8Array[];
  /** Adler-32 of the strip's scanlines as they read in the joined image (first filter byte fixed). */
  readonly adler: number;
  /** How many bytes of scanlines: rows × (1 + 4 × width). */
  readonly length: number;
}

/** The zlib header of the joined stream (deflate, 32 KB window, fastest level). */
export const ZLIB_HEADER: Uint8Array<ArrayBuffer> = Uint8Array.of(0x78, 0x01);

/** Ends the joined stream: an empty final block, then the Adler-32 of everything. */
export function zlibTrailer(adler: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(6);
  out[0] = 0x03; // final, fixed codes, end of block (7 zero bits) …
  out[1] = 0x00; // … padded to the byte
  new DataView(out.buffer).setUint32(2, adler);
  return out;
}

/**
 * Turns one strip the browser encoded (a whole PNG, the image's width, `rows` high, 8-bit RGBA)
 * into its segment of the joined stream. `first`: the image's top strip, whose first row really
 * has nothing above it; every other strip's first filter byte is fixed (see the header comment).
 * Needs nothing of the other strips, so strips are prepared in parallel and joined in order.
 * @example const segment = stripSegment(new Uint8Array(await png.arrayBuffer()), width, rows, index === 0);
 */
export function stripSegment(png: Uint8Array, width: number, rows: number, first: boolean): StripSegment {
  const { data, size, adler: encodedAdler } = deflateOf(png, width, rows);
  let adler = encodedAdler;
  const length = rows * (1 + width * 4);
  // Ends as zlib ends a stream after a sync flush — Chromium's strips do: only the blocks that can
  // reach byte 0 need walking; the rest is copied up to (and with) the flush, which ends on a byte.
  const flushed = size >= SYNC_FLUSH_END.length && SYNC_FLUSH_END.every((b, i) => data[size - SYNC_FLUSH_END.length + i] === b);

  // Pass 1: block boundaries, and which blocks hold or copy byte 0 (the first row's filter type).
  const r = new BitReader(data);
  const state = { pos: 0, head: [] as number[] };
  const blocks: Block[] = [];
  let whole = false;
  for (;;) {
    const start = r.bit;
    const pos = state.pos;
    // A back reference reaches at most WINDOW bytes back: from here on, none can reach byte 0.
    if (flushed && pos > WINDOW) break;
    const { final, touchesZero, stored } = walkBlock(r, state, false, null);
    blocks.push({ start, end: r.bit, pos, rewrite: touchesZero, stored });
    if (final) {
      whole = true;
      break;
    }
    if (r.bit > size * 8) throw new StitchUnsupported('truncated deflate stream');
  }
  if (whole && state.pos !== length) throw new StitchUnsupported(`the strip holds ${state.pos} bytes, not ${length}`);
  const filter = state.head[0] as number;
  // The first strip's first row really has a zero row above; None and Sub never look up.
  const patch = !first && filter === 2;
  if (!first && filter !== 0 && filter !== 1 && filter !== 2) throw new StitchUnsupported(`first row filtered with type ${filter}`);
  if (patch) adler = patchedAdler(adler, length);
  // Up to the final block: everything but the empty final block after the flush.
  const flushEnd = (size - 2) * 8;
  if (!whole && !patch) return { deflate: [data.subarray(0, size - 2)], adler, length };

  // Pass 2: copy blocks bit for bit (final bit cleared), re-encoding the ones the patch touches.
  const out = new BitWriter();
  if (patch) rewriteBlocks(out, r, data, blocks, state.head);
  else copyBlocks(out, data, blocks);
  if (whole) {
    // Back to a byte boundary the only way deflate allows between blocks: an empty stored block.
    storedHeader(out, 0);
  } else {
    // The rest keeps its bit offset within the byte, so the flush's padding stays right.
    const rest = (blocks[blocks.length - 1] as Block).end;
    padToBitOffset(out, rest & 7);
    out.copy(data, rest, flushEnd);
  }
  return { deflate: out.finish(), adler, length };
}

/** The Adler-32 of a strip's rows once its byte 0 went from 2 (Up) to 0 (None): it counts once in the first sum and in every one of the second. */
function patchedAdler(adler: number, length: number): number {
  return (((((adler >>> 16) - ((2 * length) % ADLER_BASE) + 2 * ADLER_BASE) % ADLER_BASE) << 16) | (((adler & 0xffff) - 2 + ADLER_BASE) % ADLER_BASE)) >>> 0;
}

/** Writes `blocks` of `data` (not final), byte 0 patched to 0: the blocks that hold or copy it re-encoded, the others copied. */
function rewriteBlocks(out: BitWriter, r: BitReader, data: Uint8Array, blocks: readonly Block[], head: number[]): void {
  for (const block of blocks) {
    if (!block.rewrite) {
      copyBlocks(out, data, [block]);
      continue;
    }
    r.bit = block.start;
    out.write(0b010, 3); // not final, fixed codes
    walkBlock(r, { pos: block.pos, head }, true, out);
  }
}

/** Copies `blocks` of `data` bit for bit, the final bit cleared. */
function copyBlocks(out: BitWriter, data: Uint8Array, blocks: readonly Block[]): void {
  for (const block of blocks) {
    if (block.stored) {
      // A stored block's header pads to a byte, so it is rewritten where it lands, not copied by
      // bits. An empty one (Chromium's sync flush at a strip's end) carries nothing: dropped.
      const [at, len] = block.stored;
      if (len === 0) continue;
      storedHeader(out, len);
      out.copy(data, at * 8, (at + len) * 8);
    } else {
      out.write(0, 1);
      out.copy(data, block.start + 1, block.end);
    }
  }
}

/** A strip's IHDR: the image's width, `rows` high, 8-bit RGBA, deflate, no interlace. */
function checkHeader(data: Uint8Array, width: number, rows: number): void {
  if (u32(data, 0) !== width || u32(data, 4) !== rows || data[8] !== 8 || data[9] !== 6 || data[10] !== 0 || data[11] !== 0 || data[12] !== 0) {
    throw new StitchUnsupported('the strip is not 8-bit RGBA of the expected size');
  }
}

/** A zlib stream's first two bytes: deflate with a window, no preset dictionary. */
function checkZlibHeader(z: Uint8Array): void {
  if (((z[0] as number) & 0x0f) !== 8 || (((z[0] as number) << 8) | (z[1] as number)) % 31 !== 0 || ((z[1] as number) & 0x20) !== 0) {
    throw new StitchUnsupported('unexpected zlib header');
  }
}

/** How much of a strip's PNG is read from its start to find the blocks its first byte is in (stripSegmentParts). */
export const STRIP_HEAD_BYTES = 1 << 16;
/** How much is read from its end: the IEND chunk, the final IDAT chunk (03 00 and the Adler-32), and the 8 bytes before. */
export const STRIP_TAIL_BYTES = 12 + 18 + 8;

/** A strip's segment made from both ends of its PNG, its middle left where it is (see stripSegmentParts). */
export interface StripSegmentParts {
  /** Deflate bytes that start the segment (re-encoded where byte 0 was patched), ending on a byte boundary. */
  readonly head: readonly Uint8Array[];
  /** Bytes [from, to) of the strip's PNG file: its own IDAT chunks, whole and checksummed, that follow the head. */
  readonly middle: readonly [number, number];
  readonly adler: number;
  readonly length: number;
}

/**
 * stripSegment without reading the strip's whole PNG: Chromium splits a strip's stream over IDAT
 * chunks of 4 KB and ends it with the sync flush in one chunk and the empty final block with the
 * Adler-32 in a chunk of its own. So only the head is rewritten (the chunks up to the end of the
 * blocks that can reach byte 0, framed again by the caller) and the final chunk left out; every
 * chunk between is carried into the joined PNG as it is — the caller slices those bytes from the
 * file without reading them. Reading a strip's ~3 MB and framing it again cost ~20 ms a strip in
 * a raster worker; this reads ~64 KB.
 *
 * `head`: the file's first bytes (STRIP_HEAD_BYTES, or all of it); `tail`: its last
 * STRIP_TAIL_BYTES; `fileSize`: the file's length. Null when the file is not laid out like that
 * (another encoder, a stream whose head blocks run past what was read, a strip small enough to be
 * all head): the caller then reads it whole for stripSegment.
 * @throws StitchUnsupported when what was read is not a strip that can be joined at all.
 */
export function stripSegmentParts(head: Uint8Array, tail: Uint8Array, fileSize: number, width: number, rows: number, first: boolean): StripSegmentParts | null {
  // The tail: … [a chunk whose data ends 00 00 FF FF][its CRC] [00000006 IDAT 03 00 adler CRC] [00000000 IEND CRC]
  if (tail.length < STRIP_TAIL_BYTES) return null;
  const iend = tail.length - 12;
  const fin = iend - 18;
  const typeAt = (bytes: Uint8Array, at: number) => String.fromCharCode(...bytes.subarray(at, at + 4));
  if (u32(tail, iend) !== 0 || typeAt(tail, iend + 4) !== 'IEND') return null;
  if (u32(tail, fin) !== 6 || typeAt(tail, fin + 4) !== 'IDAT' || tail[fin + 8] !== 0x03 || tail[fin + 9] !== 0x00) return null;
  if (crc32(tail.subarray(fin + 4, fin + 14)) !== u32(tail, fin + 14)) return null;
  if (tail[fin - 8] !== 0x00 || tail[fin - 7] !== 0x00 || tail[fin - 6] !== 0xff || tail[fin - 5] !== 0xff) return null;
  const finalChunk = fileSize - (tail.length - fin);
  let adler = u32(tail, fin + 10);

  // The head: the signature, IHDR, then the IDAT chunks that were read whole.
  if (u32(head, 0) !== 0x89504e47) throw new StitchUnsupported('not a PNG');
  const ends: number[] = []; // per IDAT chunk read: where it ends in the file, and in the zlib stream
  const zEnds: number[] = [];
  const pieces: Uint8Array[] = [];
  let zLength = 0;
  for (let at = 8; at + 12 <= head.length; ) {
    const len = u32(head, at);
    if (at + 12 + len > head.length) break;
    const type = typeAt(head, at + 4);
    const data = head.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') checkHeader(data, width, rows);
    else if (type === 'IDAT') {
      pieces.push(data);
      zLength += len;
      ends.push(at + 12 + len);
      zEnds.push(zLength);
    } else if (pieces.length > 0) return null; // anything between the IDAT chunks: not Chromium's layout
    at += 12 + len;
  }
  if (zLength < 2) return null;
  const z = new Uint8Array(zLength + 8);
  let o = 0;
  for (const piece of pieces) {
    z.set(piece, o);
    o += piece.length;
  }
  checkZlibHeader(z);
  const data = z.subarray(2);
  const size = zLength - 2;

  // The blocks that can reach byte 0 (as stripSegment walks them when the stream ends in a flush).
  const r = new BitReader(data);
  const state = { pos: 0, head: [] as number[] };
  const blocks: Block[] = [];
  try {
    while (state.pos <= WINDOW) {
      const start = r.bit;
      const pos = state.pos;
      const { final, touchesZero, stored } = walkBlock(r, state, false, null);
      if (final || r.bit > size * 8) return null;
      blocks.push({ start, end: r.bit, pos, rewrite: touchesZero, stored });
    }
  } catch (error) {
    // Past what was read: the whole file will tell whether the stream is sound.
    if (error instanceof StitchUnsupported && error.message === 'truncated deflate stream') return null;
    throw error;
  }
  const filter = state.head[0] as number;
  const patch = !first && filter === 2;
  if (!first && filter !== 0 && filter !== 1 && filter !== 2) throw new StitchUnsupported(`first row filtered with type ${filter}`);
  const length = rows * (1 + width * 4);
  if (patch) adler = patchedAdler(adler, length);

  // The head ends at the first chunk boundary at or after the last walked block (a patched head
  // is re-encoded up to that block and copied bit for bit from there to the boundary).
  const rest = (blocks[blocks.length - 1] as Block).end;
  const needed = patch ? Math.ceil(rest / 8) + 2 : 1;
  const k = zEnds.findIndex((end) => end >= needed);
  if (k < 0 || (ends[k] as number) >= finalChunk) return null;
  const headEnd = (zEnds[k] as number) - 2;
  const middle: [number, number] = [ends[k] as number, finalChunk];
  if (!patch) return { head: [data.slice(0, headEnd)], middle, adler, length };
  const out = new BitWriter();
  rewriteBlocks(out, r, data, blocks, state.head);
  padToBitOffset(out, rest & 7);
  out.copy(data, rest, headEnd * 8);
  return { head: out.finish(), middle, adler, length };
}

/** Back references reach this far (deflate's window). */
const WINDOW = 32_768;
/** zlib's sync flush (an empty stored block: …, 00 00 FF FF) then an empty final block with fixed codes (03 00). */
const SYNC_FLUSH_END = [0x00, 0x00, 0xff, 0xff, 0x03, 0x00];

/** A strip's zlib stream, checked: its deflate data (`size` bytes, then padding a reader may peek into) and Adler-32. */
function deflateOf(png: Uint8Array, width: number, rows: number): { data: Uint8Array; size: number; adler: number } {
  if (u32(png, 0) !== 0x89504e47) throw new StitchUnsupported('not a PNG');
  const idat: Uint8Array[] = [];
  let size = 0;
  for (let at = 8; at + 8 <= png.length; ) {
    const len = u32(png, at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      checkHeader(data, width, rows);
    } else if (type === 'IDAT') {
      idat.push(data);
      size += len;
    }
    at += 12 + len;
  }
  const z = new Uint8Array(size + 8);
  let o = 0;
  for (const part of idat) {
    z.set(part, o);
    o += part.length;
  }
  if (size < 6) throw new StitchUnsupported('unexpected zlib header');
  checkZlibHeader(z);
  return { data: z.subarray(2), size: size - 6, adler: u32(z, size - 4) };
}

/**
 * Writes empty blocks until the output sits `offset` bits into a byte, so what follows can be
 * copied at the same offset it had. An empty block with fixed codes is 10 bits (2 mod 8); for an
 * odd offset, one empty block with dynamic codes of 95 bits (7 mod 8) comes first.
 */
export function padToBitOffset(out: BitWriter, offset: number): void {
  let need = (offset - out.offset + 8) % 8;
  if (need % 2 === 1) {
    emptyDynamicBlock(out);
    need = (need + 1) % 8;
  }
  for (; need > 0; need -= 2) {
    out.write(0b010, 3); // not final, fixed codes
    writeLiteral(out, 256);
  }
}

/**
 * An empty block with its own (complete, minimal) codes, 95 bits long: literal/length codes for
 * literal 0 and end-of-block (1 bit each), two 1-bit distance codes, code-length codes for 1 and 18.
 */
function emptyDynamicBlock(w: BitWriter): void {
  w.write(0b100, 3); // not final, dynamic codes
  w.write(0, 5); // 257 literal/length codes
  w.write(1, 5); // 2 distance codes
  w.write(15, 4); // 19 code-length codes, in CLEN_ORDER: 1 bit for lengths 1 and 18 (codes 0 and 1)
  for (const symbol of CLEN_ORDER) w.write(symbol === 1 || symbol === 18 ? 1 : 0, 3);
  w.write(0, 1); // literal 0: length 1
  w.write(1, 1); // 18: literals 1–138 unused …
  w.write(138 - 11, 7);
  w.write(1, 1); // … 18: literals 139–255 unused
  w.write(117 - 11, 7);
  w.write(0, 1); // end of block: length 1
  w.write(0, 1); // distance 0: length 1
  w.write(0, 1); // distance 1: length 1
  w.write(1, 1); // end of block (literal 0 is code 0, end of block code 1)
}

/** A stored block's header for `len` bytes (not final): 3 bits, padding to the byte, LEN and NLEN. */
function storedHeader(out: BitWriter, len: number): void {
  out.write(0, 3);
  out.align();
  out.write(len & 0xff, 8);
  out.write(len >>> 8, 8);
  out.write(~len & 0xff, 8);
  out.write((~len >>> 8) & 0xff, 8);
}

/**
 * The Adler-32 of segments laid end to end, in order.
 * @example joinedAdler([top, middle, bottom])
 */
export function joinedAdler(segments: readonly Pick<StripSegment, 'adler' | 'length'>[]): number {
  let adler = 1;
  segments.forEach((segment, i) => {
    adler = i === 0 ? segment.adler : adler32Combine(adler, segment.adler, segment.length);
  });
  return adler;
}

/** Joins full-width PNG strips, top to bottom, into one zlib stream for one PNG's IDAT. */
export class PngStitcher {
  private readonly segments: StripSegment[] = [];

  constructor(private readonly width: number) {}

  /** Adds one strip: a whole PNG file `rows` high and the image's width (8-bit RGBA, not interlaced). */
  add(png: Uint8Array, rows: number): void {
    this.segments.push(stripSegment(png, this.width, rows, this.segments.length === 0));
  }

  /** The IDAT payloads (a zlib stream, in pieces) of the joined image. */
  finish(): Uint8Array[] {
    return [ZLIB_HEADER, ...this.segments.flatMap((segment) => segment.deflate), zlibTrailer(joinedAdler(this.segments))];
  }
}
