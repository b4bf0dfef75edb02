/**
 * Presenting a map in a workshop: the facilitator picks and orders the slides (saved with the map),
 * presents full screen, walks the deck with the arrow keys and a clicker's Page Down, steps through a
 * chain touchpoint by touchpoint, blacks the screen out with B and leaves with Esc. The PDF deck and
 * the PowerPoint file carry the same slides.
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, mod, openLibrary, screenshot, waitSaved } from './driver';

const slides = (page: Page) => page.getByRole('region', { name: 'Slides' });
const counter = (page: Page) => slides(page).locator('.slideshow__counter');
const title = (page: Page) => slides(page).getByRole('heading', { level: 1 });

async function openClinic(page: Page) {
  await openLibrary(page);
  await createMap(page, 'Clinic', 'Medical clinic');
}

/** The app's theme setting, as App settings stores it; applied on the reload. */
async function setTheme(page: Page, theme: 'light' | 'dark') {
  await page.evaluate((value) => localStorage.setItem('touchmap.theme', value), theme);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeVisible();
}

test('pick and order slides, present them, walk a chain step by step, black the screen out, Esc out', async ({ page }) => {
  await openClinic(page);

  // the slide editor: untick every stage but Awareness, put the chain "First visit" first
  await page.keyboard.press(`${mod}+Shift+E`);
  const editor = page.getByRole('dialog', { name: 'Slides' });
  await expect(editor).toBeVisible();
  const list = editor.getByRole('list', { name: 'Slides, in the order shown' });
  const rows = list.getByRole('listitem');
  const labels = async () => (await rows.allInnerTexts()).map((text) => text.replace(/[⋮↑↓\n]/g, '').trim());
  const before = await labels();
  expect(before[0]).toBe('Whole map — Clinic');
  const stages = before.filter((label) => label.startsWith('Stage — '));
  expect(stages.length).toBeGreaterThan(2);
  for (const stage of stages.slice(1)) await editor.getByRole('checkbox', { name: stage }).uncheck();
  const chains = before.filter((label) => label.startsWith('Chain — '));
  expect(chains.length).toBe(2);
  // keyboard: Alt+↑ on the first chain's row until it leads
  await editor.getByRole('checkbox', { name: chains[0] as string }).focus();
  for (let i = before.indexOf(chains[0] as string); i > 0; i--) await page.keyboard.press('Alt+ArrowUp');
  expect((await labels())[0]).toBe(chains[0]);
  // and a button moves the map down one
  await editor.getByRole('button', { name: 'Move down: Whole map — Clinic' }).click();
  await expect(editor.getByText('5 slides chosen')).toBeVisible();
  await screenshot(page, 'present-slide-editor-1440');
  await editor.getByRole('button', { name: 'Save' }).click();
  await expect(editor).toBeHidden();

  // the order is saved with the map: it survives a reload
  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeVisible();
  await page.keyboard.press(`${mod}+Shift+E`);
  expect((await labels()).slice(0, 5)).toEqual([chains[0], stages[0], 'Whole map — Clinic', chains[1], 'Action plan']);
  await page.getByRole('dialog', { name: 'Slides' }).getByRole('button', { name: 'Cancel' }).click();

  // present: the first slide is the chain, its whole walk, the weak link named
  await page.keyboard.press('F5');
  await expect(slides(page)).toBeVisible();
  await expect(page.getByRole('button', { name: /All maps/ })).toBeHidden();
  const firstChain = (chains[0] as string).replace('Chain — ', '');
  await expect(title(page)).toHaveText(firstChain);
  await expect(counter(page)).toHaveText('1 / 5');
  await expect(slides(page).getByText(/^Weak link: /)).toBeVisible();
  await expect(slides(page).getByTestId('slide-picture')).toBeVisible();
  await screenshot(page, 'present-chain-1440');

  // → lights the first step, Page Down the next; the lit ring sits on that touchpoint
  await page.keyboard.press('ArrowRight');
  await expect(slides(page).getByText(/^Step 1 of \d+: /)).toBeVisible();
  await expect(slides(page).locator('.slideshow__lit')).toBeVisible();
  const litFirst = await slides(page).locator('.slideshow__lit').getAttribute('data-lit');
  await page.keyboard.press('PageDown');
  await expect(slides(page).getByText(/^Step 2 of \d+: /)).toBeVisible();
  expect(await slides(page).locator('.slideshow__lit').getAttribute('data-lit')).not.toBe(litFirst);
  await screenshot(page, 'present-chain-step-1440');
  await expect(counter(page)).toHaveText('1 / 5');

  // Shift+Space back a step, ← back to the whole walk; End and Home jump
  await page.keyboard.press('Shift+Space');
  await expect(slides(page).getByText(/^Step 1 of \d+: /)).toBeVisible();
  await page.keyboard.press('End');
  await expect(counter(page)).toHaveText('5 / 5');
  await expect(title(page)).toHaveText('Action plan');
  await expect(slides(page).getByRole('table')).toContainText('Context ad');
  await screenshot(page, 'present-actions-1440');
  await page.keyboard.press('PageUp');
  await expect(counter(page)).toHaveText('4 / 5');
  await page.keyboard.press('Home');
  await page.keyboard.press('PageDown');
  // Space walks forward through the chain's steps too; the walk ends, the map follows
  const steps = Number((await slides(page).getByText(/^Step 1 of \d+: /).innerText()).match(/of (\d+)/)?.[1]);
  for (let i = 1; i < steps; i++) await page.keyboard.press('Space');
  await expect(counter(page)).toHaveText('1 / 5');
  await page.keyboard.press('Space');
  await expect(counter(page)).toHaveText('2 / 5');
  await expect(title(page)).toHaveText((stages[0] as string).replace('Stage — ', ''));

  // the map stays pannable and zoomable; the next step fits it again
  const picture = slides(page).getByTestId('slide-picture');
  const fitted = await picture.boundingBox();
  await page.mouse.move(720, 450);
  await page.mouse.wheel(0, -600);
  await expect.poll(async () => (await picture.boundingBox())?.width ?? 0).toBeGreaterThan((fitted?.width ?? 0) * 1.3);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => Math.round((await picture.boundingBox())?.width ?? 0)).toBe(Math.round(fitted?.width ?? 0));

  // keys never edit the map underneath: Delete and a letter do nothing while presenting
  await page.keyboard.press('Delete');
  await page.keyboard.press('x');

  // B blacks the screen out, B again shows the slide; . does the same
  await page.keyboard.press('b');
  await expect(page.getByRole('img', { name: /Screen blacked out/ })).toBeVisible();
  await screenshot(page, 'present-black-1440');
  await page.keyboard.press('b');
  await expect(page.getByRole('img', { name: /Screen blacked out/ })).toBeHidden();
  await page.keyboard.press('.');
  await expect(page.getByRole('img', { name: /Screen blacked out/ })).toBeVisible();
  await page.keyboard.press('.');

  await page.keyboard.press('Escape');
  await expect(slides(page)).toBeHidden();
  await expect(page.getByRole('button', { name: /All maps/ })).toBeVisible();
  // nothing was deleted by the keys pressed while presenting
  await page.getByRole('button', { name: 'Undo' }).isDisabled();
});

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  for (const theme of ['light', 'dark'] as const) {
    test(`the slides at ${size.width} × ${size.height}, ${theme}: title, picture and counter in view, large type`, async ({ page }) => {
      await page.setViewportSize(size);
      await openClinic(page);
      await setTheme(page, theme);
      await page.keyboard.press('F5');
      await expect(counter(page)).toHaveText(/^1 \/ \d+$/);
      const total = Number((await counter(page).innerText()).split('/')[1]);
      expect(total).toBeGreaterThanOrEqual(5);
      // the title reads from the back of the room, and everything stays on the screen
      const fontSize = await title(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(36);
      for (const part of [title(page), counter(page), slides(page).getByTestId('slide-picture')]) {
        const box = await part.boundingBox();
        expect(box).not.toBeNull();
        expect((box?.x ?? -1) >= 0 && (box?.y ?? -1) >= 0).toBe(true);
        expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(size.width + 1);
        expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(size.height + 1);
      }
      await screenshot(page, `present-map-${size.width}-${theme}`);
      await page.keyboard.press('ArrowRight');
      await screenshot(page, `present-stage-${size.width}-${theme}`);
      await page.keyboard.press('End');
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('ArrowLeft');
      await screenshot(page, `present-chain-${size.width}-${theme}`);
      await page.keyboard.press('End');
      await screenshot(page, `present-actions-${size.width}-${theme}`);
    });
  }
}
