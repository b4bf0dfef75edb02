/**
 * The export dialog remembers its options between sessions; a preference saved before the PDF's
 * `landscape` switch became `orientation` keeps the user's choice.
 */
import { describe, expect, it } from 'vitest';
import { OPTIONS_KEY, rememberExportOptions, storedExportOptions } from '../../../../renderer/src/features/export/dialog/stored-export-options';
import { DEFAULT_VISUAL_OPTIONS } from '../../../../renderer/src/features/export/visual/visual-export';

/** A storage holding one saved entry, as localStorage would. */
function saved(value: string | null): Pick<Storage, 'getItem' | 'setItem'> & { value: string | null } {
  return {
    value,
    getItem(key) {
      return key === OPTIONS_KEY ? this.value : null;
    },
    setItem(key, next) {
      if (key === OPTIONS_KEY) this.value = next;
    },
  };
}

describe('stored export options', () => {
  it('a saved landscape: true becomes the landscape orientation, false portrait', () => {
    expect(storedExportOptions(saved(JSON.stringify({ landscape: true, paper: 'a3' }))).orientation).toBe('landscape');
    expect(storedExportOptions(saved(JSON.stringify({ landscape: false, paper: 'a3' })))).toMatchObject({ orientation: 'portrait', paper: 'a3' });
  });

  it('an orientation saved since wins over a leftover landscape key', () => {
    expect(storedExportOptions(saved(JSON.stringify({ landscape: true, orientation: 'auto' }))).orientation).toBe('auto');
  });

  it('nothing saved, a broken entry or wrong types give the defaults', () => {
    expect(storedExportOptions(saved(null))).toEqual(DEFAULT_VISUAL_OPTIONS);
    expect(storedExportOptions(saved('{not json'))).toEqual(DEFAULT_VISUAL_OPTIONS);
    expect(storedExportOptions(saved('null'))).toEqual(DEFAULT_VISUAL_OPTIONS);
    expect(storedExportOptions(saved(JSON.stringify({ landscape: 'yes', scale: '4' })))).toEqual(DEFAULT_VISUAL_OPTIONS);
  });

  it('what is remembered comes back as it was', () => {
    const storage = saved(null);
    const options = { ...DEFAULT_VISUAL_OPTIONS, orientation: 'portrait' as const, frame: '4:3' as const, scale: 3 };
    rememberExportOptions(options, storage);
    expect(storedExportOptions(storage)).toEqual(options);
  });
});
