/**
 * The action plan table's keyboard, as a pure function (the ARIA grid pattern): arrows move one
 * cell, Home / End to the row's ends, Ctrl/Cmd+Home / End to the table's corners, Tab / Shift+Tab
 * across and on to the next / previous row; Enter or F2 edits an editable cell, a letter starts
 * editing a text cell with it; Delete or Backspace clears an owner or a due date.
 */
import type { ActionColumn } from '@shared/model/action-plan';

export const EDITABLE: ReadonlySet<ActionColumn> = new Set(['what', 'owner', 'due', 'status']);
const TEXT: ReadonlySet<ActionColumn> = new Set(['what', 'owner']);
const CLEARABLE: ReadonlySet<ActionColumn> = new Set(['owner', 'due']);

export interface GridPress {
  readonly key: string;
  readonly shift?: boolean;
  readonly mod?: boolean;
  readonly alt?: boolean;
}

export type GridIntent =
  | { readonly type: 'move'; readonly row: number; readonly col: number }
  | { readonly type: 'edit'; readonly initial?: string }
  | { readonly type: 'clear' }
  | { readonly type: 'none' };

export function gridIntent(press: GridPress, at: { readonly row: number; readonly col: number }, rows: number, columns: readonly ActionColumn[]): GridIntent {
  const lastRow = Math.max(0, rows - 1);
  const lastCol = columns.length - 1;
  const move = (row: number, col: number): GridIntent => ({ type: 'move', row: Math.max(0, Math.min(lastRow, row)), col: Math.max(0, Math.min(lastCol, col)) });
  if (press.alt || rows === 0) return { type: 'none' };
  const column = columns[at.col] as ActionColumn;
  if (press.mod) return press.key === 'Home' ? move(0, 0) : press.key === 'End' ? move(lastRow, lastCol) : { type: 'none' };
  switch (press.key) {
    case 'ArrowUp':
      return move(at.row - 1, at.col);
    case 'ArrowDown':
      return move(at.row + 1, at.col);
    case 'ArrowLeft':
      return move(at.row, at.col - 1);
    case 'ArrowRight':
      return move(at.row, at.col + 1);
    case 'Home':
      return move(at.row, 0);
    case 'End':
      return move(at.row, lastCol);
    case 'Tab':
      if (press.shift) return at.col > 0 ? move(at.row, at.col - 1) : at.row > 0 ? move(at.row - 1, lastCol) : { type: 'none' };
      return at.col < lastCol ? move(at.row, at.col + 1) : at.row < lastRow ? move(at.row + 1, 0) : { type: 'none' };
    case 'Enter':
    case 'F2':
      return EDITABLE.has(column) ? { type: 'edit' } : { type: 'none' };
    case 'Delete':
    case 'Backspace':
      return CLEARABLE.has(column) ? { type: 'clear' } : { type: 'none' };
    default:
      return TEXT.has(column) && /^\p{L}$/u.test(press.key) ? { type: 'edit', initial: press.key } : { type: 'none' };
  }
}
