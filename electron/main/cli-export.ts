/**
 * `touchmap --export <file.touchmap> --format …` in the packaged app: the same
 * options, messages and exit codes as `npm run export` (both parse with shared/export-cli.ts),
 * run by the app's own Chromium instead of a separately installed one.
 *
 * How: the built export page (app://touchmap/export.html, the same renderer code as the app) in
 * a hidden, sandboxed, preload-less window; `window.touchmapExport` called through
 * executeJavaScript with its arguments as JSON data; PDF printed by the print service
 * (print.ts) exactly as the app's own PDF export is. No window is ever shown and the
 * single-instance lock is never taken, so an export runs beside an open Touchmap.
 *
 * Electron objects come in as parameters (index.ts passes the real ones; unit tests fakes).
 * Exit codes: 0 done, 1 a bad option, file or map (the message says which), 2 the export failed.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  countPdfPages,
  exportDoneLine,
  exportErrorText,
  existingFileMessage,
  exportFileName,
  exportNotes,
  exportRequest,
  exportUsage,
  fileTooLargeMessage,
  isPrintedFormat,
  needsPrinting,
  MAX_EXPORT_FILE_BYTES,
  parseExportArgs,
  cliText,
  cliMessageLanguage,
  setMessageLanguage,
  type ExportRequest,
  type ExportResultSummary,
} from '../../shared/export-cli';
import { MAX_PAGE_INCHES, printJobSchema, type PrintJob } from '../../shared/ipc';
import { withTimeout } from '../../shared/with-timeout';
import { writeFileAtomically } from './atomic-write';
import { APP_ORIGIN } from './app-origin';

/** The export page of the built renderer (renderer/export.html). */
export const EXPORT_PAGE_URL = `${APP_ORIGIN}/export.html`;
/** How `touchmap --export` is written in the usage text. */
export const CLI_EXPORT_COMMAND = 'touchmap --export';
/** Loading the export page and drawing a map: a 2,000-touchpoint map takes seconds, so this only catches a hang. */
export const CLI_EXPORT_TIMEOUT_MS = 120_000;
/** How long the page may take to define window.touchmapExport after loading (its module script runs after load). */
export const PAGE_START_MS = 30_000;

export const EXIT_OK = 0;
/** A bad option, file or map: the user can fix it. */
export const EXIT_BAD_INPUT = 1;
/** The export itself failed. */
export const EXIT_EXPORT_FAILED = 2;

/** What the export needs of a hidden BrowserWindow. */
export interface ExportWindow {
  readonly webContents: {
    loadURL(url: string): Promise<void>;
    executeJavaScript(code: string): Promise<unknown>;
  };
  destroy(): void;
  isDestroyed(): boolean;
}

/** The file system the export reads and writes (tests pass fakes for the failures real disks rarely give). */
export interface CliExportFs {
  stat(filePath: string): Promise<{ readonly size: number; readonly isFile: boolean }>;
  readText(filePath: string): Promise<string>;
  mkdir(dirPath: string): Promise<void>;
  writeFile(filePath: string, data: string | Uint8Array): Promise<void>;
}

export const nodeCliExportFs: CliExportFs = {
  stat: async (filePath) => {
    const stats = await fs.promises.stat(filePath);
    return { size: stats.size, isFile: stats.isFile() };
  },
  readText: (filePath) => fs.promises.readFile(filePath, 'utf8'),
  mkdir: async (dirPath) => void (await fs.promises.mkdir(dirPath, { recursive: true })),
  writeFile: writeFileAtomically,
};

/** Where messages go. */
export interface CliOutput {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Resolves when what was written has left the process (pipes are asynchronous on macOS; app.exit does not wait). */
  flush(): Promise<void>;
}

const drained = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));

export const processOutput: CliOutput = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  flush: async () => void (await Promise.all([drained(process.stdout), drained(process.stderr)])),
};

export interface CliExportDeps {
  /** The arguments after `--export` (shared/export-cli.ts exportArgsFromArgv). */
  readonly args: readonly string[];
  /** Relative paths in the arguments are relative to this (process.cwd()). */
  readonly cwd: string;
  /** new BrowserWindow(printWindowOptions()): hidden, sandboxed, no preload. */
  createWindow(): ExportWindow;
  /** The print service's toPDF (print.ts): a hidden print window and webContents.printToPDF. */
  printToPDF(job: PrintJob): Promise<Uint8Array>;
  readonly fs?: CliExportFs;
  readonly output?: CliOutput;
  readonly timeoutMs?: number;
  readonly pageStartMs?: number;
  /** LC_ALL, LC_MESSAGES, LANG: the message language when there is no `--lang` (process.env). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** The system's language when neither `--lang` nor the environment says one: app.getLocale(), valid once the app is ready. */
  readonly locale?: () => string;
}

