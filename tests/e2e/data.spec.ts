/**
 * The data story, and "files from the OS" in the browser: a facilitator imports a
 * colleague's .touchmap (button, Ctrl/Cmd+O or a drop on the window), is told exactly what is wrong
 * with a broken one while nothing changes, backs up every map and restores the backup, and takes
 * the action plan to Excel and the outline to a document — in every script, with labels that
 * look like HTML staying text.
 */
import { test, expect, type Download, type FileChooser, type Page } from '@playwright/test';
import { readFileSync, writeFileSync, truncateSync } from 'node:fs';
import { mod, node, openLibrary, screenshot } from './driver';

const FILES = 'tests/fixtures/files';
const EXAMPLE = `${FILES}/example-v1-complete.touchmap`;
const MULTILINGUAL = `${FILES}/multilingual-labels.touchmap`;
const TITLE = 'Clinic — new patients';

/** The notice bar's message (not the save status, which is a status too). */
const notice = (page: Page) => page.getByRole('status').filter({ hasText: 'Imported' });

/** The day of an import as a map's title shows it, in the browser's own locale (the UI locale). */
const importDay = (page: Page) => page.evaluate(() => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' }).format(new Date()));

/** The map cards of the library. */
const mapCards = (page: Page) => page.getByRole('list', { name: 'Your maps' }).getByRole('listitem');

/** Import… in the library, choosing `path` in the file picker. */
async function importFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }, how: 'button' | 'shortcut' = 'button'): Promise<void> {
  if (how === 'button') {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import…' }).click();
    await (await chooser).setFiles(file);
    return;
  }
  await (await chooserFromShortcut(page)).setFiles(file);
}

/**
 * Ctrl/Cmd+O → the file chooser. Headless Chromium on a loaded machine has swallowed the key's
 * file chooser now and then (1 run in 3 with the suite in parallel; never alone in 8), right after
 * a screen change or an import; a person would press again, and so does the test — the shortcut
 * must still open it.
 */
async function chooserFromShortcut(page: Page): Promise<FileChooser> {
  let chooser: FileChooser | undefined;
  await expect(async () => {
    const opening = page.waitForEvent('filechooser', { timeout: 3_000 });
    await page.keyboard.press(`${mod}+o`);
    chooser = await opening;
  }).toPass({ timeout: 20_000 });
  return chooser!;
}

/** Drags a file over the window (the overlay shows) without dropping it yet. */
async function dragFileOver(page: Page): Promise<void> {
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['{}'], 'any.touchmap'));
    document.body.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  });
}

/** Drops a file on the window, as the OS does when a file is dragged from the desktop. */
async function dropFile(page: Page, name: string, text: string): Promise<void> {
  await page.evaluate(
    ([fileName, fileText]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([fileText], fileName, { type: 'application/json' }));
      const target = document.querySelector('main') ?? document.body;
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [name, text] as const,
  );
}

async function backToLibrary(page: Page): Promise<void> {
  await page.getByRole('button', { name: /All maps/ }).click();
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
}

async function download(page: Page, start: () => Promise<void>): Promise<{ download: Download; bytes: Buffer; text: string }> {
  const pending = page.waitForEvent('download');
  await start();
  const done = await pending;
  const bytes = readFileSync(await done.path());
  return { download: done, bytes, text: bytes.toString('utf8') };
}

async function exportFromDataMenu(page: Page, item: string): Promise<{ download: Download; bytes: Buffer; text: string }> {
  return download(page, async () => {
    await page.getByRole('button', { name: 'Data' }).click();
    await page.getByRole('menuitem', { name: item }).click();
  });
}

/**
 * A map with its ids replaced by their order of first appearance, so a map imported with fresh ids
 * compares equal to the map it copies ("same maps, ids aside").
 */
function withoutIds(map: Record<string, unknown>): string {
  const table = new Map<string, string>();
  const canon = (id: string) => {
    if (!table.has(id)) table.set(id, `#${table.size}`);
    return table.get(id) as string;
  };
  const idKeys = new Set(['id', 'parentId', 'stageId', 'segmentId']);
  const listKeys = new Set(['steps', 'segmentIds']);
  const walk = (value: unknown, key?: string): unknown => {
    if (Array.isArray(value)) return value.map((v) => (key && listKeys.has(key) ? canon(String(v)) : walk(v)));
    if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>).map(([k, v]) =>
        key === 'competitorScores' ? [canon(k), v] : [k, idKeys.has(k) && typeof v === 'string' ? canon(v) : walk(v, k)],
      );
      return Object.fromEntries(entries);
    }
    return value;
  };
  return JSON.stringify(walk(map));
}

const mapsOf = (text: string) => (JSON.parse(text) as { maps: Record<string, unknown>[] }).maps;

