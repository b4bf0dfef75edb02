/**
 * The mind map's tree links stay attached to their nodes while touchpoints are added: an edit
 * inside a cell re-lays that cell and moves the groups around it, and the links of the groups that
 * only moved are carried over from the drawing before (tree-links.ts); other edits draw them all
 * again. Here the links on screen are checked against the nodes on screen. (The carried-over
 * paths themselves are held equal to a full drawing by tests/unit/layout/cell-relayout.test.ts.)
 */
import { test, expect, type Page } from '@playwright/test';
import { createMap, fitView, openLibrary, screenshot, stageGroup } from './driver';

const editor = (page: Page) => page.getByRole('textbox', { name: 'Edit label' });

/** Every curve's two ends, in flow px: [[sx, sy, tx, ty], …]. */
async function linkEnds(page: Page): Promise<number[][]> {
  return page.locator('.tree-links path').evaluateAll((paths) =>
    paths.flatMap((path) => {
      const dy = Number(/translate\(0 ([-\d.]+)\)/.exec(path.getAttribute('transform') ?? '')?.[1] ?? 0);
      const d = path.getAttribute('d') ?? '';
      return [...d.matchAll(/M([-\d.]+),([-\d.]+)C[-\d.]+,[-\d.]+ [-\d.]+,[-\d.]+ ([-\d.]+),([-\d.]+)/g)].map((m) => {
        const [sx, sy, tx, ty] = m.slice(1).map(Number) as [number, number, number, number];
        return [sx, sy + dy, tx, ty + dy];
      });
    }),
  );
}

/** The middle of each node's left and right side, in flow px. */
async function nodeSides(page: Page): Promise<number[][]> {
  return page.locator('.react-flow__node').evaluateAll((nodes) =>
    nodes.flatMap((node) => {
      const m = /translate\(([-\d.]+)px, ?([-\d.]+)px\)/.exec((node as HTMLElement).style.transform);
      if (!m) return [];
      const x = Number(m[1]);
      const y = Number(m[2]);
      const { offsetWidth: w, offsetHeight: h } = node as HTMLElement;
      return [[x, y + h / 2], [x + w, y + h / 2]];
    }),
  );
}

test('after touchpoints are added to several groups, every tree link runs from a node’s side to a node’s side', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Linked clinic');
  // a group's first touchpoint lays the map out in full; the later ones re-lay their cell and move
  // the groups around it (Purchase's links, drawn before, are carried over)
  const groups: [('online' | 'offline'), string][] = [['online', 'Purchase'], ['online', 'Awareness'], ['online', 'Awareness'], ['offline', 'Consideration'], ['online', 'Awareness'], ['online', 'Purchase']];
  for (const [i, [channel, stage]] of groups.entries()) {
    await fitView(page);
    await stageGroup(page, channel, stage).click();
    await page.keyboard.press('Tab');
    await expect(editor(page)).toBeFocused();
    await page.keyboard.type(`Point ${i + 1}`);
    await page.keyboard.press('Enter');
    await expect(editor(page)).toBeFocused(); // the next one in the list: Esc leaves it out
    await page.keyboard.press('Escape');
    await expect(editor(page)).toHaveCount(0);
  }
  await fitView(page);
  const ends = await linkEnds(page);
  const sides = await nodeSides(page);
  expect(ends.length).toBe((await page.locator('.react-flow__node').count()) - 1);
  const onASide = (x: number, y: number) => sides.some(([sx, sy]) => Math.abs((sx as number) - x) < 1 && Math.abs((sy as number) - y) < 1);
  for (const [sx, sy, tx, ty] of ends) {
    expect(onASide(sx as number, sy as number), `a link starts at ${sx},${sy}`).toBe(true);
    expect(onASide(tx as number, ty as number), `a link ends at ${tx},${ty}`).toBe(true);
  }
  await screenshot(page, 'tree-links-after-adds-1440');
});
