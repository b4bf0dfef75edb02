/**
 * The web build's reminder to back up (platform/backup-reminder.ts decides when): a notice in
 * the notice stack that names "Back up all maps", runs it, and can be put off for a day. The
 * desktop app keeps automatic backups and never shows it.
 */
import { useEffect, useState } from 'react';
import { t, formatWhen } from '../i18n';
import { desktopBridge } from '../platform/files';
import { backupReminderDue, dismissReminder, readReminderState, watchReminderState } from '../platform/backup-reminder';
import { runOperation } from './operations';

/** Looked at again this often, so a tab left open all day still gets the reminder. */
const RECHECK_MS = 10 * 60 * 1000;

const isDue = () => backupReminderDue(readReminderState(), Date.now());

export function BackupReminder() {
  const desktop = desktopBridge() !== undefined;
  const [due, setDue] = useState(() => !desktop && isDue());

  useEffect(() => {
    if (desktop) return;
    const recheck = () => setDue(isDue());
    const off = watchReminderState(recheck);
    const timer = setInterval(recheck, RECHECK_MS);
    return () => {
      off();
      clearInterval(timer);
    };
  }, [desktop]);

  if (!due) return null;
  const last = readReminderState().lastBackupAt;
  return (
    <div className="notice notice--reminder" role="region" aria-label={t('backup.reminder.label')}>
      <p className="notice__body">
        {t('backup.reminder.text')}
        {last !== null && ` ${t('backup.reminder.last', { when: formatWhen(new Date(last).toISOString()) })}`}
      </p>
      <button type="button" className="button button--primary" onClick={() => runOperation('file.backupAll')}>
        {t('backup.button')}
      </button>
      <button type="button" className="button button--ghost" onClick={() => dismissReminder()}>
        {t('backup.reminder.later')}
      </button>
    </div>
  );
}
