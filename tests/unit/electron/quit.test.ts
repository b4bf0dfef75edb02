import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createQuitHandshake, QUIT_TIMEOUT_MS, quitWarningText, type QuitOutcome, type QuitProblem } from '../../../electron/main/quit';

function handshake(options: { rendererAlive?: boolean; userChoice?: QuitOutcome; beforeClose?: () => Promise<void> } = {}) {
  const asked: number[] = [];
  const warnings: QuitProblem[] = [];
  const hs = createQuitHandshake({
    ask: (id) => {
      asked.push(id);
      return options.rendererAlive ?? true;
    },
    warn: async (problem) => {
      warnings.push(problem);
      return options.userChoice ?? 'stay';
    },
    ...(options.beforeClose ? { beforeClose: options.beforeClose } : {}),
  });
  return { hs, asked, warnings };
}

describe('quit handshake', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('closes once the renderer confirms every save is written', async () => {
    const { hs, asked, warnings } = handshake();
    const outcome = hs.request();
    expect(asked).toEqual([1]);
    expect(hs.isAsking()).toBe(true);
    hs.confirm({ requestId: 1, ok: true });
    await expect(outcome).resolves.toBe('close');
    expect(warnings).toEqual([]);
    expect(hs.isAsking()).toBe(false);
  });

  it('warns when a write failed, and stays open if the user says so', async () => {
    const { hs, warnings } = handshake({ userChoice: 'stay' });
    const outcome = hs.request();
    hs.confirm({ requestId: 1, ok: false, error: 'QuotaExceededError: the disk is full' });
    await expect(outcome).resolves.toBe('stay');
    expect(warnings).toEqual([{ kind: 'save-failed', error: 'QuotaExceededError: the disk is full' }]);
  });

  it('closes after a failed write when the user chooses to', async () => {
    const { hs } = handshake({ userChoice: 'close' });
    const outcome = hs.request();
    hs.confirm({ requestId: 1, ok: false });
    await expect(outcome).resolves.toBe('close');
  });

  it('waits at most five seconds, then warns', async () => {
    const { hs, warnings } = handshake({ userChoice: 'close' });
    const outcome = hs.request();
    await vi.advanceTimersByTimeAsync(QUIT_TIMEOUT_MS - 1);
    expect(warnings).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await expect(outcome).resolves.toBe('close');
    expect(warnings).toEqual([{ kind: 'timeout', waitedMs: 5000 }]);
    expect(QUIT_TIMEOUT_MS).toBe(5000);
  });

  it('closes at once when there is no live renderer to ask', async () => {
    const { hs, warnings } = handshake({ rendererAlive: false });
    await expect(hs.request()).resolves.toBe('close');
    expect(warnings).toEqual([]);
  });

  it('shares one round between repeated close requests', async () => {
    const { hs, asked } = handshake();
    const first = hs.request();
    const second = hs.request();
    expect(asked).toEqual([1]);
    hs.confirm({ requestId: 1, ok: true });
    await expect(first).resolves.toBe('close');
    await expect(second).resolves.toBe('close');
  });

  it('ignores an answer to an older request', async () => {
    const { hs, asked } = handshake({ userChoice: 'stay' });
    const first = hs.request();
    await vi.advanceTimersByTimeAsync(QUIT_TIMEOUT_MS);
    await expect(first).resolves.toBe('stay');
    const second = hs.request();
    expect(asked).toEqual([1, 2]);
    hs.confirm({ requestId: 1, ok: true }); // late answer to the first request
    expect(hs.isAsking()).toBe(true);
    hs.confirm({ requestId: 2, ok: true });
    await expect(second).resolves.toBe('close');
  });

  it('does not start a new round while the user reads the warning', async () => {
    let answer: (choice: QuitOutcome) => void = () => {};
    const asked: number[] = [];
    const hs = createQuitHandshake({
      ask: (id) => (asked.push(id), true),
      warn: () => new Promise<QuitOutcome>((resolve) => (answer = resolve)),
    });
    const first = hs.request();
    hs.confirm({ requestId: 1, ok: false, error: 'x' });
    await Promise.resolve();
    const again = hs.request();
    expect(asked).toEqual([1]);
    answer('close');
    await expect(first).resolves.toBe('close');
    await expect(again).resolves.toBe('close');
  });

  it('tells the user what went wrong and what closing now costs', () => {
    const failed = quitWarningText({ kind: 'save-failed', error: 'Disk full' });
    expect(failed.message).toBe('Your latest changes could not be saved.');
    expect(failed.detail).toContain('Disk full');
    expect(failed.detail).toContain('lost');
    expect(quitWarningText({ kind: 'timeout', waitedMs: 5000 }).detail).toContain('within 5 seconds');
  });

  describe('pending backups', () => {
    it('are written before the window closes', async () => {
      let release: () => void = () => undefined;
      const beforeClose = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
      const { hs } = handshake({ beforeClose });
      let outcome: QuitOutcome | undefined;
      void hs.request().then((o) => (outcome = o));
      hs.confirm({ requestId: 1, ok: true });
      await vi.advanceTimersByTimeAsync(100);
      expect(beforeClose).toHaveBeenCalledTimes(1);
      expect(outcome).toBeUndefined();
      release();
      await vi.advanceTimersByTimeAsync(0);
      expect(outcome).toBe('close');
    });

    it('are not waited for when the user keeps the app open', async () => {
      const beforeClose = vi.fn(async () => undefined);
      const { hs } = handshake({ beforeClose, userChoice: 'stay' });
      const outcome = hs.request();
      hs.confirm({ requestId: 1, ok: false, error: 'disk full' });
      await expect(outcome).resolves.toBe('stay');
      expect(beforeClose).not.toHaveBeenCalled();
    });

    it('never keep the app from closing: a failed or hung backup write still closes after the timeout', async () => {
      const failing = handshake({ beforeClose: async () => Promise.reject(new Error('EIO')) });
      const closed = failing.hs.request();
      failing.hs.confirm({ requestId: 1, ok: true });
      await expect(closed).resolves.toBe('close');

      const hung = handshake({ beforeClose: () => new Promise<void>(() => undefined) });
      let outcome: QuitOutcome | undefined;
      void hung.hs.request().then((o) => (outcome = o));
      hung.hs.confirm({ requestId: 1, ok: true });
      await vi.advanceTimersByTimeAsync(QUIT_TIMEOUT_MS - 1);
      expect(outcome).toBeUndefined();
      await vi.advanceTimersByTimeAsync(1);
      expect(outcome).toBe('close');
    });
  });
});
