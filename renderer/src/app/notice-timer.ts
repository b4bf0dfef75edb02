/**
 * How long a message stays on screen. Information ("Downloaded …", "Imported …") goes by itself
 * after a few seconds, so it never sits over the map; an error stays until it is dismissed, since
 * it says something the user must act on. While the pointer or the keyboard is on a message its
 * clock stops, so a message being read (or its Close button being reached) never vanishes.
 */

/** Long enough to read two lines twice; short enough not to sit on the map through the next step. */
export const INFO_NOTICE_MS = 6000;

/** A notice with a button ("Undo") stays longer: time to read it and reach the button. */
export const ACTION_NOTICE_MS = 10_000;

/** How long a notice stays, in ms; null for "until dismissed". */
export function noticeLifetime(kind: 'error' | 'info', notice: { readonly action?: unknown; readonly untilClosed?: boolean } = {}): number | null {
  if (kind === 'error' || notice.untilClosed) return null;
  return notice.action ? ACTION_NOTICE_MS : INFO_NOTICE_MS;
}

export interface PausableTimer {
  /** Stops the clock (pointer or focus on the message); the time left is kept. */
  pause(): void;
  /** Starts the clock again with the time that was left. */
  resume(): void;
  cancel(): void;
}

/**
 * Calls `onExpire` after `ms` of unpaused time.
 * @example const timer = pausableTimer(6000, dismiss); timer.pause(); timer.resume();
 */
export function pausableTimer(ms: number, onExpire: () => void, now: () => number = () => Date.now()): PausableTimer {
  let left = ms;
  let startedAt = now();
  let handle: ReturnType<typeof setTimeout> | null = setTimeout(onExpire, left);
  return {
    pause() {
      if (handle === null) return;
      clearTimeout(handle);
      handle = null;
      left = Math.max(0, left - (now() - startedAt));
    },
    resume() {
      if (handle !== null) return;
      startedAt = now();
      handle = setTimeout(onExpire, left);
    },
    cancel() {
      if (handle !== null) clearTimeout(handle);
      handle = null;
    },
  };
}
