/**
 * The mind map's verbs on the current selection: add a child (Tab), add a sibling (Enter),
 * edit a label, delete, walk with the arrow keys. The operations registry binds them to keys,
 * menu items and buttons by name.
 */
import { addTouchpoint, addDetail, deleteTopics } from '@shared/model/commands';
import type { MapDoc, TopicId } from '@shared/model/types';
import { newId } from '@shared/model/ids';
import { useDocumentStore } from '../../store/document-store';
import { selectPrimary, useUiStore } from '../../store/ui-store';
import { runCommand } from '../../store/run-command';
import { t } from '../../i18n';
import { parseGroupId } from '../../drawing/projection';
import { neighbour, stageOfNode, type Direction } from '../../drawing/mind-model';
import { viewModelFor } from './view-model';
import { canvasControl, type Follow } from './canvas-control';
import { addStep, markNew, type NewTopic } from './new-topic-entry';
import { isTopicIdOf } from '@shared/model/selectors';

function context() {
  const doc = useDocumentStore.getState().doc;
  const ui = useUiStore.getState();
  const selected = selectPrimary(ui);
  return { doc, ui, selected };
}

/** Brings a node on screen in the same render as the edit or the move that got it there. */
function reveal(id: string, follow?: Follow): void {
  const doc = useDocumentStore.getState().doc;
  const box = doc && viewModelFor(doc).byId.get(id);
  if (box) canvasControl.reveal(box, follow);
}

/**
 * A new node is typed into at once: the view moves to it at once too (canvas-control.ts, `nearest`).
 * It is marked new, so its name joins its add in one undo step and Enter opens the next one.
 */
function addAndEdit(add: (id: TopicId) => (doc: MapDoc) => MapDoc, id: TopicId, openedBy: NewTopic['openedBy'] = 'key', after: string | null = null): void {
  const beforeAdd = useDocumentStore.getState().doc;
  if (!runCommand(add(id), addStep(id))) return;
  markNew(id, openedBy, after, beforeAdd);
  useUiStore.getState().startEditing(id);
  reveal(id, 'nearest');
}

/** Tab: a touchpoint in a group's channel and stage; a detail under a topic; an unsorted touchpoint under the root. */
export function addChild(): boolean {
  const { doc, selected } = context();
  if (!doc || !selected) return false;
  const id = newId('t');
  const topic = isTopicIdOf(doc, selected) ? doc.topics[selected] : undefined;
  if (topic) {
    if (topic.parentId === null) {
      addAndEdit((newTopic) => (d) => addTouchpoint(d, { id: newTopic, label: t('topic.newTouchpoint') }), id);
    } else {
      addAndEdit((newTopic) => (d) => addDetail(d, { id: newTopic, parentId: topic.id, label: t('topic.newDetail') }), id);
    }
    return true;
  }
  const group = parseGroupId(selected);
  if (!group) return false;
  addAndEdit(
    (newTopic) => (d) =>
      addTouchpoint(d, { id: newTopic, label: t('topic.newTouchpoint'), channel: group.channel ?? undefined, stageId: group.stageId ?? undefined }),
    id,
  );
  return true;
}

/** Enter: the next sibling — a touchpoint in the same group, or a detail under the same topic. */
export function addSibling(openedBy: NewTopic['openedBy'] = 'key'): boolean {
  const { doc, selected } = context();
  if (!doc || !selected) return false;
  const topic = isTopicIdOf(doc, selected) ? doc.topics[selected] : undefined;
  if (!topic) return parseGroupId(selected) ? addChild() : false;
  if (topic.parentId === null) return false;
  const id = newId('t');
  const parent = doc.topics[topic.parentId];
  if (parent && parent.parentId === null) {
    addAndEdit(
      (newTopic) => (d) =>
        addTouchpoint(d, { id: newTopic, label: t('topic.newTouchpoint'), channel: topic.channel, stageId: topic.stageId, afterId: topic.id }),
      id,
      openedBy,
      topic.id,
    );
  } else {
    addAndEdit(
      (newTopic) => (d) => addDetail(d, { id: newTopic, parentId: topic.parentId as TopicId, label: t('topic.newDetail'), afterId: topic.id }),
      id,
      openedBy,
      topic.id,
    );
  }
  return true;
}

/** Enter while naming a just-added topic: the next one after it, opened as a placeholder to type into. */
export const openNextSibling = (): boolean => addSibling('next');

/** F2, double-click, or typing: edit the selected label in place (a typed key starts the new text). */
export function editLabel(initial?: string): boolean {
  const { doc, ui, selected } = context();
  if (!doc || !selected) return false;
  const editable = isTopicIdOf(doc, selected) || stageOfNode(viewModelFor(doc), selected) !== undefined;
  if (!editable) return false;
  ui.startEditing(selected, initial);
  return true;
}

/** Delete: the selected topics with their details; the selection moves to what is left nearby. */
export function deleteSelection(): boolean {
  const { doc, ui } = context();
  if (!doc) return false;
  const ids = ui.selected.filter((id): id is TopicId => isTopicIdOf(doc, id) && doc.topics[id]?.parentId !== null);
  if (ids.length === 0) return false;
  const model = viewModelFor(doc);
  const last = ids[ids.length - 1] as TopicId;
  const next = neighbour(model, last, 'down') ?? neighbour(model, last, 'up') ?? model.byId.get(last)?.parentId ?? undefined;
  if (runCommand((d) => deleteTopics(d, ids))) ui.select(next && !ids.some((id) => id === next) ? [next] : []);
  return true;
}

export function moveSelection(direction: Direction): boolean {
  const { doc, ui, selected } = context();
  if (!doc) return false;
  const model = viewModelFor(doc);
  if (!selected || !model.byId.has(selected)) {
    const root = model.layout.nodes.find((n) => n.type === 'root');
    if (root) ui.select([root.id]);
    return true;
  }
  const next = neighbour(model, selected, direction);
  if (next) {
    ui.select([next]);
    reveal(next);
  }
  return true;
}
