/**
 * The one entry for reading another tool's file: the name's extension says what it should be,
 * the first bytes say what it is. A mismatch is named ("it is named .xmind but it is XML text")
 * rather than met with a parser's complaint, and a file whose name says nothing is read by what
 * its content is. Pure: the renderer, the desktop shell and the command line share it.
 */
import { MAX_FILE_BYTES } from '../limits';
import { readDelimited } from './csv';
import { readFreemind } from './freemind';
import { readMarkdown } from './markdown';
import { readOpml } from './opml';
import { importWords, type ImportFormat, type ReadResult } from './source';
import { fill } from '../i18n/message-language';
import type { ImportWords } from '../i18n/import-words';
import { decodeText } from './text-decoding';
import { IMPORT_EXTENSIONS, IMPORT_FORMAT_BY_EXTENSION } from './extensions';
import { readXlsx } from './xlsx';
import { readXmind } from './xmind';
import { isZip } from './zip';

/** File name endings and the format each names. */
const EXTENSIONS: Readonly<Record<string, ImportFormat>> = IMPORT_FORMAT_BY_EXTENSION;

export { IMPORT_EXTENSIONS };

/**
 * The format a file's name says it is, or undefined.
 * @example formatByName('Plan.XMIND') // 'xmind'
 */
export function formatByName(name: string): ImportFormat | undefined {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  // the extension is the user's text: only the table's own keys count (not `constructor` & co.)
  return ext !== undefined && Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}

/** The file name without its extension: the title when the file gives none. */
export function fileTitle(name: string): string {
  return name.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '').trim() || name;
}

/** What the content looks like, by its first bytes. */
function sniff(bytes: Uint8Array): 'zip' | 'xml' | 'json' | 'text' | 'binary' {
  if (isZip(bytes)) return 'zip';
  const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return 'xml';
  if (head.startsWith('{') || head.startsWith('[')) return 'json';
  // NUL bytes in the head are a binary file (UTF-16 text aside, which starts with its BOM).
  if (bytes.subarray(0, 512).includes(0) && !(bytes[0] === 0xff || bytes[0] === 0xfe)) return 'binary';
  return 'text';
}

const LOOKS: Readonly<Record<ReturnType<typeof sniff>, keyof ImportWords>> = {
  zip: 'looksZip',
  xml: 'looksXml',
  json: 'looksJson',
  text: 'looksText',
  binary: 'looksBinary',
};

const EXPECTS: Readonly<Record<ImportFormat, readonly ReturnType<typeof sniff>[]>> = {
  xmind: ['zip'],
  xlsx: ['zip'],
  freemind: ['xml'],
  opml: ['xml'],
  markdown: ['text', 'xml', 'json'],
  csv: ['text', 'json'],
  tsv: ['text'],
};

/**
 * Reads a file of another tool into a neutral tree or tables, or says in one sentence why not.
 * Nothing here throws for a bad file.
 * @example const result = readImportFile(bytes, 'Journey.xmind'); if (result.ok) planTree(result.source.sheets[0], options);
 */
export function readImportFile(bytes: Uint8Array, name: string): ReadResult {
  const words = importWords();
  if (bytes.length > MAX_FILE_BYTES) return { ok: false, problem: fill(words.tooLarge, { size: Math.round(bytes.length / 1024 / 1024), limit: Math.round(MAX_FILE_BYTES / 1024 / 1024) }) };
  if (bytes.length === 0) return { ok: false, problem: words.empty };
  const looks = sniff(bytes);
  const named = formatByName(name);
  const format = named ?? byContent(bytes, looks);
  if (!format) return { ok: false, problem: fill(words.unknownKind, { looks: words[LOOKS[looks]] }) };
  if (!EXPECTS[format].includes(looks)) {
    const ext = /\.[^.]+$/.exec(name)?.[0] ?? '';
    const actual = byContent(bytes, looks);
    const hint = actual ? fill(words.misnamedHint, { format: formatName(actual), ext: extensionOf(actual) }) : '';
    return { ok: false, problem: fill(words.misnamed, { ext, looks: words[LOOKS[looks]], format: formatName(format), hint }) };
  }
  const title = fileTitle(name);
  switch (format) {
    case 'xmind':
      return readXmind(bytes);
    case 'xlsx':
      return readXlsx(bytes);
    case 'freemind':
      return readFreemind(decodeText(bytes), title);
    case 'opml':
      return readOpml(decodeText(bytes), title);
    case 'markdown':
      return readMarkdown(decodeText(bytes), title);
    case 'csv':
    case 'tsv':
      return readDelimited(decodeText(bytes), title, format);
  }
}

/** The format a content looks like, when its name says nothing (or the wrong thing). */
function byContent(bytes: Uint8Array, looks: ReturnType<typeof sniff>): ImportFormat | undefined {
  if (looks === 'zip') {
    const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
    if (text.includes('content.json') || text.includes('content.xml')) return 'xmind';
    if (text.includes('xl/workbook.xml') || text.includes('[Content_Types].xml')) return 'xlsx';
    return undefined;
  }
  if (looks === 'xml') {
    const head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
    if (/<opml[\s>]/.test(head)) return 'opml';
    if (/<map[\s>]/.test(head)) return 'freemind';
    return undefined;
  }
  return undefined;
}

const NAMES: Readonly<Record<ImportFormat, keyof ImportWords>> = {
  xmind: 'nameXmind',
  xlsx: 'nameXlsx',
  freemind: 'nameFreemind',
  opml: 'nameOpml',
  markdown: 'nameMarkdown',
  csv: 'nameCsv',
  tsv: 'nameTsv',
};

/** In the message language. @example formatName('opml') // 'an OPML outline' */
export function formatName(format: ImportFormat): string {
  return importWords()[NAMES[format]];
}

function extensionOf(format: ImportFormat): string {
  return format === 'freemind' ? 'mm' : format === 'markdown' ? 'md' : format;
}
