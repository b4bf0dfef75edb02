/**
 * The native Save and Open dialogs behind bridge.saveFile and bridge.openTouchmapFile. Each
 * export format (shared/export-formats.ts) remembers its own last folder (PDFs go to one place,
 * backups to another).
 * Saving over a file is atomic (atomic-write.ts): the previous file stays whole until the new
 * one is complete on disk, so a crash mid-save never leaves a broken file.
 * Dialog, file system and settings are parameters, so tests drive it with fakes.
 */
import path from 'node:path';
import type { OpenedFile, SaveFileArgs, SaveFileResult } from '../../shared/ipc';
import { extensionOf } from '../../shared/export-formats';
import { writeFileAtomic, type AtomicFs } from './atomic-write';
import { OPENABLE_EXTENSIONS, readTouchmapFile, type TouchmapFs } from './file-open';
import type { FolderSlot, SettingsStore } from './settings';

export interface DialogLike {
  showSaveDialog(options: {
    title?: string;
    defaultPath?: string;
    filters?: Array<{ name: string; extensions: string[] }>;
    properties?: Array<'createDirectory' | 'showOverwriteConfirmation'>;
  }): Promise<{ canceled: boolean; filePath?: string }>;
  showOpenDialog(options: {
    title?: string;
    defaultPath?: string;
    filters?: Array<{ name: string; extensions: string[] }>;
    properties?: Array<'openFile'>;
  }): Promise<{ canceled: boolean; filePaths: string[] }>;
}

export interface FileDialogDeps {
  /** Dialogs bound to the main window (sheet on macOS). */
  readonly dialog: DialogLike;
  readonly fs: TouchmapFs & AtomicFs;
  readonly settings: SettingsStore;
  /** Where the first save of each kind goes: the user's Documents folder. */
  readonly documentsDir: string;
  /** Shows why a file was refused. */
  warn(message: string): void;
}

function lastFolder(deps: FileDialogDeps, slot: FolderSlot): string {
  return deps.settings.get().lastFolders[slot] ?? deps.documentsDir;
}

function rememberFolder(deps: FileDialogDeps, slot: FolderSlot, filePath: string): void {
  deps.settings.update((s) => ({ ...s, lastFolders: { ...s.lastFolders, [slot]: path.dirname(filePath) } }));
}

/** @example await saveFileWithDialog(deps, { suggestedName: 'Clinic.pdf', filters, data, kind: 'pdf' }) */
export async function saveFileWithDialog(deps: FileDialogDeps, args: SaveFileArgs): Promise<SaveFileResult> {
  const choice = await deps.dialog.showSaveDialog({
    defaultPath: path.join(lastFolder(deps, args.kind), args.suggestedName),
    filters: args.filters.map((f) => ({ name: f.name, extensions: [...f.extensions] })),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { saved: false };
  await writeFileAtomic(deps.fs, choice.filePath, args.data);
  rememberFolder(deps, args.kind, choice.filePath);
  return { saved: true, path: choice.filePath };
}

export async function openTouchmapFileWithDialog(deps: FileDialogDeps): Promise<OpenedFile | null> {
  const choice = await deps.dialog.showOpenDialog({
    title: 'Open a Touchmap file',
    defaultPath: lastFolder(deps, 'open'),
    filters: [
      { name: 'Maps and outlines', extensions: OPENABLE_EXTENSIONS.map((ext) => ext.slice(1)) },
      { name: 'Touchmap maps', extensions: [extensionOf('touchmap')] },
    ],
    properties: ['openFile'],
  });
  const filePath = choice.filePaths[0];
  if (choice.canceled || !filePath) return null;
  rememberFolder(deps, 'open', filePath);
  const outcome = await readTouchmapFile(filePath, deps.fs);
  if (!outcome.ok) {
    deps.warn(outcome.message);
    return null;
  }
  return outcome.file;
}
