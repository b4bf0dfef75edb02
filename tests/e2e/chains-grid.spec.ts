/**
 * Chains and the grid: a facilitator opens the medical clinic template, builds the clinic's nine-step
 * chain by clicking the touchpoints in order, sees the numbered links and the weak link on the
 * map, hides and shows chains, reorders a step; then moves a card in the grid and finds it moved
 * on the mind map, undoes it, walks and edits cards by keyboard, and switches views with
 * Ctrl/Cmd+1, 2, 3.
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, fitView, mod, nodeBox, openLibrary, screenshot } from './driver';

/** The nine steps of DOMAIN.md §4, as the clinic template names them (scores in brackets). */
const CLINIC_CHAIN = [
  'Context ad', // 4
  'Site page', // 6
  'Question to the online chat consultant', // 3
  'Booking by phone', // 5
  'Talk with reception', // 7
  'Filling in the card and questionnaire', // 2: the weak link
  'Doctor’s consultation', // 9
  'Positive review on the site or a third-party resource', // 5
  'Mailing list or SMS with the clinic’s offers', // 4
];
const WEAK = 'Filling in the card and questionnaire';

/** A mind-map node by its full label (long labels wrap over several lines, so not by text). */
const mapNode = (page: Page, label: string) => page.locator('.react-flow__node').filter({ has: page.locator(`.mind-node[aria-label="${label}"]`) });
const chainCard = (page: Page, name: string) => page.getByRole('region', { name: `Chain “${name}”` });
const steps = (page: Page, name: string) => page.getByRole('list', { name: `Steps of “${name}”` }).getByRole('listitem');
const mapLinks = (page: Page) => page.locator('.react-flow__edges [data-chain-link]');
const card = (page: Page, label: string) => page.getByRole('option', { name: label, exact: true });
const cell = (page: Page, row: string, stage: string) => page.getByRole('listbox', { name: `${row} · ${stage}`, exact: true });

async function openClinic(page: Page) {
  await openLibrary(page);
  await createMap(page, 'Clinic journeys', 'Medical clinic');
  await expect(mapNode(page, 'Context ad')).toBeVisible();
  await fitView(page); // the map opens readable around the business; these steps reach across all of it
}

