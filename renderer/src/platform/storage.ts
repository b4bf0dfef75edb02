/**
 * The browser's storage, where every map lives (IndexedDB): asking that it be kept, and saying
 * how much it holds. Without `navigator.storage.persist()` a browser may evict the whole origin's
 * data when the disk runs low; with it, only the user clears it. Asked once at start, in both the
 * web and the desktop build (the shell grants `persistent-storage` to the app's own page).
 */

/** What App settings ▸ Your data shows. `null` where the browser cannot tell. */
export interface StorageReport {
  /** Whether the browser promised to keep the maps (persistent storage granted). */
  readonly persisted: boolean | null;
  /** Bytes this app's origin uses (IndexedDB and the rest). */
  readonly usageBytes: number | null;
  /** Bytes the browser would let it use. */
  readonly quotaBytes: number | null;
}

/** What is used of navigator.storage (a parameter, so tests pass a fake). */
export type StorageManagerLike = Pick<StorageManager, 'persist' | 'persisted' | 'estimate'>;

const browserStorage = (): StorageManagerLike | undefined => (typeof navigator !== 'undefined' ? navigator.storage : undefined);

let persistRequest: Promise<boolean> | null = null;

/**
 * Asks the browser to keep the maps even when the disk runs low — once per page; later calls get
 * the first answer. Resolves to whether it is granted (false where the browser has no such API).
 * @example void requestPersistentStorage()
 */
export function requestPersistentStorage(storage: StorageManagerLike | undefined = browserStorage()): Promise<boolean> {
  persistRequest ??= (async () => {
    if (!storage?.persist) return false;
    try {
      return (await storage.persisted()) || (await storage.persist());
    } catch {
      return false;
    }
  })();
  return persistRequest;
}

/** @example const { persisted, usageBytes } = await readStorageReport() */
export async function readStorageReport(storage: StorageManagerLike | undefined = browserStorage()): Promise<StorageReport> {
  if (!storage) return { persisted: null, usageBytes: null, quotaBytes: null };
  const [persisted, estimate] = await Promise.all([
    storage.persisted().catch(() => null),
    storage.estimate().catch(() => null),
  ]);
  return { persisted, usageBytes: estimate?.usage ?? null, quotaBytes: estimate?.quota ?? null };
}

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A size in the user's language, in the largest unit that keeps the number at 1 or more (1,024 per step).
 * Bytes are spelled out ("512 bytes": the short form reads "512 byte"), larger units are short.
 * @example formatBytes(3_400_000, 'en') // '3.2 MB'
 */
export function formatBytes(bytes: number, locale?: string): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: UNITS[unit], unitDisplay: unit === 0 ? 'long' : 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}
