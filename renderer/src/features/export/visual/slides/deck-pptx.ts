/**
 * The PowerPoint deck (pptxgenjs): one 16:9 slide per deck slide, the same layout as the PDF deck
 * (deck-layout.ts). Titles, captions and the action plan are editable text — the plan a real table
 * the team can keep working in. Each picture is the export SVG with its fonts embedded; pptxgenjs
 * stores it as SVG (PowerPoint 2016+ shows that, sharp at any zoom) with a PNG of it beside it, drawn
 * here in the browser, which LibreOffice, Keynote, Google Slides and older PowerPoint show instead.
 * A chart slide's picture is the analysis chart, through the same SVG and PNG.
 */
import PptxGenJS from 'pptxgenjs';
import type { MapDoc } from '@shared/model/types';
import type { Slide } from '@shared/model/presentation';
import { slideWords } from '@shared/templates/slide-words';
import { svgDocument, type SvgParts } from '../svg/svg-renderer';
import { DARK, LIGHT } from '../../../../drawing/theme';
import { captionOf } from './deck-pdf';
import { BODY_BOX, CAPTION_BOX, CAPTION_PT, FOOTER_BOX, FOOTER_PT, TABLE_PT, TITLE_BOX, TITLE_PT, actionPages, fitInto } from './deck-layout';

/** The PNG fallback's longest side, px: sharp on a 1080p projector across the body box. */
const PNG_LONG_SIDE = 2400;

/** `#rrggbb` → `rrggbb`, as pptxgenjs takes colours. */
const hex = (colour: string) => colour.replace('#', '').slice(0, 6);

/** Text → base64 of its UTF-8 bytes (btoa alone takes only Latin-1). */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export interface PptxDeckOptions {
  readonly dark?: boolean;
  /** `@font-face` rules with the fonts inlined: the PNG fallback is drawn from the SVG as an image, which sees no page fonts. */
  readonly fontCss?: string;
}

/**
 * The .pptx of a deck; `pictures[i]` is slide i's drawing (null for the action plan).
 * @example const bytes = await buildPptxDeck(doc, deck, pictures, { fontCss });
 */
export async function buildPptxDeck(doc: MapDoc, deck: readonly Slide[], pictures: readonly (SvgParts | null)[], options: PptxDeckOptions = {}): Promise<Uint8Array> {
  const words = slideWords(doc.map.locale);
  const theme = options.dark ? DARK : LIGHT;
  const background = options.dark ? DARK.background : '#ffffff';
  const face = doc.map.locale === 'ko' ? 'Noto Sans KR' : doc.map.locale === 'ja' ? 'Noto Sans JP' : 'Noto Sans';
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = doc.map.title;

  const base = (title: string, index: number) => {
    const slide = pptx.addSlide();
    slide.background = { color: hex(background) };
    slide.addText(title, { x: TITLE_BOX.x, y: TITLE_BOX.y, w: TITLE_BOX.width, h: TITLE_BOX.height, fontSize: TITLE_PT, bold: true, fontFace: face, color: hex(theme.text), fit: 'shrink', valign: 'middle', margin: 0 });
    slide.addText(`${doc.map.title}    ${index + 1} / ${deck.length}`, {
      x: FOOTER_BOX.x,
      y: FOOTER_BOX.y,
      w: FOOTER_BOX.width,
      h: FOOTER_BOX.height,
      fontSize: FOOTER_PT,
      fontFace: face,
      color: hex(theme.textMuted),
      align: 'right',
      margin: 0,
    });
    return slide;
  };

  deck.forEach((entry, index) => {
    if (entry.kind === 'actions') {
      const chunks = actionPages(entry.rows);
      chunks.forEach((rows, part) => {
        const slide = base(chunks.length > 1 ? `${entry.title} (${part + 1}/${chunks.length})` : entry.title, index);
        if (rows.length === 0) {
          slide.addText(words.noActions, { x: BODY_BOX.x, y: BODY_BOX.y, w: BODY_BOX.width, h: 0.6, fontSize: CAPTION_PT, fontFace: face, color: hex(theme.textMuted), margin: 0 });
          return;
        }
        const c = words.columns;
        const cell = (text: string, bold = false) => ({ text, options: { bold, color: hex(bold ? theme.textMuted : theme.text) } });
        const table = [
          [cell(c.touchpoint, true), cell(c.what, true), cell(c.owner, true), cell(c.due, true), cell(c.status, true)],
          ...rows.map((row) => [cell(row.touchpoint), cell(row.what), cell(row.owner), cell(row.due), cell(words.statuses[row.status])]),
        ];
        const w = BODY_BOX.width;
        slide.addTable(table, {
          x: BODY_BOX.x,
          y: BODY_BOX.y,
          w,
          colW: [0.24, 0.38, 0.15, 0.11, 0.12].map((share) => share * w),
          fontSize: TABLE_PT,
          fontFace: face,
          border: { type: 'solid', pt: 0.75, color: hex(theme.border) },
          valign: 'top',
          margin: 0.05,
        });
      });
      return;
    }
    const slide = base(entry.title, index);
    const caption = captionOf(doc, entry, words);
    if (caption) slide.addText(caption, { x: CAPTION_BOX.x, y: CAPTION_BOX.y, w: CAPTION_BOX.width, h: CAPTION_BOX.height, fontSize: CAPTION_PT, fontFace: face, color: hex(theme.textMuted), margin: 0 });
    const parts = pictures[index] ?? null;
    if (!parts) return;
    const place = fitInto(parts.width, parts.height, BODY_BOX);
    const scale = PNG_LONG_SIDE / Math.max(parts.width, parts.height);
    const svg = svgDocument(parts, { pixelWidth: Math.round(parts.width * scale), pixelHeight: Math.round(parts.height * scale), ...(options.fontCss ? { fontCss: options.fontCss } : {}) });
    slide.addImage({ data: `data:image/svg+xml;base64,${base64Utf8(svg)}`, x: place.x, y: place.y, w: place.width, h: place.height, altText: entry.title });
  });

  const out = await pptx.write({ outputType: 'uint8array' });
  return out as Uint8Array;
}
