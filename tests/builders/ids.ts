/**
 * Ids written by hand in tests. The model's ids are typed by kind (shared/model/ids.ts), so a
 * literal says which kind it is: `asId.topic('t1')`, `asId.stage('s-aw')`. Builders and fixtures
 * hand out typed ids already (`clinic.ids.topic('Website')`); this is for the rest.
 *
 * It is the model's own boundary brand, so a test can also write what no file or database would
 * hold (`asId.topic('__proto__')`) to check the model refuses it.
 */
import { chainIdFrom, competitorIdFrom, mapIdFrom, segmentIdFrom, stageIdFrom, topicIdFrom } from '@shared/model/ids';
import type { IdMaker, IdOf, IdPrefix } from '@shared/model/ids';
import type { TopicId } from '@shared/model/types';

export const asId = {
  map: mapIdFrom,
  topic: topicIdFrom,
  stage: stageIdFrom,
  segment: segmentIdFrom,
  competitor: competitorIdFrom,
  chain: chainIdFrom,
  /** Several topic ids at once: `asId.topics('t1', 't2')`. */
  topics: (...texts: readonly string[]): TopicId[] => texts.map(topicIdFrom),
  /** An id maker from a test's own counter: `asId.maker((prefix) => `${prefix}-${++n}`)`. */
  maker:
    (make: (prefix: IdPrefix) => string): IdMaker =>
    <P extends IdPrefix>(prefix: P) =>
      make(prefix) as IdOf<P>,
} as const;
