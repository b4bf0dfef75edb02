/**
 * The import as the user meets it: Import… (Ctrl/Cmd+O), a file dropped on the window, or a file
 * the desktop shell hands over (double-click, command line, dock). Each one goes through
 * `importFiles`: check name and size before reading → read → `importTouchmap` → one notice saying
 * what came in or exactly what was wrong → open the map when exactly one came in.
 *
 * Imports run one after another (a queue), so two quick drops cannot both see the same free map
 * id and have the second refused by the repository.
 */
import type { OpenedFile } from '@shared/ipc';
import { newId } from '@shared/model/ids';
import { library } from '../../db/library';
import { navigate } from '../../store/route';
import { useUiStore } from '../../store/ui-store';
import { browserFileToPicked, openedFileToPicked, pickTouchmapFile, type PickedFile } from '../../platform/files';
import { describeImportDetails, describeImports, importTouchmap, isTouchmapFileName, isWithinSizeLimit, refuseUnread, type ImportOutcome } from './import-maps';
import { isOtherFormatName } from './other-format-name';
import { loadOtherFormatImport } from './load-other-format';
import { t } from '../../i18n';

type ImportListener = (outcomes: readonly ImportOutcome[]) => void;
const listeners = new Set<ImportListener>();

/**
 * Calls `listener` after every import (refused ones included), e.g. so the library lists new maps.
 * @returns a function that stops listening
 * @example useEffect(() => onMapsImported(() => void reload()), [reload]);
 */
export function onMapsImported(listener: ImportListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Imports files as new maps, each file whole or not at all, and tells the user what happened.
 * Opens the imported map when exactly one map came in and nothing was refused.
 *
 * @example await importFiles([...event.dataTransfer.files].map(browserFileToPicked));
 */
export function importFiles(files: readonly PickedFile[]): Promise<readonly ImportOutcome[]> {
  const run = async () => {
    const outcomes: ImportOutcome[] = [];
    for (const file of files) {
      const outcome = await importOne(file);
      if (outcome) outcomes.push(outcome);
    }
    report(outcomes);
    return outcomes;
  };
  const result = queue.then(run, run);
  queue = result.catch(() => undefined);
  return result;
}

/** One file's outcome; null when the user cancelled its preview (nothing to report). */
async function importOne(file: PickedFile): Promise<ImportOutcome | null> {
  if (isOtherFormatName(file.name) && isWithinSizeLimit(file.sizeBytes)) {
    // The readers (XML, Markdown, CSV, zip) are fetched with the first such file, not with the library.
    const loaded = await loadOtherFormatImport();
    if (!loaded.ok) return { ok: false, name: file.name, problem: t('import.readFailed', { reason: loaded.reason }), details: loaded.reason };
    return loaded.module.importOtherFormat(file, { repository: library(), newId });
  }
  if (!isTouchmapFileName(file.name) || !isWithinSizeLimit(file.sizeBytes)) return refuseUnread(file);
  let text: string;
  try {
    text = await file.text();
  } catch (error) {
    const reason = (error as Error).message;
    return { ok: false, name: file.name, problem: t('import.readFailed', { reason }), details: reason };
  }
  return importTouchmap({ name: file.name, text, sizeBytes: file.sizeBytes }, { repository: library(), newId });
}

function report(outcomes: readonly ImportOutcome[]): void {
  if (outcomes.length === 0) return;
  const refused = outcomes.some((o) => !o.ok);
  useUiStore.getState().notify(refused ? 'error' : 'info', describeImports(outcomes), describeImportDetails(outcomes));
  for (const listener of listeners) listener(outcomes);
  const maps = outcomes.flatMap((o) => (o.ok ? o.maps : []));
  const [only] = maps;
  if (!refused && maps.length === 1 && only) navigate({ screen: 'editor', mapId: only.id });
}

/**
 * Import… : asks for a `.touchmap` file (native Open dialog in the desktop app, the browser's
 * picker otherwise) and imports it. Nothing happens when the user cancels.
 * @example <button onClick={() => void importFromPicker()}>Import…</button>
 */
export async function importFromPicker(): Promise<void> {
  try {
    const file = await pickTouchmapFile();
    if (file) await importFiles([file]);
  } catch (error) {
    useUiStore.getState().notify('error', t('import.pickFailed', { reason: (error as Error).message }));
  }
}

/**
 * Imports a file's text handed over by the OS (desktop shell: double-click, command line, dock,
 * second launch) as new map(s) — never overwriting — and opens it when it is a single map.
 * The lead wires this to the bridge's `onOpenFile`.
 *
 * @param name the file's base name, for messages ("Clinic.touchmap")
 * @param sizeBytes the size on disk, when known; otherwise the text is measured
 * @example bridge.onOpenFile((file) => void importTouchmapText(file.name, file.text));
 */
export function importTouchmapText(name: string, text: string, sizeBytes?: number): Promise<readonly ImportOutcome[]> {
  return importFiles([openedFileToPicked({ name, text }, sizeBytes)]);
}

/**
 * Imports a file the desktop shell handed over: a `.touchmap` by its text, another tool's file
 * (XMind, Excel…) by its bytes, through the same preview as a dropped one.
 * @example bridge.onOpenFile((file) => void importOpenedFile(file));
 */
export function importOpenedFile(file: OpenedFile): Promise<readonly ImportOutcome[]> {
  return importFiles([openedFileToPicked(file)]);
}

/**
 * Imports files dropped on the window.
 * @example window.addEventListener('drop', (e) => void importDroppedFiles([...e.dataTransfer.files]));
 */
export function importDroppedFiles(files: readonly File[]): Promise<readonly ImportOutcome[]> {
  return importFiles(files.map(browserFileToPicked));
}
