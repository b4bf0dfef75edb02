/**
 * Why a `.touchmap` file was refused, in words for the person who chose it. The reader
 * (file-format.ts) decides WHAT is wrong and keeps its exact technical text (a path such as
 * `maps[0].topics[12].score` and the rule) as the refusal's details; this module says the same
 * thing with the names the person knows — the map's title, the touchpoint's label, the stage's
 * name — and what to do about it. It never decides whether a file is accepted.
 *
 * Messages are English, like every message of shared/ (the CLI prints them too). This module words
 * the refusals of the file as a whole; map-refusals.ts words those inside a map.
 */
import { describeValue } from './model/schema';

/** A refused file: the message for people, the technical text behind "Details", and where. */
export interface FileRefusal {
  readonly error: string;
  readonly details: string;
  readonly path?: string;
}

/** What to do when the file is a Touchmap file with a broken rule. */
export const FIX_THE_FILE = 'Fix it in a text editor, or export the map again from the Touchmap it came from.';
/** What to do when the file is something else altogether. */
export const CHOOSE_A_TOUCHMAP_FILE = 'Choose a .touchmap file instead: Touchmap saves one from a map’s Data export or with “Back up all maps”.';
/** What to do with a file from a newer Touchmap. */
export const UPDATE_TOUCHMAP = 'Update Touchmap to open it.';

/**
 * A refusal and its technical text as one text, for places with no "Details" disclosure (the
 * command line): the message first, the details on the next line.
 * @example refusalText(refusal) // 'Map "Clinic": touchpoint "Site" has our score 14; …\nDetails: maps[0].topics[3].score: 14 is not 0–10'
 */
export function refusalText(refusal: Pick<FileRefusal, 'error' | 'details'>): string {
  return `${refusal.error}\nDetails: ${refusal.details}`;
}

// ───────────────────────────────────────────── before the maps are read

/** @example tooLarge(53_477_376, 52_428_800) */
export function tooLarge(bytes: number, limitBytes: number): FileRefusal {
  return {
    error: `The file is ${megabytes(bytes)} MB; Touchmap imports files up to ${limitBytes / (1024 * 1024)} MB. Check that it is the right file: a map of 2,000 touchpoints is about 2 MB.`,
    details: `size: ${bytes} bytes; the limit is ${limitBytes} bytes`,
  };
}

/** Rounded up so a file just over the limit never reads as "50.0 MB; the limit is 50 MB". */
function megabytes(bytes: number): string {
  return (Math.ceil((bytes / (1024 * 1024)) * 10) / 10).toFixed(1);
}

/**
 * Text that JSON.parse refused: says what the file looks like it is (a PDF, an image, a CSV…), or,
 * when it starts like JSON, that it is a damaged Touchmap file and where the damage is.
 */
export function notJson(text: string, parserError: unknown): FileRefusal {
  const parser = parserError instanceof Error ? parserError.message : String(parserError);
  const where = jsonErrorPlace(parser, text);
  const at = where ? ` (line ${where.line}, column ${where.column})` : '';
  const details = `not valid JSON: ${parser}${where && !/line \d+/.test(parser) ? at : ''}`;
  const start = text.replace(/^\uFEFF/, '').trimStart();
  if (start === '') return { error: `The file is empty: there is no map in it. ${CHOOSE_A_TOUCHMAP_FILE}`, details };
  if (start.startsWith('{') || start.startsWith('[')) {
    return {
      error: `The file looks like a Touchmap file that was damaged or edited by hand: its text is broken${where ? ` at line ${where.line}, column ${where.column}` : ''}. ${FIX_THE_FILE}`,
      details,
    };
  }
  return { error: `This is not a Touchmap map: the file looks like ${lookalike(start)}. ${CHOOSE_A_TOUCHMAP_FILE}`, details };
}

