import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { MapDoc } from '@shared/model/types';
import {
  PERSIST_THROTTLE_MS,
  createMapRepository,
  startAutosave,
  type Autosave,
  type AutosaveOptions,
  type MapRepository,
  type SaveStatus,
  type TouchmapDB,
  type WriteReport,
} from '../../../renderer/src/db';
import {
  addTopic,
  createSource,
  deleteTopic,
  freshDb,
  logWrites,
  setChain,
  setLabel,
  summarise,
  type LoggedWrite,
} from './helpers';
import { clinicMap } from '../../fixtures/clinic-map';
import { createTrash } from '../../../renderer/src/db/trash';
import { asId } from '../../builders/ids';

const NOW = '2026-11-25T10:00:00.000Z';
/** Short enough for real timers, long enough that a burst of synchronous edits falls inside it. */
const THROTTLE = 20;

let db: TouchmapDB;
let repo: MapRepository;
let writes: LoggedWrite[];
let autosave: Autosave | undefined;

beforeEach(() => {
  db = freshDb();
  writes = logWrites(db);
  repo = createMapRepository(db, { now: () => NOW });
});
afterEach(async () => {
  autosave?.stop();
  autosave = undefined;
  vi.useRealTimers();
  vi.restoreAllMocks();
  db.close();
  await Dexie.delete(db.name);
});

/** A stored map, an autosave watching it, and what that autosave reports. */
async function openMap(doc: MapDoc = clinicMap(), options: AutosaveOptions = {}) {
  await repo.createMap(doc);
  writes.length = 0;
  const source = createSource(doc);
  const reports: WriteReport[] = [];
  const statuses: SaveStatus[] = [];
  autosave = startAutosave(db, source, {
    throttleMs: THROTTLE,
    now: () => NOW,
    onWrite: (report) => reports.push(report),
    onStatus: (status) => statuses.push(status),
    ...options,
  });
  return { source, reports, statuses, autosave };
}

