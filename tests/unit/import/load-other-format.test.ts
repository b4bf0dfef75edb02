import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.doUnmock('../../../renderer/src/features/import/import-other');
  vi.resetModules();
});

describe('the other tools\' readers, loaded on demand', () => {
  it('hands over the import once loaded, and shares one load between callers', async () => {
    const { loadOtherFormatImport } = await import('../../../renderer/src/features/import/load-other-format');
    const [first, second] = await Promise.all([loadOtherFormatImport(), loadOtherFormatImport()]);
    expect(first.ok && typeof first.module.importOtherFormat).toBe('function');
    expect(second.ok && second.module).toBe(first.ok && first.module);
  });

  it('reports a load that fails as its reason, without throwing, and tries again next time', async () => {
    vi.doMock('../../../renderer/src/features/import/import-other', () => {
      throw new Error('Failed to fetch dynamically imported module');
    });
    const { loadOtherFormatImport } = await import('../../../renderer/src/features/import/load-other-format');
    const failed = await loadOtherFormatImport();
    expect(failed.ok).toBe(false);
    // the loader's own words (vitest wraps the thrown error in its mock report), never an exception
    expect(!failed.ok && failed.reason.length).toBeGreaterThan(0);
    vi.doUnmock('../../../renderer/src/features/import/import-other');
    const retried = await loadOtherFormatImport();
    expect(retried.ok).toBe(true);
  });
});
