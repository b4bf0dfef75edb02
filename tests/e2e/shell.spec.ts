/**
 * The app behaves like a desktop app in any window: New map from anywhere (Ctrl/Cmd+N), a
 * presentation mode for the projector, a remembered light/dark theme, and help that lists the
 * real shortcuts. In Electron the native menu runs these same actions by name.
 */
import { test, expect } from '@playwright/test';
import { createMap, mod, openLibrary, screenshot } from './driver';

test('Ctrl/Cmd+N opens New map from the editor, and Help lists the shortcuts', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Dentist');
  await page.keyboard.press(`${mod}+n`);
  await expect(page.getByRole('dialog', { name: 'New map' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'New map' })).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();

  await page.keyboard.press(`${mod}+/`);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('rowheader', { name: 'Add touchpoint or detail' })).toBeVisible();
  await expect(help.getByRole('row', { name: /Undo/ })).toContainText(/Ctrl\+Z|⌘Z/);
  await screenshot(page, 'shortcuts');
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toHaveCount(0);
});

test('presentation mode shows the map alone and Esc brings the toolbar back', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Dentist');
  await expect(page.getByRole('button', { name: /All maps/ })).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByRole('button', { name: /All maps/ })).toBeHidden();
  await expect(page.getByRole('tablist')).toHaveCount(0); // the side panel (inspector · chains) is gone
  await expect(page.getByRole('button', { name: /press Esc to return/ })).toBeVisible();
  await screenshot(page, 'presentation');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /All maps/ })).toBeVisible();
});

test('the dark theme is remembered across a reload', async ({ page }) => {
  await openLibrary(page);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.evaluate(() => localStorage.setItem('touchmap.theme', 'dark'));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const background = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(background).toBe('rgb(21, 24, 30)');
  await createMap(page, 'Night shift');
  await screenshot(page, 'editor-dark');
});

test('Print… lays the map out as the PDF export does and hands it to the print dialog', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Print shop', 'Coffee shop');
  await page.keyboard.press(`${mod}+p`);
  // in a browser the layout is printed from a hidden, script-less frame
  const frame = page.locator('iframe[sandbox][aria-hidden="true"]');
  await expect(frame).toHaveCount(1, { timeout: 20_000 });
  const html = await frame.getAttribute('srcdoc');
  expect(html).toContain('<svg');
  expect(html).toContain('Print shop');
  expect(html).not.toContain('<script');
});
