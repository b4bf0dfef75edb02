/**
 * How the touchpoints spread over the stages and the channels (DOMAIN.md §5.4: "too many or too
 * few in a stage"): a stage × channel table of counts, with totals per stage and per channel.
 * Only touchpoints count — details are interactions inside a touchpoint, not places of their own.
 * Touchpoints without a stage (or with a stage the map no longer has) and without a channel are
 * counted apart, so the table always adds up to every touchpoint of the map.
 */
import { touchpointsOf } from '../selectors';
import type { MapDoc, StageId } from '../types';

/** A column of the table: the two channels, and the touchpoints not yet given one. */
export type ChannelColumn = 'online' | 'offline' | 'none';
export const CHANNEL_COLUMNS: readonly ChannelColumn[] = ['online', 'offline', 'none'];

export interface DistributionRow {
  /** The stage's id; null for the touchpoints without a (known) stage. */
  readonly stageId: StageId | null;
  /** The stage's name; '' for the unsorted row (the caller names it in the map's language). */
  readonly name: string;
  readonly counts: Readonly<Record<ChannelColumn, number>>;
  readonly total: number;
}

export interface Distribution {
  /** One row per stage in the map's order, then the unsorted row (always present, maybe all zero). */
  readonly rows: readonly DistributionRow[];
  readonly perChannel: Readonly<Record<ChannelColumn, number>>;
  readonly total: number;
  /** The largest count of one cell: what a heat map scales its shades by. */
  readonly maxCell: number;
}

const zero = (): Record<ChannelColumn, number> => ({ online: 0, offline: 0, none: 0 });

/**
 * Counts the touchpoints per stage and channel.
 * @example stageChannelDistribution(doc).rows[0] // { stageId: 's-awareness', name: 'Awareness', counts: { online: 2, offline: 1, none: 0 }, total: 3 }
 */
export function stageChannelDistribution(doc: MapDoc): Distribution {
  const byStage = new Map<StageId, Record<ChannelColumn, number>>();
  for (const stage of doc.map.stages) byStage.set(stage.id, zero());
  const unsorted = zero();
  const perChannel = zero();
  let total = 0;
  for (const topic of touchpointsOf(doc)) {
    const column: ChannelColumn = topic.channel ?? 'none';
    const row = (topic.stageId !== undefined ? byStage.get(topic.stageId) : undefined) ?? unsorted;
    row[column] += 1;
    perChannel[column] += 1;
    total += 1;
  }
  const rows: DistributionRow[] = doc.map.stages.map((stage) => {
    const counts = byStage.get(stage.id) ?? zero();
    return { stageId: stage.id, name: stage.name, counts, total: counts.online + counts.offline + counts.none };
  });
  rows.push({ stageId: null, name: '', counts: unsorted, total: unsorted.online + unsorted.offline + unsorted.none });
  let maxCell = 0;
  for (const row of rows) for (const column of CHANNEL_COLUMNS) maxCell = Math.max(maxCell, row.counts[column]);
  return { rows, perChannel, total, maxCell };
}
