/**
 * The app's one database and its map repository, opened on first use, and the running
 * autosave (at most one map is open at a time) so the quit handshake and page unload can flush it.
 */
import { TouchmapDB } from './schema';
import { openDatabase, type OpenOutcome } from './open';
import { createMapRepository, type MapRepository } from './repository';
import type { Autosave, WriteReport } from './autosave';
import { createTrash, type Trash } from './trash';
import { createRestorePoints, type RestorePoints } from './restore-points';
import { createRepairOriginals, type RepairOriginals } from './repair-originals';
import type { MapId } from '@shared/model/types';

let db: TouchmapDB | null = null;
let repository: MapRepository | null = null;
let activeAutosave: Autosave | null = null;
let opening: Promise<OpenOutcome> | null = null;
let refused: OpenOutcome | null = null;

/**
 * Opens the app's database once and checks it (`open.ts`). The app calls it before anything reads
 * or writes maps (Dexie would otherwise open the database on the first query, upgrading a newer
 * one); until it resolves `{ ok: true }` no screen that reads or writes maps is shown, and after
 * a failure {@link database} refuses, so nothing writes to a database the app could not read.
 */
export function openAppDatabase(): Promise<OpenOutcome> {
  opening ??= openDatabase(database()).then((outcome) => {
    if (!outcome.ok) refused = outcome;
    return outcome;
  });
  return opening;
}

export function database(): TouchmapDB {
  if (refused && !refused.ok) throw new Error(`Touchmap's storage could not be opened (${refused.problem.detail}); nothing is read or written.`);
  db ??= new TouchmapDB();
  return db;
}

export function library(): MapRepository {
  repository ??= createMapRepository(database());
  return repository;
}

let trashOfApp: Trash | null = null;
const trashWatchers = new Set<(mapId: MapId) => void>();

/**
 * Calls `watcher` after a map of the app's database moved to Trash (the desktop app backs the map up
 * then, so a map in Trash is in the backups folder until it is purged); returns the unsubscribe function.
 */
export function watchTrashMoves(watcher: (mapId: MapId) => void): () => void {
  trashWatchers.add(watcher);
  return () => trashWatchers.delete(watcher);
}
let restorePointsOfApp: RestorePoints | null = null;
let purge: Promise<string[]> | null = null;

export function trash(): Trash {
  trashOfApp ??= createTrash(database(), { onMoved: (id) => trashWatchers.forEach((watcher) => watcher(id)) });
  return trashOfApp;
}

export function restorePoints(): RestorePoints {
  restorePointsOfApp ??= createRestorePoints(database());
  return restorePointsOfApp;
}

let repairOriginalsOfApp: RepairOriginals | null = null;

export function repairOriginals(): RepairOriginals {
  repairOriginalsOfApp ??= createRepairOriginals(database());
  return repairOriginalsOfApp;
}

/**
 * Deletes forever the maps in Trash past their 30 days, once per start of the app; resolves to
 * their titles. Every later call gets the same answer, so the library can say what went.
 */
export function purgeExpiredTrashOnce(): Promise<string[]> {
  // Repair originals past their days go at the same moment: both are "kept for a while" copies.
  purge ??= repairOriginals()
    .purgeExpired()
    .catch(() => 0)
    .then(() => trash().purgeExpired());
  return purge;
}

export function setActiveAutosave(autosave: Autosave | null): void {
  activeAutosave = autosave;
}

/** Observers of committed autosave writes: the desktop backups and the web's backup reminder, and the benchmark's `edit_saved` / `edit_rows_written`. */
const writeWatchers = new Set<(report: WriteReport) => void>();

/** Calls `watcher` after every committed autosave write of the open map; returns the unsubscribe function. */
export function watchWrites(watcher: (report: WriteReport) => void): () => void {
  writeWatchers.add(watcher);
  return () => writeWatchers.delete(watcher);
}

/** The autosave's `onWrite`: tells the watchers (each only notes the map id and the time, so it costs next to nothing). */
export function announceWrite(report: WriteReport): void {
  for (const watcher of writeWatchers) watcher(report);
}

/** Writes every pending change now; resolves when it is on disk (or there was nothing to write). */
export async function flushPendingSaves(): Promise<void> {
  await activeAutosave?.flush();
}
