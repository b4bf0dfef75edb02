/**
 * The outline: every touchpoint in a table with its fields, details indented under it — a
 * keyboard-driven sheet for rating fast in a workshop (rules in outline-keys.ts). Rows are
 * virtualised, so 5,000 topics render only what is on screen. The selection is the app's, shared
 * with the mind map and the grid; search matches are highlighted; the filter hides rows.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { MapDoc, TopicId } from '@shared/model/types';
import { useDocumentStore } from '../../store/document-store';
import { selectPrimary, useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { t, type MessageKey, useLanguage } from '../../i18n';
import { FilterBar } from '../filter';
import { outlineColumns, outlineRows, nextSort, cellValue, treeRows, ancestorsInRows, type OutlineColumn, type TreeRow, type OutlineSort } from './outline-model';
import { outlineIntent, type LastDigit, type RefusedKey } from './outline-keys';
import { cellCommand, chooseCell, clearCell, rateCell } from './outline-edits';
import { CellContent, ChoiceCellEditor, TextCellEditor } from './OutlineCells';
import { isTopicIdOf } from '@shared/model/selectors';

/** Row height in px: fixed, so the virtualiser needs no measuring. */
const ROW_HEIGHT = 36;
const PAGE_ROWS = 15;

const WIDTH: Record<string, string> = {
  label: 'minmax(260px, 3fr)',
  channel: '104px',
  stage: 'minmax(130px, 1fr)',
  kind: '128px',
  importance: '100px',
  score: '84px',
  reaction: '104px',
  status: '104px',
};
const templateOf = (columns: readonly OutlineColumn[]) => columns.map((column) => WIDTH[column.id] ?? '96px').join(' ');
const titleOf = (column: OutlineColumn) => (column.id.startsWith('competitor:') ? column.title : t(column.title as MessageKey));

interface Editing {
  readonly id: TopicId;
  readonly col: number;
  readonly initial?: string;
}

interface RowProps {
  readonly row: TreeRow;
  readonly index: number;
  readonly columns: readonly OutlineColumn[];
  readonly template: string;
  readonly top: number;
  readonly cursorCol: number | null;
  readonly editing: Editing | null;
  readonly onCellClick: (event: MouseEvent, index: number, col: number) => void;
  readonly onCellDoubleClick: (index: number, col: number) => void;
  readonly onCommit: (id: TopicId, col: number, value: string, move?: 'next' | 'previous') => void;
  readonly onCancel: () => void;
  readonly onToggle: (id: TopicId) => void;
}

const OutlineRowView = memo(function OutlineRowView({ row, index, columns, template, top, cursorCol, editing, onCellClick, onCellDoubleClick, onCommit, onCancel, onToggle }: RowProps) {
  useLanguage(); // re-render in a newly chosen UI language even when the props did not change
  const doc = useDocumentStore((s) => s.doc) as MapDoc;
  const topic = doc.topics[row.id];
  const selected = useUiStore((s) => s.selected.includes(row.id));
  const hit = useUiStore((s) => s.search.hits.has(row.id));
  const query = useUiStore((s) => (hit ? s.search.query : null));
  const current = useUiStore((s) => s.search.current >= 0 && s.search.matches[s.search.current] === row.id);
  if (!topic) return null;
  const classes = ['outline__row', row.depth > 0 ? 'is-detail' : 'is-touchpoint', selected && 'is-selected', hit && 'is-match', current && 'is-current-match'];
  return (
    <div
      className={classes.filter(Boolean).join(' ')}
      role="row"
      aria-rowindex={index + 2}
      aria-level={row.depth + 1}
      aria-expanded={row.expandable ? row.expanded : undefined}
      aria-selected={selected}
      data-topic-id={row.id}
      style={{ transform: `translateY(${top}px)`, gridTemplateColumns: template }}
    >
      {columns.map((column, col) => {
        const isCursor = cursorCol === col;
        const isEditing = editing !== null && editing.col === col;
        const value = cellValue(topic, column.id);
        return (
          <div
            key={column.id}
            id={`outline-cell-${index}-${col}`}
            role="gridcell"
            className={`outline__cell outline__cell--${column.kind}${isCursor ? ' is-cursor' : ''}${isEditing ? ' is-editing' : ''}`}
            style={col === 0 ? { paddingLeft: 12 + row.depth * 22 } : undefined}
            aria-label={col === 0 ? undefined : titleOf(column)}
            onClick={(event) => onCellClick(event, index, col)}
            onDoubleClick={() => onCellDoubleClick(index, col)}
          >
            {isEditing && column.kind === 'text' ? (
              <TextCellEditor
                initial={editing.initial ?? topic.label}
                label={titleOf(column)}
                onCommit={(text, move) => onCommit(row.id, col, text, move)}
                onCancel={onCancel}
              />
            ) : isEditing && column.kind === 'choice' ? (
              <ChoiceCellEditor
                doc={doc}
                column={column}
                initial={value === undefined ? '' : String(value)}
                label={titleOf(column)}
                onCommit={(picked, move) => onCommit(row.id, col, picked, move)}
                onCancel={onCancel}
              />
            ) : (
              <>
                {col === 0 && row.expandable && (
                  // the mouse's way to fold; the keyboard's is Left / Right on this column
                  <span
                    className={`outline__twisty${row.expanded ? ' is-expanded' : ''}`}
                    aria-hidden="true"
                    onClick={(event) => {
                      event.stopPropagation();
                      onToggle(row.id);
                    }}
                  >
                    ▸
                  </span>
                )}
                <CellContent doc={doc} topic={topic} column={column} query={col === 0 ? query : null} />
              </>
            )}
          </div>
        );
      })}
    </div>
  );
});

