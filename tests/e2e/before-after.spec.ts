/**
 * Before and after, and the rest of "never lose a map": a facilitator names a restore point
 * "Before workshop", re-rates, adds and removes touchpoints, then compares it with the map now —
 * the list by stage, badges on the map, a page of the PDF read back as text. A repair on opening
 * keeps the damaged original for download; the Trash's Undo notice sits with every other notice;
 * the grid's stage headers follow the dark theme.
 */
import { test, expect, chromium, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serializeTouchmapFile } from '../../shared/file-format';
import { mapDoc } from '../builders/map-doc';
import { fitView, mod, node, openLibrary, screenshot, stageGroup, typeLabel, waitSaved, SCREENSHOTS } from './driver';

const OUT = resolve('.tmp/before-after-e2e');
const SIZES = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
] as const;

/** A clinic map rated before the workshop, as a .touchmap file to import. */
function clinicFile(): string {
  const doc = mapDoc('Clinic', { id: 'm-clinic', preset: 'customer-journey', competitors: ['City Clinic'] })
    .touchpoint('Website', { channel: 'online', stage: 'Awareness', score: 4, importance: 8, competitors: { 'City Clinic': 7 }, action: { what: 'Faster pages', status: 'todo' } })
    .touchpoint('Context ad', { channel: 'online', stage: 'Awareness', score: 3 })
    .touchpoint('Reception desk', { channel: 'offline', stage: 'Purchase', score: 9 })
    .build();
  mkdirSync(OUT, { recursive: true });
  const path = join(OUT, 'clinic.touchmap');
  writeFileSync(path, serializeTouchmapFile([doc], '2026-12-01T09:00:00.000Z'));
  return path;
}

async function importFile(page: Page, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(path);
}

/** Selects a touchpoint on the map and sets our score in the Inspector. */
async function rate(page: Page, label: string, score: number): Promise<void> {
  await node(page, label).click();
  await page.getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { name: String(score), exact: true }).click();
}

/** The system's theme, which the app follows by default. */
async function setTheme(page: Page, theme: 'light' | 'dark'): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
}

test('compare "Before workshop" with now: the list by stage, badges on the map, a page of the PDF', async ({ page }) => {
  test.setTimeout(120_000);
  await openLibrary(page);
  await importFile(page, clinicFile());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeVisible();
  await waitSaved(page);

  // the named restore point before the workshop
  await page.keyboard.press(`${mod}+Shift+H`);
  const points = page.getByRole('dialog', { name: 'Restore points — Clinic' });
  await points.getByLabel('Name a restore point of the map as it is now').fill('Before workshop');
  await points.getByRole('button', { name: 'Save restore point' }).click();
  await expect(points.getByRole('row').filter({ hasText: 'Before workshop' })).toBeVisible();
  await points.getByRole('button', { name: 'Close' }).click();

  // the workshop: the site re-rated up and its action done, the desk down, the ad removed, a chat added
  await fitView(page);
  await rate(page, 'Website', 6);
  await page.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: 'Done' }).click();
  await rate(page, 'Reception desk', 6);
  await node(page, 'Context ad').click();
  await page.keyboard.press('Delete');
  await expect(node(page, 'Context ad')).toHaveCount(0);
  await stageGroup(page, 'online', 'Awareness').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Online chat');
  await waitSaved(page);

  // Restore points ▸ Compare…: the named point with now, at once
  await page.keyboard.press(`${mod}+Shift+H`);
  await points.getByRole('button', { name: 'Compare…' }).click();
  const compare = page.getByRole('dialog', { name: 'Before and after — Clinic' });
  await expect(compare).toBeVisible();
  await expect(compare.getByRole('combobox', { name: 'Before' }).locator('option:checked')).toHaveText('“Before workshop”');
  await expect(compare.getByRole('combobox', { name: 'After' }).locator('option:checked')).toHaveText('Now');
  await expect(compare.getByRole('status')).toHaveText('1 added · 1 removed · 1 score up · 1 score down · 1 action completed');
  const list = compare.getByRole('list', { name: 'Changes by stage' });
  const awareness = list.getByRole('listitem', { name: 'Awareness' });
  await expect(awareness).toContainText('Touchpoints 2 → 2 · average score 3.5 → 6');
  await expect(awareness.getByRole('listitem').filter({ hasText: 'Website' })).toContainText('Changed');
  await expect(awareness.getByRole('listitem').filter({ hasText: 'Website' })).toContainText('our score 4 → 6 (+2); improvement action completed');
  await expect(awareness.getByRole('listitem').filter({ hasText: 'Online chat' })).toContainText('New');
  await expect(awareness.getByRole('listitem').filter({ hasText: 'Context ad' })).toContainText('Removed');
  await expect(list.getByRole('listitem', { name: 'Purchase' }).getByRole('listitem').filter({ hasText: 'Reception desk' })).toContainText('our score 9 → 6 (−3)');

  // Show on map, by keyboard
  await compare.getByRole('checkbox', { name: 'Show on map' }).focus();
  await page.keyboard.press('Space');
  await expect(compare.getByRole('checkbox', { name: 'Show on map' })).toBeChecked();
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await screenshot(page, `compare-dialog-${theme}-${size.width}x${size.height}`);
    }
  }
  await setTheme(page, 'light');
  await page.keyboard.press('Escape');
  await expect(compare).toBeHidden();

  await expect(node(page, 'Website').locator('.compare-badge')).toHaveText('+2');
  await expect(node(page, 'Reception desk').locator('.compare-badge')).toHaveText('−3');
  await expect(node(page, 'Online chat').locator('.compare-badge')).toHaveText('new');
  await expect(stageGroup(page, 'online', 'Awareness').locator('.compare-badge')).toHaveText('1 removed');
  await expect(node(page, 'Website').locator('.compare-badge')).toHaveAttribute('title', 'Our score +2 since “Before workshop”');
  const bar = page.getByRole('region', { name: 'Before and after' });
  await expect(bar).toContainText('Before and after: “Before workshop” → Now');
  for (const theme of ['light', 'dark'] as const) {
    await setTheme(page, theme);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await fitView(page);
      await screenshot(page, `compare-map-${theme}-${size.width}x${size.height}`);
    }
  }
  await setTheme(page, 'light');

  // the comparison follows an edit of the map
  await rate(page, 'Website', 8);
  await expect(node(page, 'Website').locator('.compare-badge')).toHaveText('+4');

  // the PDF export carries the comparison as a page, as text
  await bar.getByRole('button', { name: 'Show the list' }).click();
  await compare.getByRole('button', { name: 'Export PDF with this page…' }).click();
  const exportDialog = page.getByRole('dialog', { name: /Export/ });
  await expect(exportDialog.getByRole('checkbox', { name: /Before-and-after page/ })).toBeChecked();
  await exportDialog.getByRole('button', { name: 'Export', exact: true }).click();
  const frame = page.locator('iframe[sandbox][aria-hidden="true"]');
  await expect(frame).toHaveCount(1, { timeout: 30_000 });
  const html = (await frame.getAttribute('srcdoc')) ?? '';
  const pdf = join(OUT, 'clinic-before-after.pdf');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  try {
    const printer = await browser.newPage();
    await printer.setContent(html, { waitUntil: 'load' });
    writeFileSync(pdf, await printer.pdf({ preferCSSPageSize: true, printBackground: true }));
  } finally {
    await browser.close();
  }
  const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
  expect(text).toContain('Clinic — before and after: “Before workshop” → Now');
  expect(text).toContain('1 added · 1 removed · 1 score up · 1 score down · 1 action completed');
  expect(text).toContain('our score 4 → 8 (+4)');
  expect(text).toContain('our score 9 → 6 (−3)');
  expect(text).toMatch(/Online chat\s+New/);
  expect(text).toMatch(/Context ad\s+Removed/);
  const pages = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout.match(/Pages:\s+(\d+)/)?.[1];
  spawnSync('pdftoppm', ['-png', '-r', '60', '-f', String(pages), '-l', String(pages), pdf, join(resolve(SCREENSHOTS), 'compare-pdf-page')]);
  expect(Number(pages)).toBeGreaterThanOrEqual(2);
});

