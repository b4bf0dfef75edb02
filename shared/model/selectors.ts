/**
 * Pure reads of a MapDoc for views, analysis and commands. They run on every render of maps with
 * thousands of topics, so the parent → children index is built once per `doc.topics` record and
 * cached (commands make a new `topics` record on every topic change, so the cache never goes stale).
 */
import type { Chain, Channel, CompetitorId, MapDoc, StageId, Topic, TopicId } from './types';

/** The topic with this id, or undefined. Unlike `doc.topics[id]`, safe for ids like "constructor". */
export function topicOf(doc: MapDoc, id: TopicId): Topic | undefined {
  return Object.hasOwn(doc.topics, id) ? doc.topics[id] : undefined;
}

/**
 * Whether an id from outside the document — a canvas node, the selection, an outline row, the live
 * room — names a topic of this map; where it does, it may be used as a topic id. Own keys only, as
 * in `topicOf`.
 * @example const ids = ui.selected.filter((id) => isTopicIdOf(doc, id));
 */
export function isTopicIdOf(doc: MapDoc, id: string): id is TopicId {
  return Object.hasOwn(doc.topics, id);
}

/**
 * A topic's score for one competitor, or undefined. Scores are a plain object keyed by competitor
 * id, so `scores[id]` for an id such as "constructor" or "toString" would read Object.prototype's
 * function when the topic has no score of its own for it: only own keys count.
 */
export function competitorScoreOf(topic: Topic, competitorId: CompetitorId): number | undefined {
  const scores = topic.competitorScores;
  return scores !== undefined && Object.hasOwn(scores, competitorId) ? scores[competitorId] : undefined;
}

/** Siblings sort by `order`, then by id so that equal orders still sort the same everywhere. */
export function compareSiblings(a: Topic, b: Topic): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export interface ChildIndex {
  /** The topic with `parentId: null`; undefined only in a doc that never went through restore. */
  readonly root: Topic | undefined;
  /** How many topics the doc has: bounds walks up the tree, so a broken doc cannot hang them. */
  readonly size: number;
  /** Children of a topic, sorted; an empty list for a leaf or an unknown id. */
  childrenOf(id: TopicId): readonly Topic[];
}

const NO_CHILDREN: readonly Topic[] = Object.freeze([]);
const childIndexCache = new WeakMap<MapDoc['topics'], ChildIndex>();
const childLists = new WeakMap<ChildIndex, ReadonlyMap<TopicId, readonly Topic[]>>();

function makeIndex(topics: MapDoc['topics'], root: Topic | undefined, size: number, byParent: ReadonlyMap<TopicId, readonly Topic[]>): ChildIndex {
  const index: ChildIndex = { root, size, childrenOf: (id) => byParent.get(id) ?? NO_CHILDREN };
  childLists.set(index, byParent);
  childIndexCache.set(topics, index);
  return index;
}

/**
 * The parent → children index of a doc. Cached per `doc.topics` record, so calling it again on
 * the same doc (or a doc that changed only chains or stages) costs a lookup.
 * @example const index = buildChildIndex(doc); index.childrenOf(index.root!.id)
 */
export function buildChildIndex(doc: MapDoc): ChildIndex {
  const cached = childIndexCache.get(doc.topics);
  if (cached) return cached;
  const byParent = new Map<TopicId, Topic[]>();
  let root: Topic | undefined;
  const topics = Object.values(doc.topics);
  for (const topic of topics) {
    if (topic.parentId === null) {
      // the root; checked on the field itself so the else side knows the parent id is a string
      root ??= topic;
      continue;
    }
    const siblings = byParent.get(topic.parentId);
    if (siblings) siblings.push(topic);
    else byParent.set(topic.parentId, [topic]);
  }
  for (const siblings of byParent.values()) siblings.sort(compareSiblings);
  return makeIndex(doc.topics, root, topics.length, byParent);
}

/**
 * How many topics a topics record holds, carried from record to record by the commands
 * (`carryTopicCount`): the topic limit and "is the map empty" then cost no walk of 20,000 keys on
 * every Tab. Counted once for a record no command made (a map just opened).
 */
const topicCounts = new WeakMap<MapDoc['topics'], number>();

/** The number of topics in `topics` (the root included). */
export function topicCount(topics: MapDoc['topics']): number {
  let count = topicCounts.get(topics);
  if (count === undefined) {
    count = Object.keys(topics).length;
    topicCounts.set(topics, count);
  }
  return count;
}

