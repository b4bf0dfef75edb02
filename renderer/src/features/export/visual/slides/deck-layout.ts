/**
 * Where things sit on a 16:9 slide, in inches, for both decks: the PowerPoint "widescreen" page
 * (13.333 × 7.5 in), so the PDF's pages and the .pptx's slides match and either projects edge to
 * edge. Pure numbers: the PDF deck writes them as CSS, the PowerPoint deck hands them to pptxgenjs.
 */
import type { Slide } from '@shared/model/presentation';

export const SLIDE_IN = { width: 13.333, height: 7.5 } as const;
export const SLIDE_MARGIN_IN = 0.5;
export const TITLE_BOX = { x: SLIDE_MARGIN_IN, y: 0.35, width: SLIDE_IN.width - 2 * SLIDE_MARGIN_IN, height: 0.8 } as const;
export const CAPTION_BOX = { x: SLIDE_MARGIN_IN, y: 1.1, width: SLIDE_IN.width - 2 * SLIDE_MARGIN_IN, height: 0.4 } as const;
/** The picture or the table: below the title and caption, above the footer. */
export const BODY_BOX = { x: SLIDE_MARGIN_IN, y: 1.6, width: SLIDE_IN.width - 2 * SLIDE_MARGIN_IN, height: SLIDE_IN.height - 1.6 - 0.55 } as const;
export const FOOTER_BOX = { x: SLIDE_MARGIN_IN, y: SLIDE_IN.height - 0.45, width: SLIDE_IN.width - 2 * SLIDE_MARGIN_IN, height: 0.3 } as const;
export const TITLE_PT = 30;
export const CAPTION_PT = 15;
export const TABLE_PT = 13;
export const FOOTER_PT = 10;
/** Rows of the action plan one slide holds at TABLE_PT; a longer plan continues on the next slide. */
export const ACTION_ROWS_PER_SLIDE = 12;

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * A picture of `width` × `height` fitted into `box` (same units as the box), centred, its shape kept.
 * @example fitInto(1000, 500, BODY_BOX) // as wide as the body, centred vertically
 */
export function fitInto(width: number, height: number, box: Box): Box {
  if (!(width > 0) || !(height > 0)) return box;
  const scale = Math.min(box.width / width, box.height / height);
  const w = width * scale;
  const h = height * scale;
  return { x: box.x + (box.width - w) / 2, y: box.y + (box.height - h) / 2, width: w, height: h };
}

/** The action plan's rows cut into slides of ACTION_ROWS_PER_SLIDE; an empty plan is one slide. */
export function actionPages<T>(rows: readonly T[]): T[][] {
  if (rows.length === 0) return [[]];
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += ACTION_ROWS_PER_SLIDE) out.push(rows.slice(i, i + ACTION_ROWS_PER_SLIDE));
  return out;
}

/** How many pages (or PowerPoint slides) a deck takes: one a slide, a long action plan more. */
export function deckPageCount(deck: readonly Slide[]): number {
  return deck.reduce((sum, slide) => sum + (slide.kind === 'actions' ? actionPages(slide.rows).length : 1), 0);
}
