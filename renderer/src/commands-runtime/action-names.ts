/**
 * The names of the app's actions and how a key chord is written: the vocabulary that buttons in
 * the features and the registry in app/ share. The registry (app/actions.ts) gives each name its
 * label, keys and work; a feature only needs the name to ask for it (see run-action.ts).
 */

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
  | 'view.toggleInspector'
  | 'view.hideEmptyStages'
  // The app's menu items
  | 'map.new'
  | 'view.presentation'
  | 'view.theme'
  | 'help.shortcuts'
  | 'help.about'
  | 'file.print'
  // Files: import and the data exports (names as in MENU_ACTIONS of shared/ipc.ts)
  | 'file.import'
  | 'file.backupAll'
  | 'export.touchmap'
  | 'export.csv'
  | 'export.markdown'
  // Visual exports: the dialog, and the menu's per-format items opening it on that format
  | 'export.open'
  | 'export.pdf'
  | 'export.png'
  | 'export.jpeg'
  | 'export.svg'
  // Views and chains
  | 'view.mindmap'
  | 'view.grid'
  | 'view.outline'
  | 'chain.togglePanel'
  | 'chain.addSelection'
  // Map settings: stages, segments, competitors
  | 'map.settings'
  // Working with many touchpoints
  | 'edit.copy'
  | 'edit.cut'
  | 'edit.paste'
  | 'edit.find'
  | 'select.all';

export interface KeyChord {
  readonly key: string;
  /** Ctrl on Windows and Linux, Cmd on macOS. */
  readonly mod?: boolean;
  readonly shift?: boolean;
}

/** Cmd on macOS, Ctrl elsewhere: the one place the app decides which modifier a shortcut uses. */
export const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
