/**
 * Touchpoints as a plain-text indented list — what the clipboard carries besides the app's own
 * JSON, so copying into a text editor, an e-mail or a chat gives a readable outline, and what
 * pasting a list from anywhere turns back into touchpoints with details. Pure, no DOM.
 *
 * Writing: one topic per line, two spaces per level, LF or CRLF. A label's own line breaks become
 * spaces (the JSON keeps them exactly).
 *
 * Reading, as forgiving as people's lists are:
 * - line ends LF, CRLF or CR; a leading byte-order mark and blank lines are ignored;
 * - indentation by tabs, spaces (2, 4 or any width) or ideographic spaces (U+3000, common in
 *   Japanese and Korean text), mixed or not: a line indented deeper than the line above is its
 *   detail; a line is a sibling of the nearest line above indented as much or less, so any
 *   consistent style works and an inconsistent one still gives a sensible tree;
 * - list markers `-`, `*`, `•` followed by a space are dropped; labels are trimmed;
 * - top-level lines are touchpoints, deeper lines their details. Linear in the text's length, so
 *   thousands of lines and 10,000-character labels are fine.
 */

import { MAX_OUTLINE_INDENT } from '@shared/limits';
import { oneLine } from '@shared/plain-text';

/** A topic of an outline with the topics indented under it. */
export interface OutlineEntry {
  readonly label: string;
  readonly children: readonly OutlineEntry[];
}

/** Columns a tab counts for when lines mix tabs and spaces (what most editors show). */
const TAB_WIDTH = 4;
/** An ideographic space is as wide as two Latin spaces. */
const IDEOGRAPHIC_SPACE_WIDTH = 2;
const BULLET = /^[-*•]\s+/u;
const LINE_BREAK = /\r\n|\r|\n/;

/**
 * An indented plain-text outline of the entries.
 * @example formatOutlineText([{ label: 'Website', children: [{ label: 'Booking form', children: [] }] }])
 * // 'Website\n  Booking form\n'
 */
export function formatOutlineText(entries: readonly OutlineEntry[], newline: '\n' | '\r\n' = '\n'): string {
  const lines: string[] = [];
  const stack: [OutlineEntry, number][] = [...entries].reverse().map((entry) => [entry, 0]);
  while (stack.length > 0) {
    const [entry, depth] = stack.pop() as [OutlineEntry, number];
    // Indentation capped (limits.ts) so deep details cost lines, not a square of spaces.
    lines.push('  '.repeat(Math.min(depth, MAX_OUTLINE_INDENT)) + oneLine(entry.label));
    for (let i = entry.children.length - 1; i >= 0; i -= 1) stack.push([entry.children[i] as OutlineEntry, depth + 1]);
  }
  return lines.length === 0 ? '' : lines.join(newline) + newline;
}

/** How far a line is indented, in columns (tabs 4, ideographic spaces 2, other spaces 1). */
function indentOf(line: string): { width: number; rest: string } {
  let width = 0;
  let i = 0;
  for (; i < line.length; i += 1) {
    const char = line[i];
    if (char === '\t') width += TAB_WIDTH;
    else if (char === '\u3000') width += IDEOGRAPHIC_SPACE_WIDTH;
    else if (char === ' ' || char === '\u00a0') width += 1;
    else break;
  }
  return { width, rest: line.slice(i) };
}

interface Draft {
  label: string;
  children: Draft[];
}

/**
 * The entries of an indented plain-text list (see the header for what is accepted).
 * @example parseOutlineText('Website\r\n\tBooking form\r\nPhone\r\n')
 * // [{ label: 'Website', children: [{ label: 'Booking form', children: [] }] }, { label: 'Phone', children: [] }]
 */
export function parseOutlineText(text: string): OutlineEntry[] {
  const top: Draft[] = [];
  // The open ancestors of the next line, outermost first, with their indentation.
  const stack: { width: number; draft: Draft }[] = [];
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (const line of source.split(LINE_BREAK)) {
    const { width, rest } = indentOf(line);
    const label = rest.replace(BULLET, '').trim();
    if (label === '') continue;
    while (stack.length > 0 && (stack[stack.length - 1] as { width: number }).width >= width) stack.pop();
    const draft: Draft = { label, children: [] };
    const parent = stack[stack.length - 1];
    if (parent) parent.draft.children.push(draft);
    else top.push(draft);
    stack.push({ width, draft });
  }
  return top;
}

/** How many topics an outline holds, details included. */
export function countEntries(entries: readonly OutlineEntry[]): number {
  let count = 0;
  const stack = [...entries];
  while (stack.length > 0) {
    const entry = stack.pop() as OutlineEntry;
    count += 1;
    stack.push(...entry.children);
  }
  return count;
}
