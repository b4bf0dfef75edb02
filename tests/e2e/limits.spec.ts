/**
 * A file past one of a map's limits (shared/limits.ts) is refused at import with a message naming
 * the limit, and the library stays as it was: a line of 12,000 nested details, and a label of
 * 400,000 spaces — files that used to make the Markdown export run for minutes or end in
 * "Invalid string length".
 */
import { test, expect, type Page } from '@playwright/test';
import { writeFileSync } from 'node:fs';
import { node, openLibrary, screenshot } from './driver';

const EXAMPLE = 'tests/fixtures/files/example-v1-complete.touchmap';
const STAMP = '2026-12-01T00:00:00.000Z';

async function importFile(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import…' }).click();
  await (await chooser).setFiles(file);
}

/** A one-map file whose touchpoint has a line of `depth` details and whose touchpoint label is `label`. */
function mapFile(depth: number, label = 'Website'): string {
  const topics: object[] = [
    { id: 't-root', parentId: null, order: 0, label: 'Clinic' },
    { id: 't-0', parentId: 't-root', order: 0, label },
  ];
  for (let i = 1; i < depth; i += 1) topics.push({ id: `t-${i}`, parentId: `t-${i - 1}`, order: 0, label: 'Detail' });
  const map = { id: 'm-deep', title: 'Deep clinic', locale: 'en', stages: [], segments: [], competitors: [], createdAt: STAMP, updatedAt: STAMP, topics, chains: [] };
  return JSON.stringify({ format: 'touchmap', version: 1, exportedAt: STAMP, maps: [map] });
}

const mapCards = (page: Page) => page.getByRole('list', { name: 'Your maps' }).getByRole('listitem');

test('a file past a limit of a map is refused naming the limit, and the library stays as it was', async ({ page }, testInfo) => {
  await openLibrary(page);
  await importFile(page, EXAMPLE);
  await expect(node(page, 'Context ad')).toBeVisible();
  await page.getByRole('button', { name: /All maps/ }).click();
  await expect(page.getByRole('heading', { name: 'Your maps' })).toBeVisible();
  await expect(mapCards(page)).toHaveCount(1);

  const deep = testInfo.outputPath('deep.touchmap');
  writeFileSync(deep, mapFile(12_000));
  await importFile(page, deep);
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(
    '“deep.touchmap” was not imported, and nothing was changed. Map "Deep clinic": topic "Detail" is 10,001 levels below the centre topic; details nest up to 10,000 levels deep.',
  );
  await screenshot(page, 'limits-refused-depth');
  await alert.getByText('Details', { exact: true }).click();
  await expect(alert.getByText('MAX_TOPIC_DEPTH')).toBeVisible();
  await screenshot(page, 'limits-refused-depth-details');
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, 'limits-refused-depth-details-1280');
  await page.setViewportSize({ width: 1440, height: 900 });

  const spaces = testInfo.outputPath('spaces.touchmap');
  writeFileSync(spaces, mapFile(2, ' '.repeat(400_000)));
  await importFile(page, spaces);
  await expect(alert).toContainText('the label of topic 2 is 400,000 characters long; labels and names are up to 10,000 characters.');
  await screenshot(page, 'limits-refused-label');
  await expect(mapCards(page)).toHaveCount(1);
});
