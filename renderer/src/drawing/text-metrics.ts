/**
 * Label measuring and wrapping without a DOM, and the theme's node geometry.
 *
 * The canvas (React Flow nodes) and the SVG / PNG / PDF export both draw the map from the same
 * computed layout, so the layout cannot ask a browser how wide a text is: the export must give
 * the same picture in a worker, in a headless run and in the Electron print window. Instead we
 * estimate every character's advance from the bundled fonts' own metrics:
 * - Latin, Latin-1, Latin Extended-A and Cyrillic: the advance widths of Noto Sans 400
 *   (@fontsource/noto-sans 5.3, read from the font's `hmtx` table), in 1/1000 em;
 * - Hangul syllables: 0.92 em (Noto Sans KR), Kana, Kanji and full-width forms: 1 em
 *   (Noto Sans JP); half-width Katakana 0.5 em;
 * - semibold / bold: the regular widths × the measured average growth of those weights.
 * Kerning only ever narrows a Noto Sans line, so the estimate errs on the wide side and a
 * wrapped line always fits its box when a browser draws it.
 *
 * Renderers should draw `LayoutNode.lines` one per line (white-space: pre, no browser
 * wrapping), so canvas and export break lines at the same places.
 *
 * Pure: no DOM, no React, no globals; safe in workers and in the export renderer.
 */

import { phraseBreaks } from './line-breaks';

// ---------------------------------------------------------------------------------------------
// Theme geometry: shared by the canvas nodes, the layout and the export renderer.
// ---------------------------------------------------------------------------------------------

/** The font stack the canvas and the export use (all bundled, see package.json). */
export const FONT_FAMILY = "'Noto Sans', 'Noto Sans JP', 'Noto Sans KR', sans-serif";

export type FontWeight = 'regular' | 'semibold' | 'bold';

/** CSS / SVG `font-weight` for each weight name. */
export const FONT_WEIGHT_VALUE: Readonly<Record<FontWeight, number>> = { regular: 400, semibold: 600, bold: 700 };

/** The character appended to a clipped label. */
export const ELLIPSIS = '…';

/** The kinds of box the mind map draws (the layout's `LayoutNode.type`). */
export type MindNodeType = 'root' | 'channel' | 'stage' | 'unsorted' | 'touchpoint' | 'detail';

/** How one kind of node is sized: its text box plus padding and border, clamped to a width range. */
export interface NodeGeometry {
  readonly fontSize: number;
  readonly fontWeight: FontWeight;
  /** px between baselines; a node is `lines × lineHeight + 2 × paddingY + borderY` tall. */
  readonly lineHeight: number;
  readonly paddingX: number;
  readonly paddingY: number;
  /** Border widths added up: left + right, top + bottom (boxes are `box-sizing: border-box`). */
  readonly borderX: number;
  readonly borderY: number;
  /** Width kept free beside the label for a chip: a group's count, a touchpoint's score. */
  readonly badgeWidth: number;
  readonly minWidth: number;
  /** Labels wrap inside `maxWidth − 2 × paddingX − borderX − badgeWidth`. */
  readonly maxWidth: number;
  /** More lines than this and the last one ends in '…' (the inspector shows the full text). */
  readonly maxLines: number;
}

/**
 * The geometry of each node type, in CSS px at zoom 1. The canvas CSS and the export renderer
 * draw boxes of exactly these sizes (a node is as wide as its widest line needs, within
 * `minWidth`–`maxWidth`).
 * - root: the business, the biggest type on the map, so the eye finds the centre first.
 * - channel (Online / Offline): the second step of the type scale, one short word.
 * - stage / unsorted: the header of a group; semibold 14 so it reads as a header above
 *   touchpoints set in regular 14; a 5 px channel-coloured bar on its left edge.
 * - touchpoint: 14 px, the body size; at most 220 px wide so a column of touchpoints stays a
 *   narrow, scannable list and a 40-character label takes two lines; 4 lines, then '…'.
 * - detail: one step smaller and narrower, so it reads as part of its touchpoint.
 * Badges: groups keep 44 px for the count chip (4 digits of 12 px semibold + padding + a 6 px
 * gap); touchpoints 12 px so the score chip (≈ 24 px, in the top-right corner over the padding)
 * never covers the first line. Line heights are ≈ 1.4 × the font size, enough for Kanji and
 * Hangul as well as Latin.
 */
