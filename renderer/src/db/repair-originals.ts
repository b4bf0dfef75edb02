/**
 * Repair originals: when opening a map repairs damaged rows (the model's `restoreMapDoc`), the rows
 * as they were stored are kept in `repairOriginals` before the repaired map replaces them, in the
 * same transaction — so a repair that guessed wrong never takes the only copy of what was there.
 * The notice of the repair offers them as a `.json` download ({@link repairOriginalFile}).
 *
 * They are kept {@link REPAIR_ORIGINALS_KEPT_DAYS} days, and at most the last
 * {@link REPAIR_ORIGINALS_KEPT_PER_MAP} per map: enough to undo a bad repair found weeks later,
 * while a map that is damaged again on every open cannot fill the disk.
 */
import type { MapDoc, MapId } from '@shared/model/types';
import { newId } from '@shared/model/ids';
import { safeFileName } from '@shared/file-names';
import { docToRows } from './rows';
import { mapKeyRange, type RepairOriginalRow, type TouchmapDB } from './schema';

/** How long the rows a repair replaced are kept. */
export const REPAIR_ORIGINALS_KEPT_DAYS = 30;
/** How many repairs of one map keep their originals (the newest). */
export const REPAIR_ORIGINALS_KEPT_PER_MAP = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface RepairOriginalsOptions {
  /** The clock (tests pass a fake one). Default: `new Date()`. */
  readonly now?: () => Date;
}

export interface RepairOriginals {
  /**
   * Writes the repaired `doc` in place of its map's rows, keeping the rows as they were; resolves
   * to the kept original's id. Rejects, writing nothing, if the map is not stored.
   */
  storeRepair(doc: MapDoc, repairs: readonly string[]): Promise<string>;
  /** One map's kept originals, newest first. */
  list(mapId: MapId): Promise<RepairOriginalRow[]>;
  /** One kept original, or undefined once it is gone. */
  read(id: string): Promise<RepairOriginalRow | undefined>;
  /** Deletes the originals older than {@link REPAIR_ORIGINALS_KEPT_DAYS}; resolves to how many went. */
  purgeExpired(): Promise<number>;
}

/**
 * The repair originals of a database.
 * @example const originals = createRepairOriginals(db); const id = await originals.storeRepair(loaded.doc, loaded.repairs);
 */
export function createRepairOriginals(db: TouchmapDB, options: RepairOriginalsOptions = {}): RepairOriginals {
  const now = options.now ?? (() => new Date());
  const ofMap = (mapId: MapId) => db.repairOriginals.where('[mapId+keptAt]').between(...mapKeyRange(mapId));
  const cutoff = () => new Date(now().getTime() - REPAIR_ORIGINALS_KEPT_DAYS * DAY_MS).toISOString();

  return {
    async storeRepair(doc, repairs) {
      const id = doc.map.id;
      const rows = docToRows(doc);
      return db.transaction('rw', [db.maps, db.topics, db.chains, db.repairOriginals], async () => {
        const [map, topics, chains] = await Promise.all([
          db.maps.get(id),
          db.topics.where('[mapId+id]').between(...mapKeyRange(id)).toArray(),
          db.chains.where('[mapId+id]').between(...mapKeyRange(id)).toArray(),
        ]);
        if (map === undefined) throw new Error(`Map "${id}" is not on this computer any more; nothing was repaired.`);
        const original: RepairOriginalRow = { id: `o-${newId('m').slice(2)}`, mapId: id, keptAt: now().toISOString(), repairs: [...repairs], rows: { map, topics, chains } };
        await db.repairOriginals.add(original);
        const kept = await ofMap(id).primaryKeys();
        const tooMany = kept.slice(0, Math.max(0, kept.length - REPAIR_ORIGINALS_KEPT_PER_MAP));
        const expired = await db.repairOriginals.where('keptAt').below(cutoff()).primaryKeys();
        await db.repairOriginals.bulkDelete([...tooMany, ...expired]);
        // The map's Trash stamp is not part of the model: a repaired map stays where it was.
        const mapRow = map.deletedAt === undefined ? rows.map : { ...rows.map, deletedAt: map.deletedAt };
        await Promise.all([db.topics.where('[mapId+id]').between(...mapKeyRange(id)).delete(), db.chains.where('[mapId+id]').between(...mapKeyRange(id)).delete()]);
        await Promise.all([db.maps.put(mapRow), db.topics.bulkPut(rows.topics), db.chains.bulkPut(rows.chains)]);
        return original.id;
      });
    },

    async list(mapId) {
      return (await ofMap(mapId).toArray()).reverse();
    },

    read: (id) => db.repairOriginals.get(id),

    async purgeExpired() {
      return db.repairOriginals.where('keptAt').below(cutoff()).delete();
    },
  };
}

/**
 * The download of a kept original: its rows as JSON, exactly as they were stored, with what the
 * repair changed. Named after the map and the time of the repair.
 * @example repairOriginalFile(row) // { name: 'Clinic original 2026-12-06T21-08-24Z.json', text: '{ "kind": "touchmap-repair-original", … }' }
 */
export function repairOriginalFile(row: RepairOriginalRow): { readonly name: string; readonly text: string } {
  const title = typeof (row.rows.map as { title?: unknown } | null)?.title === 'string' ? (row.rows.map as { title: string }).title : 'Map';
  const stamp = row.keptAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  const text = JSON.stringify({ kind: 'touchmap-repair-original', mapId: row.mapId, keptAt: row.keptAt, repairs: row.repairs, rows: row.rows }, null, 2);
  return { name: safeFileName(`${title} original ${stamp}`, 'json', 'Map original'), text };
}
