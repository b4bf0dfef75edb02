/**
 * Reading a zip (XMind, Excel) without letting a hostile one cost unbounded memory or time: the
 * central directory's entry count and declared sizes are checked before anything is inflated, only
 * the entries asked for are inflated, and fflate inflates each into a buffer of exactly its
 * declared size, so an entry that lies about its size cannot grow past it.
 */
import { unzipSync, type UnzipFileInfo } from 'fflate';
import { countText, fill } from '../i18n/message-language';
import { ImportRefusal, importWords } from './source';

/** Entries per archive: an XMind or Excel file holds tens; a zip of millions is an attack. */
export const MAX_ZIP_ENTRIES = 10_000;
/** Total inflated size of the entries read: the .touchmap file limit's 50 MB, plus room for XML's verbosity. */
export const MAX_ZIP_INFLATED_BYTES = 200 * 1024 * 1024;

/** Whether the bytes start as a zip does (`PK\x03\x04`, or `PK\x05\x06` for an empty one). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 3 && bytes[3] === 4) || (bytes[2] === 5 && bytes[3] === 6));
}

export interface ZipContents {
  /** Every entry's name, inflated or not. */
  readonly names: readonly string[];
  /** The inflated entries that `want` asked for. */
  readonly files: Readonly<Record<string, Uint8Array>>;
}

/**
 * Lists a zip and inflates the entries `want` accepts, refusing a zip bomb or a broken zip with a
 * sentence naming the problem.
 * @example readZip(bytes, (name) => name === 'content.json')
 */
export function readZip(bytes: Uint8Array, want: (name: string) => boolean, what: string): ZipContents {
  if (!isZip(bytes)) throw new ImportRefusal(fill(importWords().notZip, { what }));
  const names: string[] = [];
  let inflated = 0;
  const filter = (file: UnzipFileInfo): boolean => {
    names.push(file.name);
    if (names.length > MAX_ZIP_ENTRIES) throw new ImportRefusal(fill(importWords().zipTooManyEntries, { limit: countText(MAX_ZIP_ENTRIES), what }));
    if (!want(file.name) || file.name.endsWith('/')) return false;
    inflated += file.originalSize;
    if (inflated > MAX_ZIP_INFLATED_BYTES || file.originalSize < 0) {
      throw new ImportRefusal(fill(importWords().zipBomb, { limit: Math.round(MAX_ZIP_INFLATED_BYTES / 1024 / 1024) }));
    }
    return true;
  };
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter });
  } catch (error) {
    if (error instanceof ImportRefusal) throw error;
    throw new ImportRefusal(fill(importWords().zipDamaged, { reason: error instanceof Error ? error.message : String(error) }));
  }
  return { names, files };
}

/** UTF-8 text of an entry, without a byte order mark. */
export function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
}
