/**
 * Journey curves: each chain's steps in order with our score and each competitor's, the chain's
 * weak link (the same `weakLink` the canvas marks) and the steps that have no score yet — where
 * the curve has a hole, and the weak link cannot be known for sure until they are rated.
 */
import { chainsOf, competitorScoreOf, topicOf, unscoredSteps, weakLink, type ChainStepRef } from '../selectors';
import type { ChainId, CompetitorId, MapDoc, TopicId } from '../types';

export interface JourneyStep {
  /** Position in the chain (a touchpoint may appear at several). */
  readonly index: number;
  readonly topicId: TopicId;
  readonly label: string;
  readonly ours: number | undefined;
  /** Per competitor id: their score at this step, undefined when not rated. */
  readonly competitors: Readonly<Record<CompetitorId, number | undefined>>;
  readonly unscored: boolean;
}

export interface JourneyCurve {
  readonly chainId: ChainId;
  readonly name: string;
  readonly steps: readonly JourneyStep[];
  readonly weakLink: (ChainStepRef & { readonly score: number }) | undefined;
  /** How many steps have no score of ours. */
  readonly unscored: number;
}

/**
 * Every chain of the map, in the user's order, as a curve of scores.
 * @example journeyCurves(doc)[0].weakLink // { index: 3, topicId: 't-reception', score: 3 }
 */
export function journeyCurves(doc: MapDoc): JourneyCurve[] {
  return chainsOf(doc).map((chain) => {
    const holes = new Set(unscoredSteps(doc, chain).map((s) => s.index));
    const steps = chain.steps.map((topicId, index): JourneyStep => {
      const topic = topicOf(doc, topicId);
      const competitors: Record<CompetitorId, number | undefined> = {};
      for (const c of doc.map.competitors) competitors[c.id] = topic ? competitorScoreOf(topic, c.id) : undefined;
      return { index, topicId, label: topic?.label ?? '', ours: topic?.score, competitors, unscored: holes.has(index) };
    });
    return { chainId: chain.id, name: chain.name, steps, weakLink: weakLink(doc, chain), unscored: holes.size };
  });
}
