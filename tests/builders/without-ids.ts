/**
 * A map with every id replaced by what it names (stage, segment and competitor names, a topic's
 * label path), so two maps compare equal when they are the same map "ids aside" — what an import
 * that gives every record a fresh id must keep.
 */
import type { MapDoc, Topic, TopicId } from '@shared/model/types';

export function withoutIds(doc: MapDoc): unknown {
  const name = (list: readonly { id: string; name: string }[], id: string) => list.find((r) => r.id === id)?.name ?? `?${id}`;
  const { map } = doc;
  const topics = Object.values(doc.topics);
  const pathOf = (id: TopicId): string => {
    const t = doc.topics[id];
    if (!t) return `?${id}`;
    return t.parentId === null ? t.label : `${pathOf(t.parentId)} / ${t.label}`;
  };
  const tree = (t: Topic): unknown => {
    const { id: _id, parentId: _parentId, stageId, segmentIds, competitorScores, ...rest } = t;
    return {
      ...rest,
      ...(stageId !== undefined && { stage: name(map.stages, stageId) }),
      ...(segmentIds !== undefined && { segments: segmentIds.map((s) => name(map.segments, s)) }),
      ...(competitorScores !== undefined && {
        competitors: Object.fromEntries(Object.entries(competitorScores).map(([c, score]) => [name(map.competitors, c), score])),
      }),
      children: topics
        .filter((c) => c.parentId === t.id)
        .sort((a, b) => a.order - b.order || a.label.localeCompare(b.label))
        .map(tree),
    };
  };
  const { id: _mapId, ...meta } = map;
  return {
    ...meta,
    stages: map.stages.map((s) => s.name),
    segments: map.segments.map((s) => s.name),
    competitors: map.competitors.map((c) => c.name),
    roots: topics.filter((t) => t.parentId === null).map(tree),
    chains: doc.chainOrder.map((id) => {
      const c = doc.chains[id];
      return c && { name: c.name, segment: c.segmentId && name(map.segments, c.segmentId), steps: c.steps.map(pathOf) };
    }),
  };
}
