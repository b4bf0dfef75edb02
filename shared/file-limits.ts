/**
 * The limits of limits.ts applied to one map as the .touchmap reader read it: counts and text
 * lengths first (cheap, before the map-wide rules), depth after them (it needs parents that exist
 * and no cycles). Linear in the map's size. The first limit broken refuses the file.
 */
import type { FileRefusal } from './file-refusals';
import { overLimitRefusal } from './limit-refusals';
import {
  MAX_CHAIN_STEPS,
  MAX_CHAINS,
  MAX_COMPETITORS,
  MAX_LABEL_LENGTH,
  MAX_SEGMENTS,
  MAX_STAGES,
  MAX_TEXT_LENGTH,
  MAX_TOPIC_DEPTH,
  MAX_TOPICS_PER_MAP,
} from './limits';
import { countText, fill, quoteName } from './i18n/message-language';
import { refusalWords } from './file-refusals';
import { isRoot } from './model/selectors';
import type { Chain, MapMeta, Topic, TopicId } from './model/types';

/** The topic's text fields that are long texts rather than labels. */
const LONG_TEXT_FIELDS = ['notes', 'team', 'process', 'outcome', 'data'] as const;

const topicWord = (topic: Topic): string => (isRoot(topic) ? refusalWords().limitCentreTopic : fill(refusalWords().limitTopic, { label: quoteName(topic.label) }));

const TEXT_FIELD_WORDS = { notes: 'textNotes', team: 'textTeam', process: 'textProcess', outcome: 'textOutcome', data: 'textData' } as const;

/** Counts and lengths of one map; undefined when all are within their limits. */
export function checkSizeLimits(meta: MapMeta, topics: readonly Topic[], chains: readonly Chain[], mapIndex: number): FileRefusal | undefined {
  const at = `maps[${mapIndex}]`;
  const base = { mapTitle: meta.title };
  const words = refusalWords();
  const counts: readonly [readonly unknown[], number, string, string, string][] = [
    [topics, MAX_TOPICS_PER_MAP, 'MAX_TOPICS_PER_MAP', 'topics', words.thingsTopics],
    [meta.stages, MAX_STAGES, 'MAX_STAGES', 'stages', words.thingsStages],
    [meta.segments, MAX_SEGMENTS, 'MAX_SEGMENTS', 'segments', words.thingsSegments],
    [meta.competitors, MAX_COMPETITORS, 'MAX_COMPETITORS', 'competitors', words.thingsCompetitors],
    [chains, MAX_CHAINS, 'MAX_CHAINS', 'chains', words.thingsChains],
  ];
  for (const [list, limit, limitName, key, things] of counts) {
    if (list.length <= limit) continue;
    const what = fill(words.limitCount, { count: countText(list.length), things });
    return overLimitRefusal({ ...base, path: `${at}.${key}`, what, rule: fill(words.limitCountRule, { limit: countText(limit), things }), size: list.length, limit, limitName });
  }

  const longChain = chains.findIndex((chain) => chain.steps.length > MAX_CHAIN_STEPS);
  if (longChain >= 0) {
    const steps = chains[longChain]!.steps.length;
    return overLimitRefusal({ ...base, path: `${at}.chains[${longChain}].steps`, what: fill(words.limitChainSteps, { name: quoteName(chains[longChain]!.name), count: countText(steps) }), rule: fill(words.limitChainStepsRule, { limit: countText(MAX_CHAIN_STEPS) }), size: steps, limit: MAX_CHAIN_STEPS, limitName: 'MAX_CHAIN_STEPS' });
  }

  const label = (text: string, path: string, owner: string) =>
    text.length <= MAX_LABEL_LENGTH
      ? undefined
      : overLimitRefusal({ ...base, path, what: fill(words.limitLength, { owner, count: countText(text.length) }), rule: fill(words.limitLabelRule, { limit: countText(MAX_LABEL_LENGTH) }), size: text.length, limit: MAX_LABEL_LENGTH, limitName: 'MAX_LABEL_LENGTH' });
  const long = (text: string | undefined, path: string, owner: string) =>
    text === undefined || text.length <= MAX_TEXT_LENGTH
      ? undefined
      : overLimitRefusal({ ...base, path, what: fill(words.limitLength, { owner, count: countText(text.length) }), rule: fill(words.limitTextRule, { limit: countText(MAX_TEXT_LENGTH) }), size: text.length, limit: MAX_TEXT_LENGTH, limitName: 'MAX_TEXT_LENGTH' });

  const problem =
    label(meta.title, `${at}.title`, words.ownerTitle) ??
    firstOf(meta.stages, (s, i) => label(s.name, `${at}.stages[${i}].name`, fill(words.ownerStageName, { n: i + 1 }))) ??
    firstOf(meta.segments, (s, i) => label(s.name, `${at}.segments[${i}].name`, fill(words.ownerSegmentName, { n: i + 1 }))) ??
    firstOf(meta.competitors, (c, i) => label(c.name, `${at}.competitors[${i}].name`, fill(words.ownerCompetitorName, { n: i + 1 }))) ??
    firstOf(chains, (c, i) => label(c.name, `${at}.chains[${i}].name`, fill(words.ownerChainName, { n: i + 1 }))) ??
    firstOf(topics, (t, i) => {
      const here = `${at}.topics[${i}]`;
      if (t.label.length > MAX_LABEL_LENGTH) return label(t.label, `${here}.label`, fill(words.ownerTopicLabel, { n: i + 1 }));
      return (
        firstOf(LONG_TEXT_FIELDS, (field) => long(t[field], `${here}.${field}`, fill(words.ownerTopicField, { field: words[TEXT_FIELD_WORDS[field]], topic: topicWord(t) }))) ??
        long(t.action?.what, `${here}.action.what`, fill(words.ownerTopicAction, { topic: topicWord(t) })) ??
        long(t.action?.owner, `${here}.action.owner`, fill(words.ownerTopicActionOwner, { topic: topicWord(t) }))
      );
    });
  return problem;
}

