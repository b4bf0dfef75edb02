/**
 * Typing a list of touchpoints: a touchpoint added by Enter or Tab is named in the same undo step
 * that added it, Enter while naming opens the next one after it, and an untouched next one taken
 * away leaves no trace in undo or redo. A view change drops any label edit pending in the old view.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { useUiStore } from '../../../renderer/src/store/ui-store';
import { addSibling, openNextSibling } from '../../../renderer/src/features/mindmap/mind-actions';
import { commitLabel } from '../../../renderer/src/features/mindmap/label-editing';
import { joinAddStep, newTopicOf, withdraw } from '../../../renderer/src/features/mindmap/new-topic-entry';
import { mapDoc } from '../../builders/map-doc';
import { openEditor, type Editor } from '../../builders/editor';

let editor: Editor;
const doc = () => editor.doc;
const past = () => editor.undoSteps;
const editingId = () => editor.editing?.id as string;
/** The touchpoints of the first stage, online, in map order. */
const labels = () =>
  Object.values(doc().topics)
    .filter((topic) => topic.parentId !== null && topic.channel === 'online')
    .sort((a, b) => a.order - b.order)
    .map((topic) => topic.label);

/** What the label editor does on Enter while naming a just-added touchpoint. */
function nameAndGoOn(text: string): void {
  const id = editingId();
  const entry = newTopicOf(id);
  expect(entry, `${id} is a just-added touchpoint`).not.toBeNull();
  joinAddStep(entry!, () => commitLabel(id, text));
  useUiStore.getState().stopEditing();
  openNextSibling();
}

describe('typing a list of touchpoints', () => {
  beforeEach(() => {
    editor = openEditor(mapDoc('Coffee', { preset: 'customer-journey' }).build(), { view: 'mindmap' })
      .addTouchpoint('Signage', { channel: 'online', stage: 'Awareness' })
      .select('Signage');
  });

  it('adds each named touchpoint after the last, one undo step each with its name', () => {
    const before = past();
    addSibling();
    for (const label of ['Instagram ads', 'Google Maps listing', 'Flyer']) nameAndGoOn(label);
    // the fourth is open and untouched: taking it away leaves three steps, no redo
    withdraw(newTopicOf(editingId())!);
    expect(labels()).toEqual(['Signage', 'Instagram ads', 'Google Maps listing', 'Flyer']);
    expect(past() - before).toBe(3);
    expect(editor.canRedo).toBe(false);
    // undo takes the last one back whole: never a "New touchpoint" left with a wrong name
    editor.undo();
    expect(labels()).toEqual(['Signage', 'Instagram ads', 'Google Maps listing']);
    editor.undo();
    expect(labels()).toEqual(['Signage', 'Instagram ads']);
    editor.redo();
    expect(labels()).toEqual(['Signage', 'Instagram ads', 'Google Maps listing']);
  });

  it('marks the opened-by-Enter one as the next, after the one before it', () => {
    addSibling();
    const first = editingId();
    expect(newTopicOf(first)).toMatchObject({ openedBy: 'key', after: editor.id('Signage') });
    nameAndGoOn('Instagram ads');
    expect(newTopicOf(editingId())).toMatchObject({ openedBy: 'next', after: first });
    expect(newTopicOf(first)).toBeNull();
  });

  it('names in a step of its own when something changed the map between the add and the name', () => {
    addSibling();
    const id = editingId();
    const entry = newTopicOf(id)!;
    editor.addTouchpoint('Other', { channel: 'offline' });
    const before = past();
    joinAddStep(entry, () => commitLabel(id, 'Instagram ads'));
    expect(past()).toBe(before + 1);
    editor.undo();
    expect(doc().topics[id]?.label).toBe('New touchpoint');
  });
});

describe('a view change', () => {
  it('drops a label edit pending in the view that was left', () => {
    useUiStore.setState({ view: 'outline', editing: { id: 't-sign', initial: '0' } });
    useUiStore.getState().setView('mindmap');
    expect(useUiStore.getState().editing).toBeNull();
  });

  it('keeps the edit when the view does not change', () => {
    useUiStore.setState({ view: 'mindmap', editing: { id: 't-sign', initial: 'B' } });
    useUiStore.getState().setView('mindmap');
    expect(useUiStore.getState().editing).toEqual({ id: 't-sign', initial: 'B' });
  });
});
