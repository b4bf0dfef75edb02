/**
 * The map library in IndexedDB: list, load, create, rename, delete, import.
 *
 * - Reads go through one path: `loadMap` hands the raw rows to the model's `restoreMapDoc`, which
 *   validates and repairs them (STYLE.md habit 5). Nothing read from storage reaches the app
 *   unchecked — rows may come from an older app version, or from a disk that lost a byte.
 * - Every operation that touches more than one row runs in one transaction, so a crash leaves a
 *   map either whole or untouched, never half-written or half-deleted.
 * - Writes never overwrite another map: `createMap` / `saveDocs` refuse an id that is taken
 *   (FILE-FORMAT.md: importing never overwrites; the importer gives colliding maps fresh ids).
 * - Edits of an open map are not written here but by `autosave.ts`, row by changed row.
 */
import { restoreMapDoc } from '@shared/model/restore';
import type { MapDoc, MapId } from '@shared/model/types';
import { docToRows } from './rows';
import { mapKeyRange, type ChainRow, type MapRow, type TouchmapDB } from './schema';

/** What the library shows for one map, read from the `maps` row alone. */
export interface MapSummary {
  readonly id: MapId;
  readonly title: string;
  readonly touchpointCount: number;
  /** ISO timestamp of the last saved change. */
  readonly updatedAt: string;
}

/** A map read from storage, after validation and repair. */
export interface LoadedMap {
  readonly doc: MapDoc;
  /**
   * What `restoreMapDoc` had to fix, one message each (empty for a healthy map). The stored rows
   * keep the damage until rewritten: call {@link MapRepository.replaceMap} to store the repair.
   */
  readonly repairs: readonly string[];
}

export interface MapRepositoryOptions {
  /** The clock for `updatedAt` (tests pass a fixed one). Default: `new Date().toISOString()`. */
  readonly now?: () => string;
}

/** The map library. Create one per database with {@link createMapRepository}. */
export interface MapRepository {
  /**
   * Every map's summary, newest change first. Maps in Trash are not listed (see trash.ts).
   * @example const maps = await repo.listMaps(); // [{ id, title, touchpointCount, updatedAt }, …]
   */
  listMaps(): Promise<MapSummary[]>;

  /**
   * The id of every stored map, those in Trash included: a new or imported map must avoid them all.
   * @example const taken = await repo.mapIds();
   */
  mapIds(): Promise<Set<MapId>>;

  /**
   * Reads a map's rows and restores them into a doc. Resolves to `null` when no such map exists.
   * @throws the model's `RestoreError` when the map's meta row is beyond repair.
   * @example const loaded = await repo.loadMap(id); if (loaded) store.open(loaded.doc);
   */
  loadMap(id: MapId): Promise<LoadedMap | null>;

  /**
   * Stores a new map, all its rows in one transaction. Rejects, writing nothing, if the id is taken.
   * Call it before the doc enters the store: autosave assumes the doc it first sees is stored.
   * @example await repo.createMap(createMapFromPreset(…)); store.open(doc);
   */
  createMap(doc: MapDoc): Promise<void>;

  /**
   * Renames a map from the library (title and `updatedAt` only). A map open in the editor is renamed
   * through the store instead, or autosave would write the store's title back over this one.
   * @example await repo.renameMap(id, 'Clinic — returning patients');
   */
  renameMap(id: MapId, title: string): Promise<void>;

  /**
   * Deletes a map forever with all its topics, chains and restore points, in one transaction.
   * Deleting a missing map is a no-op. The library moves maps to Trash instead (trash.ts).
   * @example await repo.deleteMap(id);
   */
  deleteMap(id: MapId): Promise<void>;

  /**
   * Stores imported maps, all in one transaction: every map comes in or none does. Never overwrites:
   * rejects, writing nothing, if any map id is taken or repeated; the importer gives fresh ids first.
   * @example await repo.saveDocs(file.maps.map(withFreshIds));
   */
  saveDocs(docs: readonly MapDoc[]): Promise<void>;

  /**
   * Rewrites every row of an existing map from a doc (rows the doc no longer has are deleted), in one
   * transaction. For storing what `loadMap` repaired; everyday edits go through autosave.
   * @example const { doc, repairs } = (await repo.loadMap(id))!; if (repairs.length) await repo.replaceMap(doc);
   */
  replaceMap(doc: MapDoc): Promise<void>;
}

/**
 * The repository of a database.
 * @example
 * const db = new TouchmapDB();
 * const repo = createMapRepository(db);
 * const maps = await repo.listMaps();
 */
