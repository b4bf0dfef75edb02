/**
 * A burst of phones while the facilitator works the canvas: Node Yjs clients (as the phone page
 * connects) propose and rate all at once while the facilitator's page pans its map, and the room
 * panel's counts come out exact — every proposal and rating once, a changed rating counted once,
 * the revealed means those of the ratings sent. The timing of the same load at a workshop's scale
 * (30 phones, 150 proposals, 1,500 ratings) is the bench's (`room_facilitator_pan`).
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { startRoomServer, type RoomServer } from '../../electron/main/room/room-server';
import { participantIdOf, propose, rate, readRound, setParticipantName } from '../../shared/room';
import { mapDoc } from '../builders/map-doc';
import { participantClient, synced, until, type RoomClient } from '../unit/room/room-clients';
import { screenshot } from './driver';

const PHONES = 8;
const PROPOSALS = 3;
const TOUCHPOINTS = ['Website', 'Search ad', 'Booking form', 'Phone call', 'Reception', 'Waiting room', 'Doctor', 'Invoice', 'Review site', 'Newsletter'];
const oneDecimal = new Intl.NumberFormat('en', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const sha256 = (b: Uint8Array) => new Uint8Array(createHash('sha256').update(b).digest());

let room: RoomServer;
const phones: RoomClient[] = [];
test.beforeEach(async () => {
  room = await startRoomServer({ host: '127.0.0.1', port: 0, staticDir: path.resolve('dist/renderer') });
});
test.afterEach(async () => {
  for (const phone of phones.splice(0)) phone.close();
  await room.close();
});

/** The clinic's map, stored through the app's own repository (the page's `?bench` hooks), then opened. */
async function openClinic(page: Page) {
  let clinic = mapDoc('Clinic', { preset: 'customer-journey' });
  TOUCHPOINTS.forEach((label, i) => (clinic = clinic.touchpoint(label, { channel: i % 2 ? 'offline' : 'online', stage: 'Awareness' })));
  await page.goto('/?bench#/');
  await page.waitForFunction(() => (window as unknown as { __touchmap?: unknown }).__touchmap !== undefined);
  await page.evaluate((doc) => (window as unknown as { __touchmap: { importDocs(d: unknown[]): Promise<void> } }).__touchmap.importDocs([doc]), clinic.build());
  await page.goto('/#/');
  await page.getByRole('button', { name: /^Open Clinic/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Clinic' })).toBeVisible();
}

/** Drags the canvas's empty pane left and right, a step per `stepMs`, until `done()`; returns how often the view moved. */
async function panUntil(page: Page, done: () => boolean, stepMs = 16): Promise<number> {
  const start = await page.evaluate(() => {
    const rect = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = rect.top + 60; y < rect.bottom - 60; y += 23) {
      for (let x = rect.left + 60; x < rect.right - 60; x += 23) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    }
    throw new Error('no empty spot on the pane');
  });
  const transform = () => page.evaluate(() => document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform);
  let moved = 0;
  let last = await transform();
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  for (let step = 0; !done() || step < 20; step++) {
    await page.mouse.move(start.x - ((step % 20 < 10 ? step % 10 : 10 - (step % 10)) * 12), start.y);
    const now = await transform();
    if (now !== last) moved++;
    last = now;
    await page.waitForTimeout(stepMs);
  }
  await page.mouse.up();
  return moved;
}

test('a burst of phones proposing and rating while the facilitator pans: the panel counts each once, and the means are theirs', async ({ page }) => {
  test.setTimeout(90_000);
  await openClinic(page);
  await page.getByRole('button', { name: 'Room', exact: true }).click();
  const panel = page.getByRole('complementary', { name: 'Workshop room' });
  await panel.getByLabel('Facilitator address').fill(room.ownerUrl);
  await panel.getByRole('button', { name: 'Connect' }).click();
  await expect(panel.getByRole('status').first()).toHaveText('Connected');
  await panel.getByRole('button', { name: 'Choose all' }).click();
  await panel.getByRole('button', { name: `Open round (${TOUCHPOINTS.length})` }).click();

  phones.push(...Array.from({ length: PHONES }, () => participantClient(room)));
  await Promise.all(phones.map((phone) => synced(phone, 20_000)));
  const ids = await Promise.all(phones.map((phone) => participantIdOf(phone.secret!, sha256)));
  await until(() => phones.every((phone) => readRound(phone.doc)?.topicIds.length === TOUCHPOINTS.length), 'the round on every phone', 20_000);
  const topicIds = readRound(phones[0]!.doc)!.topicIds;
  phones.forEach((phone, n) => setParticipantName(phone.doc, ids[n]!, `Phone ${n + 1}`));
  await expect(panel.getByRole('heading', { name: `Participants (${PHONES})` })).toBeVisible();

  // Every phone taps as fast as the socket takes it: a proposal now and then, every touchpoint
  // rated, and its first touchpoint rated again (a changed mind: still one rating).
  const scores = new Map<string, number[]>(topicIds.map((id) => [id, []]));
  const labels: string[] = [];
  let sending = true;
  const burst = (async () => {
    await Promise.all(
      phones.map(async (phone, n) => {
        const id = ids[n]!;
        for (let t = 0; t < topicIds.length; t++) {
          if (t % 3 === 0 && t / 3 < PROPOSALS) {
            const label = `Idea ${n + 1}.${t / 3 + 1}`;
            labels.push(label);
            propose(phone.doc, id, `x${t}`, { label, createdAt: new Date().toISOString() });
          }
          rate(phone.doc, id, topicIds[t]!, { score: (n + 2 * t) % 11 });
          await new Promise((r) => setTimeout(r, 5));
        }
        const again = (n + 5) % 11;
        rate(phone.doc, id, topicIds[0]!, { score: again });
        topicIds.forEach((topicId, t) => scores.get(topicId)!.push(t === 0 ? again : (n + 2 * t) % 11));
      }),
    );
    sending = false;
  })();
  const moved = await panUntil(page, () => !sending);
  await burst;
  expect(moved).toBeGreaterThan(5);

  const ratings = PHONES * TOUCHPOINTS.length;
  await expect(panel.getByRole('heading', { name: `Proposed touchpoints (${PHONES * PROPOSALS})` })).toBeVisible();
  await expect(panel.getByText(`${ratings} ratings · from ${PHONES} participants`)).toBeVisible();
  const inbox = panel.locator('.room-inbox > li');
  await expect(inbox).toHaveCount(PHONES * PROPOSALS);
  expect((await inbox.evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')))).sort()).toEqual([...labels].sort());
  for (const [width, height, colorScheme] of [[1440, 900, 'light'], [1280, 720, 'dark'], [1440, 900, 'dark'], [1280, 720, 'light']] as const) {
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme });
    await panel.getByRole('heading', { name: /^Proposed touchpoints/ }).scrollIntoViewIfNeeded();
    await screenshot(page, `room-load-panel-${width}-${colorScheme}`);
  }

  // The merge picker lists the map's touchpoints once it is used, not in every waiting row: 24 rows
  // × every touchpoint of a workshop's map were too many options for the page to keep re-rendering.
  await expect(panel.locator('.room-inbox option')).toHaveCount(PHONES * PROPOSALS);
  const picker = panel.getByLabel('Touchpoint to merge “Idea 1.1” into');
  await picker.focus();
  await expect(picker.locator('option')).toHaveCount(TOUCHPOINTS.length + 1);
  await picker.selectOption({ label: 'Website' });
  await panel.getByRole('listitem', { name: 'Idea 1.1' }).getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(panel.getByRole('heading', { name: `Proposed touchpoints (${PHONES * PROPOSALS - 1})` })).toBeVisible();
  await expect(panel.getByRole('listitem', { name: 'Idea 1.1' })).toHaveCount(0);

  // Revealed: each touchpoint's mean and count are those of the ratings the phones sent.
  await panel.getByRole('button', { name: 'Reveal' }).click();
  for (const [i, label] of TOUCHPOINTS.entries()) {
    const given = scores.get(topicIds[i]!)!;
    const mean = given.reduce((sum, s) => sum + s, 0) / given.length;
    await expect(panel.getByRole('row', { name: new RegExp(`^${label}`) })).toContainText(`${oneDecimal.format(mean)} (${PHONES})`);
  }
  expect(phones.every((phone) => phone.refusals.length === 0)).toBe(true);
});
