/**
 * The PDF deck: the presentation's slides as one print HTML, one 16:9 page a slide, printed by
 * Chromium's own PDF printer like the map's PDF (pdf.ts) — so every title, label and table cell
 * stays text, selectable and searchable, in every script. Each picture is the export renderer's
 * drawing (slide-picture.ts) inline, scaled to the page; a chain's page shows its whole walk with
 * the weak link ringed; a chart's page, the analysis chart drawn at the projector's size.
 */
import type { MapDoc } from '@shared/model/types';
import type { Slide } from '@shared/model/presentation';
import type { PrintJob } from '@shared/ipc';
import { fillSlideWord, slideWords, type SlideWords } from '@shared/templates/slide-words';
import { escapeXml, fontFamilyFor, type SvgParts } from '../svg/svg-renderer';
import { DARK, LIGHT } from '../../../../drawing/theme';
import { ACTION_ROWS_PER_SLIDE, BODY_BOX, CAPTION_BOX, CAPTION_PT, FOOTER_BOX, FOOTER_PT, SLIDE_IN, TABLE_PT, TITLE_BOX, TITLE_PT, actionPages, type Box } from './deck-layout';

export interface DeckPrint {
  readonly html: string;
  readonly job: PrintJob;
  readonly pages: number;
  readonly widthIn: number;
  readonly heightIn: number;
}

const r = (v: number) => String(Math.round(v * 1000) / 1000);
const at = (box: Box) => `left:${r(box.x)}in;top:${r(box.y)}in;width:${r(box.width)}in;height:${r(box.height)}in`;

/**
 * The print HTML of a deck; `pictures[i]` is slide i's drawing (null for the action plan).
 * @example const print = buildDeckPrint(doc, deck, deck.map((s) => slidePicture(doc, s, { background: 'white' })), { fontCss });
 */
export function buildDeckPrint(doc: MapDoc, deck: readonly Slide[], pictures: readonly (SvgParts | null)[], options: { readonly dark?: boolean; readonly fontCss?: string } = {}): DeckPrint {
  const words = slideWords(doc.map.locale);
  const theme = options.dark ? DARK : LIGHT;
  const family = fontFamilyFor(doc.map.locale);
  const pages: string[] = [];
  deck.forEach((slide, index) => {
    const footer = `<p class="footer" style="${at(FOOTER_BOX)}"><span>${escapeXml(doc.map.title)}</span><span>${index + 1} / ${deck.length}</span></p>`;
    const head = (title: string, caption: string) =>
      `<h1 class="title" style="${at(TITLE_BOX)}">${escapeXml(title)}</h1>` + (caption ? `<p class="caption" style="${at(CAPTION_BOX)}">${escapeXml(caption)}</p>` : '');
    if (slide.kind === 'actions') {
      const chunks = actionPages(slide.rows);
      chunks.forEach((rows, part) => {
        const title = chunks.length > 1 ? `${slide.title} (${part + 1}/${chunks.length})` : slide.title;
        pages.push(`<section class="page">${head(title, '')}<div class="body" style="${at(BODY_BOX)}">${actionTable(rows, words)}</div>${footer}</section>`);
      });
      return;
    }
    const parts = pictures[index] ?? null;
    const picture = parts
      ? `<svg class="picture" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${parts.width} ${parts.height}" preserveAspectRatio="xMidYMid meet" xml:lang="${escapeXml(parts.lang)}"><defs>${parts.defs}</defs>${parts.body}</svg>`
      : '';
    pages.push(`<section class="page">${head(slide.title, captionOf(doc, slide, words))}<div class="body" style="${at(BODY_BOX)}">${picture}</div>${footer}</section>`);
  });
  const css = `
${options.fontCss ?? ''}
@page { size: ${r(SLIDE_IN.width)}in ${r(SLIDE_IN.height)}in; margin: 0; }
html, body { margin: 0; padding: 0; }
body { font-family: ${family}; color: ${theme.text}; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.page { position: relative; width: ${r(SLIDE_IN.width)}in; height: ${r(SLIDE_IN.height)}in; overflow: hidden; contain: strict; background: ${options.dark ? DARK.background : '#ffffff'}; break-after: page; }
.page:last-of-type { break-after: auto; }
.page > * { position: absolute; margin: 0; }
.title { font-size: ${TITLE_PT}pt; font-weight: 700; line-height: 1.15; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.caption { font-size: ${CAPTION_PT}pt; color: ${theme.textMuted}; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.picture { width: 100%; height: 100%; display: block; }
.footer { font-size: ${FOOTER_PT}pt; color: ${theme.textMuted}; display: flex; justify-content: space-between; align-items: flex-end; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; font-size: ${TABLE_PT}pt; line-height: 1.3; }
th, td { text-align: left; vertical-align: top; padding: 4pt 6pt; border-bottom: 0.75pt solid ${theme.border}; overflow-wrap: anywhere; }
thead th { font-weight: 600; color: ${theme.textMuted}; border-bottom: 1.25pt solid ${theme.textMuted}; }
.c-tp { width: 24%; } .c-what { width: 38%; } .c-owner { width: 15%; } .c-due { width: 11%; } .c-status { width: 12%; }
.empty { font-size: ${CAPTION_PT}pt; color: ${theme.textMuted}; }
`;
  const html =
    `<!doctype html><html lang="${escapeXml(doc.map.locale)}"><head><meta charset="utf-8"><title>${escapeXml(doc.map.title)}</title><style>${css}</style></head><body>` +
    pages.join('') +
    `</body></html>`;
  const job: PrintJob = {
    html,
    pageSize: { widthInches: SLIDE_IN.width, heightInches: SLIDE_IN.height },
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    title: doc.map.title.slice(0, 200),
  };
  return { html, job, pages: pages.length, widthIn: SLIDE_IN.width, heightIn: SLIDE_IN.height };
}

/** Under a chain's title: its length and its weak link, in the map's words. */
export function captionOf(doc: MapDoc, slide: Slide, words: SlideWords): string {
  if (slide.kind !== 'chain') return '';
  const steps = fillSlideWord(words.steps, { n: slide.steps.length });
  const weakId = slide.weakStep !== undefined ? slide.steps[slide.weakStep] : undefined;
  const weak = weakId !== undefined ? doc.topics[weakId]?.label : undefined;
  return weak !== undefined ? `${steps} · ${fillSlideWord(words.weakLink, { label: weak })}` : steps;
}

function actionTable(rows: Extract<Slide, { kind: 'actions' }>['rows'], words: SlideWords): string {
  if (rows.length === 0) return `<p class="empty">${escapeXml(words.noActions)}</p>`;
  const c = words.columns;
  const head = `<thead><tr><th class="c-tp">${escapeXml(c.touchpoint)}</th><th class="c-what">${escapeXml(c.what)}</th><th class="c-owner">${escapeXml(c.owner)}</th><th class="c-due">${escapeXml(c.due)}</th><th class="c-status">${escapeXml(c.status)}</th></tr></thead>`;
  const body = rows
    .slice(0, ACTION_ROWS_PER_SLIDE)
    .map((row) => `<tr><td>${escapeXml(row.touchpoint)}</td><td>${escapeXml(row.what)}</td><td>${escapeXml(row.owner)}</td><td>${escapeXml(row.due)}</td><td>${escapeXml(words.statuses[row.status])}</td></tr>`)
    .join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}
