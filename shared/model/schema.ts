/**
 * zod schemas of the map's records, exactly the rules of FILE-FORMAT.md. One source of truth for
 * the .touchmap reader (shared/file-format.ts), the IndexedDB loader (restore.ts) and the field
 * checks of the commands (`setTopicFields`).
 *
 * Every message names the offending value and the rule, and no field name: callers prefix the
 * issue's path, giving messages like `maps[0].topics[12].score: 14 is not 0–10` (see `issueText`).
 *
 * Objects strip keys they do not know (a later version may add optional fields; a reader ignores
 * them), so the DB loader can pass rows that also carry `mapId`.
 */
import * as z from 'zod';
import {
  ACTION_STATUSES,
  ATTENTION_SPANS,
  CHANNELS,
  IMPORTANCE_RANGE,
  KINDS,
  LIFESPANS,
  LOCALES,
  REACTIONS,
  SCORE_RANGE,
  type Chain,
  type ChainId,
  type Competitor,
  type CompetitorId,
  type ImprovementAction,
  type MapId,
  type MapMeta,
  type Position,
  type Segment,
  type SegmentId,
  type Stage,
  type StageId,
  type Topic,
  type TopicFields,
  type TopicId,
} from './types';
import { CHART_KINDS, type Presentation, type SlideRef } from './presentation';

/** A value as a message shows it: strings quoted and cut short, numbers as written. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return `a ${typeof value}`;
}

type IssueInput = { readonly input?: unknown };
const because = (rule: string) => ({
  error: (issue: IssueInput) => (issue.input === undefined ? `is missing (${rule})` : `${describeValue(issue.input)} is not ${rule}`),
});

const text = () => z.string(because('text'));
/**
 * Ids are non-empty strings, unique within their map (uniqueness is checked by whoever holds the
 * map). `__proto__` is refused because records are kept in plain objects keyed by id.
 */
const id = () =>
  z
    .string(because('an id'))
    .min(1, because('an id'))
    .refine((value) => value !== '__proto__', because('an id'));
/**
 * An id of one kind of record (ids.ts): a valid id is what makes the text safe to brand. The brand
 * is a cast of the schema's type, not a `.transform` step, so parsing a 20,000-touchpoint file
 * costs what it did before ids had kinds.
 */
const idOf = <Id extends string>() => id() as unknown as z.ZodType<Id, string>;
const finite = () => z.number(because('a number'));
/** An integer in [min, max]; every failure reads the same: `14 is not 0–10`. */
const intIn = (range: { readonly min: number; readonly max: number }) => {
  const rule = because(`${range.min}–${range.max}`);
  return z.int(rule).min(range.min, rule).max(range.max, rule);
};
const oneOf = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values, because(`one of ${values.join(', ')}`));
const object = <S extends z.core.$ZodLooseShape>(shape: S) => z.object(shape, because('an object'));
const list = <T extends z.ZodType>(item: T) => z.array(item, because('a list'));

export const ChannelSchema = oneOf(CHANNELS);
export const KindSchema = oneOf(KINDS);
export const ReactionSchema = oneOf(REACTIONS);
export const AttentionSchema = oneOf(ATTENTION_SPANS);
export const LifespanSchema = oneOf(LIFESPANS);
export const ActionStatusSchema = oneOf(ACTION_STATUSES);
export const LocaleSchema = oneOf(LOCALES);
export const IdSchema = id();
/** An id of one kind: for readers (the database loader) that brand ids one by one. */
export const MapIdSchema = idOf<MapId>();
export const TopicIdSchema = idOf<TopicId>();
export const ChainIdSchema = idOf<ChainId>();
export const ImportanceSchema = intIn(IMPORTANCE_RANGE);
export const ScoreSchema = intIn(SCORE_RANGE);
/** A calendar date, YYYY-MM-DD (2026-02-30 is refused). */
export const DateSchema = z.iso.date(because('a date YYYY-MM-DD'));

export const StageSchema = object({ id: idOf<StageId>(), name: text() });
export const SegmentSchema = object({ id: idOf<SegmentId>(), name: text() });
export const CompetitorSchema = object({ id: idOf<CompetitorId>(), name: text() });

export const ImprovementActionSchema = object({
  what: text(),
  owner: text().optional(),
  due: DateSchema.optional(),
  status: ActionStatusSchema,
});

export const PositionSchema = object({ x: finite(), y: finite() });

/**
 * One schema per field of a topic that `setTopicFields` may change, so a loader can drop one bad
 * value and keep the topic, and a command can check just the fields it was given. References to
 * the map's stages, segments and competitors are checked against the map by the caller.
 */
