import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACTION_NOTICE_MS, INFO_NOTICE_MS, noticeLifetime, pausableTimer } from '../../../renderer/src/app/notice-timer';

describe('how long a message stays', () => {
  it('information goes by itself; an error stays until dismissed', () => {
    expect(noticeLifetime('info')).toBe(INFO_NOTICE_MS);
    expect(noticeLifetime('error')).toBeNull();
  });

  it('a notice with a button stays longer, and one marked so stays until closed', () => {
    expect(noticeLifetime('info', { action: { label: 'Undo', run: () => undefined } })).toBe(ACTION_NOTICE_MS);
    expect(ACTION_NOTICE_MS).toBeGreaterThan(INFO_NOTICE_MS);
    expect(noticeLifetime('info', { untilClosed: true })).toBeNull();
  });
});

describe('a message’s clock', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs out after its time', () => {
    const expire = vi.fn();
    pausableTimer(1000, expire, () => Date.now());
    vi.advanceTimersByTime(999);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('stops while the message is hovered or focused, and goes on with the time that was left', () => {
    const expire = vi.fn();
    const timer = pausableTimer(1000, expire, () => Date.now());
    vi.advanceTimersByTime(600);
    timer.pause();
    vi.advanceTimersByTime(10_000);
    expect(expire).not.toHaveBeenCalled();
    timer.resume();
    vi.advanceTimersByTime(399);
    expect(expire).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(expire).toHaveBeenCalledOnce();
  });

  it('cancelled (the message was closed or replaced), never fires', () => {
    const expire = vi.fn();
    pausableTimer(1000, expire, () => Date.now()).cancel();
    vi.advanceTimersByTime(5000);
    expect(expire).not.toHaveBeenCalled();
  });
});
