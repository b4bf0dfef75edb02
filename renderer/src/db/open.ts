/**
 * Opening the database, and saying plainly why it would not open.
 *
 * A database that cannot be read must never be written: not by autosave, not by a new map, not by
 * a repair. So the app opens it once, before any screen that reads or writes maps, and on failure
 * shows the recovery screen instead (`app/RecoveryScreen.tsx`), which only reads raw rows
 * (`raw-rows.ts`).
 *
 * Three ways it fails:
 * - `newer`: the stored schema is newer than this app knows (the database was used by a newer
 *   Touchmap). Dexie 4 would open it anyway at its own version and read whatever tables happen to
 *   match — and a save would then write rows in a shape the newer app does not expect — so the
 *   version is checked here after the open succeeds;
 * - `migration`: a step of `MIGRATIONS` failed; IndexedDB rolled the whole upgrade back, so the
 *   rows are as the older app left them;
 * - `unavailable`: the browser refused to open it at all (`UnknownError`, a damaged profile, a full
 *   or locked disk, storage blocked).
 */
import type Dexie from 'dexie';
import { SCHEMA_VERSION } from './schema';

export type OpenProblemKind = 'newer' | 'migration' | 'unavailable';

export interface OpenProblem {
  readonly kind: OpenProblemKind;
  /** The error's name and message, or what was found, for the "Details" line and bug reports. */
  readonly detail: string;
}

export type OpenOutcome = { readonly ok: true } | { readonly ok: false; readonly problem: OpenProblem };

/** The tables the app reads; a database without them is not one this app can use. */
const REQUIRED_TABLES = ['maps', 'topics', 'chains'] as const;

/**
 * Dexie stores version `n` as IndexedDB version `n × 10` (so that fractional versions fit); the
 * native number is what a newer app wrote.
 */
const DEXIE_VERSION_FACTOR = 10;

export interface OpenOptions {
  /** The schema version this app opens at; default {@link SCHEMA_VERSION}. */
  readonly appVersion?: number;
  /** Where the database lives; default the browser's `indexedDB` (tests pass fakes). */
  readonly indexedDB?: IDBFactory;
}

/**
 * Opens `db` and checks that it is a database this app can read and write. The stored version is
 * read first, without Dexie: Dexie 4 opens a newer database at its own version and then upgrades
 * it to add any index it misses — a write to a database this app does not understand. On any
 * problem the database is closed again with nothing written to it.
 * @example const outcome = await openDatabase(new TouchmapDB()); if (!outcome.ok) showRecovery(outcome.problem);
 */
export async function openDatabase(db: Dexie, options: OpenOptions = {}): Promise<OpenOutcome> {
  const appVersion = options.appVersion ?? SCHEMA_VERSION;
  let stored: number;
  try {
    stored = (await storedVersion(options.indexedDB ?? indexedDB, db.name)) / DEXIE_VERSION_FACTOR;
  } catch (error) {
    return { ok: false, problem: { kind: 'unavailable', detail: describe(error) } };
  }
  if (stored > appVersion) {
    return { ok: false, problem: { kind: 'newer', detail: `The stored database is at version ${stored}; this app knows versions up to ${appVersion}.` } };
  }
  try {
    await db.open();
  } catch (error) {
    db.close();
    // An existing database older than the app is upgraded on open: a failure there is the migration's.
    const upgrading = stored > 0 && stored < appVersion;
    return { ok: false, problem: { kind: upgrading || names(error).includes('UpgradeError') ? 'migration' : names(error).includes('VersionError') ? 'newer' : 'unavailable', detail: describe(error) } };
  }
  const missing = REQUIRED_TABLES.filter((name) => !db.backendDB().objectStoreNames.contains(name));
  if (missing.length > 0) {
    db.close();
    return { ok: false, problem: { kind: 'unavailable', detail: `The stored database has no ${missing.join(', ')} table.` } };
  }
  return { ok: true };
}

/**
 * The native version of a stored database, 0 when there is none. Opened without a version, so an
 * existing database is not upgraded; a missing one is not created (its creation is aborted).
 */
export function storedVersion(factory: IDBFactory, name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let created = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      // Only a database that did not exist gets here (no version was asked for): do not create it.
      created = true;
      request.transaction?.abort();
    };
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(created ? 0 : version);
    };
    request.onerror = (event) => {
      if (created) {
        event.preventDefault();
        resolve(0);
      } else reject(request.error ?? new Error(`IndexedDB could not open "${name}".`));
    };
    request.onblocked = () => undefined;
  });
}

const describe = (error: unknown): string => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/** Dexie wraps the browser's errors; its `inner` holds the original. */
function names(error: unknown): string[] {
  const found: string[] = [];
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = (e as { inner?: unknown }).inner, depth++) found.push(e.name);
  return found;
}
