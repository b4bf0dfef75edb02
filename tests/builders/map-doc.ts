/**
 * The one builder for touchpoint maps in tests, in the words of the domain:
 *
 *   const clinic = mapDoc('Clinic', { stages: ['Awareness', 'Purchase'], competitors: ['City Clinic'] })
 *     .touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 8, competitors: { 'City Clinic': 6 } })
 *     .detail('Booking form')                       // under the last touchpoint
 *     .chain('First visit', ['Website', 'Booking form']);
 *   const doc = clinic.build();
 *   clinic.ids.topic('Website') // 't-website'
 *
 * Ids are readable and stable: derived from the label or name (`t-website`, `s-awareness`,
 * `g-new-patients`, `c-city-clinic`, `j-first-visit`, root `t-root`, map `m-clinic`), with `-2`,
 * `-3`… when two labels give the same id. Records refer to each other by label or name; an
 * unknown one throws, naming it. Absent fields stay absent (no `undefined` keys), as a parsed
 * file has them. `build()` gives the same document until the builder changes, then a new one
 * sharing nothing with the last, so caches keyed by record see every change and none that is not.
 */
import { presetStages, type PresetId } from '@shared/model';
import type { Chain, ChainId, CompetitorId, Locale, MapDoc, MapId, SegmentId, Stage, StageId, Topic, TopicFields, TopicId } from '@shared/model/types';
import { asId } from './ids';

/** `Context ad` → `context-ad`; letters of every script are kept, so `Запись` → `запись`. */
export function slugOf(text: string): string {
  const slug = text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  return slug === '' ? 'untitled' : slug;
}

/** The id a topic of this label gets (the first of its label): `t-context-ad`. */
export const topicIdOf = (label: string): TopicId => asId.topic(`t-${slugOf(label)}`);
/** The id a stage of this name gets: `s-awareness`. */
export const stageIdOf = (name: string): StageId => asId.stage(`s-${slugOf(name)}`);

export const ROOT_ID = asId.topic('t-root');
export const CUSTOMER_JOURNEY = ['Awareness', 'Consideration', 'Purchase', 'Experience', 'Loyalty', 'Advocacy'] as const;

export interface MapDocOptions {
  /** Default `m-<title>`. */
  readonly id?: string;
  readonly locale?: Locale;
  /** The root topic's label (the business); default: the title. */
  readonly root?: string;
  /** Stage names; or take a preset's (in the map's locale). Default: none. */
  readonly stages?: readonly string[];
  readonly preset?: PresetId;
  readonly segments?: readonly string[];
  readonly competitors?: readonly string[];
  readonly createdAt?: string;
  readonly updatedAt?: string;
}

/** A topic's fields, with stage, segments and competitor scores named rather than given by id. */
export type TopicSpec = Partial<TopicFields> & {
  /** Stage by name. */
  readonly stage?: string;
  /** Segments by name. */
  readonly segments?: readonly string[];
  /** Competitor scores by competitor name. */
  readonly competitors?: Readonly<Record<string, number>>;
  /** Default: after the last sibling. */
  readonly order?: number;
  /** Only when a test needs a particular id; default: from the label. */
  readonly id?: string;
};

export interface DetailSpec extends TopicSpec {
  /** The parent's label; default: the touchpoint added last. */
  readonly under?: string;
}

interface Named<Id extends string> {
  readonly id: Id;
  readonly name: string;
}

/** Ids by label or name, for expectations: `ids.topic('Website')`. */
export interface MapIds {
  readonly map: MapId;
  readonly root: TopicId;
  topic(label: string): TopicId;
  stage(name: string): StageId;
  segment(name: string): SegmentId;
  competitor(name: string): CompetitorId;
  chain(name: string): ChainId;
}

export class MapDocBuilder {
  private readonly meta: { id: MapId; title: string; locale: Locale; createdAt: string; updatedAt: string };
  private readonly stages: Named<StageId>[] = [];
  private readonly segments: Named<SegmentId>[] = [];
  private readonly competitors: Named<CompetitorId>[] = [];
  private readonly topics: Topic[] = [];
  private readonly chains: Chain[] = [];
  private readonly byLabel = new Map<string, TopicId[]>();
  private readonly topicIdsTaken = new Set<TopicId>([ROOT_ID]);
  private readonly children = new Map<TopicId, { count: number; next: number }>();
  private lastTouchpoint: TopicId | null = null;
  readonly ids: MapIds;
  private built: MapDoc | null = null;

