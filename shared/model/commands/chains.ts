/** Commands on chains: named customer journeys walking the touchpoints in order (DOMAIN.md §4). */
import { CommandError } from '../errors';
import { describeValue } from '../schema';
import { isRoot, isTouchpoint } from '../selectors';
import type { Chain, ChainId, MapDoc, SegmentId, TopicId } from '../types';
import { MAX_CHAIN_STEPS, MAX_CHAINS } from '../../limits';
import { nameOf, requireChain, requireIndex, requireName, requireNewId, requireRoomFor, requireTopic, withChains } from './internal';

function requireSegment(doc: MapDoc, segmentId: SegmentId): void {
  if (!doc.map.segments.some((segment) => segment.id === segmentId)) {
    throw new CommandError('segmentId', `${describeValue(segmentId)} is not a segment of this map`);
  }
}

/** Adds an empty chain, last in the chain list, optionally for one customer segment. */
export function addChain(doc: MapDoc, args: { readonly id: ChainId; readonly name: string; readonly segmentId?: SegmentId }): MapDoc {
  requireRoomFor(doc.chainOrder.length, MAX_CHAINS, 'chains', 'chains');
  const id = requireNewId(args.id, (c) => Object.hasOwn(doc.chains, c), 'a chain');
  const name = requireName(args.name);
  if (args.segmentId !== undefined) requireSegment(doc, args.segmentId);
  const chain: Chain = args.segmentId === undefined ? { id, name, steps: [] } : { id, name, segmentId: args.segmentId, steps: [] };
  return withChains(doc, [chain]);
}

/** Renames a chain; names are trimmed and never empty. */
export function renameChain(doc: MapDoc, chainId: ChainId, name: string): MapDoc {
  const chain = requireChain(doc, chainId);
  const next = requireName(name);
  return chain.name === next ? doc : withChains(doc, [{ ...chain, name: next }]);
}

/** Sets the chain's segment, or with null / undefined makes it a chain for every segment. */
export function setChainSegment(doc: MapDoc, chainId: ChainId, segmentId: SegmentId | null | undefined): MapDoc {
  const chain = requireChain(doc, chainId);
  if (segmentId === null || segmentId === undefined) {
    if (chain.segmentId === undefined) return doc;
    const { segmentId: _segmentId, ...rest } = chain;
    return withChains(doc, [rest]);
  }
  requireSegment(doc, segmentId);
  return chain.segmentId === segmentId ? doc : withChains(doc, [{ ...chain, segmentId }]);
}

/** Adds a touchpoint as the chain's last step; a touchpoint may appear more than once. */
export function appendChainStep(doc: MapDoc, chainId: ChainId, topicId: TopicId): MapDoc {
  const chain = requireChain(doc, chainId);
  requireRoomFor(chain.steps.length, MAX_CHAIN_STEPS, 'steps', 'steps', 'chain');
  const topic = requireTopic(doc, topicId, 'topicId');
  if (!isTouchpoint(doc, topic.id)) {
    const what = isRoot(topic) ? 'the root' : 'a detail';
    throw new CommandError('topicId', `${nameOf(topic)} is ${what}, not a touchpoint; chains walk touchpoints`);
  }
  return withChains(doc, [{ ...chain, steps: [...chain.steps, topic.id] }]);
}

/** Moves the step at `from` to position `to` (both 0…steps − 1). */
export function moveChainStep(doc: MapDoc, chainId: ChainId, from: number, to: number): MapDoc {
  const chain = requireChain(doc, chainId);
  requireIndex(from, chain.steps.length, 'from');
  requireIndex(to, chain.steps.length, 'to');
  if (from === to) return doc;
  const steps = [...chain.steps];
  const [step] = steps.splice(from, 1);
  steps.splice(to, 0, step as TopicId);
  return withChains(doc, [{ ...chain, steps }]);
}

/** Removes the step at `index` (by position, since a touchpoint may appear more than once). */
export function removeChainStep(doc: MapDoc, chainId: ChainId, index: number): MapDoc {
  const chain = requireChain(doc, chainId);
  requireIndex(index, chain.steps.length);
  return withChains(doc, [{ ...chain, steps: chain.steps.filter((_, i) => i !== index) }]);
}

/** Deletes a chain; its touchpoints stay on the map. */
export function deleteChain(doc: MapDoc, chainId: ChainId): MapDoc {
  requireChain(doc, chainId);
  return withChains(doc, [], [chainId]);
}

/** Moves a chain to position `index` (0…chains − 1) in the chain list. */
export function reorderChain(doc: MapDoc, chainId: ChainId, index: number): MapDoc {
  requireChain(doc, chainId);
  const from = doc.chainOrder.indexOf(chainId);
  requireIndex(index, doc.chainOrder.length);
  if (from === index) return doc;
  const rest = doc.chainOrder.filter((id) => id !== chainId);
  return { ...doc, chainOrder: [...rest.slice(0, index), chainId, ...rest.slice(index)] };
}
