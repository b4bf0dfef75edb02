/**
 * Conversions between the in-memory {@link MapDoc} and the rows of `schema.ts`, and the summaries
 * derived from a doc. Pure: no Dexie, so the diff and the repository share one definition of a row.
 */
import type { Chain, ChainId, MapDoc, MapId, MapMeta, Topic, TopicId } from '@shared/model/types';
import { isRoot, isTouchpointUnder } from '@shared/model/selectors';
import type { ChainRow, MapRow, TopicRow } from './schema';

/** The `topics` row of a topic. */
export function toTopicRow(mapId: MapId, topic: Topic): TopicRow {
  return { ...topic, mapId };
}

/** The `chains` row of a chain at position `order` of the map's `chainOrder`. */
export function toChainRow(mapId: MapId, chain: Chain, order: number): ChainRow {
  return { ...chain, mapId, order };
}

/** The `maps` row of a map. */
export function toMapRow(meta: MapMeta, touchpointCount: number): MapRow {
  return { ...meta, touchpointCount };
}

/** Own-key lookup: a record id must never hit `Object.prototype` (`"constructor"`, `"__proto__"`). */
export function own<T>(record: Readonly<Record<string, T>>, id: string): T | undefined {
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

/** The root topic's id (the one with `parentId: null`), or null if the map has none. */
export function findRootId(topics: MapDoc['topics']): TopicId | null {
  for (const id in topics) {
    const topic = own(topics, id);
    if (topic && isRoot(topic)) return topic.id;
  }
  return null;
}

/** Touchpoints are the root's children (DOMAIN.md); details below them are not counted. O(topics). */
export function countTouchpoints(topics: MapDoc['topics'], rootId: TopicId | null = findRootId(topics)): number {
  if (rootId === null) return 0;
  let count = 0;
  for (const id in topics) {
    if (isTouchpointUnder(rootId, own(topics, id))) count += 1;
  }
  return count;
}

/**
 * The position of each chain in the map's chain list. Chains missing from `chainOrder` (a doc the
 * model would not produce) sort after the listed ones, in key order, so none is lost.
 */
export function chainPositions(doc: Pick<MapDoc, 'chains' | 'chainOrder'>): Map<ChainId, number> {
  const positions = new Map<ChainId, number>();
  doc.chainOrder.forEach((id, index) => {
    if (!positions.has(id)) positions.set(id, index);
  });
  let next = doc.chainOrder.length;
  for (const key in doc.chains) {
    // A key of a record of chains is a chain id (`for…in` types every key as a plain string).
    const id = key as ChainId;
    if (Object.hasOwn(doc.chains, id) && !positions.has(id)) positions.set(id, next++);
  }
  return positions;
}

/** Every row of a doc, as `createMap` and a full rewrite store them. */
export function docToRows(doc: MapDoc): { map: MapRow; topics: TopicRow[]; chains: ChainRow[] } {
  const mapId = doc.map.id;
  const positions = chainPositions(doc);
  const topics: TopicRow[] = [];
  for (const id in doc.topics) {
    const topic = own(doc.topics, id);
    if (topic) topics.push(toTopicRow(mapId, topic));
  }
  const chains: ChainRow[] = [];
  for (const id in doc.chains) {
    const chain = own(doc.chains, id);
    if (chain) chains.push(toChainRow(mapId, chain, positions.get(chain.id)!));
  }
  return { map: toMapRow(doc.map, countTouchpoints(doc.topics)), topics, chains };
}
