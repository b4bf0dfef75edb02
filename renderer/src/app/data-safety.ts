/**
 * Started once with the app: asks the browser to keep the maps' storage (platform/storage.ts)
 * and, on the web, counts edits toward the backup reminder (platform/backup-reminder.ts). The
 * desktop app's automatic backups are wired with the rest of the shell (desktop.ts).
 */
import { watchWrites } from '../db/library';
import { noteEdit } from '../platform/backup-reminder';
import { desktopBridge } from '../platform/files';
import { requestPersistentStorage } from '../platform/storage';
import type { TouchmapBridge } from '@shared/ipc';

/** @returns a function that stops counting edits (tests, hot reload). */
export function startDataSafety(bridge: TouchmapBridge | undefined = desktopBridge()): () => void {
  void requestPersistentStorage();
  if (bridge) return () => undefined;
  return watchWrites(() => noteEdit());
}
