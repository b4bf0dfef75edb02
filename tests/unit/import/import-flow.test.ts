import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseTouchmapFile } from '@shared/file-format';
import type { IdMaker } from '@shared/model/ids';
import type { MapDoc } from '@shared/model/types';
import { createMapRepository, type MapRepository, type TouchmapDB } from '../../../renderer/src/db';
import { describeImportDetails, describeImports, importTouchmap, isTouchmapFileName, refuseUnread, type ImportDeps } from '../../../renderer/src/features/import/import-maps';
import { backupFile } from '../../../renderer/src/features/export/data/data-export';
import { freshDb } from '../db/helpers';
import { clinicMap } from '../../fixtures/clinic-map';
import { asId } from '../../builders/ids';

const filesDir = fileURLToPath(new URL('../../fixtures/files/', import.meta.url));
const fixture = (name: string) => readFileSync(`${filesDir}${name}`, 'utf8');
const EXAMPLE = 'example-v1-complete.touchmap';

let db: TouchmapDB;
let repo: MapRepository;
let deps: ImportDeps;

/** Predictable ids, so a failure shows which id went where. */
function countingIds(): IdMaker {
  let n = 0;
  return asId.maker((prefix) => `${prefix}-new${++n}`);
}

beforeEach(() => {
  db = freshDb();
  repo = createMapRepository(db, { now: () => '2026-11-25T10:00:00.000Z' });
  // A fixed day in a fixed locale, so a title that tells two maps apart reads the same on every machine.
  deps = { repository: repo, newId: countingIds(), now: () => new Date('2026-12-06T10:00:00Z'), locale: 'en-GB' };
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
    expect(await repo.loadMap(asId.map('m-7f3a'))).toEqual({ doc: parsed.docs[0], repairs: [] });
    expect(describeImports([outcome])).toBe('Imported “Clinic — new patients”.');
  });

  it('refuses every broken fixture whole, in words for people with the technical text as details, and leaves the library exactly as it was', async () => {
    await repo.createMap(clinicMap({ id: 'm-7f3a' }));
    const before = await allRows();
    const refused = readdirSync(`${filesDir}refused`);
    expect(refused.length).toBeGreaterThan(10);
    for (const file of refused) {
      const outcome = await importTouchmap({ name: file, text: fixture(`refused/${file}`) }, deps);
      expect(outcome.ok, file).toBe(false);
      const message = describeImports([outcome]);
      expect(message, file).toMatch(new RegExp(`^“${file}” was not imported, and nothing was changed\\. .+\\.$`));
      expect(message, file).not.toMatch(/\w\[\d+\]/);
      expect(describeImportDetails([outcome]), file).toMatch(new RegExp(`^${file}: .+`));
    }
    expect(await allRows()).toEqual(before);
  });

  it('names the map and the touchpoint where a rule is broken, and keeps the exact path as details', async () => {
    const outcome = await importTouchmap({ name: 'score.touchmap', text: fixture('refused/score-out-of-range.touchmap') }, deps);
    expect(outcome).toMatchObject({ ok: false, path: 'maps[0].topics[12].score' });
    expect(describeImports([outcome])).toBe(
      '“score.touchmap” was not imported, and nothing was changed. Map "Clinic — new patients": touchpoint "Extra touchpoint 8" has our score 14; scores are 0–10. Fix it in a text editor, or export the map again from the Touchmap it came from.',
    );
    expect(describeImportDetails([outcome])).toBe('score.touchmap: maps[0].topics[12].score: 14 is not 0–10');
  });

  it('imports the same file twice as two maps: the second gets fresh ids throughout, the first is untouched', async () => {
    await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    const first = (await repo.loadMap(asId.map('m-7f3a')))!.doc;
    const outcome = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    if (!outcome.ok) throw new Error(outcome.problem);
    const [copy] = outcome.maps;
    expect(copy).toMatchObject({ title: 'Clinic — new patients (imported 6 Dec 2026)', fileTitle: 'Clinic — new patients', renamedIds: true });
    expect(copy!.id).not.toBe('m-7f3a');
    expect(describeImports([outcome])).toBe('Imported “Clinic — new patients (imported 6 Dec 2026)” as a new map beside the one already here, which is unchanged.');

    expect((await repo.loadMap(asId.map('m-7f3a')))!.doc).toEqual(first);
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
    await repo.createMap(clinicMap({ id: 'm-a', title: 'Coffee shop' }));
    const backup = backupFile([clinicMap({ id: 'm-a', title: 'Coffee shop' }), clinicMap({ id: 'm-b', title: 'Clinic' })], new Date('2026-11-25T10:00:00Z'));
    const outcome = await importTouchmap({ name: backup.name, text: backup.text }, deps);
    expect(outcome).toMatchObject({ ok: true, maps: [{ title: 'Coffee shop (imported 6 Dec 2026)', renamedIds: true }, { id: 'm-b', title: 'Clinic', renamedIds: false }] });
    expect(describeImports([outcome])).toBe('Imported 2 maps. 1 of them came in as a new map beside the one already here, which is unchanged.');
    expect(await repo.listMaps()).toHaveLength(3);
  });

  it('round trip: a backup imported into an empty library gives back the same maps, ids included', async () => {
    const docs = [clinicMap({ id: 'm-a', title: 'Кофейня — 카페 — カフェ', touchpoints: 5 }), clinicMap({ id: 'm-b', title: '<img src=x onerror=alert(1)>' })];
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
    expect(describeImports([outcome])).toMatch(/^“huge\.touchmap” was not imported, and nothing was changed\. The file is 50\.1 MB; Touchmap imports files up to 50 MB\. Check that it is the right file/);
    expect(describeImportDetails([outcome])).toBe(`huge.touchmap: size: ${MAX_FILE_BYTES + 1} bytes; the limit is ${MAX_FILE_BYTES} bytes`);
    // and through the importer too, whatever the text: the size is checked first
    const before = await allRows();
    expect(await importTouchmap({ name: 'huge.touchmap', text: fixture(EXAMPLE), sizeBytes: MAX_FILE_BYTES + 1 }, deps)).toMatchObject({ ok: false });
    expect(await allRows()).toEqual(before);
  });

  it('refuses a file whose name says it is something else, without reading it', () => {
    expect(isTouchmapFileName('Clinic.TOUCHMAP')).toBe(true);
    expect(isTouchmapFileName('clinic.json')).toBe(true);
    expect(isTouchmapFileName('photo.png')).toBe(false);
    const photo = refuseUnread({ name: 'photo.png', sizeBytes: 10 });
    expect(describeImports([photo])).toBe(
      '“photo.png” was not imported, and nothing was changed. This is not a Touchmap map: by its name, it is an image. Choose a .touchmap file instead: Touchmap saves one from a map’s Data export or with “Back up all maps”.',
    );
    expect(describeImportDetails([photo])).toBe('photo.png: file name: "photo.png" does not end in .touchmap or .json');
    expect(describeImports([refuseUnread({ name: 'Clinic plan.pdf', sizeBytes: 10 })])).toContain('by its name, it is a PDF document.');
    expect(describeImports([refuseUnread({ name: 'Actions.csv', sizeBytes: 10 })])).toContain('by its name, it is a table (CSV), such as Touchmap’s action plan.');
    expect(describeImports([refuseUnread({ name: 'ideas.xmind', sizeBytes: 10 })])).toContain('by its name, it is a mind map from another app.');
  });

  it('reports a storage failure as a refusal, with the reason', async () => {
    const failing: ImportDeps = {
      repository: { listMaps: () => repo.listMaps(), mapIds: () => repo.mapIds(), saveDocs: () => Promise.reject(new Error('QuotaExceededError: the disk is full.')) },
      newId: countingIds(),
    };
    const outcome = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, failing);
    expect(describeImports([outcome])).toBe(
      `“${EXAMPLE}” was not imported, and nothing was changed. It could not be stored on this computer (QuotaExceededError: the disk is full). Try again; if it keeps failing, restart Touchmap.`,
    );
    expect(describeImportDetails([outcome])).toBe(`${EXAMPLE}: QuotaExceededError: the disk is full`);
    expect(await repo.listMaps()).toEqual([]);
  });

  it('sums up several files: what came in, then what was refused', async () => {
    const good = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    const bad = await importTouchmap({ name: 'bad.touchmap', text: '{' }, deps);
    expect(describeImports([good, bad])).toMatch(/^Imported “Clinic — new patients”\. “bad\.touchmap” was not imported, and nothing was changed\. The file looks like a Touchmap file that was damaged/);
    expect(describeImportDetails([good, bad])).toMatch(/^bad\.touchmap: not valid JSON: /);
    expect(describeImportDetails([good])).toBeUndefined();
  });
});

