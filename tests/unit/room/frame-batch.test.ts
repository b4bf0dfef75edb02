import { describe, expect, it } from 'vitest';
import { batchPerFrame, type FrameClock } from '../../../renderer/src/features/room/frame-batch';

/** A clock whose frames come when the test says. */
function manualClock() {
  const waiting = new Map<number, () => void>();
  let next = 1;
  const clock: FrameClock = {
    request(callback) {
      waiting.set(next, callback);
      return next++;
    },
    cancel: (handle) => void waiting.delete(handle),
  };
  const frame = () => {
    const due = [...waiting.values()];
    waiting.clear();
    due.forEach((callback) => callback());
  };
  return { clock, frame, pending: () => waiting.size };
}

describe('batchPerFrame', () => {
  it('folds every request between two frames into one run at the next frame', () => {
    const { clock, frame, pending } = manualClock();
    let runs = 0;
    const batch = batchPerFrame(() => runs++, clock);
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
    const batch = batchPerFrame(() => runs++, clock);
    batch.request();
    frame();
    batch.request();
    frame();
    expect(runs).toBe(2);
  });

  it('a request made while running is run at the frame after', () => {
    const { clock, frame } = manualClock();
    let runs = 0;
    const batch = batchPerFrame(() => {
      runs++;
      if (runs === 1) batch.request();
    }, clock);
    batch.request();
    frame();
    expect(runs).toBe(1);
    frame();
    expect(runs).toBe(2);
  });

  it('cancel drops the pending run', () => {
    const { clock, frame, pending } = manualClock();
    let runs = 0;
    const batch = batchPerFrame(() => runs++, clock);
    batch.request();
    batch.cancel();
    expect(pending()).toBe(0);
    frame();
    expect(runs).toBe(0);
  });
});
