/**
 * The real file system behind file-open.ts and file-dialogs.ts (their tests use fakes).
 */
import fs from 'node:fs';
import type { TouchmapFs } from './file-open';

export const nodeFs: TouchmapFs & { writeFile(filePath: string, data: string | Uint8Array): Promise<void> } = {
  size: async (filePath) => (await fs.promises.stat(filePath)).size,
  readText: (filePath) => fs.promises.readFile(filePath, 'utf8'),
  writeFile: (filePath, data) => fs.promises.writeFile(filePath, data),
};
