/**
 * The first story: a facilitator creates a map, adds touchpoints from the keyboard across
 * stages and channels, rates one, reloads and finds everything back; deletes and undoes;
 * renames the map in the library and moves it to Trash.
 */
import { test, expect } from '@playwright/test';
import { createMap, fitView, mod, node, nodeBox, openLibrary, screenshot, stageGroup, typeLabel, waitSaved } from './driver';

test('a new map offers the four stage presets and opens empty with a hint', async ({ page }) => {
  await openLibrary(page);
  await expect(page.getByRole('heading', { name: 'No maps yet' })).toBeVisible();
  await screenshot(page, 'library-empty');
  await page.getByRole('button', { name: 'New map' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  for (const preset of ['Customer journey', 'Buying decision', 'Relationship lifecycle', 'Before · during · after']) {
    await expect(dialog.getByRole('radio', { name: new RegExp(preset) })).toBeVisible();
  }
  await expect(dialog.getByRole('radio', { name: /Customer journey/ })).toBeChecked();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the map a title.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  await createMap(page, 'Corner coffee', 'Before · during · after');
  await expect(page.getByText('Select a stage and press Tab to add a touchpoint.')).toBeVisible();
  await expect(node(page, 'Corner coffee')).toBeVisible();
  for (const stage of ['Before purchase', 'Purchase', 'After purchase']) {
    await expect(stageGroup(page, 'online', stage)).toHaveCount(1);
    await expect(stageGroup(page, 'offline', stage)).toHaveCount(1);
  }
});

test('touchpoints added by keyboard land in their stage and channel, are rated, and survive a reload', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Clinic');

  // Online · Awareness: Tab adds a touchpoint in the group, Enter adds the next one beside it
  await stageGroup(page, 'online', 'Awareness').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Context ad');
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Search result');
  // Online · Consideration
  await fitView(page);
  await stageGroup(page, 'online', 'Consideration').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Site page');
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Online chat');
  // Offline · Purchase, then a detail with Tab on a touchpoint
  await fitView(page);
  await stageGroup(page, 'offline', 'Purchase').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Reception desk');
  await page.keyboard.press('Enter');
  await typeLabel(page, 'Booking by phone');
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Hold music');

  // Arrow keys walk the tree: the offline side grows leftwards, so Right goes back from the detail to its touchpoint
  await page.keyboard.press('ArrowRight');
  await expect(node(page, 'Booking by phone').locator('.mind-node')).toHaveClass(/is-selected/);

  // Rate one in the inspector
  await fitView(page);
  await node(page, 'Site page').click();
  const inspector = page.getByRole('complementary', { name: 'Inspector' });
  await inspector.getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { name: '8' }).click();
  await inspector.getByRole('radiogroup', { name: 'Importance (1–10)' }).getByRole('radio', { name: '9' }).click();
  await expect(node(page, 'Site page').locator('.score-badge')).toHaveText('8');
  await screenshot(page, 'editor');

  await waitSaved(page);
  await page.reload();
  await expect(node(page, 'Clinic')).toBeVisible();
  await fitView(page); // the map opens readable around the business; the whole of it to compare sides

  const root = await nodeBox(node(page, 'Clinic'));
  for (const label of ['Context ad', 'Search result', 'Site page', 'Online chat']) {
    expect((await nodeBox(node(page, label))).x, `${label} is on the online side`).toBeGreaterThan(root.x + root.width);
  }
  for (const label of ['Reception desk', 'Booking by phone', 'Hold music']) {
    expect((await nodeBox(node(page, label))).x + 10, `${label} is on the offline side`).toBeLessThan(root.x);
  }
  await node(page, 'Site page').click();
  await expect(inspector.getByLabel('Channel')).toHaveValue('online');
  await expect(inspector.getByLabel('Stage').locator('option:checked')).toHaveText('Consideration');
  await expect(inspector.getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { name: '8' })).toHaveAttribute('aria-checked', 'true');
  await node(page, 'Reception desk').click();
  await expect(inspector.getByLabel('Stage').locator('option:checked')).toHaveText('Purchase');
  await expect(inspector.getByLabel('Channel')).toHaveValue('offline');
});

test('changing the channel in the inspector moves the touchpoint to the other side at once', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Shop');
  await stageGroup(page, 'online', 'Purchase').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Checkout');
  await fitView(page);
  const root = await nodeBox(node(page, 'Shop'));
  expect((await nodeBox(node(page, 'Checkout'))).x).toBeGreaterThan(root.x);
  await node(page, 'Checkout').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByLabel('Channel').selectOption('offline');
  await fitView(page);
  await expect.poll(async () => (await nodeBox(node(page, 'Checkout'))).x).toBeLessThan(root.x);
  await page.keyboard.press(`${mod}+z`);
  await fitView(page);
  await expect.poll(async () => (await nodeBox(node(page, 'Checkout'))).x).toBeGreaterThan(root.x);
});

