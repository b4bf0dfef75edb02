import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Dexie from 'dexie';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createMapRepository, createTrash, type TouchmapDB } from '../../../renderer/src/db';
import { importTouchmap } from '../../../renderer/src/features/import/import-maps';
import { freshDb } from '../db/helpers';
import { asId } from '../../builders/ids';

const EXAMPLE = 'example-v1-complete.touchmap';
const text = readFileSync(fileURLToPath(new URL(`../../fixtures/files/${EXAMPLE}`, import.meta.url)), 'utf8');
let db: TouchmapDB;

beforeEach(() => (db = freshDb()));
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

it('imports a map whose id is taken by a map in Trash, as a copy with fresh ids, leaving the one in Trash alone', async () => {
  const repo = createMapRepository(db);
  let n = 0;
  const deps = { repository: repo, newId: asId.maker((prefix) => `${prefix}-new${++n}`), now: () => new Date('2026-12-06T10:00:00Z'), locale: 'en-GB' };
  expect((await importTouchmap({ name: EXAMPLE, text }, deps)).ok).toBe(true);
  await createTrash(db).moveToTrash(asId.map('m-7f3a'));

  // the same backup file imported again, its map being in Trash
  const outcome = await importTouchmap({ name: EXAMPLE, text }, deps);
  expect(outcome).toMatchObject({ ok: true, maps: [{ renamedIds: true }] });
  expect((await repo.listMaps()).map((map) => map.id)).toEqual([outcome.ok ? outcome.maps[0]!.id : '']);
  expect((await createTrash(db).list()).map((map) => map.id)).toEqual(['m-7f3a']);
});
