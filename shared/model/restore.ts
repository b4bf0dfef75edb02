/**
 * The one validate-and-repair path for a map loaded from IndexedDB (STYLE habit 5). Storage can
 * hold anything an older build, a crash mid-write or a hand edit left there; the editor must still
 * open the map, so everything short of an unusable map id is repaired rather than refused, and
 * every repair is reported in words the user can read ("Some data of this map was damaged…").
 *
 * Repairs: bad field values are dropped (never the whole topic); orphans and cycles are
 * re-attached to the root; a missing root is created; unknown stages, segments and competitors
 * are dropped (a touchpoint with an unknown stage becomes unsorted); a detail's own channel and
 * stage are dropped (it shows its touchpoint's); chain steps that name no touchpoint are removed.
 */
import { RestoreError } from './errors';
import { chainIdFrom, entriesOf, idsOf, newId } from './ids';
import { isRoot, isTouchpointUnder } from './selectors';
import {
  ChainIdSchema,
  CompetitorSchema,
  LocaleSchema,
  MapIdSchema,
  SegmentSchema,
  SlideRefSchema,
  StageSchema,
  TOPIC_FIELD_SCHEMAS,
  TOPIC_FIELD_NAMES,
  TopicIdSchema,
  describeValue,
  issueText,
} from './schema';
import type { Chain, ChainId, CompetitorId, Locale, MapDoc, MapMeta, SegmentId, StageId, Topic, TopicId } from './types';
import type { SlideRef } from './presentation';
import type * as z from 'zod';

export interface RawMapRows {
  readonly map: unknown;
  readonly topics: readonly unknown[];
  /** In the order the user arranged them, unless `chainOrder` says otherwise. */
  readonly chains: readonly unknown[];
  /**
   * Optional: the stored chain order (ids), for storage that cannot keep `chains` ordered. Listed
   * chains come first in this order; chains it does not list follow in row order; unknown ids are ignored.
   */
  readonly chainOrder?: unknown;
}

export interface RestoreOptions {
  /** Stands in for a missing createdAt / updatedAt; defaults to the other one, else the epoch. */
  readonly now?: string;
}

export interface Restored {
  readonly doc: MapDoc;
  /** One line per repair, for the user and the log; empty when the map was sound. */
  readonly repairs: string[];
}

const FALLBACK_TITLE = 'Untitled map';
const FALLBACK_CHAIN_NAME = 'Untitled chain';
const EPOCH = '1970-01-01T00:00:00.000Z';
/** Stands for an unusable parentId while repairing; the schema refuses empty ids, so no topic has it. */
const NO_PARENT = '' as TopicId;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const firstIssue = (error: z.ZodError, prefix: string): string => (error.issues[0] ? issueText(error.issues[0], prefix) : `${prefix}: is not valid`);

/**
 * Validates and repairs a map's stored rows into a MapDoc the commands can trust. Throws a
 * RestoreError only when the map meta is unusable (no valid id), since nothing can be keyed then.
 * @example const { doc, repairs } = restoreMapDoc({ map: row, topics: topicRows, chains: chainRows });
 */
export function restoreMapDoc(raw: RawMapRows, options: RestoreOptions = {}): Restored {
  const repairs: string[] = [];
  const map = restoreMeta(raw.map, options, repairs);
  const topics = restoreTopics(Array.isArray(raw.topics) ? raw.topics : [], map, repairs);
  const { chains, chainOrder } = restoreChains(Array.isArray(raw.chains) ? raw.chains : [], topics, map, repairs);
  return { doc: { map, topics, chains, chainOrder: ordered(chainOrder, raw.chainOrder) }, repairs };
}

/** The chain ids in stored order: those `stored` lists first, the rest after, each once. */
function ordered(ids: readonly ChainId[], stored: unknown): ChainId[] {
  if (!Array.isArray(stored)) return [...ids];
  const present = new Set(ids);
  const out = new Set<ChainId>();
  for (const id of stored) if (typeof id === 'string' && present.has(chainIdFrom(id))) out.add(chainIdFrom(id));
  for (const id of ids) out.add(id);
  return [...out];
}

