/**
 * The operations registry: what each operation of the table (shared/operations.ts) does and
 * when it can act, by name. One explicit object — no registration by import side effect — whose
 * type is a mapped type over the table's names, so a missing or an extra handler does not
 * compile; and one `runOperation` that the keyboard, the native menu (through the platform
 * bridge), the toolbar and the palette all go through.
 */
import { OPERATION_NAMES, operationSpec, type KeyChord, type KeyScope, type OperationName } from '@shared/operations';
import { t, type MessageKey } from '../i18n';
import { isMac } from '../operations/is-mac';
import { openPalette } from '../features/palette/palette-store';
import { documentHistory, useDocumentStore } from '../store/document-store';
import { useUiStore } from '../store/ui-store';
// Module files, not the feature's index: the index re-exports hooks that import this registry.
import { importFromPicker } from '../features/import/import-flow';
// select all
import { touchpointsOf } from '@shared/model/selectors';
// what acts on an open map only (tree, grid, chains, clipboard, search, rating, action plan): on demand
import type { EditorOperations } from './editor-operations';
// the app's own menu items — new map, presentation, theme, help
import { requestNewMap } from '../features/library/new-map-request-store';
import { openSlideEditor, togglePresentation } from '../features/present/present-store';
import { showHelp } from '../features/help/help-store';
import { toggleTheme } from './apply-theme';
import { navigate } from '../store/route';
// the visual exports' dialog (its own tiny store; the export code loads on demand)
import { openExportDialog } from '../features/export/dialog/export-dialog-store';
// the slide decks (PDF, PowerPoint) of the open map; their code loads on first use
import type { DataFormat, SlidesFormat } from '@shared/export-formats';
// restore points of the open map; Undo of a delete in the library (Trash)
import { canUndoTrashMove, openCompare, openRestorePoints, undoLastDelete } from '../features/history';
// the live workshop room's panel
import { openRoomPanel } from '../features/room/room-store';

/**
 * The slides' export, reached through the export feature only when asked: importing its index here
 * brought the data exports' menu (and the outline's Markdown writer) into the library's first load.
 */
const exportSlideDeck = (format: SlidesFormat) => import('../features/export').then((exports) => exports.exportSlideDeck(format));
/** The data exports (and the backup of every map) load on first use too: the library's first load stays small. */
const dataExports = () => import('../features/export/data/data-export');
const backUpAllMaps = () => dataExports().then((exports) => exports.backUpAllMaps());
const exportOpenMap = (format: DataFormat) => dataExports().then((exports) => exports.exportOpenMap(format));

export type { KeyChord, OperationName };

/** What an operation does, and whether it can act now: the registry's half of an entry. */
interface Handler {
  /** Whether it can act now (a disabled menu item, button or palette row otherwise). */
  readonly enabled: () => boolean;
  /** Runs it; returns false when there was nothing to do (the key then does its usual thing). */
  readonly perform: () => boolean;
}

/** A table entry joined with its handler, its label in the UI's language. */
export interface Operation extends Handler {
  readonly name: OperationName;
  readonly label: string;
  readonly keys: readonly KeyChord[];
  readonly scope: KeyScope;
  readonly palette: boolean;
}

const hasDoc = () => useDocumentStore.getState().doc !== null;
const hasSelection = () => hasDoc() && useUiStore.getState().selected.length > 0;
/** In the grid, the same keys walk cards and cells instead of the tree. */
const inGrid = () => useUiStore.getState().view === 'grid';
const showView = (view: 'mindmap' | 'grid' | 'outline' | 'analysis' | 'actions') => () => (useUiStore.getState().setView(view), true);

let editorOperations: EditorOperations | null = null;
let editorOperationsLoad: Promise<EditorOperations> | null = null;

/**
 * Fetches the work of the editor's operations (once; a failed fetch may be retried). The editor
 * screen waits for it before it shows, and the library prefetches it, so a key never waits.
 */
export function loadEditorOperations(): Promise<EditorOperations> {
  editorOperationsLoad ??= import('./editor-operations').then(
    (m) => (editorOperations = m.EDITOR_OPERATIONS),
    (error: unknown) => {
      editorOperationsLoad = null;
      throw error;
    },
  );
  return editorOperationsLoad;
}

/** The editor's operations if they are loaded (always once a map is on screen), else null. */
export const editorOperationsLoaded = (): EditorOperations | null => editorOperations;

/**
 * Performs with the editor's operations: at once when they are loaded (always, once a map is on
 * screen); otherwise after loading them, reporting the key as used.
 */
