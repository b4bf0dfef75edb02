import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_NAME, MIGRATIONS, SCHEMA_VERSION, TouchmapDB, createMapRepository } from '../../../renderer/src/db';
import { v1 } from './fixtures/v1';
import { freshDb } from './helpers';

const opened: Dexie[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});
const track = <T extends Dexie>(db: T): T => (opened.push(db), db);

describe('the Touchmap database', () => {
  it('opens at the latest schema version with maps, topics and chains', async () => {
    const db = track(freshDb());
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(db.tables.map((table) => table.name).sort()).toEqual(['chains', 'maps', 'topics']);
    expect(db.maps.schema.primKey.keyPath).toBe('id');
    // Ids are unique only within a map, so child rows are keyed by map and id together.
    expect(db.topics.schema.primKey.keyPath).toEqual(['mapId', 'id']);
    expect(db.chains.schema.primKey.keyPath).toEqual(['mapId', 'id']);
    expect(db.maps.schema.indexes.map((index) => index.name)).toContain('updatedAt');
  });

  it('is named "touchmap" by default', () => {
    const db = new TouchmapDB();
    expect(db.name).toBe(DB_NAME);
    expect(DB_NAME).toBe('touchmap');
  });

  it('writes with strict durability, so a closed window cannot lose a committed edit', async () => {
    const db = track(freshDb());
    const durability = await db.transaction('rw', db.maps, () => {
      const idbtrans = (Dexie.currentTransaction as unknown as { idbtrans: IDBTransaction }).idbtrans;
      return idbtrans.durability;
    });
    expect(durability).toBe('strict');
  });

  it('has named migrations with strictly increasing versions', () => {
    expect(MIGRATIONS.length).toBeGreaterThan(0);
    MIGRATIONS.forEach((step, i) => {
      expect(step.name).toMatch(/^[a-z0-9-]+$/);
      if (i > 0) expect(step.version).toBeGreaterThan(MIGRATIONS[i - 1]!.version);
    });
    expect(new Set(MIGRATIONS.map((step) => step.name)).size).toBe(MIGRATIONS.length);
  });

  it('opens a version 1 database and loads its map', async () => {
    // Write the fixture with a bare Dexie at version 1, as an app of that version left it.
    const name = freshDb().name;
    const old = track(new Dexie(name));
    old.version(v1.version).stores(v1.stores);
    await old.table('maps').bulkAdd(v1.maps);
    await old.table('topics').bulkAdd(v1.topics);
    await old.table('chains').bulkAdd(v1.chains);
    old.close();

    const db = track(new TouchmapDB(name));
    const loaded = await createMapRepository(db).loadMap('m-7f3a');
    expect(loaded?.repairs).toEqual([]);
    expect(loaded?.doc.map.title).toBe('Clinic — new patients');
    expect(Object.keys(loaded!.doc.topics).sort()).toEqual(['t-ad', 't-ad-1', 't-root', 't-site']);
    expect(loaded?.doc.topics['t-ad']?.score).toBe(4);
    expect(loaded?.doc.chainOrder).toEqual(['j-2', 'j-1']);
    expect(await createMapRepository(db).listMaps()).toEqual([
      { id: 'm-7f3a', title: 'Clinic — new patients', touchpointCount: 2, updatedAt: '2026-11-25T09:59:00.000Z' },
    ]);
  });
});
