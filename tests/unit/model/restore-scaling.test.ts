/**
 * Opening a map must cost in proportion to its size: restore checks every topic's stage, segments
 * and competitor scores against the map's lists, and a scan of those lists per topic made a map
 * with as many stages and competitors as touchpoints quadratic to open. The check is a ratio of
 * two sizes, not an absolute time, so a slow or busy machine does not make it flaky.
 */
import { describe, expect, it } from 'vitest';
import { restoreMapDoc, type RawMapRows } from '@shared/model/restore';

/** Stored rows of a map with `n` touchpoints and details, and n/2 stages, segments and competitors each referenced. */
function storedRows(n: number): RawMapRows {
  const lists = n / 2;
  const stages = Array.from({ length: lists }, (_, i) => ({ id: `s-${i}`, name: `Stage ${i}` }));
  const segments = Array.from({ length: lists }, (_, i) => ({ id: `g-${i}`, name: `Segment ${i}` }));
  const competitors = Array.from({ length: lists }, (_, i) => ({ id: `c-${i}`, name: `Rival ${i}` }));
  const topics: unknown[] = [{ id: 't-root', parentId: null, order: 0, label: 'Clinic' }];
  for (let i = 0; i < n; i += 1) {
    const ref = i % lists;
    topics.push({
      id: `t-${i}`,
      // Every third topic a touchpoint, the others a line of details under it.
      parentId: i % 3 === 0 ? 't-root' : `t-${i - 1}`,
      order: i,
      label: `Touchpoint ${i}`,
      ...(i % 3 === 0 && { channel: 'online', stageId: `s-${ref}` }),
      segmentIds: [`g-${ref}`],
      competitorScores: { [`c-${ref}`]: i % 11 },
    });
  }
  const chains = [{ id: 'j-1', name: 'Main', segmentId: 'g-0', steps: ['t-0', 't-3', 't-6'] }];
  return { map: { id: 'm-1', title: 'Clinic', locale: 'en', stages, segments, competitors, createdAt: 'x', updatedAt: 'x' }, topics, chains };
}

/**
 * The large size's time over the small one's, each pair measured back to back, the lowest of a
 * few rounds: a burst of other work on the machine (tests share it) or a garbage collection
 * inflates one round, and the cleanest round is the one that tells how the cost grows.
 */
function growth(small: RawMapRows, large: RawMapRows, rounds = 7): number {
  let lowest = Infinity;
  for (let round = 0; round < rounds; round += 1) {
    const started = performance.now();
    restoreMapDoc(small);
    const middle = performance.now();
    restoreMapDoc(large);
    lowest = Math.min(lowest, (performance.now() - middle) / (middle - started));
  }
  return lowest;
}

describe('opening a map', () => {
  it('restores 20,000 topics in less than 6 times the time of 5,000 (linear, not quadratic)', () => {
    const small = storedRows(5_000);
    const large = storedRows(20_000);
    // The first restore also warms the JIT and the schemas, so neither size pays for that.
    const { doc, repairs } = restoreMapDoc(large);
    expect(repairs).toEqual([]);
    expect(Object.keys(doc.topics)).toHaveLength(20_001);
    // Linear is at most 4× (1.4–3× measured); the quadratic restore measured 8–17×.
    expect(growth(small, large)).toBeLessThan(6);
  }, 120_000);
});