function withEditor(perform: (ops: EditorOperations) => boolean | void): () => boolean {
  return () => {
    if (editorOperations) return perform(editorOperations) ?? true;
    loadEditorOperations().then(perform, (error: unknown) => useUiStore.getState().notify('error', t('editor.loadFailed', { reason: (error as Error).message })));
    return true;
  };
}

/** Prints the action plan as shown (its page is built by the editor's operations). */
const printPlan = withEditor((ops) => void ops.printActionPlan('print'));

const HANDLERS: { readonly [Name in OperationName]: Handler } = {
  // grid: Tab adds a touchpoint to the cursor cell (selected or not), Enter edits the card
  'topic.addChild': { enabled: () => hasSelection() || (inGrid() && hasDoc()), perform: withEditor((ops) => (inGrid() ? ops.gridAddTouchpoint() : ops.addChild())) },
  'topic.addSibling': { enabled: hasSelection, perform: withEditor((ops) => (inGrid() ? ops.gridEdit() : ops.addSibling())) },
  'topic.edit': { enabled: hasSelection, perform: withEditor((ops) => (inGrid() ? ops.gridEdit() : ops.editLabel())) },
  'edit.delete': { enabled: hasSelection, perform: withEditor((ops) => ops.deleteSelection()) },
  // with no map open (the library), Undo takes back the last move to Trash
  'edit.undo': {
    enabled: () => (hasDoc() ? documentHistory.canUndo() : canUndoTrashMove()),
    perform: () => (hasDoc() ? (documentHistory.canUndo() ? (documentHistory.undo(), true) : false) : (void undoLastDelete(), true)),
  },
  'edit.redo': { enabled: documentHistory.canRedo, perform: () => (documentHistory.canRedo() ? (documentHistory.redo(), true) : false) },
  'select.left': { enabled: hasDoc, perform: withEditor((ops) => (inGrid() ? ops.gridMove('left') : ops.moveSelection('left'))) },
  'select.right': { enabled: hasDoc, perform: withEditor((ops) => (inGrid() ? ops.gridMove('right') : ops.moveSelection('right'))) },
  'select.up': { enabled: hasDoc, perform: withEditor((ops) => (inGrid() ? ops.gridMove('up') : ops.moveSelection('up'))) },
  'select.down': { enabled: hasDoc, perform: withEditor((ops) => (inGrid() ? ops.gridMove('down') : ops.moveSelection('down'))) },
  'view.fit': { enabled: hasDoc, perform: withEditor((ops) => void ops.fit()) },
  'view.zoomIn': { enabled: hasDoc, perform: withEditor((ops) => void ops.zoomIn()) },
  'view.zoomOut': { enabled: hasDoc, perform: withEditor((ops) => void ops.zoomOut()) },
  'view.hideEmptyStages': { enabled: hasDoc, perform: () => (useUiStore.getState().toggleEmptyStages(), true) },
  'view.toggleInspector': { enabled: hasDoc, perform: () => (useUiStore.getState().toggleInspector(), true) },
  // Files. The work is asynchronous; perform starts it and reports that the key was used.
  'map.new': { enabled: () => true, perform: () => (navigate({ screen: 'library' }), requestNewMap()) },
  // Open .touchmap… is an import: a file always comes in as a new map, never over one the user has.
  'file.open': { enabled: () => true, perform: () => (void importFromPicker(), true) },
  'file.import': { enabled: () => true, perform: () => (void importFromPicker(), true) },
  // the export code loads on demand, so printing costs nothing until it is used
  // with the action plan in front, Print… prints the plan as shown there
  'file.print': {
    enabled: hasDoc,
    perform: () => (useUiStore.getState().view === 'actions' ? printPlan() : (void import('../features/export/visual/pdf/print-map').then((m) => m.printOpenMap()), true)),
  },
  'file.backupAll': { enabled: () => true, perform: () => (void backUpAllMaps(), true) },
  'export.touchmap': { enabled: hasDoc, perform: () => (void exportOpenMap('touchmap'), true) },
  'export.csv': { enabled: hasDoc, perform: () => (void exportOpenMap('csv'), true) },
  'export.markdown': { enabled: hasDoc, perform: () => (void exportOpenMap('markdown'), true) },
  // visual exports open the export dialog (preview, size, options) on their format
  'export.open': { enabled: hasDoc, perform: () => openExportDialog() },
  'export.pdf': { enabled: hasDoc, perform: () => openExportDialog('pdf') },
  'export.png': { enabled: hasDoc, perform: () => openExportDialog('png') },
  'export.jpeg': { enabled: hasDoc, perform: () => openExportDialog('jpeg') },
  'export.svg': { enabled: hasDoc, perform: () => openExportDialog('svg') },
  'export.slidesPdf': { enabled: hasDoc, perform: () => (void exportSlideDeck('slides-pdf'), true) },
  'export.slidesPptx': { enabled: hasDoc, perform: () => (void exportSlideDeck('slides-pptx'), true) },
  // Copy / cut raise the browser's clipboard event, which the clipboard feature
  // answers (several formats at once, no permission prompt); paste lets the key's own paste through.
  'edit.copy': { enabled: hasSelection, perform: withEditor((ops) => ops.clipboardCommand('copy')) },
  'edit.cut': { enabled: hasSelection, perform: withEditor((ops) => ops.clipboardCommand('cut')) },
  'edit.paste': { enabled: hasDoc, perform: withEditor((ops) => ops.clipboardCommand('paste')) },
  'edit.find': { enabled: hasDoc, perform: withEditor((ops) => ops.openSearch()) },
  'select.all': { enabled: hasDoc, perform: selectAllTouchpoints },
  // Views: one document, three projections
  'view.mindmap': { enabled: hasDoc, perform: showView('mindmap') },
  'view.grid': { enabled: hasDoc, perform: showView('grid') },
  'view.outline': { enabled: hasDoc, perform: showView('outline') },
  'view.analysis': { enabled: hasDoc, perform: showView('analysis') },
  'view.actions': { enabled: hasDoc, perform: showView('actions') },
  'view.presentation': { enabled: hasDoc, perform: togglePresentation },
  'view.slides': { enabled: hasDoc, perform: openSlideEditor },
  'view.theme': { enabled: () => true, perform: toggleTheme },
  'rating.start': { enabled: hasDoc, perform: withEditor((ops) => ops.startRatingRound()) },
  'actions.print': { enabled: hasDoc, perform: () => printPlan() },
  'chain.togglePanel': { enabled: hasDoc, perform: withEditor((ops) => ops.toggleChainsPanel()) },
  'chain.addSelection': { enabled: hasSelection, perform: withEditor((ops) => ops.addSelectionToChain()) },
  'map.settings': { enabled: hasDoc, perform: withEditor((ops) => ops.openMapSettings()) },
  'map.restorePoints': { enabled: hasDoc, perform: openRestorePoints },
  'map.compare': { enabled: hasDoc, perform: () => (openCompare(), true) },
  'room.open': { enabled: hasDoc, perform: openRoomPanel },
  'palette.open': { enabled: () => true, perform: openPalette },
  'help.shortcuts': { enabled: () => true, perform: () => showHelp('shortcuts') },
  'help.about': { enabled: () => true, perform: () => showHelp('about') },
};

