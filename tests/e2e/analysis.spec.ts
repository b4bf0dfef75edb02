/**
 * The method's "Analyse" step in the app: the analysis view of a template map follows a score as
 * it changes, a dot of the priority matrix shows its touchpoint on the map, an action added from
 * the fix-first list lands in the inspector (one undo step), and each chart exports as a PNG and
 * as pages of the PDF whose words are text.
 */
import { test, expect, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mod, openLibrary, node, SCREENSHOTS, waitSaved } from './driver';

const inspectorOf = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

async function openClinic(page: Page): Promise<void> {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New map' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByRole('radio', { name: /Medical clinic/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Medical clinic' })).toBeVisible();
}

/** The words a chart of the analysis view draws. */
async function chartWords(page: Page, kind: string): Promise<string[]> {
  return page.locator(`main[aria-label="Analysis"] [data-chart="${kind}"] svg text`).allTextContents();
}

/** The count printed before a score band's name in the scores chart ("2" before "wow 8–10"). */
async function bandCount(page: Page, band: string): Promise<number> {
  const words = await chartWords(page, 'scores');
  return Number(words[words.indexOf(band) - 1]);
}

test('the analysis follows a score change, and a matrix dot shows its touchpoint on the map', async ({ page }) => {
  await openClinic(page);
  await page.keyboard.press(`${mod}+4`);
  const analysis = page.getByRole('main', { name: 'Analysis' });
  await expect(analysis.getByRole('heading', { name: 'Analysis' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Analysis', pressed: true })).toBeVisible();
  expect(await chartWords(page, 'distribution')).toEqual(expect.arrayContaining(['Touchpoints by stage and channel', 'Awareness', 'Online', 'Offline', 'Total', '12']));
  expect(await bandCount(page, 'wow 8–10')).toBe(1);
  const matrix = analysis.getByRole('group', { name: 'Touchpoints on the priority matrix' });
  const before = await matrix.getByRole('button', { name: 'Context ad', exact: true }).boundingBox();

  // a score changed on the map moves the figures: one more wow, the dot moves right
  await page.keyboard.press(`${mod}+1`);
  await node(page, 'Context ad').click();
  await inspectorOf(page).getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { name: '9' }).click();
  await page.keyboard.press(`${mod}+4`);
  await expect.poll(() => bandCount(page, 'wow 8–10')).toBe(2);
  const after = await matrix.getByRole('button', { name: 'Context ad', exact: true }).boundingBox();
  expect(after!.x).toBeGreaterThan(before!.x + 100);

  // a dot of the matrix selects its touchpoint and shows it on the map
  await matrix.getByRole('button', { name: 'Booking by phone', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Mind map', pressed: true })).toBeVisible();
  await expect(node(page, 'Booking by phone').locator('[aria-selected="true"]')).toBeVisible();
  await expect(inspectorOf(page).getByLabel('Label')).toHaveValue('Booking by phone');
});

test('an action added from the fix-first list appears in the inspector, and Undo takes it back in one step', async ({ page }) => {
  await openClinic(page);
  await page.keyboard.press(`${mod}+4`);
  const list = page.getByRole('region', { name: /Fix first without an action/ });
  const label = 'Mailing list or SMS with the clinic’s offers';
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await list.getByRole('button', { name: `Add action: ${label}` }).click();
  const form = list.getByRole('form', { name: `Improvement action for ${label}` });
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(form.getByRole('alert')).toHaveText('Say what to do: the action needs a description.');
  await form.getByLabel('What to do').fill('Send offers by segment, not to everyone');
  await form.getByLabel('Who is responsible').fill('Marketing — Anna');
  await form.getByLabel('By when').fill('2027-01-31');
  await page.screenshot({ path: `${SCREENSHOTS}/analysis-add-action.png` });
  await form.getByRole('button', { name: 'Add action' }).click();
  await expect(list.getByText('Every touchpoint to fix first has an action.')).toBeVisible();

  // its dot on the matrix brings it up on the map, with the action in the inspector
  await page.getByRole('group', { name: 'Touchpoints on the priority matrix' }).getByRole('button', { name: label, exact: true }).click();
  const inspector = inspectorOf(page);
  await expect(inspector.getByLabel('What to do')).toHaveValue('Send offers by segment, not to everyone');
  await expect(inspector.getByLabel('Owner')).toHaveValue('Marketing — Anna');
  await expect(inspector.getByLabel('Due date')).toHaveValue('2027-01-31');

  await page.keyboard.press(`${mod}+z`);
  await page.keyboard.press(`${mod}+4`);
  await expect(list.getByRole('button', { name: `Add action: ${label}` })).toBeVisible();
  await waitSaved(page);
});

test('in the analysis, Tab moves between its buttons and Delete leaves the selected touchpoint alone', async ({ page }) => {
  await openClinic(page);
  await node(page, 'Context ad').click();
  await page.keyboard.press(`${mod}+4`);
  await page.keyboard.press('Delete');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
  await page.keyboard.press(`${mod}+1`);
  await expect(node(page, 'Context ad')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
});

test('a chart exports as a PNG, and the charts as PDF pages whose words are text', async ({ page }) => {
  // the web build prints through a frame; its HTML is what the desktop app hands to printToPDF
  await page.addInitScript(() => {
    const own = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'srcdoc');
    Object.defineProperty(HTMLIFrameElement.prototype, 'srcdoc', {
      set(value: string) {
        (window as unknown as { printed: string }).printed = value;
        own?.set?.call(this, value);
      },
      get() {
        return own?.get?.call(this);
      },
    });
    window.print = () => undefined;
  });
  await openClinic(page);
  await page.keyboard.press(`${mod}+4`);
  await page.keyboard.press(`${mod}+e`);
  const dialog = page.getByRole('dialog', { name: 'Export map' });
  await expect(dialog.getByLabel('Export', { exact: true })).toHaveValue('chart');
  await dialog.getByLabel('Chart').selectOption('priority');
  await dialog.getByRole('radio', { name: 'PNG' }).check();
  await dialog.getByLabel('Scale').selectOption('1');
  await expect(dialog.getByTestId('export-size')).toContainText('1,200 × 900 px');
  await page.screenshot({ path: `${SCREENSHOTS}/analysis-export-dialog.png` });
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Medical clinic — Priority importance × our score.png');
  const png = readFileSync((await download.path())!);
  expect(png.subarray(1, 4).toString()).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 900]);
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(`${SCREENSHOTS}/analysis-priority-export.png`, png);

  // the map's PDF with the analysis pages after it
  await page.keyboard.press(`${mod}+e`);
  await dialog.getByLabel('Export', { exact: true }).selectOption('map');
  await dialog.getByRole('radio', { name: 'PDF' }).check();
  await dialog.getByLabel('Analysis charts (a page each)').check();
  await dialog.getByRole('button', { name: 'Export', exact: true }).click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed?: string }).printed ?? '')).toContain('analysis-page');
  const html = await page.evaluate(() => (window as unknown as { printed: string }).printed);
  const printer = await page.context().newPage();
  await printer.setContent(html, { waitUntil: 'load' });
  await printer.evaluate(() => document.fonts.ready);
  const pdf = `${SCREENSHOTS}/analysis-pages.pdf`;
  await printer.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
  const text = spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout;
  for (const words of ['Touchpoints by stage and channel', 'Average score by stage and channel', 'Priority: importance × our score', 'Customer journeys', 'Fix first', 'weak link']) expect(text).toContain(words);
  spawnSync('pdftoppm', ['-png', '-r', '60', pdf, `${SCREENSHOTS}/analysis-pages`]);
});

