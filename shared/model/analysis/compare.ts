/**
 * Before and after: what changed between two states of one map — the method's "compare months
 * later" (two restore points, or a restore point and the map now). Touchpoints are matched by id
 * (a restore point is the same map, so its ids are the map's): added, removed, and for those in
 * both, how our score, the competitors' scores and importance moved, and whether the improvement
 * action was added or completed. Everything is grouped by stage, with per-stage totals. Pure.
 */
import { touchpointsOf } from '../selectors';
import type { Channel, CompetitorId, MapDoc, StageId, Topic, TopicId } from '../types';

/** Which rating moved: ours, importance, or one competitor's. */
export type RatingKind = 'score' | 'importance' | 'competitor';

/** One rating of one touchpoint, before and after; `delta` only when both were set. */
export interface RatingChange {
  readonly kind: RatingKind;
  /** For a competitor's score: which one, and its name in the later map. */
  readonly competitorId?: CompetitorId;
  readonly competitor?: string;
  readonly before?: number;
  readonly after?: number;
  /** after − before; absent when the rating was set or cleared rather than changed. */
  readonly delta?: number;
}

/** What happened to a touchpoint's improvement action between the two states. */
export type ActionChange = 'added' | 'completed';

export interface TouchpointChange {
  readonly id: TopicId;
  /** The label in the later state (the earlier one for a removed touchpoint). */
  readonly label: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** Its channel (in the later state; the earlier one for a removed touchpoint). */
  readonly channel?: Channel;
  /** Ratings that differ (for an added or removed touchpoint: none). */
  readonly ratings: readonly RatingChange[];
  readonly action?: ActionChange;
}

/** Counts and averages of one stage in one state. */
export interface StageTotals {
  readonly touchpoints: number;
  /** Mean of our scores set, one decimal; undefined when none is. */
  readonly averageScore?: number;
  readonly actionsDone: number;
}

export interface StageComparison {
  /** null: touchpoints without a stage (or whose stage is gone). */
  readonly stageId: StageId | null;
  /** The stage's name in the later state (the earlier one for a stage since removed); '' for no stage. */
  readonly name: string;
  readonly before: StageTotals;
  readonly after: StageTotals;
  /** Only the touchpoints that changed, in the later map's order, then the removed ones. */
  readonly touchpoints: readonly TouchpointChange[];
}

export interface MapComparison {
  readonly stages: readonly StageComparison[];
  readonly added: number;
  readonly removed: number;
  /** Touchpoints whose own score went up / down. */
  readonly scoresUp: number;
  readonly scoresDown: number;
  readonly actionsCompleted: number;
  readonly actionsAdded: number;
  /** Every change by touchpoint id, for the map's badges. */
  readonly byTouchpoint: ReadonlyMap<TopicId, TouchpointChange>;
}

const mean = (values: readonly number[]): number | undefined => (values.length === 0 ? undefined : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10);

function totals(topics: readonly Topic[]): StageTotals {
  const scores = topics.map((t) => t.score).filter((s): s is number => s !== undefined);
  const averageScore = mean(scores);
  return { touchpoints: topics.length, ...(averageScore !== undefined && { averageScore }), actionsDone: topics.filter((t) => t.action?.status === 'done').length };
}

function rating(kind: RatingKind, before: number | undefined, after: number | undefined, competitor?: { id: CompetitorId; name: string }): RatingChange | null {
  if (before === after) return null;
  return {
    kind,
    ...(competitor && { competitorId: competitor.id, competitor: competitor.name }),
    ...(before !== undefined && { before }),
    ...(after !== undefined && { after }),
    ...(before !== undefined && after !== undefined && { delta: after - before }),
  };
}

/** How one touchpoint's ratings moved: ours first, then importance, then each competitor of either map. */
function ratingChanges(before: Topic, after: Topic, earlier: MapDoc, later: MapDoc): RatingChange[] {
  const competitors = new Map<CompetitorId, string>();
  for (const c of earlier.map.competitors) competitors.set(c.id, c.name);
  for (const c of later.map.competitors) competitors.set(c.id, c.name);
  const changes = [rating('score', before.score, after.score), rating('importance', before.importance, after.importance)];
  for (const [id, name] of competitors) changes.push(rating('competitor', before.competitorScores?.[id], after.competitorScores?.[id], { id, name }));
  return changes.filter((c): c is RatingChange => c !== null);
}

const channelOf = (topic: Topic): { channel?: Channel } => (topic.channel ? { channel: topic.channel } : {});

function actionChange(before: Topic | undefined, after: Topic): ActionChange | undefined {
  if (after.action === undefined) return undefined;
  if (after.action.status === 'done' && before?.action?.status !== 'done') return 'completed';
  if (before?.action === undefined) return 'added';
  return undefined;
}

