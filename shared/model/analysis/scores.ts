/**
 * The scores, read the way the method's analysis reads them (DOMAIN.md §5.4): our average and
 * each competitor's per stage and per channel, the gap to each competitor per touchpoint (worst
 * first), and how many touchpoints are wow, OK or awful on the "wow" scale (`scoreBand`, the same
 * bands the canvas and the export legend show). Unrated touchpoints are left out of every average
 * and counted apart; each average says how many scores it is made of (`n`), since an average of
 * one score reads very differently from an average of twenty.
 */
import { competitorScoreOf, scoreBand, touchpointsOf, type ScoreBand } from '../selectors';
import type { Channel, CompetitorId, MapDoc, StageId, Topic, TopicId } from '../types';

/** An average and how many scores it is made of; `mean` is undefined when n is 0. */
export interface Average {
  readonly mean: number | undefined;
  readonly n: number;
}

export interface ScoreGroup {
  /** A stage's id, a channel, or null for the touchpoints without one. */
  readonly key: string | null;
  /** The stage's name ('' for channels and the unsorted group: the caller names them). */
  readonly name: string;
  readonly ours: Average;
  /** One per competitor of the map, in the map's order. */
  readonly competitors: readonly (Average & { readonly competitorId: CompetitorId; readonly name: string })[];
}

export interface ScoreAverages {
  /** Every stage in the map's order, then the touchpoints without a known stage when any is rated. */
  readonly byStage: readonly ScoreGroup[];
  /** Online, offline, then those without a channel when any is rated. */
  readonly byChannel: readonly ScoreGroup[];
}

class Mean {
  private sum = 0;
  n = 0;
  add(value: number | undefined): void {
    if (value === undefined || !Number.isFinite(value)) return;
    this.sum += value;
    this.n += 1;
  }
  get average(): Average {
    return { mean: this.n > 0 ? this.sum / this.n : undefined, n: this.n };
  }
}

function group(doc: MapDoc, key: string | null, name: string, topics: readonly Topic[]): ScoreGroup {
  const ours = new Mean();
  for (const topic of topics) ours.add(topic.score);
  return {
    key,
    name,
    ours: ours.average,
    competitors: doc.map.competitors.map((competitor) => {
      const theirs = new Mean();
      for (const topic of topics) theirs.add(competitorScoreOf(topic, competitor.id));
      return { competitorId: competitor.id, name: competitor.name, ...theirs.average };
    }),
  };
}

const anyRated = (g: ScoreGroup) => g.ours.n > 0 || g.competitors.some((c) => c.n > 0);

/**
 * Our and each competitor's average score per stage and per channel.
 * @example scoreAverages(doc).byStage[0].ours // { mean: 6.5, n: 2 }
 */
export function scoreAverages(doc: MapDoc): ScoreAverages {
  const touchpoints = touchpointsOf(doc);
  const known = new Set<StageId>(doc.map.stages.map((s) => s.id));
  const byStage = doc.map.stages.map((stage) => group(doc, stage.id, stage.name, touchpoints.filter((t) => t.stageId === stage.id)));
  const unsorted = group(doc, null, '', touchpoints.filter((t) => t.stageId === undefined || !known.has(t.stageId)));
  const channels: ScoreGroup[] = (['online', 'offline'] as const satisfies readonly Channel[]).map((channel) => group(doc, channel, '', touchpoints.filter((t) => t.channel === channel)));
  const noChannel = group(doc, null, '', touchpoints.filter((t) => t.channel === undefined));
  return { byStage: anyRated(unsorted) ? [...byStage, unsorted] : byStage, byChannel: anyRated(noChannel) ? [...channels, noChannel] : channels };
}

export interface CompetitorGap {
  readonly topicId: TopicId;
  readonly label: string;
  readonly competitorId: CompetitorId;
  readonly competitorName: string;
  readonly ours: number;
  readonly theirs: number;
  /** ours − theirs: negative where the competitor does better. */
  readonly gap: number;
}

/**
 * Each touchpoint's gap to each competitor that both sides rated, worst first (the competitor's
 * biggest lead on top); equal gaps keep the map's order, so the list does not jump as one types.
 * @example competitorGaps(doc)[0] // { label: 'Reception', competitorName: 'City Clinic', ours: 3, theirs: 8, gap: -5, … }
 */
export function competitorGaps(doc: MapDoc): CompetitorGap[] {
  const out: CompetitorGap[] = [];
  for (const topic of touchpointsOf(doc)) {
    if (topic.score === undefined) continue;
    for (const competitor of doc.map.competitors) {
      const theirs = competitorScoreOf(topic, competitor.id);
      if (theirs === undefined) continue;
      out.push({ topicId: topic.id, label: topic.label, competitorId: competitor.id, competitorName: competitor.name, ours: topic.score, theirs, gap: topic.score - theirs });
    }
  }
  // Array.prototype.sort is stable: ties keep the map's order
  return out.sort((a, b) => a.gap - b.gap);
}

export type BandCounts = Readonly<Record<ScoreBand, number>> & { readonly unrated: number };

/**
 * How many touchpoints are wow, OK and awful by our score (bands of `scoreBand`), and how many are unrated.
 * @example scoreBandCounts(doc) // { wow: 2, ok: 5, awful: 1, unrated: 3 }
 */
export function scoreBandCounts(doc: MapDoc): BandCounts {
  const counts = { wow: 0, ok: 0, awful: 0, unrated: 0 };
  for (const topic of touchpointsOf(doc)) {
    const band = scoreBand(topic.score);
    if (band) counts[band] += 1;
    else counts.unrated += 1;
  }
  return counts;
}
