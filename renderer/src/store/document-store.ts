/**
 * The open map's document, and its undo history.
 *
 * Every change goes through `apply(command)`: a pure command from shared/model turns the doc into
 * the next doc (or throws a CommandError and nothing changes). zundo keeps past docs; since
 * commands share untouched records by reference, a history entry costs only what changed.
 * UI state (selection, view, panels) lives in ui-store.ts and never enters history.
 */
import { create } from 'zustand';
import { temporal } from 'zundo';
import type { MapDoc } from '@shared/model/types';

/** Enough for a long workshop; each entry shares most records with its neighbours. */
export const UNDO_LIMIT = 500;

export interface DocumentState {
  readonly doc: MapDoc | null;
  /** Run a pure command on the open doc: one undo step. Throws the command's error unchanged. */
  apply(command: (doc: MapDoc) => MapDoc): void;
  /** Open a doc (from storage or a template): history starts empty. */
  open(doc: MapDoc | null): void;
}

export const useDocumentStore = create<DocumentState>()(
  temporal(
    (set, get) => ({
      doc: null,
      apply(command) {
        const doc = get().doc;
        if (!doc) return;
        const next = command(doc);
        if (next !== doc) set({ doc: next });
      },
      open(doc) {
        set({ doc });
        useDocumentStore.temporal.getState().clear();
      },
    }),
    {
      partialize: (state) => ({ doc: state.doc }),
      equality: (a, b) => a.doc === b.doc,
      limit: UNDO_LIMIT,
    },
  ),
);

export const documentHistory = {
  undo: () => useDocumentStore.temporal.getState().undo(),
  redo: () => useDocumentStore.temporal.getState().redo(),
  canUndo: () => useDocumentStore.temporal.getState().pastStates.length > 0,
  canRedo: () => useDocumentStore.temporal.getState().futureStates.length > 0,
};

/** The doc of the open map; throws when none is open (only called from the editor). */
export function currentDoc(): MapDoc {
  const doc = useDocumentStore.getState().doc;
  if (!doc) throw new Error('No map is open.');
  return doc;
}
