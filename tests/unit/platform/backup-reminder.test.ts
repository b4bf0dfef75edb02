import { describe, expect, it } from 'vitest';
import {
  BACKUP_REMINDER_AFTER_MS,
  backupReminderDue,
  dismissReminder,
  noteBackup,
  noteEdit,
  readReminderState,
  watchReminderState,
} from '../../../renderer/src/platform/backup-reminder';

const HOUR = 60 * 60 * 1000;
const MONDAY_9 = Date.parse('2026-11-30T09:00:00Z');

/** localStorage's part the reminder uses, in memory. */
function memoryStore() {
  const values = new Map<string, string>();
  return {
    getItem: (key: string) => values.get(key) ?? null,
    setItem: (key: string, value: string) => void values.set(key, value),
    removeItem: (key: string) => void values.delete(key),
    values,
  };
}

describe('when to remind the user to back up all maps (pure rule)', () => {
  const fresh = { lastBackupAt: null, firstUnbackedEditAt: null, dismissedAt: null };

  it('stays quiet while nothing was edited, however long ago the last backup was', () => {
    expect(backupReminderDue(fresh, MONDAY_9 + 30 * 24 * HOUR)).toBe(false);
    expect(backupReminderDue({ ...fresh, lastBackupAt: MONDAY_9 }, MONDAY_9 + 30 * 24 * HOUR)).toBe(false);
  });

  it('reminds once a day has passed since the first edit after the last backup, not before', () => {
    const state = { ...fresh, firstUnbackedEditAt: MONDAY_9 };
    expect(backupReminderDue(state, MONDAY_9 + 23 * HOUR)).toBe(false);
    expect(backupReminderDue(state, MONDAY_9 + BACKUP_REMINDER_AFTER_MS)).toBe(true);
  });

  it('after being dismissed, comes back only after another day', () => {
    const state = { ...fresh, firstUnbackedEditAt: MONDAY_9, dismissedAt: MONDAY_9 + 25 * HOUR };
    expect(backupReminderDue(state, MONDAY_9 + 30 * HOUR)).toBe(false);
    expect(backupReminderDue(state, MONDAY_9 + 49 * HOUR)).toBe(true);
  });
});

describe('the reminder’s moments in storage', () => {
  it('counts from the first edit, starts over at a backup, and remembers a dismissal', () => {
    const store = memoryStore();
    noteEdit(MONDAY_9, store);
    noteEdit(MONDAY_9 + 5 * HOUR, store); // a later edit does not restart the day
    expect(readReminderState(store)).toEqual({ lastBackupAt: null, firstUnbackedEditAt: MONDAY_9, dismissedAt: null });
    expect(backupReminderDue(readReminderState(store), MONDAY_9 + 24 * HOUR)).toBe(true);

    dismissReminder(MONDAY_9 + 24 * HOUR, store);
    expect(backupReminderDue(readReminderState(store), MONDAY_9 + 25 * HOUR)).toBe(false);

    noteBackup(MONDAY_9 + 26 * HOUR, store);
    expect(readReminderState(store)).toEqual({ lastBackupAt: MONDAY_9 + 26 * HOUR, firstUnbackedEditAt: null, dismissedAt: null });
    expect(backupReminderDue(readReminderState(store), MONDAY_9 + 80 * HOUR)).toBe(false);
  });

  it('reads a missing or garbled value as never', () => {
    const store = memoryStore();
    store.setItem('touchmap.backup.firstUnbackedEditAt', 'yesterday');
    expect(readReminderState(store).firstUnbackedEditAt).toBeNull();
  });

  it('tells watchers of every change', () => {
    const store = memoryStore();
    let calls = 0;
    const off = watchReminderState(() => calls++);
    noteEdit(MONDAY_9, store);
    dismissReminder(MONDAY_9, store);
    noteBackup(MONDAY_9, store);
    off();
    noteEdit(MONDAY_9, store);
    expect(calls).toBe(3);
  });
});
