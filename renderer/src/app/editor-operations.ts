/**
 * The work of the operations that act on an open map only: editing the tree and the grid, chains,
 * the clipboard, search, the rating round, the action plan's print page, the map's settings, the canvas's
 * fit and zoom.
 * None of it is needed by the library screen, so the registry (operations.ts) loads this module
 * with the editor (and in the background a moment after the library shows) rather than with the
 * first screen; by the time a map is open it is there and the keys act synchronously.
 */
import { canvasControl } from '../features/mindmap/canvas-control';
import { addChild, addSibling, deleteSelection, editLabel, moveSelection } from '../features/mindmap/mind-operations';
import { gridAddTouchpoint, gridEdit, gridMove } from '../features/grid/grid-operations';
import { toggleChainsPanel } from '../features/chains/chain-operations';
import { addSelectionToChain } from '../features/chains/add-to-chain';
import { openMapSettings } from '../features/map-settings/map-settings-store';
import { clipboardCommand } from '../features/clipboard/clipboard-operations';
import { openSearch } from '../features/search/search-operations';
import { startRatingRound } from '../features/rating/start-round';
import { printActionPlan } from '../features/actions/print-action-plan';

export const EDITOR_OPERATIONS = {
  fit: () => canvasControl.fit(),
  zoomIn: () => canvasControl.zoomIn(),
  zoomOut: () => canvasControl.zoomOut(),
  addChild,
  addSibling: () => addSibling(),
  deleteSelection,
  editLabel: () => editLabel(),
  /** A printable key on a selected node starts editing its label with that character. */
  editLabelWith: (key: string) => editLabel(key),
  moveSelection,
  gridAddTouchpoint,
  gridEdit,
  gridMove,
  toggleChainsPanel,
  addSelectionToChain,
  openMapSettings: () => openMapSettings(),
  clipboardCommand,
  openSearch,
  startRatingRound,
  printActionPlan,
};

export type EditorOperations = typeof EDITOR_OPERATIONS;
