/**
 * Two tabs with the same map open, each with its own autosave on the one database: neither
 * overwrites the other's edits, each merges the rows the other announces without writing them
 * back, and a map deleted in one is never written back by the other.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MapDoc, Topic, TopicId } from '@shared/model/types';
import { createMapRepository, startAutosave, type Autosave, type MapRepository, type TouchmapDB } from '../../../renderer/src/db';
import { mergeRemote, readRemoteRows, type WrittenRows } from '../../../renderer/src/db/remote-rows';
import { addTopic, createSource, freshDb, logWrites, setLabel, summarise, type LoggedWrite } from './helpers';
import { clinicMap } from '../../fixtures/clinic-map';
import { asId } from '../../builders/ids';

const NOW = '2026-11-25T10:00:00.000Z';

let db: TouchmapDB;
let repo: MapRepository;
let writes: LoggedWrite[];
const running: Autosave[] = [];

beforeEach(async () => {
  db = freshDb();
  writes = logWrites(db);
  repo = createMapRepository(db, { now: () => NOW });
  await repo.createMap(clinicMap());
});
afterEach(async () => {
  for (const autosave of running.splice(0)) autosave.stop();
  db.close();
  await Dexie.delete(db.name);
});

/** One tab: the map as loaded, its store stand-in, its autosave, and what it announced. */
async function openTab() {
  const loaded = (await repo.loadMap(asId.map('m-clinic')))!.doc;
  const source = createSource(loaded);
  const announced: WrittenRows[] = [];
  const autosave = startAutosave(db, source, { throttleMs: 1_000, now: () => NOW, onWritten: (rows) => announced.push(rows) });
  running.push(autosave);
  const edit = (change: (doc: MapDoc) => MapDoc) => source.set(change(source.getDoc()!));
  /** What the tab does when the other announces a save (useMapSession): read, accept, apply with no undo step. */
  const receive = async (rows: WrittenRows) => {
    const read = await readRemoteRows(db, rows);
    if (read.deleted) return 'deleted';
    const merge = autosave.acceptRemote(read.rows);
    if (merge) source.set(merge(source.getDoc()!));
    return 'merged';
  };
  return { source, autosave, announced, edit, receive, doc: () => source.getDoc()! };
}

const setFields = (id: TopicId, fields: Partial<Topic>) => (doc: MapDoc): MapDoc => ({ ...doc, topics: { ...doc.topics, [id]: { ...doc.topics[id]!, ...fields } } });
const stored = async () => (await repo.loadMap(asId.map('m-clinic')))!.doc;

describe('two tabs saving the same map', () => {
  it('edits to different touchpoints both survive', async () => {
    const a = await openTab();
    const b = await openTab();
    a.edit((doc) => setLabel(doc, asId.topic('t-1'), 'Edited in A'));
    b.edit((doc) => setLabel(doc, asId.topic('t-2'), 'Edited in B'));
    await a.autosave.flush();
    await b.autosave.flush();
    const doc = await stored();
    expect(doc.topics[asId.topic('t-1')]!.label).toBe('Edited in A');
    expect(doc.topics[asId.topic('t-2')]!.label).toBe('Edited in B');
  });

  it('edits to different fields of one touchpoint both survive; the same field takes the later save', async () => {
    const a = await openTab();
    const b = await openTab();
    a.edit(setFields(asId.topic('t-1'), { label: 'Label from A', notes: 'Notes from A' }));
    b.edit(setFields(asId.topic('t-1'), { score: 9, notes: 'Notes from B' }));
    await a.autosave.flush();
    await b.autosave.flush();
    const topic = (await stored()).topics[asId.topic('t-1')]!;
    expect(topic.label).toBe('Label from A');
    expect(topic.score).toBe(9);
    expect(topic.notes).toBe('Notes from B');
  });

  it("a rename in one tab survives the other tab's saves of touchpoints", async () => {
    const a = await openTab();
    const b = await openTab();
    a.edit((doc) => ({ ...doc, map: { ...doc.map, title: 'Clinic — renamed in A' } }));
    await a.autosave.flush();
    b.edit((doc) => setLabel(doc, asId.topic('t-2'), 'Edited in B'));
    await b.autosave.flush();
    expect((await stored()).map.title).toBe('Clinic — renamed in A');
    expect((await repo.listMaps())[0]!.title).toBe('Clinic — renamed in A');
  });

  it('touchpoints added in both tabs are all counted in the library', async () => {
    const a = await openTab();
    const b = await openTab();
    const touchpoint = (id: TopicId): Topic => ({ id, parentId: asId.topic('t-root'), order: 9, label: id, channel: 'online', stageId: asId.stage('s-aw') });
    a.edit((doc) => addTopic(doc, touchpoint(asId.topic('t-a'))));
    b.edit((doc) => addTopic(doc, touchpoint(asId.topic('t-b'))));
    await a.autosave.flush();
    await b.autosave.flush();
    expect((await repo.listMaps())[0]!.touchpointCount).toBe(5);
  });
});