test('importing a .touchmap opens the map with its touchpoints; exporting it gives the same map back', async ({ page }) => {
  await openLibrary(page);
  await importFile(page, EXAMPLE);
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  for (const label of ['Clinic', 'Context ad', "Search ad, 'varicose laser'", 'Clinic website']) await expect(node(page, label)).toBeVisible();
  await expect(notice(page)).toContainText(`Imported “${TITLE}”.`);
  await screenshot(page, 'data-imported-map');

  await page.getByRole('button', { name: 'Data' }).click();
  await expect(page.getByRole('menu', { name: 'Data' })).toBeVisible();
  await screenshot(page, 'data-menu');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);

  const exported = await exportFromDataMenu(page, '.touchmap (this map)');
  expect(exported.download.suggestedFilename()).toBe(`${TITLE}.touchmap`);
  expect(mapsOf(exported.text)).toEqual(mapsOf(readFileSync(EXAMPLE, 'utf8')));

  await backToLibrary(page);
  await expect(mapCards(page)).toHaveCount(1);
});

test('a broken or oversized file is refused in words for people, the exact problem behind Details, and the library stays as it was', async ({ page }, testInfo) => {
  await openLibrary(page);
  await importFile(page, EXAMPLE);
  await expect(node(page, 'Context ad')).toBeVisible();
  await backToLibrary(page);
  await expect(mapCards(page)).toHaveCount(1);

  // Ctrl/Cmd+O is Import…
  await importFile(page, `${FILES}/refused/score-out-of-range.touchmap`, 'shortcut');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    '“score-out-of-range.touchmap” was not imported, and nothing was changed. Map "Clinic — new patients": touchpoint "Extra touchpoint 8" has our score 14; scores are 0–10. Fix it in a text editor, or export the map again from the Touchmap it came from.',
  );
  // The technical text waits behind Details, folded until asked for.
  const technical = alert.getByText('score-out-of-range.touchmap: maps[0].topics[12].score: 14 is not 0–10');
  await expect(technical).toBeHidden();
  await screenshot(page, 'data-import-refused');
  await alert.getByText('Details', { exact: true }).click();
  await expect(technical).toBeVisible();
  await screenshot(page, 'data-import-refused-details');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'data-import-refused-details-1280');
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(mapCards(page)).toHaveCount(1);
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();

  await importFile(page, `${FILES}/refused/newer-version.touchmap`);
  await expect(alert).toContainText('newer Touchmap');

  // Refused before it is read: the limit is named. (A sparse file: 51 MB on paper, nothing on disk.)
  const huge = testInfo.outputPath('huge.touchmap');
  writeFileSync(huge, '');
  truncateSync(huge, 51 * 1024 * 1024);
  await importFile(page, huge);
  await expect(alert).toContainText('“huge.touchmap” was not imported, and nothing was changed. The file is 51.0 MB; Touchmap imports files up to 50 MB.');

  // Something that is not a map at all, dropped by mistake: named by what it looks like.
  await dropFile(page, 'photo.png', 'PNG');
  await expect(alert).toContainText('“photo.png” was not imported, and nothing was changed. This is not a Touchmap map: by its name, it is an image.');
  await expect(mapCards(page)).toHaveCount(1);
});

test('the same file imported twice, once by a drop on the window, gives two maps and overwrites nothing', async ({ page }) => {
  await openLibrary(page);
  await importFile(page, EXAMPLE);
  await expect(node(page, 'Context ad')).toBeVisible();

  // Dropped on the editor: the overlay shows while dragging; the copy opens as a map of its own.
  const firstUrl = page.url();
  await dragFileOver(page);
  await expect(page.getByTestId('drop-overlay')).toBeVisible();
  await expect(page.getByTestId('drop-overlay')).toContainText('Drop to import as a new map');
  await screenshot(page, 'data-drop-overlay');
  await dropFile(page, 'example-v1-complete.touchmap', readFileSync(EXAMPLE, 'utf8'));
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0);
  const day = await importDay(page);
  await expect(notice(page)).toContainText(`Imported “${TITLE} (imported ${day})” as a new map`);
  await expect.poll(() => page.url()).not.toBe(firstUrl);
  await expect(node(page, 'Clinic website')).toBeVisible();

  // Ctrl/Cmd+O works in the editor too; cancelling the picker changes nothing.
  await (await chooserFromShortcut(page)).setFiles([]);

  await backToLibrary(page);
  await expect(mapCards(page)).toHaveCount(2);
  await expect(mapCards(page).filter({ hasText: TITLE })).toHaveCount(2);
  await expect(page.getByRole('button', { name: `Open ${TITLE} (imported ${day})` })).toBeVisible();
  await screenshot(page, 'data-library-two-maps');
});

