/**
 * The headless export's command line, shared by `npm run export` (scripts/export.mjs,
 * which bundles this file on the fly) and the packaged app's `touchmap --export …`
 * (electron/main/cli-export.ts), so the two parse, validate, name files and report the same way.
 *
 * Pure: argv strings in, options or a message naming the bad option out. At run time it imports
 * only the format table (export-formats.ts, plain data), so the script's on-the-fly bundle stays
 * a few kilobytes instead of pulling in zod and the model.
 */
import { CLI_WORDS, type CliWords } from './i18n/cli-words';
import { isUiLanguage, UI_LANGUAGES } from './i18n/languages';
import { fill, wordsOf } from './i18n/message-language';
import type { Locale } from './model/types';
import type { Orientation, PageMode, Paper, SlideFrame } from './model/page-layout';
import { CLI_EXPORT_FORMATS, EXPORT_FORMAT_INFO, cliFormatNamed, cliNameOf, extensionOf, isPrintedFormat as isPrintedFormatOf, isVisualFormat, type CliExportFormat } from './export-formats';

/** The `--format` words, in order: `pdf|png|jpeg|svg|csv|md` (`jpg` and `markdown` are aliases). */
const FORMAT_WORDS = CLI_EXPORT_FORMATS.map(cliNameOf);

/** Whether the format is a PDF (printed from the page's print HTML, or written by the page itself); scripts/export.mjs asks it here, its one import. */
export { isPrintedFormat } from './export-formats';

/**
 * Whether the export page's answer is a print document still to be printed (a PDF with the
 * appendix or analysis pages, a slide deck), rather than a PDF the page wrote itself (map pages
 * alone: `pdf.written`, data = the file in base64) — both command lines save that as it is.
 * @example needsPrinting('pdf', { pdf: { widthIn: 11.69, heightIn: 8.27, pages: 1, written: true } }) // false
 */
export function needsPrinting(format: CliExportFormat, result: Pick<ExportResultSummary, 'pdf'>): boolean {
  return isPrintedFormatOf(format) && result.pdf?.written !== true;
}
/** `--page`: one page of that paper, the page fitted to the map, or a poster over several pages. */
export const EXPORT_PAGES = ['a4', 'a3', 'letter', 'fit', 'poster'] as const;
export type ExportPage = (typeof EXPORT_PAGES)[number];
/** `--paper`: the poster's paper (and the appendix's when the page is fitted to the map). */
export const EXPORT_PAPERS = ['a4', 'a3', 'letter'] as const satisfies readonly Paper[];
export const EXPORT_BACKGROUNDS = ['white', 'transparent', 'dark'] as const;
/** `--frame`: the picture centred in a slide of that shape (`none`: the map's own shape). */
export const EXPORT_FRAMES = ['none', '16:9', '4:3'] as const satisfies readonly SlideFrame[];
export type ExportBackground = (typeof EXPORT_BACKGROUNDS)[number];
/** `--scale` bounds: past 4× a large map's PNG runs into hundreds of megapixels. */
export const MIN_EXPORT_SCALE = 1;
export const MAX_EXPORT_SCALE = 4;
/**
 * The largest file the export reads: the same 50 MB as import (shared/file-format.ts
 * MAX_FILE_BYTES; a unit test keeps them equal — importing it would drag zod into the script's bundle).
 */
export const MAX_EXPORT_FILE_BYTES = 50 * 1024 * 1024;
/** Every message starts with this, so a batch log says which tool complained. */
/** The scripts set their message language through this module, the one they bundle. */
export { cliMessageLanguage, setMessageLanguage } from './i18n/message-language';

export const EXPORT_MESSAGE_PREFIX = 'touchmap export: ';

