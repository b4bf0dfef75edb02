/**
 * Reading the map: labels stay readable at fit to view, empty stage groups can be hidden, chains
 * grow by keyboard and their lines stay out of the text, and Japanese wraps between phrases.
 */
import { expect, test, type Page } from '@playwright/test';
import { canvasZoom, createMap, fitView, mod, openLibrary, screenshot } from './driver';

/** The smallest label on screen, px: its font size times the zoom. */
/** The smallest font on screen among the map's labels and score badges, in screen px. */
async function smallestLabelOnScreen(page: Page): Promise<number> {
  const zoom = await canvasZoom(page);
  const sizes = await page.locator('.mind-node__label, .score-badge').evaluateAll((labels) => labels.map((label) => parseFloat(getComputedStyle(label).fontSize)));
  expect(sizes.length).toBeGreaterThan(0);
  return Math.min(...sizes) * zoom;
}

test.describe('at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the coffee-shop map opens and fits with every label and score badge at least 12 px on screen', async ({ page }) => {
    await openLibrary(page);
    await createMap(page, 'Corner coffee', 'Coffee shop');
    await expect(page.locator('.mind-node__label').first()).toBeVisible();
    expect(await smallestLabelOnScreen(page)).toBeGreaterThanOrEqual(12);
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await page.waitForTimeout(300);
    expect(await smallestLabelOnScreen(page)).toBeGreaterThanOrEqual(12);
    // the business is in view: the map is framed around it
    await expect(page.locator('.mind-node--root')).toBeInViewport();
    await screenshot(page, 'map-reading-fit-1280');

    // pressed again, Fit to view shows the whole map, every touchpoint in view; then back
    await fitView(page);
    expect(await canvasZoom(page)).toBeLessThan(12 / 13);
    for (const label of ['Signage', 'Social-network ads', 'Contacting support about a forgotten item']) await expect(page.getByRole('treeitem', { name: label })).toBeInViewport();
    await page.getByRole('button', { name: 'Fit to view' }).click();
    await page.waitForTimeout(300);
    expect(await smallestLabelOnScreen(page)).toBeGreaterThanOrEqual(12);
  });
});

test('“Hide empty stages” removes the empty stage groups from the mind map and the grid, and is remembered', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Corner coffee', 'Coffee shop');
  const stageGroups = page.locator('.react-flow__node-stage');
  await zoomOut(page);
  // the coffee shop has no online touchpoint at the purchase stage: an empty group until hidden
  const emptyGroups = page.locator('.react-flow__node-stage').filter({ hasNot: page.locator('.mind-node__count') });
  await expect(emptyGroups).not.toHaveCount(0);
  const before = await stageGroups.count();

  const option = page.getByRole('checkbox', { name: 'Hide empty stages' });
  await option.check();
  await expect(emptyGroups).toHaveCount(0);
  expect(await stageGroups.count()).toBeLessThan(before);
  await screenshot(page, 'map-reading-empty-stages-hidden');

  // the grid follows (the same option, checked there too); every coffee-shop stage has a touchpoint
  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  await expect(page.getByRole('checkbox', { name: 'Hide empty stages' })).toBeChecked();
  await expect(page.locator('.grid-table__stage')).toHaveText(['Before purchase', 'Purchase', 'After purchase']);
  // remembered for the app: a reload keeps it
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Hide empty stages' })).toBeChecked();
});

test('in the grid, “Hide empty stages” leaves only the stages that have touchpoints', async ({ page }) => {
  await openLibrary(page);
  await createMap(page, 'Corner shop', 'Customer journey');
  await page.getByRole('button', { name: 'Grid', exact: true }).click();
  const columns = page.locator('.grid-table__stage');
  await expect(columns).toHaveCount(6);
  await page.getByRole('listbox', { name: 'Online · Consideration', exact: true }).click();
  await page.keyboard.press('Tab');
  const editor = page.getByRole('textbox', { name: 'Edit label' }).first();
  await editor.fill('Price comparison site');
  await editor.press('Enter');
  await page.getByRole('checkbox', { name: 'Hide empty stages' }).check();
  await expect(columns).toHaveText(['Consideration']);
  await expect(page.getByRole('option', { name: 'Price comparison site' })).toBeVisible();
  await screenshot(page, 'map-reading-grid-empty-stages-hidden');
  await page.getByRole('checkbox', { name: 'Hide empty stages' }).uncheck();
  await expect(columns).toHaveCount(6);
});

