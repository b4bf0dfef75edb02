import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMapRepository, type MapRepository, type TouchmapDB } from '../../../renderer/src/db';
import { freshDb, logWrites, setLabel, type LoggedWrite } from './helpers';
import { clinicMap } from '../../fixtures/clinic-map';
import { asId } from '../../builders/ids';

const NOW = '2026-11-25T10:00:00.000Z';
let db: TouchmapDB;
let repo: MapRepository;
let writes: LoggedWrite[];

beforeEach(() => {
  db = freshDb();
  writes = logWrites(db);
  repo = createMapRepository(db, { now: () => NOW });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const rowCounts = async () => ({ maps: await db.maps.count(), topics: await db.topics.count(), chains: await db.chains.count() });

describe('the map repository', () => {
  it('stores a new map and loads it back exactly', async () => {
    const doc = clinicMap();
    await repo.createMap(doc);
    const loaded = await repo.loadMap(doc.map.id);
    expect(loaded).toEqual({ doc, repairs: [] });
    // One map row, one row per topic, one per chain: 1 root + 3 touchpoints + 2×2 details.
    expect(await rowCounts()).toEqual({ maps: 1, topics: 8, chains: 2 });
  });

  it('keeps the order of chains', async () => {
    const doc = { ...clinicMap(), chainOrder: [asId.chain('j-2'), asId.chain('j-1')] };
    await repo.createMap(doc);
    expect((await repo.loadMap(doc.map.id))?.doc.chainOrder).toEqual(['j-2', 'j-1']);
  });

  it('answers null for a map that does not exist', async () => {
    expect(await repo.loadMap(asId.map('m-nowhere'))).toBeNull();
  });

  it('lists maps newest first, with their touchpoint counts', async () => {
    const older = clinicMap({ id: 'm-old', title: 'Coffee shop', touchpoints: 5 });
    const newer = clinicMap({ id: 'm-new', title: 'Clinic', touchpoints: 2 });
    await repo.createMap({ ...older, map: { ...older.map, updatedAt: '2026-11-01T00:00:00.000Z' } });
    await repo.createMap({ ...newer, map: { ...newer.map, updatedAt: '2026-11-02T00:00:00.000Z' } });
    expect(await repo.listMaps()).toEqual([
      { id: 'm-new', title: 'Clinic', touchpointCount: 2, updatedAt: '2026-11-02T00:00:00.000Z' },
      { id: 'm-old', title: 'Coffee shop', touchpointCount: 5, updatedAt: '2026-11-01T00:00:00.000Z' },
    ]);
  });

  it('renames a map, writing only its map row', async () => {
    await repo.createMap(clinicMap());
    writes.length = 0;
    await repo.renameMap(asId.map('m-clinic'), 'Clinic — returning patients');
    expect(await repo.listMaps()).toEqual([
      { id: 'm-clinic', title: 'Clinic — returning patients', touchpointCount: 3, updatedAt: NOW },
    ]);
    expect(writes.map((write) => write.table)).toEqual(['maps']);
  });

  it('refuses to rename a map that is gone, naming it', async () => {
    await expect(repo.renameMap(asId.map('m-gone'), 'x')).rejects.toThrow(/m-gone.*not in the library/);
  });

  it('deletes a map with all its topics and chains, leaving other maps whole', async () => {
    await repo.createMap(clinicMap({ id: 'm-a' }));
    await repo.createMap(clinicMap({ id: 'm-b', touchpoints: 1 }));
    await repo.deleteMap(asId.map('m-a'));
    expect(await repo.loadMap(asId.map('m-a'))).toBeNull();
    expect((await db.topics.toArray()).every((row) => row.mapId === 'm-b')).toBe(true);
    expect((await db.chains.toArray()).every((row) => row.mapId === 'm-b')).toBe(true);
    expect(await rowCounts()).toEqual({ maps: 1, topics: 4, chains: 2 });
    expect((await repo.loadMap(asId.map('m-b')))?.doc).toEqual(clinicMap({ id: 'm-b', touchpoints: 1 }));
  });

  it('never overwrites: creating a map under a taken id writes nothing', async () => {
    const doc = clinicMap();
    await repo.createMap(doc);
    await expect(repo.createMap(setLabel(doc, asId.topic('t-1'), 'Overwritten?'))).rejects.toThrow(/"m-clinic" already exists/);
    expect((await repo.loadMap(doc.map.id))?.doc).toEqual(doc);
  });

  it('imports several maps in one transaction, all or none', async () => {
    await repo.saveDocs([clinicMap({ id: 'm-1' }), clinicMap({ id: 'm-2' })]);
    expect((await repo.listMaps()).map((map) => map.id).sort()).toEqual(['m-1', 'm-2']);

    // One taken id refuses the whole import: m-3 does not come in either.
    await expect(repo.saveDocs([clinicMap({ id: 'm-3' }), clinicMap({ id: 'm-1' })])).rejects.toThrow(/"m-1" already exists/);
    await expect(repo.saveDocs([clinicMap({ id: 'm-4' }), clinicMap({ id: 'm-4' })])).rejects.toThrow(/"m-4" appears twice/);
    expect((await repo.listMaps()).map((map) => map.id).sort()).toEqual(['m-1', 'm-2']);
    expect(await rowCounts()).toEqual({ maps: 2, topics: 16, chains: 4 });
  });

  it('repairs a damaged row on load through restoreMapDoc, and stores the repair on request', async () => {
    const doc = clinicMap();
    await repo.createMap(doc);
    // Damage: a score out of range, a topic whose parent is gone, and a row that is no topic at all.
    await db.topics.put({ ...doc.topics[asId.topic('t-2')]!, mapId: doc.map.id, score: 14 });
    await db.topics.put({ mapId: doc.map.id, id: asId.topic('t-lost'), parentId: asId.topic('t-nowhere'), order: 0, label: 'Lost' });
    await db.topics.put({ mapId: doc.map.id, id: 't-junk', junk: true } as never);

    const loaded = await repo.loadMap(doc.map.id);
    expect(loaded).not.toBeNull();
    const { doc: repaired, repairs } = loaded!;
    expect(repairs.length).toBeGreaterThanOrEqual(2);
    expect(repairs.some((line) => line.includes('14'))).toBe(true);
    expect(repaired.topics[asId.topic('t-2')]?.score).toBeUndefined();
    expect(repaired.topics[asId.topic('t-2')]?.importance).toBe(8); // the bad field goes, the topic stays
    expect(repaired.topics[asId.topic('t-lost')]?.parentId).toBe('t-root');

    await repo.replaceMap(repaired);
    const again = await repo.loadMap(doc.map.id);
    expect(again?.repairs).toEqual([]);
    expect(again?.doc).toEqual(repaired);
    expect((await repo.listMaps())[0]?.touchpointCount).toBe(Object.values(repaired.topics).filter((t) => t.parentId === 't-root').length);
  });

  it('refuses to replace a map that is not stored', async () => {
    await expect(repo.replaceMap(clinicMap({ id: 'm-new' }))).rejects.toThrow(/use createMap/);
  });

  it('opens a map whose meta row kept only its id, reporting what it filled in', async () => {
    await db.maps.put({ id: 'm-bare' } as never);
    const loaded = await repo.loadMap(asId.map('m-bare'));
    expect(loaded?.doc.map).toMatchObject({ id: 'm-bare', title: 'Untitled map', stages: [] });
    expect(Object.values(loaded!.doc.topics)).toHaveLength(1); // a root was made for it
    expect(loaded?.repairs.length).toBeGreaterThan(0);
  });
});