/** The parsed command line. */
export interface ExportCliOptions {
  /** The .touchmap file as given (relative to the working directory). */
  readonly file: string;
  readonly format: CliExportFormat;
  /** A map's id or title; the file's first map when absent. */
  readonly map?: string;
  /** Where to write; next to the file, named after the map, when absent. */
  readonly out?: string;
  readonly scale: number;
  readonly page: ExportPage;
  readonly paper: Paper;
  /** `auto` (no flag): the orientation that prints the map larger, as the export dialog chooses. */
  readonly orientation: Orientation;
  readonly frame: SlideFrame;
  readonly appendix: boolean;
  readonly background: ExportBackground;
  readonly legend: boolean;
  readonly titleBlock: boolean;
  readonly chains: boolean;
  /** `--force`: replace a file already at the target; without it the export refuses and names the file. */
  readonly force: boolean;
  /** `--lang`: the language of the messages; else the locale's (shared/i18n/message-language.ts cliMessageLanguage). */
  readonly language?: Locale;
}

/** What parseExportArgs gives: options, a request for the usage text, or a message naming the problem. */
export type ExportCliParse =
  | { readonly ok: true; readonly help?: false; readonly options: ExportCliOptions }
  | { readonly ok: true; readonly help: true }
  | { readonly ok: false; readonly error: string };

/**
 * The usage text, headed by how this tool is invoked.
 * @example exportUsage('touchmap --export') // "Usage: touchmap --export <file.touchmap> --format …"
 */
export function exportUsage(command = 'npm run export --'): string {
  return `Usage: ${command} <file.touchmap> --format ${FORMAT_WORDS.join('|')} [options]
  --map <id or title>     which map of the file (default: the first)
  --out <path>            where to write (default: next to the file, named after the map)
  --force                 replace the file if it exists (without it an existing file is left alone)
  --scale <1-4>           PNG/JPEG pixel scale (default 2)
  --page a4|a3|letter|fit|poster
                          PDF: fit on one page of that paper, fit the page to the map, or poster (default a4)
  --paper a4|a3|letter    PDF poster paper (default a4)
  --landscape, --portrait PDF: paper orientation (default: whichever prints the map larger)
  --frame none|16:9|4:3   PDF/PNG/JPEG/SVG: centre the map in a slide of that shape (default none)
  --appendix              PDF: add the table of touchpoints by stage
  --background white|transparent|dark   (transparent: PNG and SVG only)
  --no-legend --no-title --no-chains    leave those out
  --lang en|ru|ko|ja      the language of messages (default: LC_ALL, LC_MESSAGES or LANG, else English)
  slides-pdf, slides-pptx: the map's presentation (the slides picked in the app, else the default
                          deck), 16:9, one page or slide per slide; --background dark for the dark theme`;
}

class UsageError extends Error {}

/** The command line's words in the message language (shared/i18n/message-language.ts). */
export const cliWords = (): CliWords => wordsOf(CLI_WORDS);

/** One of the command line's sentences, filled: for the scripts, which bundle only this module. */
export const cliText = (key: keyof CliWords, vars?: Readonly<Record<string, string | number>>): string => fill(cliWords()[key], vars);

const notOneOf = (flag: string, list: readonly string[], value: string) => new UsageError(fill(cliWords().mustBeOneOf, { flag, list: list.join(', '), value }));

const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/**
 * Parses the export's arguments (without the program name or `--export`). Options take their
 * value as the next argument or after `=`; the first problem found is the message.
 * @example parseExportArgs(['map.touchmap', '--format', 'png', '--scale', '9'])
 * // { ok: false, error: '--scale must be a number from 1 to 4; got "9".' }
 */
export function parseExportArgs(argv: readonly string[]): ExportCliParse {
  try {
    return parse(argv);
  } catch (error) {
    if (error instanceof UsageError) return { ok: false, error: error.message };
    throw error;
  }
}

