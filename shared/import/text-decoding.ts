/**
 * Text files from other tools come in more than UTF-8: Excel saves "Unicode text" as UTF-16 and,
 * on Russian Windows, CSV as Windows-1251. The byte order mark decides first; then UTF-8 if the
 * bytes are valid UTF-8; then Windows-1251 for bytes that are not (a Cyrillic CSV), which reads
 * every byte, so nothing is lost.
 * @example decodeText(new Uint8Array([0xdd, 0xf2, 0xe0, 0xef])) // 'Этап'
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}
