/**
 * A database the app cannot open — here one a newer Touchmap left behind, at a higher version —
 * shows the recovery screen: what happened in plain words, a download of what can be read, where
 * the backups are; and the database is left exactly as it was (never an empty library).
 */
import { expect, test, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { screenshot } from './driver';

/** Before the app loads: a `touchmap` database at native version 999 with one map, as a newer app would leave it. */
async function newerDatabase(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const request = indexedDB.open('touchmap', 999);
    request.onupgradeneeded = () => {
      const db = request.result;
      const meta = { locale: 'en', stages: [{ id: 's-1', name: 'Awareness' }], segments: [], competitors: [], createdAt: '2030-01-01T00:00:00.000Z' };
      db.createObjectStore('maps', { keyPath: 'id' }).put({ ...meta, id: 'm-future', title: 'Clinic from a newer app', updatedAt: '2030-01-01T00:00:00.000Z' });
      const topics = db.createObjectStore('topics', { keyPath: ['mapId', 'id'] });
      topics.put({ mapId: 'm-future', id: 't-root', parentId: null, order: 0, label: 'Clinic' });
      topics.put({ mapId: 'm-future', id: 't-1', parentId: 't-root', order: 1, label: 'Reception desk', channel: 'offline', stageId: 's-1' });
      db.createObjectStore('chains', { keyPath: ['mapId', 'id'] });
    };
    request.onsuccess = () => request.result.close();
  });
}

/** The stored database's version and whether its `maps` table gained an index (a write by this app). */
function storedShape(page: Page): Promise<{ version: number; mapIndexes: string[]; maps: number }> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const request = indexedDB.open('touchmap');
        request.onsuccess = () => {
          const db = request.result;
          const store = db.transaction('maps', 'readonly').objectStore('maps');
          const count = store.count();
          count.onsuccess = () => {
            resolve({ version: db.version, mapIndexes: Array.from(store.indexNames), maps: count.result });
            db.close();
          };
        };
        request.onerror = () => reject(request.error);
      }),
  );
}

test('a database from a newer app shows the recovery screen, offers its maps as a file, and is left untouched', async ({ page }) => {
  await newerDatabase(page);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Touchmap cannot open your maps' })).toBeVisible();
  await expect(page.getByText(/saved by a newer version of Touchmap/)).toBeVisible();
  await expect(page.getByText(/has not changed or deleted anything/)).toBeVisible();
  await expect(page.getByText('Maps found in storage: 1. Of these, 1 can be saved as a Touchmap file.')).toBeVisible();
  await expect(page.getByText(/App settings ▸ Your data/)).toBeVisible();
  // never an empty library that invites a new map into the unreadable database
  await expect(page.getByRole('heading', { name: 'No maps yet' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New map' })).toHaveCount(0);
  await screenshot(page, 'recovery-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'recovery-1280');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download maps (.touchmap)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^Touchmap recovered maps \d{4}-\d{2}-\d{2}\.touchmap$/);
  const file = JSON.parse(readFileSync((await download.path())!, 'utf8'));
  expect(file.format).toBe('touchmap');
  expect(file.maps[0].title).toBe('Clinic from a newer app');
  expect(JSON.stringify(file.maps[0])).toContain('Reception desk');

  const [raw] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download every stored row (.json)' }).click()]);
  expect(JSON.parse(readFileSync((await raw.path())!, 'utf8')).tables.topics).toHaveLength(2);

  // reloading (Try again) still refuses, and the database is exactly as the newer app left it
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Touchmap cannot open your maps' })).toBeVisible();
  expect(await storedShape(page)).toEqual({ version: 999, mapIndexes: [], maps: 1 });
});
