/**
 * room_facilitator_pan: the facilitator's canvas while a room works. The built renderer opens a
 * generated map, the facilitator connects the room panel to a room server the bench started (the
 * `npm run room` module, its own process) and opens a rating round on 50 touchpoints through the
 * panel; then 30 Node phones each propose 5 touchpoints and rate the 50, spread over a window,
 * while the page pans its canvas without a pause. Before the room is joined, the same page pans
 * as long with the panel open (the same canvas size): the figure's baseline.
 *
 * Kept apart from run.mjs, which passes in its page helpers; timings stay in the bench, the panel's
 * exact counts are also checked by tests/e2e/room-load.spec.ts at a small scale.
 */
import { writeFileSync } from 'node:fs';

/** The workshop: 30 phones, 5 proposals and 50 ratings each. */
export const ROOM_LOAD = { participants: 30, proposals: 5, topics: 50 };

/** Pans back to back for `ms` (each pan: `steps` frames out and back); returns every frame time. */
async function panFor(page, ms, steps, dx) {
  return page.evaluate(
    async ([duration, s, d]) => {
      const frames = [];
      const end = performance.now() + duration;
      while (performance.now() < end) frames.push(...(await window.__bench.pan(s, d)));
      return frames;
    },
    [ms, steps, dx],
  );
}

/**
 * The page's main thread CPU time so far, ms (CDP's ThreadTime): on a machine other work shares,
 * frame times stretch with the neighbours' load, while the CPU the page itself spent does not.
 */
async function mainThreadMs(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const time = metrics.find((metric) => metric.name === 'ThreadTime')?.value;
  if (typeof time !== 'number') throw new Error('this Chromium reports no ThreadTime metric');
  return time * 1000;
}

/** What the panel shows: participants, proposals waiting, ratings and raters of the open round, and the inbox's labels. */
function panelCounts() {
  const number = (text, pattern) => {
    const match = pattern.exec(text ?? '');
    return match ? Number(match[1].replace(/\D/g, '')) : -1;
  };
  const round = document.querySelector('.room-round-live [role="status"]')?.textContent ?? '';
  return {
    participants: number(document.getElementById('room-people')?.textContent, /\(([\d,.\s]+)\)/),
    proposals: number(document.getElementById('room-inbox')?.textContent, /\(([\d,.\s]+)\)/),
    ratings: number(round, /^([\d,.\s]+) rating/),
    raters: number(round, /from ([\d,.\s]+) participant/),
    labels: [...document.querySelectorAll('.room-inbox > li')].map((item) => item.getAttribute('aria-label')),
  };
}

/**
 * One run in a fresh context. `helpers`: { newPage, storeAndShowCard }; `roomBench`: the bundled
 * tests/bench/room-bench.ts. Returns { errors (the page's), pan_alone, pan_loaded (frame times), cpu_alone, cpu_loaded
 * (the page's main thread CPU, ms per second of the window), settle (ms from the last phone's
 * update to the panel showing every count), counts, labelsExpected }.
 */
export async function facilitatorRun({ browser, base, doc, helpers, roomBench, root, windowMs, steps, dx, profilePath = null }) {
  const room = await roomBench.startRoomProcess(root);
  const { context, page, errors } = await helpers.newPage(browser);
  let phones = null;
  try {
    const metrics = await context.newCDPSession(page);
    await metrics.send('Performance.enable', { timeDomain: 'threadTicks' });
    const card = await helpers.storeAndShowCard(page, base, doc);
    await page.evaluate(() => window.__bench.arm());
    const opened = page.evaluate(() => window.__bench.timeCanvasOpen('lastClick'));
    await card.click();
    await opened;

    // The panel open, not yet in a room: the canvas as wide as during the load.
    await page.getByRole('button', { name: 'Room', exact: true }).click();
    const panel = page.getByRole('complementary', { name: 'Workshop room' });
    await panel.getByLabel('Facilitator address').waitFor();
    await page.waitForTimeout(300);
    let cpuFrom = await mainThreadMs(metrics);
    const panAlone = await panFor(page, windowMs, steps, dx);
    const cpuAlone = (await mainThreadMs(metrics)) - cpuFrom;

    await panel.getByLabel('Facilitator address').fill(room.ownerUrl);
    await panel.getByRole('button', { name: 'Connect' }).click();
    await panel.locator('.room-status--connected').waitFor({ timeout: 20_000 });
    // The round on the panel's first 50 touchpoints, ticked as the facilitator ticks them.
    const boxes = panel.getByRole('checkbox');
    await boxes.nth(ROOM_LOAD.topics - 1).waitFor();
    for (let i = 0; i < ROOM_LOAD.topics; i++) await boxes.nth(i).check();
    await panel.getByRole('button', { name: `Open round (${ROOM_LOAD.topics})` }).click();
    const topicIds = await roomBench.openRoundTopics(room, ROOM_LOAD.topics).catch(async (error) => {
      await page.screenshot({ path: `${root}/.tmp/bench/room-facilitator-failed.png` });
      throw error;
    });
    phones = await roomBench.joinPhones(room, ROOM_LOAD.participants);
    await page.waitForFunction((want) => document.getElementById('room-people')?.textContent?.includes(`(${want})`), ROOM_LOAD.participants, { timeout: 20_000 });
    await page.waitForTimeout(300);

    // --profile: the page's CPU profile over the load (Chrome DevTools ▸ Performance opens it).
    const cdp = profilePath ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
    }
    // The load and the pan start together and last as long.
    cpuFrom = await mainThreadMs(metrics);
    const [panLoaded, burst] = await Promise.all([panFor(page, windowMs, steps, dx), roomBench.proposeAndRate(phones, topicIds, { proposals: ROOM_LOAD.proposals, windowMs })]);
    if (cdp) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(profilePath, JSON.stringify(profile));
      await cdp.detach();
    }
    const want = { ratings: ROOM_LOAD.participants * ROOM_LOAD.topics, proposals: ROOM_LOAD.participants * ROOM_LOAD.proposals };
    let counts;
    try {
      await page.waitForFunction(
        (w) => {
          const round = /^([\d,.\s]+) rating/.exec(document.querySelector('.room-round-live [role="status"]')?.textContent ?? '');
          return document.getElementById('room-inbox')?.textContent?.includes(`(${w.proposals})`) && round !== null && Number(round[1].replace(/\D/g, '')) >= w.ratings;
        },
        want,
        { polling: 'raf', timeout: 60_000 },
      );
    } catch {
      // not all arrived: the counts below say how far the panel got
    }
    const settle = performance.now() - burst.lastSentAt;
    // up to the panel showing it all: work the page put off past the window counts too
    const cpuLoaded = (await mainThreadMs(metrics)) - cpuFrom;
    counts = await page.evaluate(panelCounts);
    // main thread CPU per second of each window: the pan's own, and the pan's with the room's on top
    return { errors: [...new Set(errors)], pan_alone: panAlone, pan_loaded: panLoaded, cpu_alone: cpuAlone / (windowMs / 1000), cpu_loaded: cpuLoaded / (windowMs / 1000), settle, counts, labelsExpected: burst.labels, sent: burst.ratings };
  } finally {
    phones?.close();
    await context.close();
    room.stop();
  }
}

/** Every proposal once and only those: the inbox's labels against what the phones sent. */
export function inboxExact(counts, expected) {
  const seen = [...counts.labels].sort();
  const want = [...expected].sort();
  return seen.length === want.length && seen.every((label, i) => label === want[i]);
}
