/**
 * The editor driver itself: edits go through the real store and command runner, so Undo takes
 * back one step per edit and a refused edit leaves the map as it was with the user's message.
 */
import { describe, expect, it } from 'vitest';
import { useDocumentStore } from '../../../renderer/src/store/document-store';
import { openEditor } from '../../builders/editor';
import { mapDoc } from '../../builders/map-doc';

const clinic = () => mapDoc('Clinic', { stages: ['Awareness', 'Purchase'] }).touchpoint('Reception', { channel: 'offline', stage: 'Purchase' }).build();

describe('the editor driver', () => {
  it('adds and rates a touchpoint in the open map, one undo step each', () => {
    const editor = openEditor(clinic());
    editor.addTouchpoint('Website', { channel: 'online', stage: 'Awareness' }).rate(8);
    expect(useDocumentStore.getState().doc).toBe(editor.doc);
    expect(editor.topic('Website')).toMatchObject({ id: 't-website', channel: 'online', stageId: 's-awareness', score: 8 });
    expect(editor.undoSteps).toBe(2);
    editor.undo();
    expect(editor.topic('Website').score).toBeUndefined();
    editor.undo();
    expect(editor.labels()).toEqual(['Reception']);
    expect(editor.canRedo).toBe(true);
  });

  it('starts each map with an empty history and a clean selection', () => {
    openEditor(clinic()).addTouchpoint('Chat').select('Chat');
    const editor = openEditor(clinic());
    expect(editor.undoSteps).toBe(0);
    expect(editor.selected).toEqual([]);
  });

  it('turns a refused edit into the user\'s notice and keeps the map', () => {
    const editor = openEditor(clinic()).select('Reception');
    const before = editor.doc;
    editor.rate(14).expectRefused(/score/, before);
    expect(editor.undoSteps).toBe(0);
  });
});
