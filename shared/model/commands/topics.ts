/** Commands that add topics and edit their fields (structure changes are in structure.ts). */
import { CommandError } from '../errors';
import { MAX_LABEL_LENGTH, MAX_TEXT_LENGTH, MAX_TOPICS_PER_MAP } from '../../limits';
import { PositionSchema, TOPIC_FIELD_SCHEMAS, describeValue, pathText, type TopicFieldName } from '../schema';
import { isRoot, isTouchpoint, rootOf, topicCount, touchpointOf } from '../selectors';
import type { Channel, CompetitorId, MapDoc, Position, StageId, Topic, TopicFields, TopicId } from '../types';
import {
  nameOf,
  omitKeys,
  placeAmong,
  requireLabel,
  requireNewId,
  requireRoomFor,
  requireTopic,
  requireTopics,
  requireWithin,
  sameValue,
  siblingsOf,
  withTopics,
} from './internal';

/** Puts a new topic under `parent`, after `afterId` (a child of `parent`) or last. */
function insertChild(doc: MapDoc, parent: Topic, fields: Omit<Topic, 'parentId' | 'order'>, afterId?: TopicId): MapDoc {
  const siblings = siblingsOf(doc, parent.id);
  let index = siblings.length;
  if (afterId !== undefined) {
    const after = siblings.findIndex((sibling) => sibling.id === afterId);
    if (after < 0) throw new CommandError('afterId', `${describeValue(afterId)} is not a child of ${nameOf(parent)}`);
    index = after + 1;
  }
  const { order, renumbered } = placeAmong(siblings, index);
  return withTopics(doc, [...renumbered, { ...fields, parentId: parent.id, order } as Topic]);
}

export interface AddTouchpointArgs {
  readonly id: TopicId;
  readonly label: string;
  readonly channel?: Channel;
  readonly stageId?: StageId;
  /** A touchpoint to insert right after (Enter on a selected touchpoint); otherwise last. */
  readonly afterId?: TopicId;
}

/**
 * Adds a touchpoint (a child of the root), optionally straight into a channel and stage group.
 * @example addTouchpoint(doc, { id: newId('t'), label: 'Website', channel: 'online', stageId })
 */
export function addTouchpoint(doc: MapDoc, args: AddTouchpointArgs): MapDoc {
  requireRoomFor(topicCount(doc.topics), MAX_TOPICS_PER_MAP, 'topics', 'topics');
  const id = requireNewId(args.id, (t) => Object.hasOwn(doc.topics, t), 'a topic');
  const label = requireLabel(args.label);
  const grouping = checkTopicPatch(doc, { channel: args.channel, stageId: args.stageId });
  const fields: Record<string, unknown> = { id, label };
  for (const [key, value] of grouping) if (value !== undefined) fields[key] = value;
  return insertChild(doc, rootOf(doc), fields as Omit<Topic, 'parentId' | 'order'>, args.afterId);
}

export interface AddDetailArgs {
  readonly id: TopicId;
  /** A touchpoint or a detail; details of the root are touchpoints (use addTouchpoint). */
  readonly parentId: TopicId;
  readonly label: string;
  /** A child of `parentId` to insert right after; otherwise last. */
  readonly afterId?: TopicId;
}

/**
 * Adds a detail: an interaction inside a touchpoint ("Website" → "Booking form"), or a detail of
 * a detail. It takes its touchpoint's channel and stage, so it has none of its own.
 */
export function addDetail(doc: MapDoc, args: AddDetailArgs): MapDoc {
  requireRoomFor(topicCount(doc.topics), MAX_TOPICS_PER_MAP, 'topics', 'topics');
  const id = requireNewId(args.id, (t) => Object.hasOwn(doc.topics, t), 'a topic');
  const label = requireLabel(args.label);
  const parent = requireTopic(doc, args.parentId, 'parentId');
  if (isRoot(parent)) {
    throw new CommandError('parentId', `${nameOf(parent)} is the root; its children are touchpoints (addTouchpoint)`);
  }
  return insertChild(doc, parent, { id, label }, args.afterId);
}

