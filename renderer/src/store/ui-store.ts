/**
 * What the user is looking at and pointing at: screen, selection, label editing, view options,
 * save status, the last error. Never part of undo history, never saved with the map.
 */
import { create } from 'zustand';

export type ViewName = 'mindmap' | 'grid' | 'outline';
export type Grouping = 'channel-stage' | 'stage-channel';
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error';

/** A node id on the canvas: a topic id, or a derived group id such as `group:online:s-aw`. */
export type NodeId = string;

export interface UiState {
  readonly selected: readonly NodeId[];
  /** The node whose label is being edited in place, and the text it started with. */
  readonly editing: { readonly id: NodeId; readonly initial?: string } | null;
  readonly view: ViewName;
  readonly grouping: Grouping;
  readonly inspectorOpen: boolean;
  readonly save: { readonly state: SaveState; readonly message?: string };
  /** A message for the user (a refused edit, a failed load); shown until dismissed. */
  readonly notice: { readonly kind: 'error' | 'info'; readonly text: string } | null;
  select(ids: readonly NodeId[]): void;
  startEditing(id: NodeId, initial?: string): void;
  stopEditing(): void;
  setView(view: ViewName): void;
  setGrouping(grouping: Grouping): void;
  toggleInspector(): void;
  setSave(state: SaveState, message?: string): void;
  notify(kind: 'error' | 'info', text: string): void;
  dismissNotice(): void;
}

export const useUiStore = create<UiState>()((set) => ({
  selected: [],
  editing: null,
  view: 'mindmap',
  grouping: 'channel-stage',
  inspectorOpen: true,
  save: { state: 'saved' },
  notice: null,
  select: (ids) => set({ selected: ids }),
  startEditing: (id, initial) => set({ editing: { id, initial }, selected: [id] }),
  stopEditing: () => set({ editing: null }),
  setView: (view) => set({ view }),
  setGrouping: (grouping) => set({ grouping }),
  toggleInspector: () => set((s) => ({ inspectorOpen: !s.inspectorOpen })),
  setSave: (state, message) => set({ save: { state, message } }),
  notify: (kind, text) => set({ notice: { kind, text } }),
  dismissNotice: () => set({ notice: null }),
}));

/** The primary selection (the last one selected), or null. */
export const selectPrimary = (s: UiState): NodeId | null => s.selected[s.selected.length - 1] ?? null;
