/** Commands that change the tree: move, group, reorder, delete. */
import { CommandError } from '../errors';
import { ChannelSchema, describeValue } from '../schema';
import { descendantIds, effectiveChannel, effectiveStageId, isRoot, isTouchpoint } from '../selectors';
import type { Channel, MapDoc, StageId, Topic, TopicId } from '../types';
import { requireGroupable } from './topics';
import {
  chainsWithoutSteps,
  nameOf,
  omitKeys,
  placeAmong,
  requireIndex,
  requireTopic,
  requireTopics,
  siblingsOf,
  withChains,
  withTopics,
} from './internal';

function refuseRoot(topic: Topic, field: string, what: string): void {
  if (isRoot(topic)) throw new CommandError(field, `${nameOf(topic)} is the root — the business at the centre — and cannot be ${what}`);
}

/** The doc with `topic` placed at `index` among the children of `parentId` (its other fields as given). */
function placed(doc: MapDoc, topic: Topic, parentId: TopicId, index: number): MapDoc {
  const { order, renumbered } = placeAmong(siblingsOf(doc, parentId, topic.id), index);
  return withTopics(doc, [...renumbered, { ...topic, parentId, order }]);
}

export interface MoveTopicArgs {
  /** The new parent: the root (the topic becomes a touchpoint), a touchpoint or a detail. */
  readonly parentId: TopicId;
  /** Position among the new siblings, 0…their count; last when omitted. */
  readonly index?: number;
}

/**
 * Moves a topic (with its details) under another parent. A detail that becomes a touchpoint keeps
 * showing where it did: it takes its old touchpoint's channel and stage. A touchpoint that becomes
 * a detail drops its own channel and stage (it now shows its new touchpoint's) and leaves every
 * chain, since chains walk touchpoints only. Refuses to move the root or to make a cycle.
 * @example moveTopic(doc, bookingFormId, { parentId: rootOf(doc).id }) // promote to a touchpoint
 */
export function moveTopic(doc: MapDoc, id: TopicId, args: MoveTopicArgs): MapDoc {
  const topic = requireTopic(doc, id);
  refuseRoot(topic, 'id', 'moved');
  const parent = requireTopic(doc, args.parentId, 'parentId');
  if (parent.id === topic.id) throw new CommandError('parentId', `moving ${nameOf(topic)} under itself would make a cycle`);
  if (descendantIds(doc, topic.id).includes(parent.id)) {
    throw new CommandError('parentId', `moving ${nameOf(topic)} under its own detail would make a cycle`);
  }
  const siblings = siblingsOf(doc, parent.id, topic.id);
  const index = args.index === undefined ? siblings.length : requireIndex(args.index, siblings.length + 1);
  if (parent.id === topic.parentId) {
    const current = siblingsOf(doc, parent.id).indexOf(topic);
    if (current === index) return doc;
  }

  const wasTouchpoint = isTouchpoint(doc, topic.id);
  const willBeTouchpoint = isRoot(parent);
  let moved = topic;
  if (wasTouchpoint && !willBeTouchpoint) {
    moved = omitKeys(topic, ['channel', 'stageId']);
  } else if (!wasTouchpoint && willBeTouchpoint) {
    const channel = effectiveChannel(doc, topic.id);
    const stageId = effectiveStageId(doc, topic.id);
    moved = { ...omitKeys(topic, ['channel', 'stageId']), ...(channel && { channel }), ...(stageId && { stageId }) };
  }
  const next = placed(doc, moved, parent.id, index);
  return wasTouchpoint && !willBeTouchpoint ? withChains(next, chainsWithoutSteps(next, new Set([topic.id]))) : next;
}

export interface GroupTarget {
  /** A channel, or null to clear it (unsorted); omitted = unchanged. */
  readonly channel?: Channel | null;
  /** A stage of the map, or null to clear it (unsorted); omitted = unchanged. */
  readonly stageId?: StageId | null;
}

/**
 * Drops touchpoints on a group: sets their channel and/or stage, as dragging onto an
 * "Online" or a stage node does. Only touchpoints have groups; a detail in `ids` refuses the move.
 * @example moveToGroup(doc, selected, { channel: 'offline', stageId: null }) // offline, unsorted stage
 */
export function moveToGroup(doc: MapDoc, ids: readonly TopicId[], target: GroupTarget): MapDoc {
  const topics = requireTopics(doc, ids);
  const changes: Partial<Record<'channel' | 'stageId', string | undefined>> = {};
  if (target.channel !== undefined) {
    if (target.channel !== null) {
      const parsed = ChannelSchema.safeParse(target.channel);
      if (!parsed.success) throw new CommandError('channel', parsed.error.issues[0]?.message ?? 'is not a channel');
    }
    changes.channel = target.channel ?? undefined;
  }
  if (target.stageId !== undefined) {
    if (target.stageId !== null && !doc.map.stages.some((stage) => stage.id === target.stageId)) {
      throw new CommandError('stageId', `${describeValue(target.stageId)} is not a stage of this map`);
    }
    changes.stageId = target.stageId ?? undefined;
  }
  const keys = Object.keys(changes) as ('channel' | 'stageId')[];
  if (keys.length === 0) return doc;
  for (const topic of topics) requireGroupable(doc, topic, 'ids');
  return withTopics(
    doc,
    topics.map((topic) => {
      if (keys.every((key) => topic[key] === changes[key])) return topic;
      const next: Record<string, unknown> = { ...topic };
      for (const key of keys) {
        if (changes[key] === undefined) delete next[key];
        else next[key] = changes[key];
      }
      return next as unknown as Topic;
    }),
  );
}

/** Moves a topic to position `index` (0…siblings-1) among its siblings. */
export function reorderTopic(doc: MapDoc, id: TopicId, index: number): MapDoc {
  const topic = requireTopic(doc, id);
  refuseRoot(topic, 'id', 'reordered');
  const parentId = topic.parentId as TopicId;
  const siblings = siblingsOf(doc, parentId);
  requireIndex(index, siblings.length);
  if (siblings[index] === topic) return doc;
  return placed(doc, topic, parentId, index);
}

/**
 * Deletes topics with all their details, and removes their steps from every chain. The root
 * cannot be deleted (delete the map instead).
 */
export function deleteTopics(doc: MapDoc, ids: readonly TopicId[]): MapDoc {
  const topics = requireTopics(doc, ids);
  for (const topic of topics) refuseRoot(topic, 'ids', 'deleted; delete the map instead');
  const removed = new Set<TopicId>();
  for (const topic of topics) {
    if (removed.has(topic.id)) continue;
    removed.add(topic.id);
    for (const descendant of descendantIds(doc, topic.id)) removed.add(descendant);
  }
  const next = withTopics(doc, [], removed);
  return withChains(next, chainsWithoutSteps(next, removed));
}
