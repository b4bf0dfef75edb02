/**
 * The action registry: every command a key, a menu item or a button can trigger, by name.
 * One explicit list — no registration by import side effect — and one `executeAction` that
 * the keyboard, the native menu (through the platform bridge) and the toolbar all go through.
 */
import { documentHistory, useDocumentStore } from '../store/document-store';
import { useUiStore } from '../store/ui-store';
import { addChild, addSibling, deleteSelection, editLabel, moveSelection } from '../features/mindmap/mind-actions';
import { canvasControl } from '../features/mindmap/canvas-control';

export type ActionName =
  | 'topic.addChild'
  | 'topic.addSibling'
  | 'topic.edit'
  | 'edit.delete'
  | 'edit.undo'
  | 'edit.redo'
  | 'select.left'
  | 'select.right'
  | 'select.up'
  | 'select.down'
  | 'view.fit'
  | 'view.zoomIn'
  | 'view.zoomOut'
  | 'view.toggleInspector';

export interface KeyChord {
  readonly key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
}

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

export const ACTIONS: readonly Action[] = [
  { name: 'topic.addChild', label: 'Add child', keys: [{ key: 'Tab' }], enabled: hasSelection, perform: addChild },
  { name: 'topic.addSibling', label: 'Add sibling', keys: [{ key: 'Enter' }], enabled: hasSelection, perform: addSibling },
  { name: 'topic.edit', label: 'Edit label', keys: [{ key: 'F2' }], enabled: hasSelection, perform: () => editLabel() },
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
  { name: 'select.left', label: 'Select left', keys: [{ key: 'ArrowLeft' }], enabled: hasDoc, perform: () => moveSelection('left') },
  { name: 'select.right', label: 'Select right', keys: [{ key: 'ArrowRight' }], enabled: hasDoc, perform: () => moveSelection('right') },
  { name: 'select.up', label: 'Select up', keys: [{ key: 'ArrowUp' }], enabled: hasDoc, perform: () => moveSelection('up') },
  { name: 'select.down', label: 'Select down', keys: [{ key: 'ArrowDown' }], enabled: hasDoc, perform: () => moveSelection('down') },
  { name: 'view.fit', label: 'Fit to view', keys: [{ key: '0', mod: true, shift: true }, { key: '1', mod: true }], enabled: hasDoc, perform: () => (canvasControl.fit(), true) },
  { name: 'view.zoomIn', label: 'Zoom in', keys: [{ key: '=', mod: true }, { key: '+', mod: true }], enabled: hasDoc, perform: () => (canvasControl.zoomIn(), true) },
  { name: 'view.zoomOut', label: 'Zoom out', keys: [{ key: '-', mod: true }], enabled: hasDoc, perform: () => (canvasControl.zoomOut(), true) },
  {
    name: 'view.toggleInspector',
    label: 'Toggle inspector',
    keys: [{ key: 'i', mod: true }],
    enabled: hasDoc,
    perform: () => (useUiStore.getState().toggleInspector(), true),
  },
];

const byName = new Map(ACTIONS.map((action) => [action.name, action]));

export function executeAction(name: ActionName): boolean {
  const action = byName.get(name);
  return action !== undefined && action.enabled() && action.perform();
}

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

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
