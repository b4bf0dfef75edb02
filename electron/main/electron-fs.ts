/**
 * The real file system behind file-open.ts and file-dialogs.ts (their tests use fakes).
 */
import fs from 'node:fs';
import { nodeAtomicFs, type AtomicFs } from './atomic-write';
import type { TouchmapFs } from './file-open';

export const nodeFs: TouchmapFs & AtomicFs = {
  size: async (filePath) => (await fs.promises.stat(filePath)).size,
  readText: (filePath) => fs.promises.readFile(filePath, 'utf8'),
  ...nodeAtomicFs,
};
