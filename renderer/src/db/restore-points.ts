/**
 * Restore points: saved copies of a map kept in the database, listed per map with their time,
 * name and size. Each is the map as a `.touchmap` file's text — the same bytes an export writes —
 * so a point reads back through the file format's one validate-and-migrate path, whatever the
 * row shapes of later versions, and two points can be compared as whole maps.
 *
 * Automatic points are made when a map is opened and at most every {@link EDITING_POINT_EVERY_MS}
 * while it is edited, and thinned (restore-point-thinning.ts); named ones stay until deleted.
 */
import { parseTouchmapFile, serializeTouchmapFile } from '@shared/file-format';
import type { MapDoc, MapId } from '@shared/model/types';
import { newId } from '@shared/model/ids';
import { countTouchpoints } from './rows';
import { pointsToThin } from './restore-point-thinning';
import { mapKeyRange, type RestorePointKind, type RestorePointRow, type TouchmapDB } from './schema';

/** While a map is edited, an automatic point at most this often. */
export const EDITING_POINT_EVERY_MS = 10 * 60 * 1000;
/** A restore point's name, at most this long. */
export const MAX_POINT_NAME = 80;

/** What the list shows of a point: everything but the copy itself. */
export type RestorePointSummary = Omit<RestorePointRow, 'file'>;

export interface RestorePointOptions {
  /** The clock (tests pass a fake one). Default: `new Date()`. */
  readonly now?: () => Date;
}

export interface RestorePoints {
  /** A map's points, newest first. */
  list(mapId: MapId): Promise<RestorePointSummary[]>;
  /**
   * Makes an automatic point of `doc`, unless it would repeat the newest point's map, or (while
   * editing) the last automatic one is younger than ten minutes; then thins. Null when none was made.
   */
  saveAutomatic(doc: MapDoc, kind: Exclude<RestorePointKind, 'named'>): Promise<RestorePointSummary | null>;
  /** Makes a named point of `doc`. Rejects an empty or over-long name, writing nothing. */
  saveNamed(doc: MapDoc, name: string): Promise<RestorePointSummary>;
  /** The map a point holds, read and checked as an imported file would be. */
  read(id: string): Promise<MapDoc>;
  /** Deletes one point. */
  remove(id: string): Promise<void>;
}

const utf8 = new TextEncoder();

/** The stamps of a `.touchmap` text: when it was written, and when its map last changed. */
const STAMPS = /^\s*"(?:exportedAt|updatedAt)": "[^"]*",?$/gm;

/** Two copies of the same map, whenever each was written: a copy that repeats the newest is not kept. */
function sameMap(a: string, b: string): boolean {
  return a.length === b.length && a.replace(STAMPS, '') === b.replace(STAMPS, '');
}

/**
 * The restore points of a database.
 * @example const points = createRestorePoints(db); await points.saveNamed(doc, 'Before workshop');
 */
export function createRestorePoints(db: TouchmapDB, options: RestorePointOptions = {}): RestorePoints {
  const now = options.now ?? (() => new Date());
  const ofMap = (mapId: MapId) => db.restorePoints.where('[mapId+createdAt]').between(...mapKeyRange(mapId));

  function rowOf(doc: MapDoc, kind: RestorePointKind, name?: string): RestorePointRow {
    const createdAt = now().toISOString();
    const file = serializeTouchmapFile([doc], createdAt);
    return {
      id: `r-${newId('m').slice(2)}`,
      mapId: doc.map.id,
      createdAt,
      kind,
      ...(name !== undefined && { name }),
      title: doc.map.title,
      touchpointCount: countTouchpoints(doc.topics),
      mapUpdatedAt: doc.map.updatedAt,
      file,
      size: utf8.encode(file).length,
    };
  }

  const summary = ({ file: _file, ...rest }: RestorePointRow): RestorePointSummary => rest;

  return {
    async list(mapId) {
      const rows = await ofMap(mapId).reverse().toArray();
      return rows.map(summary);
    },

    async saveAutomatic(doc, kind) {
      return db.transaction('rw', db.restorePoints, async () => {
        const existing = await ofMap(doc.map.id).toArray();
        const newest = existing.at(-1);
        const lastAutomatic = existing.filter((row) => row.kind !== 'named').at(-1);
        const sinceLast = lastAutomatic ? now().getTime() - Date.parse(lastAutomatic.createdAt) : Infinity;
        const tooSoon = kind === 'editing' && sinceLast < EDITING_POINT_EVERY_MS;
        const candidate = tooSoon ? null : rowOf(doc, kind);
        const row = candidate && newest && sameMap(newest.file, candidate.file) ? null : candidate;
        if (row) await db.restorePoints.add(row);
        // Thinned even when no point is made: points age between saves, and opening a map thins them.
        const doomed = pointsToThin(row ? [...existing, row] : existing, now());
        if (doomed.length > 0) await db.restorePoints.bulkDelete(doomed);
        return row && summary(row);
      });
    },

    async saveNamed(doc, name) {
      const clean = name.trim();
      if (clean === '') throw new Error('Give the restore point a name, e.g. “Before workshop”.');
      if (clean.length > MAX_POINT_NAME) throw new Error(`A restore point's name is at most ${MAX_POINT_NAME} characters; this one has ${clean.length}.`);
      const row = rowOf(doc, 'named', clean);
      await db.restorePoints.add(row);
      return summary(row);
    },

    async read(id) {
      const row = await db.restorePoints.get(id);
      if (row === undefined) throw new Error('This restore point is not on this computer any more; it may have been deleted.');
      const parsed = parseTouchmapFile(row.file);
      if (!parsed.ok) throw new Error(`The restore point “${row.name ?? row.createdAt}” cannot be read: ${parsed.error}`);
      const doc = parsed.docs[0];
      if (doc === undefined) throw new Error(`The restore point “${row.name ?? row.createdAt}” holds no map.`);
      return doc;
    },

    async remove(id) {
      await db.restorePoints.delete(id);
    },
  };
}
