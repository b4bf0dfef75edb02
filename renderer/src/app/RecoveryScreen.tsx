/**
 * Shown instead of the library when the database could not be opened (`db/open.ts`): what
 * happened in plain words, downloads of whatever rows can be read, and where the desktop app's
 * automatic backups are. It only reads: nothing here writes to the database.
 */
import { useEffect, useState } from 'react';
import type { OpenProblem } from '../db/open';
import { readRawDatabase, recoveryFiles, type RecoveryFiles } from '../db/raw-rows';
import { DB_NAME } from '../db/schema';
import { t } from '../i18n';
import { desktopBridge, saveTextFile } from '../platform/files';

type Read = { readonly phase: 'reading' } | { readonly phase: 'read'; readonly files: RecoveryFiles } | { readonly phase: 'failed'; readonly reason: string };

/** The date part of a file name: 2026-12-06. */
const today = () => new Date().toISOString().slice(0, 10);

export function RecoveryScreen({ problem }: { readonly problem: OpenProblem }) {
  const [read, setRead] = useState<Read>({ phase: 'reading' });
  const bridge = desktopBridge();
  const [folder, setFolder] = useState<string | null>(null);
  const [folderProblem, setFolderProblem] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    readRawDatabase(indexedDB, DB_NAME)
      .then(async (raw) => {
        // loaded here, not with the app: the recovery screen is rare, the journal's reader is not small
        const [{ readJournals }, { journalStorage }] = await Promise.all([import('../db/journal-recovery'), import('../features/editor/journal-notice')]);
        const storage = journalStorage();
        if (live) setRead({ phase: 'read', files: recoveryFiles(raw, new Date().toISOString(), storage ? readJournals(storage) : []) });
      })
      .catch((error: Error) => live && setRead({ phase: 'failed', reason: `${error.name}: ${error.message}` }));
    void bridge
      ?.getBackupsFolder()
      .then((path) => live && setFolder(path))
      .catch((error: Error) => live && setFolderProblem(error.message));
    return () => {
      live = false;
    };
  }, [bridge]);

  const openFolder = () => {
    setFolderProblem(null);
    bridge?.openBackupsFolder().catch((error: Error) => setFolderProblem(t('yourData.openFolderFailed', { reason: error.message })));
  };

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <div className="recovery__panel">
        <h1 id="recovery-title" className="recovery__title">
          {t('recovery.title')}
        </h1>
        <p role="alert">{t(`recovery.${problem.kind}`)}</p>
        <p>{t('recovery.untouched')}</p>
        <p className="muted recovery__details">{t('recovery.details', { detail: problem.detail })}</p>

        <section className="recovery__section" aria-labelledby="recovery-download">
          <h2 id="recovery-download">{t('recovery.download.heading')}</h2>
          <DownloadPart read={read} />
        </section>

        <section className="recovery__section" aria-labelledby="recovery-backups">
          <h2 id="recovery-backups">{t('recovery.backups.heading')}</h2>
          <p>{t(bridge ? 'recovery.backups.desktop' : 'recovery.backups.web')}</p>
          {bridge && (
            <p className="recovery__folder">
              <code>{folder ?? t('yourData.measuring')}</code>
              <button type="button" className="button" onClick={openFolder} disabled={folder === null}>
                {t('yourData.openFolder')}
              </button>
            </p>
          )}
          {folderProblem && <p role="alert">{folderProblem}</p>}
        </section>

        <button type="button" className="button" onClick={() => window.location.reload()}>
          {t('recovery.retry')}
        </button>
      </div>
    </main>
  );
}

function DownloadPart({ read }: { readonly read: Read }) {
  const [saveProblem, setSaveProblem] = useState<string | null>(null);
  if (read.phase === 'reading') return <p className="muted">{t('recovery.reading')}</p>;
  if (read.phase === 'failed') return <p role="alert">{t('recovery.readFailed', { reason: read.reason })}</p>;
  const { files } = read;
  const empty = files.rowCount === 0;
  const save = (name: string, text: string, extension: 'touchmap' | 'json') => {
    setSaveProblem(null);
    void saveTextFile({ name, text, mimeType: 'application/json', kind: 'touchmap', filter: { name: extension === 'touchmap' ? t('export.data.filter.touchmap') : 'JSON', extensions: [extension] } }).catch(
      (error: Error) => setSaveProblem(error.message),
    );
  };
  return (
    <>
      <p>{t('recovery.found', { maps: String(files.mapRows), rebuilt: String(files.touchmap?.maps ?? 0) })}</p>
      {files.notRebuilt.length > 0 && <p className="muted">{t('recovery.notRebuilt', { list: files.notRebuilt.join('; ') })}</p>}
      {files.journalChanges > 0 && <p>{t('recovery.journal', { count: files.journalChanges })}</p>}
      {empty ? (
        <p className="muted">{t('recovery.noRows')}</p>
      ) : (
        <p className="recovery__buttons">
          <button
            type="button"
            className="button button--primary"
            disabled={files.touchmap === null}
            onClick={() => files.touchmap && save(`Touchmap recovered maps ${today()}.touchmap`, files.touchmap.text, 'touchmap')}
          >
            {t('recovery.downloadMaps')}
          </button>
          <button type="button" className="button" onClick={() => save(`Touchmap stored rows ${today()}.json`, files.rawJson, 'json')}>
            {t('recovery.downloadRaw')}
          </button>
        </p>
      )}
      {saveProblem && <p role="alert">{saveProblem}</p>}
    </>
  );
}
