/**
 * withTimeout (shared/with-timeout.ts), the one wait-with-a-limit of the main process's hidden
 * windows: the PDF printer (print.ts) and the command-line export (cli-export.ts).
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TimeoutError, withTimeout, type Timers } from '@shared/with-timeout';

/** A promise settled by hand, as a page that answers when the test says so. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((ok, fail) => {
    resolve = ok;
    reject = fail;
  });
  return { promise, resolve, reject };
}

describe('withTimeout', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('gives the answer when it comes in time, and leaves no timer running', async () => {
    const page = later<string>();
    const waited = withTimeout(page.promise, 1_000, 'The print layout did not load within 1 seconds.');
    await vi.advanceTimersByTimeAsync(999);
    page.resolve('loaded');
    await expect(waited).resolves.toBe('loaded');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('fails with the caller’s message when the time runs out first', async () => {
    const page = later<string>();
    const waited = withTimeout(page.promise, 30_000, 'The PDF was not ready within 30 seconds.');
    const outcome = waited.catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(30_000);
    const error = await outcome;
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error).toMatchObject({ name: 'TimeoutError', message: 'The PDF was not ready within 30 seconds.' });
    // An answer after the limit changes nothing.
    page.resolve('too late');
    await expect(waited).rejects.toThrow('The PDF was not ready within 30 seconds.');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes the work’s own failure through, and clears its timer', async () => {
    const page = later<string>();
    const waited = withTimeout(page.promise, 1_000, 'timed out');
    page.reject(new Error('ERR_FILE_NOT_FOUND'));
    await expect(waited).rejects.toThrow('ERR_FILE_NOT_FOUND');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('uses the timers it is given', async () => {
    const set: number[] = [];
    const cleared: unknown[] = [];
    const timers: Timers = { setTimeout: (_run, ms) => (set.push(ms), 'handle-1'), clearTimeout: (handle) => void cleared.push(handle) };
    await expect(withTimeout(Promise.resolve(7), 250, 'timed out', timers)).resolves.toBe(7);
    expect(set).toEqual([250]);
    expect(cleared).toEqual(['handle-1']);
  });
});

describe('one withTimeout', () => {
  it('is defined in shared/with-timeout.ts only; the main process imports it', () => {
    const root = fileURLToPath(new URL('../../../', import.meta.url));
    const defined = execFileSync('git', ['grep', '--untracked', '-l', '-E', 'function withTimeout|const withTimeout', '--', 'shared', 'electron', 'renderer', 'scripts'], { cwd: root, encoding: 'utf8' });
    expect(defined.trim().split('\n')).toEqual(['shared/with-timeout.ts']);
  });
});
