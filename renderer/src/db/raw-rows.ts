/**
 * Reading what can be read of a database the app could not open (`open.ts`), for the recovery
 * screen's downloads. Read-only, through plain IndexedDB rather than Dexie (which would upgrade a
 * database it opens): opened without a version, so nothing is upgraded; a missing database is not
 * created. Every object store is read, known or not — a newer app's tables too.
 */
import { serializeTouchmapFile } from '@shared/file-format';
import { restoreMapDoc } from '@shared/model/restore';
import type { MapDoc } from '@shared/model/types';
import type { Journal } from './journal';
import { withJournals } from './journal-recovery';

/** Every row of every table, as stored. */
export interface RawDatabase {
  readonly name: string;
  /** The native IndexedDB version (0: there was no database). */
  readonly version: number;
  readonly tables: Readonly<Record<string, readonly unknown[]>>;
  /** Tables that could not be read, with the reason. */
  readonly unreadable: readonly string[];
}

/**
 * Reads every table of database `name`. Rejects only when IndexedDB refuses to open it at all.
 * @example const raw = await readRawDatabase(indexedDB, 'touchmap'); raw.tables.maps.length
 */
export function readRawDatabase(factory: IDBFactory, name: string): Promise<RawDatabase> {
  return new Promise((resolve, reject) => {
    let created = false;
    const request = factory.open(name);
    request.onupgradeneeded = () => {
      created = true; // there is no such database: do not create one
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      if (created) {
        event.preventDefault();
        resolve({ name, version: 0, tables: {}, unreadable: [] });
      } else reject(request.error ?? new Error(`IndexedDB could not open "${name}".`));
    };
    request.onsuccess = () => {
      const db = request.result;
      void readAll(db).then(
        (result) => {
          db.close();
          resolve({ name, version: db.version, ...result });
        },
        (error: unknown) => {
          db.close();
          reject(error instanceof Error ? error : new Error(String(error)));
        },
      );
    };
  });
}

async function readAll(db: IDBDatabase): Promise<{ tables: Record<string, unknown[]>; unreadable: string[] }> {
  const tables: Record<string, unknown[]> = {};
  const unreadable: string[] = [];
  // One read transaction per table: one damaged table must not keep the others from being read.
  for (const table of Array.from(db.objectStoreNames)) {
    try {
      tables[table] = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction(table, 'readonly').objectStore(table).getAll();
        request.onsuccess = () => resolve(request.result as unknown[]);
        request.onerror = () => reject(request.error ?? new Error('read failed'));
      });
    } catch (error) {
      unreadable.push(`${table}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    }
  }
  return { tables, unreadable };
}

/** The recovery screen's two downloads. */
export interface RecoveryFiles {
  /** The maps that could be rebuilt, as a `.touchmap` file (null when none could). */
  readonly touchmap: { readonly text: string; readonly maps: number } | null;
  /** Every row of every table as JSON: nothing readable is left out, whatever its shape. */
  readonly rawJson: string;
  /** How many map rows there were, rebuilt or not. */
  readonly mapRows: number;
  /** How many rows there were in every table together. */
  readonly rowCount: number;
  /** Maps that could not be rebuilt, one line each (their rows are still in the raw JSON). */
  readonly notRebuilt: readonly string[];
  /** Changes made just before the app last closed (`journal.ts`) that the rebuilt maps include. */
  readonly journalChanges: number;
}

const mapIdOf = (row: unknown): unknown => (typeof row === 'object' && row !== null ? (row as { mapId?: unknown }).mapId : undefined);

/**
 * Rebuilds what maps it can from the raw rows (through the model's validate-and-repair path, as
 * loading a map does) and keeps everything as raw JSON besides.
 * @example const files = recoveryFiles(raw, new Date().toISOString());
 */
export function recoveryFiles(raw: RawDatabase, exportedAt: string, journals: readonly Journal[] = []): RecoveryFiles {
  // The rebuilt maps include what the journals hold, as the next start would store it; the raw
  // file keeps the rows exactly as stored, with the journals beside them.
  const journaled = withJournals(raw.tables, journals, exportedAt);
  const maps = journaled.tables.maps ?? [];
  const byMap = (table: string) => {
    const groups = new Map<unknown, unknown[]>();
    for (const row of journaled.tables[table] ?? []) {
      const id = mapIdOf(row);
      const group = groups.get(id);
      if (group) group.push(row);
      else groups.set(id, [row]);
    }
    return groups;
  };
  const topics = byMap('topics');
  const chains = byMap('chains');
  const docs: MapDoc[] = [];
  const notRebuilt: string[] = [];
  for (const row of maps) {
    const id = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : undefined;
    const chainRows = [...(chains.get(id) ?? [])].sort((a, b) => order(a) - order(b));
    try {
      docs.push(restoreMapDoc({ map: row, topics: topics.get(id) ?? [], chains: chainRows }, { now: exportedAt }).doc);
    } catch (error) {
      notRebuilt.push(`${String(id)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    touchmap: docs.length > 0 ? { text: serializeTouchmapFile(docs, exportedAt), maps: docs.length } : null,
    rawJson: `${JSON.stringify({ database: raw.name, version: raw.version, exportedAt, tables: raw.tables, unreadable: raw.unreadable, ...(journals.length > 0 && { journals }) }, null, 2)}\n`,
    mapRows: maps.length,
    rowCount: Object.values(raw.tables).reduce((sum, rows) => sum + rows.length, 0),
    notRebuilt,
    journalChanges: journaled.changes,
  };
}

function order(row: unknown): number {
  const value = typeof row === 'object' && row !== null ? (row as { order?: unknown }).order : undefined;
  return typeof value === 'number' && Number.isFinite(value) ? value : Number.MAX_VALUE;
}