export const NODE_GEOMETRY: Readonly<Record<MindNodeType, NodeGeometry>> = {
  root: { fontSize: 20, fontWeight: 'bold', lineHeight: 28, paddingX: 20, paddingY: 14, borderX: 3, borderY: 3, badgeWidth: 0, minWidth: 120, maxWidth: 280, maxLines: 3 },
  channel: { fontSize: 16, fontWeight: 'bold', lineHeight: 22, paddingX: 16, paddingY: 10, borderX: 3, borderY: 3, badgeWidth: 44, minWidth: 120, maxWidth: 240, maxLines: 2 },
  stage: { fontSize: 14, fontWeight: 'semibold', lineHeight: 20, paddingX: 12, paddingY: 8, borderX: 5, borderY: 0, badgeWidth: 44, minWidth: 120, maxWidth: 240, maxLines: 2 },
  unsorted: { fontSize: 14, fontWeight: 'semibold', lineHeight: 20, paddingX: 12, paddingY: 8, borderX: 5, borderY: 0, badgeWidth: 44, minWidth: 120, maxWidth: 240, maxLines: 2 },
  touchpoint: { fontSize: 14, fontWeight: 'regular', lineHeight: 20, paddingX: 12, paddingY: 8, borderX: 3, borderY: 3, badgeWidth: 12, minWidth: 72, maxWidth: 220, maxLines: 4 },
  detail: { fontSize: 13, fontWeight: 'regular', lineHeight: 18, paddingX: 10, paddingY: 6, borderX: 2, borderY: 2, badgeWidth: 0, minWidth: 48, maxWidth: 200, maxLines: 3 },
};

/** The box a label needs: its wrapped lines and the node's outer size. */
export interface LabelBox extends WrappedLabel {
  readonly nodeWidth: number;
  readonly nodeHeight: number;
}

/**
 * Wraps a label for a node type and sizes the node around it (whole px, so edges and borders
 * land on pixel boundaries in the canvas and the export alike).
 * @example sizeLabel('Context ad', NODE_GEOMETRY.touchpoint) // { lines: ['Context ad'], nodeWidth: 111, nodeHeight: 39, … }
 */
export function sizeLabel(label: string, g: NodeGeometry): LabelBox {
  const chrome = 2 * g.paddingX + g.borderX + g.badgeWidth;
  const wrapped = wrapLabel(label, g.maxWidth - chrome, g.fontSize, g.maxLines, g.fontWeight);
  const nodeWidth = Math.min(g.maxWidth, Math.max(g.minWidth, Math.ceil(wrapped.width + chrome)));
  const nodeHeight = Math.ceil(wrapped.lines.length * g.lineHeight + 2 * g.paddingY + g.borderY);
  // A literal, not a spread: one object shape for every box keeps the layout's reads fast.
  return { lines: wrapped.lines, width: wrapped.width, clipped: wrapped.clipped, nodeWidth, nodeHeight };
}

/** Horizontal gap between the root's edge and the first column: room for the edges to fan out. */
export const ROOT_GAP = 64;
/**
 * Horizontal gap between two columns: room for a curved edge, and for a node's collapse toggle
 * (a ~20 px chip with the hidden count drawn just outside its outer edge).
 */
export const LEVEL_GAP = 48;
/** Vertical gap between first-level groups (Online / no-channel, or the stages): the map's big blocks. */
export const TOP_GROUP_GAP = 32;
/** Vertical gap between deeper groups (the stages of a channel): each stage reads as its own block. */
export const GROUP_GAP = 20;
/** Vertical gap between sibling touchpoints: close enough to read as one list. */
export const TOUCHPOINT_GAP = 10;
/** Vertical gap between sibling details: tighter still, they belong to one touchpoint. */
export const DETAIL_GAP = 6;

// ---------------------------------------------------------------------------------------------
// Character widths
// ---------------------------------------------------------------------------------------------

