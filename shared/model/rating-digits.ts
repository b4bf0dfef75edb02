/**
 * Number keys as ratings, the one rule every keyboard rating surface follows (the outline's cells,
 * the rating round): a digit is its value, except that "1" then "0" on the same target within
 * `TEN_WINDOW_MS` makes 10 — the 10 replaces the 1, so the caller folds both into one undo step.
 * A "0" later than that is 0. Pure, so the rule is tested once and shared, not copied.
 */

/** How long after a "1" a "0" on the same target still means 10. */
export const TEN_WINDOW_MS = 600;

/** The previous number key typed on the same target (a cell, a touchpoint's field), or null. */
export interface TypedDigit {
  readonly digit: string;
  readonly at: number;
}

export interface DigitValue {
  readonly value: number;
  /** The value replaces the "1" typed just before (merge it into the 1's undo step). */
  readonly replacesLast: boolean;
}

/**
 * The value of number key `digit` ("0"–"9"), given the previous digit on the same target.
 * @example digitValue('0', { digit: '1', at: 1000 }, 1200) // { value: 10, replacesLast: true }
 * @example digitValue('0', { digit: '1', at: 1000 }, 1700) // { value: 0, replacesLast: false }
 */
export function digitValue(digit: string, previous: TypedDigit | null, now: number): DigitValue {
  if (digit === '0' && previous !== null && previous.digit === '1' && now - previous.at <= TEN_WINDOW_MS) return { value: 10, replacesLast: true };
  return { value: Number(digit), replacesLast: false };
}
