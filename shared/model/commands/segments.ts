/** Commands on the map's customer segments and named competitors. */
import { CommandError } from '../errors';
import { describeValue } from '../schema';
import type { Chain, Competitor, CompetitorId, MapDoc, Segment, SegmentId, Topic } from '../types';
import { MAX_COMPETITORS, MAX_SEGMENTS } from '../../limits';
import { omitKeys, requireName, requireNewId, requireRoomFor, withChains, withMap, withTopics } from './internal';

type Named = Segment | Competitor;

function renamed<T extends Named>(list: readonly T[], id: string, name: string, what: string): readonly T[] | undefined {
  const index = list.findIndex((entry) => entry.id === id);
  if (index < 0) throw new CommandError('id', `${describeValue(id)} is not ${what} of this map`);
  const next = requireName(name);
  if ((list[index] as T).name === next) return undefined;
  return list.map((entry, i) => (i === index ? { ...entry, name: next } : entry));
}

function requireListed(list: readonly Named[], id: string, what: string): void {
  if (!list.some((entry) => entry.id === id)) throw new CommandError('id', `${describeValue(id)} is not ${what} of this map`);
}

/** Adds a customer segment (the map can then be read one segment at a time). */
export function addSegment(doc: MapDoc, args: { readonly id: SegmentId; readonly name: string }): MapDoc {
  const { segments } = doc.map;
  requireRoomFor(segments.length, MAX_SEGMENTS, 'segments', 'segments');
  const id = requireNewId(args.id, (s) => segments.some((segment) => segment.id === s), 'a segment');
  return withMap(doc, { ...doc.map, segments: [...segments, { id, name: requireName(args.name) }] });
}

/** Renames a segment; names are trimmed and never empty. */
export function renameSegment(doc: MapDoc, id: SegmentId, name: string): MapDoc {
  const segments = renamed(doc.map.segments, id, name, 'a segment');
  return segments ? withMap(doc, { ...doc.map, segments }) : doc;
}

/** Removes a segment, and with it every topic's and chain's reference to it. */
export function removeSegment(doc: MapDoc, id: SegmentId): MapDoc {
  requireListed(doc.map.segments, id, 'a segment');
  const topics: Topic[] = [];
  for (const topic of Object.values(doc.topics)) {
    if (!topic.segmentIds?.includes(id)) continue;
    const segmentIds = topic.segmentIds.filter((segment) => segment !== id);
    topics.push(segmentIds.length === 0 ? omitKeys(topic, ['segmentIds']) : { ...topic, segmentIds });
  }
  const chains: Chain[] = [];
  for (const chain of Object.values(doc.chains)) {
    if (chain.segmentId !== id) continue;
    const { segmentId: _segmentId, ...rest } = chain;
    chains.push(rest);
  }
  const next = withMap(doc, { ...doc.map, segments: doc.map.segments.filter((segment) => segment.id !== id) });
  return withChains(withTopics(next, topics), chains);
}

/** Adds a competitor, whose score every touchpoint can then carry next to ours. */
export function addCompetitor(doc: MapDoc, args: { readonly id: CompetitorId; readonly name: string }): MapDoc {
  const { competitors } = doc.map;
  requireRoomFor(competitors.length, MAX_COMPETITORS, 'competitors', 'competitors');
  const id = requireNewId(args.id, (c) => competitors.some((competitor) => competitor.id === c), 'a competitor');
  return withMap(doc, { ...doc.map, competitors: [...competitors, { id, name: requireName(args.name) }] });
}

/** Renames a competitor; names are trimmed and never empty. */
export function renameCompetitor(doc: MapDoc, id: CompetitorId, name: string): MapDoc {
  const competitors = renamed(doc.map.competitors, id, name, 'a competitor');
  return competitors ? withMap(doc, { ...doc.map, competitors }) : doc;
}

/** Removes a competitor and every score given to it. */
export function removeCompetitor(doc: MapDoc, id: CompetitorId): MapDoc {
  requireListed(doc.map.competitors, id, 'a competitor');
  const topics: Topic[] = [];
  for (const topic of Object.values(doc.topics)) {
    if (!topic.competitorScores || !Object.hasOwn(topic.competitorScores, id)) continue;
    const { [id]: _score, ...competitorScores } = topic.competitorScores;
    topics.push(Object.keys(competitorScores).length === 0 ? omitKeys(topic, ['competitorScores']) : { ...topic, competitorScores });
  }
  const next = withMap(doc, { ...doc.map, competitors: doc.map.competitors.filter((competitor) => competitor.id !== id) });
  return withTopics(next, topics);
}
