/**
 * Binary saves and printing, the same call on both platforms (ARCHITECTURE.md "Platform bridge"):
 * in the desktop app through `window.touchmap` (native Save dialog, Chromium's PDF printer in a
 * hidden window), in a browser through a download and a hidden iframe's print dialog.
 * Text files go through files.ts; this adds the bytes (PNG, JPEG, PDF) and the print layout.
 */
import type { FileFilter, PrintJob } from '@shared/ipc';
import { EXPORT_FORMAT_INFO, extensionOf, type ExportFormat } from '@shared/export-formats';
import { desktopBridge, downloadBlob, type SaveOutcome } from './files';

export interface BinaryFileToSave {
  readonly name: string;
  readonly blob: Blob;
  readonly kind: ExportFormat;
  readonly filter: FileFilter;
}

/**
 * Saves bytes: the native Save dialog in the desktop app, a download in a browser.
 * @example await saveBinaryFile({ name: 'Clinic.png', blob, kind: 'png', filter: { name: 'PNG image', extensions: ['png'] } });
 */
export async function saveBinaryFile(file: BinaryFileToSave): Promise<SaveOutcome> {
  const bridge = desktopBridge();
  if (bridge) {
    const data = new Uint8Array(await file.blob.arrayBuffer());
    const result = await bridge.saveFile({ suggestedName: file.name, filters: [file.filter], data, kind: file.kind });
    return result.saved ? { saved: true, via: 'dialog', path: result.path } : { saved: false };
  }
  downloadBlob(file.blob, file.name);
  return { saved: true, via: 'download' };
}

/** Whether PDFs are printed by the app itself (desktop) or through the browser's print dialog. */
export function canPrintToPdf(): boolean {
  return desktopBridge() !== undefined;
}

/**
 * A PDF of the print layout: in the desktop app Chromium's PDF printer writes it and the Save
 * dialog keeps it. In a browser the print dialog opens on the layout (its "Save as PDF" gives the
 * same pages); resolves once the dialog closed.
 */
export async function savePdf(job: PrintJob, name: string): Promise<SaveOutcome | { readonly saved: true; readonly via: 'print-dialog' }> {
  const bridge = desktopBridge();
  if (bridge) {
    const bytes = await bridge.printToPDF(job);
    const blob = new Blob([bytes as Uint8Array<ArrayBuffer>], { type: EXPORT_FORMAT_INFO.pdf.mimeType });
    return saveBinaryFile({ name, blob, kind: 'pdf', filter: { name: 'PDF', extensions: [extensionOf('pdf')] } });
  }
  await printInIframe(job.html);
  return { saved: true, via: 'print-dialog' };
}

/**
 * File ▸ Print…: the system print dialog on the same layout as the PDF export — the desktop
 * shell's print window, or the browser's dialog from a hidden frame.
 */
export async function printJob(job: PrintJob): Promise<void> {
  const bridge = desktopBridge();
  if (bridge) {
    const result = await bridge.print(job);
    if (!result.printed && result.reason && result.reason !== 'cancelled') throw new Error(result.reason);
    return;
  }
  await printInIframe(job.html);
}

/** Prints an HTML document from a hidden iframe (its scripts never run: the sandbox forbids them). */
async function printInIframe(html: string): Promise<void> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-same-origin allow-modals');
  frame.setAttribute('aria-hidden', 'true');
  frame.style.cssText = 'position:fixed;right:0;bottom:0;width:0;height:0;border:0;visibility:hidden';
  const loaded = new Promise<void>((resolve) => frame.addEventListener('load', () => resolve(), { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  try {
    await loaded;
    const win = frame.contentWindow;
    if (!win) throw new Error('The print frame did not open.');
    await win.document.fonts.ready;
    win.focus();
    win.print();
  } finally {
    // print() blocks until the dialog closes in Chromium; a moment more lets it finish spooling.
    setTimeout(() => frame.remove(), 1000);
  }
}
