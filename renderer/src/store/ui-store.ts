/**
 * What the user is looking at and pointing at: screen, selection, label editing, view options,
 * save status, the last error. Never part of undo history, never saved with the map.
 */
import { create } from 'zustand';
import type { TopicId } from '@shared/model/types';

export type ViewName = 'mindmap' | 'grid' | 'outline' | 'analysis' | 'actions';
export type Grouping = 'channel-stage' | 'stage-channel';
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'error' | 'deleted';

/** A node id on the canvas: a topic id, or a derived group id such as `group:online:s-aw`. */
export type NodeId = string;

// --- search, filter, colour-by (UI state only; never saved, never undone) ---

/**
 * The search bar (Ctrl/Cmd+F). `matches` are the topic ids whose label or notes contain the
 * query, in map order; `hits` is the same set for O(1) lookups by every node and row;
 * `current` indexes `matches` (-1 before the first jump). Every view reads these.
 */
export interface SearchState {
  readonly open: boolean;
  readonly query: string;
  readonly matches: readonly TopicId[];
  /** Read with any node id (a group node is never a hit). */
  readonly hits: ReadonlySet<string>;
  readonly current: number;
}

/** What a filter can constrain; each value list empty = no constraint. `none` matches an unset field. */
export type FilterDimension = 'channel' | 'stage' | 'segment' | 'kind' | 'band' | 'reaction';
export type TopicFilter = Readonly<Record<FilterDimension, readonly string[]>>;
export const NO_FILTER: TopicFilter = { channel: [], stage: [], segment: [], kind: [], band: [], reaction: [] };

/** What the nodes' colour says: the channel (default), the score band, the reaction or the kind. */
export type ColourBy = 'channel' | 'band' | 'reaction' | 'kind';

const EMPTY_HITS: ReadonlySet<string> = new Set();
export const CLOSED_SEARCH: SearchState = { open: false, query: '', matches: [], hits: EMPTY_HITS, current: -1 };
// --- end search, filter, colour-by ---

/** A button of a notice that does something about it: "Undo", "Download the original". */
export interface NoticeAction {
  readonly label: string;
  run(): void;
}

/** What a notice may carry besides its words. */
export interface NoticeExtra {
  readonly action?: NoticeAction;
  /** Information that stays until closed, like an error (a repair the user should know of). */
  readonly untilClosed?: boolean;
}

/** A message for the user; every notice of the app is shown in one place (app/NoticeBar.tsx). */
export interface Notice {
  readonly kind: 'error' | 'info';
  readonly text: string;
  readonly details?: string;
  readonly action?: NoticeAction;
  readonly untilClosed?: boolean;
}

export interface UiState {
  readonly selected: readonly NodeId[];
  /** The node whose label is being edited in place, and the text it started with. */
  readonly editing: { readonly id: NodeId; readonly initial?: string } | null;
  readonly view: ViewName;
  readonly grouping: Grouping;
  readonly inspectorOpen: boolean;
  readonly save: { readonly state: SaveState; readonly message?: string };
  /**
   * A message for the user (a refused edit, a failed load, a file downloaded); a new object per
   * message, so the same text twice is shown afresh. `details` is technical text (a path, a
   * parser's words) kept behind a "Details" disclosure.
   */
  readonly notice: Notice | null;
  readonly search: SearchState;
  readonly filter: TopicFilter;
  readonly colourBy: ColourBy;
  /** The Chains tab stays open when a touchpoint is selected (otherwise the Inspector comes forward). */
  readonly chainsPinned: boolean;
  /** The view option "Hide empty stages" (mind map and grid); remembered for the app, not per map. */
  readonly hideEmptyStages: boolean;
  select(ids: readonly NodeId[]): void;
  startEditing(id: NodeId, initial?: string): void;
  stopEditing(): void;
  setView(view: ViewName): void;
  setGrouping(grouping: Grouping): void;
  toggleInspector(): void;
  setSave(state: SaveState, message?: string): void;
  notify(kind: 'error' | 'info', text: string, details?: string, extra?: NoticeExtra): void;
  dismissNotice(): void;
  /** Replaces the search state (the search feature computes matches; see features/search). */
  setSearch(search: SearchState): void;
  setFilter(filter: TopicFilter): void;
  setColourBy(colourBy: ColourBy): void;
  setChainsPinned(pinned: boolean): void;
  toggleEmptyStages(): void;
}

/** Where "Hide empty stages" is remembered: a way of looking at every map, like the theme. */
const HIDE_EMPTY_STAGES_KEY = 'touchmap.hideEmptyStages';

function remembered(key: string): boolean {
  try {
    return globalThis.localStorage?.getItem(key) === 'true';
  } catch {
    return false; // storage refused (a sandboxed page): the option starts off
  }
}

function remember(key: string, value: boolean): void {
  try {
    globalThis.localStorage?.setItem(key, String(value));
  } catch {
    // storage refused: the option still holds for this session
  }
}

export const useUiStore = create<UiState>()((set) => ({
  selected: [],
  editing: null,
  view: 'mindmap',
  grouping: 'channel-stage',
  inspectorOpen: true,
  save: { state: 'saved' },
  notice: null,
  search: CLOSED_SEARCH,
  filter: NO_FILTER,
  colourBy: 'channel',
  chainsPinned: false,
  hideEmptyStages: remembered(HIDE_EMPTY_STAGES_KEY),
  select: (ids) => set({ selected: ids }),
  startEditing: (id, initial) => set({ editing: { id, initial }, selected: [id] }),
  stopEditing: () => set({ editing: null }),
  // an edit pending in one view (a typed first character, say) must never surface in another
  setView: (view) => set((s) => (s.view === view ? {} : { view, editing: null })),
  setGrouping: (grouping) => set({ grouping }),
  toggleInspector: () => set((s) => ({ inspectorOpen: !s.inspectorOpen })),
  setSave: (state, message) => set({ save: { state, message } }),
  notify: (kind, text, details, extra) => set({ notice: { kind, text, ...(details !== undefined && { details }), ...(extra?.action && { action: extra.action }), ...(extra?.untilClosed && { untilClosed: true }) } }),
  dismissNotice: () => set({ notice: null }),
  setSearch: (search) => set({ search }),
  setFilter: (filter) => set({ filter }),
  setColourBy: (colourBy) => set({ colourBy }),
  setChainsPinned: (chainsPinned) => set({ chainsPinned }),
  toggleEmptyStages: () =>
    set((s) => {
      remember(HIDE_EMPTY_STAGES_KEY, !s.hideEmptyStages);
      return { hideEmptyStages: !s.hideEmptyStages };
    }),
}));

/** The primary selection (the last one selected), or null. */
export const selectPrimary = (s: UiState): NodeId | null => s.selected[s.selected.length - 1] ?? null;
