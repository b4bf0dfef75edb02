/**
 * The touchpoint grid (DOMAIN.md §4, source 004) as data: one column per stage in the map's
 * order, then "Unsorted" for touchpoints without a (known) stage; one row per channel (Online,
 * Offline, then "No channel" while a touchpoint has none) or one row per customer segment (then
 * "No segment"). Each cell lists its touchpoints in map order.
 *
 * In segment rows a touchpoint of two segments is in two rows: the same topic, two cards.
 * Pure (no DOM, no React), O(touchpoints): the grid view, its keyboard walk and its drops all
 * start from here.
 */
import { touchpointsOf } from '@shared/model/selectors';
import type { Channel, MapDoc, SegmentId, StageId, TopicId } from '@shared/model/types';

export type GridRowMode = 'channel' | 'segment';

export interface GridColumn {
  /** `stage:<id>` or `nostage`. */
  readonly key: string;
  readonly stageId: StageId | null;
  readonly label: string;
}

export interface GridRow {
  /** `channel:<online|offline>`, `nochannel`, `segment:<id>` or `nosegment`. */
  readonly key: string;
  readonly label: string;
  /** Channel rows: the channel a card dropped here gets (null: none). */
  readonly channel?: Channel | null;
  /** Segment rows: the segment a card dropped here joins (null: none). */
  readonly segmentId?: SegmentId | null;
}

export interface GridCell {
  /** `<row key>|<column key>` */
  readonly key: string;
  readonly row: GridRow;
  readonly column: GridColumn;
  readonly topicIds: readonly TopicId[];
}

export interface GridProjection {
  readonly mode: GridRowMode;
  readonly columns: readonly GridColumn[];
  readonly rows: readonly GridRow[];
  /** `cells[r][c]` is the cell of `rows[r]` and `columns[c]`. */
  readonly cells: readonly (readonly GridCell[])[];
  /** The cells each touchpoint is in (one, or one per segment row). */
  readonly cellsOf: ReadonlyMap<TopicId, readonly string[]>;
  readonly byKey: ReadonlyMap<string, GridCell>;
}

export interface GridLabels {
  readonly online: string;
  readonly offline: string;
  readonly noChannel: string;
  readonly unsorted: string;
  readonly noSegment: string;
}

export const DEFAULT_GRID_LABELS: GridLabels = { online: 'Online', offline: 'Offline', noChannel: 'No channel', unsorted: 'Unsorted', noSegment: 'No segment' };

export const cellKey = (row: GridRow, column: GridColumn): string => `${row.key}|${column.key}`;

/**
 * Projects the map onto the grid.
 * @example
 * const grid = projectGrid(doc, { mode: 'channel' });
 * grid.columns.map((c) => c.label) // ['Awareness', 'Consideration', …]
 * grid.cells[0][0].topicIds        // the online touchpoints of the first stage
 */