export const TOPIC_FIELD_SCHEMAS = {
  label: text(),
  channel: ChannelSchema,
  stageId: idOf<StageId>(),
  kind: KindSchema,
  segmentIds: list(idOf<SegmentId>()),
  importance: ImportanceSchema,
  score: ScoreSchema,
  competitorScores: z.record(idOf<CompetitorId>(), ScoreSchema, because('an object')),
  reaction: ReactionSchema,
  attention: AttentionSchema,
  lifespan: LifespanSchema,
  notes: text(),
  team: text(),
  process: text(),
  outcome: text(),
  data: text(),
  action: ImprovementActionSchema,
  position: PositionSchema,
  collapsed: z.boolean(because('true or false')),
} as const satisfies { readonly [K in keyof Required<TopicFields>]: z.ZodType };

export type TopicFieldName = keyof typeof TOPIC_FIELD_SCHEMAS;
export const TOPIC_FIELD_NAMES = Object.keys(TOPIC_FIELD_SCHEMAS) as readonly TopicFieldName[];

const { label, ...optionalFields } = TOPIC_FIELD_SCHEMAS;

export const TopicSchema = object({
  id: idOf<TopicId>(),
  parentId: idOf<TopicId>().nullable(),
  order: finite(),
  label,
  ...Object.fromEntries(Object.entries(optionalFields).map(([key, schema]) => [key, schema.optional()])),
} as {
  id: z.ZodType<TopicId, string>;
  parentId: z.ZodNullable<z.ZodType<TopicId, string>>;
  order: ReturnType<typeof finite>;
  label: typeof label;
} & { [K in keyof typeof optionalFields]: z.ZodOptional<(typeof optionalFields)[K]> });

export const ChainSchema = object({
  id: idOf<ChainId>(),
  name: text(),
  segmentId: idOf<SegmentId>().optional(),
  steps: list(idOf<TopicId>()),
});

/** A saved slide: what it shows, by id. A stage or chain deleted since is skipped when presenting, not refused. */
export const SlideRefSchema = z.discriminatedUnion(
  'kind',
  [
    object({ kind: z.literal('map') }),
    object({ kind: z.literal('stage'), stageId: idOf<StageId>() }),
    object({ kind: z.literal('chain'), chainId: idOf<ChainId>() }),
    object({ kind: z.literal('actions') }),
    object({ kind: z.literal('chart'), chart: oneOf(CHART_KINDS) }),
  ],
  because('a slide (map, stage, chain, actions or chart)'),
);

export const PresentationSchema = object({ slides: list(SlideRefSchema) });

export const MapMetaSchema = object({
  id: idOf<MapId>(),
  title: text(),
  locale: LocaleSchema,
  stages: list(StageSchema),
  segments: list(SegmentSchema),
  competitors: list(CompetitorSchema),
  createdAt: text(),
  updatedAt: text(),
  presentation: PresentationSchema.optional(),
});

/** A path as messages show it: `maps[0].topics[12].score`, after an optional prefix. */
export function pathText(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/**
 * An issue with its path: `maps[0].topics[12].score: 14 is not 0–10`.
 * @example issueText(result.error.issues[0], 'maps[0].topics[12]')
 */
export function issueText(issue: z.core.$ZodIssue, prefix = ''): string {
  const path = pathText(issue.path, prefix);
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

// The schemas and the record types of types.ts must describe the same records; a drift fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type DeepReadonly<T> = T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;
const schemasMatchTypes: [
  Same<DeepReadonly<z.output<typeof StageSchema>>, DeepReadonly<Stage>>,
  Same<DeepReadonly<z.output<typeof SegmentSchema>>, DeepReadonly<Segment>>,
  Same<DeepReadonly<z.output<typeof CompetitorSchema>>, DeepReadonly<Competitor>>,
  Same<DeepReadonly<z.output<typeof ImprovementActionSchema>>, DeepReadonly<ImprovementAction>>,
  Same<DeepReadonly<z.output<typeof PositionSchema>>, DeepReadonly<Position>>,
  Same<DeepReadonly<z.output<typeof TopicSchema>>, DeepReadonly<Topic>>,
  Same<DeepReadonly<z.output<typeof ChainSchema>>, DeepReadonly<Chain>>,
  Same<DeepReadonly<z.output<typeof MapMetaSchema>>, DeepReadonly<MapMeta>>,
  Same<DeepReadonly<z.output<typeof SlideRefSchema>>, DeepReadonly<SlideRef>>,
  Same<DeepReadonly<z.output<typeof PresentationSchema>>, DeepReadonly<Presentation>>,
] = [true, true, true, true, true, true, true, true, true, true];
void schemasMatchTypes;
