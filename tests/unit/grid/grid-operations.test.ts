/**
 * The grid's verbs against the real stores: a drop moves cards to another cell in ONE undo
 * step, Tab adds in the cursor cell, and the arrow keys move the shared selection.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { mapDoc, type MapDocBuilder } from '../../builders/map-doc';
import { openEditor, type Editor } from '../../builders/editor';
import { dropOnCell, gridAddTouchpoint, gridFor, gridMove } from '../../../renderer/src/features/grid/grid-operations';
import { useGridUiStore } from '../../../renderer/src/features/grid/grid-ui-store';
import { asId } from '../../builders/ids';

let map: MapDocBuilder;
let editor: Editor;
const doc = () => editor.doc;
const cellOf = (label: string) => gridFor(doc(), useGridUiStore.getState().mode).cellsOf.get(editor.id(label))![0]!;

beforeEach(() => {
  map = mapDoc('Clinic', { preset: 'customer-journey', segments: ['New patients', 'Returning patients'] })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness' })
    .touchpoint('Site page', { channel: 'online', stage: 'Consideration' })
    .touchpoint('Reception desk', { channel: 'offline', stage: 'Purchase' });
  editor = openEditor(map.build(), { view: 'grid' });
  useGridUiStore.setState({ mode: 'channel', cursor: null });
});

describe('dropping cards on a cell', () => {
  it('changes stage and channel of every dragged card in one undo step', () => {
    const to = `channel:offline|stage:${editor.stageId('Experience')}`;
    expect(dropOnCell([editor.id('Context ad'), editor.id('Site page')], cellOf('Context ad'), to)).toBe(true);
    for (const label of ['Context ad', 'Site page']) {
      expect(doc().topics[editor.id(label)]).toMatchObject({ channel: 'offline', stageId: editor.stageId('Experience') });
    }
    expect(editor.undoSteps).toBe(1);
    editor.undo();
    expect(doc().topics[editor.id('Context ad')]).toMatchObject({ channel: 'online', stageId: editor.stageId('Awareness') });
    expect(doc().topics[editor.id('Site page')]).toMatchObject({ channel: 'online', stageId: editor.stageId('Consideration') });
  });

  it('clears the stage when dropped on Unsorted, and does nothing when dropped where it is or on no cell', () => {
    // the Unsorted column is there while a touchpoint has no stage
    editor = openEditor(map.touchpoint('Word of mouth', { channel: 'online' }).build(), { view: 'grid' });
    const from = cellOf('Site page');
    expect(dropOnCell([editor.id('Site page')], from, from)).toBe(false);
    expect(dropOnCell([editor.id('Site page')], from, 'channel:online|stage:s-gone')).toBe(false);
    expect(editor.undoSteps).toBe(0);
    expect(dropOnCell([editor.id('Site page')], from, 'channel:online|nostage')).toBe(true);
    expect(doc().topics[editor.id('Site page')]!.stageId).toBeUndefined();
    expect(doc().topics[editor.id('Site page')]!.channel).toBe('online');
  });

  it('in segment rows, moves the card from the row\'s segment to the target row\'s', () => {
    const fresh = editor.segmentId('New patients');
    const back = editor.segmentId('Returning patients');
    editor = openEditor(map.set('Context ad', { segments: ['New patients'] }).build(), { view: 'grid' });
    useGridUiStore.setState({ mode: 'segment' });
    const from = cellOf('Context ad');
    expect(from).toBe(`segment:${fresh}|stage:${editor.stageId('Awareness')}`);
    expect(dropOnCell([editor.id('Context ad')], from, `segment:${back}|stage:${editor.stageId('Loyalty')}`)).toBe(true);
    expect(doc().topics[editor.id('Context ad')]).toMatchObject({ segmentIds: [back], stageId: editor.stageId('Loyalty'), channel: 'online' });
    expect(editor.undoSteps).toBe(1);
  });
});

describe('keys in the grid', () => {
  it('arrow keys select the first card, then walk across cells', () => {
    gridMove('right');
    expect(editor.selected).toEqual([editor.id('Context ad')]);
    gridMove('right');
    expect(editor.selected).toEqual([editor.id('Site page')]);
    expect(useGridUiStore.getState().cursor).toBe(cellOf('Site page'));
  });

  it('Tab adds a touchpoint in the cursor cell and opens its label for typing', () => {
    useGridUiStore.setState({ cursor: `channel:offline|stage:${editor.stageId('Loyalty')}` });
    expect(gridAddTouchpoint()).toBe(true);
    const editing = editor.editing!;
    expect(doc().topics[asId.topic(editing.id)]).toMatchObject({ channel: 'offline', stageId: editor.stageId('Loyalty'), label: 'New touchpoint' });
    expect(editor.selected).toEqual([editing.id]);
  });

  it('Tab in a segment row makes the new touchpoint part of that segment', () => {
    const fresh = editor.segmentId('New patients');
    useGridUiStore.setState({ mode: 'segment', cursor: `segment:${fresh}|stage:${editor.stageId('Purchase')}` });
    gridAddTouchpoint();
    const id = asId.topic(editor.editing!.id);
    expect(doc().topics[id]).toMatchObject({ segmentIds: [fresh], stageId: editor.stageId('Purchase') });
    expect(editor.undoSteps).toBe(1);
  });
});
