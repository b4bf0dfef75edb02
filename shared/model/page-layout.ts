/**
 * PDF page arithmetic: the ONE function that turns a map's size and the page options into page
 * size, scale, margins and the part of the map each page shows (ARCHITECTURE.md "Exports").
 * The Electron print window (`webContents.printToPDF`), the headless export and the tests
 * (`page.pdf()`) all call it, so what the dialog previews is what prints.
 *
 * Units: the map in CSS px (96 per inch, what the export SVG uses); pages in inches. `scale` is
 * printed size over map size, so a map 960 px wide at scale 0.5 prints 5 in wide.
 */
import { EXPORT_WORDS } from '../i18n/export-words';
import { fill, wordsOf } from '../i18n/message-language';

/** CSS px per inch: Chromium prints 1 CSS px as 1/96 in. */
export const CSS_PX_PER_IN = 96;

/**
 * Pages stay within 200 in a side: many PDF viewers (Acrobat's limit is 200 in) show larger
 * pages blank.
 */
export const MAX_PAGE_IN = 200;

/**
 * "Fit" never enlarges a small map more than 2×: beyond that a three-topic map turns into
 * billboard lettering; it is centred on the page instead.
 */
export const MAX_FIT_UPSCALE = 2;

/** Below this scale labels (≈13 px on screen) print under ~5 pt, so "fit" adds a notice pointing to poster. */
export const READABLE_SCALE = 0.5;

/** Poster prints the map at its on-screen size unless asked otherwise. */
export const DEFAULT_POSTER_SCALE = 1;

/** About 1 cm of each poster page repeats on its neighbour: room to trim and glue, and for the overlap marks. */
export const DEFAULT_OVERLAP_IN = 0.4;

/** A "fit page to map" page is never smaller than this, so a near-empty map still gives a printable page. */
export const MIN_PAGE_IN = 1;

export type PageMode = 'fit' | 'poster' | 'fit-page-to-map';
/** `auto`: whichever orientation prints the map larger (landscapeFor). */
export type Orientation = 'auto' | 'landscape' | 'portrait';
/** A slide's shape to centre the picture in; `none` keeps the map's own shape. */
export type SlideFrame = 'none' | '16:9' | '4:3';

/** Width over height of each slide frame. */
export const SLIDE_ASPECT: Readonly<Record<Exclude<SlideFrame, 'none'>, number>> = { '16:9': 16 / 9, '4:3': 4 / 3 };
export type Paper = 'a4' | 'a3' | 'letter';

/** Portrait paper sizes in inches (ISO 216 in mm ÷ 25.4; US Letter 8.5 × 11). */
export const PAPER_SIZES_IN: Readonly<Record<Paper, { readonly width: number; readonly height: number }>> = {
  a4: { width: 210 / 25.4, height: 297 / 25.4 },
  a3: { width: 297 / 25.4, height: 420 / 25.4 },
  letter: { width: 8.5, height: 11 },
};

export interface PagePlanInput {
  /** The map's bounds in CSS px (96 per inch). */
  readonly content: { readonly width: number; readonly height: number };
  readonly mode: PageMode;
  /** For `fit` and `poster`; `fit-page-to-map` makes its own page size. */
  readonly paper: Paper;
  /** For `fit` and `poster`. */
  readonly landscape: boolean;
  /** Blank border on every side of every page, in inches. Always explicit: Electron and Playwright default differently. */
  readonly marginIn: number;
  /** Poster only: printed size over map size; default 1 (the size on screen). */
  readonly posterScale?: number;
  /** Poster only: how much of each page repeats on the next, in inches; default `DEFAULT_OVERLAP_IN`. */
  readonly overlapIn?: number;
  /** Largest page side in inches; default `MAX_PAGE_IN`. */
  readonly maxPageIn?: number;
}