describe('an imported map whose title is already in the library', () => {
  const titles = async () => (await repo.listMaps()).map((m) => m.title).sort();

  it('comes in as "<title> (imported <day>)", and the map already here keeps its title', async () => {
    await repo.createMap(clinicMap({ id: 'm-here', title: 'Clinic — new patients' }));
    const outcome = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    expect(outcome).toMatchObject({ ok: true, maps: [{ id: 'm-7f3a', title: 'Clinic — new patients (imported 6 Dec 2026)', renamedIds: false }] });
    expect(await titles()).toEqual(['Clinic — new patients', 'Clinic — new patients (imported 6 Dec 2026)']);
    expect((await repo.loadMap(asId.map('m-here')))!.doc.map.title).toBe('Clinic — new patients');
    expect(describeImports([outcome])).toBe('Imported “Clinic — new patients (imported 6 Dec 2026)”.');
  });

  it('is numbered when the dated title is taken too: (imported <day>, 2), then 3', async () => {
    for (let i = 0; i < 4; i++) await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    expect(await titles()).toEqual([
      'Clinic — new patients',
      'Clinic — new patients (imported 6 Dec 2026)',
      'Clinic — new patients (imported 6 Dec 2026, 2)',
      'Clinic — new patients (imported 6 Dec 2026, 3)',
    ]);
  });

  it('writes the day in the UI locale', async () => {
    await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    const outcome = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, { ...deps, locale: 'en-US' });
    expect(outcome).toMatchObject({ ok: true, maps: [{ title: 'Clinic — new patients (imported Dec 6, 2026)' }] });
  });

  it('keeps its own title when no map has it, even if its id is taken', async () => {
    await repo.createMap(clinicMap({ id: 'm-7f3a', title: 'Something else' }));
    const outcome = await importTouchmap({ name: EXAMPLE, text: fixture(EXAMPLE) }, deps);
    expect(outcome).toMatchObject({ ok: true, maps: [{ title: 'Clinic — new patients', renamedIds: true }] });
    expect(outcome.ok && outcome.maps[0]).not.toHaveProperty('fileTitle');
  });

  it('tells apart two maps of the same title inside one backup', async () => {
    const backup = backupFile([clinicMap({ id: 'm-a', title: 'Coffee shop' }), clinicMap({ id: 'm-b', title: ' Coffee shop ' })], new Date('2026-11-25T10:00:00Z'));
    await importTouchmap({ name: backup.name, text: backup.text }, deps);
    expect(await titles()).toEqual(['Coffee shop', 'Coffee shop (imported 6 Dec 2026)']);
  });
});
