/**
 * Many calls, one run at a frame: a busy room sends the facilitator's app a Yjs update per tap —
 * thirty phones rating make eighty a second — and the panel needs to show their sum a few times a
 * second, not re-render eighty times while the canvas is being panned. A run waits for the next
 * animation frame, and while changes stream in, at least `minIntervalMs` after the last run; an
 * urgent request (the facilitator's own click, the connection's state) goes at the next frame.
 */
export interface FrameBatch {
  /** Asks for a run; requests before it are folded into that one run. */
  request(urgent?: boolean): void;
  /** Drops a pending run (the link is gone). */
  cancel(): void;
}

export interface FrameClock {
  frame(callback: () => void): number;
  cancelFrame(handle: number): void;
  after(callback: () => void, ms: number): number;
  cancelAfter(handle: number): void;
  now(): number;
}

const animationFrames: FrameClock = {
  frame: (callback) => requestAnimationFrame(callback),
  cancelFrame: (handle) => cancelAnimationFrame(handle),
  after: (callback, ms) => window.setTimeout(callback, ms),
  cancelAfter: (handle) => window.clearTimeout(handle),
  now: () => performance.now(),
};

export function batchPerFrame(run: () => void, options: { minIntervalMs?: number; clock?: FrameClock } = {}): FrameBatch {
  const clock = options.clock ?? animationFrames;
  const minInterval = options.minIntervalMs ?? 0;
  let frame: number | null = null;
  let timer: number | null = null;
  let lastRun = -Infinity;
  const atFrame = () => {
    frame = clock.frame(() => {
      frame = null;
      lastRun = clock.now();
      run();
    });
  };
  return {
    request(urgent = false) {
      if (frame !== null) return;
      if (timer !== null) {
        if (!urgent) return;
        clock.cancelAfter(timer);
        timer = null;
      }
      const wait = urgent ? 0 : lastRun + minInterval - clock.now();
      if (wait <= 0) atFrame();
      else
        timer = clock.after(() => {
          timer = null;
          atFrame();
        }, wait);
    },
    cancel() {
      if (frame !== null) clock.cancelFrame(frame);
      if (timer !== null) clock.cancelAfter(timer);
      frame = timer = null;
    },
  };
}
