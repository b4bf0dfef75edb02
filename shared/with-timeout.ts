/**
 * A promise that gives up after a while: the main process's hidden windows (the PDF printer,
 * the command-line export) wait on Chromium, and a page that never answers must end in a message
 * the user can read instead of a hang.
 *
 * The timer is cleared however the race ends, so a finished wait leaves nothing running that
 * would keep a command-line process alive. The work itself is not cancelled: a promise cannot be;
 * the caller frees what it started (it destroys the window).
 */

/** The host's timers. shared/ sees neither DOM nor Node types, so only these two calls are named. */
export interface Timers {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const hostTimers = globalThis as unknown as Timers;

/** The rejection of a wait that ran out; its message is the caller's. */
export class TimeoutError extends Error {
  override readonly name = 'TimeoutError';
}

/**
 * `promise`, or a TimeoutError with `message` once `ms` milliseconds have passed first.
 * @example await withTimeout(win.loadURL(url), 30_000, 'The print layout did not load within 30 seconds.');
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, message: string, timers: Timers = hostTimers): Promise<T> {
  let timer: unknown;
  const expired = new Promise<never>((_, reject) => {
    timer = timers.setTimeout(() => reject(new TimeoutError(message)), ms);
  });
  return Promise.race([promise, expired]).finally(() => timers.clearTimeout(timer));
}
