/**
 * The file waiting in the import preview: what was read, and how to answer the import flow that
 * waits for the user's choice (the plans to build, or null when they cancel). One at a time: the
 * flow's queue imports files one after another.
 */
import { create } from 'zustand';
import type { ImportPlan, ImportSource } from '@shared/import';

export interface PendingImport {
  readonly name: string;
  readonly source: ImportSource;
  readonly resolve: (plans: readonly ImportPlan[] | null) => void;
}

interface ImportPreviewState {
  readonly pending: PendingImport | null;
  /** Shows the preview of a read file; resolves with the user's plans, or null when they cancel. */
  readonly ask: (name: string, source: ImportSource) => Promise<readonly ImportPlan[] | null>;
  readonly answer: (plans: readonly ImportPlan[] | null) => void;
}

export const useImportPreviewStore = create<ImportPreviewState>((set, get) => ({
  pending: null,
  ask: (name, source) =>
    new Promise((resolve) => {
      get().pending?.resolve(null);
      set({ pending: { name, source, resolve } });
    }),
  answer: (plans) => {
    const pending = get().pending;
    set({ pending: null });
    pending?.resolve(plans);
  },
}));