/**
 * How deep the map goes, once its parents are known to exist and loop nowhere. Each topic's depth
 * is its parent's plus one, memoised, so the walk is linear however the topics are ordered.
 */
export function checkDepthLimit(meta: MapMeta, topics: readonly Topic[], mapIndex: number): FileRefusal | undefined {
  const byId = new Map<TopicId, Topic>(topics.map((t) => [t.id, t]));
  const depth = new Map<TopicId, number>();
  const indexOf = new Map<TopicId, number>(topics.map((t, i) => [t.id, i]));
  for (const start of topics) {
    const path: Topic[] = [];
    let at: Topic | undefined = start;
    while (at && !depth.has(at.id)) {
      if (at.parentId === null) {
        depth.set(at.id, 0);
        break;
      }
      path.push(at);
      at = byId.get(at.parentId);
    }
    let d = at ? (depth.get(at.id) ?? 0) : 0;
    for (let i = path.length - 1; i >= 0; i -= 1) {
      d += 1;
      const topic = path[i] as Topic;
      depth.set(topic.id, d);
      if (d > MAX_TOPIC_DEPTH) {
        return overLimitRefusal({
          mapTitle: meta.title,
          path: `maps[${mapIndex}].topics[${indexOf.get(topic.id) ?? 0}].parentId`,
          what: fill(refusalWords().limitDepth, { topic: topicWord(topic), count: countText(d) }),
          rule: fill(refusalWords().limitDepthRule, { limit: countText(MAX_TOPIC_DEPTH) }),
          size: d,
          limit: MAX_TOPIC_DEPTH,
          limitName: 'MAX_TOPIC_DEPTH',
        });
      }
    }
  }
  return undefined;
}

function firstOf<T, R>(items: readonly T[], check: (item: T, index: number) => R | undefined): R | undefined {
  for (let i = 0; i < items.length; i += 1) {
    const found = check(items[i] as T, i);
    if (found !== undefined) return found;
  }
  return undefined;
}
