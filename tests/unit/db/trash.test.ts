import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMapRepository, createRestorePoints, createTrash, type MapRepository, type Trash, type TouchmapDB } from '../../../renderer/src/db';
import { clinicMap } from '../../fixtures/clinic-map';
import { freshDb } from './helpers';
import { asId } from '../../builders/ids';

const DAY = 24 * 60 * 60 * 1000;
let clock: Date;
let db: TouchmapDB;
let repo: MapRepository;
let trash: Trash;

beforeEach(() => {
  clock = new Date('2026-12-01T09:00:00.000Z');
  db = freshDb();
  repo = createMapRepository(db);
  trash = createTrash(db, { now: () => clock });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
const titles = async () => (await repo.listMaps()).map((map) => map.title);
const trashTitles = async () => (await trash.list()).map((map) => map.title);

describe('Trash', () => {
  it('takes a deleted map out of the library and gives it back whole', async () => {
    const doc = clinicMap({ id: 'm-clinic', title: 'Clinic' });
    await repo.createMap(doc);
    await repo.createMap(clinicMap({ id: 'm-cafe', title: 'Cafe', touchpoints: 1 }));
    const topicsBefore = await db.topics.count();

    await trash.moveToTrash(asId.map('m-clinic'));
    expect(await titles()).toEqual(['Cafe']);
    expect(await trash.list()).toEqual([
      { id: 'm-clinic', title: 'Clinic', touchpointCount: 3, updatedAt: doc.map.updatedAt, deletedAt: '2026-12-01T09:00:00.000Z', purgeAt: '2026-12-31T09:00:00.000Z' },
    ]);
    // Nothing copied, nothing removed: the map's rows stay where they are.
    expect(await db.topics.count()).toBe(topicsBefore);

    await trash.restore(asId.map('m-clinic'));
    expect((await titles()).sort()).toEqual(['Cafe', 'Clinic']);
    expect(await trash.list()).toEqual([]);
    expect(await repo.loadMap(asId.map('m-clinic'))).toEqual({ doc, repairs: [] });
    expect(Object.keys((await db.maps.get(asId.map('m-clinic')))!)).not.toContain('deletedAt');
  });

  it('keeps the ids of maps in Trash taken, so a new or imported map cannot reuse one', async () => {
    await repo.createMap(clinicMap({ id: 'm-clinic' }));
    await trash.moveToTrash(asId.map('m-clinic'));
    expect(await repo.mapIds()).toEqual(new Set(['m-clinic']));
  });

  it('lists the most recently deleted first', async () => {
    await repo.createMap(clinicMap({ id: 'm-a', title: 'First' }));
    await repo.createMap(clinicMap({ id: 'm-b', title: 'Second' }));
    await trash.moveToTrash(asId.map('m-a'));
    later(1000);
    await trash.moveToTrash(asId.map('m-b'));
    expect(await trashTitles()).toEqual(['Second', 'First']);
  });

  it('refuses to trash a map that is not there, or restore one that is not in Trash, naming it', async () => {
    await repo.createMap(clinicMap({ id: 'm-clinic', title: 'Clinic' }));
    await expect(trash.moveToTrash(asId.map('m-gone'))).rejects.toThrow(/"m-gone" is not on this computer/);
    await expect(trash.restore(asId.map('m-clinic'))).rejects.toThrow(/“Clinic” is not in Trash/);
    await expect(trash.deleteForever(asId.map('m-clinic'))).rejects.toThrow(/not in Trash/);
    expect(await titles()).toEqual(['Clinic']);
  });

  it('deletes forever: the map, its topics, chains and restore points, and nothing of another map', async () => {
    const doc = clinicMap({ id: 'm-clinic' });
    await repo.createMap(doc);
    await repo.createMap(clinicMap({ id: 'm-cafe', title: 'Cafe' }));
    const points = createRestorePoints(db, { now: () => clock });
    await points.saveNamed(doc, 'Before workshop');
    await points.saveNamed(clinicMap({ id: 'm-cafe', title: 'Cafe' }), 'Cafe point');
    await trash.moveToTrash(asId.map('m-clinic'));

    await trash.deleteForever(asId.map('m-clinic'));
    expect(await trash.list()).toEqual([]);
    expect(await repo.loadMap(asId.map('m-clinic'))).toBeNull();
    expect(await db.topics.where('[mapId+id]').between(['m-clinic', Dexie.minKey], ['m-clinic', Dexie.maxKey]).count()).toBe(0);
    expect(await db.chains.count()).toBe(2);
    expect((await db.restorePoints.toArray()).map((point) => point.name)).toEqual(['Cafe point']);
    expect(await titles()).toEqual(['Cafe']);
  });

  it('purges maps in Trash for more than 30 days at start, and only those', async () => {
    await repo.createMap(clinicMap({ id: 'm-old', title: 'Old' }));
    await repo.createMap(clinicMap({ id: 'm-recent', title: 'Recent' }));
    await repo.createMap(clinicMap({ id: 'm-kept', title: 'Kept' }));
    await trash.moveToTrash(asId.map('m-old'));
    later(10 * DAY);
    await trash.moveToTrash(asId.map('m-recent'));

    later(20 * DAY - 1000); // Old: 30 days less a second
    expect(await trash.purgeExpired()).toEqual([]);
    later(2000); // Old: 30 days and a second
    expect(await trash.purgeExpired()).toEqual(['Old']);
    expect(await trashTitles()).toEqual(['Recent']);
    expect(await repo.loadMap(asId.map('m-old'))).toBeNull();
    expect(await titles()).toEqual(['Kept']);
  });
});
