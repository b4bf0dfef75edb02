/**
 * The grid's verbs (operations' handlers and the view's drops). Its cursor and row mode are in
 * grid-ui-store.ts.
 */
import { mapWords } from '@shared/templates/map-words';
import { addTouchpoint, moveToGroup, setTopicFields } from '@shared/model/commands';
import { newId } from '@shared/model/ids';
import { isTopicIdOf, topicOf } from '@shared/model/selectors';
import type { MapDoc, StageId, TopicId } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { selectPrimary, useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { t } from '../../i18n';
import { useGridUiStore } from './grid-ui-store';
import { projectGrid, gridNeighbour, type GridCell, type GridDirection, type GridProjection, type GridRowMode } from '../../drawing/grid-projection';

/** Row and column names are part of the map, so they speak the map's language, as on the mind map. */
const gridLabels = (doc: MapDoc) => ({ ...mapWords(doc.map.locale).groups, noSegment: t('grid.noSegment') });

let cached: { doc: MapDoc; mode: GridRowMode; hideEmptyStages: boolean; grid: GridProjection } | null = null;

/** The grid of the open doc, computed once per (doc, mode, "Hide empty stages") for the view and the keys alike. */
export function gridFor(doc: MapDoc, mode: GridRowMode, hideEmptyStages = useUiStore.getState().hideEmptyStages): GridProjection {
  if (cached && cached.doc === doc && cached.mode === mode && cached.hideEmptyStages === hideEmptyStages) return cached.grid;
  const grid = projectGrid(doc, { mode, labels: gridLabels(doc), hideEmptyStages });
  cached = { doc, mode, hideEmptyStages, grid };
  return grid;
}

function current() {
  const doc = useDocumentStore.getState().doc;
  if (!doc) return null;
  const { mode, cursor } = useGridUiStore.getState();
  const grid = gridFor(doc, mode);
  const selected = selectPrimary(useUiStore.getState());
  const topicId = selected && isTopicIdOf(doc, selected) ? selected : null;
  // the cursor cell when it holds the selected card, else the card's first cell
  const cells = topicId ? grid.cellsOf.get(topicId) : undefined;
  const cellKey = cells && cursor && cells.includes(cursor) ? cursor : (cells?.[0] ?? cursor);
  return { doc, grid, topicId, cellKey };
}

/** Arrow keys in the grid: move the selection to the next card; the first card when none is selected. */
export function gridMove(direction: GridDirection): boolean {
  const state = current();
  if (!state) return false;
  const { grid, topicId, cellKey } = state;
  let next = topicId && cellKey ? gridNeighbour(grid, { cellKey, topicId }, direction) : undefined;
  if (!topicId) {
    const start = (cellKey && grid.byKey.get(cellKey)?.topicIds.length ? grid.byKey.get(cellKey) : undefined) ?? grid.cells.flat().find((cell) => cell.topicIds.length > 0);
    next = start ? { cellKey: start.key, topicId: start.topicIds[0] as TopicId } : undefined;
  }
  if (next) {
    useGridUiStore.getState().setCursor(next.cellKey);
    useUiStore.getState().select([next.topicId]);
  }
  return true;
}

/** Enter in the grid: edit the selected card's label. */
export function gridEdit(): boolean {
  const state = current();
  if (!state?.topicId) return false;
  useUiStore.getState().startEditing(state.topicId);
  return true;
}

/** What a cell stands for, as the patch a touchpoint added or dropped there gets. */
function cellTarget(cell: GridCell): { channel?: 'online' | 'offline' | undefined; stageId?: StageId | undefined } {
  const stageId = cell.column.stageId ?? undefined;
  if (cell.row.channel !== undefined) return { channel: cell.row.channel ?? undefined, stageId };
  return { stageId };
}

/** Tab in the grid: a new touchpoint in the cursor cell (after the selected card), its label open for typing. */
export function gridAddTouchpoint(): boolean {
  const state = current();
  if (!state?.cellKey) return false;
  const cell = state.grid.byKey.get(state.cellKey);
  if (!cell) return false;
  const id = newId('t');
  const { channel, stageId } = cellTarget(cell);
  const segmentId = cell.row.segmentId;
  const afterId = state.topicId && cell.topicIds.includes(state.topicId) ? state.topicId : cell.topicIds[cell.topicIds.length - 1];
  const added = runCommand((doc) => {
    const next = addTouchpoint(doc, { id, label: t('topic.newTouchpoint'), channel, stageId, afterId });
    // a card added in a segment's row belongs to that segment (same undo step)
    return segmentId ? setTopicFields(next, [id], { segmentIds: [segmentId] }) : next;
  });
  if (added) {
    useGridUiStore.getState().setCursor(state.cellKey);
    useUiStore.getState().startEditing(id);
  }
  return true;
}

/**
 * Drops cards on a cell: their stage (and channel, in channel rows) become the cell's, in one
 * command — one undo step however many cards. In segment rows the cards leave the segment of the
 * row they came from and join the target row's.
 */
export function dropOnCell(ids: readonly TopicId[], fromCellKey: string | null, toCellKey: string): boolean {
  const doc = useDocumentStore.getState().doc;
  if (!doc || ids.length === 0) return false;
  const grid = gridFor(doc, useGridUiStore.getState().mode);
  const cell = grid.byKey.get(toCellKey);
  if (!cell || fromCellKey === toCellKey) return false;
  const { channel, stageId } = cellTarget(cell);
  const from = fromCellKey ? grid.byKey.get(fromCellKey) : undefined;
  const moved = runCommand((d) => {
    let next = moveToGroup(d, ids, cell.row.channel !== undefined ? { channel: channel ?? null, stageId: stageId ?? null } : { stageId: stageId ?? null });
    if (cell.row.segmentId !== undefined && from && from.row !== cell.row) {
      for (const id of ids) {
        const topic = topicOf(next, id);
        if (!topic) continue;
        const kept = (topic.segmentIds ?? []).filter((s) => s !== from.row.segmentId);
        const segmentIds = cell.row.segmentId && !kept.includes(cell.row.segmentId) ? [...kept, cell.row.segmentId] : kept;
        next = setTopicFields(next, [id], { segmentIds: segmentIds.length > 0 ? segmentIds : undefined });
      }
    }
    return next;
  });
  if (moved) useGridUiStore.getState().setCursor(toCellKey);
  return moved;
}
