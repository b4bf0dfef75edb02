/**
 * Writing a file so that it is either the old file or the new one, never half of each.
 *
 * Writing in place truncates the file first: a crash, a full disk or a pulled plug mid-write
 * leaves a broken file where the user's map was. Instead the bytes go to a temporary file in the
 * same folder (a rename is atomic only within one file system), are flushed to the disk (fsync),
 * and only then is the temporary file renamed over the target. Until that rename the previous file
 * is untouched; on any error the temporary file is removed and the error goes to the caller.
 *
 * The file system is a parameter, so tests drive it with a fake and with a real temporary folder.
 */
import fs from 'node:fs';
import path from 'node:path';

/** An open file: what the writer needs of fs.promises.FileHandle. */
export interface AtomicFileHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  /** fsync: the bytes are on the disk, not only in the OS's cache, before the rename makes them the file. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** What the writer needs of the file system. */
export interface AtomicFs {
  /** Opens a new file for writing; fails if it exists ('wx'), so two writers never share a temporary file. */
  openNew(filePath: string): Promise<AtomicFileHandle>;
  rename(from: string, to: string): Promise<void>;
  unlink(filePath: string): Promise<void>;
  /** Best effort: flush the folder's entry list so the rename itself survives a power cut (POSIX only). */
  syncFolder?(folder: string): Promise<void>;
}

let counter = 0;

/** A temporary name beside the target: hidden, unique to this process and write, ending in `.tmp`. */
export function temporaryPathFor(filePath: string, unique = `${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`): string {
  return path.join(path.dirname(filePath), `.${path.basename(filePath)}.${unique}.tmp`);
}

/**
 * Writes `data` to `filePath` atomically: the previous file stays whole until the new one is
 * complete on disk, and no temporary file is left behind on error.
 *
 * @example await writeFileAtomic(nodeAtomicFs, '/home/u/Clinic.touchmap', text)
 */
export async function writeFileAtomic(files: AtomicFs, filePath: string, data: string | Uint8Array, temporaryPath = temporaryPathFor(filePath)): Promise<void> {
  let handle: AtomicFileHandle | null = null;
  let created = false;
  try {
    handle = await files.openNew(temporaryPath);
    created = true;
    await handle.writeFile(data);
    await handle.sync();
    const closing = handle;
    handle = null;
    await closing.close();
    await files.rename(temporaryPath, filePath);
    created = false;
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined);
    if (created) await files.unlink(temporaryPath).catch(() => undefined);
    throw error;
  }
  await files.syncFolder?.(path.dirname(filePath)).catch(() => undefined);
}

/** The real file system behind writeFileAtomic. */
export const nodeAtomicFs: AtomicFs = {
  openNew: async (filePath) => {
    const handle = await fs.promises.open(filePath, 'wx');
    return {
      writeFile: (data) => handle.writeFile(data),
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
  rename: (from, to) => fs.promises.rename(from, to),
  unlink: (filePath) => fs.promises.unlink(filePath),
  syncFolder: async (folder) => {
    // Windows cannot open a folder for fsync; there the rename is already durable enough (NTFS journals it).
    if (process.platform === 'win32') return;
    const handle = await fs.promises.open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  },
};

/** writeFileAtomic on the real file system: the one call for every file the main process writes. */
export const writeFileAtomically = (filePath: string, data: string | Uint8Array): Promise<void> => writeFileAtomic(nodeAtomicFs, filePath, data);
