/**
 * Automatic backups (desktop): a `.touchmap` of each changed map in a `backups` folder of the
 * user-data folder, outside IndexedDB — so a cleared profile, a broken database or a full disk
 * on the database's side never takes the only copy of a map with it.
 *
 * - The renderer sends a map's autosaved state when editing pauses and before quitting
 *   (bridge.backUpMap); this module checks it with the same strict reader as an import, writes
 *   it again with the .touchmap writer (shared/file-format.ts), atomically (atomic-write.ts),
 *   and keeps the newest {@link BACKUPS_KEPT_PER_MAP} per map.
 * - File names: the map's title made safe for every OS, the map's id, and the time in UTC —
 *   `Clinic map_k3x9 2026-12-06T21-08-24-123Z.touchmap` — so a folder listing sorts by map, then
 *   by time, and the id tells two maps of the same title apart.
 * - Writes run one at a time; `flush()` resolves once every write asked for is done (the quit
 *   path waits for it).
 *
 * File system, folder and clock are parameters: tests drive it with a fake file system and with a
 * real temporary folder.
 */
import path from 'node:path';
import { parseTouchmapFile, serializeTouchmapFile } from '../../shared/file-format';
import { safeFileName } from '../../shared/file-names';
import type { BackUpMapResult } from '../../shared/ipc';
import type { MapDoc } from '../../shared/model/types';
import { writeFileAtomic, type AtomicFs } from './atomic-write';

/** The folder's name inside the user-data folder. */
export const BACKUPS_FOLDER_NAME = 'backups';

/**
 * Ten per map: with a backup after every pause in editing, that reaches back over the last
 * stretch of work (an accidental mass delete an hour ago is still there) while a map of 2 MB
 * costs at most 20 MB.
 */
export const BACKUPS_KEPT_PER_MAP = 10;

const EXTENSION = 'touchmap';
/** Title part of the name: short enough that id, time and extension always fit in 255 bytes. */
const TITLE_BYTES = 120;

export interface BackupFs extends AtomicFs {
  /** Creates the folder and its parents; no error when it exists. */
  mkdir(folder: string): Promise<void>;
  /** The names (not paths) of the folder's entries. */
  readdir(folder: string): Promise<string[]>;
}

export interface BackupWriterDeps {
  readonly fs: BackupFs;
  /** The backups folder: `<userData>/backups` in the app. */
  readonly folder: string;
  readonly now: () => Date;
  readonly keepPerMap?: number;
}

export interface BackupWriter {
  readonly folder: string;
  /** Checks and writes one map's `.touchmap` text; resolves to the backup's file name. */
  backUp(text: string): Promise<BackUpMapResult>;
  /** Resolves once every backup asked for so far is written (or has failed). */
  flush(): Promise<void>;
}

/** `2026-12-06T21-08-24-123Z`: ISO time without the characters Windows refuses, sorting as time does. */
export function backupTimestamp(at: Date): string {
  return at.toISOString().replace(/:/g, '-').replace('.', '-');
}

const TIMESTAMP = String.raw`\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z`;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The backup's file name: safe title, map id, time.
 * @example backupFileName('Clinic: new/old patients?', 'map_k3x9', new Date('2026-12-06T21:08:24.123Z'))
 * // 'Clinic new old patients map_k3x9 2026-12-06T21-08-24-123Z.touchmap'
 */
export function backupFileName(title: string, mapId: string, at: Date): string {
  const stem = safeFileName(title, EXTENSION, 'Untitled map').slice(0, -(EXTENSION.length + 1));
  const cutTitle = cutToBytes(stem, TITLE_BYTES).trim();
  // The id comes from the map's file; anything outside the id alphabet would make an unsafe name.
  const safeId = mapId.replace(/[^A-Za-z0-9_-]/g, '_');
  return `${cutTitle} ${safeId} ${backupTimestamp(at)}.${EXTENSION}`;
}

/** The backups of one map among a folder's names, oldest first. */
export function backupsOfMap(names: readonly string[], mapId: string): string[] {
  const safeId = mapId.replace(/[^A-Za-z0-9_-]/g, '_');
  const pattern = new RegExp(` ${escapeRegExp(safeId)} (${TIMESTAMP})\\.${EXTENSION}$`);
  return names
    .map((name) => ({ name, stamp: pattern.exec(name)?.[1] }))
    .filter((entry): entry is { name: string; stamp: string } => entry.stamp !== undefined)
    .sort((a, b) => (a.stamp === b.stamp ? a.name.localeCompare(b.name) : a.stamp < b.stamp ? -1 : 1))
    .map((entry) => entry.name);
}

function cutToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const char of text) {
    const size = Buffer.byteLength(char, 'utf8');
    if (used + size > bytes) break;
    out += char;
    used += size;
  }
  return out;
}

/** Why a text sent for backup is refused: checked before anything is written. */
function oneMapOf(text: string): MapDoc {
  const parsed = parseTouchmapFile(text);
  if (!parsed.ok) throw new Error(`Backup refused: the map's text is not a valid .touchmap file — ${parsed.details}`);
  const [doc, ...others] = parsed.docs;
  if (!doc || others.length > 0) throw new Error(`Backup refused: a backup holds exactly one map, and this text holds ${parsed.docs.length}.`);
  return doc;
}

/** @example const backups = createBackupWriter({ fs: nodeBackupFs, folder: path.join(app.getPath('userData'), 'backups'), now: () => new Date() }) */
export function createBackupWriter(deps: BackupWriterDeps): BackupWriter {
  const keep = deps.keepPerMap ?? BACKUPS_KEPT_PER_MAP;
  let queue: Promise<unknown> = Promise.resolve();

  async function write(doc: MapDoc): Promise<BackUpMapResult> {
    const at = deps.now();
    const fileName = backupFileName(doc.map.title, doc.map.id, at);
    await deps.fs.mkdir(deps.folder);
    await writeFileAtomic(deps.fs, path.join(deps.folder, fileName), serializeTouchmapFile([doc], at.toISOString()));
    // Pruning after the write: the newest backup exists before any older one goes.
    const mine = backupsOfMap(await deps.fs.readdir(deps.folder), doc.map.id);
    for (const old of mine.slice(0, Math.max(0, mine.length - keep))) {
      await deps.fs.unlink(path.join(deps.folder, old)).catch(() => undefined);
    }
    return { fileName };
  }

  return {
    folder: deps.folder,
    async backUp(text) {
      const doc = oneMapOf(text);
      const done = queue.then(() => write(doc));
      queue = done.catch(() => undefined);
      return done;
    },
    async flush() {
      // A write queued while waiting joins the wait.
      for (;;) {
        const waited = queue;
        await waited;
        if (waited === queue) return;
      }
    },
  };
}
