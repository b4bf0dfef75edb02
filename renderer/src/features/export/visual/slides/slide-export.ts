/**
 * The slide decks in one call, shared by the app (the slide editor's and the export dialog's
 * buttons) and the headless export (export-entry.ts, `npm run export -- --format slides-pdf`):
 * the map's deck → each slide's picture → the PDF deck's print HTML or the PowerPoint file.
 */
import type { MapDoc } from '@shared/model/types';
import { deckOf } from '@shared/model/presentation';
import { slideWords } from '@shared/templates/slide-words';
import type { SlidesFormat } from '@shared/export-formats';
import type { Grouping } from '../../../../store/ui-store';
// exports break Japanese as the canvas does: this waits for BudouX's model before any layout
import '../../../../drawing/japanese-breaks-loaded';
import { embeddedFontCss } from '../fonts/fonts';
import { fontFamilyFor } from '../svg/svg-renderer';
import { slidePicture } from './slide-picture';
import { buildDeckPrint, captionOf, type DeckPrint } from './deck-pdf';
import { buildPptxDeck } from './deck-pptx';

export interface SlideExportOptions {
  readonly dark?: boolean;
  readonly grouping?: Grouping;
}

export type SlideExportResult =
  | { readonly kind: 'pdf'; readonly print: DeckPrint; readonly slides: number }
  | { readonly kind: 'pptx'; readonly bytes: Uint8Array; readonly slides: number };

/**
 * The map's deck as a PDF print document or a .pptx.
 * @example const result = await exportSlides(doc, 'slides-pptx'); // { kind: 'pptx', bytes, slides: 6 }
 */
export async function exportSlides(doc: MapDoc, format: SlidesFormat, options: SlideExportOptions = {}): Promise<SlideExportResult> {
  const words = slideWords(doc.map.locale);
  const deck = deckOf(doc, words);
  const background = options.dark ? 'dark' : 'white';
  const pictures = deck.map((slide) => slidePicture(doc, slide, { background, ...(options.grouping ? { grouping: options.grouping } : {}) }));
  // every character the deck prints, so the fonts embedded hold each glyph
  const text = [
    doc.map.title,
    ...deck.map((slide) => `${slide.title}\n${captionOf(doc, slide, words)}`),
    ...pictures.map((parts) => parts?.text ?? ''),
    ...deck.flatMap((slide) => (slide.kind === 'actions' ? slide.rows.map((row) => `${row.touchpoint} ${row.what} ${row.owner} ${row.due}`) : [])),
    ...Object.values(words.columns),
    ...Object.values(words.statuses),
    words.noActions,
    '0123456789 /()·',
  ].join('\n');
  const fontCss = await embeddedFontCss(text, fontFamilyFor(doc.map.locale));
  if (format === 'slides-pdf') return { kind: 'pdf', print: buildDeckPrint(doc, deck, pictures, { dark: options.dark ?? false, fontCss }), slides: deck.length };
  return { kind: 'pptx', bytes: await buildPptxDeck(doc, deck, pictures, { dark: options.dark ?? false, fontCss }), slides: deck.length };
}