test('a map imported beside one of the same title gets a card that tells them apart, numbered after the second', async ({ page }) => {
  await openLibrary(page);
  const day = await importDay(page);
  for (let i = 0; i < 3; i++) {
    await importFile(page, EXAMPLE);
    await expect(node(page, 'Context ad')).toBeVisible();
    await backToLibrary(page);
  }
  await expect(mapCards(page)).toHaveCount(3);
  const titles = await page.getByRole('list', { name: 'Your maps' }).locator('.map-card__title').allInnerTexts();
  expect(titles.sort()).toEqual([TITLE, `${TITLE} (imported ${day})`, `${TITLE} (imported ${day}, 2)`]);
  await screenshot(page, 'data-library-imported-titles');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'data-library-imported-titles-1280');
});

test('round trip: back up all maps, import the backup, back up again — the same maps, ids aside', async ({ page }) => {
  await openLibrary(page);
  await expect(page.getByRole('button', { name: 'Back up all maps' })).toBeDisabled();
  await importFile(page, EXAMPLE);
  await expect(node(page, 'Context ad')).toBeVisible();
  await backToLibrary(page);
  await importFile(page, MULTILINGUAL);
  await expect(node(page, 'コーヒーの香り')).toBeVisible();
  await backToLibrary(page);

  const first = await download(page, () => page.getByRole('button', { name: 'Back up all maps' }).click());
  expect(first.download.suggestedFilename()).toMatch(/^Touchmap backup \d{4}-\d{2}-\d{2}\.touchmap$/);
  const backup = JSON.parse(first.text) as { format: string; exportedAt: string; maps: Record<string, unknown>[] };
  expect(backup.format).toBe('touchmap');
  expect(Math.abs(Date.parse(backup.exportedAt) - Date.now())).toBeLessThan(60_000);
  expect(backup.maps).toHaveLength(2);

  // Two maps in one file: the library stays and lists them (both ids are taken, so both come in as copies).
  await importFile(page, { name: first.download.suggestedFilename(), mimeType: 'application/json', buffer: first.bytes });
  await expect(notice(page)).toContainText('Imported 2 maps.');
  await expect(mapCards(page)).toHaveCount(4);

  // The copies come in beside maps of the same title, so their titles tell them apart by the import day.
  const day = await importDay(page);
  const copies = backup.maps.map((map) => ({ ...map, title: `${String(map.title)} (imported ${day})` }));
  const second = await download(page, () => page.getByRole('button', { name: 'Back up all maps' }).click());
  const again = mapsOf(second.text).map(withoutIds).sort();
  const expected = [...backup.maps, ...copies].map(withoutIds).sort();
  expect(again).toEqual(expected);
});

test('the action plan CSV opens in Excel in every script, and the outline keeps HTML-like labels as text', async ({ page }) => {
  await openLibrary(page);
  await importFile(page, MULTILINGUAL);
  await expect(node(page, 'コーヒーの香り')).toBeVisible();
  // The label wraps on the canvas; it shows as text, not as an image.
  await expect(page.locator('.react-flow__node').filter({ hasText: '<img src=x' })).toContainText('onerror=alert(1)>');
  await expect(page.locator('.react-flow__node img')).toHaveCount(0);
  let dialogs = 0;
  page.on('dialog', () => void dialogs++);

  const csv = await exportFromDataMenu(page, 'Action plan (CSV)');
  expect(csv.download.suggestedFilename()).toBe('Кофейня · 카페 · カフェ — action plan.csv');
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  for (const text of ['Вывеска у метро', 'Заменить вывеску', '인스타그램 광고', '광고 문구 개선', 'コーヒーの香り', 'Кофе Хауз', '<img src=x onerror=alert(1)>']) {
    expect(csv.text).toContain(text);
  }
  expect(csv.text).toContain(`"'=HYPERLINK(""http://x"")"`);
  expect(csv.text).toContain('\r\n');

  const md = await exportFromDataMenu(page, 'Outline (Markdown)');
  expect(md.download.suggestedFilename()).toBe('Кофейня · 카페 · カフェ — outline.md');
  expect(md.text).toContain('\\<img src=x onerror=alert(1)\\>');
  expect(md.text).not.toMatch(/(^|[^\\])<img/);
  for (const text of ['Вывеска у метро', '인스타그램 광고', 'コーヒーの香り']) expect(md.text).toContain(text);

  // The Data menu works from the keyboard too.
  await page.getByRole('button', { name: 'Data' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: '.touchmap (this map)' })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Action plan (CSV)' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: 'Data' })).toBeFocused();
  expect(dialogs, 'no label ran as HTML').toBe(0);
});
