/**
 * Opens a map for editing: load (through the validate-and-repair path), put it in the store,
 * save every change automatically, and flush on leaving the editor or the page.
 *
 * The same map may be open in another tab or window: this tab merges the rows the other one saves
 * (`db/tab-channel.ts`, `db/remote-rows.ts`) without an undo step, and when the map is deleted
 * elsewhere it says so and stops saving it, so it never comes back.
 *
 * An edit made less than a throttle window before the page goes is journaled synchronously on the
 * way out (`db/journal.ts`) and applied on the next open (`journal-notice.ts`).
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'react';
import { startAutosave, type Autosave } from '../../db/autosave';
import { announceWrite, database, library, repairOriginals, setActiveAutosave } from '../../db/library';
import { REPAIR_ORIGINALS_KEPT_DAYS, REPAIR_ORIGINALS_KEPT_PER_MAP, repairOriginalFile } from '../../db/repair-originals';
import { saveTextFile } from '../../platform/files';
import { readRemoteRows, type WrittenRows } from '../../db/remote-rows';
import { openTabChannel } from '../../db/tab-channel';
import { runCommand } from '../../store/run-command';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { t } from '../../i18n';
import type { MapId } from '@shared/model/types';
import { clearJournal, journalKey, journalPending, journalTabOf } from '../../db/journal';
import { journalStorage, recoverMapJournal } from './journal-notice';

/** This page's name in the journals it writes: a tab clears only its own journal once its save lands. */
const TAB_ID = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

export type SessionState = { readonly phase: 'loading' } | { readonly phase: 'ready' } | { readonly phase: 'failed'; readonly reason: string };

export function useMapSession(mapId: MapId): SessionState {
  const [state, setState] = useState<SessionState>({ phase: 'loading' });

  useEffect(() => {
    let cancelled = false;
    let stop: (() => void) | null = null;
    const ui = useUiStore.getState();

    void (async () => {
      try {
        await recoverMapJournal(mapId);
        if (cancelled) return;
        const loaded = await library().loadMap(mapId);
        if (cancelled) return;
        if (!loaded) {
          setState({ phase: 'failed', reason: 'there is no such map on this computer.' });
          return;
        }
        if (loaded.repairs.length > 0) {
          // The damaged rows are kept, as they were, in the same transaction that stores the repair.
          const originalId = await repairOriginals().storeRepair(loaded.doc, loaded.repairs);
          ui.notify(
            'info',
            t('editor.repaired', { details: loaded.repairs.join('; '), days: REPAIR_ORIGINALS_KEPT_DAYS, count: REPAIR_ORIGINALS_KEPT_PER_MAP }),
            undefined,
            { untilClosed: true, action: { label: t('editor.repaired.download'), run: () => void downloadRepairOriginal(originalId) } },
          );
        }
        useDocumentStore.getState().open(loaded.doc);
        ui.select([]);
        ui.setSave('saved');
        const channel = openTabChannel();
        let deletedSaid = false;
        const sayDeleted = () => {
          if (deletedSaid) return;
          deletedSaid = true;
          useUiStore.getState().notify('error', t('editor.deletedElsewhere'));
        };
        const autosave = startAutosave(
          database(),
          {
            getDoc: () => useDocumentStore.getState().doc,
            subscribe: (listener) =>
              useDocumentStore.subscribe((next, prev) => {
                if (next.doc !== prev.doc) listener(next.doc, prev.doc);
              }),
          },
          {
            onStatus: (status) => useUiStore.getState().setSave(status.state, status.error ?? undefined),
            onWrite: (report) => {
              announceWrite(report);
              journalAfterWrite(autosave, report.mapId);
            },
            onWritten: (rows) => channel.announce(rows),
            onDeleted: sayDeleted,
          },
        );
        setActiveAutosave(autosave);
        const stopListening = channel.listen(mergeOtherTabs(autosave, mapId, sayDeleted));
        // Deletion is watched on the map's row itself, whoever deletes it (Dexie tells every tab of
        // the origin), so a tab with nothing to save still learns it at once.
        // A map moved to Trash elsewhere keeps its row (with `deletedAt`): this tab stops saving it
        // too, so its edits never land in a map the user put away.
        const deletion = liveQuery(() => database().maps.get(mapId)).subscribe({
          next: (row) => {
            if (row === undefined || row.deletedAt !== undefined) {
              autosave.mapDeleted(mapId);
              sayDeleted();
            }
          },
          error: () => undefined,
        });
        // Whichever of these fires first as the page goes journals it; each later one finds the same
        // pending changes and writes the same journal again, which costs next to nothing.
        const onHide = () => {
          if (document.visibilityState === 'hidden') journalNow(autosave);
          void autosave.flush().catch(() => undefined);
        };
        const onPageHide = () => {
          journalNow(autosave);
          void autosave.flush().catch(() => undefined);
        };
        const onLeave = () => journalNow(autosave);
        window.addEventListener('pagehide', onPageHide);
        window.addEventListener('beforeunload', onLeave);
        document.addEventListener('visibilitychange', onHide);
        stop = () => {
          deletion.unsubscribe();
          stopListening();
          channel.close();
          window.removeEventListener('pagehide', onPageHide);
          window.removeEventListener('beforeunload', onLeave);
          document.removeEventListener('visibilitychange', onHide);
          // leaving the editor: write what is pending, then let go of the doc
          void autosave
            .flush()
            .catch((error: Error) => useUiStore.getState().notify('error', `The last changes could not be saved: ${error.message}`))
            .finally(() => autosave.stop());
          setActiveAutosave(null);
          useDocumentStore.getState().open(null);
        };
        document.documentElement.lang = loaded.doc.map.locale;
        document.title = `${loaded.doc.map.title} — ${t('app.name')}`;
        setState({ phase: 'ready' });
      } catch (error) {
        if (!cancelled) setState({ phase: 'failed', reason: (error as Error).message });
      }
    })();

    return () => {
      cancelled = true;
      stop?.();
    };
  }, [mapId]);

  return state;
}

