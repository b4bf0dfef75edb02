/**
 * The action plan: every improvement action of the map as a table (what · owner · due · status,
 * with its touchpoint, stage and scores) — sorted by any column, filtered by owner, status, stage
 * or overdue, edited in place as undoable commands, printed on A4. A view of the map like the
 * outline: its rows are a projection of the document (shared/model/action-plan.ts).
 */
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import {
  ACTION_COLUMNS,
  actionOwners,
  actionRows,
  filterActionRows,
  isOverdue,
  localDay,
  sortActionRows,
  touchpointsWithoutAction,
  type ActionColumn,
  type ActionRow,
} from '@shared/model/action-plan';
import { ACTION_STATUSES, type ActionStatus, type MapDoc, type TopicId } from '@shared/model/types';
import { scoreBand } from '@shared/model/selectors';
import { useDocumentStore } from '../../store/document-store';
import { useUiStore } from '../../store/ui-store';
import { runOperation } from '../../operations/run-operation';
import { t, type MessageKey } from '../../i18n';
import { useActionPlanStore } from './action-plan-store';
import { addAction, editAction } from './action-edits';
import { EDITABLE, gridIntent } from './action-grid-keys';
import { printActionPlan } from './print-action-plan';
import './actions.css';

const COLUMN_LABEL: Readonly<Record<ActionColumn, MessageKey>> = {
  touchpoint: 'actions.col.touchpoint',
  stage: 'actions.col.stage',
  score: 'actions.col.score',
  importance: 'actions.col.importance',
  what: 'actions.col.what',
  owner: 'actions.col.owner',
  due: 'actions.col.due',
  status: 'actions.col.status',
};

interface Cursor {
  readonly id: TopicId;
  readonly col: number;
}
interface Editing {
  readonly id: TopicId;
  readonly column: ActionColumn;
  readonly initial?: string;
}

export function ActionPlanView() {
  const doc = useDocumentStore((s) => s.doc);
  if (!doc) return null;
  return <ActionPlan doc={doc} />;
}

function ActionPlan({ doc }: { readonly doc: MapDoc }) {
  const { sort, filter } = useActionPlanStore();
  const today = localDay(new Date());
  const all = useMemo(() => actionRows(doc), [doc]);
  const rows = useMemo(() => sortActionRows(doc, filterActionRows(all, filter, today), sort), [doc, all, filter, sort, today]);
  const overdue = all.filter((row) => isOverdue(row, today)).length;
  const [cursor, setCursor] = useState<Cursor | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const gridRef = useRef<HTMLTableElement>(null);
  const rowIndex = Math.max(0, cursor ? rows.findIndex((row) => row.id === cursor.id) : 0);
  const at = { row: rowIndex, col: cursor?.col ?? 0 };

  const wantsFocus = useRef(false);
  // after the table re-rendered (a sort may have moved the row), the cursor's cell takes the focus
  useEffect(() => {
    if (!wantsFocus.current || editing) return;
    wantsFocus.current = false;
    gridRef.current?.querySelector<HTMLElement>('td[tabindex="0"]')?.focus();
  });
  const moveTo = (id: TopicId, col: number) => {
    setCursor({ id, col });
    wantsFocus.current = true;
    // the inspector beside the table shows the action's touchpoint
    useUiStore.getState().select([id]);
  };
  const focusCell = (row: number, col: number) => {
    const target = rows[row];
    if (target) moveTo(target.id, col);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTableElement>) => {
    if (editing || event.nativeEvent.isComposing) return;
    const intent = gridIntent({ key: event.key, shift: event.shiftKey, mod: event.ctrlKey || event.metaKey, alt: event.altKey }, at, rows.length, ACTION_COLUMNS);
    const row = rows[at.row];
    const column = ACTION_COLUMNS[at.col] as ActionColumn;
    if (intent.type === 'none' || !row) return;
    event.preventDefault();
    if (intent.type === 'move') focusCell(intent.row, intent.col);
    else if (intent.type === 'edit') setEditing({ id: row.id, column, initial: intent.initial });
    else if (column === 'owner' || column === 'due') editAction(row.id, column, '');
  };

  const finishEdit = (commit: { readonly value: string } | null, refocus: boolean) => {
    const current = editing;
    setEditing(null);
    if (!current) return;
    if (commit) editAction(current.id, current.column as 'what' | 'owner' | 'due' | 'status', commit.value);
    // Enter and Esc hand the keyboard back to the table; a click elsewhere keeps its own focus
    if (refocus) moveTo(current.id, ACTION_COLUMNS.indexOf(current.column));
  };

  const onAdd = (id: TopicId) => {
    if (!addAction(id)) return;
    // the new row must show: a filter that would hide an empty "to do" action goes
    useActionPlanStore.getState().clearFilter();
    setCursor({ id, col: ACTION_COLUMNS.indexOf('what') });
    setEditing({ id, column: 'what' });
  };

  return (
    <section className="actions" aria-label={t('actions.title')}>
      <Toolbar doc={doc} all={all} shown={rows.length} overdue={overdue} onAdd={onAdd} />
      <div className="actions__scroller">
        {all.length === 0 ? (
          <p className="actions__empty">{t('actions.empty')}</p>
        ) : (
          <table className="actions__table" role="grid" aria-label={t('actions.title')} aria-rowcount={rows.length + 1} ref={gridRef} onKeyDown={onKeyDown}>
            <Head />
            <tbody>
              {rows.length === 0 && (
                <tr>
                  <td colSpan={ACTION_COLUMNS.length} className="actions__empty">
                    {t('actions.noMatch')}
                  </td>
                </tr>
              )}
              {rows.map((row, r) => (
                <Row
                  key={row.id}
                  row={row}
                  index={r}
                  today={today}
                  cursorCol={r === at.row ? at.col : -1}
                  editing={editing?.id === row.id ? editing : null}
                  onCell={(col) => focusCell(r, col)}
                  onEdit={(column) => setEditing({ id: row.id, column })}
                  onFinish={finishEdit}
                />
              ))}
            </tbody>
          </table>
        )}
      </div>
      <p className="actions__hint muted">{t('actions.keysHint')}</p>
    </section>
  );
}

