/**
 * Naming topics as they are added, so a list can be typed: Tab or Enter adds a topic and opens its
 * label editor; while that editor is open the topic is "new". Its name joins the undo step that
 * added it (one undo takes the topic back with its name, never leaving a wrong label), and Enter
 * there opens the next sibling. A sibling opened that way is a placeholder until the user types
 * into it: Esc or leaving it takes it away, with no trace in undo or redo.
 */
import type { MapDoc, TopicId } from '@shared/model/types';
import { deleteTopics } from '@shared/model/commands';
import { useDocumentStore } from '../../store/document-store';
import { runCommand, type HistoryOptions } from '../../store/run-command';

export interface NewTopic {
  readonly id: TopicId;
  /** The document before the add: what taking the topic away gives back, if nothing came between. */
  readonly beforeAdd: MapDoc;
  /** The document right after the add. */
  readonly afterAdd: MapDoc;
  /** `key`: the user pressed Tab or Enter on a selection; `next`: Enter while naming opened it. */
  readonly openedBy: 'key' | 'next';
  /** The topic it was added after (where the selection goes back to when it is taken away). */
  readonly after: string | null;
}

let current: NewTopic | null = null;

/** Adding a topic and naming it (or taking it away) is one gesture: this key names it in history. */
const addingGesture = (id: string) => `add-topic:${id}`;

/** How the command that adds `id` is recorded: a step its name can join later. */
export const addStep = (id: string): HistoryOptions => ({ mergeKey: addingGesture(id) });

/**
 * How its name is recorded: merged into the add's step, so one undo takes the topic back with its
 * name. The runner makes it a step of its own if anything changed the map since the add.
 */
export const nameStep = (entry: NewTopic): HistoryOptions => ({ history: 'merge', mergeKey: addingGesture(entry.id) });

/** Call right after a command added `id` (from the doc `beforeAdd`) and before its label editor opens. */
export function markNew(id: TopicId, openedBy: NewTopic['openedBy'], after: string | null, beforeAdd: MapDoc | null): void {
  const doc = useDocumentStore.getState().doc;
  current = doc && beforeAdd && doc.topics[id] ? { id, beforeAdd, afterAdd: doc, openedBy, after } : null;
}

/** The new-topic record of `id`, if its label editor is the one naming a just-added topic. */
export function newTopicOf(id: string): NewTopic | null {
  return current?.id === id ? current : null;
}

export function forgetNew(id: string): void {
  if (current?.id === id) current = null;
}

/**
 * Takes a placeholder away, merged into the add's step: straight after the add, the map goes back
 * to the doc before it, so the merged step changes nothing and leaves nothing in undo or redo
 * (Ctrl+Shift+Z cannot bring back an empty topic). If the document changed since (it should not
 * while the editor is open), the topic is deleted as an edit of its own instead.
 */
export function withdraw(entry: NewTopic): void {
  forgetNew(entry.id);
  if (!useDocumentStore.getState().doc?.topics[entry.id]) return;
  runCommand((doc) => (doc === entry.afterAdd ? entry.beforeAdd : deleteTopics(doc, [entry.id])), nameStep(entry));
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