/** What one page shows: a rectangle of the map in map px (may reach past the map, centring it). */
export interface PageViewport {
  readonly col: number;
  readonly row: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface PagePlan {
  readonly pageWidthIn: number;
  readonly pageHeightIn: number;
  readonly marginIn: number;
  /** Printed size over map size. */
  readonly scale: number;
  /** Row by row, left to right: the order pages print in. */
  readonly pages: readonly PageViewport[];
  readonly columns: number;
  readonly rows: number;
  /** A sentence for the export dialog when the result is not what the user might assume (scaled down, small print). */
  readonly notice?: string;
}

/**
 * Plans the pages of a PDF export.
 *
 * - `fit`: one page of the chosen paper; the map scaled to fit inside the margins (at most
 *   `MAX_FIT_UPSCALE`×) and centred.
 * - `poster`: the map at `posterScale` (1 = on-screen size) over as many pages as needed, each
 *   repeating `overlapIn` of its neighbour; the grid is centred on the map.
 * - `fit-page-to-map`: one page the map's size plus margins (paper and orientation do not apply).
 *   A side over `maxPageIn` scales the map down to fit, with a notice that says so.
 *
 * Each page's viewport is its printable area (page minus margins) in map px: the renderer
 * translates the SVG by `-x, -y`, scales it by `scale` and clips to the margins.
 *
 * @throws RangeError for sizes that are not finite, negative margins, margins that leave no
 *   printable area, a non-positive poster scale, or an overlap as large as the printable area
 * @example
 * planPages({ content: { width: 2400, height: 1200 }, mode: 'fit', paper: 'a4', landscape: true, marginIn: 0.5 });
 * // → { pageWidthIn: 11.69…, pageHeightIn: 8.27…, scale: 0.427…, columns: 1, rows: 1, pages: [{ x: 0, y: -…, … }] }
 * planPages({ content: { width: 2400, height: 1200 }, mode: 'poster', paper: 'a4', landscape: true, marginIn: 0.5 });
 * // → 3 × 2 pages at scale 1
 */
export function planPages(input: PagePlanInput): PagePlan {
  const { mode, marginIn } = input;
  const maxPageIn = input.maxPageIn ?? MAX_PAGE_IN;
  const { width: rawWidth, height: rawHeight } = input.content;
  if (!Number.isFinite(rawWidth) || !Number.isFinite(rawHeight) || rawWidth < 0 || rawHeight < 0) {
    throw new RangeError(`The map's size must be finite and not negative; got ${rawWidth} × ${rawHeight} px.`);
  }
  if (!Number.isFinite(marginIn) || marginIn < 0) throw new RangeError(`Margins must be 0 in or more; got ${marginIn}.`);
  // An empty map has zero size; one pixel keeps every division below finite and still centres it.
  const content = { width: Math.max(1, rawWidth), height: Math.max(1, rawHeight) };

  if (mode === 'fit-page-to-map') return fitPageToMap(content, marginIn, maxPageIn);

  const paper = PAPER_SIZES_IN[input.paper];
  const pageWidthIn = input.landscape ? paper.height : paper.width;
  const pageHeightIn = input.landscape ? paper.width : paper.height;
  const areaWidthIn = pageWidthIn - 2 * marginIn;
  const areaHeightIn = pageHeightIn - 2 * marginIn;
  if (areaWidthIn <= 0 || areaHeightIn <= 0) {
    throw new RangeError(`Margins of ${marginIn} in leave nothing to print on a ${round2(pageWidthIn)} × ${round2(pageHeightIn)} in page.`);
  }

  if (mode === 'fit') {
    const scale = Math.min((areaWidthIn * CSS_PX_PER_IN) / content.width, (areaHeightIn * CSS_PX_PER_IN) / content.height, MAX_FIT_UPSCALE);
    const width = (areaWidthIn * CSS_PX_PER_IN) / scale;
    const height = (areaHeightIn * CSS_PX_PER_IN) / scale;
    const page: PageViewport = { col: 0, row: 0, x: (content.width - width) / 2, y: (content.height - height) / 2, width, height };
    const notice =
      scale < READABLE_SCALE
        ? fill(wordsOf(EXPORT_WORDS).fitTooSmall, { percent: percent(scale) })
        : undefined;
    return plan({ pageWidthIn, pageHeightIn, marginIn, scale, pages: [page], columns: 1, rows: 1, notice });
  }

  // poster
  const scale = input.posterScale ?? DEFAULT_POSTER_SCALE;
  if (!Number.isFinite(scale) || scale <= 0) throw new RangeError(`The poster scale must be more than 0; got ${scale}.`);
  const overlapIn = input.overlapIn ?? DEFAULT_OVERLAP_IN;
  if (!Number.isFinite(overlapIn) || overlapIn < 0 || overlapIn >= Math.min(areaWidthIn, areaHeightIn)) {
    throw new RangeError(`The poster overlap must be 0 in or more and less than the printable area (${round2(Math.min(areaWidthIn, areaHeightIn))} in); got ${overlapIn}.`);
  }
  const width = (areaWidthIn * CSS_PX_PER_IN) / scale;
  const height = (areaHeightIn * CSS_PX_PER_IN) / scale;
  const overlap = (overlapIn * CSS_PX_PER_IN) / scale;
  const columns = tilesNeeded(content.width, width, overlap);
  const rows = tilesNeeded(content.height, height, overlap);
  // Centre the grid so the spare space is shared by the first and last pages, not all on the last.
  const x0 = (content.width - (columns * (width - overlap) + overlap)) / 2;
  const y0 = (content.height - (rows * (height - overlap) + overlap)) / 2;
  const pages: PageViewport[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < columns; col++) {
      pages.push({ col, row, x: x0 + col * (width - overlap), y: y0 + row * (height - overlap), width, height });
    }
  }
  return plan({ pageWidthIn, pageHeightIn, marginIn, scale, pages, columns, rows });
}