for (const theme of ['light', 'dark'] as const) {
  for (const viewport of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
    test(`the analysis view and its side panel tab, ${theme}, ${viewport.width}×${viewport.height}`, async ({ page }) => {
      await page.addInitScript((name) => localStorage.setItem('touchmap.theme', name), theme);
      await page.setViewportSize(viewport);
      await openClinic(page);
      await page.keyboard.press(`${mod}+4`);
      await expect(page.locator('[data-chart="journeys"] svg')).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/analysis-view-${theme}-${viewport.width}.png` });
      await page.getByRole('main', { name: 'Analysis' }).evaluate((el) => el.scrollTo(0, el.scrollHeight));
      await page.screenshot({ path: `${SCREENSHOTS}/analysis-view-end-${theme}-${viewport.width}.png` });
      await page.keyboard.press(`${mod}+1`);
      await page.getByRole('tab', { name: 'Analysis' }).click();
      await expect(page.getByRole('tabpanel').locator('[data-chart="priority"] svg')).toBeVisible();
      await page.screenshot({ path: `${SCREENSHOTS}/analysis-panel-${theme}-${viewport.width}.png` });
    });
  }
}

test('the map waits behind the analysis: back on the map, the same canvas, not a rebuilt one', async ({ page }) => {
  await openClinic(page);
  // a mark on the canvas element itself: a canvas torn down and built again would not carry it
  await page.locator('.react-flow').evaluate((el) => ((el as HTMLElement & { kept?: boolean }).kept = true));
  await page.keyboard.press(`${mod}+4`);
  await expect(page.locator('main[aria-label="Analysis"] [data-chart="priority"]')).toBeVisible();
  await expect(page.locator('.react-flow')).toBeHidden();
  await page.keyboard.press(`${mod}+1`);
  await expect(page.locator('.react-flow')).toBeVisible();
  expect(await page.locator('.react-flow').evaluate((el) => (el as HTMLElement & { kept?: boolean }).kept === true)).toBe(true);
  // another view than the analysis still lets the map go (the grid and the outline have their own)
  await page.keyboard.press(`${mod}+2`);
  await expect(page.locator('.react-flow')).toHaveCount(0);
});
