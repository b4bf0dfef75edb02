/**
 * Helpers the commands share: argument checks that throw CommandError, and the one way a command
 * writes topics (`withTopics`), which copies only what changed so every untouched record keeps its
 * reference — autosave writes exactly the records whose reference changed.
 */
import { CommandError } from '../errors';
import { MAX_LABEL_LENGTH } from '../../limits';
import { countText, fill, wordsOf } from '../../i18n/message-language';
import { REFUSAL_WORDS } from '../../i18n/refusal-words';
import { IdSchema, describeValue } from '../schema';
import { buildChildIndex, carryChildIndex, carryTopicCount, copyRecord, noteTopicChanges, topicOf } from '../selectors';
import type { Chain, ChainId, MapDoc, MapMeta, Topic, TopicId } from '../types';

/** How a topic is named in messages: its label, or its id while the label is empty. */
export function nameOf(topic: Topic): string {
  return topic.label.trim() === '' ? topic.id : JSON.stringify(topic.label);
}

/** The topic with this id, or a CommandError naming `field`. */
export function requireTopic(doc: MapDoc, id: TopicId, field = 'id'): Topic {
  const topic = topicOf(doc, id);
  if (!topic) throw new CommandError(field, `${describeValue(id)} is not a topic of this map`);
  return topic;
}

/** The distinct topics named by `ids`, in the order given. */
export function requireTopics(doc: MapDoc, ids: readonly TopicId[], field = 'ids'): Topic[] {
  const seen = new Set<TopicId>();
  const out: Topic[] = [];
  for (const id of ids) {
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(requireTopic(doc, id, field));
  }
  return out;
}

/** The chain with this id, or a CommandError naming `field`. */
export function requireChain(doc: MapDoc, id: ChainId, field = 'chainId'): Chain {
  if (!Object.hasOwn(doc.chains, id)) throw new CommandError(field, `${describeValue(id)} is not a chain of this map`);
  return doc.chains[id] as Chain;
}

/**
 * A fresh id, made by the caller with newId: well-formed and not used by a record of its kind.
 * The id is typed by its kind already; the check guards callers that bypass the types (a test, a
 * script), and what it returns is the very id it was given.
 */
export function requireNewId<Id extends string>(id: Id | undefined, taken: (id: Id) => boolean, what: string, field = 'id'): Id {
  const parsed = IdSchema.safeParse(id);
  if (!parsed.success) throw new CommandError(field, parsed.error.issues[0]?.message ?? 'is not an id');
  const valid = parsed.data as Id;
  if (taken(valid)) throw new CommandError(field, `${describeValue(id)} is already ${what} of this map`);
  return valid;
}

/** Names of maps, stages, segments, competitors and chains: trimmed, never empty. */
export function requireName(name: unknown, field = 'name'): string {
  if (typeof name !== 'string') throw new CommandError(field, `${describeValue(name)} is not text`);
  const trimmed = name.trim();
  if (trimmed === '') throw new CommandError(field, refusalWords().commandEmpty);
  return requireWithin(trimmed, MAX_LABEL_LENGTH, field);
}

/**
 * Text no longer than `limit` (limits.ts), else a CommandError saying both lengths: what the map
 * holds must always save to a .touchmap file the app imports again.
 */
export function requireWithin(text: string, limit: number, field: string): string {
  if (text.length > limit) throw new CommandError(field, fill(refusalWords().commandTooLong, { count: countText(text.length), limit: countText(limit) }));
  return text;
}

/** A topic label: any text, empty allowed (a new node starts empty while it is being edited). */
export function requireLabel(label: unknown, field = 'label'): string {
  if (typeof label !== 'string') throw new CommandError(field, `${describeValue(label)} is not text`);
  return requireWithin(label, MAX_LABEL_LENGTH, field);
}

/** An index into a list of `size` slots: an integer 0…size-1 (or 0…size when inserting). */
export function requireIndex(index: unknown, size: number, field = 'index'): number {
  if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= size) {
    const rule = size === 0 ? 'a valid position: the list is empty' : `${0}–${size - 1}`;
    throw new CommandError(field, `${describeValue(index)} is not ${rule}`);
  }
  return index;
}

/** The doc with some topics replaced or added, others removed; the same doc when nothing changed. */
export function withTopics(doc: MapDoc, changed: Iterable<Topic>, removed: Iterable<TopicId> = []): MapDoc {
  let topics: Record<TopicId, Topic> | undefined;
  const written: Topic[] = [];
  let added = 0;
  for (const topic of changed) {
    if (topicOf(doc, topic.id) === topic) continue;
    topics ??= copyRecord(doc.topics);
    if (!Object.hasOwn(topics, topic.id)) added++;
    topics[topic.id] = topic;
    written.push(topic);
  }
  const gone: TopicId[] = [];
  for (const id of removed) {
    if (!Object.hasOwn(topics ?? doc.topics, id)) continue;
    topics ??= copyRecord(doc.topics);
    delete topics[id];
    gone.push(id);
  }
  if (!topics) return doc;
  if (gone.length === 0) carryChildIndex(doc.topics, topics, written);
  carryTopicCount(doc.topics, topics, added, gone.length);
  noteTopicChanges(doc.topics, topics, [...written.map((topic) => topic.id), ...gone]);
  return { ...doc, topics };
}

