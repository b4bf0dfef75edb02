/**
 * Never lose a map, in the browser: App settings ▸ Your data says where the maps live, how much
 * storage they use and whether the browser promised to keep it; after a day of edits without
 * "Back up all maps" a reminder names that action, runs it, and can be put off for a day.
 * (The desktop app's automatic backups folder is covered by the main-process unit tests.)
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, openLibrary, screenshot, stageGroup, typeLabel, waitSaved } from './driver';

const HOUR = 60 * 60 * 1000;
const MONDAY_9 = new Date('2026-11-30T09:00:00');

const reminder = (page: Page) => page.getByRole('region', { name: 'Backup reminder' });

async function openYourData(page: Page) {
  await page.getByRole('button', { name: 'App settings' }).click();
  const settings = page.getByRole('dialog', { name: 'App settings' });
  const yourData = settings.getByRole('region', { name: 'Your data' });
  await expect(yourData).toBeVisible();
  return { settings, yourData };
}

/** A map with one touchpoint, so the autosave has written an edit. */
async function editAMap(page: Page, title: string) {
  await createMap(page, title);
  await stageGroup(page, 'online', 'Awareness').click();
  await page.keyboard.press('Tab');
  await typeLabel(page, 'Context ad');
  await waitSaved(page);
}

test('App settings ▸ Your data: where maps live, the storage used and whether the browser keeps it', async ({ page }) => {
  await openLibrary(page);
  const { settings, yourData } = await openYourData(page);
  await expect(yourData).toContainText('kept in this browser only');
  await expect(yourData).toContainText('Back up all maps');
  const fact = (name: string) => yourData.locator('.your-data__fact').filter({ has: page.getByRole('term').filter({ hasText: name }) }).getByRole('definition');
  await expect(fact('Storage used')).toHaveText(/^[\d.,]+ (bytes|kB|MB|GB)( of [\d.,]+ (kB|MB|GB|TB) available)?$/);
  await expect(fact('Kept when the disk runs low')).toHaveText(/^(Yes — your maps are never cleared|No — your maps may be cleared)/);
  await expect(fact('Last “Back up all maps”')).toHaveText('Never');
  // The backups folder is the desktop app's: a browser has none to open.
  await expect(yourData.getByRole('button', { name: 'Open folder' })).toHaveCount(0);
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `your-data-settings-${width}x${height}`);
  }
  await settings.getByRole('button', { name: 'Done' }).click();
  await expect(settings).toBeHidden();
});

test('after a day of edits without a backup, a reminder names “Back up all maps”; it can wait a day, and a backup ends it', async ({ page }) => {
  await page.clock.install({ time: MONDAY_9 });
  await openLibrary(page);
  await editAMap(page, 'Clinic');
  await page.getByRole('button', { name: /All maps/ }).click();
  await expect(reminder(page)).toHaveCount(0);

  // Next morning, same tab: the reminder appears by itself.
  await page.clock.setSystemTime(new Date(MONDAY_9.getTime() + 24 * HOUR + 5 * 60 * 1000));
  await page.clock.runFor(10 * 60 * 1000);
  await expect(reminder(page)).toBeVisible();
  await expect(reminder(page)).toContainText('edited them for a day without a backup');
  await expect(reminder(page).getByRole('button', { name: 'Back up all maps' })).toBeVisible();
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `backup-reminder-${width}x${height}`);
  }

  // Put off: gone, and still gone after a reload the same day.
  await reminder(page).getByRole('button', { name: 'Remind me tomorrow' }).click();
  await expect(reminder(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
  await expect(reminder(page)).toHaveCount(0);

  // A day later it is back; the backup it names downloads every map and ends it.
  await page.clock.setSystemTime(new Date(MONDAY_9.getTime() + 49 * HOUR));
  await page.reload();
  await expect(reminder(page)).toBeVisible();
  const download = page.waitForEvent('download');
  await reminder(page).getByRole('button', { name: 'Back up all maps' }).click();
  expect((await download).suggestedFilename()).toMatch(/^Touchmap backup \d{4}-\d{2}-\d{2}\.touchmap$/);
  await expect(reminder(page)).toHaveCount(0);
  const { yourData } = await openYourData(page);
  await expect(yourData.getByRole('definition').filter({ hasText: /now|second/ })).toBeVisible();
});