/** Zooms the canvas out with its own button until the whole map is in view (a small map needs two steps). */
async function zoomOut(page: Page, steps = 4): Promise<void> {
  for (let i = 0; i < steps; i++) await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.waitForTimeout(200);
}

/** A mind-map node by its full label (long labels wrap over several lines, so not by text). */
const mapNode = (page: Page, label: string) => page.locator('.react-flow__node').filter({ has: page.locator(`.mind-node[aria-label="${label}"]`) });
const steps = (page: Page, chain: string) => page.getByRole('list', { name: `Steps of “${chain}”` }).getByRole('listitem');

async function openClinic(page: Page, title = 'Clinic journeys'): Promise<void> {
  await openLibrary(page);
  await createMap(page, title, 'Medical clinic');
  await expect(page.locator('.mind-node--root')).toBeVisible();
}

test.describe('chains by keyboard', () => {
  test('selected touchpoints join an existing chain from the chooser, by keys alone', async ({ page }) => {
    await openClinic(page);
    await mapNode(page, 'Context ad').click();
    await page.keyboard.press('ArrowDown'); // the next touchpoint of the column: keys choose what joins
    const second = await page.locator('.mind-node.is-selected').getAttribute('aria-label');
    await page.keyboard.press(`${mod}+Shift+L`);
    const chooser = page.getByRole('dialog', { name: 'Add to chain' });
    await expect(chooser).toBeVisible();
    await expect(chooser.getByRole('button', { name: /^First visit/ })).toBeFocused();
    await screenshot(page, 'map-reading-add-to-chain');
    await page.keyboard.press('ArrowDown');
    const repeat = chooser.getByRole('button', { name: /^Repeat visit/ });
    await expect(repeat).toBeFocused();
    const before = Number(/\((\d+) steps\)/.exec((await repeat.textContent()) ?? '')?.[1]);
    await page.keyboard.press('Enter');
    await expect(chooser).toHaveCount(0);
    await expect(steps(page, 'Repeat visit')).toHaveCount(before + 1);
    await expect(steps(page, 'Repeat visit').last()).toContainText(second ?? '');

    // one undo step takes it back
    await page.keyboard.press(`${mod}+Z`);
    await expect(steps(page, 'Repeat visit')).toHaveCount(before);
  });

  test('a new chain from the selection, in the order the touchpoints were selected', async ({ page }) => {
    await openClinic(page);
    await mapNode(page, 'Site page').click();
    await mapNode(page, 'Context ad').click({ modifiers: ['Shift'] });
    await page.keyboard.press(`${mod}+Shift+L`);
    const chooser = page.getByRole('dialog', { name: 'Add to chain' });
    await expect(chooser.getByText('Add these 2 touchpoints')).toBeVisible();
    const name = chooser.getByRole('textbox', { name: 'Chain name' });
    await name.fill('');
    await name.press('Enter');
    await expect(chooser.getByRole('alert')).toHaveText('Give the chain a name.');
    await name.fill('Returning by search');
    await name.press('Enter');
    await expect(chooser).toHaveCount(0);
    await expect(steps(page, 'Returning by search')).toHaveCount(2);
    await expect(steps(page, 'Returning by search').first()).toContainText('Site page');
    await expect(steps(page, 'Returning by search').last()).toContainText('Context ad');
  });

  test('the context menu of a touchpoint offers “Add to chain…”, on the map and in the grid', async ({ page }) => {
    await openClinic(page);
    await mapNode(page, 'Talk with reception').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Touchpoint actions' });
    await expect(menu.getByRole('menuitem', { name: 'Add to chain…' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);

    await page.getByRole('button', { name: 'Grid', exact: true }).click();
    await page.getByRole('option', { name: 'Talk with reception', exact: true }).click({ button: 'right' });
    await menu.getByRole('menuitem', { name: 'Add to chain…' }).click();
    const chooser = page.getByRole('dialog', { name: 'Add to chain' });
    await expect(chooser.getByText('Add “Talk with reception” as the next step of:')).toBeVisible();
    await chooser.getByRole('button', { name: /^First visit/ }).click();
    await expect(chooser).toHaveCount(0);
    await expect(steps(page, 'First visit').last()).toContainText('Talk with reception');
  });

  test('with a group selected rather than touchpoints, the command says what to select', async ({ page }) => {
    await openClinic(page);
    await page.locator('.mind-node--channel').first().click();
    await page.keyboard.press(`${mod}+Shift+L`);
    await expect(page.getByText('Select one or more touchpoints first')).toBeVisible();
    await expect(page.getByRole('dialog', { name: 'Add to chain' })).toHaveCount(0);
  });
});

test.describe('the weak link in the Chains panel at 1280 × 720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('shows the weak link’s whole name, wrapped, never cut short with “…”', async ({ page }) => {
    await openClinic(page);
    await page.getByRole('button', { name: 'Chains', exact: true }).click();
    const weak = page.getByRole('list', { name: 'Steps of “First visit”' }).locator('.chain-step--weak .chain-step__label');
    await expect(weak).toHaveText('Filling in the card and questionnaire');
    const cut = await weak.evaluate((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1);
    expect(cut, 'the weak link’s name is cut off').toBe(false);
    await weak.scrollIntoViewIfNeeded();
    await screenshot(page, 'map-reading-weak-link-panel-1280');
  });
});

