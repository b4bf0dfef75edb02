/**
 * The grid view: the touchpoint map as a table — stages across, Online / Offline (or segments)
 * down, touchpoints as cards in their cells, chains drawn over the cards. Same document, same
 * selection as the mind map: an edit here is on the map at once.
 *
 * Mouse: click selects (Shift / Ctrl / Cmd adds), double-click edits the label, drag a card (or
 * the selected cards) to another cell to change stage and channel — one undo step. Keys go
 * through the operations registry (arrows, Enter / F2, Tab); see grid-operations.ts.
 *
 * Built for 2,000+ touchpoints: cells scroll on their own, cards are memoised with primitive
 * props and read their topic with narrow selectors, and off-screen cards skip layout and paint
 * (`content-visibility: auto`).
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useNodeLook, FilterBar, Legend } from '../filter';
import type { TopicId } from '@shared/model/types';
import { isTopicIdOf, scoreBand } from '@shared/model/selectors';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { t, useLanguage } from '../../i18n';
import { pickStep, useIsWeakLink } from '../chains';
import { dropOnCell, gridFor } from './grid-operations';
import { useGridUiStore } from './grid-ui-store';
import type { GridCell } from '../../drawing/grid-projection';
import { GridChainOverlay } from './GridChainOverlay';
import { LabelEditor, EmptyStagesToggle } from '../mindmap';

/** The drag payload type: topic ids and the cell they left (private to Touchmap). */
const DRAG_TYPE = 'application/x-touchmap-cards';

/** Whether the in-place editor shows on this copy of the card (a touchpoint of two segments has two). */
function useEditsHere(topicId: TopicId, cellKey: string, first: boolean) {
  const editing = useUiStore((s) => (s.editing?.id === topicId ? s.editing : null));
  const cursor = useGridUiStore((s) => s.cursor);
  const doc = useDocumentStore((s) => s.doc);
  const mode = useGridUiStore((s) => s.mode);
  if (!editing || !doc) return null;
  if (cursor === cellKey) return editing;
  const cursorOnACopy = cursor !== null && (gridFor(doc, mode).cellsOf.get(topicId) ?? []).includes(cursor);
  return first && !cursorOnACopy ? editing : null;
}

const GridCard = memo(function GridCard({ topicId, cellKey, first }: { readonly topicId: TopicId; readonly cellKey: string; readonly first: boolean }) {
  useLanguage(); // re-render in a newly chosen UI language even when the props did not change
  const topic = useDocumentStore((s) => s.doc?.topics[topicId]);
  const selected = useUiStore((s) => s.selected.includes(topicId));
  const weak = useIsWeakLink(topicId);
  const editing = useEditsHere(topicId, cellKey, first);
  // search hits and filter dimming, as on the mind map (one ui-store state for every view)
  const look = useNodeLook(topicId);
  if (!topic) return null;
  const band = scoreBand(topic.score);
  return (
    <div
      className={`grid-card${selected ? ' is-selected' : ''}${weak ? ' is-weak-link' : ''} ${look}`}
      data-card={`${cellKey}/${topicId}`}
      data-topic-id={topicId}
      role="option"
      aria-selected={selected}
      aria-label={topic.label}
      draggable={!editing}
    >
      {editing ? <LabelEditor className="grid-card__editor" rows={2} id={topicId} initial={editing.initial} current={topic.label} /> : <span className="grid-card__label">{topic.label}</span>}
      <span className="grid-card__meta">
        {topic.kind && <span className={`grid-card__kind kind--${topic.kind}`}>{t(`kind.${topic.kind}`)}</span>}
        {weak && <span className="grid-card__weak">{t('chains.weakBadge')}</span>}
        {topic.score !== undefined && <span className={`score-pill score-pill--${band}`}>{topic.score}</span>}
      </span>
    </div>
  );
});

