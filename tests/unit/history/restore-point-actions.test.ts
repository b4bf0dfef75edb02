import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { restoreAsNewMap, restoreInPlace, saveNamedPoint } from '../../../renderer/src/features/history/restore-point-actions';
import { database, library, restorePoints } from '../../../renderer/src/db/library';
import { mapDoc } from '../../builders/map-doc';
import { openEditor, type Editor } from '../../builders/editor';
import { withoutIds } from '../../builders/without-ids';

let editor: Editor;

beforeEach(async () => {
  const clinic = mapDoc('Clinic', { stages: ['Awareness', 'Purchase'] }).touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 4 }).build();
  await library().createMap(clinic);
  editor = openEditor(clinic);
});
afterEach(async () => {
  await Promise.all(database().tables.map((table) => table.clear()));
});

describe('restoring a restore point', () => {
  it('in place: the point’s map replaces the open one in one undo step, and Undo brings back what was there', async () => {
    const point = await saveNamedPoint('Before workshop');
    editor.select('Website').rename('Homepage').rate(9);
    editor.addTouchpoint('Search ad', { channel: 'online', stage: 'Purchase' });
    const edited = editor.doc;
    const stepsBefore = editor.undoSteps;

    await restoreInPlace(point.id);
    expect(editor.labels()).toEqual(['Website']);
    expect(editor.topic('Website').score).toBe(4);
    expect(editor.doc.map.id).toBe(edited.map.id);
    expect(editor.undoSteps).toBe(stepsBefore + 1);

    editor.undo();
    expect(editor.doc).toEqual(edited);
    // The map as it was before the restore was kept as a restore point too.
    const kept = (await restorePoints().list(edited.map.id)).find((p) => p.kind === 'before-restore');
    expect(kept).toBeDefined();
    expect((await restorePoints().read(kept!.id)).topics).toEqual(edited.topics);
  });

  it('in place: refuses a point of another map, leaving the open map as it is', async () => {
    const other = mapDoc('Cafe').touchpoint('Sign', { channel: 'offline' }).build();
    const point = await restorePoints().saveNamed(other, 'Cafe point');
    const before = editor.doc;
    await expect(restoreInPlace(point.id)).rejects.toThrow(/belongs to another map/);
    expect(editor.doc).toBe(before);
  });

  it('as a new map: stored beside the original with fresh ids and a title that says so', async () => {
    const point = await saveNamedPoint('After 3 months');
    const original = editor.doc;
    const doc = await restoreAsNewMap(point.id, (restored) => `${restored.map.title} (restored)`);
    expect(doc.map.id).not.toBe(original.map.id);
    expect(doc.map.title).toBe('Clinic (restored)');
    expect((await library().listMaps()).map((map) => map.title).sort()).toEqual(['Clinic', 'Clinic (restored)']);
    const stored = (await library().loadMap(doc.map.id))!.doc;
    expect(withoutIds({ ...stored, map: { ...stored.map, title: 'Clinic', createdAt: '', updatedAt: '' } })).toEqual(
      withoutIds({ ...original, map: { ...original.map, createdAt: '', updatedAt: '' } }),
    );
    // the open map is untouched
    expect(editor.doc).toBe(original);
  });
});
