/**
 * The headless export page (renderer/export.html): the same renderer as the app, driven by
 * `npm run export` (scripts/export.mjs) through `window.touchmapExport(fileText, options)`.
 * It returns text or base64 so the result crosses the Playwright boundary as a plain string.
 */
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/600.css';
import '@fontsource/noto-sans-kr/400.css';
import '@fontsource/noto-sans-jp/400.css';
import { parseTouchmapFile, refusalText } from '@shared/file-format';
import { cliText } from '@shared/export-cli';
import { setMessageLanguage } from '@shared/i18n/message-language';
import type { Locale, MapId } from '@shared/model/types';
import './i18n/message-language-sync';
import type { MapDoc } from '@shared/model/types';
import { isSlidesFormat, type CliExportFormat } from '@shared/export-formats';
import { actionPlanCsv } from './features/export/data/action-plan-csv';
import { outlineMarkdown } from './features/export/data/outline-markdown';
import { DEFAULT_VISUAL_OPTIONS, exportVisual, type VisualExportOptions } from './features/export/visual/visual-export';
import type { ExportedNode, Point, Box } from './features/export/visual/svg/svg-renderer';
import { exportSlides } from './features/export/visual/slides/slide-export';

export interface HeadlessOptions extends Partial<Omit<VisualExportOptions, 'format' | 'onProgress'>> {
  /** What the command line writes (shared/export-formats.ts), by the format's id: `markdown`, `jpeg`. */
  readonly format: CliExportFormat;
  /** A map's id or title; the first map when not given. */
  readonly map?: string;
  /** The command line's message language: a refused file is explained in it. */
  readonly language?: Locale;
}

export interface HeadlessResult {
  readonly mapId: MapId;
  readonly mapTitle: string;
  /** Other maps the file holds (the CLI mentions them). */
  readonly otherMaps: readonly string[];
  readonly encoding: 'text' | 'base64';
  readonly data: string;
  /**
   * PDF: the page size and the plan. `written`: `data` is the PDF itself (base64), to save as it is;
   * otherwise `data` is the print document, for page.pdf() / printToPDF.
   */
  readonly pdf?: { readonly widthIn: number; readonly heightIn: number; readonly pages: number; readonly written?: boolean };
  readonly width?: number;
  readonly height?: number;
  readonly scale?: number;
  readonly tiled?: boolean;
  readonly notice?: string;
  /** Where things are drawn, in drawing px (multiply by the scale for image px). */
  readonly geometry?: { readonly nodes: readonly ExportedNode[]; readonly edges: readonly { from: Point; to: Point }[]; readonly mapBox: Box; readonly width: number; readonly height: number };
}

function pickMap(docs: readonly MapDoc[], wanted: string | undefined): MapDoc {
  if (docs.length === 0) throw new Error(cliText('noMapsInFile'));
  if (wanted === undefined) return docs[0] as MapDoc;
  const found = docs.find((d) => d.map.id === wanted) ?? docs.find((d) => d.map.title === wanted) ?? docs.find((d) => d.map.title.toLowerCase() === wanted.toLowerCase());
  if (!found) throw new Error(cliText('noSuchMap', { wanted, maps: docs.map((d) => `"${d.map.title}" (${d.map.id})`).join(', ') }));
  return found;
}

async function blobToBase64(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function touchmapExport(fileText: string, options: HeadlessOptions): Promise<HeadlessResult> {
  if (options.language !== undefined) setMessageLanguage(options.language);
  const parsed = parseTouchmapFile(fileText);
  // The command line has no Details disclosure: the message first, the technical text on the next line.
  if (!parsed.ok) throw new Error(refusalText(parsed));
  const doc = pickMap(parsed.docs, options.map);
  const base = { mapId: doc.map.id, mapTitle: doc.map.title, otherMaps: parsed.docs.filter((d) => d !== doc).map((d) => d.map.title) };
  if (options.format === 'csv') return { ...base, encoding: 'text', data: actionPlanCsv(doc) };
  if (options.format === 'markdown') return { ...base, encoding: 'text', data: outlineMarkdown(doc) };
  if (isSlidesFormat(options.format)) {
    // the presentation's deck: the slides saved with the map, else the default deck
    const slides = await exportSlides(doc, options.format, { dark: options.background === 'dark' });
    if (slides.kind === 'pdf') {
      const { print } = slides;
      return { ...base, encoding: 'text', data: print.html, pdf: { widthIn: print.widthIn, heightIn: print.heightIn, pages: print.pages } };
    }
    return { ...base, encoding: 'base64', data: await blobToBase64(new Blob([slides.bytes as Uint8Array<ArrayBuffer>])) };
  }
  const { format: _format, map: _map, ...rest } = options;
  const result = await exportVisual(doc, { ...DEFAULT_VISUAL_OPTIONS, ...rest, format: options.format });
  const geometry = { nodes: result.parts.nodes, edges: result.parts.edges, mapBox: result.parts.mapBox, width: result.parts.width, height: result.parts.height };
  if (result.kind === 'svg') return { ...base, encoding: 'text', data: result.text, width: result.width, height: result.height, geometry };
  if (result.kind === 'pdf-file') {
    // Map pages alone: the PDF itself, written by the same code as the app's; the caller saves it as it is.
    const { plan } = result;
    return {
      ...base,
      encoding: 'base64',
      data: await blobToBase64(result.blob),
      pdf: { widthIn: plan.pageWidthIn, heightIn: plan.pageHeightIn, pages: plan.pages.length, written: true },
      geometry,
      ...(result.notice ? { notice: result.notice } : {}),
    };
  }
  if (result.kind === 'pdf') {
    const { plan } = result.print;
    return {
      ...base,
      encoding: 'text',
      data: result.print.html,
      pdf: { widthIn: plan.pageWidthIn, heightIn: plan.pageHeightIn, pages: plan.pages.length },
      geometry,
      ...(result.notice ? { notice: result.notice } : {}),
    };
  }
  return {
    ...base,
    encoding: 'base64',
    data: await blobToBase64(result.blob),
    width: result.width,
    height: result.height,
    scale: result.scale,
    tiled: result.tiled,
    geometry,
    ...(result.notice ? { notice: result.notice } : {}),
  };
}

declare global {
  interface Window {
    touchmapExport?: typeof touchmapExport;
  }
}
window.touchmapExport = touchmapExport;
document.documentElement.dataset.ready = 'true';
