import { defineConfig } from '@playwright/test';
// @ts-expect-error -- a plain .mjs module shared with the benchmark and the headless export
import { findChromium, CHROMIUM_ARGS } from './scripts/find-chromium.mjs';

const executablePath: string | undefined = await findChromium();
/** E2E_PORT lets two checkouts run their end-to-end tests side by side without sharing a server. */
const port = Number(process.env.E2E_PORT ?? 4173);

/** E2E tests drive the built renderer (dist/renderer) in a real Chromium; the Electron project runs where the binary exists. */
export default defineConfig({
  testDir: './tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: process.env.CI ? 1 : 2,
  // one retry on these shared, noisy machines: a test that fails twice still fails, and a pass on the
  // retry is reported as flaky in the run's summary, not hidden. Not tied to CI=1: `.ci/run` does not
  // set it (CI=1 also means one worker, twice the time), so the retry never applied there.
  retries: 1,
  reporter: [['list'], ['json', { outputFile: '.tmp/test-results/playwright.json' }]],
  outputDir: '.tmp/playwright-output',
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    trace: 'off',
    screenshot: 'only-on-failure',
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
