import { describe, expect, it, vi } from 'vitest';
import { formatBytes, readStorageReport, type StorageManagerLike } from '../../../renderer/src/platform/storage';

function fakeStorage(options: { persisted?: boolean; grant?: boolean; usage?: number; quota?: number } = {}) {
  return {
    persisted: vi.fn(async () => options.persisted ?? false),
    persist: vi.fn(async () => options.grant ?? true),
    estimate: vi.fn(async () => ({ usage: options.usage ?? 0, quota: options.quota ?? 0 })),
  } satisfies StorageManagerLike;
}

describe('asking the browser to keep the maps', () => {
  it('asks once per page, and every later call gets the first answer', async () => {
    vi.resetModules();
    const { requestPersistentStorage } = await import('../../../renderer/src/platform/storage');
    const storage = fakeStorage({ grant: true });
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(await requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).toHaveBeenCalledTimes(1);
  });

  it('does not ask again when storage is already persistent, and answers false without the API', async () => {
    vi.resetModules();
    const first = await import('../../../renderer/src/platform/storage');
    const storage = fakeStorage({ persisted: true });
    expect(await first.requestPersistentStorage(storage)).toBe(true);
    expect(storage.persist).not.toHaveBeenCalled();
    vi.resetModules();
    const second = await import('../../../renderer/src/platform/storage');
    expect(await second.requestPersistentStorage(undefined)).toBe(false);
  });

  it('answers false when the browser refuses or throws', async () => {
    vi.resetModules();
    const { requestPersistentStorage } = await import('../../../renderer/src/platform/storage');
    const storage = fakeStorage();
    storage.persist.mockRejectedValueOnce(new Error('SecurityError'));
    expect(await requestPersistentStorage(storage)).toBe(false);
  });
});

describe('what the storage holds', () => {
  it('reports persistence, use and quota; unknown where the browser cannot tell', async () => {
    expect(await readStorageReport(fakeStorage({ persisted: true, usage: 3_400_000, quota: 2e9 }))).toEqual({ persisted: true, usageBytes: 3_400_000, quotaBytes: 2e9 });
    expect(await readStorageReport(undefined)).toEqual({ persisted: null, usageBytes: null, quotaBytes: null });
  });

  it('formats sizes in the user’s language with Intl', () => {
    expect(formatBytes(0, 'en')).toBe('0 bytes');
    expect(formatBytes(512, 'en')).toBe('512 bytes');
    expect(formatBytes(3_400_000, 'en')).toBe('3.2 MB');
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(formatBytes(5 * 1024 ** 3, 'en')).toBe('5 GB');
    expect(formatBytes(3_400_000, 'de')).toBe('3,2 MB');
  });
});
