/**
 * The touchpoint map as data (FILE-FORMAT.md, DOMAIN.md). Views, exports and storage are all
 * projections of these records. Ids are random strings made by `newId`, never array positions,
 * so records from several writers can later merge.
 */

import type { ChainId, CompetitorId, MapId, SegmentId, StageId, TopicId } from './ids';
import type { Presentation } from './presentation';

export type { ChainId, CompetitorId, MapId, SegmentId, StageId, TopicId } from './ids';

export const CHANNELS = ['online', 'offline'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Brigman's classes of touchpoint (DOMAIN.md §1). */
export const KINDS = ['communication', 'human', 'physical', 'sensory'] as const;
export type Kind = (typeof KINDS)[number];

export const REACTIONS = ['positive', 'neutral', 'negative'] as const;
export type Reaction = (typeof REACTIONS)[number];

export const ATTENTION_SPANS = ['short', 'long'] as const;
export type Attention = (typeof ATTENTION_SPANS)[number];

export const LIFESPANS = ['one-time', 'repeated'] as const;
export type Lifespan = (typeof LIFESPANS)[number];

export const ACTION_STATUSES = ['todo', 'doing', 'done'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const LOCALES = ['en', 'ru', 'ko', 'ja'] as const;
export type Locale = (typeof LOCALES)[number];

/** Importance 1–10; our score and a competitor's score 0–10 on the "wow" scale. */
export const IMPORTANCE_RANGE = { min: 1, max: 10 } as const;
export const SCORE_RANGE = { min: 0, max: 10 } as const;

export interface Stage {
  readonly id: StageId;
  readonly name: string;
}
export interface Segment {
  readonly id: SegmentId;
  readonly name: string;
}
export interface Competitor {
  readonly id: CompetitorId;
  readonly name: string;
}

/** The improvement action: the three questions of DOMAIN.md §5 — what, who, by when. */
export interface ImprovementAction {
  readonly what: string;
  readonly owner?: string;
  /** YYYY-MM-DD */
  readonly due?: string;
  readonly status: ActionStatus;
}

export interface Position {
  readonly x: number;
  readonly y: number;
}

/**
 * A topic of the map. The root (parentId null) is the business; its children are touchpoints;
 * deeper topics are details of a touchpoint and take its channel and stage.
 */
export interface Topic {
  readonly id: TopicId;
  readonly parentId: TopicId | null;
  /** Sorts siblings; any finite number (fractional orders let one insert without renumbering). */
  readonly order: number;
  readonly label: string;
  readonly channel?: Channel;
  readonly stageId?: StageId;
  readonly kind?: Kind;
  readonly segmentIds?: readonly SegmentId[];
  readonly importance?: number;
  readonly score?: number;
  readonly competitorScores?: Readonly<Record<CompetitorId, number>>;
  readonly reaction?: Reaction;
  readonly attention?: Attention;
  readonly lifespan?: Lifespan;
  readonly notes?: string;
  readonly team?: string;
  readonly process?: string;
  readonly outcome?: string;
  readonly data?: string;
  readonly action?: ImprovementAction;
  /** A manual placement that overrides the automatic layout. */
  readonly position?: Position;
  readonly collapsed?: boolean;
}

/** A customer journey: an ordered walk over touchpoints; a step may repeat. */
export interface Chain {
  readonly id: ChainId;
  readonly name: string;
  readonly segmentId?: SegmentId;
  readonly steps: readonly TopicId[];
}

/** Everything about a map except its topics and chains (one row in storage). */
export interface MapMeta {
  readonly id: MapId;
  readonly title: string;
  readonly locale: Locale;
  readonly stages: readonly Stage[];
  readonly segments: readonly Segment[];
  readonly competitors: readonly Competitor[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The slides picked for presenting, in order; absent: the default deck (presentation.ts). */
  readonly presentation?: Presentation;
}

/**
 * One open map, normalised for editing: records by id so a command replaces only the records
 * it touches, and autosave can write exactly those (compared by reference).
 * `chainOrder` keeps the chains' order, since records by id have none.
 */
export interface MapDoc {
  readonly map: MapMeta;
  readonly topics: Readonly<Record<TopicId, Topic>>;
  readonly chains: Readonly<Record<ChainId, Chain>>;
  readonly chainOrder: readonly ChainId[];
}

/** Fields of a touchpoint that `setTopicFields` may change (structure has its own commands). */
export type TopicFields = Omit<Topic, 'id' | 'parentId' | 'order'>;