/** What window.touchmapExport returns (renderer/src/export-entry.ts HeadlessResult), as far as the command line uses it. */
export interface ExportPageResult extends ExportResultSummary {
  readonly encoding: 'text' | 'base64';
  readonly data: string;
}

/** The export script's answer: the page's result, or its error and whether the page ever started. */
export type ExportPageReply =
  | { readonly ok: true; readonly result: ExportPageResult }
  | { readonly ok: false; readonly stage: 'start' | 'export'; readonly error: string };

/**
 * The code run in the export page. The file's text and the options go in as one JSON string
 * literal that the page parses — user text is data, never code, whatever quotes or `</script>`
 * it holds. Errors come back as values, so "your file is broken" (the page's message, exit 1)
 * stays apart from "the export broke" (a rejected call, exit 2). The layout geometry the tests
 * use is dropped before it crosses to main.
 * @example await win.webContents.executeJavaScript(exportScript(text, exportRequest(options)))
 */
export function exportScript(fileText: string, request: ExportRequest, pageStartMs = PAGE_START_MS): string {
  const payload = JSON.stringify(JSON.stringify([fileText, request]));
  const notStarted = JSON.stringify(cliText('pageDidNotStart'));
  const waitMs = Math.max(0, Math.floor(Number(pageStartMs) || 0));
  return `(async () => {
  const [text, options] = JSON.parse(${payload});
  const started = Date.now();
  while (typeof window.touchmapExport !== 'function') {
    if (Date.now() - started > ${waitMs}) return { ok: false, stage: 'start', error: ${notStarted} };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    const { geometry: _geometry, ...result } = await window.touchmapExport(text, options);
    return { ok: true, result };
  } catch (error) {
    return { ok: false, stage: 'export', error: error instanceof Error ? error.message : String(error) };
  }
})()`;
}

function isReply(value: unknown): value is ExportPageReply {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  if (v.ok === false) return typeof v.error === 'string' && (v.stage === 'start' || v.stage === 'export');
  if (v.ok !== true || typeof v.result !== 'object' || v.result === null) return false;
  const r = v.result as Record<string, unknown>;
  return typeof r.mapTitle === 'string' && Array.isArray(r.otherMaps) && (r.encoding === 'text' || r.encoding === 'base64') && typeof r.data === 'string';
}

/**
 * The print job of an exported PDF: the print document's first-page size (later pages size
 * themselves with CSS `@page`), and margins explicitly 0 because the document draws its own —
 * the same job the app's PDF export hands to printToPDF (renderer/src/features/export/visual/pdf/pdf.ts).
 * Checked against the IPC schema, so a broken layout fails here with a reason, not in Chromium.
 */
