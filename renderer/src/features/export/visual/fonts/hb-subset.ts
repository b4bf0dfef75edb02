/**
 * Cuts a font down to the characters a map draws, with HarfBuzz's subsetter (harfbuzzjs's
 * `harfbuzz-subset.wasm`) — the same calls the `subset-font` package makes, without its Node
 * file reading and Buffer, so they run in the renderer. The wasm module is given by the caller:
 * the renderer fetches the bundled asset (font-subset.ts), the tests read it from disk.
 */

/** The subsetter's exports that are used here (harfbuzz's C API, compiled to wasm). */
export interface HarfBuzzSubset {
  readonly memory: WebAssembly.Memory;
  malloc(size: number): number;
  free(pointer: number): void;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_set_flags(input: number, flags: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_NAME_ID = 4;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
/** Tables a PDF's glyphs never use: the writer places each glyph by its advance (no shaping), and prints no hints. */
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'MATH', 'vhea', 'vmtx', 'VORG', 'STAT', 'gasp', 'kern'];
const tagValue = (tag: string) => ((tag.charCodeAt(0) << 24) | (tag.charCodeAt(1) << 16) | (tag.charCodeAt(2) << 8) | tag.charCodeAt(3)) >>> 0;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/** The copyright, designer and licence names travel with the glyphs (the font's licence asks for it). */
const KEPT_NAME_IDS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 12, 13, 14];

/**
 * Instantiates the subsetter from its wasm bytes (it imports nothing).
 * @example const hb = await instantiateSubsetter(await (await fetch(wasmUrl)).arrayBuffer());
 */
export async function instantiateSubsetter(wasm: BufferSource): Promise<HarfBuzzSubset> {
  const { instance } = await WebAssembly.instantiate(wasm);
  const exports = instance.exports as unknown as HarfBuzzSubset & { _initialize?: () => void };
  exports._initialize?.();
  return exports;
}

export interface SubsetOptions {
  /**
   * For the PDF writer's /FontFile2: no layout tables (GSUB, GPOS… — the writer does not shape),
   * no hinting. Otherwise every layout feature is kept, for a browser that shapes the text (SVG).
   */
  readonly forPdf?: boolean;
}

/**
 * A TrueType/OpenType font holding only the glyphs for `codePoints` (and what they need: their
 * composites, ligatures, the notdef glyph), every layout feature kept.
 * @example const small = subsetSfnt(hb, notoJp, new Set([...'予約'].map((c) => c.codePointAt(0)!)));
 */
export function subsetSfnt(hb: HarfBuzzSubset, sfnt: Uint8Array, codePoints: Iterable<number>, options: SubsetOptions = {}): Uint8Array {
  const heap = () => new Uint8Array(hb.memory.buffer); // growth detaches older views
  const input = hb.hb_subset_input_create_or_fail();
  if (input === 0) throw new Error('The font subsetter could not start (harfbuzz hb_subset_input_create_or_fail).');
  const buffer = hb.malloc(sfnt.byteLength);
  heap().set(sfnt, buffer);
  const blob = hb.hb_blob_create(buffer, sfnt.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = hb.hb_face_create(blob, 0);
  hb.hb_blob_destroy(blob);
  try {
    const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
    hb.hb_set_clear(features);
    if (options.forPdf) {
      // No layout closure and no hints: the smallest font that draws these glyphs, made fastest.
      const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
      for (const tag of LAYOUT_TABLES) hb.hb_set_add(drop, tagValue(tag));
      hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING);
    } else {
      hb.hb_set_invert(features);
    }
    const names = hb.hb_subset_input_set(input, HB_SUBSET_SETS_NAME_ID);
    for (const id of KEPT_NAME_IDS) hb.hb_set_add(names, id);
    const unicodes = hb.hb_subset_input_unicode_set(input);
    for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
    const subset = hb.hb_subset_or_fail(face, input);
    if (subset === 0) throw new Error('The font subsetter refused the bundled font (harfbuzz hb_subset_or_fail); is the file damaged?');
    const result = hb.hb_face_reference_blob(subset);
    const at = hb.hb_blob_get_data(result, 0);
    const length = hb.hb_blob_get_length(result);
    const out = heap().slice(at, at + length);
    hb.hb_blob_destroy(result);
    hb.hb_face_destroy(subset);
    if (length === 0) throw new Error('The font subsetter made an empty font.');
    return out;
  } finally {
    hb.hb_subset_input_destroy(input);
    hb.hb_face_destroy(face);
    hb.free(buffer);
  }
}