const GridCellView = memo(function GridCellView({ cell }: { readonly cell: GridCell }) {
  useLanguage(); // re-render in a newly chosen UI language even when the props did not change
  const cursorHere = useGridUiStore((s) => s.cursor === cell.key);
  const [over, setOver] = useState(false);
  const doc = useDocumentStore((s) => s.doc);
  const mode = useGridUiStore((s) => s.mode);
  const grid = doc ? gridFor(doc, mode) : undefined;

  const cardOf = (event: MouseEvent | DragEvent) => (event.target as HTMLElement).closest<HTMLElement>('[data-topic-id]');
  const onClick = (event: MouseEvent) => {
    const card = cardOf(event);
    const ui = useUiStore.getState();
    useGridUiStore.getState().setCursor(cell.key);
    if (!card) {
      if (!event.shiftKey && !event.metaKey && !event.ctrlKey) ui.select([]);
      return;
    }
    const id = card.dataset.topicId as TopicId;
    if (pickStep(id)) return ui.select([id]); // "Add steps" mode: the click walks the chain
    if (event.shiftKey || event.metaKey || event.ctrlKey) ui.select(ui.selected.includes(id) ? ui.selected.filter((s) => s !== id) : [...ui.selected, id]);
    else ui.select([id]);
  };
  const onDoubleClick = (event: MouseEvent) => {
    const card = cardOf(event);
    if (!card) return;
    useGridUiStore.getState().setCursor(cell.key);
    useUiStore.getState().startEditing(card.dataset.topicId as TopicId);
  };
  const onDragStart = (event: DragEvent) => {
    const card = cardOf(event);
    if (!card) return;
    const id = card.dataset.topicId as TopicId;
    const ui = useUiStore.getState();
    // a selected card carries the whole selection with it (touchpoints only)
    // (no selecting here: a re-render or scroll under the pointer would break the drag)
    const ids = ui.selected.includes(id) ? ui.selected.filter((s) => doc !== null && isTopicIdOf(doc, s) && grid?.cellsOf.has(s)) : [id];
    event.dataTransfer.setData(DRAG_TYPE, JSON.stringify({ ids, from: cell.key }));
    event.dataTransfer.effectAllowed = 'move';
  };
  const onDragOver = (event: DragEvent) => {
    if (!event.dataTransfer.types.includes(DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    if (!over) setOver(true);
  };
  const onDrop = (event: DragEvent) => {
    setOver(false);
    const raw = event.dataTransfer.getData(DRAG_TYPE);
    if (!raw) return;
    event.preventDefault();
    const payload = JSON.parse(raw) as { ids: TopicId[]; from: string };
    if (dropOnCell(payload.ids, payload.from, cell.key)) useUiStore.getState().select(payload.ids);
  };

  return (
    <div
      className={`grid-cell${cursorHere ? ' is-cursor' : ''}${over ? ' is-drop-target' : ''}`}
      data-cell={cell.key}
      aria-label={`${cell.row.label} · ${cell.column.label}`}
      role="listbox"
      aria-multiselectable
      onClick={onClick}
      onDoubleClick={onDoubleClick}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragLeave={(e) => !e.currentTarget.contains(e.relatedTarget as Node | null) && setOver(false)}
      onDrop={onDrop}
    >
      <div className="grid-cell__cards">
        {cell.topicIds.map((id) => (
          <GridCard key={id} topicId={id} cellKey={cell.key} first={grid?.cellsOf.get(id)?.[0] === cell.key} />
        ))}
      </div>
      {cell.topicIds.length === 0 && cursorHere && <span className="grid-cell__hint">{t('grid.tabHint')}</span>}
    </div>
  );
});

/** The grid of the open map. */
export function GridView() {
  const doc = useDocumentStore((s) => s.doc);
  const mode = useGridUiStore((s) => s.mode);
  const setMode = useGridUiStore((s) => s.setMode);
  const hideEmptyStages = useUiStore((s) => s.hideEmptyStages);
  const grid = useMemo(() => (doc ? gridFor(doc, mode, hideEmptyStages) : null), [doc, mode, hideEmptyStages]);
  const tableRef = useRef<HTMLDivElement>(null);
  const selected = useUiStore((s) => s.selected[s.selected.length - 1]);

  // keep the selected card in view when the keyboard moves to it
  useEffect(() => {
    if (!selected) return;
    const card = tableRef.current?.querySelector(`[data-topic-id="${CSS.escape(selected)}"]`);
    card?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selected]);

  const columnsStyle = useMemo(() => ({ gridTemplateColumns: `120px repeat(${grid?.columns.length ?? 0}, minmax(184px, 1fr))` }), [grid?.columns.length]);
  const segmentsExist = (doc?.map.segments.length ?? 0) > 0;
  const onModeKey = useCallback((event: KeyboardEvent) => event.stopPropagation(), []);
  if (!doc || !grid) return null;
  const count = grid.cellsOf.size;

  return (
    <div className="grid-view" aria-label={t('grid.title')} role="region">
      <div className="grid-view__bar">
        <div className="segmented" role="group" aria-label={t('grid.rows')} onKeyDown={onModeKey}>
          <span className="segmented__label">{t('grid.rows')}</span>
          <button type="button" className="segmented__option" aria-pressed={mode === 'channel'} onClick={() => setMode('channel')}>
            {t('grid.byChannel')}
          </button>
          <button
            type="button"
            className="segmented__option"
            aria-pressed={mode === 'segment'}
            onClick={() => setMode('segment')}
            title={segmentsExist ? undefined : t('grid.noSegmentsYet')}
          >
            {t('grid.bySegment')}
          </button>
        </div>
        <EmptyStagesToggle />
        <span className="muted grid-view__count">{t('library.touchpoints', { count })}</span>
        {/* the same filter and colour by as the mind map and the outline: one ui-store state for every view */}
        <FilterBar />
        <Legend compact />
        <span className="muted grid-view__help">{t('grid.help')}</span>
      </div>
      <div className="grid-view__scroll">
        {/* the map's words, in the map's language: Japanese labels then wrap between phrases */}
        <div className="grid-table" ref={tableRef} style={columnsStyle} lang={doc.map.locale}>
          <div className="grid-table__corner" />
          {grid.columns.map((column) => (
            <div key={column.key} className={`grid-table__stage${column.stageId === null ? ' is-unsorted' : ''}`}>
              {column.label}
            </div>
          ))}
          {grid.rows.map((row, r) => (
            <RowCells key={row.key} label={row.label} tone={row.channel ?? (row.channel === null ? 'unsorted' : 'segment')} cells={grid.cells[r] ?? []} />
          ))}
          <GridChainOverlay grid={grid} />
        </div>
        {count === 0 && <p className="grid-view__empty muted">{t('grid.empty')}</p>}
      </div>
    </div>
  );
}

function RowCells({ label, tone, cells }: { readonly label: string; readonly tone: string; readonly cells: readonly GridCell[] }) {
  return (
    <>
      <div className={`grid-table__row tone--${tone}`}>
        {label}
      </div>
      {cells.map((cell) => (
        <GridCellView key={cell.key} cell={cell} />
      ))}
    </>
  );
}
