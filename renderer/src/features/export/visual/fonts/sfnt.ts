/**
 * Reading and writing the font files the exports embed: the sfnt container (TrueType/OpenType),
 * WOFF 1.0 around it, and the `name` table that says what the font is called.
 *
 * Why by hand: the bundled Noto faces arrive as WOFF (zlib), which the browser's own
 * DecompressionStream opens — no wasm and no eval, so it runs under the app's CSP — and the CJK
 * faces carry the name of the variable font's default instance ("Noto Sans JP Thin") on glyphs
 * that are Regular; a PDF names its fonts after that table, so it is rewritten here.
 *
 * Pure: bytes in, bytes out; (de)compression is passed in, so tests run it in Node.
 */

/** One table of a font: its tag (`'name'`, `'glyf'`…) and its bytes. */
export interface SfntTable {
  readonly tag: string;
  readonly data: Uint8Array;
}

export interface Sfnt {
  /** 0x00010000 for TrueType outlines, 'OTTO' for CFF. */
  readonly flavor: number;
  readonly tables: readonly SfntTable[];
}

/** zlib (RFC 1950) inflate or deflate, as WOFF 1.0 stores its tables. */
export type Zlib = (bytes: Uint8Array) => Promise<Uint8Array>;

const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;
const u32 = (b: Uint8Array, o: number) => ((b[o]! << 24) >>> 0) + ((b[o + 1]! << 16) | (b[o + 2]! << 8) | b[o + 3]!);
const tagAt = (b: Uint8Array, o: number) => String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);

/** The four bytes at the start of a font file, as text: 'wOFF', 'wOF2', 'OTTO', 'true' or '\0\x01\0\0'. */
export function fontSignature(bytes: Uint8Array): string {
  return bytes.length >= 4 ? tagAt(bytes, 0) : '';
}

/**
 * Reads an sfnt (a .ttf/.otf file) into its tables.
 * @example const font = readSfnt(ttfBytes); font.tables.find((t) => t.tag === 'name');
 */
export function readSfnt(bytes: Uint8Array): Sfnt {
  if (bytes.length < 12) throw new Error('The font file is too short to be a TrueType or OpenType font.');
  const flavor = u32(bytes, 0);
  const count = u16(bytes, 4);
  const tables: SfntTable[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + 16 * i;
    const offset = u32(bytes, at + 8);
    const length = u32(bytes, at + 12);
    if (offset + length > bytes.length) throw new Error(`The font's ${tagAt(bytes, at)} table runs past the end of the file.`);
    tables.push({ tag: tagAt(bytes, at), data: bytes.subarray(offset, offset + length) });
  }
  return { flavor, tables };
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  const whole = data.length - (data.length % 4);
  for (let i = 0; i < whole; i += 4) sum = (sum + u32(data, i)) >>> 0;
  if (whole < data.length) {
    const tail = new Uint8Array(4);
    tail.set(data.subarray(whole));
    sum = (sum + u32(tail, 0)) >>> 0;
  }
  return sum;
}

const pad4 = (n: number) => (n + 3) & ~3;

/**
 * Writes tables as an sfnt: sorted directory, 4-byte aligned tables, every checksum and the
 * head table's checkSumAdjustment recomputed (a font whose checksums are off is refused by some readers).
 * @example const ttf = writeSfnt({ flavor: 0x00010000, tables });
 */