export function pdfJobOf(result: ExportPageResult): PrintJob {
  if (!result.pdf) throw new Error('The export page returned no page size for the PDF.');
  const inches = (v: number) => Math.min(MAX_PAGE_INCHES, Math.max(1, v));
  const job = {
    html: result.data,
    pageSize: { widthInches: inches(result.pdf.widthIn), heightInches: inches(result.pdf.heightIn) },
    margins: { top: 0, right: 0, bottom: 0, left: 0 },
    title: result.mapTitle.slice(0, 200),
  };
  const checked = printJobSchema.safeParse(job);
  if (!checked.success) throw new Error(`The PDF layout is not printable: ${checked.error.issues[0]?.message ?? 'invalid'}.`);
  return checked.data;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Runs one export from the command line; resolves to the exit code (never rejects).
 * @example const code = await runCliExport({ args, cwd: process.cwd(), createWindow, printToPDF })
 */
export async function runCliExport(deps: CliExportDeps): Promise<number> {
  const out = deps.output ?? processOutput;
  const files = deps.fs ?? nodeCliExportFs;
  const timeoutMs = deps.timeoutMs ?? CLI_EXPORT_TIMEOUT_MS;
  const fail = (message: string, code: number) => {
    out.stderr(exportErrorText(message));
    return code;
  };

  // Messages in the person's language: --lang, else LC_ALL / LC_MESSAGES / LANG, else the system's.
  const language = cliMessageLanguage(deps.args, deps.env ?? {}, [deps.locale?.()]);
  setMessageLanguage(language);
  const parsed = parseExportArgs(deps.args);
  if (!parsed.ok) return fail(`${parsed.error}\n\n${exportUsage(CLI_EXPORT_COMMAND)}`, EXIT_BAD_INPUT);
  if (parsed.help) {
    out.stdout(`${exportUsage(CLI_EXPORT_COMMAND)}\n`);
    return EXIT_OK;
  }
  const options = parsed.options;

  const file = path.resolve(deps.cwd, options.file);
  let text: string;
  try {
    const stat = await files.stat(file).catch(() => null);
    if (!stat || !stat.isFile) return fail(cliText('noFileAt', { path: file }), EXIT_BAD_INPUT);
    if (stat.size > MAX_EXPORT_FILE_BYTES) return fail(fileTooLargeMessage(path.basename(file), stat.size), EXIT_BAD_INPUT);
    text = await files.readText(file);
  } catch (error) {
    return fail(cliText('cannotRead', { path: file, reason: errorText(error) }), EXIT_BAD_INPUT);
  }

  try {
    let reply: unknown;
    const win = deps.createWindow();
    try {
      await withTimeout(win.webContents.loadURL(EXPORT_PAGE_URL), timeoutMs, cliText('pageDidNotLoad', { seconds: Math.round(timeoutMs / 1000) }));
      reply = await withTimeout(
        win.webContents.executeJavaScript(exportScript(text, { ...exportRequest(options), language }, deps.pageStartMs)),
        timeoutMs,
        cliText('exportTimedOut', { seconds: Math.round(timeoutMs / 1000) }),
      );
    } finally {
      // Freed before the PDF is printed: a large map's page holds hundreds of MB.
      if (!win.isDestroyed()) win.destroy();
    }
    if (!isReply(reply)) return fail(cliText('noUsableResult'), EXIT_EXPORT_FAILED);
    // The page's own message is the user's message (a broken file, an unknown map), as in `npm run export`.
    if (!reply.ok) return fail(reply.error, reply.stage === 'export' ? EXIT_BAD_INPUT : EXIT_EXPORT_FAILED);
    const result = reply.result;

    const target = options.out !== undefined ? path.resolve(deps.cwd, options.out) : path.join(path.dirname(file), exportFileName(result.mapTitle, options.format));
    // Checked before printing: a refused export should not spend a PDF's print time first.
    if (!options.force && (await files.stat(target).then(() => true, () => false))) return fail(existingFileMessage(target), EXIT_BAD_INPUT);
    // A PDF of map pages alone arrives written (the renderer's own PDF writer, as in the app): saved as it is.
    const printed = needsPrinting(options.format, result);
    const bytes: string | Uint8Array = printed ? await deps.printToPDF(pdfJobOf(result)) : result.encoding === 'base64' ? Buffer.from(result.data, 'base64') : result.data;
    await files.mkdir(path.dirname(target));
    await files.writeFile(target, bytes);
    out.stderr(exportNotes(result, options.map !== undefined));
    // The printer, not the plan, knows how many pages the appendix took.
    out.stdout(exportDoneLine(target, result, typeof bytes === 'string' ? undefined : isPrintedFormat(options.format) ? countPdfPages(bytes) : undefined));
    return EXIT_OK;
  } catch (error) {
    return fail(errorText(error), EXIT_EXPORT_FAILED);
  }
}

/** What the export needs of Electron's `app`. */
export interface CliExportApp {
  whenReady(): Promise<unknown>;
  on(event: 'window-all-closed', listener: () => void): unknown;
  exit(code: number): void;
}

/**
 * The app's `--export` mode: waits for ready, runs `prepare` (the session's guards and the
 * app:// scheme, as for the app), exports, writes out what it has to say and exits with the code.
 * @example void startCliExport(app, secureSession, { args, cwd: process.cwd(), createWindow, printToPDF })
 */
export async function startCliExport(app: CliExportApp, prepare: () => void, deps: CliExportDeps): Promise<number> {
  const out = deps.output ?? processOutput;
  // Windows open and close during an export; with no listener Electron would quit when the export window closes.
  app.on('window-all-closed', () => undefined);
  let code: number;
  try {
    await app.whenReady();
    prepare();
    code = await runCliExport(deps);
  } catch (error) {
    out.stderr(exportErrorText(errorText(error)));
    code = EXIT_EXPORT_FAILED;
  }
  await out.flush();
  app.exit(code);
  return code;
}