function restoreMeta(raw: unknown, options: RestoreOptions, repairs: string[]): MapMeta {
  if (!isObject(raw)) throw new RestoreError('map', `${describeValue(raw)} is not a map`);
  const id = MapIdSchema.safeParse(raw.id);
  if (!id.success) throw new RestoreError('map.id', id.error.issues[0]?.message ?? 'is not an id');

  let title = typeof raw.title === 'string' ? raw.title.trim() : '';
  if (title === '') {
    repairs.push(`map title: ${describeValue(raw.title)} is not a title — renamed "${FALLBACK_TITLE}"`);
    title = FALLBACK_TITLE;
  }
  const localeParsed = LocaleSchema.safeParse(raw.locale);
  let locale: Locale = 'en';
  if (localeParsed.success) locale = localeParsed.data;
  else repairs.push(`map locale: ${localeParsed.error.issues[0]?.message ?? 'is not valid'} — set to "en"`);

  const stamp = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value : undefined);
  const createdAt = stamp(raw.createdAt);
  const updatedAt = stamp(raw.updatedAt);
  if (!createdAt || !updatedAt) repairs.push('map: a missing creation or change time was filled in');

  return {
    id: id.data,
    title,
    locale,
    stages: restoreList(raw.stages, StageSchema, 'stage', repairs),
    segments: restoreList(raw.segments, SegmentSchema, 'segment', repairs),
    competitors: restoreList(raw.competitors, CompetitorSchema, 'competitor', repairs),
    createdAt: createdAt ?? updatedAt ?? options.now ?? EPOCH,
    updatedAt: updatedAt ?? createdAt ?? options.now ?? EPOCH,
    ...restorePresentation(raw.presentation, repairs),
  };
}

/**
 * The saved deck: a slide that does not read is dropped, the others kept in order. No deck, or
 * one that is not an object, leaves the field out (the default deck shows). Slides naming a stage
 * or chain deleted since are kept: presenting skips them.
 */
function restorePresentation(raw: unknown, repairs: string[]): Pick<MapMeta, 'presentation'> {
  if (raw === undefined) return {};
  if (!isObject(raw) || !Array.isArray(raw.slides)) {
    repairs.push(`map presentation: ${describeValue(raw)} is not a deck — the default slides show`);
    return {};
  }
  const kept: SlideRef[] = [];
  raw.slides.forEach((entry: unknown, i) => {
    const parsed = SlideRefSchema.safeParse(entry);
    if (parsed.success) kept.push(parsed.data);
    else repairs.push(`${firstIssue(parsed.error, `presentation.slides[${i}]`)} — slide dropped`);
  });
  return { presentation: { slides: kept } };
}

/** Stages, segments or competitors: invalid and duplicate entries are dropped, the rest kept in order. */
function restoreList<T extends { readonly id: string }>(raw: unknown, schema: z.ZodType<T>, what: string, repairs: string[]): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    repairs.push(`map ${what}s: ${describeValue(raw)} is not a list — no ${what}s kept`);
    return [];
  }
  const out: T[] = [];
  const kept = new Set<string>();
  raw.forEach((entry: unknown, i) => {
    const parsed = schema.safeParse(entry);
    if (!parsed.success) repairs.push(`${firstIssue(parsed.error, `${what}s[${i}]`)} — ${what} dropped`);
    else if (kept.has(parsed.data.id)) repairs.push(`${what}s[${i}]: id ${describeValue(parsed.data.id)} repeats — ${what} dropped`);
    else {
      kept.add(parsed.data.id);
      out.push(parsed.data);
    }
  });
  return out;
}

type Draft = { -readonly [K in keyof Topic]: Topic[K] };

