/**
 * The shell's own small settings file (userData/shell-settings.json): window state, the screen
 * that was open (the renderer's hash route) and the last folder per kind of file. The maps themselves live in IndexedDB, never here.
 *
 * Load is forgiving — a missing, corrupt or older file gives defaults, because a broken
 * settings file must never stop the app from opening — and save writes a temporary file then
 * renames it, so a crash mid-write leaves the old file whole.
 */
import * as z from 'zod';
import { EXPORT_FORMATS } from '../../shared/export-formats';
import { windowStateSchema } from './window-state';

/** Folder slots: one per export format, plus the Open dialog's. */
export const FOLDER_SLOTS = [...EXPORT_FORMATS, 'open'] as const;
export type FolderSlot = (typeof FOLDER_SLOTS)[number];

export const shellSettingsSchema = z.object({
  window: windowStateSchema.optional(),
  /** The renderer's hash route when the window last closed ("#/map/m-1"), reopened on start. */
  lastRoute: z.string().max(300).optional(),
  lastFolders: z.partialRecord(z.enum(FOLDER_SLOTS), z.string().min(1).max(4096)).default({}),
});
export type ShellSettings = z.infer<typeof shellSettingsSchema>;

export interface SettingsFs {
  readFileSync(file: string, encoding: 'utf8'): string;
  writeFileSync(file: string, text: string, encoding: 'utf8'): void;
  renameSync(from: string, to: string): void;
}

export interface SettingsStore {
  get(): ShellSettings;
  update(change: (settings: ShellSettings) => ShellSettings): void;
}

/** @example const settings = createSettingsStore(path.join(app.getPath('userData'), 'shell-settings.json'), fs) */
export function createSettingsStore(file: string, fs: SettingsFs): SettingsStore {
  let current = load(file, fs);
  return {
    get: () => current,
    update(change) {
      current = shellSettingsSchema.parse(change(current));
      const tmp = `${file}.tmp`;
      try {
        fs.writeFileSync(tmp, JSON.stringify(current, null, 2), 'utf8');
        fs.renameSync(tmp, file);
      } catch {
        // A read-only or full disk loses only the window position and folders; the app goes on.
      }
    },
  };
}

function load(file: string, fs: SettingsFs): ShellSettings {
  try {
    const parsed = shellSettingsSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or not JSON: defaults below
  }
  return shellSettingsSchema.parse({});
}
