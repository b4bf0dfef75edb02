/** Types of scripts/export-file.mjs, for the unit tests. */
export class ExistingFileError extends Error {}
export function writeExportFile(
  target: string,
  data: string | Uint8Array,
  options: { readonly force: boolean; readonly message: (target: string) => string },
): void;
