/**
 * Typing a list of touchpoints: a touchpoint added by Enter or Tab is named in the same undo step
 * that added it, Enter while naming opens the next one after it, and an untouched next one taken
 * away leaves no trace in undo or redo. A view change drops any label edit pending in the old view.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { addTouchpoint, createMap } from '@shared/model/commands';
import { documentHistory, useDocumentStore } from '../../../renderer/src/store/document-store';
import { useUiStore } from '../../../renderer/src/store/ui-store';
import { runCommand } from '../../../renderer/src/store/run-command';
import { addSibling, openNextSibling } from '../../../renderer/src/features/mindmap/mind-operations';
import { commitLabel } from '../../../renderer/src/features/mindmap/label-editing';
import { nameStep, newTopicOf, withdraw } from '../../../renderer/src/features/mindmap/new-topic-entry';
import { asId } from '../../builders/ids';
import type { TopicId } from '@shared/model/types';

const doc = () => useDocumentStore.getState().doc!;
const past = () => useDocumentStore.temporal.getState().pastStates.length;
const editingId = () => useUiStore.getState().editing?.id as TopicId;
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
  commitLabel(id, text, nameStep(entry!));
  useUiStore.getState().stopEditing();
  openNextSibling();
}

describe('typing a list of touchpoints', () => {
  beforeEach(() => {
    useDocumentStore.getState().open(createMap({ id: asId.map('m-1'), rootId: asId.topic('t-root'), title: 'Coffee', locale: 'en', presetId: 'customer-journey', now: '2026-12-06T10:00:00.000Z' }));
    const stageId = doc().map.stages[0]!.id;
    runCommand((d) => addTouchpoint(d, { id: asId.topic('t-sign'), label: 'Signage', channel: 'online', stageId }));
    useUiStore.setState({ selected: ['t-sign'], editing: null, view: 'mindmap', notice: null });
  });

  it('adds each named touchpoint after the last, one undo step each with its name', () => {
    const before = past();
    addSibling();
    for (const label of ['Instagram ads', 'Google Maps listing', 'Flyer']) nameAndGoOn(label);
    // the fourth is open and untouched: taking it away leaves three steps, no redo
    withdraw(newTopicOf(editingId())!);
    expect(labels()).toEqual(['Signage', 'Instagram ads', 'Google Maps listing', 'Flyer']);
    expect(past() - before).toBe(3);
    expect(documentHistory.canRedo()).toBe(false);
    // undo takes the last one back whole: never a "New touchpoint" left with a wrong name
    documentHistory.undo();
    expect(labels()).toEqual(['Signage', 'Instagram ads', 'Google Maps listing']);
    documentHistory.undo();
    expect(labels()).toEqual(['Signage', 'Instagram ads']);
    documentHistory.redo();
    expect(labels()).toEqual(['Signage', 'Instagram ads', 'Google Maps listing']);
  });

  it('marks the opened-by-Enter one as the next, after the one before it', () => {
    addSibling();
    const first = editingId();
    expect(newTopicOf(first)).toMatchObject({ openedBy: 'key', after: 't-sign' });
    nameAndGoOn('Instagram ads');
    expect(newTopicOf(editingId())).toMatchObject({ openedBy: 'next', after: first });
    expect(newTopicOf(first)).toBeNull();
  });

  it('names in a step of its own when something changed the map between the add and the name', () => {
    addSibling();
    const id = editingId();
    const entry = newTopicOf(id)!;
    runCommand((d) => addTouchpoint(d, { id: asId.topic('t-other'), label: 'Other', channel: 'offline' }));
    const before = past();
    commitLabel(id, 'Instagram ads', nameStep(entry));
    expect(past()).toBe(before + 1);
    documentHistory.undo();
    expect(doc().topics[id]?.label).toBe('New touchpoint');
  });
});

describe('taking an untouched touchpoint away', () => {
  beforeEach(() => {
    useDocumentStore.getState().open(createMap({ id: asId.map('m-1'), rootId: asId.topic('t-root'), title: 'Coffee', locale: 'en', presetId: 'customer-journey', now: '2026-12-06T10:00:00.000Z' }));
    runCommand((d) => addTouchpoint(d, { id: asId.topic('t-sign'), label: 'Signage', channel: 'online', stageId: d.map.stages[0]!.id }));
    useUiStore.setState({ selected: ['t-sign'], editing: null, view: 'mindmap', notice: null });
  });

  it('gives back the very map from before its add, with nothing in undo or redo', () => {
    const start = doc();
    const before = past();
    addSibling();
    withdraw(newTopicOf(editingId())!);
    expect(doc()).toBe(start);
    expect(past()).toBe(before);
    expect(documentHistory.canRedo()).toBe(false);
  });

  it('deletes it as a step of its own when the map changed since its add, keeping that change', () => {
    addSibling();
    const id = editingId();
    const entry = newTopicOf(id)!;
    runCommand((d) => addTouchpoint(d, { id: asId.topic('t-other'), label: 'Other', channel: 'offline' }));
    withdraw(entry);
    expect(doc().topics[id]).toBeUndefined();
    expect(doc().topics[asId.topic('t-other')]?.label).toBe('Other');
    documentHistory.undo();
    expect(doc().topics[id]?.label).toBe('New touchpoint');
    expect(doc().topics[asId.topic('t-other')]?.label).toBe('Other');
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
