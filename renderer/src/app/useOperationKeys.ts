/**
 * Keyboard-first, on every screen: keys run named operations from the registry (an operation
 * that cannot act on this screen is simply not enabled); a printable key on
 * a selected node starts editing its label with that character, as in desktop mind-map apps —
 * only where that node's label editor shows (the mind map, the grid): a key pressed in the
 * outline must not wait there as a rename that surfaces after the next view switch.
 * Keys typed into a field (label editor, inspector, dialog) are left to that field.
 */
import { useEffect } from 'react';
import { editorOperationsLoaded, operationForKey } from './operations';
import { isHandedOnToMap } from '../features/mindmap/new-topic-entry';
import { useUiStore } from '../store/ui-store';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog') !== null;
}

export function useOperationKeys(): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      // a shortcut pressed on the untouched next touchpoint of a list is the map's (LabelEditor.tsx)
      if (isTyping(event.target) && !isHandedOnToMap(event)) return;
      const operation = operationForKey(event);
      const ui = useUiStore.getState();
      // the map's keys (Tab, Enter, Delete, arrows) act on the map in front: not under the action
      // plan's table, nor in the analysis (a page of charts and buttons, where they keep their usual
      // meaning instead of editing the map's selection out of sight)
      if (operation?.scope === 'map' && (ui.view === 'actions' || ui.view === 'analysis')) return;
      if (operation) {
        if (operation.enabled() && operation.perform()) event.preventDefault();
        return;
      }
      const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      if (printable && (ui.view === 'mindmap' || ui.view === 'grid') && ui.selected.length > 0 && editorOperationsLoaded()?.editLabelWith(event.key)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
