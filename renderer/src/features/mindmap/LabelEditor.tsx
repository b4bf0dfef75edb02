/**
 * The in-place label editor of a node or a card: it opens focused (all selected, or after the
 * character the user started typing with), Enter commits, Shift+Enter breaks the line, Esc
 * cancels, leaving the field commits. One commit is one undo step (see label-editing.ts).
 *
 * Naming a topic just added by Tab or Enter is list entry (new-topic-entry.ts): Enter commits and
 * opens the next sibling, and the name joins the add's undo step. The sibling opened that way is a
 * placeholder until typed into — Enter there keeps it open (it already is the next one), Tab turns
 * it into a detail of the topic before it, an arrow key takes it away and walks the map from the
 * topic before it, Esc or leaving it takes it away. Renaming an existing
 * topic (F2, typing, double-click) keeps Enter = commit.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useUiStore } from '../../store/ui-store';
import { commitLabel } from './label-editing';
import { addChild, moveSelection, openNextSibling } from './mind-operations';
import type { Direction } from '../../drawing/mind-model';
import { forgetNew, handOnToMap, nameStep, newTopicOf, withdraw, type NewTopic } from './new-topic-entry';
import { t } from '../../i18n';

const ARROWS: Readonly<Record<string, Direction>> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };
/** Undo and redo on the untouched next topic only take it away: one key never undoes two things. */
const isUndoRedo = (event: KeyboardEvent<HTMLTextAreaElement>) => (event.ctrlKey || event.metaKey) && ['z', 'y'].includes(event.key.toLowerCase());
/** A shortcut, not typing: Ctrl/Cmd with a key (the modifier's own key-down is not one yet), or an F-key. */
const isShortcut = (event: KeyboardEvent<HTMLTextAreaElement>) =>
  ((event.ctrlKey || event.metaKey) && !['Control', 'Meta', 'Shift', 'Alt'].includes(event.key)) || /^F\d+$/.test(event.key);

export interface LabelEditorProps {
  /** The node being edited: a topic id, or a stage group's id. */
  readonly id: string;
  /** The text typing started with; undefined = edit the current label with all of it selected. */
  readonly initial?: string;
  readonly current: string;
  readonly className: string;
  readonly rows?: number;
  /**
   * Focus without scrolling the field into view: the mind map pans the node into view itself
   * (MindMapView's useFollowSelection), and scrolling there would make Chromium lay out the whole
   * canvas first and could shift React Flow's overflow-hidden pane.
   */
  readonly preventScroll?: boolean;
}

export function LabelEditor({ id, initial, current, className, rows = 1, preventScroll = false }: LabelEditorProps) {
  const [text, setText] = useState(initial ?? current);
  const [opening] = useState(initial ?? current);
  const ref = useRef<HTMLTextAreaElement>(null);
  // Enter, Esc and Tab end the edit before the field goes away; its blur must not end it twice
  const finished = useRef(false);
  // a pointer pressed outside: the blur it causes must not move the map under the pointer before the click lands
  const pressing = useRef(false);
  useEffect(() => {
    const down = () => (pressing.current = true);
    const up = () => (pressing.current = false);
    window.addEventListener('pointerdown', down, true);
    window.addEventListener('pointerup', up, true);
    return () => {
      window.removeEventListener('pointerdown', down, true);
      window.removeEventListener('pointerup', up, true);
    };
  }, []);
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.focus({ preventScroll });
    if (initial === undefined) field.select();
    else field.setSelectionRange(field.value.length, field.value.length);
  }, [initial, preventScroll]);

  /** A placeholder the user has not typed into (or has emptied): it holds nothing worth keeping. */
  const placeholder = () => {
    const entry = newTopicOf(id);
    return entry?.openedBy === 'next' && (text === opening || text.trim() === '') ? entry : null;
  };
  const finish = () => {
    finished.current = true;
    useUiStore.getState().stopEditing();
  };
  const commit = () => {
    const entry = newTopicOf(id);
    commitLabel(id, text, entry ? nameStep(entry) : undefined);
    forgetNew(id);
    finish();
  };
  /** Takes a placeholder away and gives the selection back to the topic it followed. */
  const takeAway = (entry: NewTopic) => {
    withdraw(entry);
    finish();
    useUiStore.getState().select(entry.after ? [entry.after] : []);
  };
  /**
   * Takes a placeholder away once the click that blurred it is done: removing it at pointer-down
   * would shift its neighbours, and the click would land on empty canvas instead of the node aimed at.
   */
  const takeAwayAfterClick = (entry: NewTopic) => {
    finish();
    const later = () =>
      setTimeout(() => {
        withdraw(entry);
        const ui = useUiStore.getState();
        if (ui.selected.includes(entry.id)) ui.select(entry.after ? [entry.after] : []);
      });
    window.addEventListener('pointerup', later, { once: true, capture: true });
  };
  const cancel = () => {
    const entry = newTopicOf(id);
    if (entry?.openedBy === 'next') return takeAway(entry);
    forgetNew(id);
    finish();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.nativeEvent.isComposing) return event.stopPropagation();
    const untouched = placeholder();
    if (untouched && isShortcut(event)) {
      // a shortcut after a list: the list is over, and the key does what it does on the map
      takeAway(untouched);
      if (isUndoRedo(event)) {
        event.preventDefault();
        event.stopPropagation();
      } else handOnToMap(event.nativeEvent);
      return;
    }
    // the editor owns its keys: Tab, arrows and Delete must not reach the map's shortcuts
    event.stopPropagation();
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      if (placeholder()) return;
      const listing = newTopicOf(id) !== null && text.trim() !== '';
      if (newTopicOf(id) && !listing) return; // never a blank new topic, never a list of them
      commit();
      if (listing) openNextSibling();
    } else if (event.key === 'Escape') {
      event.preventDefault();
      cancel();
    } else if (event.key === 'Tab' && !event.shiftKey) {
      const entry = placeholder();
      if (!entry) return;
      event.preventDefault();
      takeAway(entry);
      addChild();
    } else if (ARROWS[event.key] && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey) {
      // the arrows walk the map after a list, as they did after a plain commit
      const entry = placeholder();
      if (!entry) return;
      event.preventDefault();
      takeAway(entry);
      moveSelection(ARROWS[event.key] as Direction);
    }
  };
  const onBlur = () => {
    if (finished.current) return;
    const entry = placeholder();
    if (entry && pressing.current) takeAwayAfterClick(entry);
    else if (entry) takeAway(entry);
    else commit();
  };
  return (
    <textarea
      ref={ref}
      className={className}
      aria-label={t('operation.topic.edit')}
      value={text}
      rows={rows}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={onBlur}
    />
  );
}
