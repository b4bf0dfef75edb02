/**
 * The grid's verbs against the real stores: a drop moves cards to another cell in ONE undo
 * step, Tab adds in the cursor cell, and the arrow keys move the shared selection.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { createTestMap, type TestMap } from '../model/driver';
import { documentHistory, useDocumentStore } from '../../../renderer/src/store/document-store';
import { useUiStore } from '../../../renderer/src/store/ui-store';
import { dropOnCell, gridAddTouchpoint, gridFor, gridMove, useGridUi } from '../../../renderer/src/features/grid/grid-operations';

let map: TestMap;
const doc = () => useDocumentStore.getState().doc!;
const cellOf = (label: string) => gridFor(doc(), useGridUi.getState().mode).cellsOf.get(map.id(label))![0]!;

beforeEach(() => {
  map = createTestMap({ title: 'Clinic' })
    .addTouchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .addTouchpoint('Site page', { channel: 'online', stage: 'Consideration' })
    .addTouchpoint('Reception desk', { channel: 'offline', stage: 'Purchase' })
    .addSegment('New patients')
    .addSegment('Returning patients');
  useDocumentStore.getState().open(map.doc);
  useUiStore.setState({ selected: [], editing: null, view: 'grid' });
  useGridUi.setState({ mode: 'channel', cursor: null });
});

describe('dropping cards on a cell', () => {
  it('changes stage and channel of every dragged card in one undo step', () => {
    const to = `channel:offline|stage:${map.stageId('Experience')}`;
    expect(dropOnCell([map.id('Context ad'), map.id('Site page')], cellOf('Context ad'), to)).toBe(true);
    for (const label of ['Context ad', 'Site page']) {
      expect(doc().topics[map.id(label)]).toMatchObject({ channel: 'offline', stageId: map.stageId('Experience') });
    }
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(1);
    documentHistory.undo();
    expect(doc().topics[map.id('Context ad')]).toMatchObject({ channel: 'online', stageId: map.stageId('Awareness') });
    expect(doc().topics[map.id('Site page')]).toMatchObject({ channel: 'online', stageId: map.stageId('Consideration') });
  });

  it('clears the stage when dropped on Unsorted, and does nothing when dropped where it is or on no cell', () => {
    // the Unsorted column is there while a touchpoint has no stage
    useDocumentStore.getState().open(map.addTouchpoint('Word of mouth', { channel: 'online' }).doc);
    const from = cellOf('Site page');
    expect(dropOnCell([map.id('Site page')], from, from)).toBe(false);
    expect(dropOnCell([map.id('Site page')], from, 'channel:online|stage:s-gone')).toBe(false);
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(0);
    expect(dropOnCell([map.id('Site page')], from, 'channel:online|nostage')).toBe(true);
    expect(doc().topics[map.id('Site page')]!.stageId).toBeUndefined();
    expect(doc().topics[map.id('Site page')]!.channel).toBe('online');
  });

  it('in segment rows, moves the card from the row\'s segment to the target row\'s', () => {
    const fresh = map.segmentId('New patients');
    const back = map.segmentId('Returning patients');
    map.set('Context ad', { segmentIds: [fresh] });
    useDocumentStore.getState().open(map.doc);
    useGridUi.setState({ mode: 'segment' });
    const from = cellOf('Context ad');
    expect(from).toBe(`segment:${fresh}|stage:${map.stageId('Awareness')}`);
    expect(dropOnCell([map.id('Context ad')], from, `segment:${back}|stage:${map.stageId('Loyalty')}`)).toBe(true);
    expect(doc().topics[map.id('Context ad')]).toMatchObject({ segmentIds: [back], stageId: map.stageId('Loyalty'), channel: 'online' });
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(1);
  });
});

describe('keys in the grid', () => {
  it('arrow keys select the first card, then walk across cells', () => {
    gridMove('right');
    expect(useUiStore.getState().selected).toEqual([map.id('Context ad')]);
    gridMove('right');
    expect(useUiStore.getState().selected).toEqual([map.id('Site page')]);
    expect(useGridUi.getState().cursor).toBe(cellOf('Site page'));
  });

  it('Tab adds a touchpoint in the cursor cell and opens its label for typing', () => {
    useGridUi.setState({ cursor: `channel:offline|stage:${map.stageId('Loyalty')}` });
    expect(gridAddTouchpoint()).toBe(true);
    const editing = useUiStore.getState().editing!;
    expect(doc().topics[editing.id]).toMatchObject({ channel: 'offline', stageId: map.stageId('Loyalty'), label: 'New touchpoint' });
    expect(useUiStore.getState().selected).toEqual([editing.id]);
  });

  it('Tab in a segment row makes the new touchpoint part of that segment', () => {
    const fresh = map.segmentId('New patients');
    useGridUi.setState({ mode: 'segment', cursor: `segment:${fresh}|stage:${map.stageId('Purchase')}` });
    gridAddTouchpoint();
    const id = useUiStore.getState().editing!.id;
    expect(doc().topics[id]).toMatchObject({ segmentIds: [fresh], stageId: map.stageId('Purchase') });
    expect(useDocumentStore.temporal.getState().pastStates).toHaveLength(1);
  });
});
