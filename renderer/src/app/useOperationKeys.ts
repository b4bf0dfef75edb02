/**
 * Keyboard-first, on every screen: keys run named operations from the registry (an operation
 * that cannot act on this screen is simply not enabled); a printable key on
 * a selected node starts editing its label with that character, as in desktop mind-map apps —
 * only where that node's label editor shows (the mind map, the grid): a key pressed in the
 * outline must not wait there as a rename that surfaces after the next view switch.
 * Keys typed into a field (label editor, inspector, dialog) are left to that field.
 */
import { useEffect } from 'react';
import { operationForKey } from './operations';
import { editLabel } from '../features/mindmap/mind-operations';
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
      // the analysis view is a page of charts and buttons: Tab, Enter, arrows and Delete keep their
      // usual meaning there instead of editing the map's selection out of sight
      if (operation?.scope === 'map' && useUiStore.getState().view === 'analysis') return;
      if (operation) {
        if (operation.enabled() && operation.perform()) event.preventDefault();
        return;
      }
      const printable = event.key.length === 1 && !event.ctrlKey && !event.metaKey && !event.altKey;
      const ui = useUiStore.getState();
      if (printable && ui.view !== 'outline' && ui.view !== 'analysis' && ui.selected.length > 0 && editLabel(event.key)) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
