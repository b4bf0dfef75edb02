/**
 * Naming topics as they are added, so a list can be typed: Tab or Enter adds a topic and opens its
 * label editor; while that editor is open the topic is "new". Its name joins the undo step that
 * added it (one undo takes the topic back with its name, never leaving a wrong label), and Enter
 * there opens the next sibling. A sibling opened that way is a placeholder until the user types
 * into it: Esc or leaving it takes it away, with no trace in undo or redo.
 */
import type { MapDoc } from '@shared/model/types';
import { deleteTopics } from '@shared/model/commands';
import { documentHistory, useDocumentStore } from '../../store/document-store';
import { runCommand } from '../../store/run-command';

export interface NewTopic {
  readonly id: string;
  /** The document right after the add: a name joins the add's step only if nothing came between. */
  readonly afterAdd: MapDoc;
  /** `key`: the user pressed Tab or Enter on a selection; `next`: Enter while naming opened it. */
  readonly openedBy: 'key' | 'next';
  /** The topic it was added after (where the selection goes back to when it is taken away). */
  readonly after: string | null;
}

let current: NewTopic | null = null;

/** Call right after a command added `id` and before its label editor opens. */
export function markNew(id: string, openedBy: NewTopic['openedBy'], after: string | null): void {
  const doc = useDocumentStore.getState().doc;
  current = doc && doc.topics[id] ? { id, afterAdd: doc, openedBy, after } : null;
}

/** The new-topic record of `id`, if its label editor is the one naming a just-added topic. */
export function newTopicOf(id: string): NewTopic | null {
  return current?.id === id ? current : null;
}

export function forgetNew(id: string): void {
  if (current?.id === id) current = null;
}

/** Runs `edit` so that it joins the step that added the topic (a separate step if anything came between). */
export function joinAddStep(entry: NewTopic, edit: () => void): void {
  const history = useDocumentStore.temporal.getState();
  if (useDocumentStore.getState().doc !== entry.afterAdd) return edit();
  history.pause();
  try {
    edit();
  } finally {
    history.resume();
  }
}

/**
 * Takes a placeholder away: its add is undone and dropped from redo, so Ctrl+Shift+Z cannot bring
 * back an empty topic. If the document changed since (it should not while the editor is open),
 * the topic is deleted as an edit of its own instead.
 */
export function withdraw(entry: NewTopic): void {
  forgetNew(entry.id);
  if (useDocumentStore.getState().doc === entry.afterAdd && documentHistory.canUndo()) {
    documentHistory.undo();
    useDocumentStore.temporal.setState((history) => ({ futureStates: history.futureStates.slice(0, -1) }));
    return;
  }
  if (useDocumentStore.getState().doc?.topics[entry.id]) runCommand((doc) => deleteTopics(doc, [entry.id]));
}

// Keys the untouched next topic hands on to the map (Ctrl/Cmd+… shortcuts, F-keys): the editor
// takes the placeholder away and the app's key handler acts on the key as if no field had it.
const handedOn = new WeakSet<Event>();

export function handOnToMap(event: Event): void {
  handedOn.add(event);
}

export function isHandedOnToMap(event: Event): boolean {
  return handedOn.has(event);
}
