/**
 * The priority matrix: importance (how much a touchpoint matters, 1–10) against our score (0–10),
 * one quadrant per rated touchpoint — what to fix first, what to keep, what to watch and where
 * effort may be over-invested (DOMAIN.md §5.4–5.5).
 *
 * The thresholds, stated once: a touchpoint is **important** from importance 6 up (the upper half
 * of 1–10), and scores **high** from 6 up — a 5 is the scale's "OK", which the method asks to turn
 * into a wow, so it still counts as low here.
 */
import { touchpointsOf } from '../selectors';
import type { MapDoc, TopicId } from '../types';

export const PRIORITY_THRESHOLDS = { importance: 6, score: 6 } as const;

export type Quadrant = 'fix-first' | 'keep' | 'watch' | 'over-invested';
/** The quadrants in reading order: top-left, top-right, bottom-left, bottom-right of the matrix. */
export const QUADRANTS: readonly Quadrant[] = ['fix-first', 'keep', 'watch', 'over-invested'];

export interface PriorityPoint {
  readonly topicId: TopicId;
  readonly label: string;
  readonly importance: number;
  readonly score: number;
  readonly quadrant: Quadrant;
}

export interface PriorityMatrix {
  readonly thresholds: typeof PRIORITY_THRESHOLDS;
  /** Touchpoints with both an importance and a score, in the map's order. */
  readonly points: readonly PriorityPoint[];
  /** How many touchpoints lack an importance or a score, so are not on the matrix. */
  readonly unplaced: number;
}

/**
 * The quadrant of an importance and a score.
 * @example quadrantOf(9, 2) // 'fix-first'
 */
export function quadrantOf(importance: number, score: number): Quadrant {
  const important = importance >= PRIORITY_THRESHOLDS.importance;
  const high = score >= PRIORITY_THRESHOLDS.score;
  if (important) return high ? 'keep' : 'fix-first';
  return high ? 'over-invested' : 'watch';
}

/**
 * Places every rated touchpoint on the matrix.
 * @example priorityMatrix(doc).points.filter((p) => p.quadrant === 'fix-first')
 */
export function priorityMatrix(doc: MapDoc): PriorityMatrix {
  const points: PriorityPoint[] = [];
  let unplaced = 0;
  for (const topic of touchpointsOf(doc)) {
    if (topic.importance === undefined || topic.score === undefined) {
      unplaced += 1;
      continue;
    }
    points.push({ topicId: topic.id, label: topic.label, importance: topic.importance, score: topic.score, quadrant: quadrantOf(topic.importance, topic.score) });
  }
  return { thresholds: PRIORITY_THRESHOLDS, points, unplaced };
}
