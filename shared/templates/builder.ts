/**
 * Starter maps as data (`TemplateSpec`) and the one function that turns a spec into a MapDoc by
 * running the model's own commands — so a template can never hold anything a user could not have
 * built by hand, and every rule the commands check (stages, segments, ranges) holds for it too.
 */
import {
  addChain,
  addCompetitor,
  addDetail,
  addSegment,
  addTouchpoint,
  appendChainStep,
  createMap,
  setCompetitorScore,
  setTopicFields,
} from '../model/commands';
import type { IdMaker } from '../model/ids';
import type { ActionStatus, Attention, Channel, Kind, Lifespan, Locale, MapDoc, Reaction, SegmentId, TopicFields, TopicId } from '../model/types';
import type { PresetId } from './presets';

/** One text in every locale the app ships. */
export type Localised = Readonly<Record<Locale, string>>;

/** Shorthand for a localised text, in the order en · ru · ko · ja. */
export function L(en: string, ru: string, ko: string, ja: string): Localised {
  return { en, ru, ko, ja };
}

/** A touchpoint of a template. Indexes point into the spec's stages, segments and competitors. */
export interface TouchpointSpec {
  /** Names the touchpoint in the spec's chains; never shown. */
  readonly key: string;
  readonly label: Localised;
  readonly channel: Channel;
  /** Index into the preset's stages. */
  readonly stage: number;
  readonly kind?: Kind;
  readonly segments?: readonly number[];
  readonly importance?: number;
  readonly score?: number;
  /** Competitor scores in the order of `competitors`; `undefined` = not rated. */
  readonly rivals?: readonly (number | undefined)[];
  readonly reaction?: Reaction;
  readonly attention?: Attention;
  readonly lifespan?: Lifespan;
  readonly notes?: Localised;
  readonly team?: Localised;
  readonly process?: Localised;
  readonly outcome?: Localised;
  readonly data?: Localised;
  readonly action?: { readonly what: Localised; readonly owner: Localised; readonly due: string; readonly status: ActionStatus };
  /** The interactions inside the touchpoint ("Website" → "Booking form"). */
  readonly details?: readonly Localised[];
}

export interface ChainSpec {
  readonly name: Localised;
  /** Index into `segments`: a chain read for one segment. */
  readonly segment?: number;
  /** Touchpoint keys, in the order the customer walks them. */
  readonly steps: readonly string[];
}

export type TemplateId = 'coffee-shop' | 'clinic' | 'online-store' | 'freelancer-b2b';

export interface TemplateSpec {
  readonly id: TemplateId;
  /** Shown in the "new map" dialog. */
  readonly name: Localised;
  readonly description: Localised;
  /** The map's title (and root label) when the user gives none. */
  readonly title: Localised;
  readonly presetId: PresetId;
  readonly segments: readonly Localised[];
  readonly competitors: readonly Localised[];
  readonly touchpoints: readonly TouchpointSpec[];
  readonly chains: readonly ChainSpec[];
}

export interface BuildOptions {
  /** The map's language: names stages, touchpoints, segments, competitors and chains. */
  readonly locale: Locale;
  /** Makes record ids (the model's `newId`, or a predictable one in tests). */
  readonly newId: IdMaker;
  /** ISO timestamp for createdAt and updatedAt. */
  readonly now: string;
  /** The user's title; the template's own when omitted or blank. */
  readonly title?: string;
}

/** The optional fields of a touchpoint spec as a `setTopicFields` patch in one locale. */
function fieldsOf(spec: TouchpointSpec, locale: Locale, segmentIds: readonly SegmentId[]): Partial<TopicFields> {
  const patch: Record<string, unknown> = {
    kind: spec.kind,
    importance: spec.importance,
    score: spec.score,
    reaction: spec.reaction,
    attention: spec.attention,
    lifespan: spec.lifespan,
    notes: spec.notes?.[locale],
    team: spec.team?.[locale],
    process: spec.process?.[locale],
    outcome: spec.outcome?.[locale],
    data: spec.data?.[locale],
    segmentIds: spec.segments?.map((index) => segmentIds[index]),
    action: spec.action && {
      what: spec.action.what[locale],
      owner: spec.action.owner[locale],
      due: spec.action.due,
      status: spec.action.status,
    },
  };
  for (const key of Object.keys(patch)) if (patch[key] === undefined) delete patch[key];
  return patch as Partial<TopicFields>;
}

/**
 * Builds a template's map in one locale with the model's commands. Throws CommandError when the
 * spec breaks a rule (a bad score, a chain step naming no touchpoint) — the unit tests build every
 * template in every locale, so a broken spec never ships.
 * @example buildFromSpec(CLINIC, { locale: 'ko', newId, now: new Date().toISOString() })
 */
export function buildFromSpec(spec: TemplateSpec, options: BuildOptions): MapDoc {
  const { locale, newId } = options;
  const title = options.title?.trim() || spec.title[locale];
  let doc = createMap({ id: newId('m'), rootId: newId('t'), title, locale, presetId: spec.presetId, now: options.now });
  const stageIds = doc.map.stages.map((stage) => stage.id);
  const segmentIds = spec.segments.map((name) => {
    const id = newId('g');
    doc = addSegment(doc, { id, name: name[locale] });
    return id;
  });
  const competitorIds = spec.competitors.map((name) => {
    const id = newId('c');
    doc = addCompetitor(doc, { id, name: name[locale] });
    return id;
  });
  const byKey = new Map<string, TopicId>();
  for (const touchpoint of spec.touchpoints) {
    const id = newId('t');
    const stageId = stageIds[touchpoint.stage];
    if (stageId === undefined) throw new Error(`Template ${spec.id}: touchpoint ${touchpoint.key} names stage ${touchpoint.stage}, which the preset lacks.`);
    doc = addTouchpoint(doc, { id, label: touchpoint.label[locale], channel: touchpoint.channel, stageId });
    doc = setTopicFields(doc, [id], fieldsOf(touchpoint, locale, segmentIds));
    touchpoint.rivals?.forEach((score, index) => {
      const competitorId = competitorIds[index];
      if (score !== undefined && competitorId !== undefined) doc = setCompetitorScore(doc, [id], competitorId, score);
    });
    for (const detail of touchpoint.details ?? []) doc = addDetail(doc, { id: newId('t'), parentId: id, label: detail[locale] });
    byKey.set(touchpoint.key, id);
  }
  for (const chain of spec.chains) {
    const id = newId('j');
    const segmentId = chain.segment === undefined ? undefined : segmentIds[chain.segment];
    doc = addChain(doc, segmentId === undefined ? { id, name: chain.name[locale] } : { id, name: chain.name[locale], segmentId });
    for (const key of chain.steps) {
      const step = byKey.get(key);
      if (step === undefined) throw new Error(`Template ${spec.id}: chain step ${key} names no touchpoint.`);
      doc = appendChainStep(doc, id, step);
    }
  }
  return doc;
}