/**
 * Where a chain line passes over a box (a card, a node), what is on top there: the points of every
 * chain path inside one of the boxes, and whether the box or the line is hit at each. Lines are
 * made hit-testable for the probe (they ignore the pointer in the app), so the hit says which one
 * the browser paints above the other.
 */
async function chainLinesOver(page: Page, boxes: string): Promise<{ crossings: number; lineOnTop: string[] }> {
  return page.evaluate((selector) => {
    const paths = Array.from(document.querySelectorAll<SVGPathElement>('[data-chain-link] .chain-edge__path'));
    const targets = Array.from(document.querySelectorAll<HTMLElement>(selector));
    for (const path of paths) path.style.pointerEvents = 'stroke';
    let crossings = 0;
    const lineOnTop: string[] = [];
    for (const path of paths) {
      const matrix = path.getScreenCTM();
      if (!matrix) continue;
      const length = path.getTotalLength();
      for (let at = 0; at <= length; at += 6) {
        const local = path.getPointAtLength(at);
        const x = local.x * matrix.a + local.y * matrix.c + matrix.e;
        const y = local.x * matrix.b + local.y * matrix.d + matrix.f;
        const inside = targets.find((el) => {
          const r = el.getBoundingClientRect();
          return x > r.left + 4 && x < r.right - 4 && y > r.top + 4 && y < r.bottom - 4;
        });
        if (!inside) continue;
        crossings += 1;
        const hit = document.elementFromPoint(x, y);
        if (hit && path.contains(hit)) lineOnTop.push(inside.getAttribute('aria-label') ?? inside.textContent ?? '?');
      }
    }
    for (const path of paths) path.style.pointerEvents = '';
    return { crossings, lineOnTop };
  }, boxes);
}

test.describe('chain lines stay out of the text', () => {
  async function japaneseClinic(page: Page): Promise<void> {
    await openLibrary(page);
    await page.getByRole('button', { name: 'New map' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'New map' });
    await dialog.getByLabel('Map language').selectOption('ja');
    await dialog.getByRole('radio', { name: /Medical clinic/ }).check();
    await dialog.getByRole('button', { name: 'Create map' }).click();
    await expect(page.locator('.mind-node--root')).toBeVisible();
  }

  test('on the mind map, chain lines pass under the business, the groups and the touchpoints', async ({ page }) => {
    await japaneseClinic(page);
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await page.waitForTimeout(300);
    const { crossings, lineOnTop } = await chainLinesOver(page, '.mind-node');
    expect(crossings, 'the template’s chains cross no node: the probe found nothing to check').toBeGreaterThan(0);
    expect(lineOnTop).toEqual([]);
    // the weak link keeps its marker on top
    await expect(page.locator('.mind-node.is-weak-link').first()).toBeVisible();
  });

  test('in the grid, chain lines pass under the cards, never through their text', async ({ page }) => {
    await japaneseClinic(page);
    await page.getByRole('button', { name: 'Grid', exact: true }).click();
    await expect(page.locator('[data-chain-link]').first()).toBeAttached();
    const { crossings, lineOnTop } = await chainLinesOver(page, '.grid-card');
    expect(crossings, 'the template’s chains cross no card: the probe found nothing to check').toBeGreaterThan(0);
    expect(lineOnTop).toEqual([]);
    await expect(page.locator('.grid-card.is-weak-link').first()).toBeVisible();
    await screenshot(page, 'map-reading-grid-chains-ja');
  });
});