export function projectGrid(
  doc: MapDoc,
  options: { readonly mode: GridRowMode; readonly labels?: Partial<GridLabels>; /** The view option: leave out stage columns no touchpoint is in. */ readonly hideEmptyStages?: boolean },
): GridProjection {
  const labels = { ...DEFAULT_GRID_LABELS, ...options.labels };
  const touchpoints = touchpointsOf(doc);
  const stageIndex = new Map<StageId, number>();
  doc.map.stages.forEach((stage, i) => {
    if (!stageIndex.has(stage.id)) stageIndex.set(stage.id, i);
  });

  const used = options.hideEmptyStages ? new Set(touchpoints.map((t) => t.stageId)) : null;
  const columns: GridColumn[] = doc.map.stages
    .filter((stage, i) => stageIndex.get(stage.id) === i && (used === null || used.has(stage.id)))
    .map((stage) => ({ key: `stage:${stage.id}`, stageId: stage.id, label: stage.name }));
  const noStage = columns.length;
  if (touchpoints.some((t) => t.stageId === undefined || !stageIndex.has(t.stageId))) columns.push({ key: 'nostage', stageId: null, label: labels.unsorted });
  // the stages' columns as shown: a hidden stage has no touchpoint, so none looks it up
  const shown = new Map(columns.map((column, c) => [column.stageId, c] as const));

  // the row indexes each touchpoint goes to
  const rows: GridRow[] = [];
  let rowsOf: (topic: (typeof touchpoints)[number]) => number[];
  if (options.mode === 'channel') {
    rows.push({ key: 'channel:online', label: labels.online, channel: 'online' }, { key: 'channel:offline', label: labels.offline, channel: 'offline' });
    const noChannel = touchpoints.some((t) => t.channel !== 'online' && t.channel !== 'offline');
    if (noChannel) rows.push({ key: 'nochannel', label: labels.noChannel, channel: null });
    rowsOf = (t) => [t.channel === 'online' ? 0 : t.channel === 'offline' ? 1 : 2];
  } else {
    const segmentIndex = new Map<SegmentId, number>();
    for (const segment of doc.map.segments) {
      if (segmentIndex.has(segment.id)) continue;
      segmentIndex.set(segment.id, rows.length);
      rows.push({ key: `segment:${segment.id}`, label: segment.name, segmentId: segment.id });
    }
    const indexes = (t: (typeof touchpoints)[number]) => [...new Set((t.segmentIds ?? []).map((id) => segmentIndex.get(id)).filter((i): i is number => i !== undefined))];
    const none = rows.length;
    if (touchpoints.some((t) => indexes(t).length === 0)) rows.push({ key: 'nosegment', label: labels.noSegment, segmentId: null });
    rowsOf = (t) => {
      const found = indexes(t);
      return found.length > 0 ? found.sort((a, b) => a - b) : [none];
    };
  }

  const lists: TopicId[][][] = rows.map(() => columns.map(() => []));
  const cellsOf = new Map<TopicId, string[]>();
  for (const topic of touchpoints) {
    const c = (topic.stageId === undefined ? undefined : shown.get(topic.stageId)) ?? noStage;
    for (const r of rowsOf(topic)) {
      (lists[r]?.[c] as TopicId[]).push(topic.id);
      const key = cellKey(rows[r] as GridRow, columns[c] as GridColumn);
      const list = cellsOf.get(topic.id);
      if (list) list.push(key);
      else cellsOf.set(topic.id, [key]);
    }
  }

  const byKey = new Map<string, GridCell>();
  const cells = rows.map((row, r) =>
    columns.map((column, c) => {
      const cell: GridCell = { key: cellKey(row, column), row, column, topicIds: lists[r]?.[c] ?? [] };
      byKey.set(cell.key, cell);
      return cell;
    }),
  );
  return { mode: options.mode, columns, rows, cells, cellsOf, byKey };
}

export type GridDirection = 'left' | 'right' | 'up' | 'down';

export interface GridPosition {
  readonly cellKey: string;
  readonly topicId: TopicId;
}

/**
 * Where an arrow key goes from a card: up and down within its cell, then on into the nearest
 * non-empty cell above or below in the same column; left and right to the nearest non-empty
 * cell of the same row, at the same place in its list as far as it goes. Undefined at an edge.
 * @example gridNeighbour(grid, { cellKey: 'channel:online|stage:s-1', topicId: 't-ad' }, 'right')
 */
export function gridNeighbour(grid: GridProjection, from: GridPosition, direction: GridDirection): GridPosition | undefined {
  const cell = grid.byKey.get(from.cellKey);
  if (!cell) return undefined;
  const r = grid.rows.indexOf(cell.row);
  const c = grid.columns.indexOf(cell.column);
  const index = cell.topicIds.indexOf(from.topicId);
  if (index < 0) return undefined;
  const at = (cellAt: GridCell | undefined, i: number): GridPosition | undefined =>
    cellAt && cellAt.topicIds.length > 0 ? { cellKey: cellAt.key, topicId: cellAt.topicIds[Math.max(0, Math.min(i, cellAt.topicIds.length - 1))] as TopicId } : undefined;

  if (direction === 'up' || direction === 'down') {
    const step = direction === 'up' ? -1 : 1;
    const next = index + step;
    if (next >= 0 && next < cell.topicIds.length) return { cellKey: cell.key, topicId: cell.topicIds[next] as TopicId };
    for (let rr = r + step; rr >= 0 && rr < grid.rows.length; rr += step) {
      const target = grid.cells[rr]?.[c];
      if (target && target.topicIds.length > 0) return at(target, step === 1 ? 0 : target.topicIds.length - 1);
    }
    return undefined;
  }
  const step = direction === 'left' ? -1 : 1;
  for (let cc = c + step; cc >= 0 && cc < grid.columns.length; cc += step) {
    const found = at(grid.cells[r]?.[cc], index);
    if (found) return found;
  }
  return undefined;
}
