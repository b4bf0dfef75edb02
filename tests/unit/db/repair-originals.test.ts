/**
 * A repair on opening never takes the only copy of what was stored: the damaged rows are kept, as
 * they were, beside the repaired map — 30 days, the last 5 per map — and download as JSON.
 */
import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  REPAIR_ORIGINALS_KEPT_DAYS,
  REPAIR_ORIGINALS_KEPT_PER_MAP,
  createMapRepository,
  createRepairOriginals,
  createTrash,
  repairOriginalFile,
  type MapRepository,
  type RepairOriginals,
  type TouchmapDB,
} from '../../../renderer/src/db';
import { clinicMap } from '../../fixtures/clinic-map';
import { freshDb } from './helpers';
import { asId } from '../../builders/ids';

const DAY = 24 * 60 * 60 * 1000;
let clock: Date;
let db: TouchmapDB;
let repo: MapRepository;
let originals: RepairOriginals;

beforeEach(() => {
  clock = new Date('2026-12-01T09:00:00.000Z');
  db = freshDb();
  repo = createMapRepository(db);
  originals = createRepairOriginals(db, { now: () => clock });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** A stored clinic map with a score out of range and a row that is no topic at all. */
async function damagedMap() {
  const doc = clinicMap();
  await repo.createMap(doc);
  await db.topics.put({ ...doc.topics[asId.topic('t-2')]!, mapId: doc.map.id, score: 14 });
  await db.topics.put({ mapId: doc.map.id, id: 't-junk', junk: true } as never);
  return doc;
}

describe('repair originals', () => {
  it('keeps the damaged rows as they were while the repaired map replaces them', async () => {
    const doc = await damagedMap();
    const before = await db.topics.where('[mapId+id]').between([doc.map.id, Dexie.minKey], [doc.map.id, Dexie.maxKey]).toArray();
    const loaded = (await repo.loadMap(doc.map.id))!;
    expect(loaded.repairs.length).toBeGreaterThan(0);

    const id = await originals.storeRepair(loaded.doc, loaded.repairs);

    // The map is repaired…
    expect((await repo.loadMap(doc.map.id))?.repairs).toEqual([]);
    expect((await repo.loadMap(doc.map.id))?.doc.topics[asId.topic('t-2')]?.score).toBeUndefined();
    // …and the rows as they were are kept, the bad score and the junk row with them.
    const kept = (await originals.read(id))!;
    expect(kept).toMatchObject({ mapId: doc.map.id, keptAt: '2026-12-01T09:00:00.000Z', repairs: loaded.repairs });
    expect(kept.rows.topics).toEqual(before);
    expect(kept.rows.topics).toContainEqual(expect.objectContaining({ id: 't-2', score: 14 }));
    expect(kept.rows.topics).toContainEqual({ mapId: doc.map.id, id: 't-junk', junk: true });
    expect(kept.rows.map).toMatchObject({ id: doc.map.id, title: doc.map.title });
  });

  it('downloads an original as JSON of the raw rows, named after the map and the time', async () => {
    const doc = await damagedMap();
    const loaded = (await repo.loadMap(doc.map.id))!;
    const kept = (await originals.read(await originals.storeRepair(loaded.doc, loaded.repairs)))!;
    const file = repairOriginalFile(kept);
    expect(file.name).toBe(`${doc.map.title} original 2026-12-01T09-00-00Z.json`);
    const parsed = JSON.parse(file.text);
    expect(parsed).toMatchObject({ kind: 'touchmap-repair-original', mapId: doc.map.id, repairs: loaded.repairs });
    expect(parsed.rows.topics).toContainEqual(expect.objectContaining({ id: 't-2', score: 14 }));
  });

  it(`keeps the last ${REPAIR_ORIGINALS_KEPT_PER_MAP} per map and none past ${REPAIR_ORIGINALS_KEPT_DAYS} days`, async () => {
    const doc = await damagedMap();
    const ids: string[] = [];
    for (let i = 0; i < REPAIR_ORIGINALS_KEPT_PER_MAP + 2; i += 1) {
      clock = new Date(clock.getTime() + 60_000);
      ids.push(await originals.storeRepair(doc, [`repair ${i}`]));
    }
    expect((await originals.list(doc.map.id)).map((row) => row.id)).toEqual(ids.slice(-REPAIR_ORIGINALS_KEPT_PER_MAP).reverse());

    clock = new Date(clock.getTime() + REPAIR_ORIGINALS_KEPT_DAYS * DAY + 60_000);
    expect(await originals.purgeExpired()).toBe(REPAIR_ORIGINALS_KEPT_PER_MAP);
    expect(await originals.list(doc.map.id)).toEqual([]);
  });

  it('keeps a repaired map in Trash in Trash, and deleting the map forever deletes its originals', async () => {
    const doc = await damagedMap();
    const trash = createTrash(db, { now: () => clock });
    await trash.moveToTrash(doc.map.id);
    const loaded = (await repo.loadMap(doc.map.id))!;
    await originals.storeRepair(loaded.doc, loaded.repairs);
    expect((await trash.list()).map((map) => map.id)).toEqual([doc.map.id]);
    await trash.deleteForever(doc.map.id);
    expect(await db.repairOriginals.count()).toBe(0);
  });

  it('refuses a map that is not stored, writing nothing', async () => {
    await expect(originals.storeRepair(clinicMap({ id: 'm-gone' }), ['x'])).rejects.toThrow(/not on this computer/);
    expect(await db.repairOriginals.count()).toBe(0);
  });
});
