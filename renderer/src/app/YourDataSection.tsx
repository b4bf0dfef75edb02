/**
 * App settings ▸ Your data: where the maps live and how safe they are — the browser storage they
 * use and whether the browser promised to keep it, and, in the desktop app, the automatic backups
 * folder with a button that opens it; on the web, when "Back up all maps" last ran.
 */
import { useEffect, useId, useState } from 'react';
import { currentLanguage, t, formatWhen } from '../i18n';
import { desktopBridge } from '../platform/files';
import { formatBytes, readStorageReport, type StorageReport } from '../platform/storage';
import { readReminderState } from '../platform/backup-reminder';

function storageText(report: StorageReport | null): string {
  if (!report) return t('yourData.measuring');
  if (report.usageBytes === null) return t('yourData.unknown');
  const used = formatBytes(report.usageBytes, currentLanguage());
  return report.quotaBytes ? t('yourData.storageOf', { used, quota: formatBytes(report.quotaBytes, currentLanguage()) }) : used;
}

function persistenceText(report: StorageReport | null): string {
  if (!report) return t('yourData.measuring');
  if (report.persisted === null) return t('yourData.unknown');
  return t(report.persisted ? 'yourData.persisted.yes' : 'yourData.persisted.no');
}

export function YourDataSection() {
  const headingId = useId();
  const bridge = desktopBridge();
  const [report, setReport] = useState<StorageReport | null>(null);
  const [folder, setFolder] = useState<string | null>(null);
  const [folderProblem, setFolderProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void readStorageReport().then((r) => live && setReport(r));
    void bridge
      ?.getBackupsFolder()
      .then((f) => live && setFolder(f))
      .catch((error: Error) => live && setFolderProblem(error.message));
    return () => {
      live = false;
    };
  }, [bridge]);

  const lastBackupAt = bridge ? null : readReminderState().lastBackupAt;
  const openFolder = () => {
    setFolderProblem(null);
    bridge?.openBackupsFolder().catch((error: Error) => setFolderProblem(t('yourData.openFolderFailed', { reason: error.message })));
  };

  return (
    <section className="field your-data" aria-labelledby={headingId}>
      <h3 id={headingId} className="field__label your-data__title">
        {t('yourData.title')}
      </h3>
      <p className="muted your-data__about">{t(bridge ? 'yourData.where.desktop' : 'yourData.where.web')}</p>
      <dl className="your-data__facts">
        {bridge && (
          <div className="your-data__fact your-data__fact--folder">
            <dt>{t('yourData.backupsFolder')}</dt>
            <dd>
              <code className="your-data__path">{folder ?? t('yourData.measuring')}</code>
              <button type="button" className="button" onClick={openFolder} disabled={folder === null}>
                {t('yourData.openFolder')}
              </button>
            </dd>
          </div>
        )}
        {!bridge && (
          <div className="your-data__fact">
            <dt>{t('yourData.lastBackup')}</dt>
            <dd>{lastBackupAt === null ? t('yourData.neverBackedUp') : formatWhen(new Date(lastBackupAt).toISOString())}</dd>
          </div>
        )}
        <div className="your-data__fact">
          <dt>{t('yourData.storageUsed')}</dt>
          <dd>{storageText(report)}</dd>
        </div>
        <div className="your-data__fact">
          <dt>{t('yourData.persistence')}</dt>
          <dd>{persistenceText(report)}</dd>
        </div>
      </dl>
      {folderProblem && (
        <p role="alert" className="your-data__problem">
          {folderProblem}
        </p>
      )}
    </section>
  );
}
