/**
 * The outline's keyboard, as a pure function from a key press to what it means, so the
 * spreadsheet rules are unit-tested without a browser:
 * - arrows move one cell; Tab / Shift+Tab move across and wrap to the next / previous row;
 *   Home / End go to the first / last cell of the row, Ctrl/Cmd+Home / End to the first cell of
 *   the first row / the last cell of the last row, as in a spreadsheet;
 *   PageUp / PageDown move a page; Shift+Up / Down extend the selection;
 * - number keys set a number cell (importance, score, a competitor's score). **The rule for 10:**
 *   "1" then "0" on the same cell within `TEN_WINDOW_MS` (600 ms) makes 10 — the 10 replaces the 1,
 *   so the pair is still one undo step; a "0" later than that is 0. On a choice cell (channel,
 *   stage, kind, reaction, action status) number key n picks the n-th value;
 * - a number key anywhere else is refused with a message, never taken as text: a rating pass that
 *   lands on a label cell (Tab wraps there) must not rename the touchpoint;
 * - Enter or F2 edits the cell (text: a field; choice: a list); typing a letter on a text cell starts
 *   editing with it; Delete or Backspace clears the field;
 * - the tree (WAI-ARIA tree grid, on the first column only, so the arrows still move across cells):
 *   Right on a folded row unfolds it, Left on an unfolded row folds it, and Left on a detail goes up
 *   to the row it sits under.
 */
import { digitValue } from '@shared/model/rating-digits';
import type { ColumnKind } from './outline-model';

/** How long after a "1" a "0" on the same cell still means 10 (the shared rating rule's window). */
export { TEN_WINDOW_MS } from '@shared/model/rating-digits';

export interface Cursor {
  readonly row: number;
  readonly col: number;
}

export interface KeyPress {
  readonly key: string;
  readonly shift?: boolean;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  readonly mod?: boolean;
  readonly alt?: boolean;
}

/** The last number typed into a cell, for the "1 then 0 = 10" rule. */
export interface LastDigit {
  readonly cursor: Cursor;
  readonly digit: string;
  readonly at: number;
}

export type OutlineIntent =
  | { readonly type: 'move'; readonly to: Cursor; readonly extend: boolean }
  | { readonly type: 'edit'; readonly initial?: string }
  | { readonly type: 'set'; readonly value: number; readonly replacesLast: boolean }
  | { readonly type: 'choose'; readonly index: number }
  | { readonly type: 'clear' }
  | { readonly type: 'expand' }
  | { readonly type: 'collapse' }
  /** A key that means nothing on this cell and would be a mistake to pass on: the view says why. */
  | { readonly type: 'refuse'; readonly reason: RefusedKey }
  | { readonly type: 'none' };

/** Why a key was refused: a number key on a label, or one past the choices of a choice cell. */
export type RefusedKey = 'digitOnText' | 'noSuchChoice';

export interface KeyContext {
  readonly cursor: Cursor;
  readonly rows: number;
  readonly cols: number;
  readonly kind: ColumnKind;
  /** How many values a choice cell offers (number keys 1…choices pick them). */
  readonly choices?: number;
  /** Rows per PageUp / PageDown. */
  readonly page: number;
  readonly last: LastDigit | null;
  readonly now: number;
  /** The cursor row's place in the tree; without it the arrows only move. */
  readonly tree?: { readonly expandable: boolean; readonly expanded: boolean; readonly parent: number | null };
}

const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));

/**
 * What a key press on the outline means; `none` leaves the key to the rest of the app (Ctrl+Z, Ctrl+F…).
 * @example outlineIntent({ key: '0' }, { ...ctx, last: { cursor, digit: '1', at: now - 200 } }) // { type: 'set', value: 10, replacesLast: true }
 */
export function outlineIntent(press: KeyPress, ctx: KeyContext): OutlineIntent {
  const { cursor, rows, cols } = ctx;
  const lastRow = Math.max(0, rows - 1);
  const lastCol = Math.max(0, cols - 1);
  const move = (row: number, col: number, extend = false): OutlineIntent => ({ type: 'move', to: { row: clamp(row, lastRow), col: clamp(col, lastCol) }, extend });
  if (press.alt) return { type: 'none' };
  if (press.mod) {
    if (press.key === 'Home') return move(0, 0);
    if (press.key === 'End') return move(lastRow, lastCol);
    return { type: 'none' };
  }
  switch (press.key) {
    case 'ArrowUp':
      return move(cursor.row - 1, cursor.col, press.shift === true);
    case 'ArrowDown':
      return move(cursor.row + 1, cursor.col, press.shift === true);
    case 'ArrowLeft':
      if (cursor.col === 0 && ctx.tree && !press.shift) {
        if (ctx.tree.expandable && ctx.tree.expanded) return { type: 'collapse' };
        if (ctx.tree.parent !== null) return move(ctx.tree.parent, 0);
      }
      return move(cursor.row, cursor.col - 1);
    case 'ArrowRight':
      if (cursor.col === 0 && ctx.tree?.expandable && !ctx.tree.expanded && !press.shift) return { type: 'expand' };
      return move(cursor.row, cursor.col + 1);
    case 'Home':
      return move(cursor.row, 0);
    case 'End':
      return move(cursor.row, lastCol);
    case 'PageUp':
      return move(cursor.row - ctx.page, cursor.col);
    case 'PageDown':
      return move(cursor.row + ctx.page, cursor.col);
    case 'Tab':
      if (press.shift) return cursor.col > 0 ? move(cursor.row, cursor.col - 1) : cursor.row > 0 ? move(cursor.row - 1, lastCol) : move(0, 0);
      return cursor.col < lastCol ? move(cursor.row, cursor.col + 1) : cursor.row < lastRow ? move(cursor.row + 1, 0) : move(lastRow, lastCol);
    case 'Enter':
    case 'F2':
      return { type: 'edit' };
    case 'Delete':
    case 'Backspace':
      return { type: 'clear' };
    default:
      break;
  }
  if (rows === 0) return { type: 'none' };
  if (/^[0-9]$/.test(press.key)) {
    if (ctx.kind === 'number') {
      const last = ctx.last;
      const sameCell = last !== null && last.cursor.row === cursor.row && last.cursor.col === cursor.col;
      return { type: 'set', ...digitValue(press.key, sameCell ? last : null, ctx.now) };
    }
    if (ctx.kind === 'choice') {
      const index = Number(press.key) - 1;
      return index < 0 || (ctx.choices !== undefined && index >= ctx.choices) ? { type: 'refuse', reason: 'noSuchChoice' } : { type: 'choose', index };
    }
    return { type: 'refuse', reason: 'digitOnText' };
  }
  // only a letter starts editing a label: digits are scores, and punctuation is too easily a slip
  if (ctx.kind === 'text' && /^\p{L}$/u.test(press.key)) return { type: 'edit', initial: press.key };
  return { type: 'none' };
}