/** Noto Sans 400 advances of U+0020–U+007E, 1/1000 em. */
// prettier-ignore
const ASCII = [
  260, 269, 408, 646, 572, 831, 732, 225, 300, 300, 551, 572, 268, 322, 268, 372,
  572, 572, 572, 572, 572, 572, 572, 572, 572, 572, 268, 268, 572, 572, 572, 434,
  899, 639, 650, 632, 730, 556, 519, 728, 741, 339, 273, 619, 524, 907, 760, 781,
  605, 781, 622, 549, 556, 731, 600, 930, 586, 566, 572, 329, 372, 329, 572, 444,
  281, 561, 615, 480, 615, 564, 344, 615, 618, 258, 258, 534, 258, 935, 618, 605,
  615, 615, 413, 479, 361, 618, 508, 786, 529, 510, 470, 380, 551, 380, 572,
];
/** Noto Sans 400 advances of U+00A0–U+017F (Latin-1 Supplement, Latin Extended-A). */
// prettier-ignore
const LATIN = [
  260, 269, 572, 572, 572, 572, 551, 513, 580, 832, 357, 509, 572, 322, 832, 500,
  428, 572, 350, 350, 281, 623, 655, 268, 225, 350, 376, 509, 745, 771, 781, 434,
  639, 639, 639, 639, 639, 639, 881, 632, 556, 556, 556, 556, 339, 339, 339, 339,
  730, 760, 781, 781, 781, 781, 781, 572, 781, 731, 731, 731, 731, 566, 605, 631,
  561, 561, 561, 561, 561, 561, 864, 480, 564, 564, 564, 564, 258, 258, 258, 258,
  605, 618, 605, 605, 605, 605, 605, 572, 605, 618, 618, 618, 618, 510, 615, 510,
  639, 561, 639, 561, 639, 561, 632, 480, 632, 480, 632, 480, 632, 480, 730, 615,
  730, 617, 556, 564, 556, 564, 556, 564, 556, 564, 556, 564, 728, 615, 728, 615,
  728, 615, 728, 615, 741, 618, 741, 618, 339, 258, 339, 258, 339, 258, 339, 258,
  339, 258, 612, 516, 273, 258, 619, 534, 534, 524, 258, 524, 258, 524, 258, 524,
  268, 524, 258, 760, 618, 760, 618, 760, 618, 688, 760, 618, 781, 605, 781, 605,
  781, 605, 928, 946, 622, 413, 622, 413, 622, 413, 549, 479, 549, 479, 549, 479,
  549, 479, 556, 361, 556, 361, 556, 361, 731, 618, 731, 618, 731, 618, 731, 618,
  731, 618, 731, 618, 930, 786, 566, 510, 566, 572, 470, 572, 470, 572, 470, 326,
];
/** Noto Sans 400 advances of U+0400–U+045F (Cyrillic). */
// prettier-ignore
const CYRILLIC = [
  556, 556, 716, 509, 639, 549, 284, 284, 273, 1010, 1027, 715, 625, 756, 616, 731,
  638, 614, 650, 509, 729, 556, 905, 577, 756, 756, 625, 698, 907, 743, 761, 733,
  605, 640, 556, 616, 817, 588, 740, 673, 1035, 1026, 685, 849, 607, 647, 999, 638,
  556, 597, 564, 438, 607, 551, 759, 488, 621, 621, 531, 587, 768, 614, 594, 606,
  608, 493, 465, 509, 737, 511, 612, 589, 894, 897, 623, 759, 545, 494, 799, 577,
  551, 551, 619, 438, 493, 468, 258, 258, 258, 859, 890, 621, 531, 621, 509, 606,
];
/** Noto Sans 400 advances of the common general punctuation (dashes, quotes, ellipsis…). */
const PUNCTUATION: ReadonlyMap<number, number> = new Map([
  [0x2013, 500], [0x2014, 1000], [0x2018, 175], [0x2019, 175], [0x201a, 250], [0x201c, 359],
  [0x201d, 359], [0x201e, 416], [0x2020, 512], [0x2022, 376], [0x2026, 791], [0x2039, 310],
  [0x203a, 310], [0x20ac, 572], [0x2116, 1020], [0x2122, 773],
]);

/** Average growth of Latin + Cyrillic advances at 600 and 700 over 400 (measured: 1.03–1.04, 1.05–1.07). */
const WEIGHT_FACTOR: Readonly<Record<FontWeight, number>> = { regular: 1, semibold: 1.04, bold: 1.07 };

