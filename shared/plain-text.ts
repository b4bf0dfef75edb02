/**
 * Small text clean-ups every text export shares, written so their cost is linear in the text
 * whatever it holds. A regular expression of the form 'spaces, line breaks, spaces' backtracks over a long run of
 * spaces once for every space in it: a label of 400 KB of spaces then took minutes. Pure, no DOM.
 */

/** Line breaks in any convention, including Unicode's line and paragraph separators. */
const LINE_BREAKS = /[\r\n\u2028\u2029]+/;

/**
 * Text as one line: every line break and the white space around it become one space, and the
 * ends are trimmed. A label's new line must not start a new line of a Markdown list or an outline.
 * @example oneLine('  Booking \r\n\r\n  form ') // 'Booking form'
 */
export function oneLine(text: string): string {
  const parts = text.split(LINE_BREAKS);
  if (parts.length === 1) return text.trim();
  const kept: string[] = [];
  for (const part of parts) {
    const trimmed = part.trim();
    if (trimmed !== '') kept.push(trimmed);
  }
  return kept.join(' ');
}

/** True for the characters `trimEnd`-style clean-ups of file names remove: dots and white space. */
const isDotOrSpace = (char: string): boolean => char === '.' || char.trim() === '';

/**
 * The text without leading and trailing dots and white space, in one pass from each end (a leading
 * dot hides a file on macOS and Linux; trailing dots and spaces vanish on Windows).
 * @example trimDotsAndSpaces(' .hidden. ') // 'hidden'
 */
export function trimDotsAndSpaces(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && isDotOrSpace(text[start] as string)) start += 1;
  while (end > start && isDotOrSpace(text[end - 1] as string)) end -= 1;
  return text.slice(start, end);
}

/**
 * The text without trailing dots and white space.
 * @example trimEndDotsAndSpaces('Refused. ') // 'Refused'
 */
export function trimEndDotsAndSpaces(text: string): string {
  let end = text.length;
  while (end > 0 && isDotOrSpace(text[end - 1] as string)) end -= 1;
  return text.slice(0, end);
}
