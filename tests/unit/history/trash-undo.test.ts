import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canRun, runOperation } from '../../../renderer/src/app/operations';
import { canUndoTrashMove, forgetTrashMoves, moveMapToTrash } from '../../../renderer/src/features/history';
import { database, library, trash } from '../../../renderer/src/db/library';
import { useDocumentStore } from '../../../renderer/src/store/document-store';
import { useUiStore } from '../../../renderer/src/store/ui-store';
import { mapDoc } from '../../builders/map-doc';
import { asId } from '../../builders/ids';

const titles = async () => (await library().listMaps()).map((map) => map.title).sort();
/** Undo's work is asynchronous (a database write); wait until the library shows its result. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

beforeEach(async () => {
  useDocumentStore.getState().open(null); // the library: no map open
  await library().createMap(mapDoc('Clinic').build());
  await library().createMap(mapDoc('Cafe').build());
});
afterEach(async () => {
  forgetTrashMoves();
  await Promise.all(database().tables.map((table) => table.clear()));
});

describe('Undo of a delete in the library', () => {
  it('Ctrl/Cmd+Z’s operation brings back the last map moved to Trash, then the one before', async () => {
    expect(canRun('edit.undo')).toBe(false);
    await moveMapToTrash(asId.map('m-clinic'), 'Clinic');
    await moveMapToTrash(asId.map('m-cafe'), 'Cafe');
    expect(await titles()).toEqual([]);
    expect(canRun('edit.undo')).toBe(true);

    expect(runOperation('edit.undo')).toBe(true);
    await settle();
    expect(await titles()).toEqual(['Cafe']);
    expect(useUiStore.getState().notice?.text).toBe('“Cafe” is back with your maps.');

    runOperation('edit.undo');
    await settle();
    expect(await titles()).toEqual(['Cafe', 'Clinic']);
    expect(canRun('edit.undo')).toBe(false);
  });

  it('says so in the app’s one notice, whose Undo button brings the map back', async () => {
    await moveMapToTrash(asId.map('m-clinic'), 'Clinic');
    const notice = useUiStore.getState().notice;
    expect(notice).toMatchObject({ kind: 'info', text: 'Moved “Clinic” to Trash', action: { label: 'Undo' } });
    notice!.action!.run();
    await settle();
    expect(await titles()).toEqual(['Cafe', 'Clinic']);
    expect(useUiStore.getState().notice?.text).toBe('“Clinic” is back with your maps.');
  });

  it('ends when the library is left: Trash restores from then on', async () => {
    await moveMapToTrash(asId.map('m-clinic'), 'Clinic');
    forgetTrashMoves();
    expect(canUndoTrashMove()).toBe(false);
    expect(runOperation('edit.undo')).toBe(false);
    expect((await trash().list()).map((map) => map.title)).toEqual(['Clinic']);
  });
});
