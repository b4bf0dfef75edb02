/** The part of a map the room shows participants: stages, touchpoints (no details), chains. */
import { touchpointsOf, type MapDoc, type TopicId } from '../model';
import type { Published, Slide } from './room-doc';

export function publishedView(doc: MapDoc, slide?: Slide): Published {
  const touchpoints = new Set<TopicId>();
  return {
    title: doc.map.title,
    locale: doc.map.locale,
    stages: doc.map.stages.map(({ id, name }) => ({ id, name })),
    touchpoints: touchpointsOf(doc).map((topic) => {
      touchpoints.add(topic.id);
      return {
        id: topic.id,
        label: topic.label,
        ...(topic.stageId ? { stageId: topic.stageId } : {}),
        ...(topic.channel ? { channel: topic.channel } : {}),
      };
    }),
    chains: doc.chainOrder
      .map((id) => doc.chains[id])
      .filter((chain) => chain !== undefined)
      .map((chain) => ({ id: chain.id, name: chain.name, steps: chain.steps.filter((step) => touchpoints.has(step)) })),
    ...(slide ? { slide } : {}),
  };
}
