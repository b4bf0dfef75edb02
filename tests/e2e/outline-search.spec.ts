/**
 * Working with many touchpoints: a facilitator pastes an indented list into a stage,
 * rates five touchpoints in the outline from the keyboard and sees the scores on the mind map;
 * searches in Korean and Russian and jumps between matches; copies a touchpoint with its details
 * within a map and into another map; selects with Shift+click, a Shift+drag box and Ctrl+A; drags
 * a touchpoint onto another stage; filters and colours the map by score band.
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, fitView, mod, node, nodeBox, openLibrary, screenshot, stageGroup } from './driver';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

/** Puts plain text on the system clipboard, as copying from a text editor does. */
async function copyText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
}

const CLINIC_LIST = ['Context ad', '\tAd text', 'Search result', 'Site page', '\tBooking form', 'Online chat', 'Reviews'].join('\r\n');

/** A map with the clinic's online touchpoints, pasted as an indented list into Online · Awareness. */
async function clinicMap(page: Page, title = 'Clinic'): Promise<void> {
  await openLibrary(page);
  await createMap(page, title);
  await stageGroup(page, 'online', 'Awareness').click();
  await copyText(page, CLINIC_LIST);
  await page.keyboard.press(`${mod}+v`);
  await expect(node(page, 'Reviews')).toBeVisible();
  await fitView(page);
}

const selectedTouchpoints = (page: Page) => page.locator('.mind-node--touchpoint.is-selected');
const outlineRow = (page: Page, label: string) => page.getByRole('row').filter({ has: page.getByText(label, { exact: true }) });

test('an indented list pasted into a stage becomes touchpoints with details, in one undo step', async ({ page }) => {
  await clinicMap(page);
  for (const label of ['Context ad', 'Search result', 'Site page', 'Online chat', 'Reviews', 'Ad text', 'Booking form']) {
    await expect(node(page, label)).toBeVisible();
  }
  // the five touchpoints are in Online · Awareness (its count), the details under theirs
  await expect(stageGroup(page, 'online', 'Awareness').locator('.mind-node__count')).toHaveText('5');
  await expect(page.locator('.mind-node--detail')).toHaveCount(2);
  await expect(selectedTouchpoints(page)).toHaveCount(5);
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'Reviews')).toHaveCount(0);
  await expect(node(page, 'Ad text')).toHaveCount(0);
});

test('five touchpoints rated in the outline by keyboard show their scores on the mind map', async ({ page }) => {
  await clinicMap(page);
  await page.keyboard.press(`${mod}+3`);
  const grid = page.getByRole('treegrid', { name: 'Outline' });
  await expect(grid).toBeVisible();
  await expect(page.getByTestId('outline-count')).toHaveText('5 touchpoints');

  // start on Context ad's score; "1" then "0" is 10; the arrow keys walk down (details in between)
  await outlineRow(page, 'Context ad').getByRole('gridcell', { name: 'Score' }).click();
  await page.keyboard.press('1');
  await page.keyboard.press('0');
  await page.keyboard.press('ArrowDown'); // Ad text (a detail)
  await page.keyboard.press('ArrowDown'); // Search result
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowDown'); // Site page
  await page.keyboard.press('8');
  await page.keyboard.press('ArrowDown'); // Booking form
  await page.keyboard.press('ArrowDown'); // Online chat
  await page.keyboard.press('5');
  await page.keyboard.press('ArrowDown'); // Reviews
  await page.keyboard.press('9');
  // Shift+Tab to importance, rate it; Tab back; Enter on the label edits it
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('7');
  const scores = { 'Context ad': '10', 'Search result': '3', 'Site page': '8', 'Online chat': '5', Reviews: '9' };
  for (const [label, score] of Object.entries(scores)) {
    await expect(outlineRow(page, label).getByRole('gridcell', { name: 'Score' })).toHaveText(score);
  }
  await expect(outlineRow(page, 'Reviews').getByRole('gridcell', { name: 'Importance' })).toHaveText('7');
  // every edit one undo step
  await page.keyboard.press(`${mod}+z`);
  await expect(outlineRow(page, 'Reviews').getByRole('gridcell', { name: 'Importance' })).toHaveText('');
  await page.keyboard.press(`${mod}+z`);
  await expect(outlineRow(page, 'Reviews').getByRole('gridcell', { name: 'Score' })).toHaveText('');
  await page.keyboard.press(`${mod}+Shift+z`);

  // sort by score, descending: click the header twice
  await page.getByRole('columnheader', { name: 'Score' }).click();
  await page.getByRole('columnheader', { name: 'Score' }).click();
  await expect(page.getByRole('columnheader', { name: 'Score' })).toHaveAttribute('aria-sort', 'descending');
  const firstRows = page.locator('.outline__row.is-touchpoint .outline__label');
  await expect(firstRows.first()).toHaveText('Context ad');
  await screenshot(page, 'outline');

  await page.keyboard.press(`${mod}+1`);
  await fitView(page);
  for (const [label, score] of Object.entries(scores)) {
    await expect(node(page, label).locator('.score-badge')).toHaveText(score);
  }
});

