/**
 * What the app loads before its first screen: the library needs neither the editor, nor React
 * Flow, nor the Japanese line breaker; a map with Japanese text waits for the breaker before its
 * first layout, so its labels never show broken one way and then another.
 */
import { gzipSync } from 'node:zlib';
import { expect, test, type Page } from '@playwright/test';
import { openLibrary, screenshot } from './driver';

/** The budget of the library screen's scripts, gzipped (the benchmark's bundle_initial_gzip). */
const INITIAL_SCRIPTS_BUDGET_KB = 250;

/** Every script the page fetches from now on, by URL, with its body. */
function recordScripts(page: Page): Map<string, Promise<Buffer>> {
  const scripts = new Map<string, Promise<Buffer>>();
  page.on('response', (response) => {
    if (response.request().resourceType() === 'script') scripts.set(response.url(), response.body());
  });
  return scripts;
}

test('the library screen loads under 250 KB of scripts (gzip), without the editor or the Japanese line breaker', async ({ page }) => {
  const scripts = recordScripts(page);
  await openLibrary(page);
  await expect(page.getByRole('button', { name: 'New map' }).first()).toBeVisible();
  await page.waitForLoadState('load');
  let bytes = 0;
  for (const body of scripts.values()) bytes += gzipSync(await body, { level: 9 }).length;
  const kb = bytes / 1024;
  expect(kb, `the library screen's scripts weigh ${kb.toFixed(1)} KB gzip`).toBeLessThan(INITIAL_SCRIPTS_BUDGET_KB);
  const names = [...scripts.keys()].map((url) => url.split('/').pop() ?? url);
  expect(names.filter((name) => /^(EditorScreen|japanese-model)-/.test(name))).toEqual([]);
});

test('a moment after the library is on screen the editor is fetched in the background, before any click', async ({ page }) => {
  const scripts = recordScripts(page);
  await openLibrary(page);
  await expect(page.getByRole('button', { name: 'New map' }).first()).toBeVisible();
  const editorFetched = () => [...scripts.keys()].some((url) => /\/EditorScreen-[^/]*\.js$/.test(url));
  expect(editorFetched()).toBe(false);
  await expect.poll(editorFetched, { timeout: 5_000 }).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(); // still the library: nothing opened
});

test('the editor\'s operations and the other tools\' readers are not in the first load, and are fetched before any click', async ({ page }) => {
  const scripts = recordScripts(page);
  await openLibrary(page);
  await expect(page.getByRole('button', { name: 'New map' }).first()).toBeVisible();
  await page.waitForLoadState('load');
  const fetched = (prefix: string) => [...scripts.keys()].some((url) => url.split('/').pop()?.startsWith(prefix) ?? false);
  expect(fetched('editor-operations-'), 'the editor\'s operations load with the library').toBe(false);
  expect(fetched('import-other-'), 'the other tools\' readers load with the library').toBe(false);
  await expect.poll(() => fetched('editor-operations-') && fetched('import-other-'), { timeout: 5_000 }).toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible(); // still the library: nothing opened
});

test('an English map opens without fetching the Japanese line breaker', async ({ page }) => {
  await openLibrary(page);
  const scripts = recordScripts(page);
  await page.getByRole('button', { name: 'New map' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByRole('radio', { name: /Medical clinic/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page.locator('.mind-node--root')).toBeVisible();
  const names = [...scripts.keys()].map((url) => url.split('/').pop() ?? url);
  expect(names.some((name) => name.startsWith('EditorScreen-'))).toBe(true);
  expect(names.filter((name) => name.startsWith('japanese-model-'))).toEqual([]);
});

test('a Japanese map opens with its labels broken between phrases from the first frame', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New map' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByLabel('Map language').selectOption('ja');
  await dialog.getByRole('radio', { name: /Medical clinic/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page.locator('.mind-node--root')).toBeVisible();

  // Start afresh on the library (nothing of the editor loaded), and watch every label the canvas draws.
  await page.addInitScript(() => {
    const seen: string[][] = [];
    (window as unknown as { labelsSeen: string[][] }).labelsSeen = seen;
    new MutationObserver(() => {
      for (const label of document.querySelectorAll('.mind-node__label')) {
        seen.push([...label.querySelectorAll('.mind-node__line')].map((line) => line.textContent ?? ''));
      }
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto('/');
  await page.getByRole('button', { name: /^Open / }).first().click();
  const mailing = page.locator('.mind-node__label').filter({ hasText: 'クリニックのお知らせ' });
  await expect(mailing).toBeVisible();
  await expect(mailing.locator('.mind-node__line')).toHaveText(['クリニックの', 'お知らせメール・SMS']);
  const seen = await page.evaluate(() => (window as unknown as { labelsSeen: string[][] }).labelsSeen);
  const drawings = seen.filter((lines) => lines.join('') === 'クリニックのお知らせメール・SMS').map((lines) => lines.join(' | '));
  expect(drawings.length).toBeGreaterThan(0);
  expect([...new Set(drawings)]).toEqual(['クリニックの | お知らせメール・SMS']);
  await screenshot(page, 'first-load-japanese-clinic-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'first-load-japanese-clinic-1280');
});
