import { describe, expect, it, vi } from 'vitest';
import { printJobSchema } from '../../../shared/ipc';
import { createPrintDocuments, createPrintService, pdfOptions, printDocumentUrl, printOptions, type PrintWindow } from '../../../electron/main/print';
import { A4_LANDSCAPE_JOB } from './fakes';

const job = printJobSchema.parse(A4_LANDSCAPE_JOB);

describe('print settings', () => {
  it('gives printToPDF the job’s page in inches, explicit margins and backgrounds; CSS @page sizes win where given', () => {
    expect(pdfOptions(job)).toEqual({
      pageSize: { width: 11.69, height: 8.27 },
      margins: { top: 0.4, right: 0.4, bottom: 0.4, left: 0.4 },
      printBackground: true,
      preferCSSPageSize: true,
      landscape: false,
      displayHeaderFooter: false,
      generateTaggedPDF: true,
    });
  });

  it('gives the print dialog the same page in microns and the margins in CSS pixels', () => {
    expect(printOptions(job)).toEqual({
      silent: false,
      printBackground: true,
      landscape: false,
      pageSize: { width: 296_926, height: 210_058 },
      margins: { marginType: 'custom', top: 38, right: 38, bottom: 38, left: 38 },
    });
  });
});

class FakePrintWindow implements PrintWindow {
  destroyed = false;
  title = '';
  loaded: string[] = [];
  constructor(private readonly behaviour: { loadFails?: boolean; fontsHang?: boolean; printAnswer?: [boolean, string] } = {}) {}
  readonly webContents = {
    loadURL: async (url: string) => {
      this.loaded.push(url);
      if (this.behaviour.loadFails) throw new Error('ERR_FAILED');
    },
    executeJavaScript: (code: string) => (this.behaviour.fontsHang ? new Promise<unknown>(() => {}) : Promise.resolve(code.includes('document.fonts') ? 3 : undefined)),
    printToPDF: vi.fn(async () => Buffer.from('%PDF-1.7 fake')),
    print: vi.fn((_options: unknown, callback: (success: boolean, reason: string) => void) => {
      const [ok, reason] = this.behaviour.printAnswer ?? [true, ''];
      callback(ok, reason);
    }),
  };
  setTitle(title: string) {
    this.title = title;
  }
  destroy() {
    this.destroyed = true;
  }
  isDestroyed() {
    return this.destroyed;
  }
}

function service(behaviour?: ConstructorParameters<typeof FakePrintWindow>[0]) {
  const documents = createPrintDocuments(() => 'doc-1');
  const windows: FakePrintWindow[] = [];
  const svc = createPrintService({
    documents,
    createWindow: () => {
      const w = new FakePrintWindow(behaviour);
      windows.push(w);
      return w;
    },
    fontWaitMs: 20,
  });
  return { svc, documents, windows };
}

describe('printing through a hidden window', () => {
  it('loads the layout from app://print, makes the PDF, then forgets the document and closes the window', async () => {
    const { svc, documents, windows } = service();
    const pdf = await svc.toPDF({ ...job, title: 'Clinic' });
    expect(new TextDecoder().decode(pdf)).toBe('%PDF-1.7 fake');
    expect(pdf).toBeInstanceOf(Uint8Array);
    const [win] = windows;
    expect(win?.loaded).toEqual([printDocumentUrl('doc-1')]);
    expect(printDocumentUrl('doc-1')).toBe('app://print/doc/doc-1.html');
    expect(win?.title).toBe('Clinic');
    expect(win?.webContents.printToPDF).toHaveBeenCalledWith(pdfOptions(job));
    expect(win?.destroyed).toBe(true);
    expect(documents.get('doc-1')).toBeUndefined();
  });

  it('serves the document while the window loads it', async () => {
    const documents = createPrintDocuments(() => 'doc-7');
    let seen: string | undefined;
    const win = new FakePrintWindow();
    win.webContents.loadURL = async () => {
      seen = documents.get('doc-7');
    };
    await createPrintService({ documents, createWindow: () => win }).toPDF(job);
    expect(seen).toBe(job.html);
  });

  it('prints without waiting forever for a font that never loads', async () => {
    const { svc } = service({ fontsHang: true });
    await expect(svc.toPDF(job)).resolves.toBeInstanceOf(Uint8Array);
  });

  it('opens the system print dialog with the same page and reports the answer', async () => {
    const printed = service();
    await expect(printed.svc.print(job)).resolves.toEqual({ printed: true });
    expect(printed.windows[0]?.webContents.print).toHaveBeenCalledWith(printOptions(job), expect.any(Function));
    const cancelled = service({ printAnswer: [false, 'cancelled'] });
    await expect(cancelled.svc.print(job)).resolves.toEqual({ printed: false, reason: 'cancelled' });
    expect(cancelled.windows[0]?.destroyed).toBe(true);
  });

  it('cleans up when the layout fails to load', async () => {
    const { svc, windows, documents } = service({ loadFails: true });
    await expect(svc.toPDF(job)).rejects.toThrow('ERR_FAILED');
    expect(windows[0]?.destroyed).toBe(true);
    expect(documents.get('doc-1')).toBeUndefined();
  });
});