/** The doc with some chains replaced or removed; the same doc when nothing changed. */
export function withChains(doc: MapDoc, changed: Iterable<Chain>, removed: Iterable<ChainId> = []): MapDoc {
  let chains: Record<ChainId, Chain> | undefined;
  let chainOrder = doc.chainOrder;
  for (const chain of changed) {
    if (Object.hasOwn(doc.chains, chain.id) && doc.chains[chain.id] === chain) continue;
    chains ??= { ...doc.chains };
    if (!Object.hasOwn(chains, chain.id)) chainOrder = [...chainOrder, chain.id];
    chains[chain.id] = chain;
  }
  const gone = new Set<ChainId>();
  for (const id of removed) {
    if (!Object.hasOwn(chains ?? doc.chains, id)) continue;
    chains ??= { ...doc.chains };
    delete chains[id];
    gone.add(id);
  }
  if (!chains) return doc;
  if (gone.size > 0) chainOrder = chainOrder.filter((id) => !gone.has(id));
  return { ...doc, chains, chainOrder };
}

/** The doc with a new map meta; the same doc when it is the same meta. */
export function withMap(doc: MapDoc, map: MapMeta): MapDoc {
  return map === doc.map ? doc : { ...doc, map };
}

/**
 * Chains without any step naming one of `ids`: used when topics are deleted or stop being
 * touchpoints (chains walk touchpoints only, FILE-FORMAT.md).
 */
export function chainsWithoutSteps(doc: MapDoc, ids: ReadonlySet<TopicId>): Chain[] {
  const out: Chain[] = [];
  for (const chain of Object.values(doc.chains)) {
    if (chain.steps.some((step) => ids.has(step))) out.push({ ...chain, steps: chain.steps.filter((step) => !ids.has(step)) });
  }
  return out;
}

/** A topic without some keys; the same topic when it has none of them. */
export function omitKeys(topic: Topic, keys: readonly (keyof Topic)[]): Topic {
  if (!keys.some((key) => Object.hasOwn(topic, key))) return topic;
  const copy: Record<string, unknown> = { ...topic };
  for (const key of keys) delete copy[key];
  return copy as unknown as Topic;
}

/** Deep equality for the JSON-like values topic fields hold. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every(
    (key) => Object.hasOwn(b, key) && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * Orders that put `moving` at `index` among `siblings` (sorted, without `moving`): usually one new
 * order between the neighbours; when no number fits between them (equal orders, or halving ran out
 * of precision after many inserts at one spot) the whole sibling list is renumbered 0, 1, 2…
 * Returns the siblings whose order changed, and the order for `moving`.
 */
export function placeAmong(siblings: readonly Topic[], index: number): { order: number; renumbered: Topic[] } {
  const before = siblings[index - 1];
  const after = siblings[index];
  if (!before) return { order: after ? after.order - 1 : 0, renumbered: [] };
  if (!after) return { order: before.order + 1, renumbered: [] };
  const middle = before.order + (after.order - before.order) / 2;
  if (before.order < middle && middle < after.order) return { order: middle, renumbered: [] };
  const renumbered: Topic[] = [];
  siblings.forEach((sibling, i) => {
    const order = i < index ? i : i + 1;
    if (sibling.order !== order) renumbered.push({ ...sibling, order });
  });
  return { order: index, renumbered };
}

/** Sorted children of `parentId`, without `exceptId`. */
export function siblingsOf(doc: MapDoc, parentId: TopicId, exceptId?: TopicId): readonly Topic[] {
  const children = buildChildIndex(doc).childrenOf(parentId);
  return exceptId === undefined ? children : children.filter((topic) => topic.id !== exceptId);
}

/** The refusals' words in the message language: a refused edit is read in the UI language. */
const refusalWords = () => wordsOf(REFUSAL_WORDS);

/** What a map or a chain holds at most so many of, by the word table's key. */
const ROOM_WORDS = { topics: 'thingsTopics', stages: 'thingsStages', segments: 'thingsSegments', competitors: 'thingsCompetitors', chains: 'thingsChains', steps: 'thingsSteps' } as const;

/**
 * Refuses one more of something a map (or a chain) holds at most `limit` of, in the words of the
 * file reader's limits (limit-refusals.ts), so an edit never makes a map its own file refuses:
 * `stages: the map has 200 stages; a map holds up to 200 stages`.
 * @example requireRoomFor(doc.map.stages.length, MAX_STAGES, 'stages', 'stages')
 */
export function requireRoomFor(count: number, limit: number, field: string, word: keyof typeof ROOM_WORDS, owner: 'map' | 'chain' = 'map'): void {
  const words = refusalWords();
  const template = owner === 'map' ? words.commandRoomMap : words.commandRoomChain;
  if (count >= limit) throw new CommandError(field, fill(template, { count: countText(count), limit: countText(limit), things: words[ROOM_WORDS[word]] }));
}
