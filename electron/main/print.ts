/**
 * Printing and PDF export of the print layout (ARCHITECTURE.md § Exports): the renderer sends
 * a complete HTML document with the export SVG laid on pages; main loads it in a hidden,
 * sandboxed window on its own origin (app://print) and asks Chromium's printer for a PDF, or
 * opens the system print dialog on it. Text stays vector and selectable in every script.
 *
 * The settings are pure functions (tested); the adapter takes a window factory, so tests drive
 * it with a fake window.
 */
import { randomUUID } from 'node:crypto';
import type { PrintToPDFOptions, WebContentsPrintOptions } from 'electron';
import type { PrintJob, PrintResult } from '../../shared/ipc';
import { withTimeout } from '../../shared/with-timeout';
import { PRINT_ORIGIN } from './app-origin';

export const MICRONS_PER_INCH = 25_400;
/** Electron's print() takes margins in CSS pixels. */
export const CSS_PIXELS_PER_INCH = 96;
/** Fonts usually load in milliseconds; a missing one must not hang the export. */
export const FONT_WAIT_MS = 3_000;
/** Loading the layout or making the PDF longer than this tears the window down, so the renderer's promise always settles. */
export const PRINT_TIMEOUT_MS = 60_000;

/**
 * Options for webContents.printToPDF: the job's page size and margins in inches (the printer's
 * defaults never apply) and backgrounds printed (group colours are part of the map). A page
 * the layout sizes itself with CSS `@page { size }` keeps that size — a layout may mix sizes,
 * e.g. map pages fitted to the map and an appendix on paper — so `pageSize` is the size of
 * every page the CSS leaves unsized. Playwright's page.pdf({ preferCSSPageSize: true }) in the
 * headless export behaves the same.
 * @example pdfOptions(job).pageSize // { width: 11.69, height: 8.27 }
 */
export function pdfOptions(job: PrintJob): PrintToPDFOptions {
  return {
    pageSize: { width: job.pageSize.widthInches, height: job.pageSize.heightInches },
    margins: { top: job.margins.top, right: job.margins.right, bottom: job.margins.bottom, left: job.margins.left },
    printBackground: true,
    preferCSSPageSize: true,
    landscape: false,
    displayHeaderFooter: false,
    generateTaggedPDF: true,
  };
}

/**
 * Options for webContents.print (the system dialog): the same page in microns and the same
 * margins in CSS pixels, so paper matches the PDF.
 * @example printOptions(job).pageSize // { width: 296926, height: 210058 }
 */
export function printOptions(job: PrintJob): WebContentsPrintOptions {
  const px = (inches: number) => Math.round(inches * CSS_PIXELS_PER_INCH);
  return {
    silent: false,
    printBackground: true,
    landscape: false,
    pageSize: {
      width: Math.round(job.pageSize.widthInches * MICRONS_PER_INCH),
      height: Math.round(job.pageSize.heightInches * MICRONS_PER_INCH),
    },
    margins: { marginType: 'custom', top: px(job.margins.top), right: px(job.margins.right), bottom: px(job.margins.bottom), left: px(job.margins.left) },
  };
}

/** Print documents waiting to be loaded by a print window, served at app://print/doc/<id>.html. */
export interface PrintDocuments {
  add(html: string): string;
  get(id: string): string | undefined;
  remove(id: string): void;
}

export function createPrintDocuments(newId: () => string = randomUUID): PrintDocuments {
  const docs = new Map<string, string>();
  return {
    add(html) {
      const id = newId();
      docs.set(id, html);
      return id;
    },
    get: (id) => docs.get(id),
    remove: (id) => void docs.delete(id),
  };
}

export function printDocumentUrl(id: string): string {
  return `${PRINT_ORIGIN}/doc/${id}.html`;
}

/** What the adapter needs of a hidden BrowserWindow. */
export interface PrintWindow {
  readonly webContents: {
    loadURL(url: string): Promise<void>;
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
    print(options: WebContentsPrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
  setTitle(title: string): void;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface PrintServiceDeps {
  readonly documents: PrintDocuments;
  /** new BrowserWindow({ show: false, webPreferences: secureWebPreferences(…) }). */
  createWindow(): PrintWindow;
  readonly fontWaitMs?: number;
  readonly timeoutMs?: number;
}

export interface PrintService {
  toPDF(job: PrintJob): Promise<Uint8Array>;
  print(job: PrintJob): Promise<PrintResult>;
}

/** Awaits web fonts in the print page. A constant expression, no input: page scripts stay forbidden by its CSP. */
const FONTS_READY = 'document.fonts.ready.then(() => document.fonts.size)';

export function createPrintService(deps: PrintServiceDeps): PrintService {
  const fontWaitMs = deps.fontWaitMs ?? FONT_WAIT_MS;
  const timeoutMs = deps.timeoutMs ?? PRINT_TIMEOUT_MS;

  async function withLoadedWindow<T>(job: PrintJob, use: (win: PrintWindow) => Promise<T>): Promise<T> {
    const id = deps.documents.add(job.html);
    const win = deps.createWindow();
    try {
      if (job.title) win.setTitle(job.title);
      await withTimeout(win.webContents.loadURL(printDocumentUrl(id)), timeoutMs, `The print layout did not load within ${Math.round(timeoutMs / 1000)} seconds.`);
      // Glyphs must be in before printing or CJK labels print as boxes; a font that never loads must not hang it.
      await withTimeout(win.webContents.executeJavaScript(FONTS_READY), fontWaitMs, 'fonts').catch(() => undefined);
      return await use(win);
    } finally {
      deps.documents.remove(id);
      if (!win.isDestroyed()) win.destroy();
    }
  }

  return {
    toPDF: (job) =>
      withLoadedWindow(job, async (win) => {
        const pdf = await withTimeout(win.webContents.printToPDF(pdfOptions(job)), timeoutMs, `The PDF was not ready within ${Math.round(timeoutMs / 1000)} seconds.`);
        return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
      }),
    // No timeout around the dialog itself: the user may take as long as they like to pick a printer.
    print: (job) =>
      withLoadedWindow(
        job,
        (win) =>
          new Promise<PrintResult>((resolve) => {
            win.webContents.print(printOptions(job), (success, failureReason) => {
              resolve(success ? { printed: true } : { printed: false, reason: failureReason || 'failed' });
            });
          }),
      ),
  };
}