describe('merging what the other tab saved', () => {
  it("takes the other tab's rows in and does not write them back", async () => {
    const a = await openTab();
    const b = await openTab();
    a.edit(setFields(asId.topic('t-1'), { label: 'Edited in A', score: 10 }));
    await a.autosave.flush();
    writes.length = 0;
    expect(await b.receive(a.announced[0]!)).toBe('merged');
    expect(b.doc().topics[asId.topic('t-1')]).toMatchObject({ label: 'Edited in A', score: 10 });
    expect(b.autosave.status().state).toBe('saved');
    await b.autosave.flush();
    expect(summarise(writes)).toEqual({});
  });

  it("keeps this tab's unsaved edit of the same touchpoint on top, and then saves only that field", async () => {
    const a = await openTab();
    const b = await openTab();
    a.edit(setFields(asId.topic('t-1'), { label: 'Label from A' }));
    await a.autosave.flush();
    b.edit(setFields(asId.topic('t-1'), { score: 2 }));
    await b.receive(a.announced[0]!);
    expect(b.doc().topics[asId.topic('t-1')]).toMatchObject({ label: 'Label from A', score: 2 });
    await b.autosave.flush();
    expect((await stored()).topics[asId.topic('t-1')]).toMatchObject({ label: 'Label from A', score: 2 });
    // and A, merging B's save, ends where B is
    await a.receive(b.announced[0]!);
    expect(a.doc().topics[asId.topic('t-1')]).toEqual(b.doc().topics[asId.topic('t-1')]);
  });

  it('removes what the other tab deleted, and reports a deleted map', async () => {
    const a = await openTab();
    const b = await openTab();
    a.edit((doc) => {
      const { [asId.topic('t-3')]: _gone, ...topics } = doc.topics;
      return { ...doc, topics };
    });
    await a.autosave.flush();
    await b.receive(a.announced[0]!);
    expect(b.doc().topics[asId.topic('t-3')]).toBeUndefined();
    await repo.deleteMap(asId.map('m-clinic'));
    expect(await b.receive(a.announced[0]!)).toBe('deleted');
  });

  it('is a no-op on a doc of another map, and keeps untouched records by reference', () => {
    const doc = clinicMap();
    const remote = { mapId: asId.map('m-other'), meta: null, topics: [], topicsDeleted: asId.topics('t-1'), chains: [], chainsDeleted: [] };
    expect(mergeRemote(doc, doc, remote)).toBe(doc);
    const merged = mergeRemote(doc, doc, { ...remote, mapId: asId.map('m-clinic'), topicsDeleted: [], topics: [{ ...doc.topics[asId.topic('t-2')]!, label: 'x' }] });
    expect(merged.topics[asId.topic('t-1')]).toBe(doc.topics[asId.topic('t-1')]);
    expect(merged.topics[asId.topic('t-2')]!.label).toBe('x');
  });
});
