import { beforeEach, describe, expect, it } from 'vitest';
import { createMap, addTouchpoint, addDetail, renameTopic, setPosition, deleteTopics, setTopicFields } from '@shared/model/commands';
import { documentHistory, useDocumentStore } from '../../../renderer/src/store/document-store';
import { useUiStore } from '../../../renderer/src/store/ui-store';
import { runCommand } from '../../../renderer/src/store/run-command';
import { asId } from '../../builders/ids';

function openClinic() {
  const doc = createMap({ id: asId.map('m-1'), rootId: asId.topic('t-root'), title: 'Clinic', locale: 'en', presetId: 'customer-journey', now: '2026-11-25T10:00:00.000Z' });
  useDocumentStore.getState().open(doc);
  return doc;
}
const doc = () => useDocumentStore.getState().doc!;
const stage = (index: number) => doc().map.stages[index]!.id;

describe('the document store', () => {
  beforeEach(() => {
    openClinic();
    useUiStore.setState({ selected: [], notice: null });
  });

  it('opens a map with an empty history', () => {
    expect(documentHistory.canUndo()).toBe(false);
    expect(doc().map.title).toBe('Clinic');
  });

  it('makes each command one undo step, and redo replays it', () => {
    const { apply } = useDocumentStore.getState();
    apply((d) => addTouchpoint(d, { id: asId.topic('t-ad'), label: 'Context ad', channel: 'online', stageId: stage(0) }));
    apply((d) => addDetail(d, { id: asId.topic('t-ad-1'), parentId: asId.topic('t-ad'), label: 'Search ad' }));
    apply((d) => renameTopic(d, asId.topic('t-ad'), 'Context advert'));
    expect(doc().topics[asId.topic('t-ad')]?.label).toBe('Context advert');

    documentHistory.undo();
    expect(doc().topics[asId.topic('t-ad')]?.label).toBe('Context ad');
    documentHistory.undo();
    expect(doc().topics[asId.topic('t-ad-1')]).toBeUndefined();
    documentHistory.undo();
    expect(doc().topics[asId.topic('t-ad')]).toBeUndefined();
    expect(documentHistory.canUndo()).toBe(false);

    documentHistory.redo();
    documentHistory.redo();
    expect(doc().topics[asId.topic('t-ad-1')]?.parentId).toBe('t-ad');
    expect(documentHistory.canRedo()).toBe(true);
  });

  it('undoes a delete of a touchpoint together with its details', () => {
    const { apply } = useDocumentStore.getState();
    apply((d) => addTouchpoint(d, { id: asId.topic('t-site'), label: 'Website', channel: 'online', stageId: stage(1) }));
    apply((d) => addDetail(d, { id: asId.topic('t-chat'), parentId: asId.topic('t-site'), label: 'Chat' }));
    apply((d) => deleteTopics(d, [asId.topic('t-site')]));
    expect(Object.keys(doc().topics)).toEqual(['t-root']);
    documentHistory.undo();
    expect(doc().topics[asId.topic('t-chat')]?.parentId).toBe('t-site');
  });

  it('records a drag as one step: undo returns the node to where the drag began', () => {
    const { apply } = useDocumentStore.getState();
    apply((d) => addTouchpoint(d, { id: asId.topic('t-sign'), label: 'Signage', channel: 'offline', stageId: stage(0) }));
    apply((d) => setPosition(d, asId.topic('t-sign'), { x: -400, y: 120 }));
    // the canvas keeps the pointer's path as UI state and commits once on drop
    apply((d) => setPosition(d, asId.topic('t-sign'), { x: -520, y: 300 }));
    documentHistory.undo();
    expect(doc().topics[asId.topic('t-sign')]?.position).toEqual({ x: -400, y: 120 });
    documentHistory.undo();
    expect(doc().topics[asId.topic('t-sign')]?.position).toBeUndefined();
  });

  it('keeps selection and other UI state out of the history', () => {
    const { apply } = useDocumentStore.getState();
    apply((d) => addTouchpoint(d, { id: asId.topic('t-ad'), label: 'Context ad' }));
    useUiStore.getState().select(['t-ad']);
    useUiStore.getState().setView('grid');
    documentHistory.undo();
    expect(useUiStore.getState().selected).toEqual(['t-ad']);
    expect(useUiStore.getState().view).toBe('grid');
    expect(doc().topics[asId.topic('t-ad')]).toBeUndefined();
  });

  it('turns a refused command into a notice that names the field, and leaves the doc as it was', () => {
    const { apply } = useDocumentStore.getState();
    apply((d) => addTouchpoint(d, { id: asId.topic('t-ad'), label: 'Context ad', channel: 'online' }));
    const before = doc();
    const ok = runCommand((d) => setTopicFields(d, [asId.topic('t-ad')], { score: 14 }));
    expect(ok).toBe(false);
    expect(doc()).toBe(before);
    expect(useUiStore.getState().notice?.text).toMatch(/score: 14 is not 0–10/);
    expect(documentHistory.canRedo()).toBe(false);
  });

  it('records no history entry for a command that changes nothing', () => {
    const { apply } = useDocumentStore.getState();
    apply((d) => addTouchpoint(d, { id: asId.topic('t-ad'), label: 'Context ad' }));
    const depth = useDocumentStore.temporal.getState().pastStates.length;
    apply((d) => renameTopic(d, asId.topic('t-ad'), 'Context ad'));
    expect(useDocumentStore.temporal.getState().pastStates.length).toBe(depth);
  });
});
