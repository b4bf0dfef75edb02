/**
 * Usable by everyone: axe-core checks every screen of the table in a11y-screens.ts, in the light
 * and the dark theme, and fails on any serious or critical violation, naming the screen, the rule
 * and the elements.
 */
import { test, expect, type Page, type Locator } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { A11Y_SCREENS, openExampleMap } from './a11y-screens';
import { mod, screenshot } from './driver';

const BLOCKING = new Set(['serious', 'critical']);

/** An element axe flagged, with the colours and ratio when it is a contrast failure. */
function describe(node: { readonly target: unknown[]; readonly any: readonly { readonly data?: unknown }[]; readonly failureSummary?: string }): string {
  const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
  const why = data?.fgColor ? `${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}` : (node.failureSummary ?? '').replace(/\s+/g, ' ').slice(0, 200);
  return `${node.target.join(' ')} (${why})`;
}

async function violations(page: Page, scope: Locator | void): Promise<string[]> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']);
  if (scope) builder = builder.include(await scope.evaluate((el) => (el.id ? `#${el.id}` : el.tagName.toLowerCase())));
  const result = await builder.analyze();
  return result.violations
    .filter((v) => BLOCKING.has(v.impact ?? ''))
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 4).map(describe).join(' | ')}`);
}

for (const theme of ['light', 'dark'] as const) {
  test(`no serious or critical axe violation on any screen, ${theme} theme`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((name) => localStorage.setItem('touchmap.theme', name), theme);
    await openExampleMap(page);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    const found: Record<string, string[]> = {};
    for (const screen of A11Y_SCREENS) {
      const scope = await screen.open(page);
      await page.waitForTimeout(250); // transitions and the first paint of a view settle
      const list = await violations(page, scope);
      if (list.length > 0) found[screen.name] = list;
      await screenshot(page, `a11y-screen-${theme}-${screen.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`);
      await screen.close?.(page);
    }
    expect(found).toEqual({});
  });
}

/** The four UI languages, with the App settings dialog's title and Done button in each. */
const LANGUAGES = [
  { code: 'en', settings: 'App settings', done: 'Done' },
  { code: 'ru', settings: 'Настройки приложения', done: 'Готово' },
  { code: 'ko', settings: '앱 설정', done: '완료' },
  { code: 'ja', settings: 'アプリの設定', done: '完了' },
] as const;

for (const language of LANGUAGES) {
  for (const theme of ['light', 'dark'] as const) {
    test(`no serious or critical axe violation in the editor and the library in ${language.code}, ${theme} theme`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.addInitScript((name) => localStorage.setItem('touchmap.theme', name), theme);
      await openExampleMap(page);
      // the language switch of App settings, as a person uses it: applied at once, no reload
      await page.getByRole('button', { name: 'App settings' }).click();
      await page.getByRole('dialog', { name: 'App settings' }).getByRole('combobox', { name: 'Language' }).selectOption(language.code);
      const settings = page.getByRole('dialog', { name: language.settings });
      await expect(settings).toBeVisible();
      await expect(page.locator('html')).toHaveAttribute('lang', language.code);
      await settings.getByRole('button', { name: language.done }).click();
      await expect(settings).toHaveCount(0);
      const found: Record<string, string[]> = {};
      const check = async (name: string) => {
        await page.waitForTimeout(250);
        const list = await violations(page);
        if (list.length > 0) found[name] = list;
      };
      await check('editor: mind map');
      for (const [key, name] of [['2', 'grid'], ['3', 'outline'], ['4', 'analysis'], ['5', 'action plan']] as const) {
        await page.keyboard.press(`${mod}+${key}`);
        await expect(page.locator('.react-flow__node')).toHaveCount(0);
        await check(`editor: ${name}`);
      }
      await page.keyboard.press(`${mod}+1`);
      await expect(page.locator('.react-flow__node').first()).toBeVisible();
      // back to the library: the toolbar's first button, whatever its words
      await page.locator('header.topbar').getByRole('button').first().click();
      await expect(page.locator('.library__main').getByRole('heading', { level: 1 })).toBeVisible();
      await check('library');
      await screenshot(page, `a11y-language-${language.code}-${theme}-library`);
      expect(found).toEqual({});
    });
  }
}

const announcement = (page: Page) => page.getByRole('status', { name: 'Selected topic' });

test('the arrow keys walk the mind map and a polite live region names each topic: label, channel, stage, scores', async ({ page }) => {
  await openExampleMap(page);
  const region = announcement(page);
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(region).toHaveText('');
  await page.keyboard.press('ArrowDown'); // nothing selected: the business
  await expect(region).toHaveText('Clinic: the business, at the centre of the map.');
  const heard: string[] = [];
  for (const key of ['ArrowRight', 'ArrowRight', 'ArrowRight', 'ArrowDown']) {
    await page.keyboard.press(key);
    await expect(region).not.toHaveText(heard[heard.length - 1] ?? 'Clinic: the business, at the centre of the map.');
    heard.push((await region.textContent()) ?? '');
  }
  // a touchpoint reached by keys: its label, what it is, channel, stage and ratings, in words
  expect(heard.some((text) => /^[^:]+: touchpoint, (Online|Offline), [^.]+\. .*Our score \d+, (awful|OK|wow)\./.test(text))).toBe(true);
});

test('a dialog keeps Tab inside it and gives focus back to the button that opened it', async ({ page }) => {
  await openExampleMap(page);
  const opener = page.getByRole('button', { name: 'App settings' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'App settings' });
  await expect(dialog).toBeVisible();
  const inside = () => dialog.evaluate((el) => el.contains(document.activeElement));
  const seen = new Set<string>();
  for (let i = 0; i < 25; i += 1) {
    await page.keyboard.press('Tab');
    await expect.poll(inside).toBe(true);
    seen.add(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80) ?? ''));
  }
  for (let i = 0; i < 25; i += 1) {
    await page.keyboard.press('Shift+Tab');
    await expect.poll(inside).toBe(true);
  }
  expect(seen.size).toBeGreaterThan(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('the outline is a tree grid: levels, expanded state and selection on rows; Left folds a touchpoint’s details, Right unfolds them', async ({ page }) => {
  await openExampleMap(page);
  await page.keyboard.press(`${mod}+3`);
  const grid = page.getByRole('treegrid', { name: 'Outline' });
  await expect(grid).toBeFocused();
  const row = (label: string) => grid.getByRole('row').filter({ has: page.getByText(label, { exact: true }) });
  const ad = row('Context ad');
  const detail = row('Search ad, ‘varicose laser’').or(row("Search ad, 'varicose laser'"));
  await expect(ad).toHaveAttribute('aria-level', '1');
  await expect(ad).toHaveAttribute('aria-expanded', 'true');
  await expect(detail).toHaveAttribute('aria-level', '2');
  await expect(row('Clinic website')).not.toHaveAttribute('aria-expanded', /./);
  await expect(ad.getByRole('gridcell').first()).toBeVisible();

  await ad.getByRole('gridcell').first().click();
  await expect(ad).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft'); // on the label column of an unfolded row: fold
  await expect(ad).toHaveAttribute('aria-expanded', 'false');
  await expect(detail).toHaveCount(0);
  await page.keyboard.press('ArrowDown'); // the folded detail is skipped
  await expect(row('Clinic website')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowRight'); // unfold
  await expect(ad).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(detail).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft'); // from a detail: up to its touchpoint
  await expect(ad).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight'); // unfolded already: the next cell, as before
  await expect(grid).toHaveAttribute('aria-activedescendant', 'outline-cell-0-1');
});

test('with reduced motion the view jumps: fit to view and zoom land at once, with no glide', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openExampleMap(page);
  const transform = () => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
  await page.waitForTimeout(300);
  const start = await transform();
  await page.keyboard.press(`${mod}+=`);
  // React Flow's zoom glides for 150 ms otherwise: read the view straight away, then once it would have settled
  const early = await transform();
  await page.waitForTimeout(400);
  expect(early).not.toBe(start);
  expect(await transform()).toBe(early);
  await page.getByRole('button', { name: 'Fit to view' }).click();
  const fitted = await transform();
  await page.waitForTimeout(400);
  expect(await transform()).toBe(fitted);
  expect(fitted).not.toBe(early);
});

/** The part of `locator` outside the window, in CSS px (0 when it is all inside). */
async function cutOff(page: Page, locator: Locator): Promise<number> {
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return Infinity;
  return Math.max(0, -box.x) + Math.max(0, box.x + box.width - size.width) + Math.max(0, -box.y) + Math.max(0, box.y + box.height - size.height);
}

/** Every button of the editor's toolbar is whole inside the window's width. */
async function expectToolbarWhole(page: Page): Promise<void> {
  const buttons = page.locator('header.topbar').getByRole('button');
  const size = page.viewportSize() as { width: number };
  expect(await buttons.count()).toBeGreaterThan(8);
  for (const button of await buttons.all()) {
    const box = await button.boundingBox();
    expect(box, await button.textContent() ?? '').not.toBeNull();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= size.width + 0.5, `${await button.textContent()} at ${JSON.stringify(box)}`).toBe(true);
  }
}

/** A dialog fits the window, and its last button can be reached (scrolled to if the body scrolls). */
async function expectDialogUsable(page: Page, name: string | RegExp, button: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name });
  await expect(dialog).toBeVisible();
  expect(await cutOff(page, dialog)).toBe(0);
  const action = dialog.getByRole('button', { name: button, exact: true }).last();
  await action.scrollIntoViewIfNeeded();
  await expect(action).toBeInViewport({ ratio: 1 });
}

for (const theme of ['light', 'dark'] as const) {
  test(`at 200 % zoom (a 640 × 360 window) the toolbar wraps, dialogs fit and every part is reachable, ${theme} theme`, async ({ page }) => {
    await page.addInitScript((name) => localStorage.setItem('touchmap.theme', name), theme);
    await page.setViewportSize({ width: 640, height: 360 });
    await openExampleMap(page);
    await page.getByRole('button', { name: 'Close' }).first().click(); // the import's notice
    await expectToolbarWhole(page);
    const canvas = page.getByRole('region', { name: 'Mind map' });
    expect((await canvas.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(250);
    await screenshot(page, `a11y-640x360-${theme}-mindmap`);

    // the inspector, under the view: reached by keys and a scroll
    for (const key of ['ArrowDown', 'ArrowRight', 'ArrowRight', 'ArrowRight']) await page.keyboard.press(key);
    const label = page.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Label' });
    // the inspector follows each arrow press and renders its fields anew: wait for the last one
    // before scrolling to it, or the scroll may hold a field already replaced
    await expect(label).toHaveValue('Context ad');
    await label.scrollIntoViewIfNeeded();
    await expect(label).toBeInViewport();
    await screenshot(page, `a11y-640x360-${theme}-inspector`);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('.editor').evaluate((el) => el.parentElement?.scrollTo(0, 0));

    await page.keyboard.press(`${mod}+2`);
    await expectToolbarWhole(page);
    await screenshot(page, `a11y-640x360-${theme}-grid`);
    await page.keyboard.press(`${mod}+3`);
    const outline = page.getByRole('treegrid', { name: 'Outline' });
    expect((await outline.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(100);
    await screenshot(page, `a11y-640x360-${theme}-outline`);

    await page.keyboard.press(`${mod}+e`);
    await expectDialogUsable(page, 'Export map', 'Export');
    await screenshot(page, `a11y-640x360-${theme}-export`);
    await page.keyboard.press('Escape');
    await page.keyboard.press(`${mod}+/`);
    await expectDialogUsable(page, 'Keyboard shortcuts', 'Close');
    await screenshot(page, `a11y-640x360-${theme}-help`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'App settings' }).click();
    await expectDialogUsable(page, 'App settings', 'Done');
    await screenshot(page, `a11y-640x360-${theme}-settings`);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /All maps/ }).click();
    const newMap = page.getByRole('button', { name: 'New map' }).first();
    expect(await cutOff(page, newMap)).toBe(0);
    await screenshot(page, `a11y-640x360-${theme}-library`);
    await newMap.click();
    await expectDialogUsable(page, 'New map', 'Create map');
    await screenshot(page, `a11y-640x360-${theme}-new-map`);
  });
}

test('with the system’s text larger (root font size 20 px) the toolbar and dialogs still fit at 1280 × 720', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openExampleMap(page);
  await page.addStyleTag({ content: 'html:root { font-size: 20px !important; }' });
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('20px');
  await expectToolbarWhole(page);
  await screenshot(page, 'a11y-root-20px-mindmap');
  await page.keyboard.press(`${mod}+e`);
  await expectDialogUsable(page, 'Export map', 'Export');
  await screenshot(page, 'a11y-root-20px-export');
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${mod}+3`);
  await expect(page.getByRole('treegrid', { name: 'Outline' })).toBeVisible();
  await screenshot(page, 'a11y-root-20px-outline');
});