test('a new edit after a backup starts a new day’s count', async ({ page }) => {
  await page.clock.install({ time: MONDAY_9 });
  await openLibrary(page);
  // Backed up at nine, edited at ten: no reminder at nine the next day, one at ten.
  await page.evaluate((at) => localStorage.setItem('touchmap.backup.lastAt', String(at)), MONDAY_9.getTime());
  await page.clock.setSystemTime(new Date(MONDAY_9.getTime() + HOUR));
  await editAMap(page, 'Coffee shop');
  await page.clock.setSystemTime(new Date(MONDAY_9.getTime() + 24 * HOUR));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reminder(page)).toHaveCount(0);
  await page.clock.setSystemTime(new Date(MONDAY_9.getTime() + 25 * HOUR + 60 * 1000));
  await page.reload();
  await expect(reminder(page)).toBeVisible();
  await expect(reminder(page)).toContainText('Last backup:');
});

/**
 * The desktop app's renderer, with the preload's bridge played by the page itself: what the shell
 * would receive is recorded on `window.shellCalls`.
 */
async function installDesktopBridge(page: Page) {
  await page.addInitScript(() => {
    const calls = { backups: [] as string[], opened: 0 };
    const none = () => () => undefined;
    Object.assign(window, {
      shellCalls: calls,
      touchmap: {
        getAppInfo: async () => ({ name: 'Touchmap', version: '0.1.0', platform: 'linux' }),
        saveFile: async () => ({ saved: false }),
        openTouchmapFile: async () => null,
        printToPDF: async () => new Uint8Array(),
        print: async () => ({ printed: false }),
        setMenuState: async () => undefined,
        onMenuOperation: none,
        onOpenRecentMap: none,
        onOpenFile: none,
        onBeforeQuit: none,
        confirmQuitReady: async () => undefined,
        backUpMap: async ({ text }: { text: string }) => (calls.backups.push(text), { fileName: 'backup.touchmap' }),
        getBackupsFolder: async () => '/home/ana/.config/Touchmap/backups',
        openBackupsFolder: async () => void calls.opened++,
      },
    });
  });
}

const shellBackups = (page: Page) => page.evaluate(() => (window as unknown as { shellCalls: { backups: string[] } }).shellCalls.backups.map((text) => (JSON.parse(text) as { maps: { title: string }[] }).maps.map((m) => m.title).join('+')));

test('desktop: Your data shows the backups folder and opens it; edits are backed up when editing pauses; no reminder', async ({ page }) => {
  await installDesktopBridge(page);
  await page.clock.install({ time: MONDAY_9 });
  await openLibrary(page);
  await editAMap(page, 'Clinic');
  // The pause: five seconds after the last saved change, the map goes to the shell's backups folder.
  await page.clock.runFor(5_000);
  await expect.poll(() => shellBackups(page)).toEqual(['Clinic']);

  const { settings, yourData } = await openYourData(page);
  await expect(yourData).toContainText('last 10 per map');
  await expect(yourData.getByText('/home/ana/.config/Touchmap/backups')).toBeVisible();
  await yourData.getByRole('button', { name: 'Open folder' }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { shellCalls: { opened: number } }).shellCalls.opened)).toBe(1);
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `your-data-desktop-${width}x${height}`);
  }
  await settings.getByRole('button', { name: 'Done' }).click();

  // Days of edits: the desktop app has automatic backups, so it never nags.
  await page.clock.setSystemTime(new Date(MONDAY_9.getTime() + 72 * HOUR));
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(reminder(page)).toHaveCount(0);
});
