/** "Add to chain…": whether its chooser or a node's context menu is open, and for which touchpoints. UI state only. */
import { create } from 'zustand';
import type { TopicId } from '@shared/model/types';

export interface AddToChainState {
  /** The touchpoints the chooser adds, in order; null while it is closed. */
  readonly steps: readonly TopicId[] | null;
  /** A node's context menu, at a point in the window; null while none is open. */
  readonly menu: { readonly x: number; readonly y: number } | null;
  openChooser(steps: readonly TopicId[]): void;
  openMenu(x: number, y: number): void;
  close(): void;
}

export const useAddToChainStore = create<AddToChainState>()((set) => ({
  steps: null,
  menu: null,
  openChooser: (steps) => set({ steps, menu: null }),
  openMenu: (x, y) => set({ menu: { x, y }, steps: null }),
  close: () => set({ steps: null, menu: null }),
}));
