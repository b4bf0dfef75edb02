/**
 * Whether a file's name says it is another tool's format, answered from the table of extensions
 * alone: the import flow asks this for every file, and the readers behind the answer (XML,
 * Markdown, CSV, zip) load only when such a file actually comes in.
 */
import { IMPORT_FORMAT_BY_EXTENSION } from '@shared/import/extensions';

/**
 * @example isOtherFormatName('Journey.xmind') // true
 * @example isOtherFormatName('Clinic.touchmap') // false
 */
export function isOtherFormatName(name: string): boolean {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && Object.hasOwn(IMPORT_FORMAT_BY_EXTENSION, ext);
}
