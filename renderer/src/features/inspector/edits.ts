/**
 * What the inspector reads from and writes to a selection of one or many topics. The writes are
 * commands `(doc) => doc` for `runCommand`: several topics that need different patches (adding a
 * segment to each one's own list) are patched inside ONE command, so the edit is one undo step.
 */
import { setTopicFields } from '@shared/model/commands';
import type { ImprovementAction, MapDoc, SegmentId, Topic, TopicFields, TopicId } from '@shared/model/types';

/** The value all topics share, or `mixed` when they disagree (compared as JSON: lists, objects). */
export function commonValue<T>(topics: readonly Topic[], read: (topic: Topic) => T): { readonly value: T | undefined; readonly mixed: boolean } {
  const [first, ...rest] = topics;
  if (!first) return { value: undefined, mixed: false };
  const value = read(first);
  const key = JSON.stringify(value ?? null);
  const mixed = rest.some((topic) => JSON.stringify(read(topic) ?? null) !== key);
  return { value: mixed ? undefined : value, mixed };
}

/** Whether all, some or none of the topics are tagged with the segment. */
export function segmentState(topics: readonly Topic[], segmentId: SegmentId): 'all' | 'some' | 'none' {
  const tagged = topics.filter((topic) => topic.segmentIds?.includes(segmentId)).length;
  return tagged === 0 ? 'none' : tagged === topics.length ? 'all' : 'some';
}

/** Tags (or untags) every topic with a segment, keeping each one's other segments. */
export function toggleSegment(ids: readonly TopicId[], segmentId: SegmentId, on: boolean) {
  return (doc: MapDoc): MapDoc =>
    ids.reduce((next, id) => {
      const current = next.topics[id]?.segmentIds ?? [];
      const segmentIds = on ? [...new Set([...current, segmentId])] : current.filter((segment) => segment !== segmentId);
      return setTopicFields(next, [id], { segmentIds });
    }, doc);
}

export type ActionPart = 'what' | 'owner' | 'due' | 'status';

/**
 * Sets one part of the improvement action on every topic, keeping the other parts of each one's
 * own action. A topic without an action gets one (status "todo"); an action left with nothing in
 * it — no what, owner or due date, status "todo" — is removed, so clearing the fields clears it.
 */
export function setActionPart(ids: readonly TopicId[], part: ActionPart, value: string | undefined) {
  return (doc: MapDoc): MapDoc =>
    ids.reduce((next, id) => {
      const topic = next.topics[id];
      if (!topic) return setTopicFields(next, [id], {}); // names the unknown id in the refusal
      const merged: Record<string, string | undefined> = { what: '', status: 'todo', ...topic.action, [part]: value };
      if (part === 'status' && value === undefined) merged.status = 'todo';
      const action: Record<string, string> = {};
      for (const [key, text] of Object.entries(merged)) if (text !== undefined && (key === 'what' || key === 'status' || text.trim() !== '')) action[key] = text;
      const empty = (action.what ?? '').trim() === '' && !action.owner && !action.due && action.status === 'todo';
      const patch: Partial<TopicFields> = { action: empty ? undefined : (action as unknown as ImprovementAction) };
      return setTopicFields(next, [id], patch);
    }, doc);
}
