/**
 * The rating round's keyboard, as a pure function from a key press to what it means:
 * - a number key sets our score; Shift+number the chosen competitor's score; `I` then a number the
 *   importance. Keys are read by `event.code` (Digit1, Numpad1), because Shift+1 gives "!" in
 *   `event.key` — and other characters on other layouts;
 * - "1" then "0" makes 10 by the shared rule (shared/model/rating-digits.ts); a "0" right after
 *   `I` "1" finishes the importance's 10 without a second `I`;
 * - Enter or → next, ← back, `S` skip, `T` starts or pauses the timer, Esc leaves (or first
 *   cancels a pending `I`);
 * - a key with Ctrl/Cmd or Alt is not the round's: Undo and Redo reach the app as everywhere.
 */
import { digitValue, TEN_WINDOW_MS, type TypedDigit } from '@shared/model/rating-digits';

export type RoundField = 'score' | 'competitor' | 'importance';

export interface RoundPress {
  /** `KeyboardEvent.code`: the physical key, whatever the layout and Shift. */
  readonly code: string;
  readonly shift?: boolean;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  readonly mod?: boolean;
  readonly alt?: boolean;
}

/** The last number typed in the round: on which touchpoint and field, for the "1 then 0" rule. */
export interface RoundDigit extends TypedDigit {
  readonly id: string;
  readonly field: RoundField;
}

export interface RoundKeyContext {
  /** The touchpoint in front of the room. */
  readonly id: string;
  /** `I` was pressed: the next number is the importance. */
  readonly importanceArmed: boolean;
  readonly last: RoundDigit | null;
  readonly now: number;
}

export type RoundIntent =
  | { readonly type: 'rate'; readonly field: RoundField; readonly digit: string; readonly value: number; readonly replacesLast: boolean }
  | { readonly type: 'armImportance' }
  | { readonly type: 'disarm' }
  | { readonly type: 'next' }
  | { readonly type: 'back' }
  | { readonly type: 'skip' }
  | { readonly type: 'timer' }
  | { readonly type: 'leave' }
  /** A plain key the round has no use for: swallowed, so it never acts on the map behind. */
  | { readonly type: 'ignore' }
  /** Not the round's (Ctrl/Cmd or Alt): left to the app. */
  | { readonly type: 'none' };

/** The digit a physical key types, or undefined: the top row and the numeric keypad. */
export function digitOfCode(code: string): string | undefined {
  return /^(?:Digit|Numpad)([0-9])$/.exec(code)?.[1];
}

/**
 * What a key press in the round means.
 * @example roundIntent({ code: 'Digit7', shift: true }, ctx) // { type: 'rate', field: 'competitor', value: 7, … }
 */
export function roundIntent(press: RoundPress, ctx: RoundKeyContext): RoundIntent {
  if (press.mod || press.alt) return { type: 'none' };
  const digit = digitOfCode(press.code);
  if (digit !== undefined) {
    const field = fieldOf(digit, press.shift === true, ctx);
    const last = ctx.last;
    const previous = last !== null && last.id === ctx.id && last.field === field ? last : null;
    return { type: 'rate', field, digit, ...digitValue(digit, previous, ctx.now) };
  }
  switch (press.code) {
    case 'Escape':
      return ctx.importanceArmed ? { type: 'disarm' } : { type: 'leave' };
    case 'Enter':
    case 'NumpadEnter':
    case 'ArrowRight':
      return { type: 'next' };
    case 'ArrowLeft':
      return { type: 'back' };
    case 'KeyS':
      return { type: 'skip' };
    case 'KeyI':
      return { type: 'armImportance' };
    case 'KeyT':
      return { type: 'timer' };
    default:
      return { type: 'ignore' };
  }
}

function fieldOf(digit: string, shift: boolean, ctx: RoundKeyContext): RoundField {
  if (ctx.importanceArmed) return 'importance';
  if (shift) return 'competitor';
  const last = ctx.last;
  // "I", "1", "0": the 0 finishes the importance's 10, as "1", "0" finishes a score's
  const finishesImportance = digit === '0' && last !== null && last.id === ctx.id && last.field === 'importance' && last.digit === '1' && ctx.now - last.at <= TEN_WINDOW_MS;
  return finishesImportance ? 'importance' : 'score';
}
