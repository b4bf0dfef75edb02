/**
 * A small driver for the end-to-end tests: it does what a person does — by role, label and
 * visible text — so the tests read as the user's story.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

export const SCREENSHOTS = '.tmp/screenshots';

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}/${name}.png` });
}

export async function openLibrary(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
}

export async function createMap(page: Page, title: string, preset = 'Customer journey'): Promise<void> {
  await page.getByRole('button', { name: 'New map' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByLabel('Business or map title').fill(title);
  await dialog.getByRole('radio', { name: new RegExp(preset) }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/** A node of the mind map by its visible label (exact). */
export function node(page: Page, label: string): Locator {
  return page.locator('.react-flow__node').filter({ has: page.getByText(label, { exact: true }) });
}

/** A stage group node on one side: the Awareness stage of the online channel, say. */
export function stageGroup(page: Page, channel: 'online' | 'offline', stage: string): Locator {
  return page.locator(`.react-flow__node[data-id^="group:${channel}:stage:"]`).filter({ has: page.getByText(stage, { exact: true }) });
}

export async function nodeBox(locator: Locator): Promise<{ x: number; y: number; width: number; height: number }> {
  const box = await locator.boundingBox();
  if (!box) throw new Error('The node is not visible.');
  return box;
}

/** Types a label into the open in-place editor and commits it with Enter. */
export async function typeLabel(page: Page, label: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: 'Edit label' }).first();
  await expect(editor).toBeFocused();
  await editor.fill(label);
  await editor.press('Enter');
  await expect(node(page, label)).toBeVisible();
}

/** Waits until autosave reports the map written. */
export async function waitSaved(page: Page): Promise<void> {
  await expect(page.getByTestId('save-status')).toHaveText('Saved', { timeout: 10_000 });
}

export const mod = process.platform === 'darwin' ? 'Meta' : 'Control';

/**
 * The whole map in view, as a person does before reaching for a node that scrolled off the canvas.
 * Fit to view frames a map readably (labels ≥ 12 px) around the business; pressed again at that
 * view, it shows all of a map too big for it. So: press, and press again while at the readable view.
 */
export async function fitView(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await page.waitForTimeout(300); // the fit animates for 200 ms
  if ((await canvasZoom(page)) >= READABLE_ZOOM - 0.001) {
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await page.waitForTimeout(300);
  }
}

/** Fit to view's least zoom (canvas-control.ts): 12 px over the smallest label, a detail's 13 px. */
const READABLE_ZOOM = 12 / 13;

/** The mind map's zoom, from its viewport's transform. */
export async function canvasZoom(page: Page): Promise<number> {
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  const match = /matrix\(([^,]+),/.exec(transform);
  if (!match) throw new Error(`The canvas has no zoom: its transform is “${transform}”.`);
  return Number(match[1]);
}