describe('autosave writes only what changed', () => {
  it('one label edit → one topic row and the map row', async () => {
    const { source, autosave } = await openMap();
    source.set(setLabel(source.getDoc()!, asId.topic('t-2'), 'Reception desk'));
    await autosave.flush();

    expect(summarise(writes)).toEqual({ 'topics.put': ['t-2'], 'maps.put': ['m-clinic'] });
    expect(autosave.lastWriteRowCount).toBe(2);
    expect((await db.topics.get(['m-clinic', 't-2']))?.label).toBe('Reception desk');
    expect((await db.maps.get(asId.map('m-clinic')))?.updatedAt).toBe(NOW);
  });

  it('adding a touchpoint → its row and the map row, with the count up by one', async () => {
    const { source, autosave } = await openMap();
    source.set(addTopic(source.getDoc()!, { id: asId.topic('t-new'), parentId: asId.topic('t-root'), order: 9, label: 'Parking', channel: 'offline' }));
    await autosave.flush();

    expect(summarise(writes)).toEqual({ 'topics.put': ['t-new'], 'maps.put': ['m-clinic'] });
    expect((await repo.listMaps())[0]?.touchpointCount).toBe(4);
  });

  it('adding a detail leaves the touchpoint count alone', async () => {
    const { source, autosave } = await openMap();
    source.set(addTopic(source.getDoc()!, { id: asId.topic('t-2-1'), parentId: asId.topic('t-2'), order: 0, label: 'Queue' }));
    await autosave.flush();
    expect(autosave.lastWriteRowCount).toBe(2);
    expect((await repo.listMaps())[0]?.touchpointCount).toBe(3);
  });

  it('deleting a touchpoint with its details → one delete per topic and the map row', async () => {
    const { source, autosave } = await openMap();
    const doc = source.getDoc()!;
    // t-3 has details t-3-1 and t-3-2, and no chain steps.
    source.set(deleteTopic(doc, asId.topic('t-3')));
    await autosave.flush();

    expect(summarise(writes)).toEqual({ 'topics.delete': ['t-3', 't-3-1', 't-3-2'], 'maps.put': ['m-clinic'] });
    expect(autosave.lastWriteRowCount).toBe(4);
    expect(await db.topics.where('[mapId+id]').between(['m-clinic', 't-3'], ['m-clinic', 't-3\uffff']).count()).toBe(0);
    expect((await repo.listMaps())[0]?.touchpointCount).toBe(2);
  });

  it('a chain edit → the chain row and the map row', async () => {
    const { source, autosave } = await openMap();
    const doc = source.getDoc()!;
    source.set(setChain(doc, { ...doc.chains[asId.chain('j-1')]!, steps: [asId.topic('t-1'), asId.topic('t-2'), asId.topic('t-3')] }));
    await autosave.flush();

    expect(summarise(writes)).toEqual({ 'chains.put': ['j-1'], 'maps.put': ['m-clinic'] });
    expect((await db.chains.get(['m-clinic', 'j-1']))?.steps).toEqual(['t-1', 't-2', 't-3']);
  });

  it('reordering chains rewrites the chains whose position changed', async () => {
    const { source, autosave } = await openMap();
    source.set({ ...source.getDoc()!, chainOrder: [asId.chain('j-2'), asId.chain('j-1')] });
    await autosave.flush();

    expect(summarise(writes)).toEqual({ 'chains.put': ['j-1', 'j-2'], 'maps.put': ['m-clinic'] });
    expect((await repo.loadMap(asId.map('m-clinic')))?.doc.chainOrder).toEqual(['j-2', 'j-1']);
  });

  it('deleting a chain → one chain delete and the map row', async () => {
    const { source, autosave } = await openMap();
    const doc = source.getDoc()!;
    const { [asId.chain('j-1')]: _gone, ...chains } = doc.chains;
    source.set({ ...doc, chains, chainOrder: [asId.chain('j-2')] });
    await autosave.flush();

    // j-2 moved from position 1 to 0, so it is rewritten too.
    expect(summarise(writes)).toEqual({ 'chains.delete': ['j-1'], 'chains.put': ['j-2'], 'maps.put': ['m-clinic'] });
  });

  it("a change to the map's own fields → the map row alone", async () => {
    const { source, autosave } = await openMap();
    const doc = source.getDoc()!;
    source.set({ ...doc, map: { ...doc.map, stages: [...doc.map.stages, { id: asId.stage('s-bu'), name: 'Purchase' }] } });
    await autosave.flush();

    expect(summarise(writes)).toEqual({ 'maps.put': ['m-clinic'] });
    expect((await db.maps.get(asId.map('m-clinic')))?.stages.map((stage) => stage.id)).toEqual(['s-aw', 's-co', 's-bu']);
  });

  it('writes nothing for a new doc object holding the same records, or an undo back to the saved doc', async () => {
    const { source, autosave, statuses } = await openMap();
    const saved = source.getDoc()!;
    source.set({ ...saved });
    await autosave.flush();
    source.set(setLabel(saved, asId.topic('t-1'), 'typo'));
    source.set(saved); // undo before the throttle ran out
    await autosave.flush();

    expect(writes).toEqual([]);
    expect(autosave.status()).toEqual({ state: 'saved', error: null });
    expect(statuses.at(-1)).toEqual({ state: 'saved', error: null });
  });

  it('writes a constant number of rows per edit, whatever the size of the map', async () => {
    const { source, autosave, reports } = await openMap(clinicMap({ touchpoints: 2500, details: 1 })); // 3,751 topics
    source.set(setLabel(source.getDoc()!, asId.topic('t-1234'), 'Edited'));
    await autosave.flush();
    expect(autosave.lastWriteRowCount).toBe(2);
    expect(reports).toEqual([expect.objectContaining({ rows: 2, topicsPut: 1, full: false })]);
  });
});

describe('autosave timing', () => {
  it('gathers a burst of edits into one write after the throttle', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // IndexedDB's own scheduling stays real
    const { source, reports } = await openMap(clinicMap(), { throttleMs: PERSIST_THROTTLE_MS });
    let doc = source.getDoc()!;
    for (const label of ['R', 'Re', 'Rec', 'Rece', 'Recep', 'Recept', 'Recepti', 'Receptio', 'Reception']) {
      doc = setLabel(doc, asId.topic('t-2'), label);
      source.set(doc);
      await vi.advanceTimersByTimeAsync(30); // a fast typist: 270 ms for the word
    }
    expect(reports).toHaveLength(0);
    expect(autosave!.status().state).toBe('unsaved');

    await vi.advanceTimersByTimeAsync(PERSIST_THROTTLE_MS);
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(reports[0]).toMatchObject({ rows: 2, topicsPut: 1 });
    expect((await db.topics.get(['m-clinic', 't-2']))?.label).toBe('Reception');
  });

  it('keeps saving during continuous typing (throttled, not debounced)', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { source, reports } = await openMap(clinicMap(), { throttleMs: PERSIST_THROTTLE_MS });
    let doc = source.getDoc()!;
    for (let i = 0; i < 40; i += 1) {
      doc = setLabel(doc, asId.topic('t-1'), `label ${i}`);
      source.set(doc);
      await vi.advanceTimersByTimeAsync(50); // 2 s of typing, never pausing
    }
    // A debounce would not have written yet; the throttle writes while typing goes on.
    expect(reports.length).toBeGreaterThanOrEqual(2);
  });

  it('flush writes pending edits at once and resolves when they are committed', async () => {
    const { source, autosave, statuses } = await openMap(clinicMap(), { throttleMs: 60_000 });
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Flushed'));
    expect(autosave.status().state).toBe('unsaved');
    await autosave.flush();

    expect((await db.topics.get(['m-clinic', 't-1']))?.label).toBe('Flushed');
    expect(autosave.status()).toEqual({ state: 'saved', error: null });
    expect(statuses.map((status) => status.state)).toEqual(['unsaved', 'saving', 'saved']);
    await autosave.flush(); // nothing pending: resolves at once
  });

  it('stop() ends watching: later edits are not written', async () => {
    const { source, autosave } = await openMap();
    autosave.stop();
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'After stop'));
    await new Promise((resolve) => setTimeout(resolve, THROTTLE * 3));
    expect(writes).toEqual([]);
  });
});

