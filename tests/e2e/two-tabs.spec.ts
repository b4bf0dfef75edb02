/**
 * Two tabs on one map, in one browser (one database): an edit in one shows in the other within a
 * second, edits to different touchpoints made at once both survive, and a map moved to Trash in
 * one tab says so in the other, whose later edits never land in it.
 */
import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { createMap, fitView, node, openLibrary, screenshot, stageGroup, typeLabel, waitSaved } from './driver';

/** A map with two touchpoints, open in tab A, and the same map opened in a second tab B. */
async function twoTabsOnOneMap(context: BrowserContext, a: Page, title: string): Promise<Page> {
  await openLibrary(a);
  await createMap(a, title);
  await stageGroup(a, 'online', 'Awareness').click();
  await a.keyboard.press('Tab');
  await typeLabel(a, 'Website');
  await a.keyboard.press('Enter');
  await typeLabel(a, 'Reception desk');
  await waitSaved(a);
  const b = await context.newPage();
  await b.goto(a.url());
  await expect(b.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(node(b, 'Website')).toBeVisible();
  await expect(node(b, 'Reception desk')).toBeVisible();
  return b;
}

async function rename(page: Page, from: string, to: string): Promise<void> {
  await fitView(page);
  await node(page, from).click();
  await page.keyboard.press('F2');
  await typeLabel(page, to);
}

test('an edit in one tab shows in the other within a second, with no undo step there', async ({ context, page: a }) => {
  const b = await twoTabsOnOneMap(context, a, 'Clinic');
  await expect(b.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await rename(a, 'Website', 'Clinic website');
  const edited = Date.now();
  await expect(node(b, 'Clinic website')).toBeVisible({ timeout: 1_000 });
  const shownAfter = Date.now() - edited;
  expect(shownAfter).toBeLessThan(1_000);
  // merged without an undo step of its own, and not written back as B's own change
  await expect(b.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await expect(b.getByTestId('save-status')).toHaveText('Saved');
  await screenshot(b, 'two-tabs-merged-1440');
  test.info().annotations.push({ type: 'shown in the other tab after (ms)', description: String(shownAfter) });
});

test('edits to different touchpoints made in both tabs at once both survive a reload', async ({ context, page: a }) => {
  const b = await twoTabsOnOneMap(context, a, 'Bakery');
  await Promise.all([rename(a, 'Website', 'Website (A)'), rename(b, 'Reception desk', 'Reception desk (B)')]);
  await Promise.all([waitSaved(a), waitSaved(b)]);
  // each tab shows the other's edit too
  await expect(node(a, 'Reception desk (B)')).toBeVisible({ timeout: 2_000 });
  await expect(node(b, 'Website (A)')).toBeVisible({ timeout: 2_000 });
  for (const page of [a, b]) {
    await page.reload();
    await expect(node(page, 'Website (A)')).toBeVisible();
    await expect(node(page, 'Reception desk (B)')).toBeVisible();
  }
});

test('a map moved to Trash in one tab says so in the other, which stops saving it: its edits never land', async ({ context, page: a }) => {
  const b = await twoTabsOnOneMap(context, a, 'Florist');
  await a.getByRole('button', { name: /All maps/ }).click();
  await a.getByRole('button', { name: 'Delete Florist' }).click();
  await expect(a.getByRole('button', { name: 'Trash (1)' })).toBeVisible();

  await expect(b.getByText('This map was deleted or moved to Trash in another window or tab. Changes made here are no longer saved.')).toBeVisible({ timeout: 2_000 });
  await expect(b.getByTestId('save-status')).toHaveText('Deleted elsewhere — not saved');
  await screenshot(b, 'two-tabs-deleted-1440');
  await b.setViewportSize({ width: 1280, height: 720 });
  await screenshot(b, 'two-tabs-deleted-1280');
  await rename(b, 'Website', 'Edited after the delete');
  await b.waitForTimeout(1_000); // longer than autosave's gathering time: a save would have run
  await expect(b.getByTestId('save-status')).toHaveText('Deleted elsewhere — not saved');

  // Restored from Trash, the map is as it was put away: the other tab's later edit never landed.
  await a.getByRole('button', { name: 'Trash (1)' }).click();
  const trash = a.getByRole('list', { name: 'Trash' });
  await trash.getByRole('button', { name: 'Restore Florist' }).click();
  await expect(trash.getByRole('listitem')).toHaveCount(0);
  await a.reload();
  await a.getByRole('button', { name: 'Open Florist' }).click();
  await expect(node(a, 'Website')).toBeVisible();
  await expect(node(a, 'Edited after the delete')).toHaveCount(0);
});