test('search finds Korean and Russian labels and jumps between the matches', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Клиника · 병원');
  await stageGroup(page, 'online', 'Consideration').click();
  await copyText(page, ['Сайт клиники', '  Запись на САЙТЕ', '병원 웹사이트', '전화 예약', '웹사이트 채팅 상담', 'Reception'].join('\n'));
  await page.keyboard.press(`${mod}+v`);
  await expect(node(page, 'Reception')).toBeVisible();
  await fitView(page);

  await page.keyboard.press(`${mod}+f`);
  const field = page.getByRole('searchbox', { name: 'Search labels and notes' });
  await expect(field).toBeFocused();
  await field.fill('웹사이트');
  const count = page.getByTestId('search-count');
  await expect(count).toHaveText('1 of 2');
  await expect(page.locator('.mind-node.is-match')).toHaveCount(2);
  await expect(node(page, '병원 웹사이트').locator('.mind-node')).toHaveClass(/is-current-match/);
  await expect(node(page, '병원 웹사이트').locator('.mind-node')).toHaveClass(/is-selected/);
  await screenshot(page, 'search-korean');
  await field.press('Enter');
  await expect(count).toHaveText('2 of 2');
  await expect(node(page, '웹사이트 채팅 상담').locator('.mind-node')).toHaveClass(/is-selected/);
  await field.press('Enter');
  await expect(count).toHaveText('1 of 2');
  await field.press('Shift+Enter');
  await expect(count).toHaveText('2 of 2');

  // Russian, in another case than the labels; the detail matches too
  await field.fill('сайт');
  await expect(count).toHaveText('1 of 2');
  await expect(node(page, 'Сайт клиники').locator('.mind-node')).toHaveClass(/is-current-match/);
  await field.press('Enter');
  await expect(node(page, 'Запись на САЙТЕ').locator('.mind-node')).toHaveClass(/is-selected/);
  await field.fill('ничего');
  await expect(count).toHaveText('No matches');

  // the outline marks the same matches
  await field.fill('САЙТ');
  await page.keyboard.press('Escape');
  await expect(field).toHaveCount(0);
  await expect(page.locator('.mind-node.is-match')).toHaveCount(0);
  await page.keyboard.press(`${mod}+3`);
  await page.keyboard.press(`${mod}+f`);
  await page.getByRole('searchbox').fill('сайт');
  await expect(page.locator('.outline__label mark')).toHaveText(['Сайт', 'САЙТ']);
  await screenshot(page, 'search-outline');
});

test('a touchpoint copied with its details pastes into another stage and into another map', async ({ page }) => {
  await clinicMap(page);
  await node(page, 'Site page').click();
  await page.keyboard.press(`${mod}+c`);
  // other programs get an indented plain-text list
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('Site page\n  Booking form\n');

  await stageGroup(page, 'offline', 'Purchase').click();
  await page.keyboard.press(`${mod}+v`);
  await fitView(page); // the canvas follows the pasted copy; bring the original back into view
  await expect(node(page, 'Site page')).toHaveCount(2);
  await expect(node(page, 'Booking form')).toHaveCount(2);
  await expect(stageGroup(page, 'offline', 'Purchase').locator('.mind-node__count')).toHaveText('1');
  const root = await nodeBox(node(page, 'Clinic'));
  const copy = page.locator('.mind-node--touchpoint.is-selected');
  await expect(copy).toHaveText('Site page');
  expect((await nodeBox(copy)).x, 'the copy is on the offline side').toBeLessThan(root.x);
  await page.keyboard.press(`${mod}+z`);
  await expect(node(page, 'Site page')).toHaveCount(1);

  // cut removes it; paste into a new map brings it back there
  await node(page, 'Site page').click();
  await page.keyboard.press(`${mod}+x`);
  await expect(node(page, 'Site page')).toHaveCount(0);
  await page.getByRole('button', { name: /All maps/ }).click();
  await createMap(page, 'Second clinic');
  await page.keyboard.press(`${mod}+v`);
  await expect(node(page, 'Site page')).toBeVisible();
  await expect(node(page, 'Booking form')).toBeVisible();
  // it kept its channel and stage: Online · Awareness has it
  await expect(stageGroup(page, 'online', 'Awareness').locator('.mind-node__count')).toHaveText('1');
});

