/**
 * The visual exports in one call, shared by the export dialog and the headless entry
 * (export-entry.ts): the map → layout → SVG parts → SVG file, PNG/JPEG, a PDF's bytes (map pages
 * alone, pdf/map-pdf-export.ts) or its print HTML (with the appendix or analysis pages).
 * Loaded on demand (the dialog imports it dynamically) so none of it is in the first bundle.
 */
import type { MapDoc, StageId } from '@shared/model/types';
import { EXPORT_FORMAT_INFO, type VisualFormat } from '@shared/export-formats';
import { mapWords } from '@shared/templates/map-words';
import { landscapeFor, type Orientation, type PageMode, type PagePlan, type Paper, type SlideFrame } from '@shared/model/page-layout';
import type { Grouping } from '../../../store/ui-store';
import { mindModelFor } from '../../../drawing/mind-model';
// exports break Japanese as the canvas does: this waits for BudouX's model before any layout
import '../../../drawing/japanese-breaks-loaded';
import { renderMapSvg, svgDocument, type ExportBackground, type SvgParts } from './svg/svg-renderer';
import { rasterize } from './raster/raster';
import { buildPrintDocument, DEFAULT_MARGIN_IN, type PrintDocument } from './pdf/pdf';
import { embeddedFontCss } from './fonts/fonts';
import { stageLayout } from './stage-scope';
import { t } from '../../../i18n';
import type { ChartKind } from '../../../drawing/charts';
import { analysisPagesHtml, analysisPagesText, drawChart } from './charts/chart-parts';

export interface VisualExportOptions {
  readonly format: VisualFormat;
  /** PNG/JPEG: 1–4. */
  readonly scale: number;
  readonly background: ExportBackground;
  readonly titleBlock: boolean;
  readonly legend: boolean;
  readonly chains: boolean;
  /** PDF only. */
  readonly pageMode: PageMode;
  readonly paper: Paper;
  /** `auto`: the orientation that prints the map larger (landscapeFor), as the command line defaults. */
  readonly orientation: Orientation;
  /** Every format: the picture centred in a slide of that shape; a framed PDF is one page of that shape. */
  readonly frame: SlideFrame;
  /** A framed picture of this stage alone (its group nodes and their touchpoints) instead of the whole map. */
  readonly frameStage?: StageId;
  readonly appendix: boolean;
  /** PDF only: the analysis charts, one per page, after the map (and the appendix). */
  readonly analysisPages: boolean;
  /** Export this analysis chart instead of the map. */
  readonly chart?: ChartKind;
  /** PDF only: a page after the map (and appendix) — its HTML section and its text, whose glyphs are embedded. */
  readonly extraPage?: { readonly html: string; readonly text: string };
  readonly marginIn?: number;
  readonly grouping?: Grouping;
  /** Title block date, formatted; today in the map's locale by default. */
  readonly date?: string;
  readonly onProgress?: (done: number, total: number) => void;
  /** Test hook: a smaller canvas limit exercises tiling with a small map. */
  readonly maxCanvasSide?: number;
  /**
   * PDF: the print document even when the PDF holds map pages alone — File ▸ Print hands it to the
   * system's print dialog, which needs a page to print, not a file.
   */
  readonly printDocument?: boolean;
}

export const DEFAULT_VISUAL_OPTIONS: Omit<VisualExportOptions, 'format'> = {
  scale: 2,
  background: 'white',
  titleBlock: true,
  legend: true,
  chains: true,
  pageMode: 'fit',
  paper: 'a4',
  orientation: 'auto',
  frame: 'none',
  appendix: false,
  analysisPages: false,
};

export type VisualExportResult =
  | { readonly kind: 'svg'; readonly text: string; readonly blob: Blob; readonly width: number; readonly height: number; readonly parts: SvgParts }
  | { readonly kind: 'raster'; readonly blob: Blob; readonly width: number; readonly height: number; readonly scale: number; readonly tiled: boolean; readonly notice?: string; readonly parts: SvgParts }
  /** A PDF with pages Chromium lays out (the appendix, analysis or comparison pages): its print document, for the printer. */
  | { readonly kind: 'pdf'; readonly print: PrintDocument; readonly notice?: string; readonly parts: SvgParts }
  /** A PDF of map pages alone, written by our own writer: its bytes, ready to save. */
  | {
      readonly kind: 'pdf-file';
      readonly bytes: Uint8Array;
      readonly blob: Blob;
      readonly plan: PagePlan;
      readonly notice?: string;
      readonly parts: SvgParts;
      /** Where the time went (ms): the drawing, the faces, the file (the benchmark's phases). */
      readonly timings: { readonly drawMs: number; readonly fontsMs: number; readonly writeMs: number };
    };

/** Today's date as the map's readers write it. */
export function exportDate(locale: string, now = new Date()): string {
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(now);
  } catch {
    return now.toISOString().slice(0, 10);
  }
}

/**
 * Draws the map as it will be exported (no fonts embedded, no file made): for previews and sizes.
 * @example const parts = drawMap(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'png' });
 */
export function drawMap(doc: MapDoc, options: VisualExportOptions): SvgParts {
  if (options.chart) return drawChart(doc, options.chart, options.background === 'transparent' && (options.format === 'jpeg' || options.format === 'pdf') ? 'white' : options.background);
  const whole = mindModelFor(doc, options.grouping ?? 'channel-stage').layout;
  const part = options.frame !== 'none' && options.frameStage !== undefined ? stageLayout(whole, options.frameStage) : null;
  const layout = part ?? whole;
  // PDF pages and JPEGs are never see-through: transparent becomes white there.
  const background = options.background === 'transparent' && (options.format === 'jpeg' || options.format === 'pdf') ? 'white' : options.background;
  return renderMapSvg(doc, layout, {
    background,
    chains: options.chains,
    legend: options.legend,
    titleBlock: options.titleBlock,
    date: options.date ?? exportDate(doc.map.locale),
    frame: options.frame,
    partOfMap: part !== null,
  });
}

