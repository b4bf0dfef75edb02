/**
 * The map's data leaving the app: the open map as `.touchmap`, its action plan
 * as CSV, its outline as Markdown, and a backup of every map as one `.touchmap`. Each is saved
 * through the platform (native Save dialog in the desktop app, a download in a browser) and the
 * user is told where it went.
 *
 * The file builders (`mapDataFile`, `backupFile`) are pure, so tests check names and bytes without
 * a browser; the `export…` functions add the store, the library and the notices.
 */
import { serializeTouchmapFile } from '@shared/file-format';
import type { MapDoc } from '@shared/model/types';
import { EXPORT_FORMAT_INFO, extensionOf, type DataFormat } from '@shared/export-formats';
import { useDocumentStore } from '../../../store/document-store';
import { useUiStore } from '../../../store/ui-store';
import { flushPendingSaves, library } from '../../../db/library';
import { safeFileName, saveTextFile, type TextFileToSave } from '../../../platform/files';
import { noteBackup } from '../../../platform/backup-reminder';
import { t } from '../../../i18n';
import { actionPlanCsv } from './action-plan-csv';
import { outlineMarkdown } from './outline-markdown';

/** The Save dialog's file-type filter of a data format: its name and its one extension. */
const filterOf = (format: DataFormat) => ({ name: t(`export.data.filter.${format}`), extensions: [extensionOf(format)] });

/** Between a map's title and what the file holds: `Clinic — action plan.csv`. */
const TITLE_SEPARATOR = ' — ';

/**
 * One map as a file to save, named after its title (safe on every OS).
 *
 * @param exportedAt the `exportedAt` of a `.touchmap` (ISO); passed in so the builder stays pure
 * @example mapDataFile(doc, 'csv', now).name // 'Clinic — new patients — action plan.csv'
 */
export function mapDataFile(doc: MapDoc, format: DataFormat, exportedAt: string): TextFileToSave {
  const title = doc.map.title;
  switch (format) {
    case 'touchmap':
      return {
        name: safeFileName(title, extensionOf('touchmap'), t('export.data.untitled')),
        text: serializeTouchmapFile([doc], exportedAt),
        mimeType: EXPORT_FORMAT_INFO.touchmap.mimeType,
        kind: 'touchmap',
        filter: filterOf('touchmap'),
      };
    case 'csv':
      return {
        name: safeFileName(`${title || t('export.data.untitled')}${TITLE_SEPARATOR}${t('export.data.suffix.actionPlan')}`, extensionOf('csv')),
        // actionPlanCsv starts with the byte-order mark Excel needs for Cyrillic, Hangul and Kana.
        text: actionPlanCsv(doc),
        mimeType: EXPORT_FORMAT_INFO.csv.mimeType,
        kind: 'csv',
        filter: filterOf('csv'),
      };
    case 'markdown':
      return {
        name: safeFileName(`${title || t('export.data.untitled')}${TITLE_SEPARATOR}${t('export.data.suffix.outline')}`, extensionOf('markdown')),
        text: outlineMarkdown(doc),
        mimeType: EXPORT_FORMAT_INFO.markdown.mimeType,
        kind: 'markdown',
        filter: filterOf('markdown'),
      };
  }
}

/**
 * Every map as one `.touchmap` file — a full backup that imports back as the same maps.
 * @param now when the backup is made: `exportedAt`, and the date in the file name (local time, as the user reads it)
 * @example backupFile(docs, new Date()).name // 'Touchmap backup 2026-11-25.touchmap'
 */
export function backupFile(docs: readonly MapDoc[], now: Date): TextFileToSave {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  return {
    name: safeFileName(t('backup.fileName', { date }), extensionOf('touchmap')),
    text: serializeTouchmapFile(docs, now.toISOString()),
    mimeType: EXPORT_FORMAT_INFO.touchmap.mimeType,
    kind: 'touchmap',
    filter: filterOf('touchmap'),
  };
}

/**
 * Saves the open map in one of its data formats and tells the user where it went.
 * Does nothing when no map is open.
 * @example <button onClick={() => void exportOpenMap('csv')}>Action plan (CSV)</button>
 */
export async function exportOpenMap(format: DataFormat): Promise<void> {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return;
  await saveAndReport(mapDataFile(doc, format, new Date().toISOString()));
}

/**
 * Backs up every map of the library as one `.touchmap`. Pending edits are written first, so the
 * backup holds what the user sees. A map that cannot be read is left out and named in the notice.
 * @example <button onClick={() => void backUpAllMaps()}>Back up all maps</button>
 */
export async function backUpAllMaps(): Promise<void> {
  const notify = useUiStore.getState().notify;
  let docs: MapDoc[];
  const unreadable: string[] = [];
  try {
    await flushPendingSaves();
    const summaries = await library().listMaps();
    docs = [];
    for (const summary of summaries) {
      try {
        const loaded = await library().loadMap(summary.id);
        if (loaded) docs.push(loaded.doc);
      } catch (error) {
        unreadable.push(t('backup.unreadable', { title: summary.title || summary.id, reason: (error as Error).message }));
      }
    }
  } catch (error) {
    notify('error', t('backup.failed', { reason: (error as Error).message }));
    return;
  }
  if (docs.length === 0) {
    notify(unreadable.length > 0 ? 'error' : 'info', [t('backup.nothing'), ...unreadable].join(' '));
    return;
  }
  // The web's backup reminder counts a day of edits from the last backup actually saved.
  if (await saveAndReport(backupFile(docs, new Date()), unreadable)) noteBackup();
}

/** @returns whether the file was saved (not cancelled, not failed). */
async function saveAndReport(file: TextFileToSave, problems: readonly string[] = []): Promise<boolean> {
  const notify = useUiStore.getState().notify;
  try {
    const outcome = await saveTextFile(file);
    if (!outcome.saved) return false; // the user cancelled the Save dialog
    const done =
      outcome.via === 'dialog' && outcome.path ? t('export.data.saved', { name: file.name, path: outcome.path }) : t('export.data.downloaded', { name: file.name });
    notify(problems.length > 0 ? 'error' : 'info', [done, ...problems].join(' '));
    return true;
  } catch (error) {
    notify('error', t('export.data.failed', { name: file.name, reason: (error as Error).message }));
    return false;
  }
}
