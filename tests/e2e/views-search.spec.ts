/**
 * One search, every view: a match found with Ctrl/Cmd+F is marked on the mind map, on the
 * grid's cards and in the outline alike, because all three read the same search state.
 */
import { test, expect } from '@playwright/test';
import { createMap, mod, openLibrary } from './driver';

test('a search stays marked when the view changes from mind map to grid', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Clinic search', 'Medical clinic');
  await page.keyboard.press(`${mod}+f`);
  await page.keyboard.type('reception');
  await expect(page.locator('.react-flow__node .mind-node.is-match')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+2`);
  await page.keyboard.press(`${mod}+f`);
  await page.keyboard.type('reception');
  const card = page.locator('.grid-card.is-match');
  await expect(card).toHaveCount(1);
  await expect(card).toHaveAttribute('aria-label', /reception/i);
});
