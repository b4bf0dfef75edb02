/**
 * The search verbs the operations registry and the search bar share: open (Ctrl/Cmd+F), type a query,
 * jump to the next or previous match (Enter / Shift+Enter), close (Esc). Matches live in the UI
 * store, so the mind map, the grid and the outline all highlight the same topics; jumping selects
 * the match, and each view brings its selection into sight (the canvas pans, the outline scrolls).
 */
import { useDocumentStore } from '../../store/document-store';
import { CLOSED_SEARCH, useUiStore, type SearchState } from '../../store/ui-store';
import { findMatches } from './search-text';

/** The search state for `query` on the open doc, keeping the current match when it still matches. */
function searched(query: string, previous: SearchState): SearchState {
  const doc = useDocumentStore.getState().doc;
  const matches = doc ? findMatches(doc, query) : [];
  const currentId = previous.matches[previous.current];
  const kept = currentId === undefined ? -1 : matches.indexOf(currentId);
  return { open: true, query, matches, hits: new Set(matches), current: kept };
}

const focusListeners = new Set<() => void>();

/** The mounted search bar listens here, so every Ctrl/Cmd+F puts the caret in it again. */
export function onSearchFocusRequest(listener: () => void): () => void {
  focusListeners.add(listener);
  return () => focusListeners.delete(listener);
}

/** Ctrl/Cmd+F: shows the search bar, or focuses it when it is already open. */
export function openSearch(): boolean {
  const { search, setSearch } = useUiStore.getState();
  if (!search.open) setSearch({ ...CLOSED_SEARCH, open: true });
  // after React has mounted the bar
  queueMicrotask(() => focusListeners.forEach((listener) => listener()));
  return true;
}

/** Typing in the bar: as in a browser's find, the first match is selected at once. */
export function setSearchQuery(query: string): void {
  const ui = useUiStore.getState();
  const next = searched(query, { ...ui.search, current: -1 });
  const first = next.matches[0];
  ui.setSearch(first === undefined ? next : { ...next, current: 0 });
  if (first !== undefined) ui.select([first]);
}

/** Recomputes the matches after the document changed (an edit, an undo), keeping the place. */
export function refreshSearch(): void {
  const ui = useUiStore.getState();
  if (ui.search.open && ui.search.query.trim() !== '') ui.setSearch(searched(ui.search.query, ui.search));
}

/** Enter / Shift+Enter: the next or previous match, wrapping; selects it. False when none. */
export function jumpToMatch(step: 1 | -1): boolean {
  const ui = useUiStore.getState();
  const { matches, current } = ui.search;
  if (matches.length === 0) return false;
  const next = current < 0 ? (step === 1 ? 0 : matches.length - 1) : (current + step + matches.length) % matches.length;
  ui.setSearch({ ...ui.search, current: next });
  ui.select([matches[next] as string]);
  return true;
}

export function closeSearch(): void {
  useUiStore.getState().setSearch(CLOSED_SEARCH);
}
