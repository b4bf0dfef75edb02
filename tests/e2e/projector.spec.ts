/**
 * A workshop on a projector (1280 × 720 and smaller), and a newcomer finding their way: the map
 * first slide fills the screen when presenting, dialogs keep their buttons in reach, messages get out of the
 * way by themselves, Help and the theme are one click away, and the words are the method's words.
 */
import { test, expect, type Locator } from '@playwright/test';
import { createMap, fitView, mod, node, openLibrary, screenshot } from './driver';

const PROJECTOR = { width: 1280, height: 720 };

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('The element is not on screen.');
  return b;
}

const overlaps = (a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

test('after Ctrl/Cmd+N from the editor, “All maps” goes back to the library, not to the New map dialog', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Dentist');
  await page.keyboard.press(`${mod}+n`);
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  for (let round = 0; round < 2; round++) {
    await page.getByRole('button', { name: 'Open Dentist' }).click();
    await page.getByRole('button', { name: /All maps/ }).click();
    await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
    await page.waitForTimeout(200);
    await expect(dialog).toHaveCount(0);
  }
  // asking again still works
  await page.keyboard.press(`${mod}+n`);
  await expect(dialog).toBeVisible();
});

test('at 1280 × 720 with the side panel closed the canvas reaches the window’s right edge', async ({ page }) => {
  await page.setViewportSize(PROJECTOR);
  await openLibrary(page);
  await createMap(page, 'Bakery', 'Coffee shop');
  await page.keyboard.press(`${mod}+i`);
  await expect(page.getByRole('tablist')).toHaveCount(0);
  const canvas = await box(page.locator('.canvas'));
  expect(canvas.x + canvas.width).toBeGreaterThanOrEqual(PROJECTOR.width - 1);
  await page.keyboard.press(`${mod}+2`);
  const grid = await box(page.getByRole('region', { name: 'Touchpoint grid' }));
  expect(grid.x + grid.width).toBeGreaterThanOrEqual(PROJECTOR.width - 1);
});

