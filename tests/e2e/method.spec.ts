/**
 * The touchpoint method end to end: templates in the map's language, every field
 * of a touchpoint in the inspector, editing many at once, and the map's own stages, segments and
 * competitors in map settings.
 */
import { expect, test, type Page } from '@playwright/test';
import { createMap, fitView, mod, node, nodeBox, openLibrary, screenshot, stageGroup, typeLabel, waitSaved } from './driver';

const inspectorOf = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

/** Opens a collapsed inspector section (sections remember their state, so only when closed). */
async function openSection(page: Page, title: string): Promise<void> {
  const section = inspectorOf(page).locator('details', { has: page.locator('summary', { hasText: title }) });
  if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  await expect(section).toHaveAttribute('open', '');
}

async function addTouchpoint(page: Page, channel: 'online' | 'offline', stage: string, label: string): Promise<void> {
  await fitView(page);
  await stageGroup(page, channel, stage).click();
  await page.keyboard.press('Tab');
  await typeLabel(page, label);
}

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Map settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Map settings' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('the clinic template in Korean opens as a complete Korean map, and stays after a reload', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New map' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByLabel('Map language').selectOption('ko');
  await dialog.getByRole('radio', { name: /Medical clinic/ }).check();
  await expect(dialog.getByText('Leave the title empty to call it “의료 클리닉”.')).toBeVisible();
  await screenshot(page, 'method-new-map-dialog');
  await dialog.getByRole('button', { name: 'Create map' }).click();

  await expect(page.getByRole('heading', { level: 1, name: '의료 클리닉' })).toBeVisible();
  await fitView(page);
  for (const label of ['검색 광고', '웹사이트 페이지', '전화 예약', '의사 진료 상담']) await expect(node(page, label)).toBeVisible();
  await expect(stageGroup(page, 'online', '인지')).toBeVisible();
  await expect(stageGroup(page, 'offline', '구매')).toBeVisible();
  await screenshot(page, 'method-clinic-ko');

  // the template's ratings and hints are there: the site page gets the website checklist, in Korean
  await node(page, '웹사이트 페이지').click();
  const inspector = inspectorOf(page);
  await expect(inspector.getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { name: '6' })).toHaveAttribute('aria-checked', 'true');
  await expect(inspector.getByRole('note', { name: 'What to check' })).toContainText('로딩 속도');
  await screenshot(page, 'method-inspector-ko');

  await waitSaved(page);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '의료 클리닉' })).toBeVisible();
  await expect(node(page, '검색 광고')).toBeVisible();
});

