/**
 * The action plan's changes to the map, each one command and one undo step: a part of an action
 * edited in place (the inspector's `setActionPart`, so both edit actions the same way), and a new
 * action on a touchpoint that has none.
 */
import { setTopicFields } from '@shared/model/commands';
import type { MapDoc, TopicId } from '@shared/model/types';
import { runCommand } from '../../store/run-command';
import { setActionPart, type ActionPart } from '../inspector';

/** Sets one part of a row's action; '' clears owner and due. False when the map refused it (the notice says why). */
export function editAction(id: TopicId, part: ActionPart, value: string): boolean {
  const next = part === 'owner' || part === 'due' ? value.trim() || undefined : value;
  return runCommand(setActionPart([id], part, next));
}

/** A new, empty action ("to do") on a touchpoint, ready to be written. */
export function addAction(id: TopicId): boolean {
  return runCommand((doc: MapDoc) => setTopicFields(doc, [id], { action: { what: '', status: 'todo' } }));
}
