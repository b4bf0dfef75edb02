/**
 * The rating round's figures: which touchpoints it walks and in what order, and what the screen
 * says about the one in front of the room (its stage, channel, the chains it is a step of).
 * Pure, so the order rule is tested without a browser.
 */
import { chainsOf, touchpointsOf } from './selectors';
import type { Channel, MapDoc, TopicId } from './types';

/**
 * The round's order, fixed when it starts: touchpoints without our score first, then the rated
 * ones, each group in map order — so a second round picks up where the first stopped, and a
 * rating given during the round never reshuffles the touchpoints still to come.
 * @example roundOrder(doc) // ['t-chat', 't-phone', 't-website'] when only the website is rated
 */
export function roundOrder(doc: MapDoc): TopicId[] {
  const touchpoints = touchpointsOf(doc);
  const unrated = touchpoints.filter((topic) => topic.score === undefined);
  const rated = touchpoints.filter((topic) => topic.score !== undefined);
  return [...unrated, ...rated].map((topic) => topic.id);
}

export interface ChainPlace {
  readonly name: string;
  /** 1-based step numbers where the touchpoint stands (a chain may walk it twice). */
  readonly steps: readonly number[];
  readonly length: number;
}

export interface RoundCard {
  readonly id: TopicId;
  readonly label: string;
  readonly stage: string | undefined;
  readonly channel: Channel | undefined;
  readonly chains: readonly ChainPlace[];
  readonly importance: number | undefined;
  readonly score: number | undefined;
  readonly competitorScores: Readonly<Record<string, number>>;
}

/** What the round shows of one touchpoint; undefined when it is gone from the map (deleted meanwhile). */
export function roundCard(doc: MapDoc, id: TopicId): RoundCard | undefined {
  const topic = Object.hasOwn(doc.topics, id) ? doc.topics[id] : undefined;
  if (!topic) return undefined;
  const stage = doc.map.stages.find((s) => s.id === topic.stageId)?.name;
  const chains = chainsOf(doc).flatMap((chain) => {
    const steps = chain.steps.flatMap((step, index) => (step === id ? [index + 1] : []));
    return steps.length > 0 ? [{ name: chain.name, steps, length: chain.steps.length }] : [];
  });
  return {
    id,
    label: topic.label,
    stage,
    channel: topic.channel,
    chains,
    importance: topic.importance,
    score: topic.score,
    competitorScores: topic.competitorScores ?? {},
  };
}

/** How many of the round's touchpoints have our score: the progress bar's figure. */
export function ratedCount(doc: MapDoc, order: readonly TopicId[]): number {
  return order.filter((id) => Object.hasOwn(doc.topics, id) && doc.topics[id]?.score !== undefined).length;
}