/**
 * The ids of the map's stages, segments and competitors as sets, built once: every topic checks its
 * references against them, so a lookup must not cost a scan of the list (that made opening a map
 * quadratic in its size).
 */
interface KnownIds {
  readonly stages: ReadonlySet<StageId>;
  readonly segments: ReadonlySet<SegmentId>;
  readonly competitors: ReadonlySet<CompetitorId>;
}

function knownIdsOf(map: MapMeta): KnownIds {
  return {
    stages: new Set(map.stages.map((stage) => stage.id)),
    segments: new Set(map.segments.map((segment) => segment.id)),
    competitors: new Set(map.competitors.map((competitor) => competitor.id)),
  };
}

function restoreTopics(raw: readonly unknown[], map: MapMeta, repairs: string[]): Record<TopicId, Topic> {
  const drafts = new Map<TopicId, Draft>();
  const known = knownIdsOf(map);
  const needsOrder = new Set<TopicId>();
  raw.forEach((entry, i) => {
    const id = isObject(entry) ? TopicIdSchema.safeParse(entry.id) : undefined;
    if (!isObject(entry) || !id?.success) {
      repairs.push(`topics[${i}]: ${isObject(entry) ? 'no valid id' : `${describeValue(entry)} is not a topic`} — dropped`);
      return;
    }
    if (drafts.has(id.data)) {
      repairs.push(`topics[${i}]: id ${describeValue(id.data)} repeats — the later topic was dropped`);
      return;
    }
    drafts.set(id.data, restoreTopic(id.data, entry, known, repairs, needsOrder));
  });

  const root = chooseRoot(drafts, map, repairs);
  attachStrays(drafts, root, repairs);
  for (const draft of drafts.values()) {
    if (isTouchpointUnder(root.id, draft) || (draft.channel === undefined && draft.stageId === undefined)) continue;
    repairs.push(`${topicName(draft)}: a ${draft === root ? 'root' : 'detail'} has no channel or stage of its own — removed`);
    delete draft.channel;
    delete draft.stageId;
  }
  placeUnordered(drafts, needsOrder);
  return Object.fromEntries(drafts) as Record<TopicId, Topic>;
}

function topicName(topic: { readonly id: TopicId; readonly label: string }): string {
  return topic.label.trim() === '' ? `topic ${topic.id}` : `topic ${describeValue(topic.label)}`;
}

/** One topic, field by field: a bad value is dropped and noted, the topic kept. */
function restoreTopic(id: TopicId, raw: Record<string, unknown>, known: KnownIds, repairs: string[], needsOrder: Set<TopicId>): Draft {
  const label = typeof raw.label === 'string' ? raw.label : '';
  const name = topicName({ id, label });
  if (typeof raw.label !== 'string') repairs.push(`${name}: label ${describeValue(raw.label)} is not text — emptied`);
  const parent = raw.parentId === null ? null : TopicIdSchema.safeParse(raw.parentId);
  let order = 0;
  if (typeof raw.order === 'number' && Number.isFinite(raw.order)) order = raw.order;
  else {
    needsOrder.add(id);
    repairs.push(`${name}: order ${describeValue(raw.order)} is not a number — placed last among its siblings`);
  }
  // A parentId that is not an id becomes NO_PARENT, which names no topic: attachStrays re-attaches it.
  if (parent !== null && !parent.success) repairs.push(`${name}: ${firstIssue(parent.error, 'parentId')} — now a touchpoint`);
  const draft: Draft = { id, parentId: parent === null ? null : parent.success ? parent.data : NO_PARENT, order, label };
  const drop = (problem: string) => repairs.push(`${name}: ${problem} — removed`);

  for (const field of TOPIC_FIELD_NAMES) {
    if (field === 'label' || raw[field] === undefined) continue;
    const parsed = TOPIC_FIELD_SCHEMAS[field].safeParse(raw[field]);
    if (!parsed.success) {
      drop(firstIssue(parsed.error, field));
      continue;
    }
    const value: unknown = parsed.data;
    if (field === 'stageId' && !known.stages.has(value as StageId)) {
      drop(`stageId: ${describeValue(value)} is not a stage of this map (now unsorted)`);
    } else if (field === 'segmentIds') {
      const kept = [...new Set(value as SegmentId[])].filter((segmentId) => known.segments.has(segmentId));
      const unknown = (value as SegmentId[]).filter((segmentId) => !known.segments.has(segmentId));
      if (unknown.length > 0) drop(`segmentIds: ${unknown.map((s) => describeValue(s)).join(', ')} not segments of this map`);
      if (kept.length > 0) draft.segmentIds = kept;
    } else if (field === 'competitorScores') {
      const scores = value as Record<CompetitorId, number>;
      const kept = entriesOf(scores).filter(([competitorId]) => known.competitors.has(competitorId));
      if (kept.length < Object.keys(scores).length) {
        const unknown = idsOf(scores).filter((competitorId) => !known.competitors.has(competitorId));
        drop(`competitorScores: ${unknown.map((c) => describeValue(c)).join(', ')} not competitors of this map`);
      }
      if (kept.length > 0) draft.competitorScores = Object.fromEntries(kept);
    } else {
      (draft as Record<string, unknown>)[field] = value;
    }
  }
  return draft;
}

