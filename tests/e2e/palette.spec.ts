/**
 * The palette (Ctrl/Cmd+K): everything that can be done right now, found by typing its name,
 * run with Enter through the same registry as keys and menus; Esc puts the focus back.
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, mod, openLibrary, screenshot, stageGroup, typeLabel } from './driver';

const palette = (page: Page) => page.getByRole('dialog', { name: 'Find what to do' });

test('Ctrl/Cmd+K, “grid”, Enter shows the grid view', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Palette grid');
  await page.keyboard.press(`${mod}+k`);
  const field = palette(page).getByRole('combobox', { name: 'Find what to do' });
  await expect(field).toBeFocused();
  await field.pressSequentially('grid');
  const options = palette(page).getByRole('listbox').getByRole('option');
  await expect(options.first()).toHaveText(/^Grid/);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(field).toHaveAttribute('aria-activedescendant', (await options.first().getAttribute('id'))!);
  await field.press('Enter');
  await expect(palette(page)).toBeHidden();
  await expect(page.getByRole('region', { name: 'Touchpoint grid' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Grid', pressed: true })).toBeVisible();
});

test('the palette lists only what can act now: no Undo before the first change, Undo after it', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Palette undo');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.keyboard.press(`${mod}+k`);
  const list = palette(page).getByRole('listbox');
  await expect(list.getByRole('option', { name: /^Grid/ })).toBeVisible();
  await expect(list.getByRole('option', { name: /^Undo/ })).toHaveCount(0);
  await palette(page).getByRole('combobox').pressSequentially('undo');
  await expect(list.getByRole('option')).toHaveCount(0);
  await expect(palette(page).getByRole('status')).toHaveText('Nothing you can do now matches “undo”.');
  await page.keyboard.press('Escape');

  await stageGroup(page, 'online', 'Awareness').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Search ad');
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+k`);
  await palette(page).getByRole('combobox').pressSequentially('undo');
  await expect(list.getByRole('option', { name: /^Undo/ })).toContainText(/Ctrl\+Z|⌘Z/);
});

test('arrows move through the list, Esc closes and gives the focus back', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Palette focus');
  const mindMapButton = page.getByRole('button', { name: 'Mind map', exact: true });
  await mindMapButton.focus();
  await page.keyboard.press(`${mod}+k`);
  const field = palette(page).getByRole('combobox');
  await expect(field).toBeFocused();
  const options = palette(page).getByRole('option');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await field.press('ArrowDown');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await field.press('ArrowUp');
  await field.press('ArrowUp');
  await expect(options.last()).toHaveAttribute('aria-selected', 'true');
  // prefix matches first: “ex” puts the Export entries before words that merely contain it
  await field.pressSequentially('ex');
  await expect(options.first()).toHaveText(/^Export/);
  await field.press('Escape');
  await expect(palette(page)).toBeHidden();
  await expect(mindMapButton).toBeFocused();
});

test('the palette, seen at 1440×900 and 1280×720', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Palette look', 'Medical clinic');
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.keyboard.press(`${mod}+k`);
    await expect(palette(page)).toBeVisible();
    await screenshot(page, `palette-${width}x${height}`);
    await palette(page).getByRole('combobox').pressSequentially('exp');
    await screenshot(page, `palette-exp-${width}x${height}`);
    const box = await palette(page).boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    await page.keyboard.press('Escape');
  }
});

test('Help lists the palette with its key, and the keys the menu and the app now share', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Palette help');
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.keyboard.press(`${mod}+/`);
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(help.getByRole('row', { name: /Find what to do/ })).toContainText(/Ctrl\+K|⌘K/);
    await expect(help.getByRole('row', { name: /Export PDF/ })).toContainText(/Ctrl\+Shift\+P|⌘⇧P/);
    await expect(help.getByRole('row', { name: /Fit to view/ })).toContainText(/Ctrl\+Shift\+0|⌘⇧0/);
    await screenshot(page, `help-shortcuts-${width}x${height}`);
    await help.getByRole('button', { name: 'Close' }).click();
  }
});
