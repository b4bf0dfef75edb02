/**
 * Files from other tools: a facilitator drops an XMind map and chooses a Russian CSV with Import…,
 * goes through the preview (changing a guessed channel) and the column mapping, and finds the new
 * maps in the library — the maps already there unchanged — and opens them.
 */
import { test, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { node, openLibrary, screenshot } from './driver';

const SAMPLES = 'tests/fixtures/import';
const mapCards = (page: Page) => page.getByRole('list', { name: 'Your maps' }).getByRole('listitem');

/** Drops a file's bytes on the window, as the OS does when a file is dragged from the desktop. */
async function dropBytes(page: Page, name: string, path: string): Promise<void> {
  const base64 = readFileSync(path).toString('base64');
  await page.evaluate(
    ([fileName, data]) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName));
      (document.querySelector('main') ?? document.body).dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, base64] as const,
  );
}

/** Screenshots of a dialog at both window sizes, light and dark. */
async function shots(page: Page, name: string): Promise<void> {
  for (const theme of ['light', 'dark'] as const) {
    // The app follows the system's theme until the user picks one.
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    for (const [w, h] of [[1440, 900], [1280, 720]] as const) {
      await page.setViewportSize({ width: w, height: h });
      await screenshot(page, `${name}-${w}x${h}-${theme}`);
    }
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1440, height: 900 });
}

test('an XMind map dropped on the window: the preview, a changed guess, two new maps in the library, one opened', async ({ page }) => {
  await openLibrary(page);
  await dropBytes(page, 'coffee-zen.xmind', `${SAMPLES}/coffee-zen.xmind`);
  const dialog = page.getByRole('dialog', { name: 'Import “coffee-zen.xmind”' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status')).toContainText('This is an XMind map. Import creates 2 new maps, one per sheet, with 5 touchpoints');
  await expect(dialog).toContainText('Left out, as a touchpoint map has no place for them: 1 image; 3 attachments; 1 relation or arrow between topics; 1 floating topic not attached to the centre.');
  const table = dialog.getByRole('table', { name: 'Touchpoints to import' });
  await expect(table.getByRole('row')).toHaveCount(5);
  await expect(dialog.getByLabel('Stage of “Receipt”')).toHaveValue('Purchase');
  await expect(dialog.getByLabel('Channel of “Barista greeting”')).toHaveValue('offline');
  // The guess for the greeting is right; the receipt is an e-receipt here, so online.
  await dialog.getByLabel('Channel of “Receipt”').selectOption('online');
  await expect(table.getByRole('row').nth(3)).toContainText('importance 6');
  await shots(page, 'import-preview-xmind');

  await dialog.getByRole('button', { name: 'Import 2 new maps' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Imported 2 maps.' })).toBeVisible();
  await expect(mapCards(page)).toHaveCount(2);
  await mapCards(page).filter({ hasText: 'Coffee shop journey' }).getByRole('button').first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Coffee shop journey' })).toBeVisible();
  for (const label of ['Coffee shop', 'Instagram ad', 'Website menu', 'Receipt', 'Barista greeting']) await expect(node(page, label)).toBeVisible();
});

test('a Russian CSV chosen with Import…: the column mapping, a column changed, the new map opened; Cancel imports nothing', async ({ page }) => {
  await openLibrary(page);
  const choose = async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(`${SAMPLES}/cafe-ru.csv`);
  };
  await choose();
  const dialog = page.getByRole('dialog', { name: 'Import “cafe-ru.csv”: which column is what' });
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(mapCards(page)).toHaveCount(0);

  await choose();
  await expect(dialog.getByLabel('What column “Этап” holds')).toHaveValue('stage');
  await expect(dialog.getByLabel('What column “Ответственный” holds')).toHaveValue('owner');
  await expect(dialog.getByRole('status')).toContainText('creates a new map “cafe-ru” with 5 touchpoints, 0 details and 4 stages');
  await expect(dialog).toContainText('Row 5: importance “14” is not a whole number 1–10; left empty.');
  await shots(page, 'import-columns-csv');
  // The competitor's column is not wanted in this map.
  await dialog.getByLabel('What column “Конкурент: Кофе Хауз” holds').selectOption('ignore');
  await expect(dialog.getByRole('table', { name: 'Touchpoints to import' })).not.toContainText('Кофе Хауз');
  await dialog.getByRole('button', { name: 'Import as a new map' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'cafe-ru' })).toBeVisible();
  for (const label of ['Вывеска у входа', 'Сайт с меню', 'Касса; очередь', 'Бесплатный эспрессо']) await expect(node(page, label)).toBeVisible();
  await page.getByRole('button', { name: /All maps/ }).click();
  await expect(mapCards(page)).toHaveCount(1);
  await expect(mapCards(page).first()).toContainText('cafe-ru');
});

test('a file named .xmind that is not one is refused, naming what it is, and nothing changes', async ({ page }) => {
  await openLibrary(page);
  await dropBytes(page, 'plan.xmind', `${SAMPLES}/journey-outliner.opml`);
  await expect(page.getByText(/“plan.xmind” was not imported, and nothing was changed/)).toContainText('It is named .xmind but it is XML text, not an XMind map. It looks like an OPML outline');
  await expect(mapCards(page)).toHaveCount(0);
});