function Head() {
  const sort = useActionPlanStore((s) => s.sort);
  const setSort = useActionPlanStore((s) => s.setSort);
  return (
    <thead>
      <tr>
        {ACTION_COLUMNS.map((column) => {
          const direction = sort?.column === column ? sort.direction : undefined;
          const next = direction === undefined ? { column, direction: 'asc' as const } : direction === 'asc' ? { column, direction: 'desc' as const } : null;
          return (
            <th key={column} aria-sort={direction === 'asc' ? 'ascending' : direction === 'desc' ? 'descending' : 'none'} className={`actions__th actions__th--${column}`}>
              <button type="button" onClick={() => setSort(next)} title={t('actions.sortBy', { column: t(COLUMN_LABEL[column]) })}>
                {t(COLUMN_LABEL[column])}
                <span aria-hidden="true" className="actions__sort">
                  {direction === 'asc' ? '▲' : direction === 'desc' ? '▼' : ''}
                </span>
              </button>
            </th>
          );
        })}
      </tr>
    </thead>
  );
}

function Row({
  row,
  index,
  today,
  cursorCol,
  editing,
  onCell,
  onEdit,
  onFinish,
}: {
  readonly row: ActionRow;
  readonly index: number;
  readonly today: string;
  readonly cursorCol: number;
  readonly editing: Editing | null;
  readonly onCell: (col: number) => void;
  readonly onEdit: (column: ActionColumn) => void;
  readonly onFinish: (commit: { readonly value: string } | null, refocus: boolean) => void;
}) {
  const late = isOverdue(row, today);
  return (
    <tr className={`actions__row${late ? ' is-overdue' : ''}${row.status === 'done' ? ' is-done' : ''}`} aria-rowindex={index + 2}>
      {ACTION_COLUMNS.map((column, col) => {
        const isEditing = editing?.column === column;
        return (
          <td
            key={column}
            role="gridcell"
            data-cell={`${index}:${col}`}
            className={`actions__cell actions__cell--${column}${cursorCol === col ? ' is-cursor' : ''}`}
            tabIndex={cursorCol === col ? 0 : -1}
            aria-readonly={!EDITABLE.has(column)}
            onClick={() => !isEditing && onCell(col)}
            onDoubleClick={() => EDITABLE.has(column) && onEdit(column)}
          >
            {isEditing && editing ? <CellEditor row={row} column={column} initial={editing.initial} onFinish={onFinish} /> : <CellText row={row} column={column} late={late} />}
          </td>
        );
      })}
    </tr>
  );
}

function CellText({ row, column, late }: { readonly row: ActionRow; readonly column: ActionColumn; readonly late: boolean }) {
  switch (column) {
    case 'score':
    case 'importance': {
      const value = row[column];
      const band = column === 'score' ? scoreBand(value) : undefined;
      return <span className={band ? `actions__score band-text--${band}` : undefined}>{value ?? '—'}</span>;
    }
    case 'due':
      return (
        <>
          {row.due || <span className="muted">—</span>}
          {late && (
            <span className="actions__overdue">
              <span aria-hidden="true">⚠ </span>
              {t('actions.overdue')}
            </span>
          )}
        </>
      );
    case 'status':
      return <span className={`actions__status actions__status--${row.status}`}>{t(`status.${row.status}`)}</span>;
    case 'what':
      return row.what ? <>{row.what}</> : <span className="muted">{t('actions.whatEmpty')}</span>;
    default:
      return <>{row[column] || <span className="muted">—</span>}</>;
  }
}

/**
 * A cell being edited. Enter (or leaving the field) keeps the text, Esc puts the old value back;
 * switching views while typing keeps the text too — the editor commits what it holds as it goes.
 */