/** Records that `after` holds `added` topics more and `removed` fewer than `before` (nothing when `before` was never counted). */
export function carryTopicCount(before: MapDoc['topics'], after: MapDoc['topics'], added: number, removed: number): void {
  const count = topicCounts.get(before);
  if (count !== undefined) topicCounts.set(after, count + added - removed);
}

/**
 * A shallow copy of a record of many keys, in the same key order as `{ ...record }`: a loop over
 * its keys is ~2× faster than the spread on a 20,000-key record in V8 (the spread's generic
 * copy of a dictionary-mode object), and the commands copy `doc.topics` on every topic edit.
 */
export function copyRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  const out: Record<string, T> = {};
  const keys = Object.keys(record);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] as string;
    // an own "__proto__" is a key like any other for the spread; assignment would set the prototype
    if (key === '__proto__') Object.defineProperty(out, key, { value: record[key], enumerable: true, writable: true, configurable: true });
    else out[key] = record[key] as T;
  }
  return out;
}

/** For a topics record a command made: the record it was made from and the ids it wrote or removed. */
const topicChangeNotes = new WeakMap<MapDoc['topics'], { readonly from: MapDoc['topics']; readonly ids: readonly TopicId[] }>();

/**
 * How many commands back the notes reach. Each note holds the record before it, so an unbroken
 * chain would keep every topics record since the map opened alive (past the undo history's
 * limit: ~1 MB a record at 20,000 topics); the note this many commands back is dropped instead.
 */
export const TOPIC_NOTES_KEPT = 64;

/** Records that `after` is `before` with the topics `ids` written or removed (and every other record the same object). */
export function noteTopicChanges(before: MapDoc['topics'], after: MapDoc['topics'], ids: readonly TopicId[]): void {
  topicChangeNotes.set(after, { from: before, ids });
  let oldest = before;
  for (let step = 1; step < TOPIC_NOTES_KEPT; step++) {
    const note = topicChangeNotes.get(oldest);
    if (note === undefined) return;
    oldest = note.from;
  }
  topicChangeNotes.delete(oldest);
}

/**
 * The ids of the topics written or removed between two topics records when a command made `after`
 * from `before` directly; undefined otherwise (compare the records to find out). Saves a walk of
 * every topic — 20,000 keys for a big map — on each edit (the mind map's one-cell relayout asks).
 */
export function topicChanges(before: MapDoc['topics'], after: MapDoc['topics']): readonly TopicId[] | undefined {
  const note = topicChangeNotes.get(after);
  return note !== undefined && note.from === before ? note.ids : undefined;
}

/**
 * The ids of the topics written or removed on the way from `before` to `after` when a run of
 * commands made `after` from `before`, each from the one before (at most `steps` of them, and
 * never more than the notes reach, `TOPIC_NOTES_KEPT`):
 * autosave diffs the doc it last wrote against the newest one, a few edits apart, without
 * walking 20,000 keys. undefined when the way is not known (an undo, a load, a longer run).
 * An id may be listed more than once.
 */
export function topicChangesSince(before: MapDoc['topics'], after: MapDoc['topics'], steps = TOPIC_NOTES_KEPT): readonly TopicId[] | undefined {
  const ids: TopicId[] = [];
  let current = after;
  for (let step = 0; step < steps && current !== before; step++) {
    const note = topicChangeNotes.get(current);
    if (note === undefined) return undefined;
    for (const id of note.ids) ids.push(id);
    current = note.from;
  }
  return current === before ? ids : undefined;
}

/**
 * Lets a command hand its result the index of the doc it started from, updated for the topics it
 * wrote: a field edit swaps the record in its parent's list, an added topic is inserted at its
 * sorted place, a moved or re-ordered one leaves its old list for its new place. Only the lists
 * that changed are copied, so the common edits — typing a label, rating, Tab — cost no rebuild
 * and no re-sort of a 5,000-topic map. Does nothing when the old index was never built,
 * or a root is added or changes parent; `buildChildIndex` then builds the new one on demand.
 * Removals are not carried (the caller does not call this then).
 */
