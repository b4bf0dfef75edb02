/**
 * What the views show of the chains (DOMAIN.md §4), computed from the document: each chain's
 * steps with their scores, its weak link and its unscored steps; the directed links between
 * consecutive steps of the chains shown on the map; the weak-link touchpoints to mark.
 *
 * Pure (no React, no DOM): the mind map, the grid and the exports all start from here.
 * Which chains are shown is UI state (chain-ui.ts), passed in as the set of hidden chain ids.
 */
import { chainsOf, scoreBand, topicOf, unscoredSteps, weakLink, type ScoreBand } from '@shared/model/selectors';
import type { Chain, ChainId, MapDoc, TopicId } from '@shared/model/types';

/** One step of a chain as the Chains panel lists it. */
export interface ChainStepView {
  /** Position in `chain.steps` (a touchpoint may walk the chain twice). */
  readonly index: number;
  readonly topicId: TopicId;
  /** The touchpoint's label; empty when the step names a topic that no longer exists. */
  readonly label: string;
  readonly score: number | undefined;
  readonly band: ScoreBand | undefined;
  readonly weak: boolean;
  readonly missing: boolean;
}

/** A chain with everything the panel says about it. */
export interface ChainSummary {
  readonly chain: Chain;
  /** Its place in the chain list: picks its colour. */
  readonly colourIndex: number;
  readonly steps: readonly ChainStepView[];
  /** The weak link's step (lowest score, earliest on a tie), or undefined while no step is scored. */
  readonly weak: ChainStepView | undefined;
  readonly unscored: readonly ChainStepView[];
}

/**
 * Every chain of the map, in the user's order, with its steps, weak link and unscored steps.
 * @example summarizeChains(doc)[0].weak?.label // 'Booking by phone'
 */
export function summarizeChains(doc: MapDoc): ChainSummary[] {
  return chainsOf(doc).map((chain, colourIndex) => {
    const weakRef = weakLink(doc, chain);
    const unscoredAt = new Set(unscoredSteps(doc, chain).map((step) => step.index));
    const steps = chain.steps.map((topicId, index): ChainStepView => {
      const topic = topicOf(doc, topicId);
      return {
        index,
        topicId,
        label: topic?.label ?? '',
        score: topic?.score,
        band: scoreBand(topic?.score),
        weak: weakRef?.index === index,
        missing: topic === undefined,
      };
    });
    return {
      chain,
      colourIndex,
      steps,
      weak: weakRef === undefined ? undefined : steps[weakRef.index],
      unscored: steps.filter((step) => unscoredAt.has(step.index) && !step.missing),
    };
  });
}

/** A directed link from one step of a shown chain to the next. */
export interface ChainLink {
  /** `chain:<chainId>:<n>`: unique among all links. */
  readonly id: string;
  readonly chainId: ChainId;
  readonly chainName: string;
  readonly colourIndex: number;
  /** Among the shown chains, 0 for the first: links of different chains between the same nodes bow apart by lane. */
  readonly lane: number;
  readonly from: TopicId;
  readonly to: TopicId;
  /** 1 for the link from the first step to the second. */
  readonly number: number;
}

/**
 * The links of every chain not in `hidden`, in chain order then step order. A step whose
 * touchpoint no longer exists is skipped, so the walk joins the steps either side of it.
 * @example chainLinks(doc, new Set()).map((l) => l.number) // [1, 2, 3] for a four-step chain
 */
export function chainLinks(doc: MapDoc, hidden: ReadonlySet<ChainId>): ChainLink[] {
  const links: ChainLink[] = [];
  let lane = 0;
  chainsOf(doc).forEach((chain, colourIndex) => {
    if (hidden.has(chain.id)) return;
    const steps = chain.steps.filter((id) => topicOf(doc, id) !== undefined);
    for (let i = 0; i + 1 < steps.length; i += 1) {
      links.push({
        id: `chain:${chain.id}:${i + 1}`,
        chainId: chain.id,
        chainName: chain.name,
        colourIndex,
        lane,
        from: steps[i] as TopicId,
        to: steps[i + 1] as TopicId,
        number: i + 1,
      });
    }
    lane += 1;
  });
  return links;
}

const stepCache = new WeakMap<MapDoc['chains'], ReadonlySet<TopicId>>();

/**
 * Every topic that is a step of some chain, shown or hidden: the nodes chain links may attach to,
 * the only ones that carry side handles (nodes.tsx). Cached per chains record.
 */
export function chainStepIds(doc: MapDoc): ReadonlySet<TopicId> {
  let ids = stepCache.get(doc.chains);
  if (!ids) {
    ids = new Set(chainsOf(doc).flatMap((chain) => chain.steps));
    stepCache.set(doc.chains, ids);
  }
  return ids;
}

const weakCache = new WeakMap<MapDoc['chains'], WeakMap<MapDoc['topics'], WeakMap<ReadonlySet<ChainId>, ReadonlySet<TopicId>>>>();

/**
 * The touchpoints that are the weak link of a shown chain. Every topic node asks this on every
 * store change, so the set is cached per (chains, topics, hidden) records: a lookup, not a walk.
 */
export function weakLinkIds(doc: MapDoc, hidden: ReadonlySet<ChainId>): ReadonlySet<TopicId> {
  let byTopics = weakCache.get(doc.chains);
  if (!byTopics) weakCache.set(doc.chains, (byTopics = new WeakMap()));
  let byHidden = byTopics.get(doc.topics);
  if (!byHidden) byTopics.set(doc.topics, (byHidden = new WeakMap()));
  const cached = byHidden.get(hidden);
  if (cached) return cached;
  const ids = new Set<TopicId>();
  for (const chain of chainsOf(doc)) {
    if (hidden.has(chain.id)) continue;
    const weak = weakLink(doc, chain);
    if (weak) ids.add(weak.topicId);
  }
  byHidden.set(hidden, ids);
  return ids;
}

/**
 * A name for the next new chain that no chain has yet: "Chain 1", "Chain 2"…
 * @example nextChainName(doc, 'Chain') // 'Chain 3' when "Chain 1" and "Chain 2" exist
 */
export function nextChainName(doc: MapDoc, base: string): string {
  const taken = new Set(chainsOf(doc).map((chain) => chain.name));
  for (let n = chainsOf(doc).length + 1; ; n += 1) {
    if (!taken.has(`${base} ${n}`)) return `${base} ${n}`;
  }
}
