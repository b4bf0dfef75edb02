/**
 * The quit handshake: before the window closes (or the app quits), main asks the renderer to
 * flush its pending saves and waits — bounded — for the answer. The user's last edit is in
 * IndexedDB before the renderer dies, or the user is told it may not be.
 *
 *   idle ──request()──► asking ──confirm(ok)────────────► close
 *                          ├──confirm(not ok)──► warn ──► close | stay
 *                          └──timeout───────────► warn ──► close | stay
 *
 * A second request() while asking shares the first answer; an answer to an older request is
 * ignored. Before a 'close' outcome is given, the backups the renderer sent while flushing are
 * written (`beforeClose`, bounded by the same timeout), so the last edit also reaches the
 * backups folder outside IndexedDB. Timers and the dialog are parameters, so tests drive it
 * with fakes.
 */

/** Five seconds: a Dexie transaction of a large map's changed rows takes well under one. */
export const QUIT_TIMEOUT_MS = 5_000;

export type QuitOutcome = 'close' | 'stay';

export type QuitProblem =
  | { readonly kind: 'save-failed'; readonly error: string }
  | { readonly kind: 'timeout'; readonly waitedMs: number };

export interface QuitHandshakeDeps {
  /** Sends EVENT_CHANNELS.beforeQuit with this id; false when there is no live renderer to ask (close at once). */
  ask(requestId: number): boolean;
  /** Shows the warning; resolves to what the user chose. */
  warn(problem: QuitProblem): Promise<QuitOutcome>;
  /** Runs once the outcome is 'close', before the window goes: writes pending backups. Its errors do not stop the close. */
  readonly beforeClose?: () => Promise<void>;
  readonly timeoutMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface QuitHandshake {
  request(): Promise<QuitOutcome>;
  /** The renderer's answer (QuitReadinessMessage). */
  confirm(answer: { requestId: number; ok: boolean; error?: string | undefined }): void;
  /** Whether a request is waiting for the renderer. */
  isAsking(): boolean;
}

/** Words for the warning dialog. Pure, so the text is tested. */
export function quitWarningText(problem: QuitProblem): { message: string; detail: string } {
  if (problem.kind === 'save-failed') {
    return {
      message: 'Your latest changes could not be saved.',
      detail: `${problem.error}\n\nIf you close now, those changes are lost. Keep Touchmap open and try again, or export the map to a .touchmap file first.`,
    };
  }
  return {
    message: 'Touchmap could not confirm that your latest changes are saved.',
    detail: `The map did not answer within ${Math.round(problem.waitedMs / 1000)} seconds. If you close now, the most recent changes may be lost.`,
  };
}

export function createQuitHandshake(deps: QuitHandshakeDeps): QuitHandshake {
  const timeoutMs = deps.timeoutMs ?? QUIT_TIMEOUT_MS;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  let nextId = 1;
  /** beforeClose, but never longer than the timeout: a hung disk must not keep the app from quitting. */
  function finishBeforeClose(): Promise<void> {
    if (!deps.beforeClose) return Promise.resolve();
    let timer: unknown;
    const waited = new Promise<void>((resolve) => {
      timer = setTimer(resolve, timeoutMs);
    });
    const done = deps.beforeClose().catch((error: unknown) => console.error('Touchmap: backups before closing failed', error));
    return Promise.race([done, waited]).finally(() => clearTimer(timer));
  }
  let current: { id: number; timer: unknown; settle: (problem: QuitProblem | null) => void; done: Promise<QuitOutcome> } | null = null;

  return {
    request() {
      if (current) return current.done;
      const id = nextId++;
      let settle!: (problem: QuitProblem | null) => void;
      const done = new Promise<QuitProblem | null>((resolve) => {
        settle = resolve;
      })
        .then((problem) => (problem ? deps.warn(problem).catch((): QuitOutcome => 'close') : 'close'))
        .then((outcome) => (outcome === 'close' ? finishBeforeClose().then((): QuitOutcome => 'close') : outcome))
        .finally(() => {
          // Cleared only once the user has answered any warning: a second close meanwhile shares this round.
          current = null;
        });
      const timer = setTimer(() => settle({ kind: 'timeout', waitedMs: timeoutMs }), timeoutMs);
      current = { id, timer, settle, done };
      if (!deps.ask(id)) {
        clearTimer(timer);
        settle(null);
      }
      return done;
    },
    confirm(answer) {
      if (!current || answer.requestId !== current.id) return;
      clearTimer(current.timer);
      current.settle(answer.ok ? null : { kind: 'save-failed', error: answer.error ?? 'The save failed for an unknown reason.' });
    },
    isAsking: () => current !== null,
  };
}
