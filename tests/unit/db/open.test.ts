/**
 * The database's open check: a newer schema, a failed migration and a browser that refuses to open
 * IndexedDB each come back as a plain problem, and none of them writes to the database.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { createMapRepository, DB_NAME, TouchmapDB } from '../../../renderer/src/db';
import { openDatabase } from '../../../renderer/src/db/open';
import { SCHEMA_VERSION } from '../../../renderer/src/db/schema';
import { readRawDatabase, recoveryFiles } from '../../../renderer/src/db/raw-rows';
import { parseTouchmapFile } from '@shared/file-format';
import { clinicMap } from '../../fixtures/clinic-map';

let n = 0;
const names: string[] = [];
const freshName = () => {
  const name = `open-test-${++n}-${Math.random().toString(36).slice(2)}`;
  names.push(name);
  return name;
};
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Creates a database the way a newer app would: a higher native version, its own tables. */
function createNewerDatabase(name: string, nativeVersion: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name, nativeVersion);
    request.onupgradeneeded = () => {
      const db = request.result;
      const meta = { locale: 'en', stages: [{ id: 's-1', name: 'Awareness' }], segments: [], competitors: [], createdAt: '2030-01-01T00:00:00.000Z' };
      db.createObjectStore('maps', { keyPath: 'id' }).put({ ...meta, id: 'm-future', title: 'From the future', updatedAt: '2030-01-01T00:00:00.000Z', shelf: 'a field this app does not know' });
      const topics = db.createObjectStore('topics', { keyPath: ['mapId', 'id'] });
      topics.put({ mapId: 'm-future', id: 't-root', parentId: null, order: 0, label: 'Future clinic' });
      topics.put({ mapId: 'm-future', id: 't-1', parentId: 't-root', order: 1, label: 'Hologram desk', channel: 'offline', stageId: 's-1' });
      db.createObjectStore('chains', { keyPath: ['mapId', 'id'] });
      db.createObjectStore('trash', { keyPath: 'id' }).put({ id: 'm-old', title: 'In the bin' });
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
  });
}

function nativeVersion(name: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const version = request.result.version;
      request.result.close();
      resolve(version);
    };
    request.onerror = () => reject(request.error);
  });
}

describe('openDatabase', () => {
  it("opens the app's own database, new or existing", async () => {
    const name = freshName();
    const db = new TouchmapDB(name);
    expect(await openDatabase(db)).toEqual({ ok: true });
    db.close();
    const again = new TouchmapDB(name);
    expect(await openDatabase(again)).toEqual({ ok: true });
    again.close();
  });

  it('refuses a database written by a newer app, and leaves it as it was', async () => {
    const name = freshName();
    await createNewerDatabase(name, 999);
    const db = new TouchmapDB(name);
    const outcome = await openDatabase(db);
    expect(outcome).toEqual({ ok: false, problem: { kind: 'newer', detail: expect.stringMatching(new RegExp(`version 99\\.9; this app knows versions up to ${SCHEMA_VERSION}`)) } });
    expect(db.isOpen()).toBe(false);
    expect(await nativeVersion(name)).toBe(999);
  });

  it('reports a failed migration; IndexedDB keeps the rows of the older version', async () => {
    const name = freshName();
    const old = new TouchmapDB(name);
    await createMapRepository(old).createMap(clinicMap());
    old.close();
    // the next app's schema, with a step that fails half-way
    const next = new TouchmapDB(name);
    next.version(SCHEMA_VERSION + 1).stores({ nextTable: 'id' }).upgrade(async (tx) => {
      await tx.table('maps').toCollection().modify({ title: 'half-migrated' });
      throw new Error('a topic row has no mapId');
    });
    const outcome = await openDatabase(next, { appVersion: SCHEMA_VERSION + 1 });
    expect(outcome).toMatchObject({ ok: false, problem: { kind: 'migration', detail: expect.stringContaining('a topic row has no mapId') } });
    const again = new TouchmapDB(name);
    expect((await createMapRepository(again).listMaps()).map((m) => m.title)).toEqual(['Clinic — new patients']);
    again.close();
  });

  it('reports a browser that cannot open IndexedDB at all (UnknownError)', async () => {
    const failing = {
      open: () => {
        throw new DOMException('Internal error opening backing store for indexedDB.open.', 'UnknownError');
      },
    } as unknown as IDBFactory;
    const db = new TouchmapDB(DB_NAME, { indexedDB: failing, IDBKeyRange });
    const outcome = await openDatabase(db, { indexedDB: failing });
    expect(outcome).toMatchObject({ ok: false, problem: { kind: 'unavailable', detail: expect.stringContaining('UnknownError') } });
  });
});

describe('reading what can be read, for the recovery screen', () => {
  it("reads every table of a newer app's database, known or not, without changing its version", async () => {
    const name = freshName();
    await createNewerDatabase(name, 999);
    const raw = await readRawDatabase(indexedDB, name);
    expect(raw.version).toBe(999);
    expect(Object.keys(raw.tables).sort()).toEqual(['chains', 'maps', 'topics', 'trash']);
    expect(raw.tables.topics).toHaveLength(2);
    expect(await nativeVersion(name)).toBe(999);

    const files = recoveryFiles(raw, '2030-02-01T00:00:00.000Z');
    expect(files).toMatchObject({ mapRows: 1, rowCount: 4, notRebuilt: [] });
    const parsed = parseTouchmapFile(files.touchmap!.text);
    if (!parsed.ok) throw new Error('the recovered file does not parse');
    expect(parsed.docs[0]!.map.title).toBe('From the future');
    expect(Object.values(parsed.docs[0]!.topics).map((topic) => topic.label).sort()).toEqual(['Future clinic', 'Hologram desk']);
    // the raw file keeps what the .touchmap cannot: the unknown table and field
    expect(JSON.parse(files.rawJson).tables.trash).toEqual([{ id: 'm-old', title: 'In the bin' }]);
    expect(files.rawJson).toContain('a field this app does not know');
  });

  it('keeps a map that cannot be rebuilt in the raw file and says which', async () => {
    const raw = { name: 'x', version: 10, tables: { maps: [{ title: 'no id' }], topics: [], chains: [] }, unreadable: [] };
    const files = recoveryFiles(raw, '2030-02-01T00:00:00.000Z');
    expect(files.touchmap).toBeNull();
    expect(files.notRebuilt).toHaveLength(1);
    expect(JSON.parse(files.rawJson).tables.maps).toEqual([{ title: 'no id' }]);
  });

  it('does not create a database that is not there', async () => {
    const name = freshName();
    expect(await readRawDatabase(indexedDB, name)).toEqual({ name, version: 0, tables: {}, unreadable: [] });
    expect((await indexedDB.databases()).map((db) => db.name)).not.toContain(name);
  });
});