export function carryChildIndex(before: MapDoc['topics'], after: MapDoc['topics'], changed: readonly Topic[]): void {
  const previous = childIndexCache.get(before);
  const lists = previous && childLists.get(previous);
  if (!previous || !lists || childIndexCache.has(after)) return;
  const replaced = new Map<TopicId, Topic>();
  const placed: { readonly old: Topic | undefined; readonly topic: Topic }[] = [];
  for (const topic of changed) {
    const old = Object.hasOwn(before, topic.id) ? before[topic.id] : undefined;
    if (topic.parentId === null || old?.parentId === null) {
      if (!old || old.parentId !== topic.parentId) return; // a new root, or the root moved: rebuild
      replaced.set(topic.id, topic);
    } else if (old && old.parentId === topic.parentId && old.order === topic.order) replaced.set(topic.id, topic);
    else placed.push({ old, topic });
  }
  const byParent = new Map(lists);
  for (const topic of replaced.values()) {
    if (topic.parentId === null) continue;
    const siblings = byParent.get(topic.parentId) ?? NO_CHILDREN;
    byParent.set(topic.parentId, siblings.map((sibling) => replaced.get(sibling.id) ?? sibling));
  }
  // lists copied once each before they are edited in place
  const copied = new Set<TopicId>();
  const editable = (parentId: TopicId): Topic[] => {
    if (copied.has(parentId)) return byParent.get(parentId) as Topic[];
    const list = [...(byParent.get(parentId) ?? NO_CHILDREN)];
    byParent.set(parentId, list);
    copied.add(parentId);
    return list;
  };
  for (const { old, topic } of placed) {
    if (old?.parentId) {
      const list = editable(old.parentId);
      const at = list.findIndex((sibling) => sibling.id === old.id);
      if (at >= 0) list.splice(at, 1);
    }
    const list = editable(topic.parentId as TopicId);
    // binary search for the first sibling that sorts after the topic: the place a full sort gives it
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (compareSiblings(list[mid] as Topic, topic) <= 0) low = mid + 1;
      else high = mid;
    }
    list.splice(low, 0, topic);
  }
  const root = previous.root && (replaced.get(previous.root.id) ?? previous.root);
  const added = placed.filter(({ old }) => old === undefined).length;
  makeIndex(after, root, previous.size + added, byParent);
}

/** The root topic: the business at the centre. Every restored doc has exactly one. */
export function rootOf(doc: MapDoc): Topic {
  const root = buildChildIndex(doc).root;
  if (!root) throw new Error(`Map ${doc.map.id} has no root topic; load maps through restoreMapDoc.`);
  return root;
}

/** Children of a topic, sorted by order then id. */
export function childrenOf(doc: MapDoc, id: TopicId): readonly Topic[] {
  return buildChildIndex(doc).childrenOf(id);
}

/** The touchpoints: the root's children, sorted. */
export function touchpointsOf(doc: MapDoc): readonly Topic[] {
  const root = buildChildIndex(doc).root;
  return root ? childrenOf(doc, root.id) : NO_CHILDREN;
}

/** How many touchpoints the map has (details not counted), as the library shows it. */
export function countTouchpoints(doc: MapDoc): number {
  return touchpointsOf(doc).length;
}

/**
 * True for the root: the business at the centre, the one topic with no parent. Takes any record
 * with a `parentId`, so file readers and repairs can ask it of raw or half-restored topics too;
 * a record with no `parentId` at all is not the root.
 */
export function isRoot(topic: { readonly parentId?: unknown }): boolean {
  return topic.parentId === null;
}

/**
 * True when `topic` hangs straight under the root `rootId`: a touchpoint. For code that already
 * knows the root's id and looks at many topics without a whole doc (counting, diffing, restoring).
 */
export function isTouchpointUnder(rootId: TopicId, topic: { readonly parentId?: unknown } | undefined): boolean {
  return topic !== undefined && topic.parentId === rootId;
}

/**
 * True for a topic of the map other than the root — a touchpoint or a detail: what can be copied,
 * deleted or inspected as a topic. False for the root, group nodes and unknown ids.
 */
export function isBelowRoot(doc: MapDoc, id: TopicId): boolean {
  const topic = topicOf(doc, id);
  return topic !== undefined && !isRoot(topic);
}

/** True for a child of the root. */
export function isTouchpoint(doc: MapDoc, id: TopicId): boolean {
  const parentId = topicOf(doc, id)?.parentId;
  if (parentId === undefined || parentId === null) return false;
  const parent = topicOf(doc, parentId);
  return parent !== undefined && isRoot(parent);
}

/** True for a detail: a topic below a touchpoint, at any depth. */
export function isDetail(doc: MapDoc, id: TopicId): boolean {
  const touchpoint = touchpointOf(doc, id);
  return touchpoint !== undefined && touchpoint.id !== id;
}

export type TopicRole = 'root' | 'touchpoint' | 'detail';

