/**
 * An edit is never lost to a reload in its first moments: autosave gathers changes for 350 ms and
 * its IndexedDB write does not finish before a reloading page goes, so the page journals what is
 * unsaved to localStorage on the way out, and the next start applies it — unless the map was saved
 * since, when the newer stored work wins and the user is told.
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, node, openLibrary, screenshot, stageGroup, typeLabel, waitSaved } from './driver';
import { rename, showOutline } from './crash-driver';

/** Adds a touchpoint by keys and ends the list (Esc takes away the next, untouched row). */
async function addTouchpoint(page: Page, label: string): Promise<void> {
  await stageGroup(page, 'offline', 'Experience').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, label);
  await page.keyboard.press('Escape');
}

const notice = (page: Page) => page.locator('.notices');

/**
 * Holds the database's `maps` store with a transaction that does not end, as a slow or busy disk
 * would: autosave's writes (the throttled one and the flush on the way out) queue behind it and
 * do not commit before the page goes. Without it, whether a write beats the reload is a matter of
 * timing; with it, what survives the reload is the journal's doing alone. `releaseSaves` lets the
 * transaction end, and the queued writes go through.
 */
async function holdSaves(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('touchmap');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const store = open.result.transaction('maps', 'readwrite').objectStore('maps');
          let held = true;
          (window as { releaseSaves?: () => void }).releaseSaves = () => (held = false);
          const keepBusy = () => {
            if (held) store.get('held').onsuccess = keepBusy;
          };
          keepBusy();
          resolve();
        };
      }),
  );
}

async function releaseSaves(page: Page): Promise<void> {
  await page.evaluate(() => (window as { releaseSaves?: () => void }).releaseSaves?.());
}

test('a touchpoint added and reloaded at once is there after the reload, and the notice says it was recovered', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Bakery');
  await waitSaved(page);
  await holdSaves(page);
  await addTouchpoint(page, 'Shop window');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Bakery' })).toBeVisible();
  await expect(node(page, 'Shop window')).toBeVisible();
  await expect(notice(page)).toContainText('Recovered 1 change made just before Touchmap closed.');
  await screenshot(page, 'journal-recovered');
  // it is stored, not only shown: a second reload finds it without a journal, and says nothing more
  await page.reload();
  await expect(node(page, 'Shop window')).toBeVisible();
  await expect(notice(page)).not.toContainText('Recovered');
  expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('touchmap.journal.')))).toEqual([]);
});

test('a label typed in the outline and reloaded at once is there after the reload', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Clinic');
  await addTouchpoint(page, 'Context ad');
  await waitSaved(page);
  await showOutline(page);
  await holdSaves(page);
  await rename(page, 'Context ad', 'Search ad');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeVisible();
  await showOutline(page);
  await expect(page.locator('.outline__row.is-touchpoint .outline__label')).toHaveText(['Search ad']);
  await expect(notice(page)).toContainText('Recovered 1 change made just before Touchmap closed.');
});

test('a journal older than the stored map is not applied: the newer work stays, and the notice says so', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Florist');
  await waitSaved(page);
  // saves held, so the touchpoint is still unsaved when the page is hidden (a save that beat the
  // pagehide left no journal to take: the test failed now and then)
  await holdSaves(page);
  await addTouchpoint(page, 'Ghost');
  // the journal the page writes as it is hidden, taken before the save that follows clears it
  const journal = await page.evaluate(() => {
    window.dispatchEvent(new Event('pagehide'));
    const key = Object.keys(localStorage).find((k) => k.startsWith('touchmap.journal.'));
    return key === undefined ? null : { key, text: localStorage.getItem(key)! };
  });
  expect(journal).not.toBeNull();
  await releaseSaves(page);
  await waitSaved(page);
  // the map is saved again since: the touchpoint renamed
  await node(page, 'Ghost').click();
  await page.keyboard.press('F2');
  await page.getByRole('textbox', { name: 'Edit label' }).fill('Flower stand');
  await page.keyboard.press('Enter');
  await waitSaved(page);
  // the old journal is found on the next start, as if the page had gone before its save
  await page.evaluate(({ key, text }) => localStorage.setItem(key, text), journal!);
  await page.reload();
  await expect(node(page, 'Flower stand')).toBeVisible();
  await expect(node(page, 'Ghost')).toHaveCount(0);
  await expect(page.getByRole('alert')).toContainText('1 change made just before Touchmap closed was not recovered');
  await screenshot(page, 'journal-stale');
});

test('a damaged journal is ignored with a notice, and the map opens as stored', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Garage');
  await addTouchpoint(page, 'Tyre check');
  await waitSaved(page);
  const mapId = await page.evaluate(() => decodeURIComponent(location.hash.split('/').pop() ?? ''));
  await page.evaluate((id) => localStorage.setItem(`touchmap.journal.${id}`, '{"version":1,"mapId":'), mapId);
  await page.reload();
  await expect(node(page, 'Tyre check')).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('their record is damaged (it is not JSON)');
});