/** Exactly one root: the first topic without a parent; further ones become touchpoints; none → one is made. */
function chooseRoot(drafts: Map<TopicId, Draft>, map: MapMeta, repairs: string[]): Draft {
  let root: Draft | undefined;
  for (const draft of drafts.values()) {
    if (!isRoot(draft)) continue;
    if (!root) {
      root = draft;
      continue;
    }
    draft.parentId = root.id;
    repairs.push(`${topicName(draft)}: a second root — now a touchpoint`);
  }
  if (root) return root;
  let id = newId('t');
  while (drafts.has(id)) id = newId('t');
  const created: Draft = { id, parentId: null, order: 0, label: map.title };
  drafts.set(id, created);
  if (drafts.size > 1) repairs.push(`the map had no root topic — one named ${describeValue(map.title)} was created`);
  else repairs.push('the map had no topics — its root topic was created');
  return created;
}

/**
 * Re-attaches to the root every topic the root cannot reach: orphans (their parent is missing)
 * and cycles (a parent chain that loops). For a cycle, the topic at which the loop closes moves,
 * so the rest of the loop stays together under it.
 */
function attachStrays(drafts: Map<TopicId, Draft>, root: Draft, repairs: string[]): void {
  for (const draft of drafts.values()) {
    if (draft.parentId === null || drafts.has(draft.parentId)) continue;
    if (draft.parentId !== NO_PARENT) repairs.push(`${topicName(draft)}: its parent ${describeValue(draft.parentId)} is missing — now a touchpoint`);
    draft.parentId = root.id;
  }
  const reachable = new Set<TopicId>([root.id]);
  const children = new Map<TopicId, Draft[]>();
  for (const draft of drafts.values()) {
    if (draft.parentId === null) continue;
    const list = children.get(draft.parentId);
    if (list) list.push(draft);
    else children.set(draft.parentId, [draft]);
  }
  const reach = (from: TopicId) => {
    const stack = [from];
    while (stack.length > 0) {
      for (const child of children.get(stack.pop() as TopicId) ?? []) {
        if (reachable.has(child.id)) continue;
        reachable.add(child.id);
        stack.push(child.id);
      }
    }
  };
  reach(root.id);
  for (const draft of drafts.values()) {
    if (reachable.has(draft.id)) continue;
    const path = new Set<TopicId>();
    let at: Draft = draft;
    while (!path.has(at.id) && !reachable.has(at.id)) {
      path.add(at.id);
      at = drafts.get(at.parentId as TopicId) as Draft;
    }
    if (reachable.has(at.id)) continue;
    const oldParent = at.parentId as TopicId;
    children.set(oldParent, (children.get(oldParent) ?? []).filter((child) => child !== at));
    at.parentId = root.id;
    repairs.push(`${topicName(at)}: its parents looped back to it — now a touchpoint`);
    reachable.add(at.id);
    reach(at.id);
  }
}

