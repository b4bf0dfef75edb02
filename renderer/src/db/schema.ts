/**
 * The IndexedDB database of Touchmap: its tables, their rows and the versioned schema.
 *
 * A map is stored as rows, not as one blob, so that an edit writes only the records it changed
 * (ARCHITECTURE.md: "autosave cost grows with what changed, not with the size of the map"):
 * - `maps`   — one row per map: its {@link MapMeta} plus derived summaries the library shows
 *              without reading the map's topics (`touchpointCount`);
 * - `topics` — one row per topic (root, touchpoints, details), keyed by `[mapId+id]`;
 * - `chains` — one row per chain, keyed by `[mapId+id]`, with its position among the map's chains;
 * - `restorePoints` — saved copies of a map (schema 2): the whole map as a `.touchmap` file's text,
 *              so a copy outlives any later change of the row shapes and can be compared or reopened.
 * - `repairOriginals` — a damaged map's rows exactly as they were before opening repaired them
 *              (schema 3), so a repair never takes the only copy of what was stored.
 *
 * Record ids are unique only within their map (FILE-FORMAT.md), so child rows are keyed by the
 * compound `[mapId+id]`. That key is also the "topics of this map" index: every row of a map lies
 * in one key range (see {@link mapKeyRange}), so no separate `mapId` index is kept — each extra
 * index is one more B-tree write per row on every save.
 *
 * Rows are read back only through `repository.loadMap`, which passes them through the model's one
 * validate-and-repair path (`restoreMapDoc`) before the app sees them.
 */
import Dexie, { type DexieOptions, type Table, type Transaction } from 'dexie';
import type { Chain, ChainId, MapId, MapMeta, Topic, TopicId } from '@shared/model/types';

/** The database name. Changing it (or the app's origin) would lose every stored map. */
export const DB_NAME = 'touchmap';

/** A row of `maps`: the map's meta plus summaries derived from its topics. */
export interface MapRow extends MapMeta {
  /** Children of the root; kept current by autosave so the library never reads topics. */
  readonly touchpointCount: number;
  /**
   * When the map was moved to Trash (ISO timestamp; schema 2). Absent for a map in the library.
   * Trash is this one field: the map's rows stay where they are until it is deleted forever.
   */
  readonly deletedAt?: string;
}

/** Why a restore point was made: on opening the map, while it was being edited, by name, or just before a restore replaced the map. */
export type RestorePointKind = 'opened' | 'editing' | 'named' | 'before-restore';

/** A row of `restorePoints` (schema 2): one saved copy of one map. */
export interface RestorePointRow {
  /** Random, unique in the database. */
  readonly id: string;
  readonly mapId: MapId;
  /** ISO timestamp of when the copy was made. */
  readonly createdAt: string;
  readonly kind: RestorePointKind;
  /** The user's name for it ("Before workshop"); only named points have one. */
  readonly name?: string;
  /** The map's title and touchpoint count in the copy, so the list never parses `file`. */
  readonly title: string;
  readonly touchpointCount: number;
  /** The map's `updatedAt` in the copy: two copies of the same state are not kept twice. */
  readonly mapUpdatedAt: string;
  /** The copy: a `.touchmap` file of this one map (shared/file-format.ts). */
  readonly file: string;
  /** Bytes of `file` in UTF-8, as shown in the list. */
  readonly size: number;
}

/**
 * A row of `repairOriginals` (schema 3): a map's stored rows as they were just before the repair on
 * opening rewrote them — raw, unvalidated, whatever shape they had — and what the repair changed.
 */
export interface RepairOriginalRow {
  /** Random, unique in the database. */
  readonly id: string;
  readonly mapId: MapId;
  /** ISO timestamp of the repair. */
  readonly keptAt: string;
  /** What the repair changed, in the words of the notice. */
  readonly repairs: readonly string[];
  /** The rows as stored: the map row, its topic rows and its chain rows. */
  readonly rows: { readonly map: unknown; readonly topics: readonly unknown[]; readonly chains: readonly unknown[] };
}

/** A row of `topics`: a topic plus the map it belongs to. */
export interface TopicRow extends Topic {
  readonly mapId: MapId;
}

/** A row of `chains`: a chain, its map, and its place in the map's `chainOrder` (0-based). */
export interface ChainRow extends Chain {
  readonly mapId: MapId;
  readonly order: number;
}

