/**
 * The action registry: every command a key, a menu item or a button can trigger, by name.
 * One explicit list — no registration by import side effect — and one `executeAction` that
 * the keyboard, the native menu (through the platform bridge) and the toolbar all go through.
 */
import { documentHistory, useDocumentStore } from '../store/document-store';
import { useUiStore } from '../store/ui-store';
import { addChild, addSibling, deleteSelection, editLabel, moveSelection } from '../features/mindmap/mind-actions';
import { canvasControl } from '../features/mindmap/canvas-control';
// Module files, not the features' indexes: each action takes only the verb it runs (the export code loads on demand).
import { importFromPicker } from '../features/import/import-flow';
import { backUpAllMaps, exportOpenMap } from '../features/export/data-export';
// the grid's keys and the chains' verbs
import { gridAddTouchpoint, gridEdit, gridMove } from '../features/grid/grid-actions';
import { toggleChainsPanel } from '../features/chains/chain-actions';
import { addSelectionToChain } from '../features/chains/add-to-chain';
// the map's stages, segments and competitors
import { openMapSettings } from '../features/map-settings/map-settings-store';
// clipboard, search, select all
import { clipboardCommand } from '../features/clipboard/clipboard-actions';
import { openSearch } from '../features/search/search-actions';
import { touchpointsOf } from '@shared/model/selectors';
// the app's own menu items — new map, presentation, theme, help
import { requestNewMap } from '../features/library/new-map-request-store';
import { togglePresentation, usePresentStore } from '../features/present/present-store';
import { fitForPresentation } from '../features/mindmap/usePresentationFit';
import { showHelp } from '../features/help/help-store';
import { toggleTheme } from './apply-theme';
import { navigate } from '../store/route';
// the visual exports' dialog (its own tiny store; the export code loads on demand)
import { openExportDialog } from '../features/export/export-dialog-store';
// the names and chords the features share (they run actions through commands-runtime/)
import { isMac, type ActionName, type KeyChord } from '../commands-runtime/action-names';
export { isMac, type ActionName, type KeyChord };

export interface Action {
  readonly name: ActionName;
  readonly label: string;
  readonly keys: readonly KeyChord[];
  /** Whether it can act now (a disabled menu item or button otherwise). */
  readonly enabled: () => boolean;
  /** Runs it; returns false when there was nothing to do (the key then does its usual thing). */
  readonly perform: () => boolean;
}

const hasDoc = () => useDocumentStore.getState().doc !== null;
const hasSelection = () => hasDoc() && useUiStore.getState().selected.length > 0;
/** In the grid, the same keys walk cards and cells instead of the tree. */
const inGrid = () => useUiStore.getState().view === 'grid';
const showView = (view: 'mindmap' | 'grid' | 'outline') => () => (useUiStore.getState().setView(view), true);

