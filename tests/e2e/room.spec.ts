/**
 * The live workshop room end to end, on the loopback: the room server started by the test, the
 * facilitator's app and two participants' phones as separate browser contexts.
 */
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import path from 'node:path';
import { startRoomServer, type RoomServer } from '../../electron/main/room/room-server';
import { createMap, node, openLibrary, screenshot, SCREENSHOTS, waitSaved } from './driver';
import { asId } from '../builders/ids';

const PHONE = { width: 360, height: 740 };
let room: RoomServer;

test.beforeEach(async () => {
  room = await startRoomServer({ host: '127.0.0.1', port: 0, staticDir: path.resolve('dist/renderer') });
});
test.afterEach(async () => {
  await room.close();
});

async function phone(browser: Browser, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, colorScheme });
  const page = await context.newPage();
  await page.goto(room.participantUrl);
  return { context, page };
}

async function connectFacilitator(page: Page, address: string) {
  await page.getByRole('button', { name: 'Room', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Workshop room' });
  await panel.getByLabel('Facilitator address').fill(address);
  await panel.getByRole('button', { name: 'Connect' }).click();
  return panel;
}

test('a workshop: propose → accept → rate → reveal → apply → undo', async ({ page, browser }) => {
  await openLibrary(page);
  await createMap(page, 'Corner cafe');
  const panel = await connectFacilitator(page, room.ownerUrl);
  await expect(panel.getByRole('status').first()).toHaveText('Connected');
  await expect(panel.getByLabel('Participant address')).toHaveText(room.participantUrl);
  await expect(panel.getByRole('img', { name: `QR code of ${room.participantUrl}` })).toBeVisible();

  const ann = await phone(browser);
  const bob = await phone(browser, 'dark');
  for (const p of [ann.page, bob.page]) await expect(p.getByRole('heading', { level: 1, name: 'Corner cafe' })).toBeVisible();
  await ann.page.getByLabel('Name (optional)').fill('Ann');
  await ann.page.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByRole('heading', { name: 'Participants (2)' })).toBeVisible();

  // Ann proposes a touchpoint; the facilitator adds it to the map at its stage and channel.
  await ann.page.getByLabel('Touchpoint', { exact: true }).fill('Loyalty app');
  await ann.page.getByLabel('Stage', { exact: true }).selectOption({ label: 'Loyalty' });
  await ann.page.getByLabel('Channel', { exact: true }).selectOption({ label: 'Online' });
  await ann.page.getByLabel('Note (optional)').fill('Stamps on the phone');
  await ann.page.getByRole('button', { name: 'Send to the facilitator' }).click();
  await expect(ann.page.getByText('Sent. The facilitator will look at it.')).toBeVisible();
  const item = panel.getByRole('listitem', { name: 'Loyalty app' });
  await expect(item).toContainText('Loyalty · Online · from Ann');
  await screenshot(page, 'room-facilitator-inbox-1440');
  await item.getByRole('button', { name: 'Add “Loyalty app” to the map' }).click();
  await expect(node(page, 'Loyalty app')).toBeVisible();
  await expect(ann.page.getByText('Loyalty app — added to the map')).toBeVisible();
  await expect(bob.page.getByRole('list', { name: 'Loyalty' }).getByText('Loyalty app')).toBeVisible();

  // A round on the new touchpoint: both rate it, the count is live, the scores stay hidden.
  await panel.getByRole('checkbox', { name: 'Loyalty app' }).check();
  await panel.getByRole('button', { name: 'Open round (1)' }).click();
  await ann.page.getByRole('radiogroup', { name: 'Score for Loyalty app' }).getByRole('radio', { name: '8' }).click();
  await ann.page.getByRole('radiogroup', { name: 'Importance of Loyalty app' }).getByRole('radio', { name: '6' }).click();
  await bob.page.getByRole('radiogroup', { name: 'Score for Loyalty app' }).getByRole('radio', { name: '5' }).click();
  await expect(panel.getByText('2 ratings · from 2 participants')).toBeVisible();
  await expect(panel.getByRole('table')).toHaveCount(0);
  await screenshot(ann.page, 'room-phone-rating-light');
  await screenshot(bob.page, 'room-phone-rating-dark');

  await panel.getByRole('button', { name: 'Reveal' }).click();
  const row = panel.getByRole('row', { name: /Loyalty app/ });
  await expect(row).toContainText('6.5');
  await expect(row).toContainText('±1.5 · 5–8');
  await expect(row.getByRole('img', { name: 'Scores given: 5: 1, 8: 1' })).toBeVisible();
  await screenshot(page, 'room-facilitator-revealed-1440');

  // Apply: the mean (rounded) becomes the score, in one step that Undo takes back.
  await panel.getByRole('button', { name: 'Apply means as scores' }).click();
  await expect(node(page, 'Loyalty app').locator('.score-badge')).toHaveText('7');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(node(page, 'Loyalty app').locator('.score-badge')).toHaveCount(0);
  await expect(node(page, 'Loyalty app')).toBeVisible();

  // Phones follow the slide on the projector while the map is presented: the whole map, then a stage.
  await page.keyboard.press('F5');
  await expect(bob.page.getByLabel('Current slide')).toHaveText(/^Slide 1 of \d+: Corner cafe$/);
  await page.keyboard.press('ArrowRight');
  await expect(bob.page.getByLabel('Current slide')).toHaveText(/^Slide 2 of \d+: Awareness$/);
  await page.keyboard.press('Escape');
  await expect(bob.page.getByLabel('Current slide')).toHaveCount(0);

  // Closing the room ends it on every phone.
  await panel.getByRole('button', { name: 'Close room…' }).click();
  await panel.getByRole('button', { name: 'End the room for everyone' }).click();
  await expect(ann.page.getByRole('heading', { name: 'The room has ended' })).toBeVisible();
  await screenshot(ann.page, 'room-phone-ended');
  await ann.context.close();
  await bob.context.close();
});

test('a wrong token is refused, for the facilitator and for a phone', async ({ page, browser }) => {
  await openLibrary(page);
  await createMap(page, 'Corner cafe');
  const wrong = room.ownerUrl.replace(/token=[0-9a-f]+/, `token=${'0'.repeat(32)}`);
  const panel = await connectFacilitator(page, wrong);
  await expect(panel.getByRole('alert')).toHaveText('The room refused this address: the token is wrong, or the room is not running.');
  const context = await browser.newContext({ viewport: PHONE });
  const intruder = await context.newPage();
  await intruder.goto(room.participantUrl.replace(/token=[0-9a-f]+/, `token=${'1'.repeat(32)}`));
  await expect(intruder.getByRole('status')).toHaveText(/Offline/);
  await intruder.waitForTimeout(500);
  expect(room.connectionCount()).toBe(0);
  await context.close();
});

for (const [width, height, scheme] of [[1280, 720, 'dark'], [1440, 900, 'dark'], [1280, 720, 'light']] as const) {
  test(`the room panel fits the window at ${width}×${height}, ${scheme}`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme });
    const page = await context.newPage();
    await openLibrary(page);
    await createMap(page, 'Corner cafe');
    const panel = await connectFacilitator(page, room.ownerUrl);
    await expect(panel.getByLabel('Participant address')).toHaveText(room.participantUrl);
    const box = await panel.boundingBox();
    expect(box).not.toBeNull();
    // Inside the window, below the toolbar, and scrolled on its own: the controls at its end are reachable.
    expect(box!.y + box!.height).toBeLessThanOrEqual(height);
    expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    await panel.getByRole('button', { name: 'Disconnect this app' }).scrollIntoViewIfNeeded();
    await expect(panel.getByRole('button', { name: 'Disconnect this app' })).toBeInViewport();
    await panel.getByRole('heading', { name: 'Join on a phone' }).scrollIntoViewIfNeeded();
    await screenshot(page, `room-panel-${width}-${scheme}`);
    await context.close();
  });
}

