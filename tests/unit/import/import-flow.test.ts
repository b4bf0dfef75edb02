import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseTouchmapFile } from '@shared/file-format';
import type { IdPrefix } from '@shared/model/ids';
import type { MapDoc } from '@shared/model/types';
import { createMapRepository, type MapRepository, type TouchmapDB } from '../../../renderer/src/db';
import { describeImports, importTouchmap, isTouchmapFileName, refuseUnread, type ImportDeps } from '../../../renderer/src/features/import/import-maps';
import { backupFile } from '../../../renderer/src/features/export/data-export';
import { freshDb, makeDoc } from '../db/helpers';

const filesDir = fileURLToPath(new URL('../../fixtures/files/', import.meta.url));
const fixture = (name: string) => readFileSync(`${filesDir}${name}`, 'utf8');
const EXAMPLE = 'example-v1-complete.touchmap';

let db: TouchmapDB;
let repo: MapRepository;
let deps: ImportDeps;

/** Predictable ids, so a failure shows which id went where. */
function countingIds(): (prefix: IdPrefix) => string {
  let n = 0;
  return (prefix) => `${prefix}-new${++n}`;
}

beforeEach(() => {
  db = freshDb();
  repo = createMapRepository(db, { now: () => '2026-11-25T10:00:00.000Z' });
  deps = { repository: repo, newId: countingIds() };
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

/** Every row of every table, to prove a refused import wrote nothing at all. */
const allRows = async () => ({ maps: await db.maps.toArray(), topics: await db.topics.toArray(), chains: await db.chains.toArray() });

const loadAll = async (): Promise<MapDoc[]> => {
  const docs: MapDoc[] = [];
  for (const summary of await repo.listMaps()) docs.push((await repo.loadMap(summary.id))!.doc);
  return docs;
};

describe('importing a .touchmap file', () => {
  it('stores an accepted file through the repository, every record as the file has it', async () => {
    const outcome = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    expect(outcome).toEqual({ ok: true, name: EXAMPLE, maps: [{ id: 'm-7f3a', title: 'Clinic — new patients', renamedIds: false }], warnings: [] });
    const parsed = parseTouchmapFile(fixture(EXAMPLE));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(await repo.loadMap('m-7f3a')).toEqual({ doc: parsed.docs[0], repairs: [] });
    expect(describeImports([outcome])).toBe('Imported “Clinic — new patients”.');
  });

  it('refuses every broken fixture whole, naming the problem, and leaves the library exactly as it was', async () => {
    await repo.createMap(makeDoc({ id: 'm-7f3a' }));
    const before = await allRows();
    const refused = readdirSync(`${filesDir}refused`);
    expect(refused.length).toBeGreaterThan(10);
    for (const file of refused) {
      const outcome = await importTouchmap({ name: file, text: fixture(`refused/${file}`) }, deps);
      expect(outcome.ok, file).toBe(false);
      const message = describeImports([outcome]);
      expect(message, file).toMatch(new RegExp(`^“${file}” was not imported: .+\\. Nothing was changed\\.$`));
    }
    expect(await allRows()).toEqual(before);
  });

  it('says exactly where a rule is broken', async () => {
    const outcome = await importTouchmap({ name: 'score.touchmap', text: fixture('refused/score-out-of-range.touchmap') }, deps);
    expect(outcome).toMatchObject({ ok: false, path: 'maps[0].topics[12].score' });
    expect(describeImports([outcome])).toBe('“score.touchmap” was not imported: maps[0].topics[12].score: 14 is not 0–10. Nothing was changed.');
  });

  it('imports the same file twice as two maps: the second gets fresh ids throughout, the first is untouched', async () => {
    await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    const first = (await repo.loadMap('m-7f3a'))!.doc;
    const outcome = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    if (!outcome.ok) throw new Error(outcome.problem);
    const [copy] = outcome.maps;
    expect(copy).toMatchObject({ title: 'Clinic — new patients', renamedIds: true });
    expect(copy!.id).not.toBe('m-7f3a');
    expect(describeImports([outcome])).toBe('Imported “Clinic — new patients” as a new map beside the one already here, which is unchanged.');

    expect((await repo.loadMap('m-7f3a'))!.doc).toEqual(first);
    const second = (await repo.loadMap(copy!.id))!.doc;
    // Same map, every id renewed and every reference following.
    const firstIds = new Set([...Object.keys(first.topics), ...Object.keys(first.chains), ...first.map.stages.map((s) => s.id)]);
    for (const id of [...Object.keys(second.topics), ...Object.keys(second.chains), ...second.map.stages.map((s) => s.id)]) {
      expect(firstIds.has(id), id).toBe(false);
    }
    expect(Object.values(second.topics).map((t) => t.label).sort()).toEqual(Object.values(first.topics).map((t) => t.label).sort());
    const ad = Object.values(second.topics).find((t) => t.label === 'Context ad')!;
    expect(second.map.stages.map((s) => s.id)).toContain(ad.stageId);
    expect(second.topics[ad.parentId!]?.parentId).toBeNull();
    expect(await repo.listMaps()).toHaveLength(2);
  });

  it('imports a backup of several maps in one go, renewing only the maps whose id is taken', async () => {
    await repo.createMap(makeDoc({ id: 'm-a', title: 'Coffee shop' }));
    const backup = backupFile([makeDoc({ id: 'm-a', title: 'Coffee shop' }), makeDoc({ id: 'm-b', title: 'Clinic' })], new Date('2026-11-25T10:00:00Z'));
    const outcome = await importTouchmap({ name: backup.name, text: backup.text }, deps);
    expect(outcome).toMatchObject({ ok: true, maps: [{ title: 'Coffee shop', renamedIds: true }, { id: 'm-b', title: 'Clinic', renamedIds: false }] });
    expect(describeImports([outcome])).toBe('Imported 2 maps. 1 of them came in as new maps beside the ones already here, which are unchanged.');
    expect(await repo.listMaps()).toHaveLength(3);
  });

  it('round trip: a backup imported into an empty library gives back the same maps, ids included', async () => {
    const docs = [makeDoc({ id: 'm-a', title: 'Кофейня — 카페 — カフェ', touchpoints: 5 }), makeDoc({ id: 'm-b', title: '<img src=x onerror=alert(1)>' })];
    const backup = backupFile(docs, new Date('2026-11-25T10:00:00Z'));
    const outcome = await importTouchmap({ name: backup.name, text: backup.text }, deps);
    expect(outcome.ok).toBe(true);
    // The library lists newest first; the backup's own order is the maps' order in the file.
    const back = (await loadAll()).sort((a, b) => a.map.id.localeCompare(b.map.id));
    expect(back).toEqual(docs);
    expect(backupFile(back, new Date('2026-11-25T10:00:00Z')).text).toBe(backup.text);
  });

  it('refuses a file over 50 MB before reading it, naming the limit', async () => {
    const over = { name: 'huge.touchmap', sizeBytes: MAX_FILE_BYTES + 1 };
    const outcome = refuseUnread(over);
    expect(outcome).toMatchObject({ ok: false, name: 'huge.touchmap' });
    expect(describeImports([outcome])).toMatch(/^“huge\.touchmap” was not imported: The file is 50\.1 MB; Touchmap imports files up to 50 MB\. Nothing was changed\.$/);
    // and through the importer too, whatever the text: the size is checked first
    const before = await allRows();
    expect(await importTouchmap({ name: 'huge.touchmap', text: fixture(EXAMPLE), sizeBytes: MAX_FILE_BYTES + 1 }, deps)).toMatchObject({ ok: false });
    expect(await allRows()).toEqual(before);
  });

  it('refuses a file whose name says it is something else, without reading it', () => {
    expect(isTouchmapFileName('Clinic.TOUCHMAP')).toBe(true);
    expect(isTouchmapFileName('clinic.json')).toBe(true);
    expect(isTouchmapFileName('photo.png')).toBe(false);
    expect(describeImports([refuseUnread({ name: 'photo.png', sizeBytes: 10 })])).toBe(
      '“photo.png” was not imported: it is not a .touchmap file (Touchmap imports .touchmap and .json files). Nothing was changed.',
    );
  });

  it('reports a storage failure as a refusal, with the reason', async () => {
    const failing: ImportDeps = {
      repository: { listMaps: () => repo.listMaps(), saveDocs: () => Promise.reject(new Error('QuotaExceededError: the disk is full.')) },
      newId: countingIds(),
    };
    const outcome = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, failing);
    expect(describeImports([outcome])).toBe(
      `“${EXAMPLE}” was not imported: it could not be stored on this computer — QuotaExceededError: the disk is full. Nothing was changed.`,
    );
    expect(await repo.listMaps()).toEqual([]);
  });

  it('sums up several files: what came in, then what was refused', async () => {
    const good = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    const bad = await importTouchmap({ name: 'bad.touchmap', text: '{' }, deps);
    expect(describeImports([good, bad])).toMatch(/^Imported “Clinic — new patients”\. “bad\.touchmap” was not imported: This is not a Touchmap file: it is not valid JSON/);
  });
});