export const ACTIONS: readonly Action[] = [
  // grid: Tab adds a touchpoint to the cursor cell (selected or not), Enter edits the card
  { name: 'topic.addChild', label: 'Add touchpoint or detail', keys: [{ key: 'Tab' }], enabled: () => hasSelection() || (inGrid() && hasDoc()), perform: () => (inGrid() ? gridAddTouchpoint() : addChild()) },
  { name: 'topic.addSibling', label: 'Add next touchpoint', keys: [{ key: 'Enter' }], enabled: hasSelection, perform: () => (inGrid() ? gridEdit() : addSibling()) },
  { name: 'topic.edit', label: 'Edit label', keys: [{ key: 'F2' }], enabled: hasSelection, perform: () => (inGrid() ? gridEdit() : editLabel()) },
  { name: 'edit.delete', label: 'Delete', keys: [{ key: 'Delete' }, { key: 'Backspace' }], enabled: hasSelection, perform: deleteSelection },
  {
    name: 'edit.undo',
    label: 'Undo',
    keys: [{ key: 'z', mod: true }],
    enabled: documentHistory.canUndo,
    perform: () => (documentHistory.canUndo() ? (documentHistory.undo(), true) : false),
  },
  {
    name: 'edit.redo',
    label: 'Redo',
    keys: [{ key: 'z', mod: true, shift: true }, { key: 'y', mod: true }],
    enabled: documentHistory.canRedo,
    perform: () => (documentHistory.canRedo() ? (documentHistory.redo(), true) : false),
  },
  { name: 'select.left', label: 'Select left', keys: [{ key: 'ArrowLeft' }], enabled: hasDoc, perform: () => (inGrid() ? gridMove('left') : moveSelection('left')) },
  { name: 'select.right', label: 'Select right', keys: [{ key: 'ArrowRight' }], enabled: hasDoc, perform: () => (inGrid() ? gridMove('right') : moveSelection('right')) },
  { name: 'select.up', label: 'Select up', keys: [{ key: 'ArrowUp' }], enabled: hasDoc, perform: () => (inGrid() ? gridMove('up') : moveSelection('up')) },
  { name: 'select.down', label: 'Select down', keys: [{ key: 'ArrowDown' }], enabled: hasDoc, perform: () => (inGrid() ? gridMove('down') : moveSelection('down')) },
  // while presenting, the map fills the screen rather than keeping the editor's margins
  { name: 'view.fit', label: 'Fit to view', keys: [{ key: '0', mod: true, shift: true }], enabled: hasDoc, perform: () => (usePresentStore.getState().presenting ? fitForPresentation() : canvasControl.fit(), true) },
  { name: 'view.zoomIn', label: 'Zoom in', keys: [{ key: '=', mod: true }, { key: '+', mod: true }], enabled: hasDoc, perform: () => (canvasControl.zoomIn(), true) },
  { name: 'view.zoomOut', label: 'Zoom out', keys: [{ key: '-', mod: true }], enabled: hasDoc, perform: () => (canvasControl.zoomOut(), true) },
  { name: 'view.hideEmptyStages', label: 'Hide empty stages', keys: [], enabled: hasDoc, perform: () => (useUiStore.getState().toggleEmptyStages(), true) },
  {
    name: 'view.toggleInspector',
    label: 'Show or hide the side panel',
    keys: [{ key: 'i', mod: true }],
    enabled: hasDoc,
    perform: () => (useUiStore.getState().toggleInspector(), true),
  },
  // Files. The work is asynchronous; perform starts it and reports that the key was used.
  {
    name: 'map.new',
    label: 'New map…',
    keys: [{ key: 'n', mod: true }],
    enabled: () => true,
    perform: () => (navigate({ screen: 'library' }), requestNewMap()),
  },
  { name: 'view.presentation', label: 'Present the map', keys: [{ key: 'F5' }], enabled: hasDoc, perform: togglePresentation },
  { name: 'view.theme', label: 'Light / dark theme', keys: [], enabled: () => true, perform: toggleTheme },
  { name: 'help.shortcuts', label: 'Keyboard shortcuts', keys: [{ key: '/', mod: true }], enabled: () => true, perform: () => showHelp('shortcuts') },
  { name: 'help.about', label: 'About Touchmap', keys: [], enabled: () => true, perform: () => showHelp('about') },
  {
    name: 'file.print',
    label: 'Print…',
    keys: [{ key: 'p', mod: true }],
    enabled: hasDoc,
    // the export code loads on demand, so printing costs nothing until it is used
    perform: () => (void import('../features/export/print-map').then((m) => m.printOpenMap()), true),
  },
  { name: 'file.import', label: 'Import…', keys: [{ key: 'o', mod: true }], enabled: () => true, perform: () => (void importFromPicker(), true) },
  { name: 'file.backupAll', label: 'Back up all maps', keys: [], enabled: () => true, perform: () => (void backUpAllMaps(), true) },
  { name: 'export.touchmap', label: '.touchmap (this map)', keys: [], enabled: hasDoc, perform: () => (void exportOpenMap('touchmap'), true) },
  { name: 'export.csv', label: 'Action plan (CSV)', keys: [], enabled: hasDoc, perform: () => (void exportOpenMap('csv'), true) },
  // visual exports open the export dialog (preview, size, options) on their format
  { name: 'export.open', label: 'Export…', keys: [{ key: 'e', mod: true }], enabled: hasDoc, perform: () => openExportDialog() },
  { name: 'export.pdf', label: 'Export PDF…', keys: [{ key: 'p', mod: true, shift: true }], enabled: hasDoc, perform: () => openExportDialog('pdf') },
  { name: 'export.png', label: 'Export PNG…', keys: [], enabled: hasDoc, perform: () => openExportDialog('png') },
  { name: 'export.jpeg', label: 'Export JPEG…', keys: [], enabled: hasDoc, perform: () => openExportDialog('jpeg') },
  { name: 'export.svg', label: 'Export SVG…', keys: [], enabled: hasDoc, perform: () => openExportDialog('svg') },
  // Views: one document, three projections (Ctrl/Cmd+1 was also Fit to view; Ctrl/Cmd+Shift+0 still fits)
  { name: 'view.mindmap', label: 'Mind map', keys: [{ key: '1', mod: true }], enabled: hasDoc, perform: showView('mindmap') },
  { name: 'view.grid', label: 'Grid', keys: [{ key: '2', mod: true }], enabled: hasDoc, perform: showView('grid') },
  { name: 'view.outline', label: 'Outline', keys: [{ key: '3', mod: true }], enabled: hasDoc, perform: showView('outline') },
  { name: 'chain.togglePanel', label: 'Chains', keys: [{ key: 'j', mod: true, shift: true }], enabled: hasDoc, perform: toggleChainsPanel },
  // the selected touchpoints, in the order selected, become a chain's next steps (L for link)
  { name: 'chain.addSelection', label: 'Add to chain…', keys: [{ key: 'l', mod: true, shift: true }], enabled: hasSelection, perform: addSelectionToChain },
  // Ctrl/Cmd+, : where desktop apps keep their settings
  { name: 'map.settings', label: 'Map settings…', keys: [{ key: ',', mod: true }], enabled: hasDoc, perform: () => openMapSettings() },
  { name: 'export.markdown', label: 'Outline (Markdown)', keys: [], enabled: hasDoc, perform: () => (void exportOpenMap('markdown'), true) },
  // Copy / cut raise the browser's clipboard event, which the clipboard feature
  // answers (several formats at once, no permission prompt); paste lets the key's own paste through.
  { name: 'edit.copy', label: 'Copy', keys: [{ key: 'c', mod: true }], enabled: hasSelection, perform: () => clipboardCommand('copy') },
  { name: 'edit.cut', label: 'Cut', keys: [{ key: 'x', mod: true }], enabled: hasSelection, perform: () => clipboardCommand('cut') },
  { name: 'edit.paste', label: 'Paste', keys: [{ key: 'v', mod: true }], enabled: hasDoc, perform: () => clipboardCommand('paste') },
  { name: 'edit.find', label: 'Find', keys: [{ key: 'f', mod: true }], enabled: hasDoc, perform: openSearch },
  { name: 'select.all', label: 'Select all touchpoints', keys: [{ key: 'a', mod: true }], enabled: hasDoc, perform: selectAllTouchpoints },
];

/** Ctrl/Cmd+A: every touchpoint of the map, in map order (then copy, cut or rate them at once). */
function selectAllTouchpoints(): boolean {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return false;
  useUiStore.getState().select(touchpointsOf(doc).map((topic) => topic.id));
  return true;
}

const byName = new Map(ACTIONS.map((action) => [action.name, action]));

export function executeAction(name: ActionName): boolean {
  const action = byName.get(name);
  return action !== undefined && action.enabled() && action.perform();
}

function matches(chord: KeyChord, event: KeyboardEvent): boolean {
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  return (
    event.key.toLowerCase() === chord.key.toLowerCase() && mod === (chord.mod ?? false) && event.shiftKey === (chord.shift ?? false) && !event.altKey
  );
}

/** The action a key press triggers, if any. */
export function actionForKey(event: KeyboardEvent): Action | undefined {
  return ACTIONS.find((action) => action.keys.some((chord) => matches(chord, event)));
}