describe('autosave failures', () => {
  it('says "error" when a write fails, keeps the changes, and succeeds on retry', async () => {
    const { source, statuses, reports } = await openMap(clinicMap(), { retryBaseMs: 10 });
    vi.spyOn(db, 'transaction').mockImplementationOnce((() => Promise.reject(new Dexie.QuotaExceededError('disk full'))) as never);

    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Survives a full disk'));
    await vi.waitFor(() => expect(statuses.map((status) => status.state)).toContain('error'));
    expect(statuses.find((status) => status.state === 'error')?.error).toMatch(/QuotaExceededError.*disk full/);

    await vi.waitFor(() => expect(autosave!.status().state).toBe('saved'));
    expect(reports).toHaveLength(1);
    expect((await db.topics.get(['m-clinic', 't-1']))?.label).toBe('Survives a full disk');
    expect(statuses.map((status) => status.state)).toEqual(['unsaved', 'saving', 'error', 'saving', 'saved']);
  });

  it('a failed write changes nothing stored: the transaction is all or nothing', async () => {
    const { source } = await openMap(clinicMap(), { retryBaseMs: 60_000 });
    // The map row is written, then the topics write fails: the map row must not stay.
    vi.spyOn(db.topics, 'bulkPut').mockImplementationOnce((() => Promise.reject(new Error('write refused'))) as never);
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Half?'));
    await vi.waitFor(() => expect(autosave!.status().state).toBe('error'));
    expect((await db.maps.get(asId.map('m-clinic')))?.updatedAt).not.toBe(NOW);
    expect((await db.topics.get(['m-clinic', 't-1']))?.label).not.toBe('Half?');
  });

  it('flush rejects with the reason when the write fails, and a later flush saves', async () => {
    const { source } = await openMap(clinicMap(), { throttleMs: 60_000, retryBaseMs: 60_000 });
    vi.spyOn(db, 'transaction').mockImplementationOnce((() => Promise.reject(new Error('locked'))) as never);
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Second try'));
    await expect(autosave!.flush()).rejects.toThrow(/could not save the map \(Error: locked\)/);
    await autosave!.flush();
    expect((await db.topics.get(['m-clinic', 't-1']))?.label).toBe('Second try');
    expect(autosave!.status().state).toBe('saved');
  });
  it('clears the error when the unsaved changes are undone', async () => {
    const { source } = await openMap(clinicMap(), { retryBaseMs: 60_000 });
    const saved = source.getDoc()!;
    vi.spyOn(db, 'transaction').mockImplementationOnce((() => Promise.reject(new Error('locked'))) as never);
    source.set(setLabel(saved, asId.topic('t-1'), 'Unlucky'));
    await vi.waitFor(() => expect(autosave!.status().state).toBe('error'));
    source.set(saved); // undo
    await autosave!.flush();
    expect(autosave!.status()).toEqual({ state: 'saved', error: null });
    expect(writes).toEqual([]);
  });

  it('keeps saving when a status callback throws', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { source } = await openMap(clinicMap(), {
      onStatus: () => {
        throw new Error('UI bug');
      },
    });
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Still saved'));
    await autosave!.flush();
    expect((await db.topics.get(['m-clinic', 't-1']))?.label).toBe('Still saved');
    expect(console.error).toHaveBeenCalled();
  });
});

