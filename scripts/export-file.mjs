// Writing the headless export's file for `npm run export` (scripts/export.mjs), with the same two
// promises as the packaged app's `touchmap --export` (electron/main/cli-export.ts, atomic-write.ts):
// - an existing file is never replaced without --force: a map's title names the file, so
//   exporting a second map of the same title would otherwise silently replace the first;
// - the file is either the old one or the new one, never half of each: the bytes go to a
//   temporary file beside the target, are flushed to the disk, and only then renamed over it.
import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

let counter = 0;

/** Thrown when the target exists and --force was not given; its message names the file. */
export class ExistingFileError extends Error {}

/**
 * Writes `data` to `target` atomically. Throws {@link ExistingFileError} (writing nothing) when the
 * target exists and `force` is false; `message` says what to tell the user.
 * @example writeExportFile('/maps/Clinic.pdf', pdfBytes, { force: false, message: cli.existingFileMessage })
 */
export function writeExportFile(target, data, { force, message }) {
  if (!force && existsSync(target)) throw new ExistingFileError(message(target));
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}.tmp`);
  // 'wx': a new file only, so two runs never share a temporary file.
  const fd = openSync(temporary, 'wx');
  try {
    try {
      writeFileSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
