/**
 * Trash: a deleted map keeps every row and gains a `deletedAt` stamp; the library no longer lists
 * it. From Trash it comes back as it was, or is deleted forever (its rows and its restore points).
 * Maps in Trash longer than {@link TRASH_DAYS} days are deleted forever at start.
 * Nothing is copied, so moving a map of thousands of topics to Trash writes one row.
 */
import type { MapId } from '@shared/model/types';
import type { MapSummary } from './repository';
import { deleteMapsWholly, summaryOf } from './repository';
import type { TouchmapDB } from './schema';

/** How long a map stays in Trash before it is deleted forever. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** A map in Trash: its summary, when it was deleted and when it will be deleted forever. */
export interface TrashedMap extends MapSummary {
  readonly deletedAt: string;
  readonly purgeAt: string;
}

export interface TrashOptions {
  /** The clock (tests pass a fake one). Default: `new Date()`. */
  readonly now?: () => Date;
  /** Told after a map has moved to Trash (the desktop app backs it up then). */
  readonly onMoved?: (id: MapId) => void;
}

export interface Trash {
  /** Moves a map of the library to Trash. Rejects, changing nothing, if there is no such map. */
  moveToTrash(id: MapId): Promise<void>;
  /** Brings a map in Trash back to the library, as it was. */
  restore(id: MapId): Promise<void>;
  /** Every map in Trash, the most recently deleted first. */
  list(): Promise<TrashedMap[]>;
  /** Deletes a map in Trash forever, with its restore points. Refuses a map that is not in Trash. */
  deleteForever(id: MapId): Promise<void>;
  /** Deletes forever the maps in Trash longer than {@link TRASH_DAYS} days; resolves to their titles. */
  purgeExpired(): Promise<string[]>;
}

/**
 * The Trash of a database.
 * @example const trash = createTrash(db); await trash.moveToTrash(id); await trash.restore(id);
 */
export function createTrash(db: TouchmapDB, options: TrashOptions = {}): Trash {
  const now = options.now ?? (() => new Date());

  async function mark(id: MapId, deletedAt: string | undefined, expectInTrash: boolean): Promise<void> {
    await db.transaction('rw', db.maps, async () => {
      const row = await db.maps.get(id);
      if (row === undefined) throw new Error(`Map "${id}" is not on this computer any more; reload the library.`);
      if ((row.deletedAt !== undefined) !== expectInTrash) {
        throw new Error(`“${row.title}” is ${expectInTrash ? 'not in Trash' : 'already in Trash'}; reload the library.`);
      }
      // `undefined` removes the field, so a restored row is exactly a library row again.
      await db.maps.update(id, { deletedAt });
    });
  }

  return {
    async moveToTrash(id) {
      await mark(id, now().toISOString(), false);
      options.onMoved?.(id);
    },
    restore: (id) => mark(id, undefined, true),

    async list() {
      const rows = await db.maps.orderBy('deletedAt').reverse().toArray();
      return rows.map((row) => {
        const deletedAt = row.deletedAt!;
        const purgeAt = new Date(Date.parse(deletedAt) + TRASH_DAYS * DAY_MS);
        return { ...summaryOf(row), deletedAt, purgeAt: Number.isNaN(purgeAt.getTime()) ? deletedAt : purgeAt.toISOString() };
      });
    },

    async deleteForever(id) {
      const row = await db.maps.get(id);
      if (row?.deletedAt === undefined) throw new Error(`Map "${id}" is not in Trash; only a map in Trash can be deleted forever.`);
      await deleteMapsWholly(db, [id]);
    },

    async purgeExpired() {
      const cutoff = new Date(now().getTime() - TRASH_DAYS * DAY_MS).toISOString();
      const expired = await db.maps.where('deletedAt').below(cutoff).toArray();
      if (expired.length === 0) return [];
      await deleteMapsWholly(
        db,
        expired.map((row) => row.id),
      );
      return expired.map((row) => summaryOf(row).title);
    },
  };
}
