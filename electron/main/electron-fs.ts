/**
 * The real file system behind file-open.ts and file-dialogs.ts (their tests use fakes).
 */
import fs from 'node:fs';

export const openFileDialogDeps = {
  fs: {
    size: async (filePath: string) => (await fs.promises.stat(filePath)).size,
    readText: (filePath: string) => fs.promises.readFile(filePath, 'utf8'),
    writeFile: (filePath: string, data: string | Uint8Array) => fs.promises.writeFile(filePath, data),
  },
};