function parse(argv: readonly string[]): ExportCliParse {
  let formatWord: string | undefined;
  let map: string | undefined;
  let out: string | undefined;
  let scale = 2;
  let page: ExportPage = 'a4';
  let paper: Paper = 'a4';
  let orientation: Orientation = 'auto';
  let frame: SlideFrame = 'none';
  let appendix = false;
  let background: ExportBackground = 'white';
  let legend = true;
  let titleBlock = true;
  let chains = true;
  let force = false;
  let language: Locale | undefined;
  const files: string[] = [];

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const take = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      // A missing value must not silently swallow the next option.
      if (v === undefined || v.startsWith('--')) throw new UsageError(fill(cliWords().needsValue, { flag }));
      i++;
      return v;
    };
    switch (flag) {
      case '--format': {
        formatWord = take().toLowerCase();
        break;
      }
      case '--map':
        map = take();
        break;
      case '--out':
        out = take();
        break;
      case '--scale': {
        const raw = take();
        const n = Number(raw);
        if (!Number.isFinite(n) || n < MIN_EXPORT_SCALE || n > MAX_EXPORT_SCALE) throw new UsageError(fill(cliWords().scaleRange, { min: MIN_EXPORT_SCALE, max: MAX_EXPORT_SCALE, value: raw }));
        scale = n;
        break;
      }
      case '--page': {
        const v = take().toLowerCase();
        if (!oneOf(EXPORT_PAGES, v)) throw notOneOf(flag, EXPORT_PAGES, v);
        page = v;
        break;
      }
      case '--paper': {
        const v = take().toLowerCase();
        if (!oneOf(EXPORT_PAPERS, v)) throw notOneOf(flag, EXPORT_PAPERS, v);
        paper = v;
        break;
      }
      case '--background': {
        const v = take().toLowerCase();
        if (!oneOf(EXPORT_BACKGROUNDS, v)) throw notOneOf(flag, EXPORT_BACKGROUNDS, v);
        background = v;
        break;
      }
      case '--landscape':
        orientation = 'landscape';
        break;
      case '--portrait':
        orientation = 'portrait';
        break;
      case '--frame': {
        const v = take().toLowerCase();
        if (!oneOf(EXPORT_FRAMES, v)) throw notOneOf(flag, EXPORT_FRAMES, v);
        frame = v;
        break;
      }
      case '--appendix':
        appendix = true;
        break;
      case '--no-legend':
        legend = false;
        break;
      case '--no-title':
        titleBlock = false;
        break;
      case '--no-chains':
        chains = false;
        break;
      case '--force':
        force = true;
        break;
      case '--lang': {
        const v = take().toLowerCase();
        if (!isUiLanguage(v)) throw notOneOf(flag, UI_LANGUAGES, v);
        language = v;
        break;
      }
      case '--help':
      case '-h':
        return { ok: true, help: true };
      default:
        if (arg.startsWith('-')) throw new UsageError(fill(cliWords().unknownOption, { option: arg }));
        files.push(arg);
    }
  }

  const words = cliWords();
  if (files.length === 0) throw new UsageError(words.giveFile);
  if (files.length > 1) throw new UsageError(fill(words.oneFile, { count: files.length, files: files.join(', ') }));
  if (formatWord === undefined) throw new UsageError(fill(words.formatRequired, { list: FORMAT_WORDS.join(', ') }));
  const format = cliFormatNamed(formatWord);
  if (!format) throw notOneOf('--format', FORMAT_WORDS, formatWord);
  if (background === 'transparent' && format !== 'png' && format !== 'svg') {
    throw new UsageError(fill(words.transparentOnly, { format: cliNameOf(format).toUpperCase() }));
  }
  if (frame !== 'none' && !isVisualFormat(format)) {
    throw new UsageError(fill(words.frameOnly, { format: cliNameOf(format).toUpperCase() }));
  }
  const options: ExportCliOptions = {
    file: files[0] as string,
    format,
    ...(map !== undefined ? { map } : {}),
    ...(out !== undefined ? { out } : {}),
    scale,
    page,
    paper,
    orientation,
    frame,
    appendix,
    background,
    legend,
    titleBlock,
    chains,
    force,
    ...(language !== undefined ? { language } : {}),
  };
  return { ok: true, options };
}