/** Renames a topic; an empty label is allowed (a node being typed into starts empty). */
export function renameTopic(doc: MapDoc, id: TopicId, label: string): MapDoc {
  const topic = requireTopic(doc, id);
  const next = requireLabel(label);
  return next === topic.label ? doc : withTopics(doc, [{ ...topic, label: next }]);
}

const OPTIONAL_TEXT: ReadonlySet<TopicFieldName> = new Set(['notes', 'team', 'process', 'outcome', 'data']);
const GROUPING: ReadonlySet<TopicFieldName> = new Set(['channel', 'stageId']);
const STRUCTURE_HINT: Readonly<Record<string, string>> = {
  id: 'ids never change',
  parentId: 'use moveTopic',
  order: 'use reorderTopic',
};

/**
 * Checks a patch of topic fields against the schema and the map (stages, segments, competitors
 * must exist), and normalises it: `undefined`, empty text, empty lists and `collapsed: false`
 * all mean "clear the field". Returns the fields in patch order, `undefined` = clear.
 */
function checkTopicPatch(doc: MapDoc, patch: Partial<TopicFields>): [TopicFieldName, unknown][] {
  const out: [TopicFieldName, unknown][] = [];
  for (const [key, value] of Object.entries(patch)) {
    if (!Object.hasOwn(TOPIC_FIELD_SCHEMAS, key)) {
      throw new CommandError(key, `is not a topic field setTopicFields can change${STRUCTURE_HINT[key] ? ` (${STRUCTURE_HINT[key]})` : ''}`);
    }
    const field = key as TopicFieldName;
    if (value === undefined) {
      if (field === 'label') throw new CommandError('label', 'is required; an empty label is ""');
      out.push([field, undefined]);
      continue;
    }
    const parsed = TOPIC_FIELD_SCHEMAS[field].safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CommandError(pathText(issue?.path ?? [], field), issue?.message ?? 'is not valid');
    }
    checkTextLengths(field, parsed.data);
    out.push([field, normalise(doc, field, parsed.data)]);
  }
  return out;
}

/** Text fields within the limits a .touchmap file is read with (limits.ts), so every map saves to a file that imports. */
function checkTextLengths(field: TopicFieldName, value: unknown): void {
  if (field === 'label') requireWithin(value as string, MAX_LABEL_LENGTH, field);
  else if (typeof value === 'string') requireWithin(value, MAX_TEXT_LENGTH, field);
  else if (field === 'action') {
    const action = value as { readonly what: string; readonly owner?: string };
    requireWithin(action.what, MAX_TEXT_LENGTH, 'action.what');
    if (action.owner !== undefined) requireWithin(action.owner, MAX_TEXT_LENGTH, 'action.owner');
  }
}

function normalise(doc: MapDoc, field: TopicFieldName, value: unknown): unknown {
  const { stages, segments, competitors } = doc.map;
  if (OPTIONAL_TEXT.has(field)) return (value as string).trim() === '' ? undefined : value;
  switch (field) {
    case 'stageId':
      if (!stages.some((stage) => stage.id === value)) throw new CommandError('stageId', `${describeValue(value)} is not a stage of this map`);
      return value;
    case 'segmentIds': {
      const ids = [...new Set(value as string[])];
      for (const id of ids) {
        if (!segments.some((segment) => segment.id === id)) throw new CommandError('segmentIds', `${describeValue(id)} is not a segment of this map`);
      }
      return ids.length === 0 ? undefined : ids;
    }
    case 'competitorScores': {
      const scores = value as Record<string, number>;
      for (const id of Object.keys(scores)) {
        if (!competitors.some((competitor) => competitor.id === id)) {
          throw new CommandError('competitorScores', `${describeValue(id)} is not a competitor of this map`);
        }
      }
      return Object.keys(scores).length === 0 ? undefined : scores;
    }
    case 'action': {
      const action = value as { owner?: string };
      return action.owner !== undefined && action.owner.trim() === '' ? omitOwner(action) : action;
    }
    case 'collapsed':
      return value === true ? true : undefined;
    default:
      return value;
  }
}

function omitOwner<T extends { owner?: string }>(action: T): Omit<T, 'owner'> {
  const { owner: _owner, ...rest } = action;
  return rest;
}

