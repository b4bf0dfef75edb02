/**
 * A PDF of map pages alone, written by our own PDF writer (writer/): the page plan, the bundled
 * faces the words need — cut to their characters — and the pages, in the page that asked, with
 * no print window. The export dialog, the headless export and the benchmark all come here when
 * the PDF holds map pages only; the appendix and the analysis or comparison pages are HTML laid
 * out by Chromium's printer, so a PDF with them keeps the print document (pdf.ts).
 */
import type { MapDoc } from '@shared/model/types';
import { planPages, type PageMode, type PagePlan, type Paper } from '@shared/model/page-layout';
import { mapWords } from '@shared/templates/map-words';
import type { SvgParts } from '../svg/svg-renderer';
import { bundledFaceRules } from '../fonts/fonts';
import { loadPdfFonts, type FaceLoader, type FaceRule, type TextNeed } from './writer/pdf-fonts';
import { MARK_FONT_WEIGHT, pageLabelText, writeMapPdf } from './writer/map-pdf';

export interface MapPdfOptions {
  readonly mode: PageMode;
  readonly paper: Paper;
  readonly landscape: boolean;
  readonly marginIn: number;
  /** The poster's page label; the map language's words by default. */
  readonly pageLabel?: string;
  /** Where the faces come from: the page's bundled faces by default; the tests give the files on disk. */
  readonly rules?: readonly FaceRule[];
  readonly load?: FaceLoader;
}

export interface MapPdf {
  readonly bytes: Uint8Array;
  readonly plan: PagePlan;
  /** Where the time went (ms): picking, reading and cutting the faces; writing the file. The benchmark reports them. */
  readonly timings: { readonly fontsMs: number; readonly writeMs: number };
  /** Characters of the drawing no bundled face has: left out of the PDF (the dialog says which). */
  readonly missing: readonly string[];
}

/**
 * The PDF of a map drawing's pages.
 * @example const { bytes, plan } = await mapPdf(doc, parts, { mode: 'fit', paper: 'a4', landscape: true, marginIn: 0.4 });
 */
export async function mapPdf(doc: MapDoc, parts: SvgParts, options: MapPdfOptions): Promise<MapPdf> {
  const plan = planPages({ content: { width: parts.width, height: parts.height }, mode: options.mode, paper: options.paper, landscape: options.landscape, marginIn: options.marginIn });
  const pageLabel = options.pageLabel ?? mapWords(doc.map.locale).appendix.page;
  const needs: TextNeed[] = parts.runs.map((run) => ({ text: run.text, weight: run.weight }));
  if (plan.pages.length > 1) plan.pages.forEach((page, i) => needs.push({ text: pageLabelText(pageLabel, i, plan.pages.length, page), weight: MARK_FONT_WEIGHT }));
  const started = performance.now();
  const load = options.load ?? (await import('../fonts/font-subset')).subsetFaceFile;
  const fonts = await loadPdfFonts(needs, parts.fontFamily, options.rules ?? bundledFaceRules(), load);
  const fontsDone = performance.now();
  const bytes = await writeMapPdf({ parts, plan, title: doc.map.title, pageLabel, fonts });
  return { bytes, plan, timings: { fontsMs: fontsDone - started, writeMs: performance.now() - fontsDone }, missing: fonts.missing };
}