/**
 * The export's arguments in an app's argv: everything after `--export`, or null when the app
 * was not started to export. What comes before (the executable, `.` or main.cjs in development,
 * Chromium switches) is not the export's business.
 * @example exportArgsFromArgv(['/opt/Touchmap/touchmap', '--export', 'a.touchmap', '--format', 'svg']) // ['a.touchmap', '--format', 'svg']
 */
export function exportArgsFromArgv(argv: readonly string[]): string[] | null {
  const at = argv.indexOf('--export');
  return at < 0 ? null : argv.slice(at + 1);
}

/** The options of `window.touchmapExport` (renderer/src/export-entry.ts HeadlessOptions). */
export interface ExportRequest {
  readonly format: CliExportFormat;
  readonly map?: string;
  readonly scale: number;
  readonly background: ExportBackground;
  readonly pageMode: PageMode;
  readonly paper: Paper;
  readonly orientation: Orientation;
  readonly frame: SlideFrame;
  readonly appendix: boolean;
  readonly legend: boolean;
  readonly titleBlock: boolean;
  readonly chains: boolean;
  /** The language of the page's messages (a refused file), as the command line chose it. */
  readonly language?: Locale;
}

/**
 * Translates the command line's page words into the renderer's page plan: `--page a3` is
 * "fit on one A3", `fit` fits the page to the map, `poster` tiles `--paper`.
 * @example exportRequest({ ...options, page: 'a3' }) // { pageMode: 'fit', paper: 'a3', … }
 */
export function exportRequest(options: ExportCliOptions): ExportRequest {
  const pageMode: PageMode = options.page === 'fit' ? 'fit-page-to-map' : options.page === 'poster' ? 'poster' : 'fit';
  const paper: Paper = oneOf(EXPORT_PAPERS, options.page) ? options.page : options.paper;
  return {
    format: options.format,
    ...(options.map !== undefined ? { map: options.map } : {}),
    scale: options.scale,
    background: options.background,
    pageMode,
    paper,
    orientation: options.orientation,
    frame: options.frame,
    appendix: options.appendix,
    legend: options.legend,
    titleBlock: options.titleBlock,
    chains: options.chains,
    ...(options.language !== undefined ? { language: options.language } : {}),
  };
}

/** Longest file-name stem taken from a title: well inside every file system's 255-byte limit, even in CJK. */
const MAX_STEM_CHARS = 80;
/** Names Windows refuses whatever the extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

/**
 * A file name for the map's export: the title without characters file systems refuse, the
 * format's extension; "map" when nothing is left.
 * @example exportFileName('Clinic: visit / follow-up', 'jpeg') // "Clinic visit follow-up.jpg"
 */
export function exportFileName(mapTitle: string, format: CliExportFormat): string {
  // eslint-disable-next-line no-control-regex -- control characters cannot be in file names
  const cleaned = mapTitle.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, ' ').replace(/\s+/g, ' ').trim();
  // By code point, so a cut never splits a surrogate pair; no leading/trailing dots (hidden files, Windows).
  let stem = Array.from(cleaned).slice(0, MAX_STEM_CHARS).join('').replace(/^[.\s]+|[.\s]+$/g, '');
  if (WINDOWS_RESERVED.test(stem)) stem = `${stem} map`;
  return `${stem || 'map'}${EXPORT_FORMAT_INFO[format].fileSuffix ?? ''}.${extensionOf(format)}`;
}