/** Line and column of a JSON.parse error, from "(line 3 column 5)" or from "position 42". */
function jsonErrorPlace(parser: string, text: string): { line: number; column: number } | undefined {
  const lineColumn = /line (\d+) column (\d+)/.exec(parser);
  if (lineColumn) return { line: Number(lineColumn[1]), column: Number(lineColumn[2]) };
  const position = /position (\d+)/.exec(parser);
  if (!position) return undefined;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/** What a text that is not JSON most likely is, judged by how it starts. */
function lookalike(start: string): string {
  const head = start.slice(0, 512);
  const lower = head.toLowerCase();
  if (head.startsWith('%PDF')) return 'a PDF document';
  if (head.startsWith('\u0089PNG') || head.startsWith('\uFFFDPNG')) return 'a PNG image';
  if (head.startsWith('GIF8')) return 'a GIF image';
  if (head.startsWith('\u00FF\u00D8') || head.startsWith('\uFFFD\uFFFD\uFFFD\uFFFD') || /^\uFFFD+JFIF/.test(head) || head.includes('JFIF')) return 'a JPEG image';
  if (head.startsWith('PK')) return 'a ZIP archive (an .xmind map or an Office document, perhaps)';
  if (lower.includes('<svg')) return 'an SVG image';
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return 'a web page (HTML)';
  if (lower.startsWith('<map') || lower.includes('<map version')) return 'a FreeMind mind map';
  if (lower.startsWith('<')) return 'an XML file';
  if (head.startsWith('{\\rtf')) return 'an RTF document';
  if (head.startsWith('#')) return 'a Markdown text (Touchmap’s outline export, perhaps)';
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  if (/[,;\t]/.test(firstLine) && /\r?\n/.test(head)) return 'a table of comma-separated values (CSV), such as Touchmap’s action plan';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000E-\u001F]/.test(head)) return 'a binary file, not text';
  return 'plain text';
}

/** JSON, but not an object (a list, a number…). */
export function notAnObject(value: unknown): FileRefusal {
  return {
    error: `This is not a Touchmap map: the file holds JSON data (${describeValue(value)}), but a Touchmap file is an object that starts with "format": "touchmap". ${CHOOSE_A_TOUCHMAP_FILE}`,
    details: `top level: ${describeValue(value)} is not an object with "format": "touchmap"`,
  };
}

/** An object whose `format` is missing or not "touchmap". */
export function wrongFormat(file: Readonly<Record<string, unknown>>): FileRefusal {
  const found = file.format === undefined ? 'is missing' : `${describeValue(file.format)} is not "touchmap"`;
  const details = `format: ${found}`;
  if (file.format === undefined && Array.isArray(file.maps)) {
    return {
      error: `The file looks like a Touchmap file, but its line "format": "touchmap" is missing, so Touchmap cannot be sure what it is. ${FIX_THE_FILE}`,
      details,
      path: 'format',
    };
  }
  const what =
    typeof file.format === 'string'
      ? `the file says it is a ${describeValue(file.format)} file`
      : file.type === 'excalidraw'
        ? 'the file is an Excalidraw drawing'
        : 'the file holds JSON data from another program';
  return { error: `This is not a Touchmap map: ${what}. ${CHOOSE_A_TOUCHMAP_FILE}`, details, path: 'format' };
}

/** A `version` that is not a whole number of 1 or more. */
export function badVersion(version: unknown): FileRefusal {
  const found = version === undefined ? 'is missing' : `${describeValue(version)} is not a file version`;
  const said = version === undefined ? 'has no version line' : `says its version is ${describeValue(version)}`;
  return {
    error: `The file is damaged: it ${said}, where a Touchmap file has a whole number such as "version": 1. ${FIX_THE_FILE}`,
    details: `version: ${found}; a Touchmap file says which version of the format it is (1 or later)`,
    path: 'version',
  };
}

/** A file written by a later Touchmap than this one. */
export function newerVersion(version: number, current: number): FileRefusal {
  return {
    error: `This file was made by a newer Touchmap (file version ${version}); this Touchmap reads files up to version ${current}. ${UPDATE_TOUCHMAP}`,
    details: `version: ${version} is newer than ${current}, the newest this app reads`,
    path: 'version',
  };
}