test('the phone page passes the axe checks, light and dark, with a round open', async ({ browser }) => {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  const { openRound, publish } = await import('../../shared/room');
  publish(room.doc, { title: 'Corner cafe', locale: 'en', stages: [{ id: asId.stage('s1'), name: 'Awareness' }], touchpoints: [{ id: asId.topic('t1'), label: 'Website', stageId: asId.stage('s1'), channel: 'online' }], chains: [] });
  openRound(room.doc, { id: 'r1', topicIds: [asId.topic('t1')] });
  for (const scheme of ['light', 'dark'] as const) {
    const { context, page } = await phone(browser, scheme);
    await expect(page.getByRole('radiogroup', { name: 'Score for Website' })).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await context.close();
  }
});

test('a phone rating made while the room was down arrives when it is back', async ({ page, browser }) => {
  const { mkdtemp, rm } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const dataDir = await mkdtemp(path.join(tmpdir(), 'room-e2e-'));
  await room.close();
  room = await startRoomServer({ host: '127.0.0.1', port: 0, staticDir: path.resolve('dist/renderer'), dataDir, persistDelayMs: 10 });
  const port = room.port;
  await openLibrary(page);
  await createMap(page, 'Corner cafe');
  await page.getByRole('button', { name: 'Room', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Workshop room' });
  await panel.getByLabel('Facilitator address').fill(room.ownerUrl);
  await panel.getByRole('button', { name: 'Connect' }).click();
  // A touchpoint to rate: added through the room's inbox keeps this test about the room.
  const ann = await phone(browser);
  await ann.page.getByLabel('Touchpoint', { exact: true }).fill('Loyalty app');
  await ann.page.getByRole('button', { name: 'Send to the facilitator' }).click();
  await panel.getByRole('button', { name: 'Add “Loyalty app” to the map' }).click();
  await panel.getByRole('checkbox', { name: 'Loyalty app' }).check();
  await panel.getByRole('button', { name: 'Open round (1)' }).click();
  await expect(ann.page.getByRole('radiogroup', { name: 'Score for Loyalty app' })).toBeVisible();

  // The room goes down (the facilitator's laptop restarts its server); Ann rates meanwhile.
  await room.close();
  await expect(ann.page.getByRole('status').first()).toHaveText(/Offline/);
  await ann.page.getByRole('radiogroup', { name: 'Score for Loyalty app' }).getByRole('radio', { name: '9' }).click();
  await expect(ann.page.getByRole('radiogroup', { name: 'Score for Loyalty app' }).getByRole('radio', { name: '9' })).toHaveAttribute('aria-checked', 'true');

  // Back on the same port with the same token and state: both reconnect by themselves.
  room = await startRoomServer({ host: '127.0.0.1', port, staticDir: path.resolve('dist/renderer'), dataDir, persistDelayMs: 10 });
  await expect(ann.page.getByRole('status').first()).toHaveText('Connected', { timeout: 15_000 });
  await expect(panel.getByText('1 rating · from 1 participant')).toBeVisible({ timeout: 15_000 });
  await ann.context.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('the facilitator reloads the page mid-round: the panel comes back connected, the round and its count still there', async ({ page, browser }) => {
  await openLibrary(page);
  await createMap(page, 'Corner cafe');
  const panel = await connectFacilitator(page, room.ownerUrl);
  await expect(panel.getByRole('status').first()).toHaveText('Connected');
  const ann = await phone(browser);
  const bob = await phone(browser);
  await ann.page.getByLabel('Touchpoint', { exact: true }).fill('Loyalty app');
  await ann.page.getByRole('button', { name: 'Send to the facilitator' }).click();
  await panel.getByRole('button', { name: 'Add “Loyalty app” to the map' }).click();
  await panel.getByRole('checkbox', { name: 'Loyalty app' }).check();
  await panel.getByRole('button', { name: 'Open round (1)' }).click();
  await ann.page.getByRole('radiogroup', { name: 'Score for Loyalty app' }).getByRole('radio', { name: '8' }).click();
  await expect(panel.getByText('1 rating · from 1 participant')).toBeVisible();
  await expect(node(page, 'Loyalty app')).toBeVisible();
  await waitSaved(page); // the accepted touchpoint is in the map's storage, as it is a moment after any edit

  // A reload (a crash of the page, a stray F5): the map reopens and the room with it, no address typed.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Corner cafe' })).toBeVisible();
  await expect(node(page, 'Loyalty app')).toBeVisible();
  const again = page.getByRole('complementary', { name: 'Workshop room' });
  await expect(again.getByRole('status').first()).toHaveText('Connected');
  await expect(again.getByText('1 rating · from 1 participant')).toBeVisible();
  // the round goes on: a second rating counts, and Reveal shows both
  await bob.page.getByRole('radiogroup', { name: 'Score for Loyalty app' }).getByRole('radio', { name: '6' }).click();
  await expect(again.getByText('2 ratings · from 2 participants')).toBeVisible();
  await again.getByRole('button', { name: 'Reveal' }).click();
  await expect(again.getByRole('row', { name: /Loyalty app/ })).toContainText('7.0');

  // Leaving the room ends the resuming: the next reload opens the map alone.
  await again.getByRole('button', { name: 'Disconnect this app' }).click();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Corner cafe' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Workshop room' })).toHaveCount(0);
  await ann.context.close();
  await bob.context.close();
});

/** A phone in `locale` with the room's map published and a round open, as a workshop has it mid-way. */
async function localPhone(browser: Browser, locale: string, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: PHONE, colorScheme, locale });
  const page = await context.newPage();
  // every text the page ever shows, from before its first render
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { seenTexts: string[] }).seenTexts = seen;
    new MutationObserver(() => seen.push(document.body?.innerText ?? '')).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await page.goto(room.participantUrl);
  return { context, page };
}