/**
 * One step of the schema. Dexie runs each version's `upgrade` once, in order, on a database that
 * was opened by an older app; there are no down migrations (an older app refuses a newer DB
 * rather than guess at it).
 */
export interface Migration {
  /** Dexie schema version; strictly increasing. */
  readonly version: number;
  /** Says what the step does and why, e.g. `add-chain-color`; shown in tests and logs. */
  readonly name: string;
  /** Dexie `stores()` spec of this version: primary key first, then indexes; `null` drops a table. */
  readonly stores: Readonly<Record<string, string | null>>;
  /** Rewrites existing rows, if the step changes their shape. */
  readonly upgrade?: (tx: Transaction) => PromiseLike<unknown> | void;
}

/**
 * Every schema version ever shipped, oldest first. Append; never edit or remove a step that has
 * shipped — someone's database is at that version. Add a fixture per version to
 * `tests/unit/db/fixtures/` and a test that opens it with the current schema.
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial-maps-topics-chains',
    stores: {
      // `updatedAt` is indexed for the library's "newest first" list.
      maps: 'id, updatedAt',
      topics: '[mapId+id]',
      chains: '[mapId+id]',
    },
  },
  {
    version: 2,
    name: 'trash-and-restore-points',
    stores: {
      // `deletedAt` is indexed so Trash and its purge read only trashed maps (IndexedDB leaves a
      // row without the field out of the index, so the library's maps cost the index nothing).
      maps: 'id, updatedAt, deletedAt',
      // A map's points lie in one `[mapId+createdAt]` range, oldest first.
      restorePoints: 'id, [mapId+createdAt]',
    },
    // No rows change shape: a map without `deletedAt` is in the library, as every v1 map is.
  },
  {
    version: 3,
    name: 'repair-originals',
    stores: {
      // A map's originals lie in one `[mapId+keptAt]` range, oldest first; `keptAt` alone finds the
      // expired ones across maps.
      repairOriginals: 'id, [mapId+keptAt], keptAt',
    },
    // A new table only: no existing row changes shape.
  },
];

/** The schema version the app opens the database at. */
export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/**
 * Where the database lives. Leave empty in the app (the browser's IndexedDB); tests may pass
 * fake-indexeddb's `indexedDB` and `IDBKeyRange`, or import `fake-indexeddb/auto` instead.
 */
export type IndexedDBDeps = Pick<DexieOptions, 'indexedDB' | 'IDBKeyRange'>;

/**
 * The Touchmap database.
 *
 * @example
 * const db = new TouchmapDB();            // the app's database, 'touchmap'
 * const test = new TouchmapDB(`t-${n}`);  // a fresh one per test (with fake-indexeddb)
 */
export class TouchmapDB extends Dexie {
  declare readonly maps: Table<MapRow, MapId>;
  declare readonly topics: Table<TopicRow, [MapId, TopicId]>;
  declare readonly chains: Table<ChainRow, [MapId, ChainId]>;
  declare readonly restorePoints: Table<RestorePointRow, string>;
  declare readonly repairOriginals: Table<RepairOriginalRow, string>;

  constructor(name: string = DB_NAME, deps: IndexedDBDeps = {}) {
    super(name, {
      ...deps,
      // Chromium's default durability reports a transaction complete once the write is handed to
      // the OS, before it reaches the disk; a window closed, a crash or a power cut right after
      // "Saved" could then lose the last edit. 'strict' waits for the flush to disk, and autosave
      // writes one small transaction per throttle window, so the extra latency is not felt.
      chromeTransactionDurability: 'strict',
    });
    for (const step of MIGRATIONS) {
      const version = this.version(step.version).stores({ ...step.stores });
      if (step.upgrade) version.upgrade(step.upgrade);
    }
    // A database a newer app left is refused before Dexie touches it: one guard, in open.ts
    // (openDatabase), which the app runs before anything reads or writes a map.
  }
}

/**
 * The key range that holds every `topics` / `chains` row of one map: `[mapId, -∞] … [mapId, +∞]`.
 *
 * @example
 * await db.topics.where('[mapId+id]').between(...mapKeyRange(mapId)).toArray();
 */
export function mapKeyRange(mapId: MapId): [lower: [MapId, number], upper: [MapId, typeof Dexie.maxKey]] {
  return [
    [mapId, Dexie.minKey],
    [mapId, Dexie.maxKey],
  ];
}