/** A character we have no table for (Greek, Arabic, Thai…): a wide-ish average, to err on the safe side. */
const DEFAULT_WIDTH = 620;
const HANGUL_WIDTH = 920;
const FULL_WIDTH = 1000;

/** True for characters that CJK line breaking may break before or after (Kana, Kanji, CJK punctuation, full-width forms). */
export function isIdeographic(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x303f) || // CJK radicals, Kangxi, ideographic description, CJK symbols & punctuation
    (cp >= 0x3040 && cp <= 0x30ff) || // Hiragana, Katakana
    (cp >= 0x31c0 && cp <= 0x31ff) || // CJK strokes, Katakana phonetic extensions
    (cp >= 0x3200 && cp <= 0x4dbf) || // enclosed CJK, CJK compatibility, Extension A
    (cp >= 0x4e00 && cp <= 0x9fff) || // CJK unified ideographs
    (cp >= 0xf900 && cp <= 0xfaff) || // CJK compatibility ideographs
    (cp >= 0xfe30 && cp <= 0xfe4f) || // CJK compatibility forms
    (cp >= 0xff00 && cp <= 0xffef) || // half- and full-width forms
    cp >= 0x1f000 // emoji and supplementary ideographs (Extension B…)
  );
}

/** Advance of one code point in 1/1000 em at regular weight. */
function advance(cp: number): number {
  if (cp < 0x7f) return cp >= 0x20 ? (ASCII[cp - 0x20] as number) : cp === 0x09 ? 260 : 0;
  if (cp < 0xa0) return 0; // C1 controls
  if (cp < 0x180) return LATIN[cp - 0xa0] as number;
  if (cp >= 0x300 && cp <= 0x36f) return 0; // combining diacritics sit on the previous letter
  if (cp >= 0x400 && cp <= 0x45f) return CYRILLIC[cp - 0x400] as number;
  if (cp >= 0xac00 && cp <= 0xd7a3) return HANGUL_WIDTH;
  if (cp >= 0x2000 && cp <= 0x206f) {
    if ((cp >= 0x200b && cp <= 0x200f) || (cp >= 0x2060 && cp <= 0x2064)) return 0; // zero-width marks
    if (cp <= 0x200a) return 260; // the typographic spaces: about a word space
    return PUNCTUATION.get(cp) ?? 500;
  }
  if (cp >= 0x20a0 && cp <= 0x214f) return PUNCTUATION.get(cp) ?? 620;
  if (cp >= 0xfe00 && cp <= 0xfe0f) return 0; // variation selectors
  if (cp >= 0xff61 && cp <= 0xffdc) return 500; // half-width Katakana and Hangul
  if ((cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3130 && cp <= 0x318f) || (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xd7b0 && cp <= 0xd7ff)) return FULL_WIDTH; // Hangul jamo
  if (isIdeographic(cp)) return FULL_WIDTH;
  return DEFAULT_WIDTH;
}

/** Bold makes proportional (Latin, Cyrillic…) glyphs wider; CJK and Hangul keep their em box. */
function weighted(units: number, factor: number): number {
  return factor === 1 || units === FULL_WIDTH || units === HANGUL_WIDTH ? units : units * factor;
}

// Per-character facts of the Basic Multilingual Plane in two flat tables (192 KB), each entry
// filled the first time its character is met, so the wrapping loop does two array reads per
// character and opening a map does not first classify 65,536 code points (≈ 25 ms in a browser).
const F_SPACE = 1; // a break may follow; hangs past the line end
const F_IDEOGRAPHIC = 2; // a break may come before or after (Kana, Kanji, CJK punctuation)
const F_NO_BREAK_BEFORE = 4; // never starts a line (kinsoku closers, small kana, zero-width marks)
const F_NO_BREAK_AFTER = 8; // never ends a line (kinsoku openers)
const F_FIXED = 16; // full-width or Hangul: bold does not widen it

interface CharTables {
  readonly advance: Uint16Array;
  readonly flags: Uint8Array;
}
let bmpTables: CharTables | null = null;