test('Shift+click, a Shift+drag box and Ctrl+A select touchpoints', async ({ page }) => {
  await clinicMap(page);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await expect(selectedTouchpoints(page)).toHaveCount(0);
  await node(page, 'Context ad').click();
  await node(page, 'Online chat').click({ modifiers: ['Shift'] });
  await expect(selectedTouchpoints(page)).toHaveCount(2);

  // a box around Search result and Site page adds them
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  const a = await nodeBox(node(page, 'Search result'));
  const b = await nodeBox(node(page, 'Site page'));
  await page.keyboard.down('Shift');
  await page.mouse.move(a.x - 12, a.y - 6);
  await page.mouse.down();
  await page.mouse.move(b.x + 20, b.y + b.height / 2, { steps: 8 });
  await expect(page.locator('.selection-box')).toBeVisible();
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(selectedTouchpoints(page)).toHaveCount(2);
  await expect(node(page, 'Search result').locator('.mind-node')).toHaveClass(/is-selected/);
  await expect(node(page, 'Site page').locator('.mind-node')).toHaveClass(/is-selected/);

  // a plain drag on the canvas still pans
  const before = await nodeBox(node(page, 'Clinic'));
  await page.mouse.move(200, 600);
  await page.mouse.down();
  await page.mouse.move(260, 640, { steps: 5 });
  await page.mouse.up();
  expect((await nodeBox(node(page, 'Clinic'))).x).toBeCloseTo(before.x + 60, -1);

  await page.keyboard.press(`${mod}+a`);
  await expect(selectedTouchpoints(page)).toHaveCount(5);
});

test('dragging a touchpoint onto another stage group moves it there, in one undo step', async ({ page }) => {
  await clinicMap(page);
  const chat = node(page, 'Online chat');
  await chat.click(); // only this one (dragging one of several selected moves them all)
  const from = await nodeBox(chat);
  const target = await nodeBox(stageGroup(page, 'offline', 'Loyalty'));
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 20 });
  await page.mouse.up();
  await expect(stageGroup(page, 'offline', 'Loyalty').locator('.mind-node__count')).toHaveText('1');
  await fitView(page); // the canvas followed the moved touchpoint to the other side
  await expect(stageGroup(page, 'online', 'Awareness').locator('.mind-node__count')).toHaveText('4');
  const root = await nodeBox(node(page, 'Clinic'));
  expect((await nodeBox(node(page, 'Online chat'))).x, 'now on the offline side').toBeLessThan(root.x);
  await page.keyboard.press(`${mod}+z`);
  await fitView(page);
  await expect(stageGroup(page, 'online', 'Awareness').locator('.mind-node__count')).toHaveText('5');
  await expect(stageGroup(page, 'offline', 'Loyalty').locator('.mind-node__count')).toHaveCount(0);
});

test('filter dims touchpoints outside it; colour by score band shows a legend', async ({ page }) => {
  await clinicMap(page);
  await node(page, 'Context ad').click();
  await page.getByRole('complementary', { name: 'Inspector' }).getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { name: '2' }).click();
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 300 } });
  await page.getByRole('button', { name: 'Filter' }).click();
  const panel = page.getByRole('dialog', { name: 'Filter touchpoints' });
  await panel.getByRole('group', { name: 'Score' }).getByRole('checkbox', { name: 'awful' }).check();
  await expect(page.locator('.mind-node--touchpoint.is-dimmed')).toHaveCount(4);
  await expect(node(page, 'Context ad').locator('.mind-node')).not.toHaveClass(/is-dimmed/);
  await panel.getByRole('button', { name: 'Close' }).click();
  await page.getByLabel('Colour by').selectOption('band');
  const legend = page.getByRole('complementary', { name: 'Legend' });
  await expect(legend).toContainText('Score band');
  await expect(legend).toContainText('Faded: outside the filter');
  await expect(node(page, 'Context ad').locator('.mind-node')).toHaveClass(/look--band-awful/);
  await screenshot(page, 'filter-colour-by');
  // the outline hides what the filter leaves out
  await page.keyboard.press(`${mod}+3`);
  await expect(page.getByTestId('outline-count')).toHaveText('1 touchpoint');
});