/** The topic with the checked patch applied; the same topic when no value differs. */
function patched(topic: Topic, fields: readonly [TopicFieldName, unknown][]): Topic {
  let next: Record<string, unknown> | undefined;
  for (const [key, value] of fields) {
    const current = (next ?? topic)[key as keyof Topic];
    if (value === undefined ? current === undefined : sameValue(current, value)) continue;
    next ??= { ...topic };
    if (value === undefined) delete next[key];
    else next[key] = value;
  }
  return (next as Topic | undefined) ?? topic;
}

/**
 * Edits fields of one or many topics at once (multi-select in the inspector or the outline).
 * Every value is checked first — ranges, enums, and that stages, segments and competitors exist
 * in this map — so a bad value refuses the whole edit. A key present with `undefined` clears the
 * field. `channel` and `stageId` can be set only on touchpoints: details show their touchpoint's.
 * @example setTopicFields(doc, [websiteId], { score: 4, reaction: 'neutral', notes: undefined })
 */
export function setTopicFields(doc: MapDoc, ids: readonly TopicId[], patch: Partial<TopicFields>): MapDoc {
  const topics = requireTopics(doc, ids);
  const fields = checkTopicPatch(doc, patch);
  for (const [field, value] of fields) {
    if (!GROUPING.has(field) || value === undefined) continue;
    for (const topic of topics) requireGroupable(doc, topic, field);
  }
  return withTopics(doc, topics.map((topic) => patched(topic, fields)));
}

/** Refuses to give a channel or stage to the root or a detail, saying where theirs come from. */
export function requireGroupable(doc: MapDoc, topic: Topic, field: string): void {
  if (isRoot(topic)) throw new CommandError(field, `${nameOf(topic)} is the root; only touchpoints have a channel and a stage`);
  if (!isTouchpoint(doc, topic.id)) {
    const owner = touchpointOf(doc, topic.id);
    throw new CommandError(field, `${nameOf(topic)} is a detail; it takes the channel and stage of its touchpoint${owner ? ` ${nameOf(owner)}` : ''}`);
  }
}

/**
 * Sets (or with `undefined` clears) one competitor's score on one or many topics, keeping their
 * other competitors' scores — what rating a competitor column in the outline needs, which
 * `setTopicFields({ competitorScores })` would overwrite.
 */
export function setCompetitorScore(doc: MapDoc, ids: readonly TopicId[], competitorId: CompetitorId, score: number | undefined): MapDoc {
  const topics = requireTopics(doc, ids);
  if (!doc.map.competitors.some((competitor) => competitor.id === competitorId)) {
    throw new CommandError('competitorId', `${describeValue(competitorId)} is not a competitor of this map`);
  }
  if (score !== undefined) {
    const parsed = TOPIC_FIELD_SCHEMAS.score.safeParse(score);
    if (!parsed.success) throw new CommandError(`competitorScores.${competitorId}`, parsed.error.issues[0]?.message ?? 'is not a score');
  }
  return withTopics(
    doc,
    topics.map((topic) => {
      const scores: Record<CompetitorId, number> = { ...topic.competitorScores };
      if (score === undefined) delete scores[competitorId];
      else scores[competitorId] = score;
      return patched(topic, [['competitorScores', Object.keys(scores).length === 0 ? undefined : scores]]);
    }),
  );
}

/** Pins a topic where the user dropped it, or (undefined) gives it back to the automatic layout. */
export function setPosition(doc: MapDoc, id: TopicId, position: Position | undefined): MapDoc {
  const topic = requireTopic(doc, id);
  if (position === undefined) return withTopics(doc, [omitKeys(topic, ['position'])]);
  const parsed = PositionSchema.safeParse(position);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CommandError(pathText(issue?.path ?? [], 'position'), issue?.message ?? 'is not a position');
  }
  return withTopics(doc, [patched(topic, [['position', parsed.data]])]);
}

/** Folds or unfolds a topic's children; `false` is stored as no flag. */
export function setCollapsed(doc: MapDoc, id: TopicId, collapsed: boolean): MapDoc {
  const topic = requireTopic(doc, id);
  if (typeof collapsed !== 'boolean') throw new CommandError('collapsed', `${describeValue(collapsed)} is not true or false`);
  return withTopics(doc, [patched(topic, [['collapsed', collapsed ? true : undefined]])]);
}