  constructor(title: string, options: MapDocOptions) {
    const locale = options.locale ?? 'en';
    this.meta = {
      id: asId.map(options.id ?? `m-${slugOf(title)}`),
      title,
      locale,
      createdAt: options.createdAt ?? '2026-11-20T09:00:00.000Z',
      updatedAt: options.updatedAt ?? '2026-11-25T09:59:00.000Z',
    };
    const stageNames = options.stages ?? (options.preset ? presetStages(options.preset, locale) : []);
    for (const name of stageNames) this.stage(name);
    for (const name of options.segments ?? []) this.segment(name);
    for (const name of options.competitors ?? []) this.competitor(name);
    this.topics.push({ id: ROOT_ID, parentId: null, order: 0, label: options.root ?? title });
    this.byLabel.set(options.root ?? title, [ROOT_ID]);
    const find = <Id extends string>(kind: string, list: readonly Named<Id>[], name: string): Id => {
      const found = list.find((record) => record.name === name);
      if (!found) throw new Error(`map-doc: no ${kind} named ${JSON.stringify(name)} (have: ${list.map((r) => r.name).join(', ') || 'none'})`);
      return found.id;
    };
    this.ids = {
      map: this.meta.id,
      root: ROOT_ID,
      topic: (label) => this.topicId(label),
      stage: (name) => find('stage', this.stages, name),
      segment: (name) => find('segment', this.segments, name),
      competitor: (name) => find('competitor', this.competitors, name),
      chain: (name) => find('chain', this.chains, name),
    };
  }

  stage(name: string, options: { id?: string } = {}): this {
    this.built = null;
    this.stages.push({ id: asId.stage(options.id ?? unique('s', name, this.stages)), name });
    return this;
  }

  segment(name: string, options: { id?: string } = {}): this {
    this.built = null;
    this.segments.push({ id: asId.segment(options.id ?? unique('g', name, this.segments)), name });
    return this;
  }

  competitor(name: string, options: { id?: string } = {}): this {
    this.built = null;
    this.competitors.push({ id: asId.competitor(options.id ?? unique('c', name, this.competitors)), name });
    return this;
  }

  /** A touchpoint: a child of the root. */
  touchpoint(label: string, spec: TopicSpec = {}): this {
    this.lastTouchpoint = this.add(ROOT_ID, label, spec);
    return this;
  }

  /** A detail (an interaction inside a touchpoint), under the last touchpoint unless `under` names another topic. */
  detail(label: string, spec: DetailSpec = {}): this {
    const { under, ...fields } = spec;
    const parentId = under !== undefined ? this.topicId(under) : this.lastTouchpoint;
    if (parentId === null) throw new Error(`map-doc: detail ${JSON.stringify(label)} has no touchpoint to go under`);
    this.add(parentId, label, fields);
    return this;
  }

  /** A chain walking the named topics in order (a step may repeat). */
  chain(name: string, steps: readonly string[], options: { segment?: string; id?: string } = {}): this {
    this.built = null;
    this.chains.push({
      id: asId.chain(options.id ?? unique('j', name, this.chains)),
      name,
      ...(options.segment !== undefined && { segmentId: this.ids.segment(options.segment) }),
      steps: steps.map((label) => this.topicId(label)),
    });
    return this;
  }

  /** Changes fields of a topic already added (by label). */
  set(label: string, spec: TopicSpec): this {
    const id = this.topicId(label);
    const { id: _keep, ...fields } = spec;
    this.built = null;
    const index = this.topics.findIndex((topic) => topic.id === id);
    this.topics[index] = inFileOrder({ ...this.topics[index]!, ...this.fields(fields) });
    return this;
  }

  build(): MapDoc {
    this.built ??= this.fresh();
    return this.built;
  }