/** What the export page returns that the command line reports (renderer/src/export-entry.ts HeadlessResult). */
export interface ExportResultSummary {
  readonly mapTitle: string;
  readonly otherMaps: readonly string[];
  readonly notice?: string;
  readonly width?: number;
  readonly height?: number;
  /** `written`: the page wrote the PDF itself (map pages alone); otherwise it returned a print document. */
  readonly pdf?: { readonly widthIn: number; readonly heightIn: number; readonly pages: number; readonly written?: boolean };
}

/**
 * The pages of a printed PDF: its `/Type /Page` objects (Chromium writes them uncompressed), so
 * the report counts the appendix's pages too, which only the printer knows. 0 when none is found
 * (a PDF that packs its objects in streams): the caller then falls back to the planned count.
 * @example countPdfPages(bytes) // 2
 */
export function countPdfPages(bytes: Uint8Array): number {
  let text = '';
  // latin1, chunked: a poster's PDF runs to megabytes, and only the ASCII dictionaries matter.
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return (text.match(/\/Type\s*\/Page(?![A-Za-z])/g) ?? []).length;
}

/**
 * The stdout line: where the file went, and its size in pixels or pages — `printedPages` when the
 * PDF's own count is known (countPdfPages), else the planned map pages.
 * @example exportDoneLine('/tmp/a.png', { mapTitle: 'A', otherMaps: [], width: 800, height: 600 }) // "/tmp/a.png (800 × 600 px)\n"
 */
export function exportDoneLine(outPath: string, result: ExportResultSummary, printedPages?: number): string {
  const pages = printedPages !== undefined && printedPages > 0 ? printedPages : result.pdf?.pages ?? 0;
  const what = result.width
    ? ` (${result.width} × ${result.height} px)`
    : result.pdf
      ? ` (${pages} page${pages === 1 ? '' : 's'} of ${result.pdf.widthIn.toFixed(2)} × ${result.pdf.heightIn.toFixed(2)} in)`
      : '';
  return `${outPath}${what}\n`;
}

/**
 * The stderr notes of a successful export: which map was taken from a file of several, and any
 * notice of the renderer (e.g. labels too small to read on one page). Empty when there is none.
 */
export function exportNotes(result: ExportResultSummary, mapAsked: boolean): string {
  let notes = '';
  if (result.otherMaps.length > 0 && !mapAsked) notes += `${fill(cliWords().noteOtherMaps, { count: result.otherMaps.length + 1, title: result.mapTitle })}\n`;
  if (result.notice) notes += `${fill(cliWords().note, { notice: result.notice })}\n`;
  return notes;
}

/** A message for stderr, prefixed and newline-terminated. */
export function exportErrorText(message: string): string {
  return `${EXPORT_MESSAGE_PREFIX}${message}\n`;
}

/**
 * The refusal to replace a file already at the export's target (exit 1, like a bad option): a
 * map's title names the file, so a second export of a renamed copy would silently replace the first.
 * @example existingFileMessage('/maps/Clinic.pdf') // "/maps/Clinic.pdf already exists; …"
 */
export function existingFileMessage(target: string): string {
  return fill(cliWords().existingFile, { target });
}

/** The refusal of a file past MAX_EXPORT_FILE_BYTES. */
export function fileTooLargeMessage(fileName: string, bytes: number): string {
  return fill(cliWords().fileTooLarge, { name: fileName, size: (bytes / 1048576).toFixed(1), limit: MAX_EXPORT_FILE_BYTES / 1048576 });
}

/**
 * The first line of an error from the page, without the wrappers Playwright and Electron put
 * around it ("page.evaluate: Error: …", "Error: …"), so the user reads the renderer's own message —
 * with the "Details: …" line a refused file adds, and without the stack trace that follows.
 */
export function pageErrorMessage(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const [first = '', ...rest] = raw.replace(/^page\.evaluate: /, '').replace(/^(Uncaught )?(\w*Error: )/, '').split('\n');
  const details = rest.filter((line) => line.startsWith('Details: '));
  return [first.trim(), ...details].join('\n').trim() || cliWords().exportFailed;
}
