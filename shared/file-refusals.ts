/**
 * Why a `.touchmap` file was refused, in words for the person who chose it. The reader
 * (file-format.ts) decides WHAT is wrong and keeps its exact technical text (a path such as
 * `maps[0].topics[12].score` and the rule) as the refusal's details; this module says the same
 * thing with the names the person knows — the map's title, the touchpoint's label, the stage's
 * name — and what to do about it. It never decides whether a file is accepted.
 *
 * Messages are in the message language (shared/i18n/message-language.ts, English unless the renderer
 * or the command line set another); details stay English. This module words the refusals of the file
 * as a whole; map-refusals.ts words those inside a map.
 */
import { describeValue } from './model/schema';
import { countText, fill, wordsOf } from './i18n/message-language';
import { REFUSAL_WORDS, type RefusalWords } from './i18n/refusal-words';

/** A refused file: the message for people, the technical text behind "Details", and where. */
export interface FileRefusal {
  readonly error: string;
  readonly details: string;
  readonly path?: string;
}

/** The words of the current message language (shared/i18n/message-language.ts). */
export const refusalWords = (): RefusalWords => wordsOf(REFUSAL_WORDS);

/** What to do when the file is a Touchmap file with a broken rule. */
export const fixTheFile = (): string => refusalWords().fixTheFile;
/** What to do when the file is something else altogether. */
export const chooseATouchmapFile = (): string => refusalWords().chooseATouchmapFile;
/** What to do with a file from a newer Touchmap. */
export const updateTouchmap = (): string => refusalWords().updateTouchmap;

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
    error: fill(refusalWords().tooLarge, { size: megabytes(bytes), limit: limitBytes / (1024 * 1024) }),
    details: `size: ${bytes} bytes; the limit is ${limitBytes} bytes`,
  };
}

/** Rounded up so a file just over the limit never reads as "50.0 MB; the limit is 50 MB". */
function megabytes(bytes: number): string {
  return countText(Math.ceil((bytes / (1024 * 1024)) * 10) / 10, 1);
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
  const words = refusalWords();
  if (start === '') return { error: fill(words.emptyFile, { choose: words.chooseATouchmapFile }), details };
  if (start.startsWith('{') || start.startsWith('[')) {
    const error = where ? fill(words.damagedTextAt, { line: where.line, column: where.column, fix: words.fixTheFile }) : fill(words.damagedText, { fix: words.fixTheFile });
    return { error, details };
  }
  return { error: fill(words.looksLike, { what: words[lookalike(start)], choose: words.chooseATouchmapFile }), details };
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

type LookalikeKey = Extract<keyof RefusalWords, `looks${string}`> & Exclude<keyof RefusalWords, 'looksLike'>;

/** What a text that is not JSON most likely is, judged by how it starts: the word table's key. */
function lookalike(start: string): LookalikeKey {
  const head = start.slice(0, 512);
  const lower = head.toLowerCase();
  if (head.startsWith('%PDF')) return 'looksPdf';
  if (head.startsWith('\u0089PNG') || head.startsWith('\uFFFDPNG')) return 'looksPng';
  if (head.startsWith('GIF8')) return 'looksGif';
  if (head.startsWith('\u00FF\u00D8') || head.startsWith('\uFFFD\uFFFD\uFFFD\uFFFD') || /^\uFFFD+JFIF/.test(head) || head.includes('JFIF')) return 'looksJpeg';
  if (head.startsWith('PK')) return 'looksZip';
  if (lower.includes('<svg')) return 'looksSvg';
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) return 'looksHtml';
  if (lower.startsWith('<map') || lower.includes('<map version')) return 'looksFreemind';
  if (lower.startsWith('<')) return 'looksXml';
  if (head.startsWith('{\\rtf')) return 'looksRtf';
  if (head.startsWith('#')) return 'looksMarkdown';
  const firstLine = head.split(/\r?\n/)[0] ?? '';
  if (/[,;\t]/.test(firstLine) && /\r?\n/.test(head)) return 'looksCsv';
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000E-\u001F]/.test(head)) return 'looksBinary';
  return 'looksText';
}

/** JSON, but not an object (a list, a number…). */
export function notAnObject(value: unknown): FileRefusal {
  return {
    error: fill(refusalWords().notAnObject, { value: describeValue(value), choose: chooseATouchmapFile() }),
    details: `top level: ${describeValue(value)} is not an object with "format": "touchmap"`,
  };
}

/** An object whose `format` is missing or not "touchmap". */
export function wrongFormat(file: Readonly<Record<string, unknown>>): FileRefusal {
  const found = file.format === undefined ? 'is missing' : `${describeValue(file.format)} is not "touchmap"`;
  const details = `format: ${found}`;
  if (file.format === undefined && Array.isArray(file.maps)) {
    return {
      error: fill(refusalWords().formatLineMissing, { fix: fixTheFile() }),
      details,
      path: 'format',
    };
  }
  const words = refusalWords();
  const what =
    typeof file.format === 'string' ? fill(words.saysItIs, { format: describeValue(file.format) }) : file.type === 'excalidraw' ? words.isExcalidraw : words.otherProgramJson;
  return { error: fill(words.notTouchmap, { what, choose: words.chooseATouchmapFile }), details, path: 'format' };
}

/** A `version` that is not a whole number of 1 or more. */
export function badVersion(version: unknown): FileRefusal {
  const found = version === undefined ? 'is missing' : `${describeValue(version)} is not a file version`;
  const words = refusalWords();
  return {
    error: version === undefined ? fill(words.versionMissing, { fix: words.fixTheFile }) : fill(words.versionBad, { version: describeValue(version), fix: words.fixTheFile }),
    details: `version: ${found}; a Touchmap file says which version of the format it is (1 or later)`,
    path: 'version',
  };
}

/** A file written by a later Touchmap than this one. */
export function newerVersion(version: number, current: number): FileRefusal {
  return {
    error: fill(refusalWords().newerVersion, { version, current, update: updateTouchmap() }),
    details: `version: ${version} is newer than ${current}, the newest this app reads`,
    path: 'version',
  };
}
