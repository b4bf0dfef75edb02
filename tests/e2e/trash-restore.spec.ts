/**
 * Never lose a map: Delete in the library moves a map to Trash — Undo (the notice's button or
 * Ctrl/Cmd+Z) brings it back, Trash restores it or deletes it forever, and 30 days in Trash end
 * it at start; restore points bring back an earlier state of the open map, in place (one undo
 * step) or as a new map.
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, mod, node, openLibrary, screenshot, stageGroup, typeLabel, waitSaved } from './driver';

const DAY = 24 * 60 * 60 * 1000;

/** Creates a map with one touchpoint and goes back to the library. */
async function mapInLibrary(page: Page, title: string): Promise<void> {
  await createMap(page, title);
  await waitSaved(page);
  await page.getByRole('button', { name: /All maps/ }).click();
  await expect(page.getByRole('button', { name: `Open ${title}` })).toBeVisible();
}

async function addTouchpoint(page: Page, label: string): Promise<void> {
  await stageGroup(page, 'online', 'Awareness').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, label);
  await waitSaved(page);
}

test('delete a map, then Undo — the notice’s button or Ctrl/Cmd+Z — brings it back', async ({ page }) => {
  await openLibrary(page);
  await mapInLibrary(page, 'Clinic');

  await page.getByRole('button', { name: 'Delete Clinic' }).click();
  await expect(page.getByRole('button', { name: 'Open Clinic' })).toHaveCount(0);
  await expect(page.getByText('Moved “Clinic” to Trash')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Trash (1)' })).toBeVisible();
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Open Clinic' })).toBeVisible();
  await expect(page.getByText('“Clinic” is back with your maps.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Trash', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Delete Clinic' }).click();
  await expect(page.getByRole('button', { name: 'Open Clinic' })).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(page.getByRole('button', { name: 'Open Clinic' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open Clinic' })).toBeVisible();
});

test('a deleted map waits in Trash: Restore brings it back, Delete forever asks first, naming it', async ({ page }) => {
  await openLibrary(page);
  await mapInLibrary(page, 'Clinic');
  await mapInLibrary(page, 'Coffee corner');
  await page.getByRole('button', { name: 'Delete Clinic' }).click();
  await page.getByRole('button', { name: 'Delete Coffee corner' }).click();

  await page.getByRole('button', { name: 'Trash (2)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Trash' })).toBeVisible();
  await expect(page.getByText(/Deleted maps wait here for 30 days, then are deleted forever when Touchmap starts/)).toBeVisible();
  const trash = page.getByRole('list', { name: 'Trash' });
  await expect(trash.getByRole('listitem')).toHaveCount(2);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await screenshot(page, `trash-${size.width}x${size.height}`);
  }

  await trash.getByRole('button', { name: 'Restore Clinic' }).click();
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Trash (1)' })).toBeVisible();

  await trash.getByRole('button', { name: 'Delete forever Coffee corner' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete “Coffee corner” forever?' });
  await expect(confirm.getByText(/This cannot be undone/)).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(trash.getByRole('listitem')).toHaveCount(1);
  await trash.getByRole('button', { name: 'Delete forever Coffee corner' }).click();
  await page.getByRole('dialog', { name: 'Delete “Coffee corner” forever?' }).getByRole('button', { name: 'Delete forever' }).click();
  await expect(page.getByText('Trash is empty.')).toBeVisible();

  await page.getByRole('button', { name: 'Your maps' }).click();
  await expect(page.getByRole('button', { name: 'Open Clinic' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Open Coffee corner' })).toHaveCount(0);
});

test('a map 30 days in Trash is deleted forever at start, and Trash says so', async ({ page }) => {
  const start = new Date('2026-11-02T09:00:00Z');
  await page.clock.install({ time: start });
  await openLibrary(page);
  await mapInLibrary(page, 'Old pilot');
  await page.getByRole('button', { name: 'Delete Old pilot' }).click();
  await expect(page.getByRole('button', { name: 'Trash (1)' })).toBeVisible();

  await page.clock.setSystemTime(new Date(start.getTime() + 29 * DAY));
  await page.reload();
  await expect(page.getByRole('button', { name: 'Trash (1)' })).toBeVisible();

  await page.clock.setSystemTime(new Date(start.getTime() + 30 * DAY + 60_000));
  await page.reload();
  await page.getByRole('button', { name: 'Trash', exact: true }).click();
  await expect(page.getByRole('note')).toHaveText('1 map had been in Trash for more than 30 days and was deleted forever at start: “Old pilot”.');
  await expect(page.getByText('Trash is empty.')).toBeVisible();
  await screenshot(page, 'trash-purged-1440x900');
});

test('a named restore point brings the map back in place, and Undo takes the restore back', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Clinic');
  await addTouchpoint(page, 'Website');

  await page.keyboard.press(`${mod}+Shift+H`);
  const dialog = page.getByRole('dialog', { name: 'Restore points — Clinic' });
  await expect(dialog).toBeVisible();
  // the point made when the map was opened
  await expect(dialog.getByRole('table', { name: 'Restore points of this map' }).getByText('Opened')).toBeVisible();
  await dialog.getByLabel('Name a restore point of the map as it is now').fill('Before workshop');
  await dialog.getByRole('button', { name: 'Save restore point' }).click();
  const named = dialog.getByRole('row').filter({ hasText: 'Before workshop' });
  await expect(named).toBeVisible();
  await expect(named.getByRole('cell').nth(2)).toHaveText(/^\d+(\.\d)? (B|KB)$/);
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    await screenshot(page, `restore-points-${size.width}x${size.height}`);
  }
  await dialog.getByRole('button', { name: 'Close' }).click();

  // edit: the touchpoint is renamed, and another one added
  await node(page, 'Website').click();
  await page.keyboard.press('F2');
  await typeLabel(page, 'Homepage');
  await addTouchpoint(page, 'Search ad');

  await page.keyboard.press(`${mod}+Shift+H`);
  await dialog.getByRole('button', { name: 'Restore here: “Before workshop”' }).click();
  await expect(dialog).toBeHidden();
  await expect(node(page, 'Website')).toBeVisible();
  await expect(node(page, 'Homepage')).toHaveCount(0);
  await expect(node(page, 'Search ad')).toHaveCount(0);
  await waitSaved(page);

  // one undo step takes the whole restore back
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'Homepage')).toBeVisible();
  await expect(node(page, 'Search ad')).toBeVisible();
  await expect(node(page, 'Website')).toHaveCount(0);
  await waitSaved(page);
  await page.reload();
  await expect(node(page, 'Homepage')).toBeVisible();

  // the map as it was before the restore was kept too
  await page.keyboard.press(`${mod}+Shift+H`);
  await expect(dialog.getByText('Before a restore')).toBeVisible();
});

test('a restore point opens as a new map beside the original', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Clinic');
  await addTouchpoint(page, 'Website');
  await page.keyboard.press(`${mod}+Shift+H`);
  const dialog = page.getByRole('dialog', { name: 'Restore points — Clinic' });
  await dialog.getByLabel('Name a restore point of the map as it is now').fill('After 3 months');
  await dialog.getByRole('button', { name: 'Save restore point' }).click();
  await dialog.getByRole('button', { name: 'Restore as a new map: “After 3 months”' }).click();
  await expect(page.getByRole('heading', { level: 1, name: /^Clinic \(restored / })).toBeVisible();
  await expect(node(page, 'Website')).toBeVisible();
  await waitSaved(page);
  await page.getByRole('button', { name: /All maps/ }).click();
  await expect(page.getByRole('button', { name: 'Open Clinic', exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Open Clinic \(restored / })).toBeVisible();
});