test('a blank map still asks for a title, and the preset stages follow the chosen language', async ({ page }) => {
  await openLibrary(page);
  await page.getByRole('button', { name: 'New map' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'New map' });
  await dialog.getByLabel('Map language').selectOption('ru');
  await expect(dialog.getByRole('radio', { name: /Before · during · after/ })).toBeVisible();
  await dialog.getByRole('radio', { name: /Before · during · after/ }).check();
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Give the map a title.');
  await dialog.getByLabel('Business or map title').fill('Кофейня');
  await dialog.getByRole('button', { name: 'Create map' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Кофейня' })).toBeVisible();
  await expect(stageGroup(page, 'online', 'До покупки')).toBeVisible();
});

test('every field of a touchpoint is edited in the inspector and is all back after a reload', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Harbour hotel');
  // a segment and a competitor to rate against, named in map settings
  const settings = await openSettings(page);
  await settings.getByLabel('New segment').fill('Business travellers');
  await settings.getByRole('button', { name: 'Add segment' }).click();
  await settings.getByLabel('New competitor').fill('Grand Hotel');
  await settings.getByLabel('New competitor').press('Enter');
  await expect(settings.getByLabel('Competitor 1 name')).toHaveValue('Grand Hotel');
  await settings.getByRole('button', { name: 'Done' }).click();

  await addTouchpoint(page, 'online', 'Awareness', 'Website');
  await node(page, 'Website').click();
  const inspector = inspectorOf(page);
  await expect(inspector.getByRole('note', { name: 'What to check' })).toContainText('Load speed');

  // Basics
  await inspector.getByLabel('Stage').selectOption({ label: 'Consideration' });
  await inspector.getByLabel('Kind').selectOption('communication');
  await inspector.getByRole('checkbox', { name: 'Business travellers' }).check();
  await inspector.getByLabel('Notes').fill('Booking button below the fold');
  await inspector.getByLabel('Notes').blur();
  // Ratings
  await inspector.getByRole('radiogroup', { name: 'Importance (1–10)' }).getByRole('radio', { name: '9' }).click();
  await inspector.getByRole('radiogroup', { name: 'Our score (0–10)' }).getByRole('radio', { name: '8' }).click();
  await expect(inspector.getByTestId('band-word').first()).toHaveText('wow');
  await inspector.getByRole('radiogroup', { name: 'Grand Hotel (0–10)' }).getByRole('radio', { name: '3' }).click();
  await inspector.getByRole('radiogroup', { name: 'Reaction' }).getByRole('radio', { name: 'Positive' }).click();
  // Action
  await inspector.getByLabel('What to do').fill('Move the booking button up');
  await inspector.getByLabel('What to do').blur();
  await inspector.getByLabel('Owner').fill('Web team');
  await inspector.getByLabel('Owner').press('Enter');
  await inspector.getByLabel('Due date').fill('2026-12-15');
  await inspector.getByRole('radiogroup', { name: 'Status' }).getByRole('radio', { name: 'Doing' }).click();
  // Details
  await openSection(page, 'Details');
  await inspector.getByRole('radiogroup', { name: 'Attention span' }).getByRole('radio', { name: 'Long' }).click();
  await inspector.getByRole('radiogroup', { name: 'Lifespan' }).getByRole('radio', { name: 'Repeated' }).click();
  for (const [label, value] of [
    ['Responsible team', 'Marketing'],
    ['Supporting process', 'Online booking'],
    ['Desired outcome', 'A booked room'],
    ['Data it generates', 'Visits, bookings'],
  ] as const) {
    // a text field commits when it is left, as a person tabs on to the next one
    await inspector.getByLabel(label).fill(value);
    await inspector.getByLabel(label).blur();
  }
  await screenshot(page, 'method-inspector-all-fields');
  await expect(node(page, 'Website').locator('.score-badge')).toHaveText('8');

  await waitSaved(page);
  await page.reload();
  await fitView(page);
  await node(page, 'Website').click();
  await expect(inspector.getByLabel('Channel')).toHaveValue('online');
  await expect(inspector.getByLabel('Stage').locator('option:checked')).toHaveText('Consideration');
  await expect(inspector.getByLabel('Kind')).toHaveValue('communication');
  await expect(inspector.getByRole('checkbox', { name: 'Business travellers' })).toBeChecked();
  await expect(inspector.getByLabel('Notes')).toHaveValue('Booking button below the fold');
  const checked = (group: string, value: string) => expect(inspector.getByRole('radiogroup', { name: group }).getByRole('radio', { name: value })).toHaveAttribute('aria-checked', 'true');
  await checked('Importance (1–10)', '9');
  await checked('Our score (0–10)', '8');
  await checked('Grand Hotel (0–10)', '3');
  await checked('Reaction', 'Positive');
  await expect(inspector.getByLabel('What to do')).toHaveValue('Move the booking button up');
  await expect(inspector.getByLabel('Owner')).toHaveValue('Web team');
  await expect(inspector.getByLabel('Due date')).toHaveValue('2026-12-15');
  await checked('Status', 'Doing');
  await openSection(page, 'Details');
  await checked('Attention span', 'Long');
  await checked('Lifespan', 'Repeated');
  await expect(inspector.getByLabel('Responsible team')).toHaveValue('Marketing');
  await expect(inspector.getByLabel('Supporting process')).toHaveValue('Online booking');
  await expect(inspector.getByLabel('Desired outcome')).toHaveValue('A booked room');
  await expect(inspector.getByLabel('Data it generates')).toHaveValue('Visits, bookings');
});

test('two touchpoints selected with shift-click get one reaction at once, shown as mixed before', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Bakery');
  await addTouchpoint(page, 'online', 'Awareness', 'Instagram page');
  await addTouchpoint(page, 'offline', 'Purchase', 'Counter');
  const inspector = inspectorOf(page);
  const reaction = inspector.getByRole('radiogroup', { name: 'Reaction' });
  await node(page, 'Counter').click();
  await reaction.getByRole('radio', { name: 'Positive' }).click();

  await fitView(page);
  await node(page, 'Instagram page').click();
  await node(page, 'Counter').click({ modifiers: ['Shift'] });
  await expect(inspector.getByRole('status')).toHaveText('2 touchpoints selected');
  await expect(inspector.locator('.field').filter({ has: page.getByRole('radiogroup', { name: 'Reaction' }) }).getByText('mixed')).toBeVisible();
  await screenshot(page, 'method-multi-select');
  await reaction.getByRole('radio', { name: 'Negative' }).click();
  await expect(reaction.getByRole('radio', { name: 'Negative' })).toHaveAttribute('aria-checked', 'true');

  for (const label of ['Instagram page', 'Counter']) {
    await node(page, label).click();
    await expect(reaction.getByRole('radio', { name: 'Negative' }), label).toHaveAttribute('aria-checked', 'true');
  }
  // one undo step took both back
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press(`${mod}+z`);
  await node(page, 'Counter').click();
  await expect(reaction.getByRole('radio', { name: 'Positive' })).toHaveAttribute('aria-checked', 'true');
  await node(page, 'Instagram page').click();
  await expect(reaction.getByRole('radio')).toHaveCount(3);
  for (const radio of await reaction.getByRole('radio').all()) await expect(radio).toHaveAttribute('aria-checked', 'false');
});

