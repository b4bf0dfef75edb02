/**
 * Thirty crash cycles on one profile: random edits by keys, Saved, SIGKILL, restart, every saved
 * edit read back. A new seed each run unless `CRASH_SEED` replays one; the count of lost edits is
 * printed and must be 0.
 */
import { test, expect } from '@playwright/test';
import { crashSeed, runCrashCycles } from '../e2e/crash-driver';

const CYCLES = Number(process.env.CRASH_CYCLES ?? 30);

test(`edits saved before a SIGKILL are all there after ${CYCLES} crash cycles`, async () => {
  const baseURL = test.info().project.use.baseURL;
  if (!baseURL) throw new Error('The Playwright config names no baseURL for the preview server.');
  const run = await runCrashCycles({ cycles: CYCLES, seed: crashSeed(Date.now() % 1_000_000), baseURL, title: 'Soak clinic', log: (line) => console.log(line) });
  console.log(`lost edits: ${run.lost.length} of ${run.edits} in ${run.cycles} cycles`);
  expect(run.cycles).toBe(CYCLES);
  expect(run.lost).toEqual([]);
});
