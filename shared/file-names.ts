/**
 * Turning user text such as a map title into a file name every OS accepts. Shared by the renderer
 * (exports and downloads) and the desktop shell (automatic backups), so both name files alike.
 * Pure TypeScript: no DOM, no Node.
 */
import { trimDotsAndSpaces, trimEndDotsAndSpaces } from './plain-text';

/** Characters Windows refuses in a name (and `/`, which no OS allows), plus control characters. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const FORBIDDEN_IN_NAME = /[<>:"/\\|?*\u0000-\u001f\u007f]/g;
/** Names Windows reserves for devices, whatever the extension (`CON.csv` cannot be created). */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
/**
 * A name's length in UTF-8 bytes. ext4 and APFS allow 255 bytes, NTFS 255 UTF-16 units (never more
 * than the bytes), so bytes are the measure that fits all; 15 spare leave room for the " (1)" a
 * browser or the OS appends when the name is taken.
 */
const MAX_NAME_BYTES = 240;

/**
 * A file name that every OS accepts, built from user text such as a map title: characters
 * Windows, macOS or Linux refuse become spaces, runs of spaces collapse, trailing dots and spaces
 * go (Windows drops them silently), device names such as `CON` get a suffix, and the result is
 * cut to fit 255 bytes with its extension. An empty result falls back to `fallback`.
 *
 * @param stem the name without extension, e.g. `Clinic — new patients — action plan`
 * @param extension without the dot, e.g. `csv`
 * @example safeFileName('Clinic: new/old patients?', 'touchmap') // 'Clinic new old patients.touchmap'
 * @example safeFileName('CON', 'csv') // 'CON (map).csv'
 */
export function safeFileName(stem: string, extension: string, fallback = 'Untitled map'): string {
  let clean = stem
    .normalize('NFC')
    .replace(FORBIDDEN_IN_NAME, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // A leading dot hides the file on macOS and Linux; trailing dots and spaces vanish on Windows.
  // A loop, not /[.\s]+$/: that backtracks over a long run of dots once per dot (quadratic).
  clean = trimDotsAndSpaces(clean);
  if (clean === '') clean = fallback;
  if (WINDOWS_DEVICE.test(clean)) clean = `${clean} (map)`;
  const suffix = `.${extension}`;
  const budget = MAX_NAME_BYTES - utf8Length(suffix);
  if (utf8Length(clean) > budget) clean = trimEndDotsAndSpaces(cutToBytes(clean, budget));
  return clean + suffix;
}

/** A text's length in UTF-8 bytes, counted by code point (TextEncoder is not part of shared/'s world). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** The longest prefix within `bytes` UTF-8 bytes, never splitting a character (a surrogate pair included). */
function cutToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = utf8Length(char);
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}