/** Why a key did nothing, in words that say what to press instead. */
function refusalText(reason: RefusedKey, column: OutlineColumn): string {
  if (reason === 'digitOnText') return t('outline.refused.digitOnText');
  return t('outline.refused.noSuchChoice', { column: titleOf(column), count: column.values?.length ?? 0 });
}

/** The outline view of the open map (Ctrl/Cmd+3). */
export function OutlineView() {
  const doc = useDocumentStore((s) => s.doc);
  const filter = useUiStore((s) => s.filter);
  const selectedId = useUiStore(selectPrimary);
  // The outline's rows are topics: a selected group node has no row here.
  const primary = selectedId !== null && doc !== null && isTopicIdOf(doc, selectedId) ? selectedId : null;
  const [sort, setSort] = useState<OutlineSort | null>(null);
  const [cursor, setCursor] = useState<{ id: TopicId | null; col: number }>({ id: primary, col: 0 });
  const [editing, setEditing] = useState<Editing | null>(null);
  /** The last refused key's explanation, shown in place of the key hint until the next key. */
  const [refusal, setRefusal] = useState<string | null>(null);
  const lastDigit = useRef<LastDigit | null>(null);
  /** The sheet: the tree grid that takes the keys, and the box that scrolls (one element, so a keyboard can scroll it). */
  const grid = useRef<HTMLDivElement>(null);
  /** Rows whose details are folded away (this view's own state: folding changes nothing in the map). */
  const [collapsed, setCollapsed] = useState<ReadonlySet<TopicId>>(() => new Set());

  const columns = useMemo(() => (doc ? outlineColumns(doc) : []), [doc]);
  const template = useMemo(() => templateOf(columns), [columns]);
  const allRows = useMemo(() => (doc ? outlineRows(doc, sort, filter) : []), [doc, sort, filter]);
  const rows = useMemo(() => treeRows(allRows, collapsed), [allRows, collapsed]);
  const rowIndex = useMemo(() => new Map(rows.map((row, i) => [row.id, i])), [rows]);
  const cursorRow = cursor.id === null ? -1 : (rowIndex.get(cursor.id) ?? -1);
  const touchpointCount = useMemo(() => rows.reduce((n, row) => n + (row.depth === 0 ? 1 : 0), 0), [rows]);

  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => grid.current, estimateSize: () => ROW_HEIGHT, overscan: 12, scrollPaddingStart: ROW_HEIGHT });

  // The selection is shared: a match jumped to, or a node picked on the map, moves the cursor here,
  // unfolding the rows it is under.
  useEffect(() => {
    if (primary === null) return;
    if (rowIndex.has(primary)) setCursor((c) => (c.id === primary ? c : { id: primary, col: c.col }));
    else {
      const above = ancestorsInRows(allRows, primary).filter((id) => collapsed.has(id));
      if (above.length > 0) setCollapsed((old) => new Set([...old].filter((id) => !above.includes(id))));
    }
  }, [primary, rowIndex, allRows, collapsed]);
  const onToggle = useCallback((id: TopicId) => {
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  }, []);
  useEffect(() => {
    if (cursorRow >= 0) virtualizer.scrollToIndex(cursorRow, { align: 'auto' });
  }, [cursorRow, virtualizer]);
  useEffect(() => {
    grid.current?.focus({ preventScroll: true });
  }, []);
  // Sideways, the sheet keeps the cursor cell whole in view (Home and Ctrl/Cmd+Home show the label column again).
  const shownCol = Math.min(cursor.col, columns.length - 1);
  useEffect(() => {
    const box = grid.current;
    const cell = document.getElementById(`outline-cell-${cursorRow}-${shownCol}`);
    if (!box || !cell) return;
    if (shownCol === 0) return void (box.scrollLeft = 0);
    const view = box.getBoundingClientRect();
    const edges = cell.getBoundingClientRect();
    if (edges.left < view.left) box.scrollLeft -= view.left - edges.left;
    else if (edges.right > view.right) box.scrollLeft += Math.min(edges.right - view.right, edges.left - view.left);
  }, [cursorRow, shownCol]);

  const moveTo = useCallback(
    (row: number, col: number, extend = false) => {
      const target = rows[row];
      if (!target) return;
      setCursor({ id: target.id, col });
      const ui = useUiStore.getState();
      if (extend) ui.select(ui.selected.includes(target.id) ? ui.selected : [...ui.selected, target.id]);
      else if (!(ui.selected.length === 1 && ui.selected[0] === target.id)) ui.select([target.id]);
    },
    [rows],
  );

  /** The rows an edit applies to: the selection when the cursor's row is in it, else that row. */
  const targets = useCallback((id: TopicId): TopicId[] => {
    const { selected } = useUiStore.getState();
    const topics = useDocumentStore.getState().doc?.topics ?? {};
    const chosen = selected.filter((s): s is TopicId => Object.hasOwn(topics, s));
    return chosen.length > 1 && chosen.includes(id) ? chosen : [id];
  }, []);

  const onCommit = useCallback(
    (id: TopicId, col: number, value: string, move?: 'next' | 'previous') => {
      setEditing(null);
      const column = columns[col];
      if (column) {
        const current = useDocumentStore.getState().doc?.topics[id];
        const unchanged = current !== undefined && String(cellValue(current, column.id) ?? '') === value;
        if (!unchanged) runCommand(cellCommand(column.kind === 'text' ? [id] : targets(id), column, value === '' && column.kind !== 'text' ? undefined : value));
      }
      const row = rowIndex.get(id) ?? 0;
      if (move === 'next') moveTo(col < columns.length - 1 ? row : row + 1, col < columns.length - 1 ? col + 1 : 0);
      else if (move === 'previous') moveTo(col > 0 ? row : row - 1, col > 0 ? col - 1 : columns.length - 1);
      grid.current?.focus({ preventScroll: true });
    },
    [columns, rowIndex, targets, moveTo],
  );
  const onCancel = useCallback(() => {
    setEditing(null);
    grid.current?.focus({ preventScroll: true });
  }, []);

  const onCellClick = useCallback(
    (event: MouseEvent, index: number, col: number) => {
      const row = rows[index];
      if (!row) return;
      grid.current?.focus({ preventScroll: true });
      if (event.shiftKey || event.ctrlKey || event.metaKey) {
        const ui = useUiStore.getState();
        setCursor({ id: row.id, col });
        ui.select(ui.selected.includes(row.id) ? ui.selected.filter((s) => s !== row.id) : [...ui.selected, row.id]);
      } else moveTo(index, col);
    },
    [rows, moveTo],
  );
  const onCellDoubleClick = useCallback(
    (index: number, col: number) => {
      const row = rows[index];
      if (!row || columns[col]?.kind === 'number') return;
      moveTo(index, col);
      setEditing({ id: row.id, col });
    },
    [rows, columns, moveTo],
  );

  if (!doc) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || event.nativeEvent.isComposing || event.target !== grid.current) return;
    const at = { row: Math.max(0, cursorRow), col: Math.min(cursor.col, columns.length - 1) };
    const column = columns[at.col];
    if (!column) return;
    const now = performance.now();
    const intent = outlineIntent(
      { key: event.key, shift: event.shiftKey, mod: event.ctrlKey || event.metaKey, alt: event.altKey },
      { cursor: at, rows: rows.length, cols: columns.length, kind: column.kind, choices: column.values?.length, page: PAGE_ROWS, last: lastDigit.current, now, tree: rows[at.row] },
    );
    const row = rows[at.row];
    if (intent.type === 'none' || (!row && intent.type !== 'move')) return;
    event.preventDefault();
    setRefusal(intent.type === 'refuse' ? refusalText(intent.reason, column) : null);
    if (intent.type === 'refuse') return;
    if (intent.type === 'move') return moveTo(intent.to.row, intent.to.col, intent.extend);
    if (!row) return;
    if (intent.type === 'expand' || intent.type === 'collapse') return onToggle(row.id);
    if (cursorRow < 0) moveTo(at.row, at.col);
    switch (intent.type) {
      case 'edit':
        if (column.kind !== 'number') setEditing({ id: row.id, col: at.col, initial: intent.initial });
        break;
      case 'set':
        rateCell(targets(row.id), column, intent.value, intent.replacesLast);
        lastDigit.current = { cursor: at, digit: event.key, at: now };
        return;
      case 'choose':
        chooseCell(targets(row.id), column, intent.index);
        break;
      case 'clear':
        clearCell(targets(row.id), column);
        break;
    }
    lastDigit.current = null;
  };

  const cursorCol = Math.min(cursor.col, columns.length - 1);
  return (
    <section className="outline" aria-label={t('outline.title')}>
      <div className="outline__toolbar">
        <h2 className="outline__title">{t('outline.title')}</h2>
        <span className="muted" data-testid="outline-count">
          {t('outline.count', { count: touchpointCount })}
        </span>
        <FilterBar />
      </div>
      <div
        ref={grid}
        className="outline__grid"
        role="treegrid"
        aria-label={t('outline.title')}
        aria-rowcount={rows.length + 1}
        aria-colcount={columns.length}
        aria-multiselectable
        tabIndex={0}
        aria-activedescendant={cursorRow >= 0 ? `outline-cell-${cursorRow}-${cursorCol}` : undefined}
        onKeyDown={onKeyDown}
      >
          <div className="outline__head" role="row" aria-rowindex={1} style={{ gridTemplateColumns: template }}>
            {columns.map((column) => {
              const sorted = sort?.column === column.id ? sort.direction : null;
              return (
                <div key={column.id} role="columnheader" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'} className="outline__header">
                  <button type="button" tabIndex={-1} onClick={() => {
                        setSort(nextSort(sort, column.id));
                        grid.current?.focus({ preventScroll: true });
                      }} title={t('outline.sortHint')}>
                    {titleOf(column)}
                    <span className="outline__sort" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                    </span>
                  </button>
                </div>
              );
            })}
          </div>
          {rows.length === 0 ? (
            <p className="outline__empty muted">{Object.keys(doc.topics).length <= 1 ? t('outline.empty') : t('outline.allFiltered')}</p>
          ) : (
            <div className="outline__body" role="rowgroup" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((item) => {
                const row = rows[item.index] as TreeRow;
                return (
                  <OutlineRowView
                    key={row.id}
                    row={row}
                    index={item.index}
                    columns={columns}
                    template={template}
                    top={item.start}
                    cursorCol={item.index === cursorRow ? cursorCol : null}
                    editing={editing && editing.id === row.id ? editing : null}
                    onCellClick={onCellClick}
                    onCellDoubleClick={onCellDoubleClick}
                    onCommit={onCommit}
                    onCancel={onCancel}
                    onToggle={onToggle}
                  />
                );
              })}
            </div>
          )}
      </div>
      <p className="outline__hint muted" role="status">
        {refusal ?? t('outline.keysHint')}
      </p>
    </section>
  );
}