  private fresh(): MapDoc {
    const topics = structuredClone(this.topics);
    const chains = structuredClone(this.chains);
    return {
      map: {
        id: this.meta.id,
        title: this.meta.title,
        locale: this.meta.locale,
        stages: this.stages.map((s): Stage => ({ ...s })),
        segments: this.segments.map((s) => ({ ...s })),
        competitors: this.competitors.map((c) => ({ ...c })),
        createdAt: this.meta.createdAt,
        updatedAt: this.meta.updatedAt,
      },
      topics: Object.fromEntries(topics.map((topic) => [topic.id, topic])),
      chains: Object.fromEntries(chains.map((chain) => [chain.id, chain])),
      chainOrder: chains.map((chain) => chain.id),
    };
  }

  private topicId(label: string): TopicId {
    const ids = this.byLabel.get(label);
    if (!ids) throw new Error(`map-doc: no topic labelled ${JSON.stringify(label)}`);
    if (ids.length > 1) throw new Error(`map-doc: ${ids.length} topics are labelled ${JSON.stringify(label)} (${ids.join(', ')}); name one by its id`);
    return ids[0]!;
  }

  private add(parentId: TopicId, label: string, spec: TopicSpec): TopicId {
    const { id: wanted, order, ...rest } = spec;
    const id = asId.topic(wanted ?? uniqueIn('t', label, this.topicIdsTaken));
    if (this.topicIdsTaken.has(id)) throw new Error(`map-doc: two topics with id ${id}`);
    // Kept per parent so a map of thousands of topics builds in linear time.
    const siblings = this.children.get(parentId) ?? { count: 0, next: 0 };
    const topicOrder = order ?? Math.max(siblings.count, siblings.next);
    this.children.set(parentId, { count: siblings.count + 1, next: Math.max(siblings.next, topicOrder + 1) });
    this.built = null;
    this.topics.push(inFileOrder({ id, parentId, order: topicOrder, label, ...this.fields(rest) }));
    this.topicIdsTaken.add(id);
    this.byLabel.set(label, [...(this.byLabel.get(label) ?? []), id]);
    return id;
  }

  private fields(spec: Omit<TopicSpec, 'id'>): Partial<Topic> {
    const { stage, segments, competitors, ...fields } = spec;
    return {
      ...(stage !== undefined && { stageId: this.ids.stage(stage) }),
      ...(segments !== undefined && { segmentIds: segments.map((name) => this.ids.segment(name)) }),
      ...(competitors !== undefined && {
        competitorScores: Object.fromEntries(Object.entries(competitors).map(([name, score]) => [this.ids.competitor(name), score])) as Record<CompetitorId, number>,
      }),
      ...fields,
    };
  }
}

/** A topic's keys in the order of the type and the file format, so built and parsed maps print alike. */
const TOPIC_KEYS: readonly (keyof Topic)[] = [
  'id', 'parentId', 'order', 'label', 'channel', 'stageId', 'kind', 'segmentIds', 'importance', 'score', 'competitorScores',
  'reaction', 'attention', 'lifespan', 'notes', 'team', 'process', 'outcome', 'data', 'action', 'position', 'collapsed',
];

function inFileOrder(topic: Topic): Topic {
  const known = Object.fromEntries(TOPIC_KEYS.filter((key) => topic[key] !== undefined).map((key) => [key, topic[key]]));
  // Keys outside the type (a test's hostile extras) keep their place after the known ones.
  return { ...known, ...topic } as Topic;
}

/** `prefix-slug`, or `prefix-slug-2`… when that id is taken. */
function uniqueIn(prefix: string, name: string, used: ReadonlySet<string>): string {
  const base = `${prefix}-${slugOf(name)}`;
  if (!used.has(base)) return base;
  let n = 2;
  while (used.has(`${base}-${n}`)) n += 1;
  return `${base}-${n}`;
}

const unique = (prefix: string, name: string, taken: readonly Named<string>[]): string => uniqueIn(prefix, name, new Set(taken.map((record) => record.id)));

export function mapDoc(title = 'Clinic', options: MapDocOptions = {}): MapDocBuilder {
  return new MapDocBuilder(title, options);
}
