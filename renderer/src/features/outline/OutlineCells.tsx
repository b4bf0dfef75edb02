/**
 * The outline's cells: how each column shows its value, and the in-cell editors (a text field for
 * labels, a list for choices). Plain text only: labels are never rendered as HTML.
 */
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { MapDoc, Topic } from '@shared/model/types';
import { t, type MessageKey } from '../../i18n';
import { highlightRanges } from '../search';
import { bandOfCell, cellValue, type OutlineColumn } from './outline-model';

const CHOICE_PREFIX: Record<string, string> = { channel: 'channel', kind: 'kind', reaction: 'reaction', status: 'status' };

/** The words for a choice value: a stage's name, or the translated channel / kind / reaction / status. */
export function choiceLabel(doc: MapDoc, column: OutlineColumn, value: string): string {
  if (column.id === 'stage') return doc.map.stages.find((stage) => stage.id === value)?.name ?? value;
  const prefix = CHOICE_PREFIX[column.id];
  return prefix ? t(`${prefix}.${value}` as MessageKey) : value;
}

/** A label with the search matches marked. */
function MarkedText({ text, query }: { readonly text: string; readonly query: string | null }) {
  if (query === null) return <>{text}</>;
  const ranges = highlightRanges(text, query);
  if (ranges.length === 0) return <>{text}</>;
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([start, end], i) => {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(<mark key={i}>{text.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(text.slice(at));
  return <>{parts}</>;
}

/** Very long labels are clipped in the row (the inspector shows them whole). */
const SHOWN_LABEL = 400;

/** What a cell shows. `query` is the search query when this row is a match. */
export function CellContent({ doc, topic, column, query }: { readonly doc: MapDoc; readonly topic: Topic; readonly column: OutlineColumn; readonly query: string | null }) {
  const value = cellValue(topic, column.id);
  if (column.id === 'label') {
    const label = topic.label.length > SHOWN_LABEL ? `${topic.label.slice(0, SHOWN_LABEL)}…` : topic.label;
    return <span className="outline__label">{label === '' ? <span className="muted">{t('outline.untitled')}</span> : <MarkedText text={label} query={query} />}</span>;
  }
  if (value === undefined) return null;
  if (column.kind === 'number') {
    const band = bandOfCell(column.id, value as number);
    return <span className={`outline__number${band ? ` band--${band}` : ''}`}>{value}</span>;
  }
  return <span className={`outline__choice choice--${column.id}-${String(value)}`}>{choiceLabel(doc, column, String(value))}</span>;
}

export interface EditorProps {
  readonly initial: string;
  readonly label: string;
  readonly onCommit: (value: string, move?: 'next' | 'previous') => void;
  readonly onCancel: () => void;
}

/** The label editor: Enter or Tab commits (Tab also moves on), Esc cancels, leaving commits. */
export function TextCellEditor({ initial, label, onCommit, onCancel }: EditorProps & { readonly typed?: boolean }) {
  const [text, setText] = useState(initial);
  const field = useRef<HTMLInputElement>(null);
  const done = useRef(false);
  useEffect(() => {
    field.current?.focus();
  }, []);
  const finish = (commit: boolean, move?: 'next' | 'previous') => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(text, move);
    else onCancel();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    event.stopPropagation();
    if (event.nativeEvent.isComposing) return;
    if (event.key === 'Enter') {
      event.preventDefault();
      finish(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      finish(false);
    } else if (event.key === 'Tab') {
      event.preventDefault();
      finish(true, event.shiftKey ? 'previous' : 'next');
    }
  };
  return (
    <input
      ref={field}
      className="outline__editor nodrag"
      aria-label={label}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => finish(true)}
    />
  );
}

/** The choice editor: a list of the values (and "—" to clear); Enter or a click picks, Esc cancels. */
export function ChoiceCellEditor({ doc, column, initial, label, onCommit, onCancel }: EditorProps & { readonly doc: MapDoc; readonly column: OutlineColumn }) {
  const [value, setValue] = useState(initial);
  const list = useRef<HTMLSelectElement>(null);
  const done = useRef(false);
  useEffect(() => {
    list.current?.focus();
  }, []);
  const finish = (commit: boolean, picked = value, move?: 'next' | 'previous') => {
    if (done.current) return;
    done.current = true;
    if (commit) onCommit(picked, move);
    else onCancel();
  };
  const values = column.values ?? [];
  return (
    <select
      ref={list}
      className="outline__list nodrag"
      aria-label={label}
      size={values.length + 1}
      value={value}
      onChange={(event) => setValue(event.target.value)}
      onClick={(event) => finish(true, (event.target as HTMLSelectElement).value || value)}
      onBlur={() => finish(false)}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Enter') {
          event.preventDefault();
          finish(true);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          finish(false);
        } else if (event.key === 'Tab') {
          event.preventDefault();
          finish(true, value, event.shiftKey ? 'previous' : 'next');
        }
      }}
    >
      <option value="">{t('inspector.none')}</option>
      {values.map((v, i) => (
        <option key={v} value={v}>
          {i < 9 ? `${i + 1}  ` : ''}
          {choiceLabel(doc, column, v)}
        </option>
      ))}
    </select>
  );
}
