/**
 * Many calls, one per frame: a busy room sends the facilitator's app a Yjs update per tap — thirty
 * phones rating make a hundred a second — and the panel needs to show their sum once per painted
 * frame, not re-render a hundred times between two frames of the canvas being panned.
 */
export interface FrameBatch {
  /** Asks for `run` at the next frame; calls before that frame are folded into the one run. */
  request(): void;
  /** Drops a pending run (the link is gone). */
  cancel(): void;
}

export interface FrameClock {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

const animationFrames: FrameClock = {
  request: (callback) => requestAnimationFrame(callback),
  cancel: (handle) => cancelAnimationFrame(handle),
};

export function batchPerFrame(run: () => void, clock: FrameClock = animationFrames): FrameBatch {
  let pending: number | null = null;
  return {
    request() {
      if (pending !== null) return;
      pending = clock.request(() => {
        pending = null;
        run();
      });
    },
    cancel() {
      if (pending !== null) clock.cancel(pending);
      pending = null;
    },
  };
}
