import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DB_NAME, MIGRATIONS, SCHEMA_VERSION, TouchmapDB, createMapRepository, createRepairOriginals, createRestorePoints, createTrash } from '../../../renderer/src/db';
import { v1 } from './fixtures/v1';
import { v2 } from './fixtures/v2';
import { v3 } from './fixtures/v3';
import { freshDb } from './helpers';
import { openDatabase } from '../../../renderer/src/db/open';
import { asId } from '../../builders/ids';

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
    expect(db.tables.map((table) => table.name).sort()).toEqual(['chains', 'maps', 'repairOriginals', 'restorePoints', 'topics']);
    expect(db.maps.schema.primKey.keyPath).toBe('id');
    // Ids are unique only within a map, so child rows are keyed by map and id together.
    expect(db.topics.schema.primKey.keyPath).toEqual(['mapId', 'id']);
    expect(db.chains.schema.primKey.keyPath).toEqual(['mapId', 'id']);
    expect(db.maps.schema.indexes.map((index) => index.name)).toContain('updatedAt');
    expect(db.maps.schema.indexes.map((index) => index.name)).toContain('deletedAt');
    expect(db.restorePoints.schema.indexes.map((index) => index.name)).toContain('[mapId+createdAt]');
    expect(db.repairOriginals.schema.indexes.map((index) => index.name)).toEqual(expect.arrayContaining(['[mapId+keptAt]', 'keptAt']));
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

  it('keeps a fixture database for every schema version', () => {
    for (const step of MIGRATIONS) {
      expect(existsSync(join(__dirname, 'fixtures', `v${step.version}.ts`)), `tests/unit/db/fixtures/v${step.version}.ts`).toBe(true);
    }
  });

  it('opens a version 1 database and loads its map', async () => {
    const name = await writeFixture(v1);
    const db = track(new TouchmapDB(name));
    const loaded = await createMapRepository(db).loadMap(asId.map('m-7f3a'));
    expect(loaded?.repairs).toEqual([]);
    expect(loaded?.doc.map.title).toBe('Clinic — new patients');
    expect(Object.keys(loaded!.doc.topics).sort()).toEqual(['t-ad', 't-ad-1', 't-root', 't-site']);
    expect(loaded?.doc.topics[asId.topic('t-ad')]?.score).toBe(4);
    expect(loaded?.doc.chainOrder).toEqual(['j-2', 'j-1']);
    expect(await createMapRepository(db).listMaps()).toEqual([
      { id: 'm-7f3a', title: 'Clinic — new patients', touchpointCount: 2, updatedAt: '2026-11-25T09:59:00.000Z' },
    ]);
    // Upgraded to the latest version: the map is in the library, not in Trash, and has no restore points or repair originals yet.
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.repairOriginals.count()).toBe(0);
    expect(await createTrash(db).list()).toEqual([]);
    expect(await db.restorePoints.count()).toBe(0);
    expect(await db.maps.toArray()).toEqual(v1.maps);
  });

  it('opens a version 2 database with its rows unchanged: library, Trash and restore points', async () => {
    const name = await writeFixture(v2);
    const db = track(new TouchmapDB(name));
    const repo = createMapRepository(db);
    expect(await repo.listMaps()).toEqual([
      { id: 'm-7f3a', title: 'Clinic — new patients', touchpointCount: 2, updatedAt: '2026-11-25T09:59:00.000Z' },
    ]);
    const trashed = await createTrash(db, { now: () => new Date('2026-12-01T09:00:00.000Z') }).list();
    expect(trashed.map((map) => [map.title, map.deletedAt, map.purgeAt])).toEqual([['Coffee corner', '2026-11-28T14:05:00.000Z', '2026-12-28T14:05:00.000Z']]);
    // Every row comes out as the fixture put it in.
    expect(await db.maps.toArray()).toEqual(v2.maps);
    expect(await db.topics.count()).toBe(v2.topics.length);
    expect(await db.restorePoints.toArray()).toEqual(v2.restorePoints);
    // The restore point holds the very map the rows hold.
    const points = createRestorePoints(db);
    expect((await points.list(asId.map('m-7f3a'))).map((point) => [point.name, point.size])).toEqual([['Before workshop', v2.restorePoints[0].size]]);
    expect(await points.read('r-4kq2')).toEqual((await repo.loadMap(asId.map('m-7f3a')))!.doc);
    // Upgraded to version 3: no repair originals yet.
    expect(db.verno).toBe(SCHEMA_VERSION);
    expect(await db.repairOriginals.count()).toBe(0);
  });

  it('opens a version 3 database with its repair originals as they were kept', async () => {
    const name = await writeFixture(v3);
    const db = track(new TouchmapDB(name));
    expect((await createMapRepository(db).listMaps()).map((map) => map.title)).toEqual(['Clinic — new patients']);
    const originals = createRepairOriginals(db, { now: () => new Date('2026-12-01T09:00:00.000Z') });
    expect(await originals.list(asId.map('m-7f3a'))).toEqual(v3.repairOriginals);
    expect(await db.restorePoints.toArray()).toEqual(v3.restorePoints);
    // 30 days after the repair its original goes, at the start after that.
    const later = createRepairOriginals(db, { now: () => new Date('2026-12-27T08:00:01.000Z') });
    expect(await later.purgeExpired()).toBe(1);
    expect(await db.repairOriginals.count()).toBe(0);
  });

  it('refuses a database a newer Touchmap left in one place, the open check, and writes nothing', async () => {
    const name = freshDb().name;
    const newer = track(new Dexie(name));
    newer.version(SCHEMA_VERSION + 1).stores({ ...v2.stores, comments: 'id' });
    await newer.table('maps').bulkAdd(v2.maps);
    newer.close();

    const db = track(new TouchmapDB(name));
    expect(await openDatabase(db)).toEqual({
      ok: false,
      problem: { kind: 'newer', detail: `The stored database is at version ${SCHEMA_VERSION + 1}; this app knows versions up to ${SCHEMA_VERSION}.` },
    });
    expect(db.isOpen()).toBe(false);
    // The schema itself carries no second check with other words: the open check is the one guard.
    expect(readFileSync(join(__dirname, '../../../renderer/src/db/schema.ts'), 'utf8')).not.toMatch(/newer version of Touchmap/);

    const after = track(new Dexie(name));
    await after.open();
    expect(after.verno).toBe(SCHEMA_VERSION + 1);
    expect(await after.table('maps').toArray()).toEqual(v2.maps);
  });
});

/** Writes a fixture with a bare Dexie at its version, as an app of that version left it; returns the database's name. */
async function writeFixture(fixture: { version: number; stores: Record<string, string>; [table: string]: unknown }): Promise<string> {
  const name = freshDb().name;
  const old = track(new Dexie(name));
  old.version(fixture.version).stores(fixture.stores);
  for (const table of Object.keys(fixture.stores)) await old.table(table).bulkAdd(fixture[table] as unknown[]);
  old.close();
  return name;
}

