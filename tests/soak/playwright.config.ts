import { defineConfig } from '@playwright/test';
import { fileURLToPath } from 'node:url';
import base from '../../playwright.config';

/**
 * `npm run test:soak`: the long crash run (30 SIGKILL cycles), never part of `npm test`.
 * The end-to-end config's browser and preview server, with a longer timeout.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));

export default defineConfig({
  ...base,
  testDir: '.',
  testMatch: ['*.soak.ts'],
  timeout: 20 * 60_000,
  reporter: [['list']],
  outputDir: `${root}.tmp/playwright-soak`,
  webServer: { ...(base.webServer as object), cwd: root } as typeof base.webServer,
});
