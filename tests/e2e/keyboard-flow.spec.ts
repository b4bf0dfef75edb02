/**
 * The keyboard never loses work: a key pressed in the outline never surfaces later as a rename on
 * the mind map; a rating pass in the outline (Ctrl/Cmd+Home, Tab, digits) rates scores and never
 * overwrites a touchpoint's label; typing a list of touchpoints with Enter between them adds each
 * one after the last, while renaming an existing touchpoint with Enter only commits.
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, fitView, mod, node, openLibrary, screenshot, stageGroup } from './driver';

test.beforeEach(async ({ context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
});

const editor = (page: Page) => page.getByRole('textbox', { name: 'Edit label' });
const outline = (page: Page) => page.getByRole('treegrid', { name: 'Outline' });
const outlineRow = (page: Page, label: string) => page.getByRole('row').filter({ has: page.getByText(label, { exact: true }) });
const outlineLabels = (page: Page) => page.locator('.outline__row.is-touchpoint .outline__label');
/** The outline's cursor cell, as "row,col" (0-based), read from the grid's active descendant. */
const cursorCell = async (page: Page) => ((await outline(page).getAttribute('aria-activedescendant')) ?? '').replace('outline-cell-', '').replace('-', ',');

/** A map whose Online · Awareness stage holds these touchpoints, pasted as a list. */
async function mapWith(page: Page, title: string, labels: readonly string[]): Promise<void> {
  await openLibrary(page);
  await createMap(page, title);
  await stageGroup(page, 'online', 'Awareness').click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), labels.join('\n'));
  await page.keyboard.press(`${mod}+v`);
  await expect(node(page, labels[labels.length - 1] as string)).toBeVisible();
}

test('a digit pressed on an outline cell never turns into a rename on the mind map', async ({ page }) => {
  await mapWith(page, 'Clinic', ['Context ad', 'Site page']);
  await node(page, 'Context ad').click();
  await page.keyboard.press(`${mod}+3`);
  // "0" on the Action cell: no action status is number 0, so nothing changes here…
  await outlineRow(page, 'Context ad').getByRole('gridcell', { name: 'Action', exact: true }).click();
  await page.keyboard.press('0');
  await expect(outlineRow(page, 'Context ad').getByRole('gridcell', { name: 'Action', exact: true })).toHaveText('');
  // …and nothing of it waits on the mind map for the next click
  await page.keyboard.press(`${mod}+1`);
  await expect(node(page, 'Context ad')).toBeVisible();
  await expect(editor(page)).toHaveCount(0);
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 300 } });
  await expect(node(page, 'Context ad')).toBeVisible();
  await expect(node(page, '0')).toHaveCount(0);

  // a digit on the label cell does not start editing it: it says where digits go
  await node(page, 'Context ad').click();
  await page.keyboard.press(`${mod}+3`);
  await page.keyboard.press('Home');
  await page.keyboard.press('7');
  await expect(outline(page).getByRole('textbox')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Numbers rate the score cells' })).toBeVisible();
  await screenshot(page, 'keyboard-flow-refused-digit-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'keyboard-flow-refused-digit-1280');
  await page.keyboard.press(`${mod}+1`);
  await expect(editor(page)).toHaveCount(0);
  await expect(node(page, 'Context ad')).toBeVisible();

  // typing on a selected node in the mind map still renames it there
  await node(page, 'Site page').click();
  await page.keyboard.press('L');
  await expect(editor(page)).toHaveValue('L');
  await editor(page).pressSequentially('anding page');
  await page.keyboard.press('Enter');
  await expect(node(page, 'Landing page')).toBeVisible();
  await expect(editor(page)).toHaveCount(0);
});