/**
 * The paper orientation of a PDF: the one asked for, or for `auto` the one in which the map fits
 * one page larger (a wide map lies landscape, a tall one stands portrait; a tie is landscape).
 * The export dialog and both command lines call this, so they default alike.
 * @example landscapeFor({ content: { width: 1800, height: 913 }, paper: 'a4', marginIn: 0.4, orientation: 'auto' }) // true
 */
export function landscapeFor(input: { readonly content: { readonly width: number; readonly height: number }; readonly paper: Paper; readonly marginIn: number; readonly orientation: Orientation }): boolean {
  if (input.orientation !== 'auto') return input.orientation === 'landscape';
  const scale = (landscape: boolean) => planPages({ content: input.content, mode: 'fit', paper: input.paper, landscape, marginIn: input.marginIn }).scale;
  return scale(true) >= scale(false) - 1e-9;
}

/**
 * The size of a slide frame around a drawing: the smallest box of the frame's shape that holds
 * it, so the drawing is centred with the spare room on two opposite sides only.
 * @example frameSize({ width: 1000, height: 1000 }, '16:9') // { width: 1777.78, height: 1000 }
 */
export function frameSize(content: { readonly width: number; readonly height: number }, frame: SlideFrame): { width: number; height: number } {
  if (frame === 'none') return { width: content.width, height: content.height };
  const aspect = SLIDE_ASPECT[frame];
  return content.width / content.height >= aspect ? { width: content.width, height: content.width / aspect } : { width: content.height * aspect, height: content.height };
}

function fitPageToMap(content: { width: number; height: number }, marginIn: number, maxPageIn: number): PagePlan {
  if (!Number.isFinite(maxPageIn) || maxPageIn <= 2 * marginIn) {
    throw new RangeError(`The largest page (${maxPageIn} in) must be wider than both margins (${2 * marginIn} in).`);
  }
  const naturalWidthIn = content.width / CSS_PX_PER_IN + 2 * marginIn;
  const naturalHeightIn = content.height / CSS_PX_PER_IN + 2 * marginIn;
  const roomIn = maxPageIn - 2 * marginIn;
  const capped = naturalWidthIn > maxPageIn || naturalHeightIn > maxPageIn;
  const scale = capped ? Math.min((roomIn * CSS_PX_PER_IN) / content.width, (roomIn * CSS_PX_PER_IN) / content.height) : 1;
  // min(): float noise must not push a capped side to 200.00000000000003 in.
  const pageWidthIn = Math.min(maxPageIn, Math.max(MIN_PAGE_IN, (content.width * scale) / CSS_PX_PER_IN + 2 * marginIn));
  const pageHeightIn = Math.min(maxPageIn, Math.max(MIN_PAGE_IN, (content.height * scale) / CSS_PX_PER_IN + 2 * marginIn));
  const width = ((pageWidthIn - 2 * marginIn) * CSS_PX_PER_IN) / scale;
  const height = ((pageHeightIn - 2 * marginIn) * CSS_PX_PER_IN) / scale;
  const page: PageViewport = { col: 0, row: 0, x: (content.width - width) / 2, y: (content.height - height) / 2, width, height };
  const notice = capped
    ? fill(wordsOf(EXPORT_WORDS).pageCapped, { width: round2(naturalWidthIn), height: round2(naturalHeightIn), max: maxPageIn, percent: percent(scale) })
    : undefined;
  return plan({ pageWidthIn, pageHeightIn, marginIn, scale, pages: [page], columns: 1, rows: 1, notice });
}

/** Pages of `page` px, each repeating `overlap` px of the previous, needed to cover `length` px. */
function tilesNeeded(length: number, page: number, overlap: number): number {
  if (length <= page) return 1;
  // The epsilon keeps a map that exactly fills n pages from asking for n + 1 through float noise.
  return Math.ceil((length - overlap) / (page - overlap) - 1e-9);
}

/** Leaves `notice` out entirely when there is none, so plans compare cleanly. */
function plan(p: Omit<PagePlan, 'notice'> & { readonly notice?: string | undefined }): PagePlan {
  const { notice, ...rest } = p;
  return notice === undefined ? rest : { ...rest, notice };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

function percent(scale: number): string {
  const pct = scale * 100;
  return `${pct >= 10 ? Math.round(pct) : Number(pct.toPrecision(2))}%`;
}