/**
 * Exports a map as SVG, PNG, JPEG or the print document of a PDF.
 * @example const result = await exportVisual(doc, { ...DEFAULT_VISUAL_OPTIONS, format: 'pdf', pageMode: 'poster' });
 */
export async function exportVisual(doc: MapDoc, options: VisualExportOptions): Promise<VisualExportResult> {
  const started = performance.now();
  const parts = drawMap(doc, options);
  const drawMs = performance.now() - started;
  if (options.format === 'svg') {
    // The bundled Noto faces cut to the drawing's characters, inlined: the file shows the same
    // letters on a machine without Noto.
    const text = svgDocument(parts, { fontCss: await embeddedFontCss(parts.text, parts.fontFamily) });
    return { kind: 'svg', text, blob: new Blob([text], { type: EXPORT_FORMAT_INFO.svg.mimeType }), width: parts.width, height: parts.height, parts };
  }
  if (options.format === 'pdf') {
    // The poster caption and the appendix print the map language's words: their glyphs must be embedded too.
    // a chart's own PDF is the chart alone: no appendix, no analysis or comparison pages after it
    const appendix = options.appendix && !options.chart;
    const analysis = options.analysisPages && !options.chart;
    const extraPage = options.chart ? undefined : options.extraPage;
    if (!appendix && !analysis && !extraPage && !options.printDocument) {
      // Map pages alone: our own writer makes the file, no print window (pdf/map-pdf-export.ts).
      const { mapPdf } = await import('./pdf/map-pdf-export');
      const { bytes, plan, timings, missing } = await mapPdf(doc, parts, pdfPageOptions(parts, options));
      const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: EXPORT_FORMAT_INFO.pdf.mimeType });
      // Characters no bundled face has (an emoji) cannot be embedded: say which, rather than drop them unseen.
      const notice = [plan.notice, missing.length > 0 ? t('export.pdf.missingCharacters', { chars: missing.join(' ') }) : undefined].filter(Boolean).join(' ');
      return { kind: 'pdf-file', bytes, blob, plan, parts, timings: { drawMs, ...timings }, ...(notice ? { notice } : {}) };
    }
    // The appendix and the analysis or comparison pages are HTML that Chromium lays out and
    // prints: a PDF with them keeps the print document, map pages included, so it stays one file.
    const fontCss = await embeddedFontCss(
      `${parts.text}\n${mapWords(doc.map.locale).appendix.page}${appendix ? `\n${appendixText(doc)}` : ''}${analysis ? `\n${analysisPagesText(doc)}` : ''}${extraPage ? `\n${extraPage.text}` : ''}`,
      parts.fontFamily,
    );
    const extraPages = `${analysis ? analysisPagesHtml(doc) : ''}${extraPage ? extraPage.html : ''}`;
    const print = buildPrintDocument(doc, parts, { ...pdfPageOptions(parts, options), appendix, fontCss, ...(extraPages ? { extraPages } : {}) });
    return { kind: 'pdf', print, parts, ...(print.plan.notice ? { notice: print.plan.notice } : {}) };
  }
  const raster = await rasterize(parts, {
    // svg and pdf returned above: what is left is made of pixels.
    format: options.format,
    scale: options.scale,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.maxCanvasSide ? { maxCanvasSide: options.maxCanvasSide } : {}),
  });
  return { kind: 'raster', ...raster, parts };
}

/**
 * The PDF's page options for a drawing: a framed picture is one page of the frame's shape with no
 * border (the frame has its own); otherwise the chosen pages, in the orientation that prints the
 * map larger unless one was chosen. The dialog's size line and the export both ask this.
 */
export function pdfPageOptions(parts: Pick<SvgParts, 'width' | 'height'>, options: Pick<VisualExportOptions, 'frame' | 'pageMode' | 'paper' | 'orientation' | 'marginIn'>): { mode: PageMode; paper: Paper; landscape: boolean; marginIn: number } {
  if (options.frame !== 'none') return { mode: 'fit-page-to-map', paper: options.paper, landscape: parts.width >= parts.height, marginIn: 0 };
  const marginIn = options.marginIn ?? DEFAULT_MARGIN_IN;
  return { mode: options.pageMode, paper: options.paper, landscape: landscapeFor({ content: parts, paper: options.paper, marginIn, orientation: options.orientation }), marginIn };
}

/** Every text the appendix prints, so its fonts are embedded too. */
function appendixText(doc: MapDoc): string {
  const out: string[] = [];
  const words = mapWords(doc.map.locale).appendix;
  for (const value of Object.values(words)) {
    if (typeof value === 'string') out.push(value);
    else out.push(...Object.values(value as Record<string, string>));
  }
  for (const topic of Object.values(doc.topics)) {
    out.push(topic.label, topic.notes ?? '', topic.team ?? '', topic.process ?? '', topic.outcome ?? '', topic.data ?? '');
    out.push(topic.action?.what ?? '', topic.action?.owner ?? '', topic.action?.due ?? '');
  }
  for (const s of doc.map.stages) out.push(s.name);
  for (const c of doc.map.competitors) out.push(c.name);
  for (const s of doc.map.segments) out.push(s.name);
  return out.join('\n');
}