/** Topics that had no usable order go last among their siblings, in load order. */
function placeUnordered(drafts: Map<TopicId, Draft>, needsOrder: ReadonlySet<TopicId>): void {
  if (needsOrder.size === 0) return;
  const last = new Map<TopicId | null, number>();
  for (const draft of drafts.values()) {
    if (needsOrder.has(draft.id)) continue;
    last.set(draft.parentId, Math.max(last.get(draft.parentId) ?? -1, draft.order));
  }
  for (const id of needsOrder) {
    const draft = drafts.get(id);
    if (!draft) continue;
    const order = (last.get(draft.parentId) ?? -1) + 1;
    draft.order = order;
    last.set(draft.parentId, order);
  }
}

function restoreChains(
  raw: readonly unknown[],
  topics: Readonly<Record<TopicId, Topic>>,
  map: MapMeta,
  repairs: string[],
): { chains: Record<ChainId, Chain>; chainOrder: ChainId[] } {
  const chains: Record<ChainId, Chain> = {};
  const chainOrder: ChainId[] = [];
  const isTouchpointId = (id: unknown): id is TopicId => {
    if (typeof id !== 'string' || !Object.hasOwn(topics, id)) return false;
    const parentId = (topics[id as TopicId] as Topic).parentId;
    return parentId !== null && Object.hasOwn(topics, parentId) && isRoot(topics[parentId] as Topic);
  };
  raw.forEach((entry, i) => {
    const id = isObject(entry) ? ChainIdSchema.safeParse(entry.id) : undefined;
    if (!isObject(entry) || !id?.success) {
      repairs.push(`chains[${i}]: ${isObject(entry) ? 'no valid id' : `${describeValue(entry)} is not a chain`} — dropped`);
      return;
    }
    if (Object.hasOwn(chains, id.data)) {
      repairs.push(`chains[${i}]: id ${describeValue(id.data)} repeats — the later chain was dropped`);
      return;
    }
    let name = typeof entry.name === 'string' ? entry.name.trim() : '';
    if (name === '') {
      repairs.push(`chain ${id.data}: name ${describeValue(entry.name)} is not a name — renamed "${FALLBACK_CHAIN_NAME}"`);
      name = FALLBACK_CHAIN_NAME;
    }
    const label = `chain ${describeValue(name)}`;
    const rawSteps: readonly unknown[] = Array.isArray(entry.steps) ? entry.steps : [];
    if (!Array.isArray(entry.steps)) repairs.push(`${label}: steps ${describeValue(entry.steps)} is not a list — emptied`);
    const steps = rawSteps.filter(isTouchpointId);
    if (steps.length < rawSteps.length) {
      const n = rawSteps.length - steps.length;
      repairs.push(`${label}: ${n} step${n === 1 ? '' : 's'} naming no touchpoint of this map — removed`);
    }
    const chain: Chain = { id: id.data, name, steps };
    if (entry.segmentId !== undefined) {
      const segmentId = typeof entry.segmentId === 'string' ? map.segments.find((segment) => segment.id === entry.segmentId)?.id : undefined;
      if (segmentId !== undefined) {
        chains[id.data] = { ...chain, segmentId };
      } else {
        repairs.push(`${label}: segmentId ${describeValue(entry.segmentId)} is not a segment of this map — removed`);
        chains[id.data] = chain;
      }
    } else {
      chains[id.data] = chain;
    }
    chainOrder.push(id.data);
  });
  return { chains, chainOrder };
}