function classify(cp: number, units: number): number {
  let flags = 0;
  if (isSpace(cp)) flags |= F_SPACE;
  if (isIdeographic(cp)) flags |= F_IDEOGRAPHIC;
  if (NO_BREAK_BEFORE.has(cp) || units === 0) flags |= F_NO_BREAK_BEFORE;
  if (NO_BREAK_AFTER.has(cp)) flags |= F_NO_BREAK_AFTER;
  if (units === FULL_WIDTH || units === HANGUL_WIDTH) flags |= F_FIXED;
  return flags;
}

/** An advance no character has: the entry is not filled yet. */
const UNKNOWN = 0xffff;

function charTables(): CharTables {
  bmpTables ??= { advance: new Uint16Array(0x10000).fill(UNKNOWN), flags: new Uint8Array(0x10000) };
  return bmpTables;
}

/** Fills the tables' entry of a BMP code point on first use; returns its advance. */
function learn(cp: number, t: CharTables): number {
  const units = advance(cp);
  t.advance[cp] = units;
  t.flags[cp] = classify(cp, units);
  return units;
}

/** Advance in 1/1000 em at a weight's factor. */
function unitsOf(cp: number, factor: number, t: CharTables): number {
  if (cp < 0x10000) {
    let units = t.advance[cp] as number;
    if (units === UNKNOWN) units = learn(cp, t);
    return factor === 1 || ((t.flags[cp] as number) & F_FIXED) !== 0 ? units : units * factor;
  }
  return weighted(advance(cp), factor);
}

function flagsOf(cp: number, t: CharTables): number {
  if (cp >= 0x10000) return classify(cp, advance(cp));
  if (t.advance[cp] === UNKNOWN) learn(cp, t);
  return t.flags[cp] as number;
}

/**
 * The advance of one code point in px.
 * @example charWidth('W'.codePointAt(0)!, 14) // 13.02
 */
export function charWidth(cp: number, fontSize: number, weight: FontWeight = 'regular'): number {
  return (unitsOf(cp, WEIGHT_FACTOR[weight], charTables()) * fontSize) / 1000;
}

/**
 * The width of a single-line text in px (no wrapping).
 * @example measureText('Context ad', 14) // ≈ 71.5
 */
export function measureText(text: string, fontSize: number, weight: FontWeight = 'regular'): number {
  const factor = WEIGHT_FACTOR[weight];
  const t = charTables();
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    let cp = text.charCodeAt(i);
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < text.length) {
      const lo = text.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        i++;
      }
    }
    units += unitsOf(cp, factor, t);
  }
  return (units * fontSize) / 1000;
}

// ---------------------------------------------------------------------------------------------
// Wrapping
// ---------------------------------------------------------------------------------------------

/** Japanese / Chinese line-breaking rules (kinsoku): these never start a line… */
const NO_BREAK_BEFORE: ReadonlySet<number> = new Set(
  Array.from('、。，．・：；？！ー〜～…‥」』）】〕〉》｝］’”ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ)]},.:;!?%', (c) => c.codePointAt(0) as number),
);
/** …and these never end one. */
const NO_BREAK_AFTER: ReadonlySet<number> = new Set(Array.from('「『（【〔〈《｛［‘“([{', (c) => c.codePointAt(0) as number));

function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0xa0 || (cp >= 0x2000 && cp <= 0x200a);
}

function isDigit(cp: number): boolean {
  return cp >= 0x30 && cp <= 0x39;
}

/**
 * May a line break fall between two visible characters (the one at index `at` and the one
 * before it)? In Japanese, between phrases (`phrases`, from line-breaks.ts); in Chinese text the
 * phrase model does not cover, between any two ideographic characters; and after a hyphen in a
 * word. Kinsoku pairs never. Latin, Cyrillic and Hangul otherwise break only at spaces (Korean
 * writes spaces between words, and keeping its words whole is the typographic norm, like CSS
 * `word-break: keep-all`) and after punctuation joining two Korean words. A word or phrase too
 * long for a line is broken between characters anyway, still keeping kinsoku where it can.
 */
function canBreakBetween(prev: number, prevFlags: number, cp: number, flags: number, phrases: Uint8Array | null, at: number): boolean {
  if (!kinsokuAllows(prevFlags, flags)) return false;
  if (phrases !== null) {
    // Japanese and Korean: between phrases only (line-breaks.ts), never inside "ソフトウェア"
    if (phrases[at] === 1) return true;
    if (((prevFlags | flags) & F_IDEOGRAPHIC) !== 0) return false;
  } else if (((prevFlags | flags) & F_IDEOGRAPHIC) !== 0) return true;
  return prev === 0x2d && !isDigit(cp);
}