/**
 * Compares two states of one map, the earlier first.
 * @example
 * const diff = compareMaps(await points.read(beforeWorkshop), doc);
 * diff.added; diff.stages[0].touchpoints; diff.byTouchpoint.get('t-site')?.ratings
 */
export function compareMaps(earlier: MapDoc, later: MapDoc): MapComparison {
  const beforeTps = touchpointsOf(earlier);
  const afterTps = touchpointsOf(later);
  const beforeById = new Map(beforeTps.map((t) => [t.id, t]));
  const afterIds = new Set(afterTps.map((t) => t.id));

  const laterStages = new Set(later.map.stages.map((s) => s.id));
  const earlierStages = new Set(earlier.map.stages.map((s) => s.id));
  const stageOf = (topic: Topic, known: ReadonlySet<StageId>): StageId | null => (topic.stageId !== undefined && known.has(topic.stageId) ? topic.stageId : null);

  const changes: { stage: StageId | null; change: TouchpointChange }[] = [];
  for (const topic of afterTps) {
    const before = beforeById.get(topic.id);
    const stage = stageOf(topic, laterStages);
    if (!before) {
      const action = actionChange(undefined, topic);
      changes.push({ stage, change: { id: topic.id, label: topic.label, change: 'added', ...channelOf(topic), ratings: [], ...(action && { action }) } });
      continue;
    }
    const ratings = ratingChanges(before, topic, earlier, later);
    const action = actionChange(before, topic);
    if (ratings.length > 0 || action) changes.push({ stage, change: { id: topic.id, label: topic.label, change: 'changed', ...channelOf(topic), ratings, ...(action && { action }) } });
  }
  for (const topic of beforeTps) {
    if (afterIds.has(topic.id)) continue;
    const stage = topic.stageId !== undefined && (laterStages.has(topic.stageId) || earlierStages.has(topic.stageId)) ? topic.stageId : null;
    changes.push({ stage, change: { id: topic.id, label: topic.label, change: 'removed', ...channelOf(topic), ratings: [] } });
  }

  // Stages in the later map's order, then those only the earlier map had, then "no stage".
  const order: { id: StageId | null; name: string }[] = [
    ...later.map.stages.map((s) => ({ id: s.id, name: s.name })),
    ...earlier.map.stages.filter((s) => !laterStages.has(s.id)).map((s) => ({ id: s.id, name: s.name })),
    { id: null, name: '' },
  ];
  const inStage = (topics: readonly Topic[], id: StageId | null, known: ReadonlySet<StageId>) => topics.filter((t) => stageOf(t, known) === id);
  const stages = order
    .map(({ id, name }) => ({
      stageId: id,
      name,
      before: totals(inStage(beforeTps, id, earlierStages)),
      after: totals(inStage(afterTps, id, laterStages)),
      touchpoints: changes.filter((c) => c.stage === id).map((c) => c.change),
    }))
    .filter((s) => s.before.touchpoints > 0 || s.after.touchpoints > 0 || s.touchpoints.length > 0);

  const all = changes.map((c) => c.change);
  const ownDelta = (c: TouchpointChange) => c.ratings.find((r) => r.kind === 'score')?.delta ?? 0;
  return {
    stages,
    added: all.filter((c) => c.change === 'added').length,
    removed: all.filter((c) => c.change === 'removed').length,
    scoresUp: all.filter((c) => ownDelta(c) > 0).length,
    scoresDown: all.filter((c) => ownDelta(c) < 0).length,
    actionsCompleted: all.filter((c) => c.action === 'completed').length,
    actionsAdded: all.filter((c) => c.action === 'added').length,
    byTouchpoint: new Map(all.map((c) => [c.id, c])),
  };
}

/**
 * The badge a touchpoint of the later map carries in "Show on map": "new", or its own score's
 * change signed ("+2", "−3", with a real minus), or null when neither applies.
 * @example comparisonBadge({ id: 't-1', label: 'Site', change: 'changed', ratings: [{ kind: 'score', before: 4, after: 6, delta: 2 }] }) // { tone: 'up', text: '+2' }
 */
export function comparisonBadge(change: TouchpointChange | undefined): { readonly tone: 'new' | 'up' | 'down'; readonly text: string } | null {
  if (!change || change.change === 'removed') return null;
  if (change.change === 'added') return { tone: 'new', text: 'new' };
  const delta = change.ratings.find((r) => r.kind === 'score')?.delta;
  if (delta === undefined || delta === 0) return null;
  return delta > 0 ? { tone: 'up', text: `+${delta}` } : { tone: 'down', text: `−${-delta}` };
}

/** A signed number as the comparison prints it: "+2", "−3" (a real minus sign), "0". */
export function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0';
}