export function createMapRepository(db: TouchmapDB, options: MapRepositoryOptions = {}): MapRepository {
  const now = options.now ?? (() => new Date().toISOString());

  const topicsOf = (mapId: MapId) => db.topics.where('[mapId+id]').between(...mapKeyRange(mapId));
  const chainsOf = (mapId: MapId) => db.chains.where('[mapId+id]').between(...mapKeyRange(mapId));

  async function addDocs(docs: readonly MapDoc[]): Promise<void> {
    const ids = docs.map((doc) => doc.map.id);
    const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
    if (repeated !== undefined) {
      throw new Error(`Map id "${repeated}" appears twice in one import; give each map a fresh id before saving.`);
    }
    const rows = docs.map(docToRows);
    await db.transaction('rw', db.maps, db.topics, db.chains, async () => {
      const existing = await db.maps.bulkGet(ids);
      const taken = ids.find((_, index) => existing[index] !== undefined);
      if (taken !== undefined) {
        throw new Error(`Map "${taken}" already exists; an imported or new map needs fresh ids (importing never overwrites).`);
      }
      // `add`, not `put`: a stray row under the same key fails the transaction rather than being replaced.
      await Promise.all([
        db.maps.bulkAdd(rows.map((r) => r.map)),
        db.topics.bulkAdd(rows.flatMap((r) => r.topics)),
        db.chains.bulkAdd(rows.flatMap((r) => r.chains)),
      ]);
    });
  }

  return {
    async listMaps() {
      const rows = await db.maps
        .orderBy('updatedAt')
        .reverse()
        .filter((row) => row.deletedAt === undefined)
        .toArray();
      return rows.map(summaryOf);
    },

    async mapIds() {
      return new Set(await db.maps.toCollection().primaryKeys());
    },

    async loadMap(id) {
      const [map, topics, chains] = await db.transaction('r', db.maps, db.topics, db.chains, () =>
        Promise.all([db.maps.get(id), topicsOf(id).toArray(), chainsOf(id).toArray()]),
      );
      if (map === undefined) return null;
      // The model rebuilds `chainOrder` from the order of `chains`; rows come sorted by id, so sort
      // them by their stored position (stable: equal or damaged positions keep id order).
      chains.sort((a, b) => position(a) - position(b));
      // Rows go in as they are: the model's schemas strip the storage-only fields
      // (`mapId`, `order`, `touchpointCount`) along with anything else they do not know.
      const { doc, repairs } = restoreMapDoc({ map, topics, chains }, { now: now() });
      return { doc, repairs };
    },

    createMap(doc) {
      return addDocs([doc]);
    },

    async renameMap(id, title) {
      const changed = await db.maps.update(id, { title, updatedAt: now() });
      if (changed === 0) {
        throw new Error(`Map "${id}" is not in the library (was it deleted?); reload the library and try again.`);
      }
    },

    deleteMap(id) {
      return deleteMapsWholly(db, [id]);
    },

    saveDocs(docs) {
      return addDocs(docs);
    },

    async replaceMap(doc) {
      const id = doc.map.id;
      const rows = docToRows(doc);
      await db.transaction('rw', db.maps, db.topics, db.chains, async () => {
        if ((await db.maps.get(id)) === undefined) {
          throw new Error(`Map "${id}" is not in the library; use createMap for a new map.`);
        }
        await Promise.all([topicsOf(id).delete(), chainsOf(id).delete()]);
        await Promise.all([db.maps.put(rows.map), db.topics.bulkPut(rows.topics), db.chains.bulkPut(rows.chains)]);
      });
    },
  };
}

/**
 * A map row's summary, as it is: a damaged field shows as a neutral value here and is repaired
 * properly when the map is opened.
 */
export function summaryOf(row: MapRow): MapSummary {
  return {
    id: row.id,
    title: typeof row.title === 'string' ? row.title : '',
    touchpointCount: Number.isFinite(row.touchpointCount) ? row.touchpointCount : 0,
    updatedAt: typeof row.updatedAt === 'string' ? row.updatedAt : '',
  };
}

/** Deletes maps forever — map rows, topics, chains, restore points and repair originals — in one transaction. */
export async function deleteMapsWholly(db: TouchmapDB, ids: readonly MapId[]): Promise<void> {
  await db.transaction('rw', [db.maps, db.topics, db.chains, db.restorePoints, db.repairOriginals], () =>
    Promise.all(
      ids.flatMap((id) => [
        db.maps.delete(id),
        db.topics.where('[mapId+id]').between(...mapKeyRange(id)).delete(),
        db.chains.where('[mapId+id]').between(...mapKeyRange(id)).delete(),
        db.restorePoints.where('[mapId+createdAt]').between(...mapKeyRange(id)).delete(),
        db.repairOriginals.where('[mapId+keptAt]').between(...mapKeyRange(id)).delete(),
      ]),
    ),
  );
}

/** A chain row's stored position; a damaged one sorts last. */
function position(row: ChainRow): number {
  return typeof row.order === 'number' && Number.isFinite(row.order) ? row.order : Number.MAX_VALUE;
}