function CellEditor({ row, column, initial, onFinish }: { readonly row: ActionRow; readonly column: ActionColumn; readonly initial?: string; readonly onFinish: (commit: { readonly value: string } | null, refocus: boolean) => void }) {
  const start = initial ?? (column === 'status' ? row.status : String(row[column] ?? ''));
  const [draft, setDraft] = useState(start);
  const latest = useRef({ draft: start, done: false });
  latest.current.draft = draft;
  const label = t(COLUMN_LABEL[column]);
  const finish = (commit: boolean, refocus: boolean) => {
    if (latest.current.done) return;
    latest.current.done = true;
    onFinish(commit && latest.current.draft !== String(column === 'status' ? row.status : (row[column] ?? '')) ? { value: latest.current.draft } : null, refocus);
  };
  useEffect(
    () => () => {
      // unmounted while typing (another view, the round): the text is kept, not dropped
      if (!latest.current.done) {
        latest.current.done = true;
        if (latest.current.draft !== start) editAction(row.id, column as 'what' | 'owner' | 'due' | 'status', latest.current.draft);
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the cleanup must run once, on unmount
    [],
  );
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing) return;
    if (event.key !== 'Enter' && event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    finish(event.key === 'Enter', true);
  };
  const common = { 'aria-label': t('actions.editCell', { column: label, touchpoint: row.touchpoint }), autoFocus: true, onKeyDown, onBlur: () => finish(true, false) };
  if (column === 'status') {
    return (
      <select className="actions__input" value={draft} onChange={(e) => setDraft(e.target.value as ActionStatus)} {...common}>
        {ACTION_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
    );
  }
  return <input className="actions__input" type={column === 'due' ? 'date' : 'text'} value={draft} onChange={(e) => setDraft(e.target.value)} {...common} />;
}

function Toolbar({ doc, all, shown, overdue, onAdd }: { readonly doc: MapDoc; readonly all: readonly ActionRow[]; readonly shown: number; readonly overdue: number; readonly onAdd: (id: TopicId) => void }) {
  const { filter, setFilter, clearFilter } = useActionPlanStore();
  const owners = actionOwners(all);
  const free = touchpointsWithoutAction(doc);
  const [pick, setPick] = useState('');
  const picked = free.find((topic) => topic.id === pick)?.id ?? free[0]?.id;
  const filtered = Object.values(filter).some((value) => value !== undefined && value !== false);
  return (
    <div className="actions__toolbar">
      <div className="actions__heading">
        <h2 className="actions__title">{t('actions.title')}</h2>
        <span className="muted" data-testid="actions-count">
          {filtered ? t('actions.countFiltered', { shown, count: all.length }) : t('actions.count', { count: all.length })}
          {overdue > 0 && ` · ${t('actions.overdueCount', { count: overdue })}`}
        </span>
      </div>
      <div className="actions__filters" role="group" aria-label={t('actions.filters')}>
        <select aria-label={t('actions.filter.owner')} value={filter.owner ?? '\u0000any'} onChange={(e) => setFilter({ owner: e.target.value === '\u0000any' ? undefined : e.target.value })}>
          <option value={'\u0000any'}>{t('actions.filter.anyOwner')}</option>
          {owners.map((owner) => (
            <option key={owner} value={owner}>
              {owner}
            </option>
          ))}
          <option value="">{t('actions.filter.noOwner')}</option>
        </select>
        <select aria-label={t('actions.filter.status')} value={filter.status ?? ''} onChange={(e) => setFilter({ status: (e.target.value || undefined) as ActionStatus | undefined })}>
          <option value="">{t('actions.filter.anyStatus')}</option>
          {ACTION_STATUSES.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('actions.filter.stage')} value={filter.stageId ?? ''} onChange={(e) => setFilter({ stageId: doc.map.stages.find((stage) => stage.id === e.target.value)?.id })}>
          <option value="">{t('actions.filter.anyStage')}</option>
          {doc.map.stages.map((stage) => (
            <option key={stage.id} value={stage.id}>
              {stage.name}
            </option>
          ))}
        </select>
        <label className="actions__check">
          <input type="checkbox" checked={filter.overdueOnly === true} onChange={(e) => setFilter({ overdueOnly: e.target.checked || undefined })} />
          {t('actions.filter.overdue')}
        </label>
        {filtered && (
          <button type="button" className="button button--ghost" onClick={clearFilter}>
            {t('actions.filter.clear')}
          </button>
        )}
      </div>
      <div className="actions__add" role="group" aria-label={t('actions.add.group')}>
        <select aria-label={t('actions.add.touchpoint')} value={picked ?? ''} disabled={free.length === 0} onChange={(e) => setPick(e.target.value)}>
          {free.length === 0 && <option value="">{t('actions.add.none')}</option>}
          {free.map((topic) => (
            <option key={topic.id} value={topic.id}>
              {topic.label}
            </option>
          ))}
        </select>
        <button type="button" className="button button--primary" disabled={picked === undefined} onClick={() => picked !== undefined && onAdd(picked)}>
          {t('actions.add')}
        </button>
      </div>
      <div className="actions__out">
        <button type="button" className="button" onClick={() => void printActionPlan('print')}>
          {t('actions.print')}
        </button>
        <button type="button" className="button" onClick={() => void printActionPlan('pdf')}>
          {t('actions.pdf')}
        </button>
        <button type="button" className="button" onClick={() => runOperation('export.csv')}>
          {t('actions.csv')}
        </button>
      </div>
    </div>
  );
}
