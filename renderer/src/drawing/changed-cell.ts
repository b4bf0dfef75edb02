/**
 * Which one cell (a channel within a stage) an edit changed, so the mind map re-projects and
 * re-lays only that cell (cell-relayout.ts). Commands replace exactly the topic records they
 * change (shared/model/types.ts), so a changed topic is one whose record is not the same object.
 */
import type { MapDoc, Topic, TopicId } from '@shared/model/types';
import { buildChildIndex, topicChanges } from '@shared/model/selectors';
import { cellOf } from './projection';

/** More changed topics than this is not "one edit in one place": lay the whole map out. */
const MOST_CHANGED = 64;

/** The touchpoint a topic belongs to (itself, or the touchpoint above a detail); null for the root or a broken chain of parents. */
function touchpointOf(topics: MapDoc['topics'], topic: Topic): Topic | null {
  let current = topic;
  for (let steps = 0; steps < 10_000; steps++) {
    if (current.parentId === null) return null;
    const parent = Object.hasOwn(topics, current.parentId) ? topics[current.parentId] : undefined;
    if (!parent) return null;
    if (parent.parentId === null) return current;
    current = parent;
  }
  return null;
}

/**
 * The id of the one cell every changed topic was and is in, before and after; null when the
 * change reaches further (the root, the map's own fields, two cells, a touchpoint moved between
 * cells, one without a channel or a stage) and the whole map must be laid out again.
 */
export function changedCell(before: MapDoc, after: MapDoc): string | null {
  if (before.map !== after.map) return null;
  const was = before.topics;
  const now = after.topics;
  let cell: string | null | undefined;
  let changed = 0;
  const note = (doc: MapDoc, topic: Topic): boolean => {
    const touchpoint = touchpointOf(doc.topics, topic);
    const id = touchpoint ? cellOf(doc, touchpoint) : null;
    if (id === null || (cell !== undefined && cell !== id)) return false;
    cell = id;
    return true;
  };
  // The command that made `after` said which topics it wrote or removed: look at those alone.
  const noted = topicChanges(was, now);
  if (noted !== undefined) {
    if (noted.length > MOST_CHANGED) return null;
    for (const id of noted) {
      const topic = Object.hasOwn(now, id) ? (now[id] as Topic) : undefined;
      const old = Object.hasOwn(was, id) ? (was[id] as Topic) : undefined;
      if (topic === old) continue;
      if ((topic !== undefined && !note(after, topic)) || (old !== undefined && !note(before, old))) return null;
    }
    return cell ?? null;
  }
  let kept = 0;
  const ids = Object.keys(now);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i] as TopicId;
    const topic = now[id] as Topic;
    // one look-up in the common case (the same record); own-property checks only for the changed
    let old: Topic | undefined = was[id];
    if (old === topic) {
      kept++;
      continue;
    }
    if (old !== undefined && !Object.hasOwn(was, id)) old = undefined;
    if (++changed > MOST_CHANGED) return null;
    if (!note(after, topic) || (old !== undefined && !note(before, old))) return null;
    if (old !== undefined) kept++;
  }
  // topics removed: those of `before` not in `after`, looked for only when some are gone (the
  // previous layout's projection built `before`'s index, so its size is a look-up)
  if (kept !== buildChildIndex(before).size) {
    for (const id in was) {
      if (Object.hasOwn(now, id)) continue;
      if (++changed > MOST_CHANGED) return null;
      if (!note(before, was[id as TopicId] as Topic)) return null;
    }
  }
  return cell ?? null;
}