test('the clinic chain, built by clicking, shows numbered links and its weak link; chains hide and show', async ({ page }) => {
  await openClinic(page);

  // The Chains tab shares the right-hand column with the inspector
  await page.getByRole('button', { name: 'Chains', exact: true }).click();
  await expect(page.getByRole('tab', { name: 'Chains' })).toHaveAttribute('aria-selected', 'true');
  // the template's own chains are drawn; hide them to build ours on a clean map
  await expect(chainCard(page, 'First visit')).toBeVisible();
  await expect(mapLinks(page)).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Hide “First visit” on the map' }).click();
  await page.getByRole('button', { name: 'Hide “Repeat visit” on the map' }).click();
  await expect(mapLinks(page)).toHaveCount(0);
  await expect(page.locator('.mind-node.is-weak-link')).toHaveCount(0);

  // a chain without a name is refused with a message
  await page.getByRole('button', { name: 'New chain' }).click();
  const form = page.getByRole('form', { name: 'New chain' });
  await form.getByLabel('Chain name').fill('   ');
  await form.getByRole('button', { name: 'Create and add steps' }).click();
  await expect(form.getByRole('alert')).toHaveText('Give the chain a name.');
  await form.getByLabel('Chain name').fill('Patient walk');
  await form.getByRole('button', { name: 'Create and add steps' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Adding steps to “Patient walk”' })).toBeVisible();

  // click the nine touchpoints in the order a new patient meets them
  await fitView(page);
  for (const label of CLINIC_CHAIN) await mapNode(page, label).click();
  await expect(steps(page, 'Patient walk')).toHaveCount(9);
  await screenshot(page, 'chains-adding-steps');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status').filter({ hasText: 'Adding steps' })).toHaveCount(0);

  // numbered, directed links between consecutive steps, and the weak link marked
  await expect(mapLinks(page)).toHaveCount(8);
  await expect(mapLinks(page).locator('text')).toHaveText(['1', '2', '3', '4', '5', '6', '7', '8']);
  await expect(chainCard(page, 'Patient walk').getByTestId('weak-link')).toHaveText(`Weak link: ${WEAK} (2)`);
  await expect(steps(page, 'Patient walk').nth(5)).toContainText('weak link');
  await expect(mapNode(page, WEAK).locator('.mind-node')).toHaveClass(/is-weak-link/);
  await expect(mapNode(page, WEAK).getByText('weak link')).toBeVisible();
  await expect(page.locator('.mind-node.is-weak-link')).toHaveCount(1);
  await screenshot(page, 'chains-mindmap');

  // hide and show the chain on the map
  await page.getByRole('button', { name: 'Hide “Patient walk” on the map' }).click();
  await expect(mapLinks(page)).toHaveCount(0);
  await expect(page.locator('.mind-node.is-weak-link')).toHaveCount(0);
  await page.getByRole('button', { name: 'Show “Patient walk” on the map' }).click();
  await expect(mapLinks(page)).toHaveCount(8);

  // reorder from the keyboard: Alt+↑ on the focused step 2 makes it step 1; one undo puts it back
  await steps(page, 'Patient walk').nth(1).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(steps(page, 'Patient walk').first()).toContainText('Site page');
  await expect(steps(page, 'Patient walk').first()).toBeFocused();
  await page.keyboard.press(`${mod}+z`);
  await expect(steps(page, 'Patient walk').first()).toContainText('Context ad');
  // remove a step with its button, then undo
  await steps(page, 'Patient walk').nth(8).hover();
  await chainCard(page, 'Patient walk').getByRole('button', { name: 'Remove step 9' }).click();
  await expect(steps(page, 'Patient walk')).toHaveCount(8);
  await page.keyboard.press(`${mod}+z`);
  await expect(steps(page, 'Patient walk')).toHaveCount(9);

  // the same chain is drawn across the grid
  await page.keyboard.press(`${mod}+2`);
  await expect(page.getByRole('region', { name: 'Touchpoint grid' })).toBeVisible();
  await expect(page.locator('.grid-chains [data-chain-link]')).toHaveCount(8);
  await expect(card(page, WEAK)).toHaveClass(/is-weak-link/);
  await screenshot(page, 'chains-grid');
});

test('a card moved in the grid is moved on the mind map, one undo puts it back; keys walk and edit cards; Ctrl/Cmd+1/2/3 switch views', async ({ page }) => {
  await openClinic(page);
  const root = await nodeBox(mapNode(page, 'Clinic journeys'));
  expect((await nodeBox(mapNode(page, 'Waiting room'))).x, 'offline is on the left').toBeLessThan(root.x);

  // Ctrl/Cmd+2: the grid — stages across, Online / Offline down
  await page.keyboard.press(`${mod}+2`);
  await expect(page.getByRole('button', { name: 'Grid', pressed: true })).toBeVisible();
  await expect(cell(page, 'Offline', 'Experience').getByRole('option', { name: 'Waiting room' })).toBeVisible();
  await screenshot(page, 'grid');

  // drag the card to Online · Loyalty
  await card(page, 'Waiting room').dragTo(cell(page, 'Online', 'Loyalty'));
  await expect(cell(page, 'Online', 'Loyalty').getByRole('option', { name: 'Waiting room' })).toBeVisible();
  await expect(cell(page, 'Offline', 'Experience').getByRole('option', { name: 'Waiting room' })).toHaveCount(0);

  // Ctrl/Cmd+1: on the mind map it is on the online side now, under Loyalty
  await page.keyboard.press(`${mod}+1`);
  await expect(page.getByRole('button', { name: 'Mind map', pressed: true })).toBeVisible();
  await fitView(page);
  const rootNow = await nodeBox(mapNode(page, 'Clinic journeys'));
  await expect.poll(async () => (await nodeBox(mapNode(page, 'Waiting room'))).x > rootNow.x + rootNow.width).toBe(true);
  // the selection is shared between the views: the dragged card is the selected node
  await expect(mapNode(page, 'Waiting room').locator('.mind-node')).toHaveClass(/is-selected/);

  // one undo: back offline, in the grid as well
  await page.keyboard.press(`${mod}+z`);
  await expect.poll(async () => (await nodeBox(mapNode(page, 'Waiting room'))).x < rootNow.x).toBe(true);
  await page.keyboard.press(`${mod}+2`);
  await expect(cell(page, 'Offline', 'Experience').getByRole('option', { name: 'Waiting room' })).toBeVisible();

  // keys: arrows walk the cards, Enter edits the label, Tab adds a touchpoint in the cell
  await card(page, 'Context ad').click();
  await expect(card(page, 'Context ad')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(card(page, 'Site page')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  const editor = page.getByRole('textbox', { name: 'Edit label' });
  await expect(editor).toBeFocused();
  await editor.fill('Clinic site page');
  await editor.press('Enter');
  await expect(card(page, 'Clinic site page')).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(editor).toBeFocused();
  await editor.fill('Price list page');
  await editor.press('Enter');
  await expect(cell(page, 'Online', 'Consideration').getByRole('option', { name: 'Price list page' })).toBeVisible();

  // the edits are on the mind map at once
  await page.keyboard.press(`${mod}+1`);
  await expect(mapNode(page, 'Clinic site page')).toHaveCount(1);
  await expect(mapNode(page, 'Price list page')).toHaveCount(1);

  // Ctrl/Cmd+3: the outline
  await page.keyboard.press(`${mod}+3`);
  await expect(page.getByRole('button', { name: 'Outline', pressed: true })).toBeVisible();
  await expect(page.locator('.react-flow')).toHaveCount(0);
  await screenshot(page, 'outline');
  await page.keyboard.press(`${mod}+2`);
  await expect(page.getByRole('region', { name: 'Touchpoint grid' })).toBeVisible();
  await page.keyboard.press(`${mod}+1`);
  await expect(mapNode(page, 'Context ad')).toBeVisible();
});