/** How the focused element shows focus: its outline or a ring drawn with box-shadow; null when nothing shows. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { name: 'body', ring: 'none' };
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2 ? `outline ${style.outlineWidth} ${style.outlineColor}` : null;
    const shadow = style.boxShadow !== 'none' ? `shadow ${style.boxShadow}` : null;
    return { name: `${el.tagName.toLowerCase()} “${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30)}”`, ring: outline ?? shadow ?? 'none' };
  });

for (const theme of ['light', 'dark'] as const) {
  test(`Tab reaches the controls in order and each shows a focus ring, ${theme} theme`, async ({ page }) => {
    await page.addInitScript((name) => localStorage.setItem('touchmap.theme', name), theme);
    await openExampleMap(page);
    await page.getByRole('button', { name: 'Close' }).first().click(); // the import's notice
    await page.locator('body').focus();
    const noRing: string[] = [];
    const order: string[] = [];
    for (let i = 0; i < 30; i += 1) {
      await page.keyboard.press('Tab');
      const { name, ring } = await focusRing(page);
      order.push(name);
      if (ring === 'none' && name !== 'body') noRing.push(name); // past the last control the browser's own UI has focus
      if (i === 2 || i === 12) await screenshot(page, `a11y-focus-${theme}-editor-${i}`);
    }
    // the toolbar first, left to right: back to the library, then the views
    expect(order[0]).toContain('All maps');
    expect(order.findIndex((name) => name.includes('Mind map'))).toBeLessThan(order.findIndex((name) => name.includes('Export')));
    expect(noRing).toEqual([]);
    for (const size of [
      { width: 1280, height: 720 },
      { width: 1440, height: 900 },
    ]) {
      await page.setViewportSize(size);
      await page.getByRole('button', { name: 'Grid', exact: true }).focus();
      await screenshot(page, `a11y-focus-${theme}-${size.width}x${size.height}`);
    }
  });
}

test('colour by score band, reaction or kind: each value’s legend swatch differs by pattern, not only by colour', async ({ page }) => {
  await openExampleMap(page);
  const signatures = () =>
    page.locator('.legend__swatch').evaluateAll((swatches) =>
      swatches.map((el) => {
        const style = getComputedStyle(el);
        // the pattern with every colour taken out: what is left to tell values apart in greyscale
        return `${style.backgroundImage} ${style.borderStyle} ${style.borderWidth}`.replace(/rgba?\([^)]*\)/g, 'C');
      }),
    );
  for (const by of ['Score band', 'Reaction', 'Kind']) {
    await page.getByLabel('Colour by').first().selectOption({ label: by });
    const list = await signatures();
    expect(list.length, by).toBeGreaterThanOrEqual(3);
    expect(new Set(list).size, `${by}: ${list.join(' | ')}`).toBe(list.length);
    await screenshot(page, `a11y-colour-by-${by.replace(' ', '-').toLowerCase()}`);
  }
});
