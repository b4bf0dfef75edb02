/**
 * The outline's data: its columns and its rows. Rows are the touchpoints that pass the filter,
 * sorted by the chosen column (map order when none), each followed by its details indented under
 * it (details stay with their touchpoint, in their own order). Pure, no DOM: unit-tested, and
 * cheap enough to recompute for 5,000 topics on every edit (one pass plus one sort).
 */
import { buildChildIndex, competitorScoreOf, scoreBand } from '@shared/model/selectors';
import { ACTION_STATUSES, CHANNELS, KINDS, REACTIONS, type CompetitorId, type MapDoc, type Topic, type TopicId } from '@shared/model/types';
import type { TopicFilter } from '../../store/ui-store';
import { isFilterEmpty, matchesFilter } from '../filter';
import { competitorIdFrom } from '@shared/model/ids';

/** How a cell is edited: typed text, a number key (0–10), or one of a few values. */
export type ColumnKind = 'text' | 'number' | 'choice';

export interface OutlineColumn {
  /** `label`, `channel`, `stage`, `kind`, `importance`, `score`, `competitor:<id>`, `reaction`, `status`. */
  readonly id: string;
  readonly kind: ColumnKind;
  /** A message key, or (competitors) the competitor's name. */
  readonly title: string;
  /** For number columns: the allowed range. */
  readonly range?: { readonly min: number; readonly max: number };
  /** For choice columns: the values, in the order number keys 1, 2, 3… pick them. */
  readonly values?: readonly string[];
}

/** The columns of a map's outline: one score column per competitor named on the map. */
export function outlineColumns(doc: MapDoc): OutlineColumn[] {
  return [
    { id: 'label', kind: 'text', title: 'outline.col.label' },
    { id: 'channel', kind: 'choice', title: 'outline.col.channel', values: CHANNELS },
    { id: 'stage', kind: 'choice', title: 'outline.col.stage', values: doc.map.stages.map((stage) => stage.id) },
    { id: 'kind', kind: 'choice', title: 'outline.col.kind', values: KINDS },
    { id: 'importance', kind: 'number', title: 'outline.col.importance', range: { min: 1, max: 10 } },
    { id: 'score', kind: 'number', title: 'outline.col.score', range: { min: 0, max: 10 } },
    ...doc.map.competitors.map((competitor): OutlineColumn => ({ id: `competitor:${competitor.id}`, kind: 'number', title: competitor.name, range: { min: 0, max: 10 } })),
    { id: 'reaction', kind: 'choice', title: 'outline.col.reaction', values: REACTIONS },
    { id: 'status', kind: 'choice', title: 'outline.col.status', values: ACTION_STATUSES },
  ];
}

/** The competitor id of a `competitor:<id>` column, else undefined. */
export function competitorOfColumn(columnId: string): CompetitorId | undefined {
  // outlineColumns names a competitor's column after a competitor of the map.
  return columnId.startsWith('competitor:') ? competitorIdFrom(columnId.slice('competitor:'.length)) : undefined;
}

/** A cell's raw value: a label, a number, a channel / stage id / kind / reaction / status, or undefined. */
export function cellValue(topic: Topic, columnId: string): string | number | undefined {
  const competitor = competitorOfColumn(columnId);
  if (competitor !== undefined) return competitorScoreOf(topic, competitor);
  switch (columnId) {
    case 'label':
      return topic.label;
    case 'channel':
      return topic.channel;
    case 'stage':
      return topic.stageId;
    case 'kind':
      return topic.kind;
    case 'importance':
      return topic.importance;
    case 'score':
      return topic.score;
    case 'reaction':
      return topic.reaction;
    case 'status':
      return topic.action?.status;
    default:
      return undefined;
  }
}

export type SortDirection = 'asc' | 'desc';
export interface OutlineSort {
  readonly column: string;
  readonly direction: SortDirection;
}