export function writeSfnt(font: Sfnt): Uint8Array {
  const tables = [...font.tables].sort((a, b) => (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
  const n = tables.length;
  let size = 12 + 16 * n;
  for (const t of tables) size += pad4(t.data.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  const entrySelector = Math.floor(Math.log2(Math.max(1, n)));
  const searchRange = 16 * 2 ** entrySelector;
  view.setUint32(0, font.flavor);
  view.setUint16(4, n);
  view.setUint16(6, searchRange);
  view.setUint16(8, entrySelector);
  view.setUint16(10, n * 16 - searchRange);
  let offset = 12 + 16 * n;
  let headAt = -1;
  tables.forEach((t, i) => {
    const data = t.tag === 'head' ? withZeroAdjustment(t.data) : t.data;
    out.set(data, offset);
    const at = 12 + 16 * i;
    for (let k = 0; k < 4; k++) out[at + k] = t.tag.charCodeAt(k);
    view.setUint32(at + 4, checksum(data));
    view.setUint32(at + 8, offset);
    view.setUint32(at + 12, data.length);
    if (t.tag === 'head') headAt = offset;
    offset += pad4(data.length);
  });
  if (headAt >= 0) view.setUint32(headAt + 8, (0xb1b0afba - checksum(out)) >>> 0);
  return out;
}

function withZeroAdjustment(head: Uint8Array): Uint8Array {
  const copy = head.slice();
  if (copy.length >= 12) copy.fill(0, 8, 12);
  return copy;
}

/**
 * Opens a WOFF 1.0 file into an sfnt: each table is zlib-compressed unless that made it no smaller.
 * @example const ttf = await woffToSfnt(woffBytes, inflateZlib);
 */
export async function woffToSfnt(woff: Uint8Array, inflate: Zlib): Promise<Uint8Array> {
  if (fontSignature(woff) !== 'wOFF') throw new Error(`Not a WOFF font (its signature is "${fontSignature(woff)}").`);
  const flavor = u32(woff, 4);
  const count = u16(woff, 12);
  const tables: SfntTable[] = [];
  for (let i = 0; i < count; i++) {
    const at = 44 + 20 * i;
    const offset = u32(woff, at + 4);
    const compLength = u32(woff, at + 8);
    const origLength = u32(woff, at + 12);
    const stored = woff.subarray(offset, offset + compLength);
    const data = compLength < origLength ? await inflate(stored) : stored;
    if (data.length !== origLength) throw new Error(`The WOFF font's ${tagAt(woff, at)} table opened to ${data.length} bytes, not the ${origLength} it declares.`);
    tables.push({ tag: tagAt(woff, at), data });
  }
  return writeSfnt({ flavor, tables });
}

/**
 * Wraps an sfnt as WOFF 1.0, each table zlib-compressed where that makes it smaller.
 * @example const woff = await sfntToWoff(ttf, deflateZlib); `data:font/woff;base64,…`
 */
export async function sfntToWoff(sfnt: Uint8Array, deflate: Zlib): Promise<Uint8Array> {
  // Through writeSfnt first: sorted tables and right checksums, which WOFF copies.
  const font = readSfnt(writeSfnt(readSfnt(sfnt)));
  const normal = writeSfnt(font);
  const entries: { tag: string; data: Uint8Array; origLength: number; origChecksum: number }[] = [];
  for (let i = 0; i < font.tables.length; i++) {
    const at = 12 + 16 * i;
    const table = font.tables[i] as SfntTable;
    const packed = await deflate(table.data);
    entries.push({ tag: table.tag, data: packed.length < table.data.length ? packed : table.data, origLength: table.data.length, origChecksum: u32(normal, at + 4) });
  }
  let size = 44 + 20 * entries.length;
  for (const e of entries) size += pad4(e.data.length);
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  view.setUint32(0, 0x774f4646); // 'wOFF'
  view.setUint32(4, font.flavor);
  view.setUint32(8, size);
  view.setUint16(12, entries.length);
  view.setUint32(16, normal.length);
  view.setUint16(20, 1);
  let offset = 44 + 20 * entries.length;
  entries.forEach((e, i) => {
    const at = 44 + 20 * i;
    for (let k = 0; k < 4; k++) out[at + k] = e.tag.charCodeAt(k);
    view.setUint32(at + 4, offset);
    view.setUint32(at + 8, e.data.length);
    view.setUint32(at + 12, e.origLength);
    view.setUint32(at + 16, e.origChecksum);
    out.set(e.data, offset);
    offset += pad4(e.data.length);
  });
  return out;
}

/** One record of a `name` table, its string still encoded as stored. */
interface NameRecord {
  readonly platformId: number;
  readonly encodingId: number;
  readonly languageId: number;
  readonly nameId: number;
  readonly bytes: Uint8Array;
}

function readNameRecords(name: Uint8Array): NameRecord[] {
  const count = u16(name, 2);
  const storage = u16(name, 4);
  const records: NameRecord[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + 12 * i;
    const length = u16(name, at + 8);
    const offset = storage + u16(name, at + 10);
    records.push({ platformId: u16(name, at), encodingId: u16(name, at + 2), languageId: u16(name, at + 4), nameId: u16(name, at + 6), bytes: name.subarray(offset, offset + length) });
  }
  return records;
}

function utf16be(text: string): Uint8Array {
  const out = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) {
    out[2 * i] = text.charCodeAt(i) >> 8;
    out[2 * i + 1] = text.charCodeAt(i) & 0xff;
  }
  return out;
}

function decodeName(r: NameRecord): string {
  if (r.platformId === 3 || r.platformId === 0) {
    let s = '';
    for (let i = 0; i + 1 < r.bytes.length; i += 2) s += String.fromCharCode(u16(r.bytes, i));
    return s;
  }
  return String.fromCharCode(...r.bytes);
}

/**
 * The font's names by name ID, in English (Windows platform first).
 * @example fontNames(ttf)[6] // 'NotoSansJP-Regular'
 */
export function fontNames(sfnt: Uint8Array): Record<number, string> {
  const name = readSfnt(sfnt).tables.find((t) => t.tag === 'name');
  const out: Record<number, string> = {};
  if (!name) return out;
  const records = readNameRecords(name.data).filter((r) => (r.platformId === 3 && r.languageId === 0x409) || (r.platformId === 1 && r.languageId === 0));
  // Windows records win over Mac ones for the same name ID.
  for (const r of records.sort((a, b) => a.platformId - b.platformId)) out[r.nameId] = decodeName(r);
  return out;
}

/**
 * The OS/2 table's weight class: what weight the glyphs were drawn at, whatever the names say.
 * @example weightClass(ttf) // 400
 */
export function weightClass(sfnt: Uint8Array): number | undefined {
  const os2 = readSfnt(sfnt).tables.find((t) => t.tag === 'OS/2');
  return os2 && os2.data.length >= 6 ? u16(os2.data, 4) : undefined;
}

/** The names a face is known by (OpenType name IDs 1, 2, 4, 6, 16, 17). */
export interface FaceNames {
  readonly family: string;
  readonly subfamily: string;
  readonly full: string;
  readonly postscript: string;
  readonly typographicFamily: string;
  readonly typographicSubfamily: string;
}

/** Name IDs the rewrite owns: the family and style names, and the variable font's instance names. */
const FACE_NAME_IDS = new Set([1, 2, 3, 4, 6, 16, 17, 21, 22, 25]);

/**
 * Replaces a font's family and style names (IDs 1, 2, 4, 6, 16, 17) and drops the unique ID and
 * the variable-instance names that would repeat the old ones; the copyright, licence and
 * designer records stay as they are.
 * @example renameFace(ttf, faceNames('Noto Sans JP', 400));
 */
export function renameFace(sfnt: Uint8Array, names: FaceNames): Uint8Array {
  const font = readSfnt(sfnt);
  const old = font.tables.find((t) => t.tag === 'name');
  const kept = old ? readNameRecords(old.data).filter((r) => !FACE_NAME_IDS.has(r.nameId)) : [];
  const fresh: [number, string][] = [
    [1, names.family],
    [2, names.subfamily],
    [4, names.full],
    [6, names.postscript],
    [16, names.typographicFamily],
    [17, names.typographicSubfamily],
  ];
  const records: NameRecord[] = [...kept, ...fresh.map(([nameId, text]) => ({ platformId: 3, encodingId: 1, languageId: 0x409, nameId, bytes: utf16be(text) }))];
  records.sort((a, b) => a.platformId - b.platformId || a.encodingId - b.encodingId || a.languageId - b.languageId || a.nameId - b.nameId);
  const header = 6 + 12 * records.length;
  let storage = 0;
  for (const r of records) storage += r.bytes.length;
  const table = new Uint8Array(header + storage);
  const view = new DataView(table.buffer);
  view.setUint16(2, records.length);
  view.setUint16(4, header);
  let offset = 0;
  records.forEach((r, i) => {
    const at = 6 + 12 * i;
    view.setUint16(at, r.platformId);
    view.setUint16(at + 2, r.encodingId);
    view.setUint16(at + 4, r.languageId);
    view.setUint16(at + 6, r.nameId);
    view.setUint16(at + 8, r.bytes.length);
    view.setUint16(at + 10, offset);
    table.set(r.bytes, header + offset);
    offset += r.bytes.length;
  });
  return writeSfnt({ flavor: font.flavor, tables: [...font.tables.filter((t) => t.tag !== 'name'), { tag: 'name', data: table }] });
}

/** OpenType's usual words for the weight classes. */
const WEIGHT_WORDS: Record<number, string> = { 100: 'Thin', 200: 'ExtraLight', 300: 'Light', 400: 'Regular', 500: 'Medium', 600: 'SemiBold', 700: 'Bold', 800: 'ExtraBold', 900: 'Black' };

/** The word for a weight class ('Regular' for 400, 'SemiBold' for 600), the nearest hundred for an odd one. */
export function weightWord(weight: number): string {
  const hundred = Math.min(900, Math.max(100, Math.round(weight / 100) * 100));
  return WEIGHT_WORDS[hundred] as string;
}

/**
 * The names of a face of `family` drawn at `weight`, as OpenType asks: Regular and Bold are
 * styles of the family; any other weight is its own family for old readers (IDs 1–2) and a
 * style of the family for new ones (IDs 16–17).
 * @example faceNames('Noto Sans JP', 400).postscript // 'NotoSansJP-Regular'
 */
export function faceNames(family: string, weight: number): FaceNames {
  const word = weightWord(weight);
  const ribbi = word === 'Regular' || word === 'Bold';
  return {
    family: ribbi ? family : `${family} ${word}`,
    subfamily: ribbi ? word : 'Regular',
    full: `${family} ${word}`,
    postscript: `${family.replace(/[^A-Za-z0-9]/g, '')}-${word}`,
    typographicFamily: family,
    typographicSubfamily: word,
  };
}
