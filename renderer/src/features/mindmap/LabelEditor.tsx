/**
 * The in-place label editor of a node or a card: it opens focused (all selected, or after the
 * character the user started typing with), Enter commits, Shift+Enter breaks the line, Esc
 * cancels, leaving the field commits. One commit is one undo step (see label-editing.ts).
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useUiStore } from '../../store/ui-store';
import { commitLabel } from './label-editing';

export interface LabelEditorProps {
  /** The node being edited: a topic id, or a stage group's id. */
  readonly id: string;
  /** The text typing started with; undefined = edit the current label with all of it selected. */
  readonly initial?: string;
  readonly current: string;
  readonly className: string;
  readonly rows?: number;
  /**
   * Focus without scrolling the field into view: the mind map pans the node into view itself
   * (MindMapView's useFollowSelection), and scrolling there would make Chromium lay out the whole
   * canvas first and could shift React Flow's overflow-hidden pane (issue 6).
   */
  readonly preventScroll?: boolean;
}

export function LabelEditor({ id, initial, current, className, rows = 1, preventScroll = false }: LabelEditorProps) {
  const [text, setText] = useState(initial ?? current);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const field = ref.current;
    if (!field) return;
    field.focus({ preventScroll });
    if (initial === undefined) field.select();
    else field.setSelectionRange(field.value.length, field.value.length);
  }, [initial, preventScroll]);
  const done = (commit: boolean) => {
    if (commit) commitLabel(id, text);
    useUiStore.getState().stopEditing();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    // the editor owns its keys: Tab, arrows and Delete must not reach the map's shortcuts
    event.stopPropagation();
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      done(true);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      done(false);
    }
  };
  return (
    <textarea
      ref={ref}
      className={className}
      aria-label="Edit label"
      value={text}
      rows={rows}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => done(true)}
    />
  );
}