/**
 * Writes what autosave has not stored yet to the journal, now: the page may be gone before the
 * flush's IndexedDB transaction commits, while `localStorage` is written before this returns.
 */
function journalNow(autosave: Autosave): void {
  const storage = journalStorage();
  if (storage === null) return;
  for (const write of journalPending(storage, autosave.pending(), TAB_ID, new Date().toISOString())) {
    if (!write.ok) console.warn(`Touchmap: the unsaved changes could not be journaled (${write.reason}); the save goes on.`);
  }
}

/**
 * After a save landed: this tab's journal of the map is cleared when nothing is pending any more,
 * or rewritten over the new stored revision when edits are still waiting (the old one would be
 * taken for stale).
 */
function journalAfterWrite(autosave: Autosave, mapId: MapId): void {
  const storage = journalStorage();
  if (storage === null) return;
  const pending = autosave.pending().filter((save) => save.latest.map.id === mapId);
  if (pending.length === 0) clearJournal(storage, mapId, TAB_ID);
  else if (journalTabOf(storage.getItem(journalKey(mapId))) === TAB_ID) journalNow(autosave);
}

/** "Download the original" of the repair notice: the rows as they were before the repair, as JSON. */
async function downloadRepairOriginal(id: string): Promise<void> {
  try {
    const row = await repairOriginals().read(id);
    if (!row) throw new Error(t('editor.repaired.gone', { days: REPAIR_ORIGINALS_KEPT_DAYS }));
    const file = repairOriginalFile(row);
    await saveTextFile({ name: file.name, text: file.text, mimeType: 'application/json', kind: 'touchmap', filter: { name: 'JSON', extensions: ['json'] } });
  } catch (error) {
    useUiStore.getState().notify('error', t('editor.repaired.downloadFailed', { reason: (error as Error).message }));
  }
}

/**
 * What to do when another tab announces a save: read those rows as stored now and merge them in,
 * one announcement after the other (each read must see the rows the previous merge left).
 */
function mergeOtherTabs(autosave: Autosave, mapId: MapId, sayDeleted: () => void): (rows: WrittenRows) => void {
  let queue: Promise<void> = Promise.resolve();
  return (written) => {
    if (written.mapId !== mapId) return;
    queue = queue
      .then(async () => {
        const read = await readRemoteRows(database(), written);
        if (read.deleted) {
          autosave.mapDeleted(mapId);
          sayDeleted();
          return;
        }
        const merge = autosave.acceptRemote(read.rows);
        if (merge) runCommand(merge, { history: 'skip' });
      })
      .catch((error: unknown) => console.error('Touchmap: could not merge the changes another tab saved.', error));
  };
}