describe('autosave across maps', () => {
  it("switching to another map saves the previous map's pending edits at once", async () => {
    const other = clinicMap({ id: 'm-shop', title: 'Coffee shop' });
    await repo.createMap(other);
    const { source, reports } = await openMap(clinicMap(), { throttleMs: 60_000 });

    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Edited before leaving'));
    source.set(other);
    await vi.waitFor(() => expect(reports).toHaveLength(1));
    expect(reports[0]).toMatchObject({ mapId: 'm-clinic', rows: 2 });
    expect((await db.topics.get(['m-clinic', 't-1']))?.label).toBe('Edited before leaving');

    // The new map is taken as stored: nothing of it is rewritten until it changes.
    source.set(setLabel(other, asId.topic('t-2'), 'Espresso bar'));
    await autosave!.flush();
    expect(reports.map((report) => [report.mapId, report.rows])).toEqual([
      ['m-clinic', 2],
      ['m-shop', 2],
    ]);
  });

  it('closing the map (doc → null) saves its pending edits', async () => {
    const { source } = await openMap(clinicMap(), { throttleMs: 60_000 });
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Edited before closing'));
    source.set(null);
    await autosave!.flush();
    expect((await db.topics.get(['m-clinic', 't-1']))?.label).toBe('Edited before closing');
    expect(autosave!.status().state).toBe('saved');
  });

  it('never writes back a map whose row is gone (deleted in another tab): says "deleted" and stops', async () => {
    const deleted: string[] = [];
    const { source, statuses } = await openMap(clinicMap(), { onDeleted: (mapId) => deleted.push(mapId) });
    await repo.deleteMap(asId.map('m-clinic'));
    writes.length = 0;
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Edited after the delete'));
    await autosave!.flush();
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'And again'));
    await autosave!.flush();
    expect(summarise(writes)).toEqual({});
    expect(await repo.loadMap(asId.map('m-clinic'))).toBeNull();
    expect(await db.topics.count()).toBe(0);
    expect(deleted).toEqual(['m-clinic']);
    expect(autosave!.status().state).toBe('deleted');
    expect(statuses.at(-1)?.state).toBe('deleted');
  });

  it('never writes into a map moved to Trash elsewhere: it stays in Trash, as it was put away', async () => {
    const deleted: string[] = [];
    const { source } = await openMap(clinicMap(), { onDeleted: (mapId) => deleted.push(mapId) });
    await createTrash(db).moveToTrash(asId.map('m-clinic'));
    const trashed = await db.maps.get(asId.map('m-clinic'));
    writes.length = 0;
    source.set(setLabel(source.getDoc()!, asId.topic('t-1'), 'Edited after the move to Trash'));
    await autosave!.flush();
    expect(summarise(writes)).toEqual({});
    expect(await db.maps.get(asId.map('m-clinic'))).toEqual(trashed);
    expect((await db.topics.get(['m-clinic', 't-1']))?.label).not.toBe('Edited after the move to Trash');
    expect(deleted).toEqual(['m-clinic']);
    expect(autosave!.status().state).toBe('deleted');
  });
});

describe('save, then reload', () => {
  it('round-trips a doc exactly through edits, autosave and loadMap', async () => {
    const { source, autosave } = await openMap();
    let doc = source.getDoc()!;
    const edits: ((d: MapDoc) => MapDoc)[] = [
      (d) => setLabel(d, asId.topic('t-root'), 'Clinic «Здоровье» 病院 병원'),
      (d) => addTopic(d, { id: asId.topic('t-9'), parentId: asId.topic('t-root'), order: 0.5, label: 'Call centre', channel: 'offline', stageId: asId.stage('s-co'), score: 0 }),
      (d) => addTopic(d, { id: asId.topic('t-9-1'), parentId: asId.topic('t-9'), order: 0, label: 'Hold music' }),
      (d) => deleteTopic(d, asId.topic('t-1')),
      (d) => setChain(d, { id: asId.chain('j-1'), name: 'First visit', segmentId: asId.segment('g-1'), steps: [asId.topic('t-9'), asId.topic('t-2'), asId.topic('t-9')] }),
      (d) => setChain(d, { id: asId.chain('j-2'), name: 'Return visit', steps: [asId.topic('t-2')] }),
      (d) => setChain(d, { id: asId.chain('j-3'), name: 'Complaint', steps: [asId.topic('t-9')] }),
      (d) => ({ ...d, map: { ...d.map, title: 'Clinic — all patients' } }),
    ];
    for (const edit of edits) {
      doc = edit(doc);
      source.set(doc);
      if (edit === edits[3]) await autosave.flush(); // some edits saved, some pending
    }
    await autosave.flush();

    const loaded = await repo.loadMap(asId.map('m-clinic'));
    expect(loaded?.repairs).toEqual([]);
    // Autosave stamps the map row's updatedAt; everything else comes back as it was.
    expect(loaded?.doc).toEqual({ ...doc, map: { ...doc.map, updatedAt: NOW } });
    expect(await repo.listMaps()).toEqual([{ id: 'm-clinic', title: 'Clinic — all patients', touchpointCount: 3, updatedAt: NOW }]);
  });
});