test('delete removes a touchpoint with its details, undo brings both back, redo removes them again', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Bakery');
  await stageGroup(page, 'offline', 'Experience').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Shop window');
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Fresh bread smell');
  // the click also ends the untouched next detail the list left open, which goes away once the click
  // has landed: Delete waits for the selection to be Shop window, or it could act on a selection
  // that is still moving (and a miss would show up as a survivor three steps later)
  await node(page, 'Shop window').click();
  await expect(node(page, 'Shop window').locator('.is-selected')).toHaveCount(1);
  await expect(page.getByRole('textbox', { name: 'Edit label' })).toHaveCount(0);
  await page.keyboard.press('Delete');
  await expect(node(page, 'Shop window')).toHaveCount(0);
  await expect(node(page, 'Fresh bread smell')).toHaveCount(0);
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'Shop window')).toBeVisible();
  await expect(node(page, 'Fresh bread smell')).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(node(page, 'Shop window')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Shop window')).toBeVisible();
});

test('F2 edits a label in place; Escape cancels, Enter commits, and the root is editable', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Florist');
  await node(page, 'Florist').click();
  await page.keyboard.press('F2');
  const editor = page.getByRole('textbox', { name: 'Edit label' });
  await editor.fill('Florist & Co');
  await editor.press('Escape');
  await expect(node(page, 'Florist')).toBeVisible();
  await page.keyboard.press('F2');
  await editor.fill('Florist & Co');
  await editor.press('Enter');
  await expect(node(page, 'Florist & Co')).toBeVisible();
  // typing on a selected node starts editing with that key
  await page.keyboard.type('B');
  await expect(page.getByRole('textbox', { name: 'Edit label' })).toHaveValue('B');
  await page.keyboard.press('Escape');
});

test('Enter after Enter past the bottom edge shows each new touchpoint at once, clear of the minimap, moving the map no further than that', async ({ page }) => {
  await page.setViewportSize({ width: 1100, height: 720 });
  await openLibrary(page);
  await createMap(page, 'Bakery');
  await stageGroup(page, 'online', 'Awareness').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Poster 1');
  const pane = await nodeBox(page.locator('.react-flow__pane'));
  const minimap = await nodeBox(page.locator('.map-overview'));
  /** The label being typed into, in the same task as the key that made it: no glide has had a frame yet. */
  const editorBox = () =>
    page.evaluate(() => {
      const box = document.activeElement?.closest('.react-flow__node')?.getBoundingClientRect();
      return box ? { top: box.top, bottom: box.bottom } : null;
    });
  let scrolled = 0;
  for (let k = 2; k <= 24; k++) {
    await page.keyboard.press('Enter');
    const box = await editorBox();
    expect(box, `Poster ${k} is being edited`).not.toBeNull();
    expect(box!.bottom, `Poster ${k} is on screen at once`).toBeLessThanOrEqual(pane.y + pane.height);
    expect(box!.top).toBeGreaterThanOrEqual(pane.y);
    // once the column reaches the bottom, a new touchpoint the view had to move to sits just clear
    // of the minimap (180 px up), not re-centred, and never under it
    if (Math.abs(box!.bottom - (pane.y + pane.height - 180)) < 1) scrolled++;
    expect(box!.bottom, `Poster ${k} is clear of the minimap`).toBeLessThanOrEqual(minimap.y);
    await typeLabel(page, `Poster ${k}`);
  }
  expect(scrolled, 'new touchpoints brought to the bottom margin').toBeGreaterThan(3);
  await expect(node(page, 'Poster 24')).toBeInViewport({ ratio: 0.99 });
  await screenshot(page, 'enter-past-the-edge');
});

test('a map can be renamed in the library, and Delete moves it to Trash', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Draft map');
  await page.getByRole('button', { name: /All maps/ }).click();
  await expect(page.getByRole('button', { name: 'Open Draft map' })).toBeVisible();
  await expect(page.getByText(/0 touchpoints/)).toBeVisible();
  await screenshot(page, 'library');

  await page.getByRole('button', { name: 'Rename Draft map' }).click();
  const rename = page.getByRole('dialog', { name: 'Rename map' });
  await rename.getByLabel('Title').fill('Hotel — arrivals');
  await rename.getByRole('button', { name: 'Rename' }).click();
  await expect(page.getByRole('button', { name: 'Open Hotel — arrivals' })).toBeVisible();

  // No question first: Undo and Trash bring it back (trash-restore.spec.ts).
  await page.getByRole('button', { name: 'Delete Hotel — arrivals' }).click();
  await expect(page.getByRole('heading', { name: 'No maps yet' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No maps yet' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Trash (1)' })).toBeVisible();
});
