/**
 * The action plan as a table: one row per improvement action (a touchpoint's or a detail's), with
 * where it acts (touchpoint, stage, channel) and why it matters (our score, importance); sorting,
 * filtering and the overdue rule. Pure: the view, the printable page and the tests share it.
 */
import { descendantIds, topicOf, touchpointsOf } from './selectors';
import type { ActionStatus, Channel, MapDoc, StageId, Topic, TopicId } from './types';
import { ACTION_STATUSES } from './types';

export interface ActionRow {
  /** The topic that carries the action (a touchpoint or one of its details). */
  readonly id: TopicId;
  readonly touchpointId: TopicId;
  /** The touchpoint's label; a detail's row reads "Touchpoint › Detail". */
  readonly touchpoint: string;
  readonly stageId: StageId | undefined;
  readonly stage: string;
  readonly channel: Channel | undefined;
  readonly score: number | undefined;
  readonly importance: number | undefined;
  readonly what: string;
  readonly owner: string;
  /** YYYY-MM-DD, or '' when not set. */
  readonly due: string;
  readonly status: ActionStatus;
  /** Position in map order, the tie-breaker of every sort. */
  readonly seq: number;
}

/** Every improvement action of the map, in map order (touchpoint, then its details depth first). */
export function actionRows(doc: MapDoc): ActionRow[] {
  const stageName = new Map(doc.map.stages.map((s) => [s.id, s.name]));
  const rows: ActionRow[] = [];
  for (const touchpoint of touchpointsOf(doc)) {
    const topics = [touchpoint, ...descendantIds(doc, touchpoint.id).flatMap((id) => topicOf(doc, id) ?? [])];
    for (const topic of topics) {
      if (!topic.action) continue;
      rows.push({
        id: topic.id,
        touchpointId: touchpoint.id,
        touchpoint: topic.id === touchpoint.id ? touchpoint.label : `${touchpoint.label} › ${topic.label}`,
        stageId: touchpoint.stageId,
        stage: (touchpoint.stageId !== undefined && stageName.get(touchpoint.stageId)) || '',
        channel: touchpoint.channel,
        score: topic.score,
        importance: topic.importance,
        what: topic.action.what,
        owner: topic.action.owner ?? '',
        due: topic.action.due ?? '',
        status: topic.action.status,
        seq: rows.length,
      });
    }
  }
  return rows;
}

/**
 * Overdue: a due date before today and not done. `today` is the user's local date as YYYY-MM-DD,
 * so the comparison is on calendar days, whatever the time zone.
 * @example isOverdue({ due: '2026-01-31', status: 'doing' }, '2026-02-01') // true
 */
export function isOverdue(row: Pick<ActionRow, 'due' | 'status'>, today: string): boolean {
  return row.due !== '' && row.due < today && row.status !== 'done';
}

/** The user's local calendar date as YYYY-MM-DD. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export type ActionColumn = 'touchpoint' | 'stage' | 'score' | 'importance' | 'what' | 'owner' | 'due' | 'status';
export const ACTION_COLUMNS: readonly ActionColumn[] = ['touchpoint', 'stage', 'score', 'importance', 'what', 'owner', 'due', 'status'];

export interface ActionSort {
  readonly column: ActionColumn;
  readonly direction: 'asc' | 'desc';
}

export interface ActionFilter {
  /** '' = any owner; otherwise the exact owner ("—" rows have owner ''). */
  readonly owner?: string;
  readonly status?: ActionStatus;
  readonly stageId?: StageId;
  readonly overdueOnly?: boolean;
}

function sortValue(row: ActionRow, column: ActionColumn, stageIndex: ReadonlyMap<StageId, number>): string | number | undefined {
  switch (column) {
    case 'stage':
      return row.stageId === undefined ? undefined : stageIndex.get(row.stageId);
    case 'status':
      return ACTION_STATUSES.indexOf(row.status);
    case 'score':
    case 'importance':
      return row[column];
    default:
      return row[column] === '' ? undefined : row[column].toLocaleLowerCase();
  }
}

/**
 * The rows sorted by a column: numbers as numbers, stages in the map's order, status todo → doing →
 * done, text by the user's collation; empty values always last; ties in map order.
 */
export function sortActionRows(doc: MapDoc, rows: readonly ActionRow[], sort: ActionSort | null): ActionRow[] {
  const byMap = [...rows].sort((a, b) => a.seq - b.seq);
  if (!sort) return byMap;
  const stageIndex = new Map(doc.map.stages.map((s, i) => [s.id, i]));
  const sign = sort.direction === 'asc' ? 1 : -1;
  return byMap.sort((a, b) => {
    const x = sortValue(a, sort.column, stageIndex);
    const y = sortValue(b, sort.column, stageIndex);
    if (x === undefined || y === undefined) return x === y ? a.seq - b.seq : x === undefined ? 1 : -1;
    const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
    return order === 0 ? a.seq - b.seq : sign * order;
  });
}

/** The rows that pass every constraint of the filter. */
export function filterActionRows(rows: readonly ActionRow[], filter: ActionFilter, today: string): ActionRow[] {
  return rows.filter(
    (row) =>
      (filter.owner === undefined || row.owner === filter.owner) &&
      (filter.status === undefined || row.status === filter.status) &&
      (filter.stageId === undefined || row.stageId === filter.stageId) &&
      (!filter.overdueOnly || isOverdue(row, today)),
  );
}

/** The owners named in the plan, sorted, for the owner filter. */
export function actionOwners(rows: readonly ActionRow[]): string[] {
  return [...new Set(rows.map((row) => row.owner).filter((owner) => owner !== ''))].sort((a, b) => a.localeCompare(b));
}

/** Touchpoints with no improvement action of their own, in map order: what "Add action" offers. */
export function touchpointsWithoutAction(doc: MapDoc): Topic[] {
  return touchpointsOf(doc).filter((topic) => !topic.action);
}


