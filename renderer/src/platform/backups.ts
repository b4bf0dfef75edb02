/**
 * The renderer's half of the desktop app's automatic backups (electron/main/backups.ts): after
 * each committed autosave it notes which map changed; once editing pauses for
 * {@link BACKUP_PAUSE_MS} it reads each changed map back from IndexedDB — what is stored, not
 * what is on screen — writes it as a `.touchmap` text (shared/file-format.ts) and hands it to the
 * shell, which checks it and writes it atomically into the backups folder. `flush()` does the same
 * at once: the quit handshake calls it after the last autosave.
 *
 * A failed backup keeps its map pending, so the next pause or the quit tries again. Timers, the
 * clock, the database read and the bridge call are parameters: unit tests drive it with fakes.
 */
import { serializeTouchmapFile } from '@shared/file-format';
import type { MapDoc, MapId } from '@shared/model/types';

/**
 * Five seconds without a saved change: long enough that a burst of typing or a drag is one
 * backup, short enough that a crash right after a pause loses nothing the backups folder lacks.
 */
export const BACKUP_PAUSE_MS = 5_000;

export interface BackupSchedulerDeps {
  /** bridge.backUpMap: the shell writes the text into the backups folder. */
  backUp(text: string): Promise<unknown>;
  /** The map as stored in IndexedDB; null when it was deleted meanwhile. */
  loadDoc(mapId: MapId): Promise<MapDoc | null>;
  /** Told of a backup that failed (it stays pending). */
  onError?(mapId: MapId, error: Error): void;
  readonly now?: () => Date;
  readonly pauseMs?: number;
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

export interface BackupScheduler {
  /** A save of this map was committed: back it up once editing pauses. */
  changed(mapId: MapId): void;
  /** Backs up every changed map now; resolves when the shell has them (failures stay pending). */
  flush(): Promise<void>;
  /** Stops the pause timer; pending maps are dropped. */
  stop(): void;
}

/**
 * @example
 * const backups = createBackupScheduler({ backUp: (text) => bridge.backUpMap({ text }), loadDoc: (id) => library().loadMap(id).then((m) => m?.doc ?? null) });
 * watchWrites((report) => backups.changed(report.mapId));
 */
export function createBackupScheduler(deps: BackupSchedulerDeps): BackupScheduler {
  const pauseMs = deps.pauseMs ?? BACKUP_PAUSE_MS;
  const now = deps.now ?? (() => new Date());
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const pending = new Set<MapId>();
  let timer: unknown = null;
  let running: Promise<void> = Promise.resolve();

  function cancelTimer(): void {
    if (timer !== null) clearTimer(timer);
    timer = null;
  }

  async function backUpOne(mapId: MapId): Promise<void> {
    try {
      const doc = await deps.loadDoc(mapId);
      if (doc) await deps.backUp(serializeTouchmapFile([doc], now().toISOString()));
    } catch (error) {
      pending.add(mapId);
      deps.onError?.(mapId, error instanceof Error ? error : new Error(String(error)));
    }
  }

  function runPending(): Promise<void> {
    cancelTimer();
    const ids = [...pending];
    pending.clear();
    // One run at a time, in order: a flush during a run backs up after it, never beside it.
    running = running.then(async () => {
      for (const id of ids) await backUpOne(id);
    });
    return running;
  }

  return {
    changed(mapId) {
      pending.add(mapId);
      // Debounced: every saved change restarts the wait, so the backup comes when editing pauses.
      cancelTimer();
      timer = setTimer(() => {
        timer = null;
        void runPending();
      }, pauseMs);
    },
    flush: () => runPending(),
    stop() {
      cancelTimer();
      pending.clear();
    },
  };
}