test('a rating pass with Ctrl/Cmd+Home, Tab and digits rates the scores and never overwrites a label', async ({ page }) => {
  const labels = ['Instagram ads', 'Google Maps listing', 'Flyer', 'Website', 'Reviews'];
  await mapWith(page, 'Bakery', labels);
  await page.keyboard.press(`${mod}+3`);
  await expect(outline(page)).toBeVisible();
  // the last cell of the third row, then Ctrl/Cmd+Home: the first cell of the first row
  await outlineRow(page, 'Flyer').getByRole('gridcell', { name: 'Action', exact: true }).click();
  await page.keyboard.press(`${mod}+Home`);
  expect(await cursorCell(page)).toBe('0,0');
  // Ctrl/Cmd+End: the last cell of the last row; End / Home: the row's last / first cell
  await page.keyboard.press(`${mod}+End`);
  expect(await cursorCell(page)).toBe('4,7');
  // the sheet scrolls sideways to keep the cursor cell whole in view, as a spreadsheet does
  await expect(page.locator('#outline-cell-4-7')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('Home');
  expect(await cursorCell(page)).toBe('4,0');
  await expect(page.locator('#outline-cell-4-0')).toBeInViewport({ ratio: 1 });
  await page.keyboard.press('End');
  expect(await cursorCell(page)).toBe('4,7');
  await page.keyboard.press(`${mod}+Home`);

  // the rating pass as people do it: Tab to the score, a digit, on to the next row's score by Tab
  const scores = ['7', '3', '9', '5', '8'];
  await page.keyboard.press('Tab'); // channel
  await page.keyboard.press('Tab'); // stage
  await page.keyboard.press('Tab'); // kind
  await page.keyboard.press('Tab'); // importance
  await page.keyboard.press('Tab'); // score
  for (const [index, score] of scores.entries()) {
    await page.keyboard.press(score);
    // Tab past the score (competitor-less map: reaction, action), wrap into the next row's label,
    // where a stray digit must not rename the touchpoint
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    if (index < scores.length - 1) {
      expect(await cursorCell(page)).toBe(`${index + 1},0`);
      await page.keyboard.press(score);
      await expect(outline(page).getByRole('textbox')).toHaveCount(0);
      for (let k = 0; k < 5; k++) await page.keyboard.press('Tab');
    }
  }
  await expect(outlineLabels(page)).toHaveText(labels);
  for (const [index, label] of labels.entries()) {
    await expect(outlineRow(page, label).getByRole('gridcell', { name: 'Score' })).toHaveText(scores[index] as string);
  }
  // Shift+Tab on a row's first cell goes back to the previous row's last cell
  await page.keyboard.press(`${mod}+Home`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Shift+Tab');
  expect(await cursorCell(page)).toBe('0,7');

  // a letter on the label cell starts editing with it; Enter and F2 edit it as it is
  await page.keyboard.press('Home');
  await page.keyboard.press('P');
  await expect(outline(page).getByRole('textbox')).toHaveValue('P');
  await page.keyboard.press('Escape');
  await page.keyboard.press('F2');
  await expect(outline(page).getByRole('textbox')).toHaveValue('Instagram ads');
  await page.keyboard.press('Escape');
  await expect(outlineLabels(page)).toHaveText(labels);
  await screenshot(page, 'keyboard-flow-outline-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'keyboard-flow-outline-1280');
});

test('"1" then "0" in the outline is one undo step back to the score before the 1, and never undoes another edit', async ({ page }) => {
  await mapWith(page, 'Clinic', ['Context ad', 'Site page']);
  await page.keyboard.press(`${mod}+3`);
  const score = (label: string) => outlineRow(page, label).getByRole('gridcell', { name: 'Score' });
  await score('Context ad').click();
  await page.keyboard.press('1');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('5');
  // "1" then "0" on a score that holds 5: 10, and one undo gives the 5 back
  await page.keyboard.press('1');
  await page.keyboard.press('0');
  await expect(score('Site page')).toHaveText('10');
  await page.keyboard.press(`${mod}+z`);
  await expect(score('Site page')).toHaveText('5');
  // "1" then "0" on a score that already holds 1: the 1 changes nothing, so the 10 is a step of its
  // own — the Site page's 5, the edit before it, stays
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('1');
  await page.keyboard.press('0');
  await expect(score('Context ad')).toHaveText('10');
  await expect(score('Site page')).toHaveText('5');
  await screenshot(page, 'keyboard-flow-outline-ten-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'keyboard-flow-outline-ten-1280');
  await page.keyboard.press(`${mod}+z`);
  await expect(score('Context ad')).toHaveText('1');
  await expect(score('Site page')).toHaveText('5');
  await page.keyboard.press(`${mod}+z`);
  await expect(score('Site page')).toHaveText('');
  await page.keyboard.press(`${mod}+z`);
  await expect(score('Context ad')).toHaveText('');
});

test('a list typed with Enter between touchpoints adds each one after the last, and undo takes them back whole', async ({ page }) => {
  const list = ['Instagram ads', 'Google Maps listing', 'Flyer at the metro', 'Website menu', 'Review site'];
  await openLibrary(page);
  await createMap(page, 'Corner coffee');
  await stageGroup(page, 'online', 'Awareness').click();
  await page.keyboard.press('Tab');
  for (const label of list) {
    await expect(editor(page)).toBeFocused();
    await page.keyboard.type(label);
    await page.keyboard.press('Enter');
  }
  // the next one is open and empty of the user's words; Esc stops the list and leaves nothing behind
  await expect(editor(page)).toBeFocused();
  await screenshot(page, 'keyboard-flow-list-1440');
  await page.keyboard.press('Escape');
  await expect(editor(page)).toHaveCount(0);
  await expect(node(page, 'New touchpoint')).toHaveCount(0);
  // and redo does not bring the abandoned one back
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(node(page, 'New touchpoint')).toHaveCount(0);
  await expect(stageGroup(page, 'online', 'Awareness').locator('.mind-node__count')).toHaveText('5');
  await expect(node(page, 'Review site').locator('.mind-node')).toHaveClass(/is-selected/);
  await page.keyboard.press(`${mod}+3`);
  await expect(outlineLabels(page)).toHaveText(list);
  await page.keyboard.press(`${mod}+1`);

  // renaming an existing touchpoint: Enter commits and opens nothing new (F2, typing, double-click)
  await fitView(page);
  await node(page, 'Google Maps listing').click();
  await page.keyboard.press('F2');
  await editor(page).fill('Google Maps profile');
  await editor(page).press('Enter');
  await expect(editor(page)).toHaveCount(0);
  await page.keyboard.press('G');
  await editor(page).pressSequentially('oogle Business profile');
  await page.keyboard.press('Enter');
  await expect(editor(page)).toHaveCount(0);
  await node(page, 'Flyer at the metro').dblclick();
  await editor(page).fill('Metro flyer');
  await editor(page).press('Enter');
  await expect(editor(page)).toHaveCount(0);
  await expect(stageGroup(page, 'online', 'Awareness').locator('.mind-node__count')).toHaveText('5');
  const renamed = ['Instagram ads', 'Google Business profile', 'Metro flyer', 'Website menu', 'Review site'];
  await page.keyboard.press(`${mod}+3`);
  await expect(outlineLabels(page)).toHaveText(renamed);

  // undo: the renames one by one, then each added touchpoint goes with its label — never a wrong label left
  for (let k = 0; k < 3; k++) await page.keyboard.press(`${mod}+z`);
  await expect(outlineLabels(page)).toHaveText(list);
  await page.keyboard.press(`${mod}+z`);
  await expect(outlineLabels(page)).toHaveText(list.slice(0, 4));
  await page.keyboard.press(`${mod}+z`);
  await expect(outlineLabels(page)).toHaveText(list.slice(0, 3));
  await page.keyboard.press(`${mod}+Shift+z`);
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(outlineLabels(page)).toHaveText(list);
  // redo goes on with the first rename
  await page.keyboard.press(`${mod}+Shift+z`);
  await expect(outlineLabels(page)).toHaveText(['Instagram ads', 'Google Maps profile', 'Flyer at the metro', 'Website menu', 'Review site']);
});

test('Enter on the next, still untouched touchpoint keeps it open; Tab there makes a detail of the last one; an arrow walks on', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Clinic');
  await stageGroup(page, 'offline', 'Purchase').click();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Booking by phone');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter'); // Enter twice: still one open, untouched touchpoint
  await expect(editor(page)).toHaveCount(1);
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'keyboard-flow-next-open-1280');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Hold music');
  await page.keyboard.press('Enter'); // details chain too: the next detail opens
  await page.keyboard.type('Call-back offer');
  await page.keyboard.press('Escape'); // Esc after typing keeps the typed one out, like any Esc
  await expect(node(page, 'Hold music')).toBeVisible();
  await expect(node(page, 'Call-back offer')).toHaveCount(0);
  await expect(node(page, 'New touchpoint')).toHaveCount(0);
  await expect(node(page, 'New detail')).toHaveCount(0);
  await expect(page.locator('.mind-node--detail')).toHaveCount(1);
  await expect(stageGroup(page, 'offline', 'Purchase').locator('.mind-node__count')).toHaveText('1');

  // an arrow key on the untouched next one takes it away and walks the map from the one before
  await node(page, 'Hold music').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Call-back offer');
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeFocused();
  await page.keyboard.press('ArrowRight'); // the offline side grows leftwards: Right is the parent
  await expect(editor(page)).toHaveCount(0);
  await expect(node(page, 'Booking by phone').locator('.mind-node')).toHaveClass(/is-selected/);
  await expect(page.locator('.mind-node--detail')).toHaveCount(2);
  await expect(node(page, 'New detail')).toHaveCount(0);
});

test('a shortcut or a click after a list acts on the map, and leaves no empty touchpoint behind', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Bakery');
  await stageGroup(page, 'online', 'Awareness').click();
  await page.keyboard.press('Tab');
  await page.keyboard.type('Shop sign');
  await page.keyboard.press('Enter');
  await page.keyboard.type('Window display');
  await page.keyboard.press('Enter');
  // Ctrl/Cmd+Z on the open, untouched next one takes only that one away
  await page.keyboard.press(`${mod}+z`);
  await expect(editor(page)).toHaveCount(0);
  await expect(node(page, 'Window display')).toBeVisible();
  await expect(node(page, 'New touchpoint')).toHaveCount(0);
  // a view shortcut on it switches the view at once
  await node(page, 'Window display').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Bread smell');
  await page.keyboard.press('Enter');
  await page.keyboard.press(`${mod}+3`);
  await expect(outlineLabels(page)).toHaveText(['Shop sign', 'Window display', 'Bread smell']);
  // a click on another touchpoint selects it, though the open one above it goes away
  await page.keyboard.press(`${mod}+1`);
  await node(page, 'Shop sign').click();
  await page.keyboard.press('Enter');
  await page.keyboard.type('Opening hours');
  await page.keyboard.press('Enter');
  await expect(editor(page)).toBeFocused();
  await node(page, 'Bread smell').click();
  await expect(node(page, 'Bread smell').locator('.mind-node')).toHaveClass(/is-selected/);
  await expect(node(page, 'New touchpoint')).toHaveCount(0);
  await expect(stageGroup(page, 'online', 'Awareness').locator('.mind-node__count')).toHaveText('4');
});

test('Help lists the outline keys and Enter for the next touchpoint', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Dentist');
  await page.keyboard.press(`${mod}+/`);
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help.getByRole('row', { name: /Outline: first cell of the first row/ })).toContainText(/Ctrl\+Home|⌘Home/);
  await expect(help.getByRole('row', { name: /Outline: last cell of the last row/ })).toContainText(/Ctrl\+End|⌘End/);
  await expect(help.getByRole('row', { name: /Outline: next cell/ })).toContainText('Tab');
  await expect(help.getByRole('row', { name: /Outline: rate a score/ })).toContainText('0–9');
  await expect(help.getByRole('row', { name: /next touchpoint while naming a new one/ })).toContainText('Enter');
  await screenshot(page, 'keyboard-flow-help-1440');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'keyboard-flow-help-1280');
});
