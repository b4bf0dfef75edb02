/**
 * `.touchmap` files that reach the app from the OS — the command line, a double-click or the
 * dock (macOS open-file), a second launch (second-instance argv) — are read here and handed
 * to the renderer's onOpenFile, which imports each as a new map.
 *
 * Files that arrive before the renderer listens (the usual case: the OS starts the app *with*
 * the file) are queued and delivered once the preload reports a listener. Files over 50 MB are
 * refused with the limit named (FILE-FORMAT.md), without reading them.
 */
import path from 'node:path';
import { MAX_TOUCHMAP_FILE_BYTES, type OpenedFile } from '../../shared/ipc';
import { IMPORT_EXTENSIONS } from '../../shared/import/extensions';

export const TOUCHMAP_EXTENSION = '.touchmap';

/** Every extension the app opens: its own, and the other tools' files it imports (XMind, CSV…). */
export const OPENABLE_EXTENSIONS: readonly string[] = [TOUCHMAP_EXTENSION, ...IMPORT_EXTENSIONS.map((ext) => `.${ext}`)];

/** Whether a path ends in an extension the app opens. */
export function isOpenablePath(filePath: string): boolean {
  const lower = filePath.toLowerCase();
  return OPENABLE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

/**
 * The `.touchmap` paths in a command line, resolved against `cwd`. Chromium switches and the
 * app's own script path never end in .touchmap, so the extension alone picks the files.
 * @example touchmapPathsFromArgv(['/opt/Touchmap/touchmap', '--no-sandbox', 'a.touchmap'], '/home/u') // ['/home/u/a.touchmap']
 */
export function touchmapPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && isOpenablePath(arg))
    .map((arg) => path.resolve(cwd, arg));
}

/** @example formatMegabytes(52_428_800) // "50 MB" */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${mb >= 10 ? Math.round(mb) : mb.toFixed(1)} MB`;
}

export interface TouchmapFs {
  /** File size in bytes (fs.promises.stat(p).size). */
  size(filePath: string): Promise<number>;
  readText(filePath: string): Promise<string>;
  /** The raw bytes, for another tool's file (a zip, or text in another encoding). */
  readBytes?(filePath: string): Promise<Uint8Array>;
}

export type ReadOutcome = { readonly ok: true; readonly file: OpenedFile } | { readonly ok: false; readonly message: string };

/** Reads a `.touchmap` for the renderer, refusing what it must not open; never throws. */
export async function readTouchmapFile(filePath: string, fs: TouchmapFs, maxBytes = MAX_TOUCHMAP_FILE_BYTES): Promise<ReadOutcome> {
  const name = path.basename(filePath);
  if (!isOpenablePath(name)) {
    return { ok: false, message: `“${name}” is not a Touchmap file. Touchmap opens files ending in ${OPENABLE_EXTENSIONS.join(', ')}.` };
  }
  try {
    const bytes = await fs.size(filePath);
    if (bytes > maxBytes) {
      return {
        ok: false,
        message: `“${name}” is ${formatMegabytes(bytes)}; Touchmap opens .touchmap files up to ${formatMegabytes(maxBytes)}. Split the maps into several files and open each.`,
      };
    }
    // Another tool's file goes to the renderer as bytes: its reader sniffs zips and encodings itself.
    if (!name.toLowerCase().endsWith(TOUCHMAP_EXTENSION) && fs.readBytes) return { ok: true, file: { name, text: '', bytes: await fs.readBytes(filePath) } };
    return { ok: true, file: { name, text: await fs.readText(filePath) } };
  } catch (error) {
    return { ok: false, message: `“${name}” could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface FileOpenRouterDeps {
  readonly fs: TouchmapFs;
  /** Sends the file to the renderer (EVENT_CHANNELS.openFile). */
  deliver(file: OpenedFile): void;
  /** Tells the user why a file was refused (a native message box). */
  warn(message: string): void;
  readonly maxBytes?: number;
}

export interface FileOpenRouter {
  /** A path from the OS. Resolves once the file is delivered, queued or refused. */
  open(filePath: string): Promise<void>;
  /** The renderer listens now: deliver what waited. */
  markReady(): void;
  /** The renderer went away (reload, crash, window closed): queue again until it listens. */
  markNotReady(): void;
  /** Files waiting for the renderer (for tests and diagnostics). */
  pending(): readonly OpenedFile[];
}

export function createFileOpenRouter(deps: FileOpenRouterDeps): FileOpenRouter {
  let ready = false;
  const queue: OpenedFile[] = [];
  return {
    async open(filePath) {
      const outcome = await readTouchmapFile(filePath, deps.fs, deps.maxBytes);
      if (!outcome.ok) {
        deps.warn(outcome.message);
        return;
      }
      if (ready) deps.deliver(outcome.file);
      else queue.push(outcome.file);
    },
    markReady() {
      ready = true;
      for (const file of queue.splice(0)) deps.deliver(file);
    },
    markNotReady() {
      ready = false;
    },
    pending: () => [...queue],
  };
}