async function publishCafe(title: string, stage: string, touchpoint: string) {
  const { openRound, publish } = await import('../../shared/room');
  publish(room.doc, { title, locale: 'en', stages: [{ id: asId.stage('s1'), name: stage }], touchpoints: [{ id: asId.topic('t1'), label: touchpoint, stageId: asId.stage('s1'), channel: 'online' }], chains: [] });
  openRound(room.doc, { id: 'r1', topicIds: [asId.topic('t1')] });
}

/** Nothing wider than the phone: no sideways scrolling, no text cut at the right edge. */
async function expectFitsPhone(page: Page) {
  const overflow = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    wide: [...document.querySelectorAll('main *')].filter((el) => el.getBoundingClientRect().right > window.innerWidth + 0.5).map((el) => el.outerHTML.slice(0, 80)),
  }));
  expect(overflow.wide).toEqual([]);
  expect(overflow.page).toBeLessThanOrEqual(PHONE.width);
}

test('a Japanese phone shows the room page in Japanese from its first frame, at 360 px, light and dark', async ({ browser }) => {
  await publishCafe('角のカフェ', '認知', 'ウェブサイト');
  for (const scheme of ['light', 'dark'] as const) {
    const { context, page } = await localPhone(browser, 'ja-JP', scheme);
    await expect(page.getByRole('heading', { level: 1, name: '角のカフェ' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page).toHaveTitle('Touchmap ワークショップ');
    await expect(page.getByRole('radiogroup', { name: '「ウェブサイト」のスコア' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'ファシリテーターに送る' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: '言語' })).toHaveValue('ja');
    const seen = await page.evaluate(() => (window as unknown as { seenTexts: string[] }).seenTexts);
    expect(seen.filter((text) => /Send to the facilitator|Your name|Connecting…/.test(text))).toEqual([]);
    await expectFitsPhone(page);
    await page.screenshot({ path: `${SCREENSHOTS}/room-phone-ja-${scheme}.png`, fullPage: true });
    await context.close();
  }
});

test('a Russian phone speaks Russian with its plurals; the language picker switches to English and the phone remembers it', async ({ browser }) => {
  await publishCafe('Кофейня на углу', 'Осведомлённость', 'Сайт');
  for (const scheme of ['light', 'dark'] as const) {
    const { context, page } = await localPhone(browser, 'ru-RU', scheme);
    await expect(page.getByRole('heading', { level: 2, name: 'Оцените эти точки контакта' })).toBeVisible();
    await expect(page.getByRole('status').first()).toHaveText('Подключено');
    await expect(page.getByLabel('Точка контакта', { exact: true })).toBeVisible();
    await expectFitsPhone(page);
    await page.screenshot({ path: `${SCREENSHOTS}/room-phone-ru-${scheme}.png`, fullPage: true });
    if (scheme === 'dark') {
      await page.getByRole('combobox', { name: 'Язык' }).selectOption('en');
      await expect(page.getByRole('heading', { level: 2, name: 'Rate these touchpoints' })).toBeVisible();
      await expect(page).toHaveTitle('Touchmap workshop');
      await page.reload();
      await expect(page.getByRole('button', { name: 'Send to the facilitator' })).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    }
    await context.close();
  }
});

test.describe('on a Russian computer', () => {
  test.use({ locale: 'ru-RU' });

  test('the facilitator runs the room in Russian: the panel, the inbox and the round’s count in Russian plurals', async ({ browser }) => {
    for (const [width, height, scheme] of [[1440, 900, 'light'], [1280, 720, 'dark']] as const) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: scheme, locale: 'ru-RU' });
      const page = await context.newPage();
      await page.goto('/');
      await expect(page.getByRole('heading', { level: 1, name: 'Ваши карты' })).toBeVisible();
      await page.getByRole('button', { name: 'Новая карта' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Новая карта' });
      await dialog.getByLabel('Название бизнеса или карты').fill('Кофейня');
      await dialog.getByRole('button', { name: 'Создать карту' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Кофейня' })).toBeVisible();
      await page.getByRole('button', { name: 'Комната', exact: true }).click();
      const panel = page.getByRole('complementary', { name: 'Комната воркшопа' });
      await panel.getByLabel('Адрес фасилитатора').fill(room.ownerUrl);
      await panel.getByRole('button', { name: 'Подключиться' }).click();
      await expect(panel.getByRole('status').first()).toHaveText('Подключено');
      await expect(panel.getByRole('heading', { name: 'Участники (0)' })).toBeVisible();

      const ann = await localPhone(browser, 'ru-RU');
      await ann.page.getByLabel('Точка контакта', { exact: true }).fill('Приложение лояльности');
      await ann.page.getByRole('button', { name: 'Отправить фасилитатору' }).click();
      await expect(ann.page.getByText('Отправлено. Фасилитатор рассмотрит предложение.')).toBeVisible();
      await panel.getByRole('button', { name: 'Добавить «Приложение лояльности» на карту' }).click();
      await panel.getByRole('checkbox', { name: 'Приложение лояльности' }).check();
      await panel.getByRole('button', { name: 'Начать раунд (1)' }).click();
      await ann.page.getByRole('radiogroup', { name: 'Оценка: Приложение лояльности' }).getByRole('radio', { name: '8' }).click();
      await expect(panel.getByText('1 оценка · от 1 участника')).toBeVisible();
      await panel.getByRole('heading', { name: 'Раунд оценки' }).scrollIntoViewIfNeeded();
      await screenshot(page, `room-panel-ru-${width}-${scheme}`);
      await panel.getByRole('button', { name: 'Показать результаты' }).click();
      await expect(panel.getByRole('button', { name: 'Применить средние как оценки' })).toBeVisible();
      // the mean with the Russian decimal comma
      await expect(panel.getByRole('row', { name: /Приложение лояльности/ })).toContainText('8,0 (1)');
      await screenshot(page, `room-panel-ru-results-${width}-${scheme}`);
      await ann.context.close();
      await context.close();
      // A fresh room for the next window size: the same room would still hold this round.
      await room.close();
      room = await startRoomServer({ host: '127.0.0.1', port: 0, staticDir: path.resolve('dist/renderer') });
    }
  });
});