/** What a topic is in the method: the root, a touchpoint or a detail; undefined for an unknown id or a topic cut off from the root. */
export function roleOf(doc: MapDoc, id: TopicId): TopicRole | undefined {
  const topic = topicOf(doc, id);
  if (!topic) return undefined;
  if (isRoot(topic)) return 'root';
  const touchpoint = touchpointOf(doc, id);
  if (!touchpoint) return undefined;
  return touchpoint.id === id ? 'touchpoint' : 'detail';
}

/** Root 0, touchpoints 1, their details 2 and deeper; undefined for an unknown id. */
export function depthOf(doc: MapDoc, id: TopicId): number | undefined {
  let topic = topicOf(doc, id);
  if (!topic) return undefined;
  let depth = 0;
  const limit = buildChildIndex(doc).size;
  while (topic.parentId !== null && depth <= limit) {
    const parent = topicOf(doc, topic.parentId);
    if (!parent) return undefined;
    topic = parent;
    depth += 1;
  }
  return depth;
}

/**
 * The touchpoint a topic belongs to: itself for a touchpoint, its depth-1 ancestor for a detail,
 * undefined for the root and unknown ids.
 */
export function touchpointOf(doc: MapDoc, id: TopicId): Topic | undefined {
  let topic = topicOf(doc, id);
  let steps = buildChildIndex(doc).size;
  while (topic && topic.parentId !== null && steps-- > 0) {
    const parent = topicOf(doc, topic.parentId);
    if (!parent) return undefined;
    if (isRoot(parent)) return topic;
    topic = parent;
  }
  return undefined;
}

/** The channel a topic shows under: a detail takes its touchpoint's (DOMAIN.md §3). */
export function effectiveChannel(doc: MapDoc, id: TopicId): Channel | undefined {
  return touchpointOf(doc, id)?.channel;
}

/** The stage a topic shows under: a detail takes its touchpoint's. */
export function effectiveStageId(doc: MapDoc, id: TopicId): StageId | undefined {
  return touchpointOf(doc, id)?.stageId;
}

/** Every topic below this one, parents before their children (not the topic itself). */
export function descendantIds(doc: MapDoc, id: TopicId): TopicId[] {
  const index = buildChildIndex(doc);
  const out: TopicId[] = [];
  const stack = [...index.childrenOf(id)].reverse();
  const seen = new Set<TopicId>([id]);
  while (stack.length > 0) {
    const topic = stack.pop() as Topic;
    if (seen.has(topic.id)) continue;
    seen.add(topic.id);
    out.push(topic.id);
    const children = index.childrenOf(topic.id);
    for (let i = children.length - 1; i >= 0; i -= 1) stack.push(children[i] as Topic);
  }
  return out;
}

/** The chains in the order the user arranged them. */
export function chainsOf(doc: MapDoc): Chain[] {
  const out: Chain[] = [];
  for (const id of doc.chainOrder) {
    if (Object.hasOwn(doc.chains, id)) out.push(doc.chains[id] as Chain);
  }
  return out;
}

export type ScoreBand = 'awful' | 'ok' | 'wow';

/**
 * Where a score falls on the "wow" scale (DOMAIN.md §3): 0–3 awful, 4–7 OK, 8–10 wow.
 * @example scoreBand(8) // 'wow'
 */
export function scoreBand(score: number | undefined): ScoreBand | undefined {
  if (score === undefined || !Number.isFinite(score)) return undefined;
  if (score <= 3) return 'awful';
  if (score <= 7) return 'ok';
  return 'wow';
}

export interface ChainStepRef {
  /** Position in `chain.steps` (a touchpoint may appear at several positions). */
  readonly index: number;
  readonly topicId: TopicId;
}

/**
 * The chain's weak link (DOMAIN.md §4): the lowest-scored step, the earliest on a tie, since the
 * customer is lost at the first weak touch. Unscored steps are ignored (see `unscoredSteps`);
 * undefined when no step is scored.
 */
export function weakLink(doc: MapDoc, chain: Chain): (ChainStepRef & { readonly score: number }) | undefined {
  let weakest: (ChainStepRef & { readonly score: number }) | undefined;
  chain.steps.forEach((topicId, index) => {
    const score = topicOf(doc, topicId)?.score;
    if (score !== undefined && (weakest === undefined || score < weakest.score)) weakest = { index, topicId, score };
  });
  return weakest;
}

/** Steps whose touchpoint has no score yet: the weak link cannot be known until they are rated. */
export function unscoredSteps(doc: MapDoc, chain: Chain): ChainStepRef[] {
  const out: ChainStepRef[] = [];
  chain.steps.forEach((topicId, index) => {
    if (topicOf(doc, topicId)?.score === undefined) out.push({ index, topicId });
  });
  return out;
}