/** Every operation, in table order: the table's entry, its handler and its label in the UI's language. */
export const OPERATIONS: readonly Operation[] = OPERATION_NAMES.map((name) => {
  const spec = operationSpec(name);
  return {
    name,
    // Read when shown, so it is in the language the UI speaks then (App settings changes it live).
    get label() {
      return t(spec.label satisfies MessageKey);
    },
    keys: spec.keys,
    scope: spec.scope,
    palette: spec.palette,
    ...HANDLERS[name],
  };
});

/** Ctrl/Cmd+A: every touchpoint of the map, in map order (then copy, cut or rate them at once). */
function selectAllTouchpoints(): boolean {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return false;
  useUiStore.getState().select(touchpointsOf(doc).map((topic) => topic.id));
  return true;
}

/** Runs an operation if it can act now; false when it did nothing. */
export function runOperation(name: OperationName): boolean {
  const handler = HANDLERS[name];
  return handler.enabled() && handler.perform();
}

/** Whether an operation can act now (menu items, buttons and the palette follow this). */
export const canRun = (name: OperationName): boolean => HANDLERS[name].enabled();

/** Cmd on macOS, Ctrl elsewhere: the one place the app decides which modifier a shortcut uses. */
export { isMac };

function matches(chord: KeyChord, event: KeyboardEvent): boolean {
  const mod = isMac() ? event.metaKey : event.ctrlKey;
  return (
    event.key.toLowerCase() === chord.key.toLowerCase() && mod === (chord.mod ?? false) && event.shiftKey === (chord.shift ?? false) && !event.altKey
  );
}

/** The operation a key press triggers, if any. */
export function operationForKey(event: KeyboardEvent): Operation | undefined {
  return OPERATIONS.find((operation) => operation.keys.some((chord) => matches(chord, event)));
}