/** Kinsoku: no line starts with a closer (、。」）ー・…) and none ends with an opener (「（). */
function kinsokuAllows(prevFlags: number, flags: number): boolean {
  return (flags & F_NO_BREAK_BEFORE) === 0 && (prevFlags & F_NO_BREAK_AFTER) === 0;
}

export interface WrappedLabel {
  /** The lines to draw, in order; never empty (an empty label gives one empty line). */
  readonly lines: string[];
  /** The widest line in px (after clipping). */
  readonly width: number;
  /** True when the label did not fit in `maxLines` and the last line ends in '…'. */
  readonly clipped: boolean;
}

/**
 * Breaks a label into lines no wider than `maxWidth` px: at spaces (and after hyphens) in Latin,
 * Cyrillic and Hangul, between any two Kana / Kanji (kinsoku respected), inside a word only when
 * the word alone is too wide. Newlines in the label are kept. Past `maxLines` the last line is
 * shortened to end in '…'. Reads the label once and stops at the last line that fits, so a
 * 10,000-character label costs as much as a short one.
 * @example wrapLabel('Booking by phone with the reception', 120, 14, 2)
 * // { lines: ['Booking by phone', 'with the reception'], width: 119.9, clipped: false }
 */
export function wrapLabel(label: string, maxWidth: number, fontSize: number, maxLines: number, weight: FontWeight = 'regular'): WrappedLabel {
  const limit = Math.max(1, Math.floor(maxLines));
  const factor = WEIGHT_FACTOR[weight];
  const t = charTables();
  // Work in font units (1/1000 em) so every sum is exact; convert to px only at the end.
  const maxUnits = (maxWidth * 1000) / fontSize;
  const lines: string[] = [];
  const widths: number[] = [];
  const n = label.length;
  // Phrase boundaries cost a model look-up per character: only a label that must wrap needs them
  const phrases = label.indexOf('\n') >= 0 || measureText(label, fontSize, weight) > maxWidth ? phraseBreaks(label) : null;

  let lineStart = -1; // first index of the current line; -1 while the line is empty
  let lineUnits = 0; // width of [lineStart, i), trailing spaces included
  let contentEnd = -1; // end of the last visible character of the line
  let contentUnits = 0; // width of [lineStart, contentEnd)
  let breakEnd = -1; // a break opportunity: the line would end here…
  let breakEndUnits = 0;
  let breakNext = -1; // …and the next one start here
  let breakNextUnits = 0; // width of [lineStart, breakNext)
  let softEnd = -1; // the last place kinsoku allows a break inside a word or phrase (a last resort)
  let softUnits = 0;
  let prev = 0; // the previous visible code point on this line
  let prevFlags = 0;
  let clipped = false;

  const push = (start: number, end: number, units: number): void => {
    lines.push(label.slice(start, end));
    widths.push(units);
  };
  /** After a forced break: does anything visible follow? (One forward scan, then we stop.) */
  const restIsBlank = (from: number): boolean => {
    for (let k = from; k < n; k++) {
      const c = label.charCodeAt(k);
      if (!isSpace(c) && c !== 0x0a && c !== 0x0d) return false;
    }
    return true;
  };

  let i = 0;
  while (i < n) {
    let cp = label.charCodeAt(i);
    let size = 1;
    if (cp >= 0xd800 && cp <= 0xdbff && i + 1 < n) {
      const lo = label.charCodeAt(i + 1);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = ((cp - 0xd800) << 10) + (lo - 0xdc00) + 0x10000;
        size = 2;
      }
    }

    if (cp === 0x0a) {
      // A newline the author typed: end the line here (blank lines kept, leading ones dropped).
      if (lineStart >= 0) push(lineStart, contentEnd, contentUnits);
      else if (lines.length > 0) push(i, i, 0);
      lineStart = -1;
      lineUnits = 0;
      breakEnd = -1;
      softEnd = -1;
      prev = 0;
      i += 1;
      if (lines.length >= limit) {
        clipped = !restIsBlank(i);
        break;
      }
      continue;
    }
    if (cp === 0x0d) {
      i += 1;
      continue;
    }

    const flags = flagsOf(cp, t);
    const units = unitsOf(cp, factor, t);
    if ((flags & F_SPACE) !== 0) {
      // Spaces hang past the line end (they never overflow); a break may come after them.
      if (lineStart >= 0) {
        lineUnits += units;
        breakEnd = contentEnd;
        breakEndUnits = contentUnits;
        breakNext = i + size;
        breakNextUnits = lineUnits;
      }
      i += size;
      continue;
    }

    if (lineStart < 0) {
      lineStart = i;
      lineUnits = 0;
      contentEnd = i;
      contentUnits = 0;
      breakEnd = -1;
      softEnd = -1;
    } else if (contentEnd === i) {
      if (canBreakBetween(prev, prevFlags, cp, flags, phrases, i)) {
        breakEnd = i;
        breakEndUnits = lineUnits;
        breakNext = i;
        breakNextUnits = lineUnits;
      }
      if (kinsokuAllows(prevFlags, flags)) {
        softEnd = i;
        softUnits = lineUnits;
      }
    }

    // Overflow: break at the last opportunity, or inside the word when there is none.
    while (lineUnits + units > maxUnits && lineStart < i) {
      if (breakEnd > lineStart) {
        push(lineStart, breakEnd, breakEndUnits);
        lineStart = breakNext;
        lineUnits -= breakNextUnits;
        contentEnd = i; // [breakNext, i) holds no space: every space moved breakNext past it
        // a last resort inside the phrase now starting the line stays one
        if (softEnd > lineStart) softUnits -= breakNextUnits;
        else softEnd = -1;
      } else if (softEnd > lineStart) {
        push(lineStart, softEnd, softUnits);
        lineStart = softEnd;
        lineUnits -= softUnits;
        softEnd = -1;
      } else {
        push(lineStart, contentEnd, contentUnits);
        lineStart = i;
        lineUnits = 0;
        softEnd = -1;
      }
      contentUnits = lineUnits;
      breakEnd = -1;
      if (lines.length >= limit) {
        clipped = true;
        break;
      }
    }
    if (clipped) break;

    lineUnits += units;
    contentEnd = i + size;
    contentUnits = lineUnits;
    prev = cp;
    prevFlags = flags;
    i += size;
  }

  if (!clipped && lineStart >= 0 && contentEnd > lineStart) push(lineStart, contentEnd, contentUnits);
  while (lines.length > 1 && lines[lines.length - 1] === '') {
    lines.pop();
    widths.pop();
  }
  if (lines.length === 0) {
    lines.push('');
    widths.push(0);
  }

  if (clipped) {
    const last = lines.length - 1;
    const clippedLine = withEllipsis(lines[last] as string, widths[last] as number, maxUnits, factor, t);
    lines[last] = clippedLine.text;
    widths[last] = clippedLine.units;
  }

  let widest = 0;
  for (const w of widths) if (w > widest) widest = w;
  return { lines, width: (widest * fontSize) / 1000, clipped };
}

/** Shortens a line from its end until the line plus '…' fits, then appends '…'. */
function withEllipsis(line: string, units: number, maxUnits: number, factor: number, t: CharTables): { text: string; units: number } {
  const ellipsis = unitsOf(0x2026, factor, t);
  let end = line.length;
  let width = units;
  const trimSpaces = (): void => {
    while (end > 0 && isSpace(line.charCodeAt(end - 1))) {
      end -= 1;
      const space = line.charCodeAt(end);
      width -= unitsOf(space, factor, t);
    }
  };
  trimSpaces();
  while (end > 0 && width + ellipsis > maxUnits) {
    let cp = line.charCodeAt(end - 1);
    let size = 1;
    if (cp >= 0xdc00 && cp <= 0xdfff && end >= 2) {
      const hi = line.charCodeAt(end - 2);
      if (hi >= 0xd800 && hi <= 0xdbff) {
        cp = ((hi - 0xd800) << 10) + (cp - 0xdc00) + 0x10000;
        size = 2;
      }
    }
    end -= size;
    width -= unitsOf(cp, factor, t);
    trimSpaces();
  }
  return { text: line.slice(0, end) + ELLIPSIS, units: Math.max(0, width) + ellipsis };
}
