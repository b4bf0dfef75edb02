/**
 * The export dialog's options as last used, kept between sessions (a preference, not map data),
 * so the next export starts where the last one left off.
 */
import type { Orientation } from '@shared/model/page-layout';
import { DEFAULT_VISUAL_OPTIONS, type VisualExportOptions } from '../visual/visual-export';

export type StoredExportOptions = Omit<VisualExportOptions, 'format'>;

/** Where the options are kept. */
export const OPTIONS_KEY = 'touchmap.export.options';

/**
 * Saved preferences from before a rename, brought to today's keys: the PDF's `landscape: true|false`
 * became `orientation` (with 'auto' added), so a user's chosen orientation is not silently dropped.
 */
function migrate(saved: Record<string, unknown>): Record<string, unknown> {
  if (saved.orientation === undefined && typeof saved.landscape === 'boolean') {
    const orientation: Orientation = saved.landscape ? 'landscape' : 'portrait';
    return { ...saved, orientation };
  }
  return saved;
}

/**
 * The stored options over the defaults, keeping only known keys of the same type (a stale or
 * edited entry cannot break the dialog).
 * @example const options = storedExportOptions(localStorage);
 */
export function storedExportOptions(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): StoredExportOptions {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(OPTIONS_KEY) ?? '{}');
    if (typeof parsed !== 'object' || parsed === null) return DEFAULT_VISUAL_OPTIONS;
    const saved = migrate(parsed as Record<string, unknown>);
    const merged: Record<string, unknown> = { ...DEFAULT_VISUAL_OPTIONS };
    for (const [key, value] of Object.entries(DEFAULT_VISUAL_OPTIONS)) {
      if (typeof saved[key] === typeof value) merged[key] = saved[key];
    }
    return merged as StoredExportOptions;
  } catch {
    return DEFAULT_VISUAL_OPTIONS;
  }
}

/** Keeps the options of an export that was made. */
export function rememberExportOptions(options: StoredExportOptions, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(OPTIONS_KEY, JSON.stringify(options));
  } catch {
    // not stored: the defaults come back next time
  }
}
