/**
 * The real file system behind file-open.ts, file-dialogs.ts and backups.ts (their tests use fakes).
 */
import fs from 'node:fs';
import { nodeAtomicFs, type AtomicFs } from './atomic-write';
import type { BackupFs } from './backups';
import type { TouchmapFs } from './file-open';

export const nodeFs: TouchmapFs & AtomicFs = {
  size: async (filePath) => (await fs.promises.stat(filePath)).size,
  readText: (filePath) => fs.promises.readFile(filePath, 'utf8'),
  readBytes: async (filePath) => new Uint8Array(await fs.promises.readFile(filePath)),
  ...nodeAtomicFs,
};

/** The real file system behind the automatic backups (backups.ts). */
export const nodeBackupFs: BackupFs = {
  ...nodeAtomicFs,
  mkdir: async (folder) => void (await fs.promises.mkdir(folder, { recursive: true })),
  readdir: (folder) => fs.promises.readdir(folder),
};
