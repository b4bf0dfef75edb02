/**
 * The grid's UI state. The selection is the shared one (ui-store `selected`), so a touchpoint
 * selected here is selected on the mind map too; the grid adds a cursor cell — the cell the
 * keyboard is in, which tells Tab where to add and which copy of a touchpoint (in segment rows a
 * touchpoint can have several cards) the arrow keys start from — and its row mode.
 */
import { create } from 'zustand';
import type { GridRowMode } from '../../drawing/grid-projection';

export interface GridUiState {
  readonly mode: GridRowMode;
  /** The cell the keyboard is in, or null before the first click or arrow key. */
  readonly cursor: string | null;
  setMode(mode: GridRowMode): void;
  setCursor(cell: string | null): void;
}

export const useGridUiStore = create<GridUiState>()((set) => ({
  mode: 'channel',
  cursor: null,
  setMode: (mode) => set({ mode, cursor: null }),
  setCursor: (cursor) => set({ cursor }),
}));