test('a map repaired on opening keeps its original rows: the notice says for how long and downloads them', async ({ page }) => {
  await openLibrary(page);
  await importFile(page, clinicFile());
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeVisible();
  await waitSaved(page);
  await page.getByRole('button', { name: /All maps/ }).click();

  // damage a stored row as a crash or a disk error might: a score of 14
  await page.evaluate(
    () =>
      new Promise<void>((done, fail) => {
        const request = indexedDB.open('touchmap');
        request.onsuccess = () => {
          const db = request.result;
          const store = db.transaction('topics', 'readwrite').objectStore('topics');
          const all = store.getAll();
          all.onsuccess = () => {
            const row = (all.result as { label: string }[]).find((topic) => topic.label === 'Website')!;
            store.put({ ...row, score: 14 }).onsuccess = () => (db.close(), done());
          };
        };
        request.onerror = () => fail(request.error);
      }),
  );
  await page.reload();
  await page.getByRole('button', { name: 'Open Clinic' }).click();
  const notice = page.getByRole('status').filter({ hasText: 'has been repaired' });
  await expect(notice).toContainText('The original rows are kept for 30 days (the last 5 repairs of each map).');
  await screenshot(page, 'repair-notice-1440x900');
  const download = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Download the original' }).click();
  const file = await (await download).path();
  const original = JSON.parse(readFileSync(file, 'utf8')) as { kind: string; rows: { topics: { label: string; score?: number }[] } };
  expect(original.kind).toBe('touchmap-repair-original');
  expect(original.rows.topics.find((topic) => topic.label === 'Website')?.score).toBe(14);
  // the map itself is repaired: the bad score is gone
  await node(page, 'Website').click();
  await expect(page.getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { checked: true })).toHaveCount(0);
});

test('“Moved to Trash — Undo” appears where every other notice does, at the top', async ({ page }) => {
  await openLibrary(page);
  await importFile(page, clinicFile());
  await waitSaved(page);
  await page.getByRole('button', { name: /All maps/ }).click();
  await page.getByRole('button', { name: 'Delete Clinic' }).click();
  const notice = page.locator('.notices').getByText('Moved “Clinic” to Trash');
  await expect(notice).toBeVisible();
  const box = (await notice.boundingBox())!;
  expect(box.y).toBeLessThan(200);
  await screenshot(page, 'trash-undo-notice-1440x900');
  await page.locator('.notices').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Open Clinic' })).toBeVisible();
});

test('the grid’s stage headers are dark in the dark theme, with readable text', async ({ page }) => {
  await openLibrary(page);
  await importFile(page, clinicFile());
  await waitSaved(page);
  await setTheme(page, 'dark');
  await page.keyboard.press(`${mod}+2`);
  const header = page.locator('.grid-table__stage').filter({ hasText: 'Awareness' });
  await expect(header).toBeVisible();
  const colours = await header.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, text: getComputedStyle(el).color }));
  expect(colours).toEqual({ background: 'rgb(50, 56, 70)', text: 'rgb(232, 234, 239)' });
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await screenshot(page, `grid-dark-${size.width}x${size.height}`);
  }
  await setTheme(page, 'light');
  await screenshot(page, 'grid-light-1280x720');
});
