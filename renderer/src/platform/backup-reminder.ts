/**
 * The web build's reminder to back up. In a browser the maps live only in IndexedDB, which a
 * cleared profile or an origin change wipes; the desktop app keeps automatic backups instead
 * (electron/main/backups.ts) and never shows this.
 *
 * The rule: once a day has passed since the first edit made after the last "Back up all maps",
 * remind the user; a dismissed reminder comes back after another day. The rule is a pure
 * function of four moments ({@link backupReminderDue}); the moments live in localStorage, so the
 * count survives reloads and covers every map of this browser.
 */

/** One day: a workshop's worth of edits is the most a browser should hold without a copy. */
export const BACKUP_REMINDER_AFTER_MS = 24 * 60 * 60 * 1000;

export interface BackupReminderState {
  /** The last time "Back up all maps" saved a file; null if never. */
  readonly lastBackupAt: number | null;
  /** The first edit saved since then; null when nothing changed since the last backup. */
  readonly firstUnbackedEditAt: number | null;
  /** When the user last closed the reminder; null if not since the last backup. */
  readonly dismissedAt: number | null;
}

/**
 * Whether to show the reminder now.
 * @example backupReminderDue({ lastBackupAt: null, firstUnbackedEditAt: Date.parse('2026-12-01T09:00Z'), dismissedAt: null }, Date.parse('2026-12-02T09:00Z')) // true
 */
export function backupReminderDue(state: BackupReminderState, now: number, afterMs = BACKUP_REMINDER_AFTER_MS): boolean {
  if (state.firstUnbackedEditAt === null) return false;
  if (now - state.firstUnbackedEditAt < afterMs) return false;
  return state.dismissedAt === null || now - state.dismissedAt >= afterMs;
}

/** The keys in localStorage. */
export const REMINDER_KEYS = {
  lastBackupAt: 'touchmap.backup.lastAt',
  firstUnbackedEditAt: 'touchmap.backup.firstUnbackedEditAt',
  dismissedAt: 'touchmap.backup.reminderDismissedAt',
} as const;

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const listeners = new Set<() => void>();

function readTime(store: KeyValueStore, key: string): number | null {
  const value = Number(store.getItem(key) ?? Number.NaN);
  return Number.isFinite(value) ? value : null;
}

function changed(): void {
  for (const listener of [...listeners]) listener();
}

/** The stored moments (a missing or unreadable one is null). */
export function readReminderState(store: KeyValueStore = localStorage): BackupReminderState {
  return {
    lastBackupAt: readTime(store, REMINDER_KEYS.lastBackupAt),
    firstUnbackedEditAt: readTime(store, REMINDER_KEYS.firstUnbackedEditAt),
    dismissedAt: readTime(store, REMINDER_KEYS.dismissedAt),
  };
}

/** A saved edit: starts the day's count unless one is already running. */
export function noteEdit(now = Date.now(), store: KeyValueStore = localStorage): void {
  if (readTime(store, REMINDER_KEYS.firstUnbackedEditAt) !== null) return;
  store.setItem(REMINDER_KEYS.firstUnbackedEditAt, String(now));
  changed();
}

/** "Back up all maps" saved its file: the count starts over. */
export function noteBackup(now = Date.now(), store: KeyValueStore = localStorage): void {
  store.setItem(REMINDER_KEYS.lastBackupAt, String(now));
  store.removeItem(REMINDER_KEYS.firstUnbackedEditAt);
  store.removeItem(REMINDER_KEYS.dismissedAt);
  changed();
}

/** The user closed the reminder: quiet for another day. */
export function dismissReminder(now = Date.now(), store: KeyValueStore = localStorage): void {
  store.setItem(REMINDER_KEYS.dismissedAt, String(now));
  changed();
}

/** Calls `listener` after any of the above; returns the unsubscribe function. */
export function watchReminderState(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
