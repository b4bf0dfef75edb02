import 'fake-indexeddb/auto'; // first: Dexie looks for indexedDB when it loads
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MapDoc } from '@shared/model/types';
import { serializeTouchmapFile } from '@shared/file-format';
import { createRestorePoints, MAX_AUTOMATIC_POINTS, pointsToThin, type RestorePoints, type TouchmapDB } from '../../../renderer/src/db';
import { clinicMap } from '../../fixtures/clinic-map';
import { freshDb, setLabel } from './helpers';
import { asId } from '../../builders/ids';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
let clock: Date;
let db: TouchmapDB;
let points: RestorePoints;

beforeEach(() => {
  clock = new Date('2026-12-01T09:00:00.000Z');
  db = freshDb();
  points = createRestorePoints(db, { now: () => clock });
});
afterEach(async () => {
  db.close();
  await Dexie.delete(db.name);
});

const later = (ms: number) => (clock = new Date(clock.getTime() + ms));
/** An edit as autosave stores it: a changed label and a new `updatedAt`. */
const edited = (doc: MapDoc, label: string): MapDoc => {
  const next = setLabel(doc, asId.topic('t-1'), label);
  return { ...next, map: { ...next.map, updatedAt: clock.toISOString() } };
};

describe('restore points', () => {
  it('keeps a named point as the whole map, listed with its time, name and size', async () => {
    const doc = clinicMap();
    const saved = await points.saveNamed(doc, '  Before workshop ');
    expect(await points.list(asId.map('m-clinic'))).toEqual([saved]);
    expect(saved).toMatchObject({ mapId: 'm-clinic', kind: 'named', name: 'Before workshop', createdAt: '2026-12-01T09:00:00.000Z', title: doc.map.title, touchpointCount: 3 });
    // The size is the bytes of the .touchmap file it holds, the same an export of the map writes.
    expect(saved.size).toBe(new TextEncoder().encode(serializeTouchmapFile([doc], clock.toISOString())).length);
    expect(await points.read(saved.id)).toEqual(doc);
  });

  it('refuses an empty or over-long name, writing nothing', async () => {
    await expect(points.saveNamed(clinicMap(), '   ')).rejects.toThrow(/Give the restore point a name/);
    await expect(points.saveNamed(clinicMap(), 'x'.repeat(81))).rejects.toThrow(/at most 80 characters; this one has 81/);
    expect(await db.restorePoints.count()).toBe(0);
  });

  it('lists only the map’s own points, newest first', async () => {
    await points.saveNamed(clinicMap(), 'After 3 months');
    later(MINUTE);
    await points.saveNamed(clinicMap(), 'Before workshop');
    await points.saveNamed(clinicMap({ id: 'm-cafe' }), 'Cafe');
    expect((await points.list(asId.map('m-clinic'))).map((point) => point.name)).toEqual(['Before workshop', 'After 3 months']);
  });

  it('makes an automatic point on opening, but not twice for the same state', async () => {
    const doc = clinicMap();
    expect(await points.saveAutomatic(doc, 'opened')).toMatchObject({ kind: 'opened' });
    later(HOUR);
    expect(await points.saveAutomatic(doc, 'opened')).toBeNull();
    // Saved again later with nothing changed but its time stamp: still the same map.
    expect(await points.saveAutomatic({ ...doc, map: { ...doc.map, updatedAt: clock.toISOString() } }, 'opened')).toBeNull();
    expect(await points.saveAutomatic(edited(doc, 'Website'), 'opened')).toMatchObject({ kind: 'opened' });
    expect(await db.restorePoints.count()).toBe(2);
  });

  it('while editing, makes an automatic point at most every 10 minutes', async () => {
    let doc = clinicMap();
    await points.saveAutomatic(doc, 'opened');
    const made: string[] = [];
    for (let minute = 1; minute <= 25; minute += 1) {
      later(MINUTE);
      doc = edited(doc, `Edit ${minute}`);
      if (await points.saveAutomatic(doc, 'editing')) made.push(`${minute} min`);
    }
    expect(made).toEqual(['10 min', '20 min']);
    // The newest point holds the map as it was at minute 20.
    const [newest] = await points.list(asId.map('m-clinic'));
    expect((await points.read(newest!.id)).topics[asId.topic('t-1')]?.label).toBe('Edit 20');
  });

  it('thins automatic points as they age: all of the last hour, one a day for a week, one a week after, at most 30', async () => {
    let doc = clinicMap();
    // Ten weeks of editing, a point every ten minutes for an hour each day.
    for (let day = 0; day < 70; day += 1) {
      for (let slot = 0; slot < 6; slot += 1) {
        later(10 * MINUTE);
        doc = edited(doc, `Day ${day} slot ${slot}`);
        await points.saveAutomatic(doc, 'editing');
      }
      later(DAY - HOUR);
    }
    await points.saveNamed(doc, 'After 3 months');
    // Opening the map again thins what aged since the last save.
    expect(await points.saveAutomatic(doc, 'opened')).toBeNull();
    const list = await points.list(asId.map('m-clinic'));
    const automatic = list.filter((point) => point.kind !== 'named');
    expect(automatic.length).toBeLessThanOrEqual(MAX_AUTOMATIC_POINTS);
    const ages = automatic.map((point) => ({ at: Date.parse(point.createdAt), age: clock.getTime() - Date.parse(point.createdAt) }));
    const lastHour = ages.filter(({ age }) => age <= HOUR);
    const lastWeek = ages.filter(({ age }) => age > HOUR && age <= 7 * DAY);
    const older = ages.filter(({ age }) => age > 7 * DAY);
    // The last day's editing ended 23 hours ago: none in the last hour, one per day of the week, one per week before.
    expect(lastHour).toEqual([]);
    expect(lastWeek.length).toBe(7);
    expect(new Set(lastWeek.map(({ at }) => Math.floor(at / DAY))).size).toBe(7);
    expect(older.length).toBeGreaterThanOrEqual(8);
    expect(new Set(older.map(({ at }) => Math.floor(at / (7 * DAY)))).size).toBe(older.length);
    // The oldest kept is weeks old: old copies survive thinning.
    expect(Math.max(...older.map(({ age }) => age))).toBeGreaterThan(60 * DAY);
    // Named points are never thinned.
    expect(list.filter((point) => point.kind === 'named').map((point) => point.name)).toEqual(['After 3 months']);
  });

  it('keeps every point of the last hour', () => {
    const now = new Date('2026-12-01T09:00:00.000Z');
    const recent = Array.from({ length: 6 }, (_, i) => ({ id: `r-${i}`, createdAt: new Date(now.getTime() - i * 10 * MINUTE).toISOString(), kind: 'editing' as const }));
    const dayOld = [1, 2].map((i) => ({ id: `d-${i}`, createdAt: new Date(now.getTime() - 2 * HOUR - i * MINUTE).toISOString(), kind: 'editing' as const }));
    expect(pointsToThin([...recent, ...dayOld], now)).toEqual(['d-2']);
  });

  it('keeps at most 30 automatic points, the newest, however long the map was edited', () => {
    const now = new Date('2026-12-01T09:00:00.000Z');
    const weekly = Array.from({ length: 60 }, (_, i) => ({ id: `w-${i}`, createdAt: new Date(now.getTime() - (i + 1) * 7 * DAY).toISOString(), kind: 'opened' as const }));
    const named = { id: 'n-1', createdAt: weekly[59]!.createdAt, kind: 'named' as const };
    const doomed = pointsToThin([...weekly, named], now);
    expect(doomed).toEqual(weekly.slice(MAX_AUTOMATIC_POINTS).map((point) => point.id));
  });

  it('says which point cannot be read rather than opening a damaged copy', async () => {
    const saved = await points.saveNamed(clinicMap(), 'Before workshop');
    await db.restorePoints.update(saved.id, { file: '{"format": "touchmap", "version": 1, "maps": [' });
    await expect(points.read(saved.id)).rejects.toThrow(/restore point “Before workshop” cannot be read/);
    await expect(points.read('r-missing')).rejects.toThrow(/not on this computer any more/);
  });
});
