/**
 * Undo of "Delete" in the library: the maps moved to Trash since the library was shown, the last
 * on top. The notice's Undo button and Ctrl/Cmd+Z (the registry's `edit.undo`, while no map is
 * open) bring the last one back. Leaving the library forgets them: from then on, Trash restores.
 */
import { create } from 'zustand';
import type { MapId } from '@shared/model/types';
import { trash } from '../../db/library';
import { t } from '../../i18n';
import { useUiStore } from '../../store/ui-store';

interface Moved {
  readonly id: MapId;
  readonly title: string;
}

interface TrashUndoState {
  readonly moved: readonly Moved[];
  /** Bumped after each change of Trash, so the library and Trash re-read. */
  readonly version: number;
}

export const useTrashUndoStore = create<TrashUndoState>()(() => ({ moved: [], version: 0 }));

const changed = (moved: readonly Moved[]) => useTrashUndoStore.setState((state) => ({ moved, version: state.version + 1 }));

/**
 * Moves a map of the library to Trash; it can be undone until the library is left. The app's
 * notice says so with an Undo button, in the same place as every other notice.
 */
export async function moveMapToTrash(id: MapId, title: string): Promise<void> {
  await trash().moveToTrash(id);
  changed([...useTrashUndoStore.getState().moved, { id, title }]);
  useUiStore.getState().notify('info', t('trash.moved', { title }), undefined, { action: { label: t('trash.undo'), run: () => void undoLastDelete() } });
}

export const canUndoTrashMove = (): boolean => useTrashUndoStore.getState().moved.length > 0;

/** Brings back the map moved to Trash last; resolves to its title, or null if there was none. */
export async function undoTrashMove(): Promise<string | null> {
  const moved = useTrashUndoStore.getState().moved;
  const last = moved.at(-1);
  if (!last) return null;
  changed(moved.slice(0, -1));
  await trash().restore(last.id);
  changed(useTrashUndoStore.getState().moved);
  return last.title;
}

/** Undo of the last delete, as the notice's button and Ctrl/Cmd+Z do it: the map comes back and a notice says so. */
export async function undoLastDelete(): Promise<void> {
  const notify = useUiStore.getState().notify;
  try {
    const title = await undoTrashMove();
    if (title !== null) notify('info', t('trash.undone', { title }));
  } catch (failure) {
    notify('error', t('trash.failed', { reason: (failure as Error).message }));
  }
}

/** Called when a map leaves Trash another way (restored from Trash, deleted forever): Undo no longer offers it. */
export function forgetTrashMove(id: MapId): void {
  changed(useTrashUndoStore.getState().moved.filter((entry) => entry.id !== id));
}

/** The library is left: its deletes are Trash's now. */
export function forgetTrashMoves(): void {
  useTrashUndoStore.setState({ moved: [] });
}