/** Clicking a header: ascending, then descending, then back to map order. */
export function nextSort(current: OutlineSort | null, column: string): OutlineSort | null {
  if (current?.column !== column) return { column, direction: 'asc' };
  return current.direction === 'asc' ? { column, direction: 'desc' } : null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** What a column sorts by: numbers as numbers, choices in their natural order (stages as on the map). */
function sortKey(doc: MapDoc, columnId: string): (topic: Topic) => string | number | undefined {
  if (columnId === 'stage') {
    const order = new Map(doc.map.stages.map((stage, i) => [stage.id, i]));
    return (topic) => (topic.stageId === undefined ? undefined : order.get(topic.stageId));
  }
  const natural: Record<string, readonly string[]> = { channel: CHANNELS, kind: KINDS, reaction: REACTIONS, status: ACTION_STATUSES };
  const values = natural[columnId];
  if (values) return (topic) => {
    const value = cellValue(topic, columnId);
    return value === undefined ? undefined : values.indexOf(value as string);
  };
  return (topic) => cellValue(topic, columnId);
}

/**
 * The touchpoints sorted by a column; unset values always last, ties in map order (stable).
 * @example sortTouchpoints(doc, touchpoints, { column: 'score', direction: 'desc' })
 */
export function sortTouchpoints(doc: MapDoc, touchpoints: readonly Topic[], sort: OutlineSort | null): readonly Topic[] {
  if (!sort) return touchpoints;
  const key = sortKey(doc, sort.column);
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = touchpoints.map((topic, index) => ({ topic, index, key: key(topic) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) return a.key === b.key ? a.index - b.index : a.key === undefined ? 1 : -1;
    const order = typeof a.key === 'number' && typeof b.key === 'number' ? a.key - b.key : collator.compare(String(a.key), String(b.key));
    return order * sign || a.index - b.index;
  });
  return keyed.map((entry) => entry.topic);
}

export interface OutlineRow {
  readonly id: TopicId;
  /** 0 for a touchpoint, 1 for its detail, 2 for a detail of a detail… */
  readonly depth: number;
}

/**
 * The rows: touchpoints passing the filter, sorted, each followed by its details depth first.
 * @example outlineRows(doc, { column: 'score', direction: 'asc' }, NO_FILTER)
 */
export function outlineRows(doc: MapDoc, sort: OutlineSort | null, filter: TopicFilter): OutlineRow[] {
  const index = buildChildIndex(doc);
  const root = index.root;
  if (!root) return [];
  const all = index.childrenOf(root.id);
  const shown = isFilterEmpty(filter) ? all : all.filter((topic) => matchesFilter(topic, filter));
  const rows: OutlineRow[] = [];
  for (const touchpoint of sortTouchpoints(doc, shown, sort)) {
    rows.push({ id: touchpoint.id, depth: 0 });
    const stack: [Topic, number][] = [...index.childrenOf(touchpoint.id)].reverse().map((child) => [child, 1]);
    while (stack.length > 0) {
      const [topic, depth] = stack.pop() as [Topic, number];
      rows.push({ id: topic.id, depth });
      const children = index.childrenOf(topic.id);
      for (let i = children.length - 1; i >= 0; i -= 1) stack.push([children[i] as Topic, depth + 1]);
    }
  }
  return rows;
}

/** The score band class of a number cell (score and competitor columns), for its colour. */
export function bandOfCell(columnId: string, value: number | undefined): string | undefined {
  return columnId === 'importance' ? undefined : scoreBand(value);
}

/** A row as the tree grid shows it: whether it has rows under it, and whether they show. */
export interface TreeRow extends OutlineRow {
  readonly expandable: boolean;
  readonly expanded: boolean;
  /** The index, among the rows shown, of the row it sits under; null for a touchpoint. */
  readonly parent: number | null;
}

/**
 * The rows shown when the rows in `collapsed` fold their details away (the outline's tree: a touchpoint
 * and its details, a detail and its own).
 * @example treeRows([{ id: 'a', depth: 0 }, { id: 'a1', depth: 1 }], new Set(['a'])) // [{ id: 'a', depth: 0, expandable: true, expanded: false, parent: null }]
 */
export function treeRows(rows: readonly OutlineRow[], collapsed: ReadonlySet<TopicId>): TreeRow[] {
  const shown: TreeRow[] = [];
  /** The index in `shown` of the last row at each depth, for the parent of the next deeper row. */
  const lastAt: number[] = [];
  let hiddenBelow: number | null = null;
  rows.forEach((row, i) => {
    if (hiddenBelow !== null && row.depth > hiddenBelow) return;
    hiddenBelow = null;
    const expandable = (rows[i + 1]?.depth ?? -1) > row.depth;
    const expanded = expandable && !collapsed.has(row.id);
    if (expandable && !expanded) hiddenBelow = row.depth;
    shown.push({ ...row, expandable, expanded, parent: row.depth > 0 ? (lastAt[row.depth - 1] ?? null) : null });
    lastAt[row.depth] = shown.length - 1;
    lastAt.length = row.depth + 1;
  });
  return shown;
}

/** The rows above `id` in the tree (its touchpoint, the details between): what must unfold to show it. */
export function ancestorsInRows(rows: readonly OutlineRow[], id: TopicId): TopicId[] {
  const at = rows.findIndex((row) => row.id === id);
  if (at < 0) return [];
  const found: TopicId[] = [];
  let depth = (rows[at] as OutlineRow).depth;
  for (let i = at - 1; i >= 0 && depth > 0; i -= 1) {
    const row = rows[i] as OutlineRow;
    if (row.depth < depth) {
      found.push(row.id);
      depth = row.depth;
    }
  }
  return found;
}
