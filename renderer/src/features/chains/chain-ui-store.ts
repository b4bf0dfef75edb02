/**
 * The chains' UI state: which chains are hidden on the map, which chain is taking steps by
 * click ("Add steps" mode), and which tab the right-hand column shows. Like ui-store, it never
 * enters undo history and is never saved with the map: showing a chain is a way of looking,
 * not a change to the document.
 */
import { create } from 'zustand';
import type { ChainId } from '@shared/model/types';

export type SidePanelTab = 'inspector' | 'chains' | 'analysis';

export interface ChainUiState {
  /** Chains not drawn on the map or the grid. A new Set on every change, so selectors see it. */
  readonly hidden: ReadonlySet<ChainId>;
  /** The chain that clicked touchpoints are appended to, or null when the mode is off. */
  readonly picking: ChainId | null;
  readonly tab: SidePanelTab;
  toggleHidden(id: ChainId): void;
  setPicking(id: ChainId | null): void;
  setTab(tab: SidePanelTab): void;
  /** Forget everything (another map was opened). */
  reset(): void;
}

const NONE: ReadonlySet<ChainId> = new Set();

export const useChainUiStore = create<ChainUiState>()((set) => ({
  hidden: NONE,
  picking: null,
  tab: 'inspector',
  toggleHidden: (id) =>
    set((s) => {
      const hidden = new Set(s.hidden);
      if (hidden.has(id)) hidden.delete(id);
      else hidden.add(id);
      return { hidden };
    }),
  setPicking: (picking) => set({ picking }),
  setTab: (tab) => set({ tab }),
  reset: () => set({ hidden: NONE, picking: null }),
}));
