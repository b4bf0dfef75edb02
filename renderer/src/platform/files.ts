/**
 * Files in and out of the renderer, the same call on both platforms (ARCHITECTURE.md, "Platform
 * bridge"): in the desktop app through `window.touchmap` (shared/ipc.ts) — the native Save and Open
 * dialogs, which remember the last folder — and in a plain browser through a download anchor and an
 * `<input type=file>`. Features never ask which one they run on.
 *
 * Also the one place that turns a map's title into a file name every OS accepts, because the
 * strictest rules (Windows') are a platform concern, not the map's.
 */
import { BRIDGE_GLOBAL, type FileFilter, type OpenedFile, type TouchmapBridge } from '@shared/ipc';
import type { ExportFormat } from '@shared/export-formats';

/** The desktop shell's bridge, or undefined in a plain browser (tests, `npm run web`). */
export function desktopBridge(): TouchmapBridge | undefined {
  return (window as unknown as Record<string, TouchmapBridge | undefined>)[BRIDGE_GLOBAL];
}

// ───────────────────────────────────────────── file names

// The rules live in shared/ so the desktop shell names its automatic backups the same way.
import { utf8Length } from '@shared/file-names';
export { safeFileName } from '@shared/file-names';

// ───────────────────────────────────────────── saving

/** What to save: a file's text and what the Save dialog offers. */
export interface TextFileToSave {
  /** The suggested file name, already safe (see {@link safeFileName}). */
  readonly name: string;
  readonly text: string;
  /** The MIME type of a browser download, e.g. `text/csv;charset=utf-8`. */
  readonly mimeType: string;
  /** Which kind of export this is: the desktop Save dialog remembers a folder per kind. */
  readonly kind: ExportFormat;
  /** The Save dialog's file-type filter, e.g. `{ name: 'CSV', extensions: ['csv'] }`. */
  readonly filter: FileFilter;
}

/** Where a saved file went. `saved: false` means the user cancelled the Save dialog. */
export type SaveOutcome =
  | { readonly saved: true; readonly via: 'dialog'; readonly path?: string }
  | { readonly saved: true; readonly via: 'download' }
  | { readonly saved: false };

/**
 * Saves a text file: the native Save dialog in the desktop app, a download in a browser.
 * Rejects with the shell's error when the file could not be written.
 *
 * @example
 * const outcome = await saveTextFile({ name: 'Clinic.touchmap', text, mimeType: 'application/json', kind: 'touchmap', filter: { name: 'Touchmap map', extensions: ['touchmap'] } });
 * if (outcome.saved && outcome.via === 'dialog') notify('info', `Saved to ${outcome.path}`);
 */
export async function saveTextFile(file: TextFileToSave): Promise<SaveOutcome> {
  const bridge = desktopBridge();
  if (bridge) {
    const result = await bridge.saveFile({ suggestedName: file.name, filters: [file.filter], data: file.text, kind: file.kind });
    return result.saved ? { saved: true, via: 'dialog', path: result.path } : { saved: false };
  }
  downloadBlob(new Blob([file.text], { type: file.mimeType }), file.name);
  return { saved: true, via: 'download' };
}

/**
 * How long a download's object URL lives. Revoking it at once can cancel a download the browser
 * has not started reading yet; a minute is far more than any local file needs.
 */
const OBJECT_URL_LIFETIME_MS = 60_000;

/**
 * Starts a browser download of `blob` named `name`, through a temporary anchor.
 * @example downloadBlob(new Blob([csv], { type: 'text/csv' }), 'Clinic — action plan.csv');
 */
export function downloadBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = name;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), OBJECT_URL_LIFETIME_MS);
}

// ───────────────────────────────────────────── opening

/** A file the user picked, before it is read: the size is known without reading it. */
export interface PickedFile {
  readonly name: string;
  readonly sizeBytes: number;
  /** Reads the text (UTF-8). Call only after checking `sizeBytes`. */
  readonly text: () => Promise<string>;
  /** Reads the bytes, for files of other tools (zips, other encodings). Call only after checking `sizeBytes`. */
  readonly bytes: () => Promise<Uint8Array>;
}

/** What the web file picker accepts: the app's files, and JSON (a `.touchmap` a mail client renamed). */
export const TOUCHMAP_ACCEPT = '.touchmap,application/json,.json,.xmind,.mm,.opml,.md,.markdown,.csv,.tsv,.tab,.xlsx';

/**
 * Asks the user for a `.touchmap` file: the native Open dialog in the desktop app (which reads it
 * and refuses an oversized one itself), a browser file picker otherwise. Resolves to null when
 * the user cancels.
 *
 * @example const file = await pickTouchmapFile(); if (file) await importPicked(file);
 */
export async function pickTouchmapFile(): Promise<PickedFile | null> {
  const bridge = desktopBridge();
  if (bridge) {
    const opened: OpenedFile | null = await bridge.openTouchmapFile();
    return opened && openedFileToPicked(opened);
  }
  const file = await pickWithInput(TOUCHMAP_ACCEPT);
  return file && browserFileToPicked(file);
}

/** A file handed over by the desktop shell (already read). */
export function openedFileToPicked(opened: OpenedFile, sizeBytes?: number): PickedFile {
  const bytes = opened.bytes;
  return {
    name: opened.name,
    sizeBytes: sizeBytes ?? bytes?.length ?? utf8Length(opened.text),
    text: () => Promise.resolve(bytes ? new TextDecoder().decode(bytes) : opened.text),
    bytes: () => Promise.resolve(bytes ?? new TextEncoder().encode(opened.text)),
  };
}

/** A browser File (picked or dropped): its size comes from the file system, the text is read on demand. */
export function browserFileToPicked(file: File): PickedFile {
  return { name: file.name, sizeBytes: file.size, text: () => file.text(), bytes: async () => new Uint8Array(await file.arrayBuffer()) };
}

/**
 * Opens the browser's file picker. The input is attached (hidden) while it is open because some
 * browsers ignore `click()` on a detached input; it is removed once the user chose or cancelled.
 */
function pickWithInput(accept: string): Promise<File | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    input.setAttribute('aria-hidden', 'true');
    input.dataset.testid = 'touchmap-file-input';
    const done = (file: File | null) => {
      input.remove();
      resolve(file);
    };
    input.addEventListener('change', () => done(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => done(null), { once: true });
    document.body.append(input);
    input.click();
  });
}
