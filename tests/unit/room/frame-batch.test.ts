import { describe, expect, it } from 'vitest';
import { batchPerFrame, type FrameClock } from '../../../renderer/src/features/room/frame-batch';

/** A clock whose frames and time the test moves: `frame()` paints one frame, `advance(ms)` passes time. */
function manualClock() {
  let time = 0;
  let next = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { at: number; callback: () => void }>();
  const clock: FrameClock = {
    frame(callback) {
      frames.set(next, callback);
      return next++;
    },
    cancelFrame: (handle) => void frames.delete(handle),
    after(callback, ms) {
      timers.set(next, { at: time + ms, callback });
      return next++;
    },
    cancelAfter: (handle) => void timers.delete(handle),
    now: () => time,
  };
  const frame = () => {
    const due = [...frames.values()];
    frames.clear();
    due.forEach((callback) => callback());
  };
  const advance = (ms: number) => {
    time += ms;
    for (const [handle, timer] of [...timers]) {
      if (timer.at > time) continue;
      timers.delete(handle);
      timer.callback();
    }
  };
  return { clock, frame, advance, pending: () => frames.size + timers.size };
}

describe('batchPerFrame', () => {
  it('folds every request between two frames into one run at the next frame', () => {
    const { clock, frame, pending } = manualClock();
    let runs = 0;
    const batch = batchPerFrame(() => runs++, { clock });
    for (let i = 0; i < 100; i++) batch.request();
    expect(runs).toBe(0);
    expect(pending()).toBe(1);
    frame();
    expect(runs).toBe(1);
    frame();
    expect(runs).toBe(1); // nothing new: no run
  });

  it('runs again for a request after the frame, so the last change is never left unshown', () => {
    const { clock, frame } = manualClock();
    let runs = 0;
    const batch = batchPerFrame(() => runs++, { clock });
    batch.request();
    frame();
    batch.request();
    frame();
    expect(runs).toBe(2);
  });

  it('while requests stream in, runs at most once per interval, and the last request still runs', () => {
    const { clock, frame, advance } = manualClock();
    let runs = 0;
    const batch = batchPerFrame(() => runs++, { clock, minIntervalMs: 100 });
    batch.request(); // idle before: the next frame
    frame();
    expect(runs).toBe(1);
    // 80 requests a second for one second, a frame every 16 ms
    for (let ms = 0; ms < 1000; ms += 16) {
      batch.request();
      advance(16);
      frame();
    }
    expect(runs).toBeGreaterThanOrEqual(9);
    expect(runs).toBeLessThanOrEqual(11);
    const before = runs;
    batch.request();
    advance(100);
    frame();
    expect(runs).toBe(before + 1);
  });

  it('an urgent request (the facilitator’s own change) goes at the next frame, not after the interval', () => {
    const { clock, frame, advance } = manualClock();
    let runs = 0;
    const batch = batchPerFrame(() => runs++, { clock, minIntervalMs: 100 });
    batch.request();
    frame();
    batch.request(); // a phone's change: waits for the interval
    advance(10);
    frame();
    expect(runs).toBe(1);
    batch.request(true);
    frame();
    expect(runs).toBe(2);
    advance(200);
    frame();
    expect(runs).toBe(2); // folded into the urgent run
  });

  it('cancel drops the pending run, waiting for a frame or for the interval', () => {
    const { clock, frame, advance, pending } = manualClock();
    let runs = 0;
    const batch = batchPerFrame(() => runs++, { clock, minIntervalMs: 100 });
    batch.request();
    batch.cancel();
    frame();
    batch.request();
    frame();
    batch.request();
    batch.cancel();
    expect(pending()).toBe(0);
    advance(200);
    frame();
    expect(runs).toBe(1);
  });
});
