/**
 * Importing another tool's file (XMind, FreeMind/Freeplane, OPML, Markdown, CSV/TSV, Excel):
 * read it (shared/import) → show the preview and wait for the user's choices → build one new map
 * per plan → store them all in one transaction. A refused file changes nothing and says why;
 * Cancel changes nothing and says nothing. Maps already in the library are never touched.
 */
import { buildMapFromPlan, readImportFile, type ImportPlan, type ImportSource } from '@shared/import';
import type { MapDoc } from '@shared/model/types';
import type { PickedFile } from '../../platform/files';
import { t } from '../../i18n';
import { useImportPreviewStore } from './import-preview-store';
import { withDistinctTitles, type ImportDeps, type ImportOutcome } from './import-maps';
import { importDay } from './imported-title';

export { isOtherFormatName } from './other-format-name';

export interface OtherFormatDeps extends ImportDeps {
  /** Shows the preview and resolves with the plans chosen, or null on Cancel; the dialog by default. */
  readonly ask?: (name: string, source: ImportSource) => Promise<readonly ImportPlan[] | null>;
}

/**
 * Imports one file of another tool as new maps, after the user's preview.
 * @returns the outcome, or null when the user cancelled
 * @example await importOtherFormat(browserFileToPicked(file), { repository: library(), newId });
 */
export async function importOtherFormat(file: PickedFile, deps: OtherFormatDeps): Promise<ImportOutcome | null> {
  const { name } = file;
  let bytes: Uint8Array;
  try {
    bytes = await file.bytes();
  } catch (error) {
    const reason = (error as Error).message;
    return { ok: false, name, problem: t('import.readFailed', { reason }), details: reason };
  }
  const read = readImportFile(bytes, name);
  if (!read.ok) return { ok: false, name, problem: read.problem, details: `${name}: ${read.problem}` };
  const ask = deps.ask ?? ((n: string, source: ImportSource) => useImportPreviewStore.getState().ask(n, source));
  const plans = await ask(name, read.source);
  if (!plans || plans.length === 0) return null;

  const now = (deps.now ?? (() => new Date()))();
  const docs: MapDoc[] = [];
  for (const plan of plans) {
    const built = buildMapFromPlan(plan, { newId: deps.newId, now: now.toISOString() });
    if (!built.ok) return { ok: false, name, problem: t('import.builtFailed', { reason: built.problem }), details: built.problem };
    docs.push(built.doc);
  }
  try {
    const titled = withDistinctTitles(docs, await deps.repository.listMaps(), importDay(now, deps.locale));
    await deps.repository.saveDocs(titled);
    const notes = plans.flatMap((p) => p.notes);
    return { ok: true, name, maps: titled.map((doc, i) => ({ id: doc.map.id, title: doc.map.title, renamedIds: false, ...(doc.map.title !== docs[i]?.map.title && { fileTitle: docs[i]?.map.title }) })), warnings: notes };
  } catch (error) {
    const reason = (error as Error).message.replace(/[.\s]+$/, '');
    return { ok: false, name, problem: t('import.storeFailed', { reason }), details: reason };
  }
}