test('at 1280 × 720 and 1440 × 900 the editor’s bar holds on one row; a long title gives way, shown whole on hover', async ({ page }) => {
  const title = 'Clinic for new patients of the northern district';
  for (const size of [PROJECTOR, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await openLibrary(page);
    await createMap(page, title, 'Coffee shop');
    const bar = page.locator('header.topbar');
    const rows = await bar.getByRole('button').evaluateAll((buttons) => new Set(buttons.map((b) => Math.round(b.getBoundingClientRect().top + b.getBoundingClientRect().height / 2))).size);
    expect(rows, `buttons on ${rows} rows at ${size.width} px`).toBe(1);
    const heading = page.getByRole('heading', { level: 1, name: title });
    await expect(heading).toHaveAttribute('title', title);
    await screenshot(page, `projector-editor-bar-${size.width}`);
  }
});

test('at 1280 × 720 the New map and Export dialogs show their primary button without scrolling', async ({ page }) => {
  await page.setViewportSize(PROJECTOR);
  await openLibrary(page);
  await page.getByRole('button', { name: 'New map' }).first().click();
  const newMap = page.getByRole('dialog', { name: 'New map' });
  await expect(newMap.getByRole('button', { name: 'Create map' })).toBeInViewport({ ratio: 1 });
  await screenshot(page, 'projector-new-map-1280');
  await newMap.getByRole('button', { name: 'Cancel' }).click();
  await createMap(page, 'Bakery', 'Coffee shop');
  await page.keyboard.press(`${mod}+e`);
  const exportDialog = page.getByRole('dialog', { name: 'Export map' });
  await expect(exportDialog.getByRole('button', { name: 'Export', exact: true })).toBeInViewport({ ratio: 1 });
  await screenshot(page, 'projector-export-1280');
});

test('presenting at 1280 × 720 shows the first slide: the title, and the map’s picture filling the slide with its legend, nothing cut off', async ({ page }) => {
  await page.setViewportSize(PROJECTOR);
  await openLibrary(page);
  await createMap(page, 'Bakery', 'Coffee shop');
  await expect(page.getByRole('button', { name: 'Filter' })).toBeVisible();
  await page.keyboard.press('F5');
  await expect(page.getByRole('button', { name: /press Esc to return/ })).toBeVisible();
  const slides = page.getByRole('region', { name: 'Slides' });
  await expect(slides.locator('.slideshow__counter')).toHaveText(/^1 \/ \d+$/);
  // the editor's chrome is gone: the slide covers the whole window
  expect(await box(slides)).toEqual({ x: 0, y: 0, ...PROJECTOR });
  await expect(page.getByRole('button', { name: 'Filter' })).toBeHidden();
  await expect(page.locator('.react-flow__controls')).toBeHidden();

  const title = slides.getByRole('heading', { level: 1, name: 'Bakery' });
  await expect(title).toBeVisible();
  const picture = slides.getByTestId('slide-picture');
  await expect(picture).toBeVisible();
  const inWindow = (b: { x: number; y: number; width: number; height: number }) =>
    b.x >= 0 && b.y >= 0 && b.x + b.width <= PROJECTOR.width + 0.5 && b.y + b.height <= PROJECTOR.height + 0.5;
  const titleBox = await box(title);
  expect(inWindow(titleBox), `title at ${JSON.stringify(titleBox)}`).toBe(true);

  // the map's picture fills the slide's width or the height under the title, whole, and clear of the title
  await expect.poll(async () => {
    const b = await box(picture);
    return Math.max(b.width / PROJECTOR.width, b.height / (PROJECTOR.height - titleBox.y - titleBox.height));
  }).toBeGreaterThanOrEqual(0.8);
  const pictureBox = await box(picture);
  expect(inWindow(pictureBox), `picture at ${JSON.stringify(pictureBox)}`).toBe(true);
  expect(pictureBox.y).toBeGreaterThanOrEqual(titleBox.y + titleBox.height);
  // every touchpoint of the map is drawn, and none lies outside the window
  const labels = picture.locator('text', { hasText: 'Shop window' });
  await expect(labels.first()).toBeVisible();
  const outside = await picture.locator('svg text').evaluateAll((texts, size) =>
    texts.map((el) => ({ text: el.textContent ?? '', b: el.getBoundingClientRect() }))
      .filter(({ b }) => b.left < -0.5 || b.top < -0.5 || b.right > size.width + 0.5 || b.bottom > size.height + 0.5)
      .map(({ text }) => text), PROJECTOR);
  expect(outside).toEqual([]);

  // the legend: the channels' colours and the score bands, in view and readable
  const legend = picture.locator('g.legend');
  for (const word of ['Online', 'Offline', 'awful 0–3', 'OK 4–7', 'wow 8–10']) await expect(legend.locator('text', { hasText: word }).first()).toBeVisible();
  const legendBox = await box(legend);
  expect(inWindow(legendBox), `legend at ${JSON.stringify(legendBox)}`).toBe(true);
  expect((await box(legend.locator('text').first())).height).toBeGreaterThanOrEqual(9);
  // small beside the map it explains
  expect(legendBox.width * legendBox.height).toBeLessThan(0.06 * PROJECTOR.width * PROJECTOR.height);
  await screenshot(page, 'projector-presenting-1280');
  await page.keyboard.press('Escape');
  await expect(slides).toHaveCount(0);
});

test('the minimap follows the dark theme', async ({ page }) => {
  await openLibrary(page);
  await page.evaluate(() => localStorage.setItem('touchmap.theme', 'dark'));
  await page.reload();
  await createMap(page, 'Night bakery', 'Coffee shop');
  const background = await page.locator('.map-overview').evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (background.match(/\d+/g) ?? ['255', '255', '255']).map(Number) as [number, number, number];
  expect(r + g + b, `minimap background ${background}`).toBeLessThan(200);
  await screenshot(page, 'projector-dark-minimap');
});

test('a “Downloaded” message is announced, clear of the map’s controls, pauses while hovered and then goes away', async ({ page }) => {
  test.setTimeout(60_000);
  await openLibrary(page);
  await createMap(page, 'Bakery', 'Coffee shop');
  const download = async () => {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Data' }).click();
    await page.getByRole('menuitem', { name: '.touchmap (this map)' }).click();
    await downloaded;
  };
  await download();
  const toast = page.getByRole('status').filter({ hasText: 'Downloaded' });
  await expect(toast).toBeVisible();
  await expect(toast).toHaveAttribute('aria-live', 'polite');
  await expect(toast.getByRole('button', { name: 'Close' })).toBeVisible();
  const toastBox = await box(toast);
  for (const covered of [page.locator('.react-flow__controls'), page.locator('.map-overview'), page.getByRole('complementary', { name: 'Legend' }), page.getByRole('button', { name: 'Filter' })]) {
    if (await covered.isVisible()) expect(overlaps(toastBox, await box(covered))).toBe(false);
  }
  // under the toolbar, not over the bottom of the map
  expect(toastBox.y + toastBox.height).toBeLessThan(900 / 2);
  await screenshot(page, 'projector-toast');
  await expect(toast).toHaveCount(0, { timeout: 10_000 });

  // hovered, it stays; left alone again, it goes
  await download();
  await expect(toast).toBeVisible();
  await toast.hover();
  await page.waitForTimeout(7_000);
  await expect(toast).toBeVisible();
  await page.mouse.move(700, 800);
  await expect(toast).toHaveCount(0, { timeout: 10_000 });
});

test('a Help button in the library and the editor opens the shortcuts, which use the method’s words', async ({ page }) => {
  await openLibrary(page);
  const help = page.getByRole('button', { name: 'Help' });
  await expect(help).toHaveAttribute('title', /Ctrl\/Cmd\+\//);
  await help.click();
  const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(shortcuts).toBeVisible();
  await shortcuts.getByRole('button', { name: 'Close' }).click();
  await createMap(page, 'Bakery');
  await page.getByRole('button', { name: 'Help' }).click();
  await expect(shortcuts.getByRole('rowheader', { name: 'Add touchpoint or detail' })).toBeVisible();
  await expect(shortcuts.getByRole('rowheader', { name: 'Add next touchpoint' })).toBeVisible();
  const words = await shortcuts.getByRole('rowheader').allInnerTexts();
  expect(words.filter((w) => /\b(child|sibling|node|item)\b/i.test(w))).toEqual([]);
  await screenshot(page, 'projector-help');
});

test('the theme is chosen in the app’s settings: light, dark or the system’s, at once and remembered', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await openLibrary(page);
  await page.getByRole('button', { name: 'App settings' }).click();
  const settings = page.getByRole('dialog', { name: 'App settings' });
  await settings.getByRole('radio', { name: 'Dark' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await screenshot(page, 'projector-app-settings-dark');
  await settings.getByRole('button', { name: 'Done' }).click();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: 'App settings' }).click();
  await expect(settings.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await settings.getByRole('radio', { name: 'Follow the system' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await settings.getByRole('button', { name: 'Done' }).click();
  // the editor has it too
  await createMap(page, 'Bakery');
  await page.getByRole('button', { name: 'App settings' }).click();
  await settings.getByRole('radio', { name: 'Light' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
});

test('selecting a touchpoint brings the Inspector forward, unless the Chains tab is pinned', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Clinic', 'Medical clinic');
  await fitView(page); // the whole map, so touchpoints far from the business can be clicked
  await page.getByRole('button', { name: 'Chains', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Chains' })).toHaveAttribute('aria-selected', 'true');
  await node(page, 'Doctor’s consultation').first().click();
  await expect(page.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('tab', { name: 'Chains' }).click();
  const pin = page.getByRole('button', { name: 'Keep Chains open' });
  await pin.click();
  await expect(pin).toHaveAttribute('aria-pressed', 'true');
  await node(page, 'Context ad').first().click();
  await expect(page.getByRole('tab', { name: 'Chains' })).toHaveAttribute('aria-selected', 'true');
  await screenshot(page, 'projector-chains-pinned');
});

test('the grid shares the mind map’s filter and colour by', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Bakery', 'Coffee shop');
  await page.getByRole('button', { name: 'Filter' }).click();
  const filter = page.getByRole('dialog', { name: 'Filter touchpoints' });
  await filter.getByRole('group', { name: 'Channel' }).getByLabel('Online').check();
  await filter.getByRole('button', { name: 'Close' }).click();
  await page.keyboard.press(`${mod}+2`);
  const grid = page.getByRole('region', { name: 'Touchpoint grid' });
  await expect(grid.getByRole('button', { name: 'Filter · 1' })).toBeVisible();
  await expect(grid.locator('.tone--offline')).toBeVisible();
  const offlineCards = page.locator('.grid-card').filter({ has: page.locator(':scope') });
  expect(await offlineCards.count()).toBeGreaterThan(0);
  // offline touchpoints are faded, online ones are not
  const dimmed = await page.locator('.grid-card.is-dimmed').count();
  const all = await page.locator('.grid-card').count();
  expect(dimmed).toBeGreaterThan(0);
  expect(dimmed).toBeLessThan(all);

  await grid.getByLabel('Colour by').selectOption({ label: 'Score band' });
  await expect(page.locator('.grid-card[class*="look--band-"]').first()).toBeVisible();
  await expect(grid.getByRole('complementary', { name: 'Legend' })).toBeVisible();
  await screenshot(page, 'projector-grid-filter');
  // and back on the mind map, the same colour by
  await page.keyboard.press(`${mod}+1`);
  await expect(page.getByLabel('Colour by')).toHaveValue('band');
});

test('an error message stays until it is closed, and is announced at once', async ({ page }) => {
  await openLibrary(page);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('PNG') });
  const alert = page.getByRole('alert').filter({ hasText: '“photo.png” was not imported' });
  await expect(alert).toBeVisible();
  await page.mouse.move(10, 800); // not hovering it: an error must not need holding
  await page.waitForTimeout(7_500); // past the time a piece of information stays
  await expect(alert).toBeVisible();
  await screenshot(page, 'projector-error-toast');
  await alert.getByRole('button', { name: 'Close' }).click();
  await expect(alert).toHaveCount(0);
});
