/** What a rating round adds up to, and the one command that writes it onto the map. */
import { setTopicFields, type MapDoc, type TopicId } from '../model';
import type { Rating } from './room-doc';

export interface TopicTally {
  readonly topicId: TopicId;
  /** Participants who gave a score. */
  readonly count: number;
  readonly mean?: number;
  /** Population standard deviation of the scores. */
  readonly spread?: number;
  readonly min?: number;
  readonly max?: number;
  /** histogram[s] = how many gave score s (0–10). */
  readonly histogram: readonly number[];
  readonly importanceCount: number;
  readonly importanceMean?: number;
}

const mean = (values: readonly number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** Tallies the ratings (participantId → topicId → rating) of the round's topics, in the round's order. */
export function tallyRound(topicIds: readonly TopicId[], ratings: ReadonlyMap<string, ReadonlyMap<TopicId, Rating>>): TopicTally[] {
  return topicIds.map((topicId) => {
    const scores: number[] = [];
    const importances: number[] = [];
    for (const own of ratings.values()) {
      const rating = own.get(topicId);
      if (rating?.score !== undefined) scores.push(rating.score);
      if (rating?.importance !== undefined) importances.push(rating.importance);
    }
    const histogram = Array.from({ length: 11 }, () => 0);
    for (const score of scores) histogram[score] = (histogram[score] ?? 0) + 1;
    if (scores.length === 0) {
      return { topicId, count: 0, histogram, importanceCount: importances.length, ...(importances.length ? { importanceMean: mean(importances) } : {}) };
    }
    const m = mean(scores);
    return {
      topicId,
      count: scores.length,
      mean: m,
      spread: Math.sqrt(mean(scores.map((s) => (s - m) ** 2))),
      min: Math.min(...scores),
      max: Math.max(...scores),
      histogram,
      importanceCount: importances.length,
      ...(importances.length ? { importanceMean: mean(importances) } : {}),
    };
  });
}

/**
 * A pure command: every tallied touchpoint still on the map gets the round's mean as its score
 * (rounded, scores are whole numbers) and its mean importance if anyone rated it. One command, so
 * applying a round is one undo step.
 */
export function applyRound(tallies: readonly TopicTally[]): (doc: MapDoc) => MapDoc {
  return (doc) => {
    let next = doc;
    for (const tally of tallies) {
      if (!Object.hasOwn(next.topics, tally.topicId)) continue;
      const patch: { score?: number; importance?: number } = {};
      if (tally.mean !== undefined) patch.score = Math.round(tally.mean);
      if (tally.importanceMean !== undefined) patch.importance = Math.max(1, Math.round(tally.importanceMean));
      if (Object.keys(patch).length > 0) next = setTopicFields(next, [tally.topicId], patch);
    }
    return next;
  };
}