test('map settings add, rename, reorder and remove stages; the mind map follows and undo brings them back', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Bike shop');
  await addTouchpoint(page, 'offline', 'Purchase', 'Checkout desk');

  await page.keyboard.press(`${mod}+,`);
  const settings = page.getByRole('dialog', { name: 'Map settings' });
  await expect(settings).toBeVisible();

  // bad names are refused with a message and change nothing
  await settings.getByLabel('New stage').fill('Loyalty');
  await settings.getByRole('button', { name: 'Add stage' }).click();
  await expect(settings.getByRole('alert')).toHaveText('There is already a stage “Loyalty”.');
  await settings.getByLabel('Stage 1 name').fill('   ');
  await settings.getByLabel('Stage 1 name').press('Enter');
  await expect(settings.getByRole('alert')).toHaveText('A stage needs a name.');
  await expect(settings.getByLabel('Stage 1 name')).toHaveValue('Awareness');

  // add, rename, reorder
  await settings.getByLabel('New stage').fill('Onboarding');
  await settings.getByLabel('New stage').press('Enter');
  await expect(settings.getByLabel('Stage 7 name')).toHaveValue('Onboarding');
  await settings.getByLabel('Stage 1 name').fill('Discovery');
  await settings.getByLabel('Stage 1 name').press('Enter');
  for (let i = 0; i < 3; i += 1) await settings.getByRole('button', { name: 'Move “Onboarding” earlier' }).click();
  await expect(settings.getByLabel('Stage 4 name')).toHaveValue('Onboarding');
  await screenshot(page, 'method-map-settings');

  // remove a stage that holds a touchpoint: it asks where the touchpoint goes
  await settings.getByRole('button', { name: 'Remove stage “Purchase”' }).click();
  const confirm = settings.getByRole('group', { name: 'Remove stage “Purchase”' });
  await confirm.getByLabel('“Purchase” holds a touchpoint. Move it to').selectOption({ label: 'Experience' });
  await screenshot(page, 'method-map-settings-remove');
  await confirm.getByRole('button', { name: 'Remove stage' }).click();
  await expect(settings.getByLabel('Stage 3 name')).toHaveValue('Onboarding');
  await settings.getByRole('button', { name: 'Done' }).click();

  await fitView(page);
  await expect(stageGroup(page, 'online', 'Discovery')).toBeVisible();
  await expect(stageGroup(page, 'online', 'Awareness')).toHaveCount(0);
  await expect(stageGroup(page, 'online', 'Purchase')).toHaveCount(0);
  const onboarding = await nodeBox(stageGroup(page, 'online', 'Onboarding'));
  const experience = await nodeBox(stageGroup(page, 'online', 'Experience'));
  expect(onboarding.y, 'Onboarding comes before Experience').toBeLessThan(experience.y);
  await node(page, 'Checkout desk').click();
  await expect(inspectorOf(page).getByLabel('Stage').locator('option:checked')).toHaveText('Experience');

  // undo: the stage comes back with its touchpoint
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.getByRole('button', { name: 'Undo' }).click();
  await fitView(page);
  await expect(stageGroup(page, 'offline', 'Purchase')).toBeVisible();
  await node(page, 'Checkout desk').click();
  await expect(inspectorOf(page).getByLabel('Stage').locator('option:checked')).toHaveText('Purchase');
  await waitSaved(page);
});
